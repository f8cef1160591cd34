import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation, Grade } from '@jixiao/core';
import { ruleFinding, runRule, testRule } from '@jixiao/testing';
import { metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/grade-matches-score';
const context = [ratingPack];

/** A sheet of rows that meet their targets, scored as given (hundredths), self-rated `grade`. */
function rated(grade: Grade | null, ...scores: number[]): Evaluation {
  const e = sheetEvaluation({ indicators: scores.map((s, i) => metRow(`r${String(i)}`, 50, s)) }, null);
  return { ...e, selfRating: { grade, score: null } };
}

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: 99.28 is 优', evaluation: sheetEvaluation(), outcome: 'pass', message: '按表内数字重算的总分 99.28 分（填报 99.28 分）落在自评等级“优”的区间内' },
    {
      name: 'Chongqing: 97.6 claimed 优, but 12 of 26 trainings scored 5/5 recomputes to 2.31',
      evaluation: {
        ...sheetEvaluation(
          {
            budget: { initialBudget: null, annualBudget: null, executed: null, points: 10, rate: 76, score: 7.6 },
            indicators: [
              { name: '党性教育培训次数', nature: 'quantitative', unit: '次', target: '26次', actual: '12次', points: 5, score: 5 },
              metRow('其余指标', 85, 77),
            ],
          },
          89.6,
        ),
        selfRating: { grade: '优', score: 89.6 },
      },
      outcome: 'fail',
      check: 'band',
      severity: 'warning',
      message: '按表内数字重算的总分为 86.91 分（填报 89.6 分），与自评等级“优”不符',
    },
    { name: '良 for 85', evaluation: rated('良', 40, 45), outcome: 'pass' },
    { name: '优 for 85', evaluation: rated('优', 40, 45), outcome: 'fail', check: 'band', message: '（优 ≥ 90，良 80–<90，中 60–<80，差 < 60）' },
    { name: '良 for exactly 90', evaluation: rated('良', 45, 45), outcome: 'fail', check: 'band' },
    { name: '中 for 59.99', evaluation: rated('中', 29.99, 30), outcome: 'fail', check: 'band' },
    { name: '差 for 59.99', evaluation: rated('差', 29.99, 30), outcome: 'pass' },
    { name: 'a score over its points counts as the points: 优 claimed with 45 + 55 of 50 each', evaluation: rated('优', 45, 55), outcome: 'pass', message: '重算的总分 95 分' },
    { name: 'no grade', evaluation: rated(null, 45, 45), outcome: 'indeterminate', message: '自评等级' },
    { name: 'a blank score: no total to recompute', evaluation: { ...rated('优', 45), selfAssessment: { indicators: [metRow('a', 50, 45), { ...metRow('b', 50, 0), score: null }] } }, outcome: 'indeterminate', message: '无法重算总分' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: rated('优', 40, 45), locale: 'en', outcome: 'fail', check: 'band', message: 'The total recomputed from the sheet is 85 (stated (blank)), which does not fall in the band of the grade 优' },
  ],
  { context },
);

// Bands are the rating pack's parameters: a stricter 优 there is a stricter 优 here.
testRule(pack, RULE, [{ name: '优 needs 95 where the rating pack says so', evaluation: rated('优', 45, 47), outcome: 'fail', check: 'band', message: '优 ≥ 95' }], {
  context,
  config: { parameters: { 'rating.excellentMin': 95 } },
});

describe(`${RULE} without the rating pack`, () => {
  it('is indeterminate: the bands are not loaded (never a silent pass)', async () => {
    const f = await runRule(pack, RULE, rated('优', 45, 45));
    expect(f.outcome).toBe('indeterminate');
    expect(f.message).toContain('rating');
  });
});

/** The band a total falls in (财预〔2020〕10号). */
function band(score: number): Grade {
  return score >= 90 ? '优' : score >= 80 ? '良' : score >= 60 ? '中' : '差';
}

describe(`${RULE} properties`, () => {
  it('on rows that meet their targets, passes exactly when the grade is the band of Σ min(得分, 分值)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }), fc.constantFrom<Grade>('优', '良', '中', '差'), async (scores, grade) => {
        const e = rated(grade, ...scores.map((s) => s / 100));
        const total = scores.reduce((a, s) => a + Math.min(s, 5000), 0) / 100;
        expect((await ruleFinding(pack, RULE, e, { context })).outcome).toBe(band(total) === grade ? 'pass' : 'fail');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
