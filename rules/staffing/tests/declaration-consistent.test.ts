import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'staffing/declaration-consistent';

testRule(pack, RULE, [
  { name: '否 with 21 of 22', patch: { staffing: { authorized: 22, actual: 21 }, staffingControl: { overstaffed: 'no' } }, outcome: 'pass' },
  { name: '是 with 96 of 55', patch: { staffing: { authorized: 55, actual: 96 }, staffingControl: { overstaffed: 'yes' } }, outcome: 'pass' },
  {
    name: '否 with 96 of 55',
    patch: { staffing: { authorized: 55, actual: 96 }, staffingControl: { overstaffed: 'no' } },
    outcome: 'fail',
    check: 'denied-but-over',
    severity: 'error',
    message: '实有人数 96 人超过编制人数 55 人',
  },
  {
    name: '是 with 55 of 55',
    patch: { staffing: { authorized: 55, actual: 55 }, staffingControl: { overstaffed: 'yes' } },
    outcome: 'fail',
    check: 'declared-but-within',
    message: '实有人数 55 人未超过编制人数 55 人',
  },
  { name: 'answer unreadable', patch: { staffingControl: { overstaffed: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
  { name: 'figures blank', patch: { staffing: { authorized: null, actual: null } }, outcome: 'indeterminate' },
]);

describe(`${RULE} properties`, () => {
  it('fails exactly when the 是/否 tick disagrees with actual > authorized', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ blanks: false, resolvedAnswers: true }), async (e) => {
        const { actual, authorized } = e.staffing;
        const over = (actual ?? 0) > (authorized ?? 0);
        const declared = e.staffingControl.overstaffed === 'yes';
        expect((await ruleFinding(pack, RULE, e)).outcome).toBe(over === declared ? 'pass' : 'fail');
      }),
    );
  });

  it('never passes or fails on an unresolved answer', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ blanks: false }), fc.constantFrom('unanswered', 'conflicting', 'ambiguous' as const), async (e, answer) => {
        const f = await ruleFinding(pack, RULE, { ...e, staffingControl: { overstaffed: answer } });
        expect(f.outcome).toBe('indeterminate');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed = { ...other, staffing: e.staffing, staffingControl: e.staffingControl };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
