/**
 * The dashboard row of one form: the reports' batch-summary brief (`formBrief`, the same counts as the CLI's
 * summary table), with the template and the grade of the recomputed self-score as the reports word them.
 */
import type { EvaluationResult } from '@jixiao/core';
import { formBrief } from '@jixiao/core';
import { suggestedGradeText, templateText } from '@jixiao/adapters';
import type { SummaryRow } from './protocol.js';

export function summaryRow(result: EvaluationResult, locale: Parameters<typeof templateText>[1] = 'zh-CN'): SummaryRow {
  const b = formBrief(result);
  return {
    file: b.source,
    unit: b.unit,
    year: b.fiscalYear,
    template: b.template === undefined ? null : templateText(b, locale),
    claimedGrade: b.selfRating,
    suggestedGrade: b.scoreCheck === undefined ? null : suggestedGradeText(b, locale),
    errors: b.errors,
    warnings: b.warnings,
    indeterminate: b.indeterminate,
    redFlags: b.redFlags,
    waived: b.waived,
  };
}
