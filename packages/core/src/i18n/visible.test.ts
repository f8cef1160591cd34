import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLines, visibleText } from './visible.js';

/** Code points a terminal may obey (an oracle written apart from visible.ts: ranges compared one by one). */
const obeys = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || [0x061c, 0x200e, 0x200f, 0x2028, 0x2029].includes(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const anyText = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0xa0 }), fc.integer({ min: 0x2000, max: 0x2070 }), fc.constant(0x061c), fc.constant(0x5355)).map((c) => String.fromCodePoint(c)) });

describe('visible text', () => {
  it('leaves nothing a terminal or a page would obey but TAB in a value, and shows each such character as its \\u escape', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = visibleText(s);
        for (const ch of out) expect(obeys(ch.codePointAt(0) ?? 0) && ch !== '\t').toBe(false);
        // Each character obeyed in the input is one escape in the output; everything else is kept as it was.
        const expected = Array.from(s, (ch) => (obeys(ch.codePointAt(0) ?? 0) && ch !== '\t' ? `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}` : ch)).join('');
        expect(out).toBe(expected);
      }),
    );
  });

  it('keeps the line feeds of text laid out by the program, and only those', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = visibleLines(s);
        expect(out.split('\n').length).toBe(s.split('\n').length);
        expect(out.split('\n')).toEqual(s.split('\n').map(visibleText));
      }),
    );
  });

  it('examples', () => {
    expect(visibleText('a\u001b[31mb\u0007\r\n')).toBe('a\\u001b[31mb\\u0007\\u000d\\u000a');
    expect(visibleText('甲\u202e乙\t丙')).toBe('甲\\u202e乙\t丙');
    expect(visibleLines('第一行\n第二行\u001b]0;x\u0007')).toBe('第一行\n第二行\\u001b]0;x\\u0007');
  });
});
