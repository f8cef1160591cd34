import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoneyText } from '@jixiao/core';
import { parseAmount } from './values.js';

/** parseAmount as it was first written: everything through parseMoneyText. */
function parseAmountReference(raw: string): ReturnType<typeof parseAmount> {
  const text = raw.trim().replace(/\s*万元$/, '').trim();
  if (text === '') return { ok: true, value: null };
  const value = parseMoneyText(text);
  return value === undefined ? { ok: false } : { ok: true, value };
}

describe('parseAmount', () => {
  it('reads plain and written-out amounts', () => {
    expect(parseAmount('264.47')).toEqual({ ok: true, value: 264.47 });
    expect(parseAmount(' 0.05 ')).toEqual({ ok: true, value: 0.05 });
    expect(parseAmount('74.69万元')).toEqual({ ok: true, value: 74.69 });
    expect(parseAmount('１２.５')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmount('1.005')).toEqual({ ok: false });
    expect(parseAmount('99999999999999')).toEqual({ ok: false });
    expect(parseAmount('')).toEqual({ ok: true, value: null });
  });

  it('property: the same reading as parsing every amount with parseMoneyText', () => {
    const amount = fc.array(fc.constantFrom(...Array.from('0123456789..,，．。１２ 万元约O'), '万元', '00000000000000'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(amount, fc.double({ min: 0, max: 1e14, noNaN: true }).map(String), fc.integer({ min: 0, max: 2e13 }).map((n) => (n / 100).toFixed(2))), (raw) => {
        expect(parseAmount(raw)).toEqual(parseAmountReference(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
