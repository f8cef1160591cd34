/**
 * Piecewise-linear scales for message data (`{ "scale": "indicators.staffingControlRate", "points": [[100, 8],
 * [116, 0]] }`): the fact's value mapped through the points, interpolated linearly between neighbouring points
 * and held constant beyond the first and last. Local scoring tables ("full 8 points at ≤ 100%, minus 0.5 per
 * percentage point above, floor 0") are such scales, so a pack states a deduction as data, without code.
 * Exact: inputs and points are read in hundredths, the result is rounded half away from zero to 2 decimals.
 * A step (two points at one x) has the value of the first of them as written at that x, wherever it stands.
 */

const toHundredths = (v: number) => Math.round(v * 100);

/** Divide an integer by a positive integer, rounding half away from zero. */
function divRound(n: number, d: number): number {
  const r = Math.floor(Math.abs(n) / d + 0.5);
  return n < 0 ? -r : r;
}

/**
 * A scale prepared once (points in hundredths, sorted by x): its value at `x`, null when `x` is not a finite
 * number (a blank stays blank). The engine compiles each rule's scales when the checker is built.
 */
export function compileScale(points: readonly (readonly [number, number])[]): (x: unknown) => number | null {
  const pts = [...points].map(([px, py]) => [toHundredths(px), toHundredths(py)] as const).sort((a, b) => a[0] - b[0]);
  const first = pts[0];
  const last = pts.at(-1);
  return (x) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || first === undefined || last === undefined) return null;
    const X = toHundredths(x);
    if (X <= first[0]) return first[1] / 100;
    for (let i = 1; i < pts.length; i++) {
      const [x0, y0] = pts[i - 1] ?? first;
      const [x1, y1] = pts[i] ?? last;
      if (X > x1) continue;
      // Here x0 < X ≤ x1 (X passed the point before, and the first point), so x1 > x0: no division by zero. The
      // first segment ending at X's point gives it, so at a step the first point written there stands.
      // The value itself is rounded (y0 + Δ, over the common denominator), not only the step from y0.
      return divRound(y0 * (x1 - x0) + (X - x0) * (y1 - y0), x1 - x0) / 100;
    }
    // Beyond the last point (X passed every segment): its value. At the last point a segment ending there gave it
    // above, so a step there has the first point written at that x.
    return last[1] / 100;
  };
}

/** The scale's value at `x`; null when `x` is not a finite number (a blank stays blank). */
export function scaleValue(x: unknown, points: readonly (readonly [number, number])[]): number | null {
  return compileScale(points)(x);
}
