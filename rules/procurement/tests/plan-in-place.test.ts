import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { answerArb, evaluationArb, moneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'procurement/plan-in-place';

testRule(pack, RULE, [
  { name: '是 with 50.00 to procure', outcome: 'pass', message: '政府采购计划：是' },
  {
    name: 'seed: 否 while 74.69 was to be procured',
    patch: { procurement: { planMade: 'no', required: 74.69, actual: 5.67 } },
    outcome: 'fail',
    check: 'no-plan',
    severity: 'warning',
    message: '未制定政府采购计划，但应采购金额 74.69 万元、实际采购金额 5.67 万元',
  },
  { name: '否 with nothing to procure and nothing procured', patch: { procurement: { planMade: 'no', required: 0, actual: 0 } }, outcome: 'pass' },
  { name: '否, amount to procure blank but 3.00 procured', patch: { procurement: { planMade: 'no', required: null, actual: 3 } }, outcome: 'fail', check: 'no-plan' },
  { name: '否 with both amounts blank', patch: { procurement: { planMade: 'no', required: null, actual: null } }, outcome: 'indeterminate', message: '无法判断' },
  { name: '否 with 0 to procure and the actual blank', patch: { procurement: { planMade: 'no', required: 0, actual: null } }, outcome: 'indeterminate' },
  { name: '是 with both amounts blank', patch: { procurement: { required: null, actual: null } }, outcome: 'pass' },
  { name: 'nothing ticked', patch: { procurement: { planMade: 'unanswered' } }, outcome: 'indeterminate', message: '未作答' },
  { name: 'English message', patch: { procurement: { planMade: 'no' } }, locale: 'en', outcome: 'fail', check: 'no-plan', message: 'No procurement plan, but 50.00 (万元) was to be procured' },
]);

const amountArb = fc.oneof(fc.constant(0), fc.constant(null), moneyArb(10_000_000));

describe(`${RULE} properties`, () => {
  it('fails exactly when there is no plan while an amount above 0 is to be procured or was procured', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, amountArb, amountArb, async (base, planMade, required, actual) => {
        const e: Evaluation = { ...base, procurement: { planMade, required, actual } };
        const procures = (required ?? 0) > 0 || (actual ?? 0) > 0;
        const unknown = required === null || actual === null;
        const expected =
          planMade === 'yes' ? 'pass' : planMade !== 'no' ? 'indeterminate' : procures ? 'fail' : unknown ? 'indeterminate' : 'pass';
        expect((await ruleFinding(pack, RULE, e)).outcome).toBe(expected);
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, procurement: e.procurement };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
