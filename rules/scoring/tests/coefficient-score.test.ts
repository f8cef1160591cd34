import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '@jixiao/core';
import { ruleFinding, testRule } from '@jixiao/testing';
import { metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/coefficient-score';
const context = [ratingPack];

const row = (points: number | null, coefficient: number | null, score: number | null, name = '预算完成率'): IndicatorRow => ({ name, unit: '%', target: '70%', actual: '76%', points, coefficient, score });
const rows = (...r: IndicatorRow[]) => sheetEvaluation({ indicators: r }, null);

testRule(
  pack,
  RULE,
  [
    { name: 'Chongqing: weight 2, coefficient 100 %, score 2', evaluation: rows(row(2, 100, 2), row(10, 100, 10)), outcome: 'pass', message: '填写得分系数的 2 项指标' },
    { name: 'weight 10 at 95 % is 9.5', evaluation: rows(row(10, 95, 9.5)), outcome: 'pass' },
    { name: 'weight 3 at 33.33 % is 1 (0.9999 rounds to 1.00)', evaluation: rows(row(3, 33.33, 1)), outcome: 'pass' },
    {
      name: 'weight 10 at 80 % but scored 10',
      evaluation: rows(row(10, 80, 10)),
      outcome: 'fail',
      check: 'mismatch',
      severity: 'error',
      message: '1 项指标得分不等于权重 × 得分系数：#1 预算完成率 (10 × 80% ≠ 10)',
    },
    { name: 'a blank weight', evaluation: rows(row(null, 80, 8)), outcome: 'indeterminate', message: '1 项指标的得分系数、权重或得分为空，无法核对：#1 预算完成率' },
    {
      // The sheet has a 得分系数 column and this row leaves it blank: its score cannot be checked, whatever the others show.
      name: 'a blank coefficient beside filled ones',
      evaluation: rows(row(2, 100, 2), row(10, null, 10, '群众满意度')),
      outcome: 'indeterminate',
      message: '1 项指标的得分系数、权重或得分为空，无法核对：#2 群众满意度',
    },
    { name: 'every coefficient blank', evaluation: rows(row(2, null, 2), row(10, null, 10)), outcome: 'indeterminate', message: '2 项指标的得分系数、权重或得分为空，无法核对：#1 预算完成率、#2 预算完成率' },
    { name: 'a blank coefficient beside a wrong score', evaluation: rows(row(10, 80, 10), row(10, null, 10)), outcome: 'fail', check: 'mismatch', message: '#1 预算完成率 (10 × 80% ≠ 10)' },
    { name: 'a blank coefficient, in English', evaluation: rows(row(2, 100, 2), row(10, null, 10, '群众满意度')), locale: 'en', outcome: 'indeterminate', message: "1 indicator(s) leave the coefficient, weight or score blank: cannot check: #2 群众满意度" },
    { name: 'no coefficient on the sheet', evaluation: rows(metRow('a', 10, 10)), outcome: 'not-applicable' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: rows(row(10, 80, 10)), locale: 'en', outcome: 'fail', check: 'mismatch', message: '1 indicator score(s) are not weight × coefficient' },
  ],
  { context },
);

describe(`${RULE} properties`, () => {
  it('fails exactly when a row with all three filled is not weight × coefficient; else undecided when one is blank; else passes', async () => {
    // Each of weight, coefficient and score may be blank (null); a blank is unknown, never a pass.
    const maybeBlank = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
    const rowSpec = fc.record({ w: maybeBlank(fc.integer({ min: 0, max: 30 })), c: maybeBlank(fc.integer({ min: 0, max: 100 })), off: fc.integer({ min: -3, max: 3 }), scoreBlank: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(rowSpec, { minLength: 1, maxLength: 6 }), async (spec) => {
        // Whole weights and whole-percent coefficients: weight × coefficient / 100 is exact in hundredths.
        const scoreOf = (s: (typeof spec)[number]): number | null => (s.scoreBlank ? null : Math.max(0, (s.w ?? 10) * (s.c ?? 50) + s.off) / 100);
        const indicators = spec.map((s, i) => row(s.w, s.c, scoreOf(s), `指标${String(i + 1)}`));
        const filled = spec.filter((s) => s.w !== null && s.c !== null && !s.scoreBlank);
        const wrong = filled.some((s) => Math.max(0, (s.w ?? 0) * (s.c ?? 0) + s.off) !== (s.w ?? 0) * (s.c ?? 0));
        const open = spec.map((s, i) => ({ s, i })).filter(({ s }) => s.w === null || s.c === null || s.scoreBlank);
        const f = await ruleFinding(pack, RULE, rows(...indicators), { context });
        expect(f.outcome).toBe(wrong ? 'fail' : open.length > 0 ? 'indeterminate' : 'pass');
        // An undecided finding names each row left open.
        if (!wrong && open.length > 0) expect(f.data.undecidedRows).toEqual(open.map(({ i }) => `#${String(i + 1)} 指标${String(i + 1)}`));
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
