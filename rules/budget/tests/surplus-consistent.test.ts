import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { answerArb, evaluationArb, moneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'budget/surplus-consistent';

testRule(pack, RULE, [
  { name: 'seed: 否 with 0', patch: { budgetExecution: { hasSurplus: 'no', surplusAmount: 0 } }, outcome: 'pass', message: '结余金额 0.00 万元' },
  { name: '是 with 12.30', patch: { budgetExecution: { hasSurplus: 'yes', surplusAmount: 12.3 } }, outcome: 'pass' },
  {
    name: '是 with 0',
    patch: { budgetExecution: { hasSurplus: 'yes', surplusAmount: 0 } },
    outcome: 'fail',
    check: 'declared-without-amount',
    severity: 'error',
    message: '勾选“是”（有结余），但结余金额为 0.00 万元',
  },
  {
    name: '否 with 0.01',
    patch: { budgetExecution: { hasSurplus: 'no', surplusAmount: 0.01 } },
    outcome: 'fail',
    check: 'denied-with-amount',
    severity: 'error',
    message: '但结余金额为 0.01 万元',
  },
  { name: 'amount blank', patch: { budgetExecution: { surplusAmount: null } }, outcome: 'indeterminate', message: '结余金额' },
  { name: 'unreadable tick', patch: { budgetExecution: { hasSurplus: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
  { name: 'English message', patch: { budgetExecution: { hasSurplus: 'no', surplusAmount: 0.01 } }, locale: 'en', outcome: 'fail', check: 'denied-with-amount', message: 'the surplus amount is 0.01' },
]);

const amountArb = fc.oneof(fc.constant(0), moneyArb(10_000_000));

describe(`${RULE} properties`, () => {
  it('passes exactly when 是 ⇔ amount > 0; undecided on a blank amount or an unresolved tick', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, fc.option(amountArb, { nil: null }), async (base, answer, amount) => {
        const e: Evaluation = { ...base, budgetExecution: { ...base.budgetExecution, hasSurplus: answer, surplusAmount: amount } };
        const f = await ruleFinding(pack, RULE, e);
        if (amount === null || (answer !== 'yes' && answer !== 'no')) expect(f.outcome).toBe('indeterminate');
        else expect(f.outcome).toBe((answer === 'yes') === amount > 0 ? 'pass' : 'fail');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, budgetExecution: e.budgetExecution };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
