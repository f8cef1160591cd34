/**
 * Money on the form is 万元 with at most two decimals. Values travel as JSON numbers (what editors and
 * other tools expect), but every sum and difference is computed in integer hundredths ("cents" of 万元),
 * so `0.1 + 0.2` can never produce a totals mismatch. Comparing two 2-decimal numbers is exact already;
 * only arithmetic drifts, and no arithmetic is done in floating point.
 */

/** Largest amount accepted: 10^13 万元 keeps hundredths inside Number.MAX_SAFE_INTEGER. */
export const MAX_MONEY = 10_000_000_000_000;

const TWO_DECIMALS = /^\d+(?:\.\d{1,2})?$/;

/**
 * True when `value` is a finite, non-negative number written with at most two decimals.
 *
 * Arithmetic, not string parsing (this is on the hot path): for |v| ≤ 10^13, `v × 100` lies within 0.25 of the
 * integer N when v is the double nearest N/100, so `Math.round` recovers N, and IEEE division is correctly
 * rounded, so `N / 100 === v` exactly then and only then. A property test checks this against the decimal
 * definition (`String(v)` has at most two decimals).
 */
export function isMoney(value: number): boolean {
  return typeof value === 'number' && value >= 0 && value <= MAX_MONEY && Math.round(value * 100) / 100 === value;
}

/** Exact hundredths of a 2-decimal amount (throws on anything that is not one). */
export function toCents(value: number): number {
  const cents = Math.round(value * 100);
  if (!(value >= 0 && value <= MAX_MONEY && cents / 100 === value)) throw new RangeError(`not a 2-decimal amount: ${String(value)}`);
  return cents;
}

/**
 * The number nearest to `cents / 100`: the same double a user gets by typing the 2-decimal amount (division is
 * correctly rounded, as is parsing the decimal text).
 */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** Sum of amounts, exact. */
export function sumMoney(values: readonly number[]): number {
  return fromCents(values.reduce((acc, v) => acc + toCents(v), 0));
}

/** `a − b`, exact (may be negative). */
export function subtractMoney(a: number, b: number): number {
  return fromCents(toCents(a) - centsOfSigned(b));
}

function centsOfSigned(value: number): number {
  return value < 0 ? -toCents(-value) : toCents(value);
}

/** Compare two amounts exactly: negative, zero or positive. Accepts signed 2-decimal values. */
export function compareMoney(a: number, b: number): number {
  return centsOfSigned(a) - centsOfSigned(b);
}

/** Signed hundredths, for derived values (differences) that may be negative. */
export function toSignedCents(value: number): number {
  return centsOfSigned(value);
}

/** Fixed two decimals: 264.47, 0.00, -3.00. */
export function formatMoney(value: number): string {
  const cents = centsOfSigned(value);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${String(Math.trunc(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Read an amount written as text (`267.47`, `１２.５`, `74.69万元`) exactly. Returns undefined when the
 * text is not a plain 2-decimal amount (`约300`, `3OO`, `1.005`); callers turn that into a diagnostic.
 */
export function parseMoneyText(text: string): number | undefined {
  // Already plain (the common case): every replace below would leave it as it is.
  const normalized = TWO_DECIMALS.test(text)
    ? text
    : text
        .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
        .replace(/[．。]/g, '.')
        .replace(/[，,](?=\d{3}(?:\D|$))/g, '')
        .replace(/\s+/g, '')
        .replace(/万元$/, '');
  if (!TWO_DECIMALS.test(normalized)) return undefined;
  const value = Number(normalized);
  return isMoney(value) ? value : undefined;
}
