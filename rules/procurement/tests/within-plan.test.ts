import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { evaluationArb, optionalMoneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'procurement/within-plan';

testRule(pack, RULE, [
  { name: 'seed: 5.67 of 74.69', patch: { procurement: { required: 74.69, actual: 5.67 } }, outcome: 'pass', message: '政府采购执行率 7.59%' },
  { name: 'exactly the plan', patch: { procurement: { required: 50, actual: 50 } }, outcome: 'pass' },
  {
    name: '80.10 procured on 74.69',
    patch: { procurement: { required: 74.69, actual: 80.1 } },
    outcome: 'fail',
    check: 'over-plan',
    severity: 'warning',
    message: '实际采购金额 80.10 万元超过应采购金额 74.69 万元（超出 5.41 万元）',
  },
  { name: 'amount to procure blank', patch: { procurement: { required: null } }, outcome: 'indeterminate', message: '应采购金额' },
  { name: 'amount procured blank', patch: { procurement: { actual: null } }, outcome: 'indeterminate', message: '实际采购金额' },
  { name: 'English message', patch: { procurement: { required: 74.69, actual: 80.1 } }, locale: 'en', outcome: 'fail', check: 'over-plan', message: 'over by 5.41' },
]);

describe(`${RULE} properties`, () => {
  it('fails, reporting the excess exactly, whenever actual > required', async () => {
    // Amounts drawn in whole hundredths: the excess is the difference of two integers.
    const cents = fc.integer({ min: 0, max: 100_000_000 });
    await fc.assert(
      fc.asyncProperty(evaluationArb(), cents, cents, async (base, requiredCents, actualCents) => {
        const f = await ruleFinding(pack, RULE, { ...base, procurement: { ...base.procurement, required: requiredCents / 100, actual: actualCents / 100 } });
        const excess = actualCents - requiredCents;
        expect(f.outcome).toBe(excess > 0 ? 'fail' : 'pass');
        if (excess > 0) expect(f.message).toContain(`超出 ${String(Math.trunc(excess / 100))}.${String(excess % 100).padStart(2, '0')} 万元`);
      }),
    );
  });

  it('is indeterminate when either amount is blank', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), optionalMoneyArb(), fc.boolean(), async (base, amount, blankRequired) => {
        const procurement = blankRequired ? { ...base.procurement, required: null, actual: amount } : { ...base.procurement, required: amount, actual: null };
        expect((await ruleFinding(pack, RULE, { ...base, procurement })).outcome).toBe('indeterminate');
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
