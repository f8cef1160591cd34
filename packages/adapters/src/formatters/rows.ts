/**
 * The tables that several formats share, with columns named in the locale: the findings table (CSV, the xlsx
 * findings sheet), the batch summary (text, Markdown, HTML, the xlsx summary sheet), and what goes with them.
 */
import { fieldName, gradeScoreText, type BatchDigest, type EvaluationResult, type FormBrief, type Locale, type Outcome, type ReportRule, type ResultDiagnostic, type Severity, type UnreadInput } from '@jixiao/core';
import { WORDS, basisText, indicatorValueText, diagnosticPosition, findingPosition, gradeOf, isWaived, observedText, positionText, reviewNotes, sortFindings, unitOf, yearCell, yearOf } from './common.js';

export type Cell = string | number | null;

export const FINDING_COLUMNS = ['source', 'unit', 'fiscalYear', 'ruleId', 'title', 'outcome', 'severity', 'redFlag', 'message', 'observed', 'location', 'basis', 'waiver'] as const;
export type FindingColumn = (typeof FINDING_COLUMNS)[number];

const HEADERS: Record<Locale, Record<FindingColumn, string>> = {
  'zh-CN': { source: '来源', unit: '单位', fiscalYear: '年度', ruleId: '规则编号', title: '规则名称', outcome: '结果', severity: '严重程度', redFlag: '红旗', message: '说明', observed: '填报值', location: '位置', basis: '依据', waiver: '豁免' },
  en: { source: 'Source', unit: 'Unit', fiscalYear: 'Fiscal year', ruleId: 'Rule id', title: 'Title', outcome: 'Outcome', severity: 'Severity', redFlag: 'Red flag', message: 'Message', observed: 'Values', location: 'Location', basis: 'Legal basis', waiver: 'Waiver' },
};

export function findingHeaders(locale: Locale): string[] {
  return FINDING_COLUMNS.map((c) => HEADERS[locale][c]);
}

/** What a row of the findings table is about (the xlsx sheet fills it by this): a failure by its severity, … */
export type RowKind = Severity | Exclude<Outcome, 'fail'> | 'waived' | 'diagnostic' | 'unread';

export interface FindingRow {
  readonly kind: RowKind;
  readonly cells: Cell[];
}

const row = (values: Readonly<Partial<Record<FindingColumn, Cell>>>): Cell[] => FINDING_COLUMNS.map((c) => values[c] ?? null);

/** `第 14 行第 5 列` / `表 1 第 3 行第 2 格` / `table 1, row 3, cell 2`, or null. */
function where(text: string): Cell {
  return text === '' ? null : text;
}

/**
 * One form's findings: failures first (errors, warnings, info, then waived ones), then undecided, not applicable,
 * passed; severity only on failures; each with where it points in the file. Notes travel in the message column.
 */
export function findingRows(r: EvaluationResult, locale: Locale, verbose = false): FindingRow[] {
  const w = WORDS[locale];
  const yes = w.yes;
  const base = { source: r.source, unit: unitOf(r.evaluation.unit, locale), fiscalYear: yearCell(r.evaluation.fiscalYear, locale) };
  const rows: FindingRow[] = sortFindings(r.findings).map((f) => {
    const at = findingPosition(r, f);
    return {
      kind: isWaived(f) ? 'waived' : f.outcome === 'fail' ? f.severity : f.outcome,
      cells: row({
        ...base,
        ruleId: f.ruleId,
        title: f.title,
        outcome: isWaived(f) ? `${w.waived}·${w.fail}` : w[f.outcome],
        severity: f.outcome === 'fail' ? w[f.severity] : null,
        redFlag: f.redFlag && f.outcome === 'fail' ? yes : null,
        message: [f.message, ...(f.notes ?? []).map((n) => n.message)].join('\n'),
        observed: observedText(f, locale, verbose),
        location: at === undefined ? null : where(positionText(at.position, locale)),
        basis: basisText(f.basis, locale, verbose),
        waiver: isWaived(f) ? w.waiverText(f.waiver) : null,
      }),
    };
  });
  return rows;
}

