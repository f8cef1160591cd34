// Money and the other exact decimals at their edges: what is refused, the sign of a difference, zero as written.
// Example tables worked by hand (model.test.ts holds the properties).
import { describe, expect, it } from 'vitest';
import { MAX_PERCENT, MAX_SCORE, hundredths, isHundredths } from './decimal.js';
import { MAX_MONEY, formatMoney, isMoney, subtractMoney, toCents, toSignedCents } from './money.js';

describe('toCents', () => {
  it.each([
    [0, 0],
    [0.01, 1],
    [264.47, 26447],
    [MAX_MONEY, MAX_MONEY * 100],
  ])('%s 万元 is %s hundredths', (value, cents) => {
    expect(toCents(value)).toBe(cents);
  });

  // Each guard on its own: a third decimal, a negative amount, one beyond the largest, not a number.
  it.each([1.005, 0.001, -0.01, -3, MAX_MONEY + 1, Number.NaN, Infinity])('refuses %s, naming it', (value) => {
    expect(() => toCents(value)).toThrow(new RangeError(`not a 2-decimal amount: ${String(value)}`));
  });
});

describe('isMoney at its bounds', () => {
  it.each([
    [0, true],
    [MAX_MONEY, true], // the largest amount itself is one
    [MAX_MONEY + 0.01, false],
    [-0.01, false],
    [0.005, false],
  ])('%s: %s', (value, money) => {
    expect(isMoney(value)).toBe(money);
  });
});

describe('subtractMoney and toSignedCents', () => {
  it.each([
    [0.3, 0.1, 0.2], // 0.3 − 0.1 is 0.19999999999999998 in floating point
    [264.47, 267.47, -3],
    [1, 2.5, -1.5],
    [5, -2.25, 7.25], // a derived difference may be negative: subtracting it adds
    [0, 0, 0],
  ])('%s − %s = %s', (a, b, difference) => {
    expect(subtractMoney(a, b)).toBe(difference);
  });

  it.each([
    [-3.07, -307],
    [3.07, 307],
    [0, 0],
  ])('%s is %s signed hundredths', (value, cents) => {
    expect(toSignedCents(value)).toBe(cents);
  });

  it('refuses a third decimal on either side, whatever its sign', () => {
    expect(() => toSignedCents(-1.005)).toThrow(RangeError);
    expect(() => subtractMoney(1, -0.001)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [0, '0.00'], // zero has no sign
    [-0.01, '-0.01'],
    [-3, '-3.00'],
    [12.5, '12.50'],
  ])('%s is written %s', (value, text) => {
    expect(formatMoney(value)).toBe(text);
  });
});

describe('scores and percentages (hundredths)', () => {
  it.each([
    [MAX_SCORE, MAX_SCORE, true], // the bound itself is accepted
    [-MAX_SCORE, MAX_SCORE, true],
    [MAX_SCORE + 0.01, MAX_SCORE, false],
    [MAX_PERCENT, MAX_PERCENT, true],
    [76.5, MAX_PERCENT, true],
    [76.505, MAX_PERCENT, false],
  ])('isHundredths(%s, max %s) is %s', (value, max, expected) => {
    expect(isHundredths(value, max)).toBe(expected);
  });

  it.each([
    [76.5, 7650],
    [-2.5, -250],
    [0, 0],
  ])('hundredths(%s) is %s', (value, h) => {
    expect(hundredths(value)).toBe(h);
  });

  // A third decimal (0.005 rounds to a safe 1, but 1/100 is not 0.005), and a magnitude beyond exact integers
  // (1e300 × 100 rounds back to 1e300 exactly, but is no safe integer).
  it.each([0.005, 1e300, -1e300, Number.NaN])('hundredths refuses %s, naming it', (value) => {
    expect(() => hundredths(value)).toThrow(new RangeError(`not a 2-decimal number: ${String(value)}`));
  });
});
