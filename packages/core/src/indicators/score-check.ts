import type { Grade } from '../model/answer.js';
import type { Evaluation } from '../model/evaluation.js';
import type { Finding, ScoreCheck } from '../result/model.js';
import type { ParamValues } from './derive.js';
import type { ScoringFacts } from './scoring.js';

/** The rating pack's band parameters (`params.rating.*`): reused, never restated here. */
const BANDS = [
  ['优', 'excellentMin'],
  ['良', 'goodMin'],
  ['中', 'fairMin'],
] as const;

/** The grade a total falls in by the bands in force; null without a total or without the bands (rating pack not loaded). */
export function gradeOfScore(score: number | null, params: ParamValues | undefined): Grade | null {
  if (score === null) return null;
  const rating = params?.rating;
  const mins = BANDS.map(([, name]) => rating?.[name]);
  if (!mins.every((m): m is number => typeof m === 'number')) return null;
  for (const [i, [grade]] of BANDS.entries()) if (score >= (mins[i] ?? Infinity)) return grade;
  return '差';
}

/**
 * The self-score beside the one the form's own figures give, for a form with a 自评表: the claimed grade and
 * 自评总分, the total recomputed with every correction of `derived.scoring`, the grade that total falls in, and the
 * rules that moved it — every finding whose data holds a non-zero `scoreDelta` (the convention a rule follows to
 * say how many points its recomputation takes off or adds; a pass within a rounding tolerance may still move the
 * total by a hundredth or two, and is listed so that the moves add up). Undefined for a form without a 自评表.
 * No total is recomputed from an indicator table read only in part (`listIncomplete`: the importer could not read
 * it whole): the rows not read would add to it.
 */
export function scoreCheck(evaluation: Evaluation, scoring: ScoringFacts, params: ParamValues | undefined, findings: readonly Finding[], listIncomplete = false): ScoreCheck | undefined {
  if (scoring.points.sum === null) return undefined;
  const movedBy: { ruleId: string; delta: number }[] = [];
  for (const f of findings) {
    const delta = f.data.scoreDelta;
    if (typeof delta === 'number' && delta !== 0) movedBy.push({ ruleId: f.ruleId, delta });
  }
  const score = listIncomplete ? null : scoring.recomputed.score;
  return {
    claimed: { grade: evaluation.selfRating.grade, score: evaluation.selfRating.score ?? null },
    recomputed: { score, grade: gradeOfScore(score, params) },
    movedBy,
  };
}
