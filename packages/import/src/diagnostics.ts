import { capExcerpt, cellPlaceText, fieldName, visibleText, type Evaluation, type LocalizedText, type SourcePosition } from '@jixiao/core';

/**
 * What kind of file a submission was read as. `doc`, `wps`, `odt`, `rtf`, `xls`, `et` and `ods` are read by the
 * Node entry (`@jixiao/import/node`) after conversion by LibreOffice; `pdf` with pdf.js.
 */
export type ImportKind = 'text' | 'docx' | 'xlsx' | 'json' | 'yaml' | 'doc' | 'wps' | 'odt' | 'rtf' | 'xls' | 'et' | 'ods' | 'pdf' | 'unknown';

/** Severity of an import diagnostic: `error` = a value could not be read (it stays null), `warning` = read with doubt, `info` = noted. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/**
 * One thing the importer noticed: a figure it could not read, an unknown checkbox glyph, a missing label, text
 * left over … Always data (a code, where, and a message in zh-CN and English), never printed.
 */
export interface ImportDiagnostic {
  /** Stable code, e.g. `unreadable-figure`, `unknown-glyph`, `missing-label`, `not-a-form`. */
  readonly code: string;
  readonly severity: DiagnosticSeverity;
  readonly message: { readonly 'zh-CN': string; readonly en: string };
  /** 1-based line in the text (for a .docx: of the text the reader extracted, see `paragraph`). */
  readonly line?: number;
  /** 1-based column (UTF-16 code units, as SARIF counts by default). */
  readonly column?: number;
  /** Canonical field path the diagnostic is about. */
  readonly path?: string;
  /** For a PDF: 1-based page (`line` is then the line on that page). */
  readonly page?: number;
  /** For a .docx: 1-based paragraph in the document body. */
  readonly paragraph?: number;
  /** For a .docx: the table cell, e.g. `table 1, row 3, cell 2`. */
  readonly cell?: string;
}

/** Field path → where its value was read. */
export type SourcePositions = Record<string, SourcePosition>;

/** The form template a document was read with (or recognised as), its detection score and its title. */
export interface TemplateMatch {
  readonly id: string;
  readonly score: number;
  readonly title: LocalizedText;
}

/**
 * How a field was read, where not from a labelled cell: `table` (by position in a table map), `prose` (from
 * running text: less certain than a table cell).
 */
export type Provenance = 'table' | 'prose';

/** The result of reading one submission. */
export type ImportResult =
  | {
      readonly ok: true;
      readonly kind: ImportKind;
      readonly evaluation: Evaluation;
      readonly diagnostics: readonly ImportDiagnostic[];
      readonly positions: SourcePositions;
      /** The template the form was read with (absent for canonical JSON/YAML). */
      readonly template?: TemplateMatch;
      /** Fields read by table position or from prose (every other field came from a labelled cell). */
      readonly provenance?: Readonly<Record<string, Provenance>>;
      /**
       * The model's required fields the form's template has no place for (blank in the evaluation, but not the
       * unit's omission): pass them to the checker (`fieldsNotOnForm`), so no rule passes or fails on them.
       */
      readonly fieldsNotOnForm?: readonly string[];
      /**
       * Fields whose value was there but could not be read (an impossible date, a figure that is no number):
       * path → the text as written. Blank in the evaluation; pass them to the checker (`unreadable`), so a rule
       * says the value could not be read instead of "not filled in".
       */
      readonly unreadable?: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly kind: ImportKind; readonly diagnostics: readonly ImportDiagnostic[]; readonly template?: TemplateMatch };

/** A failed import with one error diagnostic. */
export function failure(kind: ImportKind, code: string, zh: string, en: string, extra: Partial<ImportDiagnostic> = {}): ImportResult {
  return { ok: false, kind, diagnostics: [{ ...extra, code, severity: 'error', message: { 'zh-CN': zh, en } }] };
}

