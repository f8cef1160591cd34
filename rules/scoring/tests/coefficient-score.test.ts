import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '@jixiao/core';
import { ruleFinding, testRule } from '@jixiao/testing';
import { metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/coefficient-score';
const context = [ratingPack];

const row = (points: number | null, coefficient: number, score: number | null): IndicatorRow => ({ name: '预算完成率', unit: '%', target: '70%', actual: '76%', points, coefficient, score });
const rows = (...r: IndicatorRow[]) => sheetEvaluation({ indicators: r }, null);

testRule(
  pack,
  RULE,
  [
    { name: 'Chongqing: weight 2, coefficient 100 %, score 2', evaluation: rows(row(2, 100, 2), row(10, 100, 10)), outcome: 'pass', message: '填写得分系数的 2 项指标' },
    { name: 'weight 10 at 95 % is 9.5', evaluation: rows(row(10, 95, 9.5)), outcome: 'pass' },
    { name: 'weight 3 at 33.33 % is 1 (0.9999 rounds to 1.00)', evaluation: rows(row(3, 33.33, 1)), outcome: 'pass' },
    {
      name: 'weight 10 at 80 % but scored 10',
      evaluation: rows(row(10, 80, 10)),
      outcome: 'fail',
      check: 'mismatch',
      severity: 'error',
      message: '1 项指标得分不等于权重 × 得分系数：#1 预算完成率 (10 × 80% ≠ 10)',
    },
    { name: 'a blank weight', evaluation: rows(row(null, 80, 8)), outcome: 'indeterminate', message: '1 项指标填写了得分系数' },
    { name: 'no coefficient on the sheet', evaluation: rows(metRow('a', 10, 10)), outcome: 'not-applicable' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: rows(row(10, 80, 10)), locale: 'en', outcome: 'fail', check: 'mismatch', message: '1 indicator score(s) are not weight × coefficient' },
  ],
  { context },
);

describe(`${RULE} properties`, () => {
  it('passes exactly when each score is weight × coefficient to the hundredth', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 6 }), async (spec) => {
        // Whole weights and whole-percent coefficients: weight × coefficient / 100 is exact in hundredths.
        const indicators = spec.map(([w, c, off]) => row(w, c, Math.max(0, w * c + off) / 100));
        const wrong = spec.some(([w, c, off]) => Math.max(0, w * c + off) !== w * c);
        expect((await ruleFinding(pack, RULE, rows(...indicators), { context })).outcome).toBe(wrong ? 'fail' : 'pass');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
