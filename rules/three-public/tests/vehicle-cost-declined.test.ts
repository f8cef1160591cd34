import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { answerArb, evaluationArb, optionalMoneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'three-public/vehicle-cost-declined';

testRule(pack, RULE, [
  { name: '是 without figures (declared only)', outcome: 'pass', message: '勾选：是' },
  { name: '是 and 15.00 → 12.50', patch: { expenditure: { vehicleCost: 12.5, vehicleCostPriorYear: 15 } }, outcome: 'pass', message: '本年 12.50，上年 15.00' },
  { name: '否', patch: { threePublic: { vehicleCostDeclined: 'no' } }, outcome: 'fail', check: 'declared-not-declined', severity: 'warning', message: '勾选“否”：公务用车购置运行费未比上年度下降' },
  {
    name: '是 but 15.00 → 15.20',
    patch: { expenditure: { vehicleCost: 15.2, vehicleCostPriorYear: 15 } },
    outcome: 'fail',
    check: 'figures-not-declined',
    message: '本年 15.20 万元，不低于上年 15.00 万元（增减 0.20 万元）',
  },
  { name: 'unchanged 15.00 → 15.00', patch: { expenditure: { vehicleCost: 15, vehicleCostPriorYear: 15 } }, outcome: 'fail', check: 'figures-not-declined', message: '增减 0.00 万元' },
  // 衡山县贯塘乡 2023 (examples/real): no vehicle costs in either year is no increase, and nothing is left to cut.
  { name: 'nothing ticked, 0.00 → 0.00: nothing spent either year', patch: { threePublic: { vehicleCostDeclined: 'unanswered' }, expenditure: { vehicleCost: 0, vehicleCostPriorYear: 0 } }, outcome: 'pass' },
  // It read "(answered unanswered; …".
  { name: 'nothing ticked, in English', patch: { threePublic: { vehicleCostDeclined: 'unanswered' }, expenditure: { vehicleCost: 0, vehicleCostPriorYear: 0 } }, locale: 'en', outcome: 'pass', message: 'Official-vehicle costs declined (answer: unanswered; this year 0.00, last year 0.00, in 万元)' },
  {
    name: 'unreadable tick, figures show a rise',
    patch: { threePublic: { vehicleCostDeclined: 'ambiguous' }, expenditure: { vehicleCost: 16, vehicleCostPriorYear: 15 } },
    outcome: 'fail',
    check: 'figures-not-declined',
  },
  { name: 'nothing ticked, no figures', patch: { threePublic: { vehicleCostDeclined: 'unanswered' } }, outcome: 'indeterminate', message: '未作答' },
  {
    name: 'both ticked, figures show a decline',
    patch: { threePublic: { vehicleCostDeclined: 'conflicting' }, expenditure: { vehicleCost: 14, vehicleCostPriorYear: 15 } },
    outcome: 'indeterminate',
    message: '多选冲突',
  },
  { name: 'English message', patch: { expenditure: { vehicleCost: 15.2, vehicleCostPriorYear: 15 } }, locale: 'en', outcome: 'fail', check: 'figures-not-declined', message: "not below last year's 15.00" },
]);

/** Vehicle costs that are often both present, sometimes equal. */
const figuresArb = fc.oneof(
  fc.tuple(optionalMoneyArb(100_000), optionalMoneyArb(100_000)),
  optionalMoneyArb(100_000).map((v) => [v, v] as const),
);

function withFigures(e: Evaluation, answer: Evaluation['threePublic']['vehicleCostDeclined'], [cost, prior]: readonly [number | null, number | null]): Evaluation {
  return { ...e, threePublic: { ...e.threePublic, vehicleCostDeclined: answer }, expenditure: { ...e.expenditure, vehicleCost: cost, vehicleCostPriorYear: prior } };
}

describe(`${RULE} properties`, () => {
  it('fails on 否 or on figures without a decline; else passes on 是 and is indeterminate on an unresolved tick', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, figuresArb, async (base, answer, figures) => {
        const e = withFigures(base, answer, figures);
        const [cost, prior] = figures;
        // Nothing spent in either year (0 → 0) is no increase; 2-decimal amounts compare as plain numbers.
        const nothingSpent = cost === 0 && prior === 0;
        const noDecline = cost !== null && prior !== null && cost >= prior && !nothingSpent;
        const expected = answer === 'no' || noDecline ? 'fail' : answer === 'yes' || nothingSpent ? 'pass' : 'indeterminate';
        const f = await ruleFinding(pack, RULE, e);
        expect(f.outcome).toBe(expected);
        if (noDecline && answer !== 'no') expect(f.messageId).toBe(`${RULE}#figures-not-declined`);
      }),
    );
  });

  it('notes that a 是 without both figures is declared only', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), figuresArb, async (base, figures) => {
        const f = await ruleFinding(pack, RULE, withFigures(base, 'yes', figures));
        const verifiable = figures[0] !== null && figures[1] !== null;
        expect(f.notes?.some((n) => n.messageId === `${RULE}#declared-only`) ?? false).toBe(!verifiable);
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ extensions: true }), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, threePublic: e.threePublic, expenditure: e.expenditure };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
