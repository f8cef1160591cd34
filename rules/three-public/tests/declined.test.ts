import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { answerArb, baseEvaluation, evaluationArb, optionalMoneyArb, ruleFinding, testRule } from '@jixiao/testing';
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
  // 衡山县贯塘乡 2023 (examples/real): no 三公 spending in either year is no increase, and nothing is left to cut.
  { name: 'nothing ticked, 0.00 → 0.00: nothing spent either year', patch: { threePublic: { declined: 'unanswered' }, expenditure: { threePublic: 0, threePublicPriorYear: 0 } }, outcome: 'pass', message: '本年 0.00，上年 0.00' },
  // The change rate over a prior year of 0 is undefined: said in words, never （空） (issue 15, lead's review).
  { name: '是 and 0.00 → 0.00: no contradiction', patch: { expenditure: { threePublic: 0, threePublicPriorYear: 0 } }, outcome: 'pass', message: '本年 0.00，上年 0.00（万元），变动率 不适用（上年为 0）' },
  { name: '0.00 → 0.00 in English', patch: { expenditure: { threePublic: 0, threePublicPriorYear: 0 } }, locale: 'en', outcome: 'pass', message: 'change rate n/a (0 the year before)' },
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
        // Nothing spent in either year (0 → 0) is no increase; 2-decimal amounts compare as plain numbers.
        const nothingSpent = current === 0 && prior === 0;
        const noDecline = current !== null && prior !== null && current >= prior && !nothingSpent;
        const f = await ruleFinding(pack, RULE, withFigures(base, answer, figures));
        if (answer === 'yes' && noDecline) {
          expect(f.messageId).toBe(`${RULE}#contradicts-figures`);
          expect(f.severity).toBe('error');
        } else if (answer === 'no') {
          expect(f.messageId).toBe(`${RULE}#declared-not-declined`);
          expect(f.severity).toBe('warning');
        } else if (noDecline) {
          expect(f.messageId).toBe(`${RULE}#figures-not-declined`);
        } else if (nothingSpent) {
          expect(f.outcome).toBe('pass');
        } else {
          expect(f.outcome).toBe(answer === 'yes' ? 'pass' : 'indeterminate');
        }
        expect(f.redFlag).toBe(true);
      }),
    );
  });

  it('0 → 0 passes with a note that nothing was spent either year, from the figures or the grid', async () => {
    const figures = await ruleFinding(pack, RULE, withFigures(baseEvaluation(), 'unanswered', [0, 0]));
    expect([figures.outcome, figures.notes?.map((n) => n.message)]).toEqual(['pass', ['提示：本年与上年三公经费均为 0（未开支），无增，也无可再减']]);
    // The rate is undefined over 0: the message says so, the data keeps null.
    expect(figures.message).toContain('变动率 不适用（上年为 0）');
    expect(figures.data.rate).toBeNull();
    const onGrid = await ruleFinding(pack, RULE, { ...withFigures(baseEvaluation(), 'unanswered', [null, null]), costControl: { threePublic: { priorYearActual: 0, budget: 0, actual: 0 } } });
    expect(onGrid.outcome).toBe('pass');
    expect(onGrid.notes?.map((n) => n.message)).toContain('提示：本年与上年三公经费均为 0（未开支），无增，也无可再减');
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

// The 经费控制 grid (T1b): 上年决算 / 本年决算 make the decline verifiable from numbers as well.
const grid = (priorYearActual: number | null, actual: number | null) => ({ costControl: { threePublic: { priorYearActual, budget: null, actual } } });

testRule(pack, RULE, [
  {
    name: 'grid: 是 and 32.00 → 30.50',
    patch: { ...grid(32, 30.5), expenditure: { threePublic: 30.5 } },
    outcome: 'pass',
  },
  {
    name: 'grid: 是 contradicting 32.00 → 63.46',
    patch: grid(32, 63.46),
    outcome: 'fail',
    check: 'contradicts-control-figures',
    severity: 'error',
    message: '经费控制表中三公经费本年决算 63.46 万元不低于上年决算 32.00 万元（增减 31.46 万元，变动率 98.31%）：表格自相矛盾',
  },
  { name: 'grid: 否 and a rise', patch: { ...grid(32, 63.46), threePublic: { declined: 'no' } }, outcome: 'fail', check: 'declared-not-declined', severity: 'warning' },
  { name: 'grid: unreadable tick, unchanged', patch: { ...grid(1.5, 1.5), threePublic: { declined: 'ambiguous' } }, outcome: 'fail', check: 'control-figures-not-declined', severity: 'warning', message: '变动率 0.00%' },
  { name: 'grid: unreadable tick and a decline: the tick stays undecided, as with the prior-year figure', patch: { ...grid(1.5, 1.2), threePublic: { declined: 'ambiguous' } }, outcome: 'indeterminate' },
  // The pass message shows the grid's two figures and says why there is no rate: it read 本年 0.00，上年 （空），变动率 （空）.
  {
    name: 'grid: 0.00 → 0.00, nothing ticked: nothing spent either year (衡山县贯塘乡)',
    patch: { ...grid(0, 0), expenditure: { threePublic: 0 }, threePublic: { declined: 'unanswered' } },
    outcome: 'pass',
    message: '三公经费比上年度下降：勾选“未作答”；本年 0.00，上年 0.00（万元），变动率 不适用（上年为 0）',
  },
  { name: 'grid: 0.00 → 0.00 in English', patch: { ...grid(0, 0), expenditure: { threePublic: 0 } }, locale: 'en', outcome: 'pass', message: 'this year 0.00, last year 0.00 (万元), change rate n/a (0 the year before)' },
  // It read "declined: answered unanswered".
  { name: 'grid: nothing ticked, in English', patch: { ...grid(0, 0), expenditure: { threePublic: 0 }, threePublic: { declined: 'unanswered' } }, locale: 'en', outcome: 'pass', message: '"Three public" expenses declined (answer: unanswered); this year 0.00' },
  { name: 'grid: 否 shows the grid’s figures', patch: { ...grid(0, 1.5), expenditure: { threePublic: 1.5 }, threePublic: { declined: 'no' } }, outcome: 'fail', check: 'declared-not-declined', message: '（本年 1.50，上年 0.00，单位：万元）' },
  { name: 'grid without this year’s figure: as before', patch: { ...grid(32, null), threePublic: { declined: 'unanswered' } }, outcome: 'indeterminate' },
  { name: 'grid: English message', patch: grid(32, 63.46), locale: 'en', outcome: 'fail', check: 'contradicts-control-figures', message: 'the cost control grid shows' },
]);

describe(`${RULE} with the cost control grid`, () => {
  it('no grid figures: the outcome is the one the rule gave before the grid existed', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), async (e) => {
        const withEmptyGrid: Evaluation = { ...e, costControl: { threePublic: { priorYearActual: null, budget: null, actual: null } } };
        expect((await ruleFinding(pack, RULE, withEmptyGrid)).messageId).toBe((await ruleFinding(pack, RULE, e)).messageId);
      }),
    );
  });

  it('只减不增 from the grid: 本年决算 ≥ 上年决算 fails (at error against a 是), a decline never fails on the grid', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, figuresArb, async (base, answer, [prior, actual]) => {
        const e: Evaluation = { ...withFigures(base, answer, [null, null]), costControl: { threePublic: { priorYearActual: prior, budget: null, actual } } };
        const nothingSpent = prior === 0 && actual === 0; // 0 → 0 is no increase
        const noDecline = prior !== null && actual !== null && actual >= prior && !nothingSpent; // 2-decimal amounts compare as plain numbers
        const f = await ruleFinding(pack, RULE, e);
        if (answer === 'yes' && noDecline) expect(f.messageId).toBe(`${RULE}#contradicts-control-figures`);
        else if (answer === 'no') expect(f.messageId).toBe(`${RULE}#declared-not-declined`);
        else if (noDecline) expect(f.messageId).toBe(`${RULE}#control-figures-not-declined`);
        else if (nothingSpent) expect(f.outcome).toBe('pass');
        else expect(f.outcome).toBe(answer === 'yes' ? 'pass' : 'indeterminate');
      }),
    );
  });

  it('a message shows the figures its change rate is computed from: with both figures given, never （空） (on the form or in the grid only)', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, figuresArb, fc.boolean(), async (base, answer, [prior, actual], inGrid) => {
        fc.pre(prior !== null && actual !== null);
        // A T1b form: 本年决算 fills expenditure.threePublic too, the prior year is in the grid only.
        const e: Evaluation = inGrid
          ? { ...withFigures(base, answer, [actual, null]), ...grid(prior, actual) }
          : withFigures(base, answer, [actual, prior]);
        const f = await ruleFinding(pack, RULE, e);
        expect(f.message).not.toContain('（空）');
        if (prior === 0 && f.message.includes('变动率')) expect(f.message).toMatch(/变动率 不适用（上年为 0）/);
      }),
    );
  });

  it('a declared 是 verified by the grid carries the grid figures, not the cannot-verify note', async () => {
    const f = await ruleFinding(pack, RULE, { ...baseEvaluation(), costControl: { threePublic: { priorYearActual: 32, budget: 30, actual: 30.5 } } });
    expect(f.outcome).toBe('pass');
    expect(f.notes?.map((n) => n.message)).toEqual(['经费控制表：三公经费本年决算 30.50，上年决算 32.00（万元），变动率 -4.69%']);
  });
});