/** One form's import diagnostics as rows of the findings table (outcome 导入诊断, rule id `import/<code>`). */
export function diagnosticRows(r: EvaluationResult, locale: Locale, verbose = false): FindingRow[] {
  return (r.diagnostics ?? []).map((d) => ({ kind: 'diagnostic', cells: diagnosticCells(r, d, locale, verbose) }));
}

function diagnosticCells(r: EvaluationResult, d: ResultDiagnostic, locale: Locale, verbose: boolean): Cell[] {
  const w = WORDS[locale];
  return row({
    source: r.source,
    unit: unitOf(r.evaluation.unit, locale),
    fiscalYear: yearCell(r.evaluation.fiscalYear, locale),
    ruleId: `import/${d.code}`,
    title: d.path === undefined ? w.diagnostics : `${w.diagnostics}${w.colon}${fieldName(d.path, locale, verbose)}`,
    outcome: w.diagnostics,
    severity: w[d.severity],
    message: d.message,
    location: where(positionText(diagnosticPosition(d), locale)),
  });
}

/** A row per input that was not checked (outcome 未能检查, the reason as its message). */
export function unreadRows(unread: readonly UnreadInput[], locale: Locale): FindingRow[] {
  const w = WORDS[locale];
  return unread.map((u) => ({ kind: 'unread', cells: row({ source: u.source, outcome: w.unread, message: u.reason }) }));
}

// ---------------------------------------------------------------------------------------------------------------
// What to review besides the findings, and the indicators (xlsx sheets)

export const REVIEW_COLUMNS = ['source', 'unit', 'fiscalYear', 'kind', 'severity', 'location', 'message'] as const;

export function reviewHeaders(locale: Locale): string[] {
  const w = WORDS[locale];
  return [w.source, w.unit, w.year, locale === 'zh-CN' ? '类别' : 'Kind', w.severity, w.location, w.message];
}

/** One form's import diagnostics and the notes that came with its passes, a row each. */
export function reviewRows(r: EvaluationResult, locale: Locale, verbose = false): Cell[][] {
  const w = WORDS[locale];
  const base = [r.source, unitOf(r.evaluation.unit, locale), yearCell(r.evaluation.fiscalYear, locale)];
  const out: Cell[][] = (r.diagnostics ?? []).map((d) => [...base, w.diagnostics, w[d.severity], where(positionText(diagnosticPosition(d), locale)), `${d.path === undefined ? '' : `${fieldName(d.path, locale, verbose)}${w.colon}`}${d.message} [${d.code}]`]);
  for (const n of reviewNotes(r)) out.push([...base, w.reviewNotes, null, null, `${n.title}${w.colon}${n.message}`]);
  return out;
}

export function indicatorHeaders(locale: Locale): string[] {
  const w = WORDS[locale];
  return [w.source, w.unit, w.year, w.indicators, locale === 'zh-CN' ? '值（%）' : 'Value (%)', locale === 'zh-CN' ? '说明' : 'Note'];
}

/** One form's indicators, a row each: the value as a number (a percentage), or 无法计算 / N/A with its reason. */
export function indicatorRows(r: EvaluationResult, locale: Locale): Cell[][] {
  return r.indicators.map((i) => [r.source, unitOf(r.evaluation.unit, locale), yearCell(r.evaluation.fiscalYear, locale), i.label, i.value ?? indicatorValueText(i, locale), i.reason ?? null]);
}

// ---------------------------------------------------------------------------------------------------------------
// The batch summary

const COLUMNS = ['source', 'unit', 'fiscalYear', 'template', 'selfRating', 'suggestedGrade', 'errors', 'warnings', 'infos', 'indeterminate', 'redFlags', 'waived', 'ratingSupported', 'diagnostics'] as const;
/** The columns, with `packScore` after the suggested grade when a form has a scoring pack's total (see {@link batchColumns}). */
export type BatchColumn = (typeof COLUMNS)[number] | 'packScore';
export const BATCH_COLUMNS: readonly BatchColumn[] = COLUMNS;

