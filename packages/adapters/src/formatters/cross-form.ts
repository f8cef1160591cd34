import { fieldName, type CrossFormReport, type CrossFormReportFinding, type CrossFormReviewNote, type Locale, type RelatedForm, type SourcePosition } from '@jixiao/core';
import { WORDS as REPORT_WORDS, formIdentity, positionText, unitOf, yearCell } from './common.js';
import type { Cell } from './rows.js';

/**
 * The cross-form section every format shows after the forms (history and batch rules: what a single form cannot
 * show): each failure or undecided finding on its form, the other forms it concerns and where the compared fields
 * stand in both; the forms joined to their previous year; the joins not made. One wording for every format.
 */

const WORDS = {
  'zh-CN': {
    title: '跨表核对（跨年度、同批次）',
    joined: (n: number) => `${String(n)} 份表关联到同一单位上一年度的表`,
    none: '未发现跨表问题',
    joins: '未能关联',
    columns: ['文件', '单位', '年度', '规则', '结果', '严重程度', '说明', '相关的表', '位置'],
    relation: { 'previous-year': '上年表', 'same-unit-year': '同单位同年度的另一份表', 'similar-narrative': '文字相似的表' },
    here: '本表',
    unlisted: (n: number) => `另有 ${String(n)} 份未列出`,
    fail: '不通过',
    indeterminate: '无法判断',
  },
  en: {
    title: 'Across forms (years and batch)',
    joined: (n: number) => `${String(n)} form(s) joined to the same unit's form for the year before`,
    none: 'No cross-form problems found',
    joins: 'Not joined',
    columns: ['File', 'Unit', 'Year', 'Rule', 'Outcome', 'Severity', 'Message', 'Related forms', 'Positions'],
    relation: { 'previous-year': 'previous year', 'same-unit-year': 'same unit and year', 'similar-narrative': 'similar narrative' },
    here: 'this form',
    unlisted: (n: number) => `and ${String(n)} more not named`,
    fail: 'fail',
    indeterminate: 'indeterminate',
  },
} as const;

/** An empty cell is null, as in the other tables (a spreadsheet writer drops an empty string). */
const blankAsNull = (text: string): Cell => (text === '' ? null : text);

/** `字段 第 3 行` for each field with a position. */
function positionsText(positions: Readonly<Record<string, SourcePosition>> | undefined, locale: Locale): string {
  if (positions === undefined) return '';
  return Object.entries(positions)
    .map(([path, p]) => `${fieldName(path, locale)} ${positionText(p, locale)}`)
    .join(REPORT_WORDS[locale].comma);
}

export function relatedText(r: RelatedForm, locale: Locale): string {
  const w = WORDS[locale];
  return `${w.relation[r.relation]}${REPORT_WORDS[locale].colon}${r.source}${REPORT_WORDS[locale].parens(formIdentity(r.unit, r.fiscalYear, locale))}`;
}

/** The forms a finding names past its related ones: "另有 K 份未列出" (undefined when it names them all). */
export function unlistedText(f: Pick<CrossFormReportFinding, 'unlistedRelated'>, locale: Locale): string | undefined {
  return f.unlistedRelated === undefined ? undefined : WORDS[locale].unlisted(f.unlistedRelated);
}

/** Each related form as a line, then how many more it concerns without naming them. */
function relatedLines(f: CrossFormReportFinding, locale: Locale): string[] {
  const more = unlistedText(f, locale);
  return [...f.related.map((r) => relatedText(r, locale)), ...(more === undefined ? [] : [more])];
}

/** Where the finding's fields stand: in this form, then in each related form. */
export function crossFormPositions(f: CrossFormReportFinding, locale: Locale): string {
  const w = WORDS[locale];
  const parts: string[] = [];
  const mine = positionsText(f.positions, locale);
  if (mine !== '') parts.push(`${w.here} ${mine}`);
  for (const r of f.related) {
    const theirs = positionsText(r.positions, locale);
    if (theirs !== '') parts.push(`${r.source} ${theirs}`);
  }
  return parts.join(REPORT_WORDS[locale].semicolon);
}

function outcomeText(f: CrossFormReportFinding, locale: Locale): string {
  const w = WORDS[locale];
  return f.outcome === 'fail' ? w.fail : w.indeterminate;
}

/** A finding's message and, a line each, the notes the rule gave with it (as a form's findings show theirs). */
export function crossFormMessage(f: Pick<CrossFormReportFinding, 'message' | 'notes'>): string {
  return [f.message, ...(f.notes ?? []).map((n) => n.message)].join('\n');
}

