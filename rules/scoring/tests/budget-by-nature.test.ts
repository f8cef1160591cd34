import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCents, type SelfAssessment } from '@jixiao/core';
import { ruleFinding, testRule } from '@jixiao/testing';
import { cleanSheet, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/budget-by-nature';
const context = [ratingPack];

type Budget = NonNullable<SelfAssessment['budget']>;
type Row = NonNullable<Budget['basic']>;

/** The clean sheet's budget block with rows by nature (and the block's totals changed where given). */
function withRows(basic: Row | undefined, project: Row | undefined, totals: Partial<Budget> = {}) {
  const sheet = cleanSheet();
  const budget = { ...sheet.budget, ...totals } as Budget;
  return sheetEvaluation({ ...sheet, budget: { ...budget, ...(basic === undefined ? {} : { basic }), ...(project === undefined ? {} : { project }) } });
}

// 绥阳县太白镇 2021 (examples/real/t5-suiyang-taibai-2021): 年初预算数 and 全年执行数 only, no 全年预算数 column.
const suiyang = { initialBudget: 1172.55, annualBudget: null, executed: 1268.72 };

testRule(
  pack,
  RULE,
  [
    {
      name: '绥阳县太白镇: 985.19 + 187.36 = 1172.55 and 914.97 + 353.75 = 1268.72',
      evaluation: withRows({ initialBudget: 985.19, executed: 914.97 }, { initialBudget: 187.36, executed: 353.75 }, suiyang),
      outcome: 'pass',
      message: '基本支出与项目支出之和与年度资金总额相符（核对 2 栏）',
    },
    {
      name: 'a row copied wrong: 914.97 + 335.75 ≠ 1268.72',
      evaluation: withRows({ initialBudget: 985.19, executed: 914.97 }, { initialBudget: 187.36, executed: 335.75 }, suiyang),
      outcome: 'fail',
      check: 'mismatch',
      severity: 'error',
      message: '全年执行数：基本支出与项目支出之和 1250.72 万元与年度资金总额 1268.72 万元不符（合计 − 各项之和 = 18.00 万元）',
    },
    { name: 'within a cent', evaluation: withRows({ executed: 914.97 }, { executed: 353.74 }, suiyang), outcome: 'pass' },
    {
      name: 'a blank part, the other short of the total: a blank may hold the difference',
      evaluation: withRows({ initialBudget: 985.19, executed: null }, { initialBudget: 187.36, executed: 353.75 }, suiyang),
      outcome: 'indeterminate',
      message: '无法判断：全年执行数一栏合计为空，或已填的基本支出、项目支出之和少于合计而另一项为空',
    },
    {
      name: 'a blank part, the other already above the total: fails whatever the blank holds',
      evaluation: withRows({ initialBudget: 985.19, executed: null }, { initialBudget: 187.36, executed: 1300 }, suiyang),
      outcome: 'fail',
      check: 'mismatch',
    },
    { name: 'a blank part and the other equal to the total: the blank holds nothing', evaluation: withRows({ executed: null }, { executed: 1268.72 }, suiyang), outcome: 'pass' },
    { name: 'a blank total', evaluation: withRows({ executed: 914.97 }, { executed: 353.75 }, { executed: null }), outcome: 'indeterminate' },
    { name: 'one row only: the other is unknown', evaluation: withRows({ executed: 914.97 }, undefined, suiyang), outcome: 'indeterminate' },
    { name: 'a failing column decides even beside an undecided one', evaluation: withRows({ initialBudget: null, executed: 914.97 }, { initialBudget: 187.36, executed: 300 }, suiyang), outcome: 'fail', check: 'mismatch', message: '全年执行数' },
    { name: 'no rows by nature', evaluation: sheetEvaluation(), outcome: 'not-applicable' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    {
      name: 'English message',
      evaluation: withRows({ initialBudget: 985.19, executed: 914.97 }, { initialBudget: 187.36, executed: 335.75 }, suiyang),
      locale: 'en',
      outcome: 'fail',
      check: 'mismatch',
      message: 'full-year execution: basic plus project expenditure 1250.72 (万元) does not equal the budget total 1268.72 (total − parts = 18.00)',
    },
  ],
  { context },
);

/** An amount in cents, or blank. */
const centsArb = fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: null, freq: 4 });
/** A column: total, basic, project (in cents, null blank); near-equal sums drawn often. */
const columnArb = fc.oneof(
  fc.tuple(centsArb, centsArb, centsArb),
  fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: -3, max: 3 })).map(([a, b, off]) => [Math.max(0, a + b + off), a, b] as const),
);
const money = (c: number | null) => (c === null ? null : fromCents(c));

/** What the rule must decide for one column (§3), in cents: the oracle states the rule, it does not reuse its code. */
function expected([total, basic, project]: readonly [number | null, number | null, number | null]): 'pass' | 'fail' | 'indeterminate' | 'nothing written' {
  if (total === null) return basic === null && project === null ? 'nothing written' : 'indeterminate';
  const known = (basic ?? 0) + (project ?? 0);
  const blank = basic === null || project === null;
  if (known - total > 1) return 'fail';
  if (total - known > 1) return blank ? 'indeterminate' : 'fail';
  return 'pass';
}

describe(`${RULE} properties`, () => {
  it('per column: known parts above the total fail, short of it fail only without a blank, a blank total is undecided; a failing column wins', async () => {
    await fc.assert(
      fc.asyncProperty(columnArb, columnArb, async (initial, executed) => {
        const f = await ruleFinding(
          pack,
          RULE,
          withRows(
            { initialBudget: money(initial[1]), executed: money(executed[1]) },
            { initialBudget: money(initial[2]), executed: money(executed[2]) },
            { initialBudget: money(initial[0]), executed: money(executed[0]) },
          ),
          { context },
        );
        const outcomes = [expected(initial), expected(executed)];
        const decided = outcomes.filter((o) => o !== 'nothing written');
        expect(f.outcome).toBe(decided.includes('fail') ? 'fail' : decided.includes('indeterminate') ? 'indeterminate' : decided.length === 0 ? 'not-applicable' : 'pass');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});

describe(`${RULE}: a column with nothing written`, () => {
  it('is no breakdown (a reader leaves a column the sheet does not have blank), and a sheet of blank rows is not applicable', async () => {
    const blankAnnual = withRows({ initialBudget: 985.19, annualBudget: null, executed: 914.97 }, { initialBudget: 187.36, annualBudget: null, executed: 353.75 }, suiyang);
    expect((await ruleFinding(pack, RULE, blankAnnual, { context })).message).toBe('基本支出与项目支出之和与年度资金总额相符（核对 2 栏）');
    const blankRows = withRows({ initialBudget: null, annualBudget: null, executed: null }, { initialBudget: null, annualBudget: null, executed: null }, { initialBudget: null, annualBudget: null, executed: null });
    expect((await ruleFinding(pack, RULE, blankRows, { context })).outcome).toBe('not-applicable');
  });
});
