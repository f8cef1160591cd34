import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, optionalMoneyArb, previousForm, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'history/carry-over';

testRule(pack, RULE, [
  { name: 'carry-over 12.50, 2019 surplus 12.50', patch: { income: { carryOver: 12.5 } }, previous: { budgetExecution: { hasSurplus: 'yes', surplusAmount: 12.5 } }, outcome: 'pass', message: '上年结转 12.50 万元' },
  {
    name: 'carry-over 12.50, 2019 surplus 10.00',
    patch: { income: { carryOver: 12.5 } },
    previous: { budgetExecution: { hasSurplus: 'yes', surplusAmount: 10 } },
    outcome: 'fail',
    check: 'differs',
    severity: 'warning',
    message: '本表上年结转 12.50 万元，与 2019 年度表所填结余金额 10.00 万元不一致',
  },
  { name: 'carry-over 0, no surplus in 2019', patch: { income: { carryOver: 0 } }, previous: {}, outcome: 'pass' },
  { name: 'no carry-over stated', previous: { budgetExecution: { surplusAmount: 10 } }, outcome: 'not-applicable', check: 'not-applicable' },
  { name: 'no previous form', patch: { income: { carryOver: 12.5 } }, outcome: 'not-applicable', check: 'no-previous-form' },
  { name: 'English message', patch: { income: { carryOver: 12.5 } }, previous: { budgetExecution: { surplusAmount: 10 } }, locale: 'en', outcome: 'fail', check: 'differs', message: 'differs from the surplus of 10.00 the 2019 form states' },
]);

describe(`${RULE} properties`, () => {
  it('fails exactly when both amounts are stated and differ (in hundredths)', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), optionalMoneyArb(100_000), optionalMoneyArb(100_000), fc.boolean(), async (e, carry, surplus, same) => {
        const current = { ...e, fiscalYear: 2021, unit: { name: '甲单位' }, income: { ...e.income, carryOver: carry } };
        const previous = previousForm(current, { budgetExecution: { surplusAmount: same ? carry : surplus } });
        const stated = previous.budgetExecution.surplusAmount;
        const f = await ruleFinding(pack, RULE, current, { previous });
        if (carry === null || stated === null) expect(f.outcome).toBe('not-applicable');
        else expect(f.outcome).toBe(Math.round(carry * 100) === Math.round(stated * 100) ? 'pass' : 'fail');
      }),
      { numRuns: 60 },
    );
  });
});
