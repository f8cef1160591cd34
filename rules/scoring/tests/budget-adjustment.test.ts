import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCents } from '@jixiao/core';
import { ruleFinding, testRule } from '@jixiao/testing';
import { pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/budget-adjustment';
const context = [ratingPack];

const budget = (initialBudget: number | null, adjustment: number | null, annualBudget: number | null) =>
  sheetEvaluation({ budget: { initialBudget, adjustment, annualBudget, executed: null, points: null, rate: null, score: null } }, null);

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: 1000 + 200 = 1200', evaluation: sheetEvaluation(), outcome: 'pass', message: '年初预算数 1000.00 + 调整数 200.00 = 全年预算数 1200.00（万元）' },
    { name: 'a cut: 238.93 − 20 = 218.93', evaluation: budget(238.93, -20, 218.93), outcome: 'pass' },
    { name: 'a cut taken as an addition', evaluation: budget(238.93, -20, 258.93), outcome: 'fail', check: 'mismatch', severity: 'error', message: '年初预算数 238.93 + 调整数 -20.00 与全年预算数 258.93 不符（相差 -40.00 万元）' },
    { name: 'within a cent', evaluation: budget(238.93, 12.95, 251.89), outcome: 'pass' },
    { name: 'initial budget blank', evaluation: budget(null, 10, 100), outcome: 'indeterminate', message: '年初预算数' },
    { name: 'no adjustment on the sheet', evaluation: budget(100, null, 100), outcome: 'not-applicable' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: budget(238.93, -20, 258.93), locale: 'en', outcome: 'fail', check: 'mismatch', message: 'does not equal the full-year budget 258.93 (off by -40.00, 万元)' },
  ],
  { context },
);

describe(`${RULE} properties`, () => {
  it('fails exactly when 年初 + 调整 and 全年 differ by more than 0.01', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: -5, max: 5 }), async (initial, adjustment, off) => {
        const annual = Math.max(0, initial + adjustment + off);
        const f = await ruleFinding(pack, RULE, budget(fromCents(initial), adjustment < 0 ? -fromCents(-adjustment) : fromCents(adjustment), fromCents(annual)), { context });
        expect(f.outcome).toBe(Math.abs(initial + adjustment - annual) > 1 ? 'fail' : 'pass');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
