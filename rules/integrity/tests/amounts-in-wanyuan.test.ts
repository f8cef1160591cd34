import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'integrity/amounts-in-wanyuan';

testRule(pack, RULE, [
  { name: 'the shared base form: amounts of one magnitude', patch: {}, outcome: 'pass' },
  // The case the issue names: 2674700 (yuan) beside a 338.28 total (万元).
  { name: 'income total written in yuan', patch: { income: { total: 2674700 } }, outcome: 'fail', check: 'looks-like-yuan', message: '年度收入合计 2674700.00 是本表金额中位数' },
  { name: 'a large unit, every amount in 万元', patch: { income: { localBudget: 48000, nonTax: 500, higherLevel: 1500, other: 0, total: 50000 }, expenditure: { basic: 30000, project: 20000, total: 50000, threePublic: 12.3 } }, outcome: 'pass' },
  { name: 'fewer than three amounts above zero', patch: { income: { localBudget: 0, nonTax: 0, higherLevel: 0, other: 0, total: 5 }, expenditure: { basic: 0, project: 0, total: 3, threePublic: 0 }, procurement: { required: 0, actual: 0 }, budgetExecution: { supplementAmount: 0, surplusAmount: 0 } }, outcome: 'not-applicable' },
]);

// A bureau that wants a closer look: a factor of 100.
testRule(pack, RULE, [{ name: 'factor 100: 33085 beside a median of 50', patch: { income: { total: 33085 } }, outcome: 'fail', check: 'looks-like-yuan', message: '661 倍' }], { config: { parameters: { 'integrity.yuanFactor': 100 } } });

/** Every amount of the shared base form above zero (its magnitudes are alike). */
const BASE_AMOUNTS = [300.5, 10.25, 20, 0.1, 330.85, 200.2, 100.1, 300.3, 1.5, 50, 45.5];

describe(`${RULE} properties`, () => {
  it('fails exactly when the largest amount reaches 1,000 times the median of the amounts above zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 99_999_999 }), async (cents) => {
        const total = cents / 100;
        // The base form's 11 amounts above zero, with its income total replaced: the median is the 6th smallest.
        const amounts = [...BASE_AMOUNTS.filter((a) => a !== 330.85), total].sort((a, b) => a - b);
        const medianCents = Math.round((amounts[5] ?? 0) * 100);
        const largestCents = Math.round(Math.max(...amounts) * 100);
        const f = await ruleFinding(pack, RULE, { ...baseEvaluation(), income: { ...baseEvaluation().income, total } });
        expect(f.outcome).toBe(largestCents >= 1000 * medianCents ? 'fail' : 'pass');
      }),
    );
  });

  it('never fails a form whose amounts are all within a factor of 100 of one another', async () => {
    const factor = fc.integer({ min: 100, max: 10_000 }).map((c) => c / 100);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.array(factor, { minLength: 11, maxLength: 11 }), async (baseCents, k) => {
        const at = (i: number) => Math.round(baseCents * (k[i] ?? 1)) / 100;
        const e = baseEvaluation();
        const form = {
          ...e,
          income: { ...e.income, localBudget: at(0), nonTax: at(1), higherLevel: at(2), other: at(3), total: at(4) },
          expenditure: { ...e.expenditure, basic: at(5), project: at(6), total: at(7), threePublic: at(8) },
          procurement: { ...e.procurement, required: at(9), actual: at(10) },
        };
        expect((await ruleFinding(pack, RULE, form)).outcome).toBe('pass');
      }),
    );
  });
});
