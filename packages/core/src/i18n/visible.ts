/**
 * The one rule for showing text from outside (a form, a file name, a reader's message quoting a file) to a person:
 * every character a terminal or a page would obey rather than show — C0 and C1 controls, DEL, the bidi marks,
 * embeddings, overrides and isolates, the Unicode line and paragraph separators — is shown as its `\u001b`-style
 * escape. A unit name with ESC sequences could otherwise recolour or clear a terminal, set its title (OSC), ring
 * the bell, hide text with CR or forge a report line with LF; a bidi override reverses what follows it, on a
 * terminal and on a page alike (`报告\u202eexe.docx` reads as `报告xcod.exe`). The CLI's terminal output, the
 * reasons every report gives for a file not read and the workbench's page all show text through here.
 */

/** C0 controls except TAB, DEL, C1 controls, the bidi marks, embeddings, overrides and isolates, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this module is for
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** The same, but a line feed is kept: for text laid out in lines by the program itself. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_BUT_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A value from outside (a unit name, a file name, a message) for one line: every control character shown, none obeyed, no line break. */
export function visibleText(value: string): string {
  return value.replace(UNSAFE, escaped);
}

/** Text laid out by the program (its own line breaks kept), with every other control character shown, none obeyed. */
export function visibleLines(text: string): string {
  return text.replace(UNSAFE_BUT_LF, escaped);
}