/** Every column a summary may have, in order: {@link BATCH_COLUMNS} with the pack score after the suggested grade. */
const AFTER_GRADE = BATCH_COLUMNS.indexOf('suggestedGrade') + 1;
export const ALL_BATCH_COLUMNS: readonly BatchColumn[] = [...BATCH_COLUMNS.slice(0, AFTER_GRADE), 'packScore', ...BATCH_COLUMNS.slice(AFTER_GRADE)];

/** The summary's columns: {@link BATCH_COLUMNS}, and the pack score when a form has one (a batch without a scoring pack keeps its table). */
export function batchColumns(digest: Pick<BatchDigest, 'forms'>): readonly BatchColumn[] {
  return digest.forms.some((b) => (b.scores?.length ?? 0) > 0) ? ALL_BATCH_COLUMNS : BATCH_COLUMNS;
}

/** `8/16` (`?/16` while undecided), the pack named when a form has several: the summary's pack score cell. */
export function packScoreCell(b: FormBrief, locale: Locale): string {
  const scores = b.scores ?? [];
  if (scores.length === 0) return WORDS[locale].dash;
  return scores.map((s) => `${scores.length > 1 ? `${s.pack} ` : ''}${s.score === null ? '?' : String(s.score)}/${String(s.max)}`).join('; ');
}

export function batchHeaders(locale: Locale, digest: BatchDigest): string[] {
  const names = batchColumnNames(locale);
  return batchColumns(digest).map((c) => names[c]);
}

/** Each column's header in the locale. */
export function batchColumnNames(locale: Locale): Record<BatchColumn, string> {
  const w = WORDS[locale];
  return {
    source: w.file,
    unit: w.unit,
    fiscalYear: w.year,
    template: w.template,
    selfRating: w.rating,
    suggestedGrade: w.suggestedGrade,
    packScore: w.packScore,
    errors: w.errors,
    warnings: w.warnings,
    infos: w.infos,
    indeterminate: w.indeterminate,
    redFlags: w.redFlags,
    waived: w.waived,
    ratingSupported: w.ratingSupported,
    diagnostics: w.diagnostics,
  };
}

/** 是 / 否 / 无法判断 for the rating rule's outcome; — when it did not run. */
export function ratingSupportedText(outcome: Outcome | null, locale: Locale): string {
  const w = WORDS[locale];
  if (outcome === 'pass') return w.yes;
  if (outcome === 'fail') return w.no;
  return outcome === null || outcome === 'not-applicable' ? w.dash : w.indeterminate;
}

/**
 * The template id the importer read the form as (`t1-checklist`), or — for a form that came without one (JSON,
 * YAML): the batch summary's column, one value per template so that it sorts and filters.
 */
export function templateText(b: Pick<FormBrief, 'template'>, locale: Locale): string {
  return b.template?.id ?? WORDS[locale].dash;
}

/**
 * `部门整体支出绩效自评基础数据表（勾选式）；t1-checklist，识别得分 21`: the template by its title, with its id and
 * detection score, in a form's own header (issue 12: the report names the template and its score; a low score is a
 * reason to look at how the form was read). A result without a title (from an older report) gives the id alone.
 */
export function templateScoreText(b: Pick<FormBrief, 'template'>, locale: Locale): string {
  const t = b.template;
  if (t === undefined) return WORDS[locale].dash;
  const w = WORDS[locale];
  const idScore = t.score === undefined ? t.id : `${t.id}${w.comma}${w.detectionScore(Math.round(t.score * 100) / 100)}`;
  return t.title === undefined ? idScore : `${t.title}${w.semicolon}${idScore}`;
}

/**
 * The grade the recomputed self-score falls in, with that score: `良（86.91）`, `良 (good, 86.91)`. `（无）` with a score but no bands
 * (the rating pack not loaded) shows the score alone; — for a form without a 自评表 to score.
 */
