import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'budget/expenditure-within-income';

testRule(pack, RULE, [
  { name: 'base: 300.30 spent of 330.85', outcome: 'pass', message: '支出收入比 90.77%' },
  {
    name: 'seed: 338.28 spent, 264.47 income',
    patch: { income: { localBudget: 267.47, nonTax: null, higherLevel: null, other: null, total: 264.47 }, expenditure: { basic: 338.28, project: null, total: 338.28 } },
    outcome: 'fail',
    check: 'over-income',
    severity: 'warning',
    message: '年度支出合计 338.28 万元超过可用收入 264.47 万元（收入合计 264.47，上年结转 （空）），超出 73.81 万元，支出收入比 127.91%',
  },
  {
    name: 'seed spending covered by a carry-over of 80.00',
    patch: { income: { total: 264.47, carryOver: 80 }, expenditure: { total: 338.28 } },
    outcome: 'pass',
    message: '可用收入 344.47 万元',
  },
  { name: 'spending equal to income', patch: { income: { total: 300.3 } }, outcome: 'pass' },
  { name: 'income total blank', patch: { income: { total: null } }, outcome: 'indeterminate', message: '年度收入合计' },
  { name: 'expenditure total blank', patch: { expenditure: { total: null } }, outcome: 'indeterminate', message: '年度支出合计' },
  { name: 'English message', patch: { income: { total: 264.47 }, expenditure: { total: 338.28 } }, locale: 'en', outcome: 'fail', check: 'over-income', message: 'exceeds the income available 264.47' },
]);

const cents = fc.integer({ min: 0, max: 100_000_000 });

describe(`${RULE} properties`, () => {
  it('fails exactly when spending exceeds income plus carry-over, compared in hundredths', async () => {
    await fc.assert(
      // Amounts drawn in whole hundredths, compared as integers.
      fc.asyncProperty(evaluationArb(), cents, cents, fc.option(cents, { nil: null }), async (base, spent, income, carryOver) => {
        const e: Evaluation = { ...base, income: { ...base.income, total: income / 100, carryOver: carryOver === null ? null : carryOver / 100 }, expenditure: { ...base.expenditure, total: spent / 100 } };
        const over = spent > income + (carryOver ?? 0);
        expect((await ruleFinding(pack, RULE, e)).outcome).toBe(over ? 'fail' : 'pass');
      }),
    );
  });

  it('passes when spending equals income plus carry-over exactly (no float drift)', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), cents, cents, async (base, income, carryOver) => {
        const e: Evaluation = { ...base, income: { ...base.income, total: income / 100, carryOver: carryOver / 100 }, expenditure: { ...base.expenditure, total: (income + carryOver) / 100 } };
        expect((await ruleFinding(pack, RULE, e)).outcome).toBe('pass');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, income: e.income, expenditure: e.expenditure };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