/** `第 12 行` / `line 12`, the .docx paragraph and cell, or the workbook cell, in the reader's words, for one-line renderings of a diagnostic. */
export function describeLocation(d: ImportDiagnostic, locale: 'zh-CN' | 'en'): string | undefined {
  const cell = d.cell === undefined ? undefined : cellPlaceText(d.cell, locale);
  if (d.paragraph !== undefined) {
    if (locale === 'zh-CN') return `第 ${d.paragraph} 段${cell === undefined ? '' : `（${cell}）`}`;
    return `paragraph ${d.paragraph}${cell === undefined ? '' : ` (${cell})`}`;
  }
  if (d.page !== undefined) {
    const line = d.line === undefined ? '' : locale === 'zh-CN' ? `第 ${d.line} 行` : `, line ${d.line}`;
    return locale === 'zh-CN' ? `第 ${d.page} 页${line}` : `page ${d.page}${line}`;
  }
  if (d.line !== undefined) {
    const col = d.column === undefined ? '' : locale === 'zh-CN' ? `第 ${d.column} 列` : `, column ${d.column}`;
    return locale === 'zh-CN' ? `第 ${d.line} 行${col}` : `line ${d.line}${col}`;
  }
  return cell; // a workbook cell: `工作表“Sheet1”B7 单元格` / `Sheet1!B7`
}

/** How a diagnostic is worded: with `verbose` (`jixiao check --verbose`), a field's model path beside its label. */
export interface DiagnosticWording {
  readonly verbose?: boolean;
}

/**
 * One line per diagnostic: `警告 第 63 行 [unknown-glyph] 是否存在超编超配人员: …` — the field by the form's label in
 * the reader's language (core's `fieldName`), its model path only with `verbose`.
 */
export function formatDiagnostic(d: ImportDiagnostic, locale: 'zh-CN' | 'en' = 'zh-CN', wording: DiagnosticWording = {}): string {
  const sev = locale === 'zh-CN' ? { error: '错误', warning: '警告', info: '提示' }[d.severity] : d.severity;
  const where = describeLocation(d, locale);
  const field = d.path === undefined ? '' : ` ${fieldName(d.path, locale, wording.verbose === true)}`;
  return `${sev}${where === undefined ? '' : ` ${where}`} [${d.code}]${field}: ${d.message[locale]}`;
}

/**
 * Why a file could not be read, a line per diagnostic, as every report lists it (the CLI's unread inputs, the
 * workbench's list and exports): a diagnostic about a field with its place and label ({@link formatDiagnostic}),
 * any other by its message, after its place when it has one (a JSON form's syntax error by line and column). A reason may quote the file (a JSON parser's message quotes the bytes it
 * stopped at), so each line is shown as `@jixiao/core`'s {@link visibleText} shows text from outside: a control
 * character or bidi override in the file is seen as its escape, never obeyed, on a terminal, in a report or on the page.
 */
export function unreadReasonLines(diagnostics: readonly ImportDiagnostic[], locale: 'zh-CN' | 'en', wording: DiagnosticWording = {}): string[] {
  return diagnostics.map((d) => visibleText(d.path === undefined ? placedMessage(d, locale) : formatDiagnostic(d, locale, wording)));
}

/** A diagnostic about no field, by its message, after its place in the file when it has one (`第 4 行第 1 列：不是有效的 JSON：…`). */
function placedMessage(d: ImportDiagnostic, locale: 'zh-CN' | 'en'): string {
  const where = describeLocation(d, locale);
  return where === undefined ? d.message[locale] : `${where}${locale === 'zh-CN' ? '：' : ': '}${d.message[locale]}`;
}

/** Characters of text a reader set aside (hidden in Word or Excel) quoted in its diagnostic. */
const SET_ASIDE_EXCERPT = 40;

/** Text a reader set aside, as its diagnostic quotes it: whitespace runs as one space, at most 40 characters. */
export function setAsideExcerpt(text: string): string {
  return capExcerpt(text.replace(/\s+/g, ' ').trim(), SET_ASIDE_EXCERPT);
}
