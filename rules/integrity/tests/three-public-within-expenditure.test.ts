import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, moneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'integrity/three-public-within-expenditure';

testRule(pack, RULE, [
  { name: 'seed: 0.18 of 338.28', patch: { expenditure: { threePublic: 0.18, total: 338.28 } }, outcome: 'pass' },
  { name: 'equal to the total', patch: { expenditure: { basic: 1, project: 0, threePublic: 1, total: 1 } }, outcome: 'pass' },
  { name: '三公 above total spending', patch: { expenditure: { threePublic: 400.01, total: 400 } }, outcome: 'fail', check: 'exceeds-total', message: '其中三公经费支出 400.01 万元大于支出合计 400.00 万元' },
  { name: '三公 blank', patch: { expenditure: { threePublic: null } }, outcome: 'indeterminate', message: '其中三公经费支出' },
]);

describe(`${RULE} properties`, () => {
  it('fails exactly when 三公 > total expenditure', async () => {
    // Two 2-decimal amounts compare as plain numbers (no arithmetic, so no drift); equal ones come up often.
    const pair = fc.oneof(fc.tuple(moneyArb(), moneyArb()), moneyArb().map((v) => [v, v] as const));
    await fc.assert(
      fc.asyncProperty(evaluationArb(), pair, async (e, [threePublic, total]) => {
        const f = await ruleFinding(pack, RULE, { ...e, expenditure: { ...e.expenditure, threePublic, total } });
        expect(f.outcome).toBe(threePublic > total ? 'fail' : 'pass');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed = { ...other, expenditure: { ...other.expenditure, threePublic: e.expenditure.threePublic, total: e.expenditure.total } };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
