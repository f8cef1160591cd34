/** The bench's forms (one source for every part of the bench: bench.ts, stages.ts). */
import fc from 'fast-check';
import type { Evaluation } from '@jixiao/core';
import { baseEvaluation, evaluationArb, patchEvaluation } from '@jixiao/testing';

/** Share of random forms in the generated set (the rest are near-clean). */
export const RANDOM_SHARE = 0.7;

/** One form in this many is a second submission of the unit and year of the form before it. */
const RESUBMITTED_EVERY = 100;

/**
 * Forms: random schema-valid ones (many failures, blanks, unresolved answers) mixed with near-clean ones. Their units
 * are a province's batch (`realistic`): each form a unit of its own (单位0, 单位1, …; a blank name stays blank), and
 * every hundredth form the same unit and year as the form before it (a duplicate submission, 1 %). As generated
 * (`duplicate-heavy`, the adversarial case) the random forms share four unit names and the near-clean ones one, so
 * each unit-year holds hundreds of copies and batch/duplicate-submission fires on nearly every form.
 */
export function makeForms(n: number, units: 'realistic' | 'duplicate-heavy' = 'realistic'): Evaluation[] {
  const random = fc.sample(evaluationArb(), { numRuns: Math.ceil(n * RANDOM_SHARE), seed: 20260101 });
  const clean = Array.from({ length: n - random.length }, (_, i) =>
    patchEvaluation(baseEvaluation(), { staffing: { authorized: 40, actual: 30 + (i % 15) }, fiscalYear: 2015 + (i % 10) }),
  );
  const forms = [...random, ...clean];
  if (units === 'duplicate-heavy') return forms;
  return forms.map((f, i) => {
    const of = i % RESUBMITTED_EVERY === RESUBMITTED_EVERY - 1 ? i - 1 : i;
    return { ...f, unit: { ...f.unit, name: f.unit.name === null ? null : `单位${String(of)}` }, fiscalYear: forms[of]?.fiscalYear ?? f.fiscalYear };
  });
}
