/**
 * The oracle of the tests that text from outside is shown, never obeyed (the CLI's terminal output, the workbench's
 * page): written apart from `@jixiao/core`'s visibleText, by code point.
 */

/** Every character a terminal may obey, except the line feeds the CLI lays its own lines out with (checked by code point, not with the code under test). */
export function obeyed(text: string): string[] {
  const bad: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control = (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
    const bidi = c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x2028 || c === 0x2029;
    if (control || bidi) bad.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  return bad;
}
