import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'staffing/within-quota';

testRule(pack, RULE, [
  { name: 'seed figures: 21 of 22', patch: { staffing: { authorized: 22, actual: 21 } }, outcome: 'pass', message: '在职人员控制率 95.45%' },
  { name: 'exactly at quota', patch: { staffing: { authorized: 55, actual: 55 } }, outcome: 'pass' },
  { name: '96 staff on 55 posts', patch: { staffing: { authorized: 55, actual: 96 } }, outcome: 'fail', check: 'over-quota', severity: 'warning', message: '实有人数 96 人超过编制人数 55 人' },
  { name: 'English message', patch: { staffing: { authorized: 55, actual: 96 } }, locale: 'en', outcome: 'fail', check: 'over-quota', message: 'Actual staff 96 exceed the authorized 55' },
  { name: 'authorized blank', patch: { staffing: { authorized: null, actual: 10 } }, outcome: 'indeterminate', message: '编制人数' },
  { name: 'actual blank', patch: { staffing: { authorized: 10, actual: null } }, outcome: 'indeterminate', message: '实有人数' },
]);

describe(`${RULE} properties`, () => {
  it('fails, reporting both figures, whenever actual > authorized', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ overstaffed: true, blanks: false }), async (e) => {
        const f = await ruleFinding(pack, RULE, e);
        expect(f.outcome).toBe('fail');
        expect(f.message).toContain(`实有人数 ${String(e.staffing.actual)} 人`);
        expect(f.message).toContain(`编制人数 ${String(e.staffing.authorized)} 人`);
      }),
    );
  });

  it('passes whenever actual ≤ authorized', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ overstaffed: false, blanks: false }), async (e) => {
        expect((await ruleFinding(pack, RULE, e)).outcome).toBe('pass');
      }),
    );
  });

  it('is indeterminate, never pass or fail, when either figure is blank', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.constantFrom('authorized', 'actual'), async (e, blank) => {
        const f = await ruleFinding(pack, RULE, { ...e, staffing: { ...e.staffing, [blank]: null } });
        expect(f.outcome).toBe('indeterminate');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed = { ...other, staffing: e.staffing };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
