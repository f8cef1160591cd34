import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFinding, testRule } from '@jixiao/testing';
import { metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/points-total';
const context = [ratingPack];

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: 10 + 30 + 30 + 20 + 10 = 100', evaluation: sheetEvaluation(), outcome: 'pass', message: '各项分值之和 100 等于总分值' },
    {
      name: 'a row weighted 25 instead of 20, total stated',
      evaluation: sheetEvaluation(),
      patch: { selfAssessment: { indicators: [metRow('a', 30, 30), metRow('b', 30, 30), metRow('c', 25, 25), metRow('d', 10, 10)] } },
      outcome: 'fail',
      check: 'stated-total',
      severity: 'warning',
      message: '各项分值之和 105 与表中总分值 100 不符（相差 5）',
    },
    {
      name: 'no total stated: the full score of 100',
      evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50), metRow('b', 30, 30)] }, 80),
      outcome: 'fail',
      check: 'full-score',
      message: '各项分值之和 80 不等于满分 100 分',
    },
    { name: 'a template of 120 points that says so', evaluation: sheetEvaluation({ indicators: [metRow('a', 60, 60), metRow('b', 60, 60)], totalPoints: 120 }, null), outcome: 'pass' },
    {
      name: 'a blank weight, the rest short of the total',
      evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50), { ...metRow('b', 50, 50), points: null }], totalPoints: 100 }, null),
      outcome: 'indeterminate',
      message: '有 1 项分值为空',
    },
    {
      name: 'a blank weight, the rest already above the total',
      evaluation: sheetEvaluation({ indicators: [metRow('a', 60, 50), metRow('b', 50, 50), { ...metRow('c', 10, 0), points: null }] }, null),
      outcome: 'fail',
      check: 'full-score',
    },
    {
      name: 'a blank weight, the rest exactly the total',
      evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50), metRow('b', 50, 50), { ...metRow('c', 10, 0), points: null }] }, null),
      outcome: 'pass',
    },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'a sheet with a total and no items', evaluation: sheetEvaluation({ totalPoints: 100 }, null), outcome: 'not-applicable' },
    {
      name: 'English message',
      evaluation: sheetEvaluation({ indicators: [metRow('a', 50, 50), metRow('b', 30, 30)] }, 80),
      locale: 'en',
      outcome: 'fail',
      check: 'full-score',
      message: 'The items\' points add up to 80, not the full score of 100',
    },
  ],
  { context },
);

testRule(
  pack,
  RULE,
  [{ name: 'a province whose sheets total 120', evaluation: sheetEvaluation({ indicators: [metRow('a', 60, 60), metRow('b', 60, 60)] }, null), outcome: 'pass' }],
  { context, config: { parameters: { 'scoring.totalPoints': 120 } } },
);

describe(`${RULE} properties`, () => {
  it('with every weight given, fails exactly when they do not add up to the stated total (or to 100)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 8 }), fc.option(fc.constantFrom(100, 90, 120), { nil: undefined }), async (weights, stated) => {
        const sheet = { indicators: weights.map((w, i) => metRow(`r${String(i)}`, w / 100, 0)), ...(stated === undefined ? {} : { totalPoints: stated }) };
        const sum = weights.reduce((a, w) => a + w, 0);
        const f = await ruleFinding(pack, RULE, sheetEvaluation(sheet, null), { context });
        expect(f.outcome).toBe(sum === (stated ?? 100) * 100 ? 'pass' : 'fail');
      }),
    );
  });

  it('with blank weights: above the total fails, equal passes, short is undecided', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 3 }), async (weights, blanks) => {
        const sheet = { indicators: [...weights.map((w, i) => metRow(`r${String(i)}`, w / 100, 0)), ...Array.from({ length: blanks }, () => ({ ...metRow('blank', 0, 0), points: null }))], totalPoints: 100 };
        const sum = weights.reduce((a, w) => a + w, 0);
        const f = await ruleFinding(pack, RULE, sheetEvaluation(sheet, null), { context });
        expect(f.outcome).toBe(sum > 10_000 ? 'fail' : sum === 10_000 ? 'pass' : 'indeterminate');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
