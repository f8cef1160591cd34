import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseEvaluation } from '@jixiao/testing';
import { peerStatistics, peerValues, standing } from './peers.js';

describe('peerValues: the 三公 share beside the indicators', () => {
  const form = (threePublic: number | null, total: number | null) => {
    const e = baseEvaluation();
    return { ...e, expenditure: { ...e.expenditure, threePublic, total } };
  };
  it('is 三公 ÷ total expenditure in percent, and null when either is blank or the total is 0', () => {
    expect(peerValues(form(12.5, 250)).threePublicShare).toBe(5);
    expect(peerValues(form(1, 3)).threePublicShare).toBe(33.33);
    expect(peerValues(form(null, 250)).threePublicShare).toBeNull();
    expect(peerValues(form(12.5, null)).threePublicShare).toBeNull();
    expect(peerValues(form(12.5, 0)).threePublicShare).toBeNull();
    expect(peerValues(form(0, 250)).threePublicShare).toBe(0);
  });
});

describe('peerStatistics and standing (modified z-score)', () => {
  it('worked example: 90 95 100 95 90 200 → median 95, MAD 5, z(200) = 0.6745 × 105 / 5 = 14.16', () => {
    const stats = peerStatistics([90, 95, 100, 95, 90, 200]);
    expect(stats).toEqual({ count: 6, median: 95, mad: 5, min: 90, max: 200 });
    expect(standing(200, stats)).toMatchObject({ robustZ: 14.16, absRobustZ: 14.16 });
    expect(standing(90, stats)).toMatchObject({ robustZ: -0.67, absRobustZ: 0.67 });
  });

  it('MAD 0 (half the peers report one figure): no z-score, never an invented scale', () => {
    expect(standing(500, peerStatistics([100, 100, 100, 90, 500]))).toMatchObject({ mad: 0, robustZ: null });
  });

  it('an even count: the median is the mean of the two middle values', () => {
    expect(peerStatistics([4, 1, 3, 2])).toMatchObject({ median: 2.5, mad: 1, min: 1, max: 4 });
    expect(peerStatistics([10.01, 10.02])).toMatchObject({ median: 10.02, mad: 0.01 });
  });

  it('no value, or no peers: null', () => {
    expect(standing(null, peerStatistics([1, 2, 3]))).toMatchObject({ robustZ: null, absRobustZ: null });
    expect(standing(5, peerStatistics([]))).toMatchObject({ robustZ: null, absRobustZ: null, median: null, mad: null });
    expect(peerStatistics([])).toEqual({ count: 0, median: null, mad: null, min: null, max: null });
  });

  const basisPoints = fc.array(fc.integer({ min: 0, max: 50_000 }).map((b) => b / 100), { minLength: 1, maxLength: 40 });

  it('median and MAD do not depend on order, and the median lies within the range', () => {
    fc.assert(
      fc.property(basisPoints, (values) => {
        const s = peerStatistics(values);
        expect(peerStatistics([...values].reverse())).toEqual(s);
        expect(s.median ?? NaN).toBeGreaterThanOrEqual(s.min ?? NaN);
        expect(s.median ?? NaN).toBeLessThanOrEqual(s.max ?? NaN);
      }),
    );
  });

  it('robust: moving the largest value out as far as you like leaves the median and keeps the MAD within the old largest deviation (3 or more values)', () => {
    fc.assert(
      fc.property(basisPoints.filter((v) => v.length >= 3), fc.integer({ min: 1, max: 1_000_000 }), (values, push) => {
        const sorted = [...values].sort((a, b) => a - b);
        const moved = [...sorted.slice(0, -1), (sorted.at(-1) ?? 0) + push];
        const a = peerStatistics(sorted);
        const b = peerStatistics(moved);
        expect(b.median).toBe(a.median);
        const largestDeviation = Math.max(...sorted.map((v) => Math.abs(v - (a.median ?? 0))));
        expect(b.mad ?? NaN).toBeLessThanOrEqual(largestDeviation + 0.005);
      }),
    );
  });

  it('z is 0.6745 × (x − median) / MAD, to 2 decimals, and its sign is the side of the median', () => {
    fc.assert(
      fc.property(basisPoints, fc.integer({ min: 0, max: 50_000 }).map((b) => b / 100), (values, x) => {
        const s = peerStatistics(values);
        const z = standing(x, s).robustZ;
        if (s.mad === 0 || s.mad === null || s.median === null) expect(z).toBeNull();
        else {
          // Rounded to 2 decimals: within half a hundredth of the float formula, plus the float's own error at a
          // rounding boundary (seed 1221385840: 0.6745 × 232.6 / 0.02 is 7844.435 exactly, 7844.4349999999995 in floats).
          expect(Math.abs((z ?? NaN) - (0.6745 * (x - s.median)) / s.mad)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.sign(z ?? 0)).toBe(Math.sign(Math.round(((0.6745 * (x - s.median)) / s.mad) * 100)));
        }
      }),
    );
  });
});
