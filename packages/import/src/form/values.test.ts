import { describe, expect, it } from 'vitest';
import { parseAmount } from './values.js';

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

  it('refuses a space inside a figure (core drops spaces: `26 4.47` would be 264.47) but not around it', () => {
    expect(parseAmount('26 4.47')).toEqual({ ok: false });
    expect(parseAmount('264.\u00a047')).toEqual({ ok: false });
    expect(parseAmount('２６\u30004.47')).toEqual({ ok: false });
    expect(parseAmount(' 264.47 万元 ')).toEqual({ ok: true, value: 264.47 });
  });
});
