import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb } from '@jixiao/testing';
import { computeIndicators, indicatorFacts, parseEvaluation, percentOf } from '../src/index.js';
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
});
