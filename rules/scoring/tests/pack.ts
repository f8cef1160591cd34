import { fileURLToPath } from 'node:url';
import type { Evaluation, SelfAssessment } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { baseEvaluation } from '@jixiao/testing';

/** This pack, loaded the way the CLI loads it (data only, validated). */
export const pack = loadPackFromDir(fileURLToPath(new URL('..', import.meta.url)));

/** The rating pack: its grade bands are the parameters `scoring/grade-matches-score` reads (reused, not restated). */
export const ratingPack = loadPackFromDir(fileURLToPath(new URL('../../rating', import.meta.url)));

/**
 * A clean T5 sheet (every scoring rule passes): 执行率 1140 / 1200 = 95 % of 10 points = 9.5; four indicators worth
 * 90 points, the last one short of its target (88 % for ≥ 90 %), scored 10 × 88 / 90 = 9.78 with a reason.
 * Σ 分值 = 100, Σ 得分 = 99.28 (优).
 */
export function cleanSheet(): SelfAssessment {
  return {
    budget: { initialBudget: 1000, adjustment: 200, annualBudget: 1200, executed: 1140, points: 10, rate: 95, score: 9.5 },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '培训次数', nature: 'quantitative', unit: '次', target: '≥26次', actual: '30次', points: 30, score: 30 },
      { level1: '产出指标', level2: '质量指标', name: '办结合格率', unit: '%', target: '≥95%', actual: '96%', points: 30, score: 30 },
      { level1: '效益指标', level2: '社会效益指标', name: '服务质量', nature: 'qualitative', target: '高', actual: '高', points: 20, score: 20 },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', unit: '%', target: '≥90%', actual: '88%', points: 10, score: 9.78, deviationReason: '回访样本偏少，下年扩大回访' },
    ],
    totalPoints: 100,
  };
}

/** The all-pass base evaluation with the clean sheet, self-rated 优 at 99.28. */
export function sheetEvaluation(sheet: SelfAssessment = cleanSheet(), score: number | null = 99.28): Evaluation {
  return { ...baseEvaluation(), selfAssessment: sheet, selfRating: { grade: '优', score } };
}

/** Rows whose target is met (`≥ n` with an actual of n or more), of the given points and scores. */
export function metRow(name: string, points: number, score: number): NonNullable<SelfAssessment['indicators']>[number] {
  return { name, nature: 'quantitative', unit: '次', target: '≥10次', actual: '12次', points, score };
}
