import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFinding, testRule } from '@jixiao/testing';
import { metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/score-total';
const context = [ratingPack];

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: 9.5 + 30 + 30 + 20 + 9.78 = 99.28', evaluation: sheetEvaluation(), outcome: 'pass', message: '自评总分 99.28 与各项得分之和 99.28 相符' },
    {
      name: 'the Chongqing sheet states 97.6 for 7.6 + 90: stated 98.6',
      evaluation: sheetEvaluation({ budget: { initialBudget: null, annualBudget: null, executed: null, points: 10, rate: 76, score: 7.6 }, indicators: [metRow('a', 45, 45), metRow('b', 45, 45)] }, 98.6),
      outcome: 'fail',
      check: 'mismatch',
      severity: 'error',
      message: '自评总分 98.6 与各项得分之和 97.6 不符（总分 − 得分之和 = 1，容差 0.02）',
    },
    { name: 'rounding of three items: 0.02 allowed', evaluation: sheetEvaluation({ indicators: [metRow('a', 30, 10.33), metRow('b', 30, 10.33), metRow('c', 40, 10.33)] }, 31.01), outcome: 'pass' },
    { name: 'beyond the rounding', evaluation: sheetEvaluation({ indicators: [metRow('a', 30, 10.33), metRow('b', 30, 10.33), metRow('c', 40, 10.33)] }, 31.02), outcome: 'fail', check: 'mismatch' },
    { name: 'no self-score', evaluation: sheetEvaluation(undefined, null), outcome: 'indeterminate', message: '自评得分' },
    { name: 'a blank score, the rest short of the total', evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50), { ...metRow('b', 50, 40), score: null }] }, 90), outcome: 'indeterminate', message: '1 项得分为空' },
    { name: 'a blank score, the rest already above the total', evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50), metRow('b', 50, 45), { ...metRow('c', 0, 0), score: null }] }, 90), outcome: 'fail', check: 'mismatch' },
    { name: 'a self-score with three decimals', evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50)] }, 50.001), outcome: 'indeterminate', message: '超过两位小数' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    {
      name: 'English message',
      evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50)] }, 60),
      locale: 'en',
      outcome: 'fail',
      check: 'mismatch',
      message: 'The self-score 60 does not equal the sum of the items\' scores 50',
    },
  ],
  { context },
);

describe(`${RULE} properties`, () => {
  it('with every score given, fails exactly when the total is off by more than 0.01 × max(1, items − 1)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: -30, max: 30 }), async (scores, off) => {
        const sum = scores.reduce((a, s) => a + s, 0);
        const stated = Math.min(10_000, Math.max(0, sum + off));
        const sheet = { indicators: scores.map((s, i) => metRow(`r${String(i)}`, 30, s / 100)) };
        const f = await ruleFinding(pack, RULE, sheetEvaluation(sheet, stated / 100), { context });
        expect(f.outcome).toBe(Math.abs(stated - sum) > Math.max(1, scores.length - 1) ? 'fail' : 'pass');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
