import { describe, expect, it } from 'vitest';
import { passingEvaluation } from '../pack/cases.js';
import type { Evaluation, SelfAssessment } from '../model/evaluation.js';
import { deriveBudgetBreakdown } from './budget-breakdown.js';

type Budget = NonNullable<SelfAssessment['budget']>;
const block: Budget = { initialBudget: 100, annualBudget: 110, executed: 99, points: 10, rate: 90, score: 9 };
const withBudget = (budget: Budget | undefined): Evaluation => ({ ...passingEvaluation(), ...(budget === undefined ? {} : { selfAssessment: { budget } }) });

describe('deriveBudgetBreakdown', () => {
  it('no breakdown without a budget block, without rows, or without fund sources', () => {
    for (const e of [passingEvaluation(), withBudget(block)]) {
      const b = deriveBudgetBreakdown(e);
      expect([b.byNature.columns, b.fundSources.columns]).toEqual([0, 0]);
    }
  });

  it('a column neither row has is left out; a row the sheet lacks beside one it has is a blank part', () => {
    // 绥阳县太白镇: no 全年预算数 column in the rows.
    const both = deriveBudgetBreakdown(withBudget({ ...block, basic: { initialBudget: 60, executed: 59 }, project: { initialBudget: 40, executed: 40 } }));
    expect(both.byNature).toMatchObject({ columns: 2, mismatch: null, undecided: [] });
    const one = deriveBudgetBreakdown(withBudget({ ...block, basic: { initialBudget: 60, executed: 59 } }));
    expect(one.byNature).toMatchObject({ columns: 2, mismatch: null, undecided: ['selfAssessment.budget.initialBudget', 'selfAssessment.budget.executed'], undecidedCount: 2 });
  });

  it('the first column off by more than the tolerance, with its figures (exact, 万元)', () => {
    const b = deriveBudgetBreakdown(withBudget({ ...block, basic: { initialBudget: 60.1, annualBudget: 70, executed: 59 }, project: { initialBudget: 40, annualBudget: 40.02, executed: 39.99 } }));
    expect(b.byNature).toMatchObject({ columns: 3, mismatch: 'selfAssessment.budget.initialBudget', total: 100, partsSum: 100.1, difference: -0.1 });
  });

  it('reads its tolerances from params.scoring (a larger one lets a small difference pass)', () => {
    const e = withBudget({ ...block, fundSources: { total: 110, generalPublicBudget: 60, governmentFunds: 29.95, specialAccountNonTax: 0, other: 20 } });
    expect(deriveBudgetBreakdown(e).fundSources.mismatch).toBe('selfAssessment.budget.fundSources.total');
    expect(deriveBudgetBreakdown(e, { fundSourceTolerance: 0.05 }).fundSources.mismatch).toBeNull();
  });
});
