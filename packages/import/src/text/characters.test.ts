import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnreadable, invalidEncoding, markUnreadable, MAX_CHARACTER_DIAGNOSTICS } from './characters.js';

/** The meaning, code unit by code unit: a C0/C1 control other than tab, LF, VT, FF, CR; DEL; a surrogate without its pair. */
function unreadableAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x20) return ![9, 10, 11, 12, 13].includes(c);
  if (c >= 0x7f && c <= 0x9f) return true;
  if (c >= 0xd800 && c <= 0xdbff) return !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
  if (c >= 0xdc00 && c <= 0xdfff) return !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff);
  return false;
}

const indices = (s: string): number[] => Array.from({ length: s.length }, (_, i) => i);

const textArb = fc.string({ unit: fc.oneof(fc.constantFrom('单', '位', 'a', ' ', '\t', '\n', '\r', '\v', '\f', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\ufffd', '\ud83d\ude00', '\ud800', '\udc00'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 60 });

describe('unreadable characters', () => {
  it('property: hasUnreadable holds exactly when some code unit is a control character or an unpaired surrogate', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(hasUnreadable(s)).toBe(indices(s).some((i) => unreadableAt(s, i)));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: markUnreadable replaces exactly those with U+FFFD and reports each (line and column as the reader counts them)', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const { text, diagnostics } = markUnreadable(s);
        const bad = indices(s).filter((i) => unreadableAt(s, i));
        expect(text.length).toBe(s.length);
        expect(indices(text).filter((i) => text[i] !== s[i])).toEqual(bad);
        expect(bad.every((i) => text[i] === '\uFFFD')).toBe(true);
        expect(diagnostics.length).toBe(Math.min(bad.length, MAX_CHARACTER_DIAGNOSTICS));
        for (const [k, d] of diagnostics.entries()) {
          const at = bad[k] ?? -1;
          const before = s.slice(0, at);
          const lineStarts = [...before.matchAll(/\r\n|\r|\n/g)];
          const last = lineStarts[lineStarts.length - 1];
          expect({ line: d.line, column: d.column }).toEqual({ line: lineStarts.length + 1, column: at - (last === undefined ? 0 : last.index + last[0].length) + 1 });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('examples', () => {
    expect(markUnreadable('北塔区\u0000司法局\n第二行\u0007')).toMatchObject({
      text: '北塔区\uFFFD司法局\n第二行\uFFFD',
      diagnostics: [
        { code: 'unreadable-character', severity: 'error', line: 1, column: 4 },
        { code: 'unreadable-character', line: 2, column: 4 },
      ],
    });
    expect(markUnreadable('Word 的文本\t\v\f\r\n😀').diagnostics).toEqual([]);
    expect(invalidEncoding('a\ufffd\ufffd\ufffdb\r\n\ufffd', 'UTF-8').map((d) => [d.line, d.column])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });
});
