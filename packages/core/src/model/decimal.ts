/**
 * Exact decimals other than money: scores (分值, 得分) and percentages (执行率, 得分系数). Like money they travel
 * as JSON numbers with at most two decimals and every sum, difference or comparison is done in integer
 * hundredths, so nothing drifts. A percentage is written in percent (76.5 for 76.5%): two decimals of a percent
 * are whole basis points, the precision forms print (`76.00%`) and the one the derived indicators already use
 * (`percentOf`). The round trip `Math.round(v × 100) / 100 === v` is exact for |v| ≤ 10^13 (see `isMoney`).
 */

/** Largest score magnitude accepted (a form's total is 100; some local templates total a few hundred). */
export const MAX_SCORE = 1000;
/** Largest percentage accepted: 10^6 % (an execution rate far above 100 % is a defect to report, not to refuse). */
export const MAX_PERCENT = 1_000_000;

/** True when `value` is a finite number with at most two decimals and |value| ≤ `max`. */
export function isHundredths(value: unknown, max: number): value is number {
  return typeof value === 'number' && Math.abs(value) <= max && Math.round(value * 100) / 100 === value;
}

/** Exact signed hundredths of a 2-decimal number (throws on anything else). */
export function hundredths(value: number): number {
  const h = Math.round(value * 100);
  if (!(Number.isSafeInteger(h) && h / 100 === value)) throw new RangeError(`not a 2-decimal number: ${String(value)}`);
  return h;
}
