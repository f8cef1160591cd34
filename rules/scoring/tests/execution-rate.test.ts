import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFinding, testRule } from '@jixiao/testing';
import { pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/execution-rate';
const context = [ratingPack];

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: 1140 / 1200 = 95 %', evaluation: sheetEvaluation(), outcome: 'pass', message: '执行率 95.00% 与按表内数字计算的 95.00%（1140.00 / 1200.00 万元）相符' },
    {
      name: 'stated 96 % for 95 %',
      evaluation: sheetEvaluation(),
      patch: { selfAssessment: { budget: { rate: 96 } } },
      outcome: 'fail',
      check: 'mismatch',
      severity: 'error',
      message: '填报的执行率 96.00% 与按表内数字计算的 95.00%（全年执行数 1140.00 / 1200.00 万元）不符，相差 1 个百分点（容差 0.5）',
    },
    { name: 'stated 95.4 %: rounding', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { rate: 95.4 } } }, outcome: 'pass' },
    { name: 'stated 95.51 %: beyond the tolerance', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { rate: 95.51 } } }, outcome: 'fail', check: 'mismatch' },
    { name: 'stated rate blank', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { rate: null } } }, outcome: 'indeterminate', message: '预算执行率' },
    { name: 'full-year budget blank', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { annualBudget: null } } }, outcome: 'indeterminate', message: '无法重算执行率 95.00%' },
    { name: 'full-year budget 0', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { annualBudget: 0 } } }, outcome: 'indeterminate' },
    { name: 'a form without a 自评表 (the seed)', outcome: 'not-applicable', message: '没有预算执行情况' },
    { name: 'a sheet with indicators only', evaluation: sheetEvaluation({ indicators: [] }), outcome: 'not-applicable' },
    {
      name: 'English message',
      evaluation: sheetEvaluation(),
      patch: { selfAssessment: { budget: { rate: 96 } } },
      locale: 'en',
      outcome: 'fail',
      check: 'mismatch',
      message: 'The stated rate 96.00% does not match 95.00% worked out from the form (1140.00 / 1200.00, 万元): off by 1 percentage points',
    },
  ],
  { context },
);

// A real 2021 Guizhou (绥阳县) sheet divides by 年初预算数: 1268.72 / 1172.55 = 108.20 %.
const guizhou = sheetEvaluation({ budget: { initialBudget: 1172.55, annualBudget: null, executed: 1268.72, points: 10, rate: 108.2, score: 10 } }, 10);
testRule(pack, RULE, [{ name: '绥阳: 108.20 % of 年初预算数', evaluation: guizhou, outcome: 'pass', message: '1268.72 / 1172.55' }], {
  context,
  config: { parameters: { 'scoring.rateOnInitialBudget': true } },
});
testRule(pack, RULE, [{ name: '绥阳 read with the default base: no 全年预算数', evaluation: guizhou, outcome: 'indeterminate' }], { context });
testRule(
  pack,
  RULE,
  [{ name: 'a jurisdiction that wants the rate to the hundredth', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { rate: 95.01 } } }, outcome: 'fail', check: 'mismatch' }],
  { context, config: { parameters: { 'scoring.rateTolerance': 0 } } },
);

describe(`${RULE} properties`, () => {
  it('fails exactly when the stated rate is more than half a point from 执行数 / 全年预算数', async () => {
    // Budgets of k × 100 万元 and executions of k × R hundredths make the rate exactly R / 100 %.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 15_000 }), fc.integer({ min: -200, max: 200 }), async (k, r, off) => {
        const stated = Math.max(0, r + off);
        const e = sheetEvaluation({ budget: { initialBudget: null, annualBudget: k * 100, executed: (k * r) / 100, points: 10, rate: stated / 100, score: null } });
        const f = await ruleFinding(pack, RULE, e, { context });
        expect(f.outcome).toBe(Math.abs(stated - r) > 50 ? 'fail' : 'pass');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
