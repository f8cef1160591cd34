import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { answerArb, evaluationArb, optionalMoneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'revenue/non-tax-target-met';

testRule(pack, RULE, [
  { name: '是', outcome: 'pass', message: '表中非税收入：10.25' },
  { name: '否 with 10.25 collected', patch: { nonTaxRevenue: { targetMet: 'no' } }, outcome: 'fail', check: 'not-met', severity: 'warning', message: '勾选“否”：年度非税收入任务未完成（表中非税收入：10.25）' },
  {
    name: 'seed: 否 with the non-tax cell blank (blank is not 0)',
    patch: { nonTaxRevenue: { targetMet: 'no' }, income: { nonTax: null } },
    outcome: 'fail',
    check: 'not-met',
    message: '（空）',
  },
  { name: '否 with no non-tax income (0)', patch: { nonTaxRevenue: { targetMet: 'no' }, income: { nonTax: 0 } }, outcome: 'not-applicable', message: '不适用' },
  { name: '是 with no non-tax income (0)', patch: { income: { nonTax: 0 } }, outcome: 'pass' },
  { name: 'unreadable tick', patch: { nonTaxRevenue: { targetMet: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
  { name: 'English message', patch: { nonTaxRevenue: { targetMet: 'no' } }, locale: 'en', outcome: 'fail', check: 'not-met', message: 'target was not met (non-tax income on the form: 10.25)' },
]);

const nonTaxArb = fc.oneof(fc.constant(0), optionalMoneyArb());

function withTarget(e: Evaluation, answer: Evaluation['nonTaxRevenue']['targetMet'], nonTax: number | null): Evaluation {
  return { ...e, nonTaxRevenue: { ...e.nonTaxRevenue, targetMet: answer }, income: { ...e.income, nonTax } };
}

describe(`${RULE} properties`, () => {
  it('fails on 否 unless the unit reports no non-tax income (0, not blank); passes on 是; undecided otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, nonTaxArb, async (base, answer, nonTax) => {
        const f = await ruleFinding(pack, RULE, withTarget(base, answer, nonTax));
        const expected = answer === 'yes' ? 'pass' : answer === 'no' ? (nonTax === 0 ? 'not-applicable' : 'fail') : 'indeterminate';
        expect(f.outcome).toBe(expected);
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, nonTaxRevenue: e.nonTaxRevenue, income: e.income };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
