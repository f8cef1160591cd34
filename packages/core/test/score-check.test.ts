import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, evaluationArb, selfAssessmentArb } from '@jixiao/testing';
import { createChecker, type Evaluation, type SelfAssessment } from '../src/index.js';
import { loadPackFromDir } from '../src/node/index.js';

const pack = (name: string) => loadPackFromDir(fileURLToPath(new URL(`../../../rules/${name}`, import.meta.url)));
const scoring = pack('scoring');
const rating = pack('rating');
const withRating = createChecker([scoring, rating]);
const withoutRating = createChecker([scoring]);

const sheet = (selfAssessment: SelfAssessment, grade: Evaluation['selfRating']['grade'], score: number | null): Evaluation => ({ ...baseEvaluation(), selfAssessment, selfRating: { grade, score } });

/** The real Chongqing sheet's budget line (76 % of 10 = 7.6) and its 12-of-26 training row scored 5/5. */
const chongqing: SelfAssessment = {
  budget: { initialBudget: null, annualBudget: null, executed: null, points: 10, rate: 76, score: 7.6 },
  indicators: [
    { name: '党性教育培训次数', nature: 'quantitative', unit: '次', target: '26次', actual: '12次', points: 5, score: 5 },
    { name: '其余指标', target: '≥1', actual: '1', points: 85, score: 77 },
  ],
};

describe('the score check of a result', () => {
  it('puts the claimed 优 89.6 beside the recomputed 86.91 (良), moved by the full-marks rule', () => {
    const r = withRating.checkEvaluationSync(sheet(chongqing, '优', 89.6));
    expect(r.scoreCheck).toEqual({
      claimed: { grade: '优', score: 89.6 },
      recomputed: { score: 86.91, grade: '良' },
      movedBy: [{ ruleId: 'scoring/full-marks-below-target', delta: -2.69 }],
    });
  });

  it('lists each rule that moved it: full marks claimed for 76 % (−2.4) and a row scored above its points (−2)', () => {
    const moved: SelfAssessment = {
      budget: { ...chongqing.budget, score: 10 } as NonNullable<SelfAssessment['budget']>,
      indicators: [{ name: 'a', target: '≥1', actual: '1', points: 30, score: 32 }, { name: 'b', target: '≥1', actual: '1', points: 60, score: 60 }],
    };
    const r = withRating.checkEvaluationSync(sheet(moved, '优', 100));
    expect(r.scoreCheck?.recomputed).toEqual({ score: 97.6, grade: '优' });
    expect(r.scoreCheck?.movedBy).toEqual([
      { ruleId: 'scoring/execution-score', delta: -2.4 },
      { ruleId: 'scoring/score-within-points', delta: -2 },
    ]);
  });

  it('gives no grade without the bands of the rating pack (never restated elsewhere), and no check at all without a 自评表', () => {
    expect(withoutRating.checkEvaluationSync(sheet(chongqing, '优', 89.6)).scoreCheck?.recomputed).toEqual({ score: 86.91, grade: null });
    expect(withRating.checkEvaluationSync(baseEvaluation()).scoreCheck).toBeUndefined();
  });

  it('recomputes no total from an indicator table read only in part (the rows not read would add to it)', () => {
    const whole = withRating.checkEvaluationSync(sheet(chongqing, '优', 89.6), { unreadable: { 'staffing.actual': '十二人' } });
    expect(whole.scoreCheck?.recomputed).toEqual({ score: 86.91, grade: '良' });
    const part = withRating.checkEvaluationSync(sheet(chongqing, '优', 89.6), { unreadable: { 'selfAssessment.indicators': '效益 社会 覆盖率 ≥90%' } });
    expect(part.scoreCheck).toEqual({ claimed: { grade: '优', score: 89.6 }, recomputed: { score: null, grade: null }, movedBy: [{ ruleId: 'scoring/full-marks-below-target', delta: -2.69 }] });
  });

  it('follows the bands in force: 良 from 85 where the rating pack says so', () => {
    const strict = createChecker([scoring, rating], { parameters: { 'rating.goodMin': 87 } });
    expect(strict.checkEvaluationSync(sheet(chongqing, '优', 89.6)).scoreCheck?.recomputed.grade).toBe('中');
  });

  it('property: the recomputed total is the sum of the claimed scores moved by exactly the rules listed', () => {
    fc.assert(
      fc.property(selfAssessmentArb(), evaluationArb(), (s, e) => {
        const r = withRating.checkEvaluationSync({ ...e, selfAssessment: s });
        const items = [...(s.budget === undefined ? [] : [s.budget]), ...(s.indicators ?? [])];
        if (items.length === 0) {
          expect(r.scoreCheck).toBeUndefined();
          return;
        }
        const check = r.scoreCheck;
        if (check?.recomputed.score === null || check === undefined) return;
        const claimed = items.reduce((a, i) => a + Math.round((i.score ?? 0) * 100), 0);
        const moved = check.movedBy.reduce((a, m) => a + Math.round(m.delta * 100), 0);
        expect(Math.round(check.recomputed.score * 100)).toBe(claimed + moved);
      }),
    );
  });

  it('property: the grade is the band of the recomputed total, by the default bands 90 / 80 / 60', () => {
    fc.assert(
      fc.property(selfAssessmentArb(), (s) => {
        const score = withRating.checkEvaluationSync({ ...baseEvaluation(), selfAssessment: s }).scoreCheck?.recomputed;
        if (score?.score === null || score === undefined) return;
        const band = score.score >= 90 ? '优' : score.score >= 80 ? '良' : score.score >= 60 ? '中' : '差';
        expect(score.grade).toBe(band);
      }),
    );
  });
});