export function suggestedGradeText(b: FormBrief, locale: Locale): string {
  const w = WORDS[locale];
  const recomputed = b.scoreCheck?.recomputed;
  if (recomputed === undefined) return w.dash;
  const score = recomputed.score === null ? w.blank : recomputed.score.toFixed(2);
  return recomputed.grade === null ? `${w.none}${w.parens(score)}` : gradeScoreText(recomputed.grade, score, locale);
}

/** One row per checked form, in the digest's order (what needs attention first, then by unit). */
export function batchRows(digest: BatchDigest, locale: Locale): Cell[][] {
  const columns = batchColumns(digest);
  return digest.forms.map((b) => batchRow(b, columns, locale));
}

/** One form's row of the batch summary, in `columns` (see {@link batchRows}: a writer may take the rows one by one). */
export function batchRow(b: FormBrief, columns: readonly BatchColumn[], locale: Locale): Cell[] {
  const cells = batchCells(b, locale);
  return columns.map((c) => cells[c]);
}

/** One form's cell in every column, worded as the summary words it. */
export function batchCells(b: FormBrief, locale: Locale): Record<BatchColumn, Cell> {
  return {
    source: b.source,
    unit: unitOf(b.unit, locale),
    fiscalYear: yearCell(b.fiscalYear, locale),
    template: templateText(b, locale),
    selfRating: gradeOf(b.selfRating, locale),
    suggestedGrade: suggestedGradeText(b, locale),
    packScore: packScoreCell(b, locale),
    errors: b.errors,
    warnings: b.warnings,
    infos: b.infos,
    indeterminate: b.indeterminate,
    redFlags: b.redFlags,
    waived: b.waived,
    ratingSupported: ratingSupportedText(b.ratingSupported, locale),
    diagnostics: b.diagnostics,
  };
}

/** The totals row: forms counted, sums, and how many self-ratings are supported (是 n / 否 m). */
export function batchTotals(digest: BatchDigest, locale: Locale): Cell[] {
  const w = WORDS[locale];
  const t = digest.totals;
  const r = t.ratingSupported;
  const cells: Record<BatchColumn, Cell> = {
    source: `${w.totals}${w.parens(w.batch(t.forms, digest.unread.length))}`,
    unit: null,
    fiscalYear: null,
    template: null,
    selfRating: null,
    suggestedGrade: null,
    packScore: null,
    errors: t.errors,
    warnings: t.warnings,
    infos: t.infos,
    indeterminate: t.indeterminate,
    redFlags: t.redFlags,
    waived: t.waived,
    ratingSupported: r.yes + r.no + r.unknown === 0 ? w.dash : `${w.yes} ${String(r.yes)} / ${w.no} ${String(r.no)}${r.unknown > 0 ? ` / ${w.indeterminate} ${String(r.unknown)}` : ''}`,
    diagnostics: t.diagnostics,
  };
  return batchColumns(digest).map((c) => cells[c]);
}

/** The warnings for unit-years submitted more than once, one sentence each. */
export function duplicateLines(digest: BatchDigest, locale: Locale): string[] {
  return digest.duplicates.map((d) => WORDS[locale].duplicate(d.unit, yearOf(d.fiscalYear, locale), d.sources));
}

export function mostFailedHeaders(locale: Locale): string[] {
  const w = WORDS[locale];
  return [w.rule, w.ruleTitle, w.units, w.formCount];
}

/** The most-failed rules: id, title (from the report's rules), units, forms. */
export function mostFailedRows(digest: BatchDigest, rules: ReadonlyMap<string, ReportRule>): Cell[][] {
  return digest.mostFailed.map((m) => [m.ruleId, rules.get(m.ruleId)?.title ?? '', m.units, m.forms]);
}

/** Whether a report says anything about the batch as a whole (several forms, or inputs it could not check). */
export function hasBatchSummary(digest: BatchDigest): boolean {
  return digest.totals.forms > 1 || digest.unread.length > 0;
}
