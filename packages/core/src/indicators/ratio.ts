/**
 * Exact percentages: `numerator / denominator × 100`, rounded half away from zero to two decimals, computed
 * on integers (BigInt), so 21/22 is 95.45 and never 95.44999….
 */
export function percentOf(numerator: number, denominator: number): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) return null;
  const n = BigInt(numerator) * 10_000n;
  const d = BigInt(denominator);
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  let q = absN / absD;
  if ((absN % absD) * 2n >= absD) q += 1n;
  const hundredths = negative ? -q : q;
  return Number(hundredths) / 100;
}

/** `95.45%`, `-12.00%`. */
export function formatPercent(value: number): string {
  return `${value.toFixed(2)}%`;
}