/**
 * A note that came with a cross-form pass or a rule that did not apply, on one line for the section's 请复核 list:
 * `b/2021.txt（北塔区司法局 2021） “三公经费比上年下降”由两年的表证实：提示：…` (the rule id after the title with `verbose`).
 */
export function crossFormNoteLine(n: CrossFormReviewNote, locale: Locale): string {
  const w = REPORT_WORDS[locale];
  return `${n.source}${w.parens(formIdentity(n.unit, n.fiscalYear, locale))} ${n.title}${w.colon}${n.message}`;
}

/** A review note as a row of the cross-form table (xlsx): outcome 请复核, the rule's title and the note as its message. */
export function crossFormNoteRow(n: CrossFormReviewNote, locale: Locale): Cell[] {
  const w = REPORT_WORDS[locale];
  return [n.source, unitOf(n.unit, locale), yearCell(n.fiscalYear, locale), n.ruleId, w.reviewNotes, null, `${n.title}${w.colon}${n.message}`, null, null];
}

/** A review note as a row of the findings table (CSV), after the cross-form findings' rows. */
export function crossFormNoteFindingRow(n: CrossFormReviewNote, locale: Locale): Cell[] {
  return [n.source, unitOf(n.unit, locale), yearCell(n.fiscalYear, locale), n.ruleId, n.title, REPORT_WORDS[locale].reviewNotes, null, null, n.message, null, null, null, null];
}

/** Column headers of the cross-form table (CSV, xlsx, HTML). */
export function crossFormHeaders(locale: Locale): string[] {
  return [...WORDS[locale].columns];
}

/** A finding's row of the cross-form table (CSV, xlsx, HTML). */
export function crossFormRow(f: CrossFormReportFinding, locale: Locale): Cell[] {
  return [
    f.source,
    unitOf(f.unit, locale),
    yearCell(f.fiscalYear, locale),
    f.ruleId,
    outcomeText(f, locale),
    f.severity === undefined ? null : REPORT_WORDS[locale][f.severity],
    crossFormMessage(f),
    blankAsNull(relatedLines(f, locale).join(REPORT_WORDS[locale].semicolon)),
    blankAsNull(crossFormPositions(f, locale)),
  ];
}

/** One row per finding (see {@link crossFormRow}). */
export function crossFormRows(report: CrossFormReport, locale: Locale): Cell[][] {
  return report.findings.map((f) => crossFormRow(f, locale));
}

/** The section's title line. */
export function crossFormTitle(locale: Locale): string {
  return WORDS[locale].title;
}

/** Lines before the findings: how many forms have a previous year, and the joins not made. */
export function crossFormPreamble(report: CrossFormReport, locale: Locale): string[] {
  const w = WORDS[locale];
  const out = report.history.length === 0 ? [] : [w.joined(report.history.length)];
  for (const d of report.diagnostics) out.push(`${w.joins}${REPORT_WORDS[locale].colon}${d.message}`);
  if (report.findings.length === 0) out.push(w.none);
  return out;
}

/** A finding's block in the terminal report: a head line, then the message, the related forms and the positions. */
export function crossFormBlock(f: CrossFormReportFinding, locale: Locale): { readonly fail: boolean; readonly head: string; readonly lines: readonly string[] } {
  const severity = f.severity === undefined ? '' : ` ${REPORT_WORDS[locale][f.severity]}`;
  const where = crossFormPositions(f, locale);
  return {
    fail: f.outcome === 'fail',
    head: `${outcomeText(f, locale)}${severity} ${f.ruleId} ${f.source}${REPORT_WORDS[locale].parens(formIdentity(f.unit, f.fiscalYear, locale))}`,
    lines: [f.message, ...(f.notes ?? []).map((n) => n.message), ...relatedLines(f, locale), ...(where === '' ? [] : [where])],
  };
}

/**
 * A finding as a row of the findings table (CSV), after the forms' rows: the related forms in the values column,
 * the positions in both forms in the location column.
 */
export function crossFormFindingRow(f: CrossFormReportFinding, locale: Locale): Cell[] {
  return [f.source, unitOf(f.unit, locale), yearCell(f.fiscalYear, locale), f.ruleId, f.title, outcomeText(f, locale), f.severity === undefined ? null : REPORT_WORDS[locale][f.severity], null, crossFormMessage(f), blankAsNull(relatedLines(f, locale).join(REPORT_WORDS[locale].semicolon)), blankAsNull(crossFormPositions(f, locale)), null, null];
}
