// TEST-ONLY REFERENCE — fast-xml-parser's tree for tree-walk.reference.ts (see there).
import { XMLParser } from 'fast-xml-parser';

/** A node as fast-xml-parser returns it with `preserveOrder`: `{ tag: children, ':@': attributes }` or `{ '#text': … }`. */
export type XmlNode = Record<string, unknown>;

export class XmlReadError extends Error {
  constructor(
    readonly code: 'docx-dtd-rejected' | 'docx-xml-invalid',
    message: string,
  ) {
    super(message);
    this.name = 'XmlReadError';
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parse WordprocessingML. A document type declaration or entity declaration is refused before parsing (no
 * external entities, no entity expansion: billion-laughs cannot start), and entity processing is off; the five
 * predefined entities and character references are decoded by {@link decodeXmlText}.
 */
export function parseXml(xml: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new XmlReadError('docx-dtd-rejected', 'the XML declares a DTD or entities');
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    throw new XmlReadError('docx-xml-invalid', error instanceof Error ? error.message : String(error));
  }
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the predefined XML entities and numeric character references in text or attribute values. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return PREDEFINED[ref] ?? whole;
  });
}

function safeCodePoint(cp: number): string | undefined {
  return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

/** The tag name of a node (`p`, `r`, `t` … with namespace prefixes removed), or undefined for text. */
export function tagOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return undefined;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  if (tag === undefined) return [];
  const c = node[tag];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const v = attrs?.[`@_${name}`];
  return typeof v === 'string' ? decodeXmlText(v) : undefined;
}

export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' ? decodeXmlText(c['#text']) : typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('');
}
