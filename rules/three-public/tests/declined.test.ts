import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMoney, type Evaluation } from '@jixiao/core';
import { answerArb, evaluationArb, optionalMoneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'three-public/declined';

testRule(pack, RULE, [
  {
    name: 'seed: 是 with 0.18 and no prior-year figure',
    patch: { expenditure: { threePublic: 0.18 } },
    outcome: 'pass',
    message: '本年 0.18，上年 （空）',
  },
  { name: '是 and 63.46 → 32.00', patch: { expenditure: { threePublic: 32, threePublicPriorYear: 63.46 } }, outcome: 'pass', message: '变动率 -49.57%' },
  { name: '否', patch: { threePublic: { declined: 'no' } }, outcome: 'fail', check: 'declared-not-declined', severity: 'warning', message: '勾选“否”：三公经费未比上年度下降' },
  {
    name: '是 contradicting 32.00 → 63.46',
    patch: { expenditure: { threePublic: 63.46, threePublicPriorYear: 32 } },
    outcome: 'fail',
    check: 'contradicts-figures',
    severity: 'error',
    message: '本年三公经费 63.46 万元不低于上年 32.00 万元（增减 31.46 万元，变动率 98.31%）：表格自相矛盾',
  },
  {
    name: '否 and a rise: the answer is honest, a warning',
    patch: { threePublic: { declined: 'no' }, expenditure: { threePublic: 63.46, threePublicPriorYear: 32 } },
    outcome: 'fail',
    check: 'declared-not-declined',
    severity: 'warning',
    message: '本年 63.46，上年 32.00',
  },
  {
    name: 'unreadable tick, figures unchanged',
    patch: { threePublic: { declined: 'ambiguous' }, expenditure: { threePublic: 1.5, threePublicPriorYear: 1.5 } },
    outcome: 'fail',
    check: 'figures-not-declined',
    severity: 'warning',
    message: '变动率 0.00%',
  },
  { name: 'nothing ticked, no prior-year figure', patch: { threePublic: { declined: 'unanswered' } }, outcome: 'indeterminate', message: '未作答' },
  {
    name: 'English message',
    patch: { expenditure: { threePublic: 63.46, threePublicPriorYear: 32 } },
    locale: 'en',
    outcome: 'fail',
    check: 'contradicts-figures',
    message: 'the form contradicts itself',
  },
]);

const figuresArb = fc.oneof(
  fc.tuple(optionalMoneyArb(1_000_000), optionalMoneyArb(1_000_000)),
  optionalMoneyArb(1_000_000).map((v) => [v, v] as const),
);

function withFigures(e: Evaluation, answer: Evaluation['threePublic']['declined'], [current, prior]: readonly [number | null, number | null]): Evaluation {
  return { ...e, threePublic: { ...e.threePublic, declined: answer }, expenditure: { ...e.expenditure, threePublic: current, threePublicPriorYear: prior } };
}

describe(`${RULE} properties`, () => {
  it('只减不增: fails on 否 or when this year ≥ last year, at error when 是 contradicts the figures', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, figuresArb, async (base, answer, figures) => {
        const [current, prior] = figures;
        const noDecline = current !== null && prior !== null && compareMoney(current, prior) >= 0;
        const f = await ruleFinding(pack, RULE, withFigures(base, answer, figures));
        if (answer === 'yes' && noDecline) {
          expect(f.messageId).toBe(`${RULE}#contradicts-figures`);
          expect(f.severity).toBe('error');
        } else if (answer === 'no') {
          expect(f.messageId).toBe(`${RULE}#declared-not-declined`);
          expect(f.severity).toBe('warning');
        } else if (noDecline) {
          expect(f.messageId).toBe(`${RULE}#figures-not-declined`);
        } else {
          expect(f.outcome).toBe(answer === 'yes' ? 'pass' : 'indeterminate');
        }
        expect(f.redFlag).toBe(true);
      }),
    );
  });

  it('passes a declared 是 without a prior-year figure, saying it cannot be verified', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), optionalMoneyArb(), async (base, current) => {
        const f = await ruleFinding(pack, RULE, withFigures(base, 'yes', [current, null]));
        expect(f.outcome).toBe('pass');
        expect(f.notes?.map((n) => n.message).join('')).toContain('无法以数字核实');
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
