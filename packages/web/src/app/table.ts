/** Sorting and filtering the dashboard's rows: by any column, by severity, by a rule that failed. */
import type { CheckedForm, SummaryRow } from '../worker/protocol.js';

export const COLUMNS = ['file', 'unit', 'year', 'template', 'claimedGrade', 'suggestedGrade', 'errors', 'warnings', 'indeterminate', 'redFlags', 'waived'] as const satisfies readonly (keyof SummaryRow)[];
export type Column = (typeof COLUMNS)[number];

const NUMERIC = new Set<Column>(['year', 'errors', 'warnings', 'indeterminate', 'redFlags', 'waived']);

export function isNumeric(column: Column): boolean {
  return NUMERIC.has(column);
}

export const SEVERITY_FILTERS = ['errors', 'warnings', 'indeterminate', 'redFlags', 'waived', 'clean'] as const;
export type SeverityFilter = (typeof SEVERITY_FILTERS)[number];

export interface Sort {
  readonly column: Column;
  readonly descending: boolean;
}

export interface Filters {
  /** Per column: text the value contains, or for a number column the least value. */
  readonly columns: Partial<Record<Column, string>>;
  readonly severity?: SeverityFilter | undefined;
  /** Only forms where this rule failed (unwaived) or was indeterminate. */
  readonly rule?: string | undefined;
}

function matchesColumn(row: SummaryRow, column: Column, wanted: string): boolean {
  const value = row[column];
  const text = wanted.trim();
  if (text === '') return true;
  if (isNumeric(column) && column !== 'year' && /^\d+$/.test(text)) return typeof value === 'number' && value >= Number(text);
  return String(value ?? '').toLowerCase().includes(text.toLowerCase());
}

function matchesSeverity(row: SummaryRow, severity: SeverityFilter): boolean {
  if (severity === 'clean') return row.errors === 0 && row.warnings === 0;
  return row[severity] > 0;
}

/** The rules that need attention in a form: unwaived failures and indeterminate outcomes. */
export function attentionRules(form: CheckedForm): string[] {
  return form.findings.filter((f) => (f.outcome === 'fail' && !f.waived) || f.outcome === 'indeterminate').map((f) => f.ruleId);
}

export function filterForms(forms: readonly CheckedForm[], filters: Filters): CheckedForm[] {
  return forms.filter(
    (form) =>
      Object.entries(filters.columns).every(([column, wanted]) => matchesColumn(form.row, column as Column, wanted)) &&
      (filters.severity === undefined || matchesSeverity(form.row, filters.severity)) &&
      (filters.rule === undefined || attentionRules(form).includes(filters.rule)),
  );
}

/**
 * Collators made once: `localeCompare(b, 'zh-CN')` looks the locale up on every call (sorting 1,000 file names: 9.8
 * against 1.9 ms with one collator, Node 20 at load 9-14), and the table is sorted again on every update.
 */
const BY_TEXT = new Intl.Collator('zh-CN').compare;
const BY_FILE = new Intl.Collator().compare;

/** Stable sort by one column; blanks last whichever the direction; ties keep file order. */
export function sortForms(forms: readonly CheckedForm[], sort: Sort): CheckedForm[] {
  const sign = sort.descending ? -1 : 1;
  return [...forms].sort((a, b) => {
    const x = a.row[sort.column];
    const y = b.row[sort.column];
    if (x === null || y === null) return x === y ? BY_FILE(a.row.file, b.row.file) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : BY_TEXT(String(x), String(y));
    return c === 0 ? BY_FILE(a.row.file, b.row.file) : sign * c;
  });
}

/** Rules by how many forms failed them (unwaived), most first; ties by rule id. */
export function mostFailed(forms: readonly CheckedForm[]): { ruleId: string; title: string; forms: number }[] {
  const counts = new Map<string, { title: string; forms: number }>();
  for (const form of forms) {
    for (const f of form.findings) {
      if (f.outcome !== 'fail' || f.waived) continue;
      const c = counts.get(f.ruleId);
      if (c === undefined) counts.set(f.ruleId, { title: f.title, forms: 1 });
      else c.forms++;
    }
  }
  return [...counts].map(([ruleId, c]) => ({ ruleId, ...c })).sort((a, b) => b.forms - a.forms || a.ruleId.localeCompare(b.ruleId));
}
