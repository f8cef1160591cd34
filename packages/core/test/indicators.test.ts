import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb } from '@jixiao/testing';
import { computeIndicators, deriveFacts, indicatorFacts, parseEvaluation, percentOf } from '../src/index.js';
import seed from '../../../examples/beita-justice-2020/evaluation.json' with { type: 'json' };

describe('indicators', () => {
  it('are exact percentages with two decimals (21/22 → 95.45, 5.67/74.69 → 7.59)', () => {
    const byId = Object.fromEntries(computeIndicators(parseEvaluation(seed)).map((i) => [i.id, i]));
    expect(byId.staffingControlRate).toMatchObject({ value: 95.45, display: '95.45%' });
    expect(byId.procurementExecutionRate).toMatchObject({ value: 7.59, display: '7.59%' });
    expect(byId.threePublicChangeRate).toMatchObject({ value: null, display: 'N/A', reason: '上年三公经费支出为空' });
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(-1, 8)).toBe(-12.5);
    expect(percentOf(5, 0)).toBeNull();
  });

  it('report the same whether or not the values already computed for the rules are reused', () => {
    fc.assert(
      fc.property(evaluationArb(), fc.constantFrom('zh-CN' as const, 'en' as const), (e, locale) => {
        expect(computeIndicators(e, locale, indicatorFacts(e))).toEqual(computeIndicators(e, locale));
      }),
    );
  });

  it('never yield NaN or Infinity: a value is a finite number or null with a reason', () => {
    fc.assert(
      fc.property(evaluationArb(), (e) => {
        for (const i of computeIndicators(e)) {
          if (i.value === null) expect(i.reason).toBeTruthy();
          else expect(Number.isFinite(i.value)).toBe(true);
        }
      }),
    );
  });

  describe('三公经费变动率 of a form that states its 三公 figures only in the 经费控制 grid (T1b)', () => {
    /** The seed with the checklist's 三公 figures as given, and a cost control grid's 三公 row. */
    function form(current: number | null, prior: number | null | undefined, grid?: { actual: number | null; priorYearActual: number | null }) {
      // A prior year of `undefined` is a field the form's template has no place for (a T1b form): absent, not blank.
      expect(seed.expenditure).not.toHaveProperty('threePublicPriorYear');
      return parseEvaluation({
        ...seed,
        expenditure: { ...seed.expenditure, threePublic: current, ...(prior === undefined ? {} : { threePublicPriorYear: prior }) },
        ...(grid === undefined ? {} : { costControl: { threePublic: { ...grid, budget: null } } }),
      });
    }
    const rate = (e: ReturnType<typeof form>, locale: 'zh-CN' | 'en' = 'zh-CN') => computeIndicators(e, locale).find((i) => i.id === 'threePublicChangeRate');

    it.each([
      // checklist current, prior | grid actual, prior | value | reason (zh-CN)
      { current: null, prior: null, grid: { actual: 12, priorYearActual: 15 }, value: -20, reason: undefined },
      { current: null, prior: null, grid: { actual: 16.5, priorYearActual: 15 }, value: 10, reason: undefined },
      // 衡山县贯塘乡 2023: nothing spent on 三公 in either year — no rate, and the reason says 0, not blank.
      { current: null, prior: null, grid: { actual: 0, priorYearActual: 0 }, value: null, reason: '三公经费（上年决算）为 0，无法计算比率' },
      // As the T1b template reads it: the grid's 本年决算 is also the checklist's 三公经费支出, its 上年决算 only the grid's.
      { current: 0, prior: undefined, grid: { actual: 0, priorYearActual: 0 }, value: null, reason: '三公经费（上年决算）为 0，无法计算比率' },
      { current: 0, prior: null, grid: { actual: 0, priorYearActual: 0 }, value: null, reason: '三公经费（上年决算）为 0，无法计算比率' },
      { current: 44.29, prior: undefined, grid: { actual: 44.29, priorYearActual: 29.08 }, value: 52.3, reason: undefined },
      { current: 44.29, prior: null, grid: { actual: 44.29, priorYearActual: 29.08 }, value: 52.3, reason: undefined },
      { current: null, prior: null, grid: { actual: 3, priorYearActual: null }, value: null, reason: '三公经费（上年决算）为空' },
      { current: null, prior: null, grid: { actual: null, priorYearActual: null }, value: null, reason: '三公经费支出为空' },
      { current: null, prior: null, grid: undefined, value: null, reason: '三公经费支出为空' },
      { current: 12, prior: null, grid: undefined, value: null, reason: '上年三公经费支出为空' },
      // The checklist's prior-year figure, where it gives one, makes the rate the checklist's: the grid is not mixed in.
      { current: 12, prior: 10, grid: { actual: 30, priorYearActual: 15 }, value: 20, reason: undefined },
      { current: null, prior: 10, grid: { actual: 30, priorYearActual: 15 }, value: null, reason: '三公经费支出为空' },
    ])('checklist $current / $prior, grid $grid.actual / $grid.priorYearActual → $value $reason', ({ current, prior, grid, value, reason }) => {
      const got = rate(form(current, prior, grid));
      expect(got?.value).toBe(value);
      expect(got?.reason).toBe(reason);
    });

    it('the English reason names the grid row too', () => {
      expect(rate(form(null, null, { actual: 0, priorYearActual: 0 }), 'en')?.reason).toBe('"three public" expenses (prior-year final accounts) is 0: no ratio');
    });

    it('property: with no prior-year figure in the checklist, the indicator is the rate the three-public rules read from the grid (derived costControl.threePublicChangeRate)', () => {
      const amount = fc.option(
        fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
        { nil: null },
      );
      fc.assert(
        fc.property(amount, amount, amount, (current, actual, priorYearActual) => {
          fc.pre(actual !== null || priorYearActual !== null);
          const e = form(current, null, { actual, priorYearActual });
          expect(rate(e)?.value).toBe(deriveFacts(e).costControl.threePublicChangeRate);
        }),
      );
    });
  });
});
