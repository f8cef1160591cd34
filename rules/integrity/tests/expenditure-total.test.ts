import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'integrity/expenditure-total';

testRule(pack, RULE, [
  { name: 'seed: 338.28 basic, project blank, total 338.28', patch: { expenditure: { basic: 338.28, project: null, total: 338.28 } }, outcome: 'pass' },
  { name: 'exact sum', patch: { expenditure: { basic: 200.2, project: 100.1, total: 300.3 } }, outcome: 'pass' },
  { name: 'rounding of 0.01', patch: { expenditure: { basic: 200.2, project: 100.1, total: 300.31 } }, outcome: 'pass' },
  { name: 'off by 0.02', patch: { expenditure: { basic: 200.2, project: 100.1, total: 300.32 } }, outcome: 'fail', check: 'mismatch', message: '300.30' },
  { name: 'project blank and basic short of the total', patch: { expenditure: { basic: 200, project: null, total: 300 } }, outcome: 'indeterminate' },
  { name: 'total blank', patch: { expenditure: { total: null } }, outcome: 'indeterminate' },
]);

const cents = fc.integer({ min: 0, max: 100_000_000 });

describe(`${RULE} properties`, () => {
  it('passes exactly when |total − (basic + project)| ≤ 0.01 (both parts filled in)', async () => {
    await fc.assert(
      // Amounts drawn in whole hundredths; the total is off by `delta` hundredths.
      fc.asyncProperty(evaluationArb(), cents, cents, fc.integer({ min: -5, max: 5 }), async (e, basic, project, delta) => {
        fc.pre(basic + project + delta >= 0);
        const f = await ruleFinding(pack, RULE, { ...e, expenditure: { ...e.expenditure, basic: basic / 100, project: project / 100, total: (basic + project + delta) / 100 } });
        expect(f.outcome).toBe(Math.abs(delta) <= 1 ? 'pass' : 'fail');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed = { ...other, expenditure: { ...other.expenditure, basic: e.expenditure.basic, project: e.expenditure.project, total: e.expenditure.total } };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
