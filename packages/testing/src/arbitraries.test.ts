import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationSchema, passingEvaluation, sumMoney } from '@jixiao/core';
import { baseEvaluation, evaluationArb } from './arbitraries.js';
import { patchEvaluation } from './tester.js';

describe('evaluationArb', () => {
  it('always produces schema-valid evaluations', () => {
    fc.assert(fc.property(evaluationArb(), (e) => EvaluationSchema.safeParse(e).success));
  });

  it('honours the knobs: overstaffed, totals consistent, fiscal year', () => {
    fc.assert(
      fc.property(evaluationArb({ overstaffed: true, blanks: false }), (e) => (e.staffing.actual ?? 0) > (e.staffing.authorized ?? 0)),
    );
    fc.assert(
      fc.property(evaluationArb({ overstaffed: false, blanks: false }), (e) => (e.staffing.actual ?? 0) <= (e.staffing.authorized ?? 0)),
    );
    fc.assert(
      fc.property(evaluationArb({ totalsConsistent: true }), (e) => {
        const { localBudget, nonTax, higherLevel, other, total } = e.income;
        expect(sumMoney([localBudget ?? 0, nonTax ?? 0, higherLevel ?? 0, other ?? 0])).toBe(total);
        expect(sumMoney([e.expenditure.basic ?? 0, e.expenditure.project ?? 0])).toBe(e.expenditure.total);
      }),
    );
    fc.assert(fc.property(evaluationArb({ fiscalYear: 2019 }), (e) => e.fiscalYear === 2019));
    fc.assert(fc.property(evaluationArb({ fiscalYear: { min: 2000, max: 2003 } }), (e) => e.fiscalYear !== null && e.fiscalYear >= 2000 && e.fiscalYear <= 2003));
  });
});

describe('baseEvaluation', () => {
  it('is the valid all-pass base the case files patch, returned fresh each time', () => {
    expect(EvaluationSchema.parse(baseEvaluation())).toEqual(passingEvaluation());
    const a = baseEvaluation();
    a.staffing.actual = 999;
    expect(baseEvaluation().staffing.actual).toBe(21);
  });

  it('patches merge objects and replace everything else', () => {
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 30 }, disclosure: { channels: ['internal'] } });
    expect(e.staffing).toEqual({ authorized: 22, actual: 30 });
    expect(e.disclosure.channels).toEqual(['internal']);
  });
});
