/**
 * The batch-summary row of one form (file, unit, year, claimed grade, errors, warnings, indeterminate, red flags,
 * waived). Kept here only until the reports' batch summary is exported by `@jixiao/adapters`; then this file goes.
 */
import type { EvaluationResult } from '@jixiao/core';
import type { SummaryRow } from './protocol.js';

export function summaryRow(result: EvaluationResult): SummaryRow {
  const s = result.summary;
  return {
    file: result.source,
    unit: result.evaluation.unit,
    year: result.evaluation.fiscalYear,
    claimedGrade: result.evaluation.selfRating,
    errors: s.errors,
    warnings: s.warnings,
    indeterminate: s.indeterminate,
    redFlags: result.findings.filter((f) => f.redFlag && f.outcome === 'fail' && f.waiver === undefined).length,
    waived: s.waived,
  };
}
