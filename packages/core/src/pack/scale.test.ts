import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalRule } from '@jixiao/testing';
import { createChecker } from '../engine/checker.js';
import { passingEvaluation } from './cases.js';
import { scaleValue } from './scale.js';
import type { Pack } from './schema.js';

const percent = fc.integer({ min: 0, max: 30_000 }).map((n) => n / 100);

describe('scaleValue', () => {
  it('is the Hunan staffing score: 8 at ≤ 100%, minus 0.5 per point above, floor 0', () => {
    fc.assert(
      fc.property(percent, (x) => {
        const expected = Math.max(0, Math.min(8, 8 - 0.5 * (x - 100)));
        expect(Math.abs((scaleValue(x, [[100, 8], [116, 0]]) ?? NaN) - expected)).toBeLessThanOrEqual(0.005 + 1e-9); // rounded to hundredths
      }),
    );
    expect(scaleValue(95.1, [[100, 8], [116, 0]])).toBe(8);
    expect(scaleValue(101.5, [[100, 8], [116, 0]])).toBe(7.25);
    expect(scaleValue(98.31, [[0, 8], [10, 0]])).toBe(0);
    expect(scaleValue(2.5, [[0, 8], [10, 0]])).toBe(6);
  });

  // Interpolated values rounded to hundredths, half away from zero (worked by hand).
  it.each<[number, [number, number][], number]>([
    [1, [[0, 0], [3, 1]], 0.33], // 0.333…
    [2, [[0, 0], [3, 1]], 0.67], // 0.666…: rounded up, not cut to 0.66
    [1, [[0, 0], [2, 0.01]], 0.01], // 0.005: a half goes up
    [1, [[0, 0], [2, -0.01]], -0.01], // -0.005: a half goes away from zero
    [2, [[0, 0], [3, -1]], -0.67], // -0.666…
    [1, [[0, 1], [3, 0]], 0.67], // falling scale: 1 − 0.333…
    [100.01, [[100, 8], [116, 0]], 8], // 8 − 0.005 = 7.995 → 8.00
    [100.03, [[100, 8], [116, 0]], 7.99], // 7.985 → 7.99
    [1, [[0, -1], [2, 1]], 0], // crossing zero: 0, not −0
    // Three points: each segment between its own neighbours.
    [25, [[0, 10], [50, 4], [100, 0]], 7],
    [75, [[0, 10], [50, 4], [100, 0]], 2],
    [50, [[0, 10], [50, 4], [100, 0]], 4],
    // Held constant beyond the first and the last point (their own values, not 0 by chance).
    [-5, [[0, 3], [100, 1]], 3],
    [250, [[0, 1], [100, 3]], 3],
    [200, [[0, 10], [50, 4], [100, 2]], 2],
    // Points given in any order are read sorted by x.
    [108, [[116, 0], [100, 8]], 4],
    [75, [[100, 0], [0, 10], [50, 4]], 2],
  ])('at %s on %j is %s', (x, points, expected) => {
    expect(scaleValue(x, points)).toBe(expected);
  });

  // A step: two points at one x. Its value there is the first of the two as written ("8 up to 100 %, 4 above"),
  // wherever the step stands — at the first point, between others, or at the last (read 4 there before: the last
  // point's value was taken for any x at or beyond it) — and the second's just past it.
  it.each<[number, [number, number][], number]>([
    [100, [[100, 8], [100, 4], [200, 4]], 8],
    [100.01, [[100, 8], [100, 4], [200, 4]], 4],
    [100, [[0, 8], [100, 8], [100, 4], [200, 4]], 8],
    [100.01, [[0, 8], [100, 8], [100, 4], [200, 4]], 4],
    [100, [[0, 8], [100, 8], [100, 4]], 8],
    [100.01, [[0, 8], [100, 8], [100, 4]], 4],
    [99.99, [[0, 8], [100, 8], [100, 4]], 8],
    [100, [[100, 8], [100, 4]], 8],
    [100.01, [[100, 8], [100, 4]], 4],
    // Written the other way round, the other value: the order written decides, not the values.
    [100, [[0, 8], [100, 4], [100, 8]], 4],
    [100.01, [[0, 8], [100, 4], [100, 8]], 8],
  ])('at a step: at %s on %j is %s', (x, points, expected) => {
    expect(scaleValue(x, points)).toBe(expected);
  });

  it('has two decimals, stays within the points and is monotone on a monotone scale', () => {
    fc.assert(
      fc.property(percent, percent, (a, b) => {
        const pts = [[0, 10], [50, 4], [100, 0]] as const;
        const va = scaleValue(a, pts) ?? NaN;
        const vb = scaleValue(b, pts) ?? NaN;
        expect(Math.round(va * 100) / 100).toBe(va);
        expect(va).toBeGreaterThanOrEqual(0);
        expect(va).toBeLessThanOrEqual(10);
        if (a <= b) expect(va).toBeGreaterThanOrEqual(vb);
      }),
    );
  });

  it('keeps a blank blank, and has no value without points', () => {
    expect(scaleValue(null, [[0, 1], [1, 0]])).toBeNull();
    expect(scaleValue('95%', [[0, 1], [1, 0]])).toBeNull();
    expect(scaleValue(Number.NaN, [[0, 1], [1, 0]])).toBeNull();
    expect(scaleValue(Infinity, [[0, 1], [1, 0]])).toBeNull();
    expect(scaleValue(50, [])).toBeNull();
  });

  it('is usable in a rule message through data', async () => {
    const pack: Pack = {
      meta: { name: 'demo', version: '0.1.0', title: { 'zh-CN': '示例', en: 'Demo' } },
      rules: [minimalRule('demo/score', {
        checks: [{ id: 'deducted', when: { all: [{ fact: 'indicators', path: 'staffingControlRate', operator: 'greaterThan', value: 100 }] }, message: { 'zh-CN': '得 {points} 分', en: '{points} points' } }],
        pass: { 'zh-CN': '得 {points} 分', en: '{points} points' },
        data: { points: { scale: 'indicators.staffingControlRate', points: [[100, 8], [116, 0]], format: 'number' } },
      })],
    };
    const checker = createChecker([pack]);
    const f = (await checker.checkEvaluation({ ...passingEvaluation(), staffing: { authorized: 100, actual: 103 } })).findings[0];
    expect(f?.message).toBe('得 6.5 分');
    expect(f?.data.points).toBe(6.5);
  });
});
