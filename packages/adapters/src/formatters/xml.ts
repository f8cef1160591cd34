/**
 * XML text escaping for the JUnit report. Characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD, so any string from a submission yields well-formed XML.
 */
// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replace what XML 1.0 cannot represent with U+FFFD (what a reader gets back for such a string). */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD');
}

/** Escape character data (element content). `>` too, so `]]>` never appears. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escape an attribute value (double-quoted); whitespace as references so parsers do not normalise it away. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
