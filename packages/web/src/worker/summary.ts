/**
 * The dashboard row of one form: the reports' batch-summary row (`formBrief` worded by `@jixiao/adapters`'
 * `batchCells`, the CLI's summary table), with what each column sorts and filters by.
 */
import { digestBatch, type FormBrief, type Locale } from '@jixiao/core';
import { ALL_BATCH_COLUMNS, batchCells, batchColumnNames, batchColumns, batchTotals, type BatchColumn, type Cell } from '@jixiao/adapters';
import type { SortKey, SummaryColumn, SummaryRow } from './protocol.js';

/** Every column the dashboard may show, in the summary's order, with its header in the locale. */
export function summaryColumns(locale: Locale): SummaryColumn[] {
  const names = batchColumnNames(locale);
  return ALL_BATCH_COLUMNS.map((id) => ({ id, label: names[id] }));
}

/** A pack score sorts by its points (the packs' sum when a form has several); null while one is undecided. */
function packPoints(b: FormBrief): number | null {
  const scores = b.scores ?? [];
  if (scores.length === 0 || scores.some((s) => s.score === null)) return null;
  // In hundredths: the points are exact to 2 decimals, their sum stays so.
  return scores.reduce((sum, s) => sum + Math.round((s.score ?? 0) * 100), 0) / 100;
}

/** What a column sorts by: counts and scores as numbers, text as it reads, null for a blank (listed last). */
function sortKeys(b: FormBrief, cells: Readonly<Record<BatchColumn, unknown>>): Record<BatchColumn, SortKey> {
  return {
    source: b.source,
    unit: b.unit,
    // The year matches as text (a filter of 2020 means that year, not 2020 and after).
    fiscalYear: b.fiscalYear === null ? null : String(b.fiscalYear),
    template: b.template?.id ?? null,
    selfRating: b.selfRating,
    suggestedGrade: b.scoreCheck?.recomputed.score ?? null,
    packScore: packPoints(b),
    errors: b.errors,
    warnings: b.warnings,
    infos: b.infos,
    indeterminate: b.indeterminate,
    redFlags: b.redFlags,
    waived: b.waived,
    ratingSupported: b.ratingSupported === null || b.ratingSupported === 'not-applicable' ? null : String(cells.ratingSupported),
    diagnostics: b.diagnostics,
  };
}

export function summaryRow(b: FormBrief, locale: Locale = 'zh-CN'): SummaryRow {
  const cells = batchCells(b, locale);
  return { file: b.source, unit: b.unit, columns: batchColumns({ forms: [b] }), cells, keys: sortKeys(b, cells) };
}

/**
 * The CLI summary's totals row (`batchTotals`) of some forms, by column: made here, not in the page, because the
 * reports' wording would bring the model (and zod) into the page's own script.
 */
export function totalsCells(briefs: readonly FormBrief[], locale: Locale): Partial<Record<BatchColumn, Cell>> {
  const digest = digestBatch(briefs);
  const cells = batchTotals(digest, locale);
  return Object.fromEntries(batchColumns(digest).map((c, i) => [c, cells[i] ?? null]));
}
