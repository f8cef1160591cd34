import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSubmission, decodeText } from './detect.js';

/**
 * decodeText's rule with a new decoder per call and a scan by code point: strict UTF-16 (after its byte-order mark)
 * or UTF-8; else UTF-8 with replacement when valid non-ASCII characters outnumber the replacements more than four
 * to one; else strict GB18030 — and binary when control characters pass 1 % (at least 3). Before UTF-8, bytes
 * without a byte-order mark whose NULs stand on one side (at least 4, more than four times the other side's, one
 * per hundred byte pairs) are tried as UTF-16 in that order, and taken unless that reads as binary.
 */
function decodeTextReference(bytes: Uint8Array): string | undefined {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const nuls = [...bytes.entries()].filter(([, b]) => b === 0).map(([i]) => i % 2);
  const odd = nuls.filter((side) => side === 1).length;
  const even = nuls.length - odd;
  const pairs = Math.floor(bytes.length / 2);
  const order = bom ? undefined : odd >= 4 && odd > 4 * even && odd * 100 >= pairs ? 'utf-16le' : even >= 4 && even > 4 * odd && even * 100 >= pairs ? 'utf-16be' : undefined;
  if (order !== undefined) {
    const asUtf16 = binaryOrText(new TextDecoder(order).decode(bytes));
    if (asUtf16 !== undefined) return asUtf16;
  }
  return decodeWithoutNulRule(bytes);
}

function decodeWithoutNulRule(bytes: Uint8Array): string | undefined {
  let text: string | undefined;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(utf16 === undefined ? bytes : bytes.subarray(2));
  } catch {
    if (utf16 !== undefined) text = new TextDecoder(utf16).decode(bytes.subarray(2));
    else {
      const loose = Array.from(new TextDecoder('utf-8').decode(bytes));
      const replaced = loose.filter((c) => c === '\ufffd').length;
      const valid = loose.filter((c) => c !== '\ufffd' && c > '\x7f').length;
      if (valid > 4 * replaced) text = loose.join('');
      else {
        try {
          text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
        } catch {
          return undefined;
        }
      }
    }
  }
  return binaryOrText(text);
}

function binaryOrText(text: string): string | undefined {
  let control = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > Math.max(2, text.length / 100) ? undefined : text;
}

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
};

/** `text` in one of the encodings decodeText meets (UTF-16 with or without its byte-order mark). */
function encode(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-16le':
    case 'utf-16be':
      return utf16(text, encoding === 'utf-16be');
    case 'utf-16le-nobom':
    case 'utf-16be-nobom':
      return utf16(text, encoding === 'utf-16be-nobom').subarray(2);
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-8':
      return new TextEncoder().encode(text);
    default:
      // Two-byte GB18030 pairs (中 = D6 D0) around ASCII: not UTF-8.
      return new Uint8Array([0xd6, 0xd0, ...new TextEncoder().encode(text).map((b) => b & 0x7f), 0xb1, 0xed]);
  }
}

/** Text with CJK, astral characters, lone surrogates and control characters, in every encoding decodeText meets; plus raw bytes. */
const bytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .tuple(
      fc.string({ unit: fc.oneof(fc.constantFrom('部', '门', '表', '\t', '\n', '\r', '\f', '\u0000', '\u0007', '\u001f', '\ufffd', '\ud83d\ude00', '\ud800', 'A', ' '), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 200 }),
      fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-nobom', 'utf-16be-nobom', 'gb18030-ish'),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
    )
    .map(([text, encoding, damage]) => {
      const bytes = encode(text, encoding);
      for (const [at, value] of damage) if (bytes.length > 0) bytes[at % bytes.length] = value;
      return bytes;
    }),
);

describe('decodeText', () => {
  it('property: decodes every byte sequence as the reference does, whatever came before (the decoders are reused)', () => {
    fc.assert(
      fc.property(fc.array(bytesArb, { minLength: 1, maxLength: 6 }), (inputs) => {
        for (const bytes of inputs) expect(decodeText(bytes)).toBe(decodeTextReference(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('reads UTF-8 after a failed decode, GB18030, UTF-16 with its byte-order mark, and refuses binary data', () => {
    expect(decodeText(new Uint8Array([0x81]))).toBe(undefined);
    expect(decodeText(new TextEncoder().encode('部门整体'))).toBe('部门整体');
    expect(decodeText(new Uint8Array([0xd6, 0xd0, 0x41]))).toBe('中A');
    expect(decodeText(utf16('表\t1', true))).toBe('表\t1');
    expect(decodeText(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9]))).toBe(undefined);
  });

  it('reads UTF-16 without a byte-order mark by where its NUL bytes stand, in either order; not a few NULs, and not binary data', () => {
    const form = '单位名称\t北塔区司法局\n年度收入\t264.47\n';
    expect(decodeSubmission(utf16(form, false).subarray(2))).toEqual({ text: form });
    expect(decodeSubmission(utf16(form, true).subarray(2))).toEqual({ text: form });
    // 一 (U+4E00) has its NUL on the other side: outnumbered more than four to one, still UTF-16.
    expect(decodeText(utf16(`一级指标\t${form}`, false).subarray(2))).toBe(`一级指标\t${form}`);
    // Three NULs at odd places in UTF-8 text are three control characters, not UTF-16.
    const three = `${'a'.repeat(299)}\0a\0a\0`;
    expect(decodeText(new TextEncoder().encode(three))).toBe(three);
    // NULs on both sides, or on one side of bytes that read as control characters in UTF-16: binary.
    expect(decodeText(new Uint8Array(64))).toBe(undefined);
    expect(decodeText(new Uint8Array(64).map((_, i) => (i % 2 === 0 ? i % 7 : 0)))).toBe(undefined);
  });

  it('reads damaged UTF-8 as UTF-8 with U+FFFD where the bytes are invalid (not as GB18030 mojibake), and says so', () => {
    const rest = '\t北塔区司法局\n年度收入\t264.47\n'.repeat(20);
    const damaged = new TextEncoder().encode(`单位名称${rest}`);
    damaged[7] = 0xff; // the middle byte of 名: its lead byte, this byte and its last byte are each invalid
    expect(decodeSubmission(damaged)).toEqual({ text: `单位\ufffd\ufffd\ufffd称${rest}`, damaged: 'UTF-8' });
    expect(decodeSubmission(utf16('单位\ud800名称', false))).toEqual({ text: '单位\ufffd名称', damaged: 'UTF-16' });
    expect(decodeSubmission(new Uint8Array([0xb5, 0xa5, 0xce, 0xbb]))).toEqual({ text: '单位' });
  });
});
