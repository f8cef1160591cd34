import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFinding, testRule } from '@jixiao/testing';
import { pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/execution-score';
const context = [ratingPack];

/** The real Chongqing sheet's budget line: 执行率 76 %, weight 10, score 7.6 (the other figures unreadable in the published copy). */
const chongqing = (score: number) => sheetEvaluation({ budget: { initialBudget: null, annualBudget: null, executed: null, points: 10, rate: 76, score } }, null);

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: 95 % of 10 points is 9.5', evaluation: sheetEvaluation(), outcome: 'pass', message: '预算执行得分 9.5 分与公式相符（执行率 95.00% × 分值 10，应为 9.5 分）' },
    { name: 'Chongqing: 76 % of 10 is 7.6', evaluation: chongqing(7.6), outcome: 'pass' },
    {
      name: 'Chongqing, claimed full marks for 76 %',
      evaluation: chongqing(10),
      outcome: 'fail',
      check: 'mismatch',
      severity: 'warning',
      message: '预算执行得分填报 10 分，按公式应为 7.6 分（执行率 76.00%，分值 10；执行率 ≥ 100.00% 得满分，≤ 0.00% 得 0 分），重算总分时按 7.6 分计（-2.4 分）',
    },
    { name: 'over 100 % is held at the points', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { executed: 1300, rate: 108.33, score: 10 } } }, outcome: 'pass' },
    { name: 'within the rounding tolerance', evaluation: chongqing(7.65), outcome: 'pass' },
    { name: 'just beyond it', evaluation: chongqing(7.66), outcome: 'fail', check: 'mismatch' },
    { name: 'score blank', evaluation: chongqing(7.6), patch: { selfAssessment: { budget: { score: null } } }, outcome: 'indeterminate', message: '预算执行得分' },
    { name: 'points blank', evaluation: chongqing(7.6), patch: { selfAssessment: { budget: { points: null } } }, outcome: 'indeterminate', message: '分值（（空））' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: chongqing(10), locale: 'en', outcome: 'fail', check: 'mismatch', message: 'the formula gives 7.6 (rate 76.00%, points 10' },
  ],
  { context },
);

// A jurisdiction that gives nothing at or below 60 % and full points from 100 %: 76 % earns (76 − 60) / 40 × 10 = 4.
testRule(
  pack,
  RULE,
  [
    { name: 'local line 60–100 %: 76 % earns 4', evaluation: chongqing(4), outcome: 'pass' },
    { name: 'local line 60–100 %: 7.6 is too much', evaluation: chongqing(7.6), outcome: 'fail', check: 'mismatch', message: '按公式应为 4 分' },
  ],
  { context, config: { parameters: { 'scoring.executionZeroRate': 60 } } },
);

describe(`${RULE} properties`, () => {
  it('passes exactly the scores within 0.05 of min(执行率, 100 %) × 分值', async () => {
    // Whole-percent rates and whole points make min(r, 100) × p / 100 an exact 2-decimal score.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -20, max: 20 }), async (r, p, off) => {
        const expected = p * Math.min(r, 100); // hundredths of a point
        const stated = Math.max(0, expected + off);
        const e = sheetEvaluation({ budget: { initialBudget: null, annualBudget: 100, executed: r, points: p, rate: r, score: stated / 100 } }, null);
        const f = await ruleFinding(pack, RULE, e, { context });
        expect(f.outcome).toBe(Math.abs(stated - expected) > 5 ? 'fail' : 'pass');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
