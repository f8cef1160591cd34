/**
 * Messages between the page and its check workers. The page sends the files picked (each worker reads their bytes itself) and the reviewer's own packs,
 * config and waivers; a worker answers with results and everything the page shows, already worded in the
 * locale (the page itself never loads the engine, the model or the rule packs).
 */
import type { CrossFormReport, EvaluationResult, FormBrief, FormRecord, LoadedForm, Locale, Outcome, Severity } from '@jixiao/core';
import type { BatchColumn, Cell } from '@jixiao/adapters';
import type { ImportKind } from '@jixiao/import';

/** A file the reviewer loaded: its path as the browser gives it (folder/file.json) and its text. */
export interface TextFile {
  readonly name: string;
  readonly text: string;
}

export type PackSource =
  | { readonly kind: 'files'; readonly manifest: TextFile; readonly rules: readonly TextFile[] }
  | { readonly kind: 'zip'; readonly name: string; readonly bytes: ArrayBuffer };

/** The reviewer's own rules: packs (each a manifest and rule files), a config, a waiver file. */
export interface Setup {
  readonly locale: Locale;
  /** Packs as files (a folder picked), or as a zip's bytes (read in the worker with the .docx limits). */
  readonly packs: readonly PackSource[];
  readonly config?: TextFile;
  readonly waivers?: TextFile;
  /** The date waiver expiry is judged against (YYYY-MM-DD, the reviewer's local date). */
  readonly today: string;
}

/** A problem with the reviewer's own packs, config or waivers, worded as the CLI words it (file:line:column). */
export interface SetupIssue {
  readonly level: 'error' | 'warning';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** `file:line:column  path  message`, as `jixiao pack validate` prints it. */
  readonly text: string;
}

export type WorkerRequest =
  | { readonly type: 'setup'; readonly setup: Setup }
  /** A file to read and check: the browser's File (a handle: the worker reads its bytes, the page never does). */
  | { readonly type: 'check'; readonly id: number; readonly name: string; readonly file: Blob }
  /** Check every form this worker holds again (after a new setup or locale). */
  | { readonly type: 'recheck' }
  /** The whole form as read, for the form view (made on demand: a batch never pays for it). */
  | { readonly type: 'document'; readonly id: number }
  /** A form's findings, places, scores and diagnostics, worded for the form view (asked for when it opens). */
  | { readonly type: 'details'; readonly id: number }
  /** The results of these forms (those this worker checked), for an export. */
  | { readonly type: 'results'; readonly ids: readonly number[] }
  /**
   * The forms this worker read, with their records, posted on `port` (one message: a {@link HeldForm} list) to the
   * worker that runs the cross-form pass, which needs them all: worker to worker, never through the page's thread.
   */
  | { readonly type: 'forms'; readonly port: MessagePort }
  /**
   * Make the cross-form records of the forms this worker read, ahead of pass `pass` run here; meanwhile take the
   * forms of the other workers as they arrive on `ports` (one message on each, see `forms`).
   */
  | { readonly type: 'records'; readonly pass: number; readonly ports: readonly MessagePort[] }
  /**
   * Run cross-form pass `pass` (history and batch rules) over the forms this worker read and those that came on the
   * `from` ports of its `records` request (by index: the workers that answered that they had sent them).
   */
  | { readonly type: 'cross'; readonly pass: number; readonly from: readonly number[] }
  /** The summary's totals row of these forms (the dashboard's current view). */
  | { readonly type: 'totals'; readonly briefs: readonly FormBrief[] }
  | { readonly type: 'forget' };

/** A form read by a worker, as the cross-form pass takes it: the form, and its record made by that worker. */
export interface HeldForm extends LoadedForm {
  /** The page's id of the form (one per file dropped: two files can share a name). */
  readonly id: number;
  readonly source: string;
  readonly record: FormRecord;
}

/** One field of the form as read: where it came from and what it holds. */
export interface FieldView {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  /** An answer the reader inferred rather than saw (a mark it could not read): the reviewer must confirm it. */
  readonly inferred: boolean;
}

/** One place of the submitted file (a table cell, a paragraph, a line) and the fields read from it. */
export interface PlaceView {
  readonly key: string;
  /** `第 15 段，表 1 第 7 行第 2 格` / `paragraph 15, table 1, row 7, cell 2` / `line 12`. */
  readonly where: string;
  readonly table?: number;
  readonly row?: number;
  readonly excerpt: string;
  readonly fields: readonly FieldView[];
}

/** A block of the form as read: a paragraph, or a table of rows of cells; `key` names its place (PlaceView). */
export type BlockView =
  | { readonly kind: 'paragraph'; readonly text: string; readonly key?: string }
  /** `caption`: a workbook's sheet. */
  | { readonly kind: 'table'; readonly rows: readonly { readonly cells: readonly CellView[] }[]; readonly caption?: string };

export interface CellView {
  readonly text: string;
  readonly key?: string;
  /** The cell's own reference in a workbook (`Sheet1!B7`). */
  readonly ref?: string;
  readonly colSpan?: number;
}

export interface FindingView {
  /** Index in the result's findings. */
  readonly index: number;
  readonly ruleId: string;
  /** The check (failure mode) that fired: `ruleId#check-id`. */
  readonly checkId: string;
  readonly title: string;
  readonly outcome: Outcome;
  readonly severity: Severity;
  readonly waived: boolean;
  readonly redFlag: boolean;
  /** `不通过·错误`, `无法判断`, … */
  readonly label: string;
  readonly message: string;
  readonly notes: readonly string[];
  readonly observed: readonly { readonly label: string; readonly value: string }[];
  readonly basis: string;
  readonly waiver?: string;
  /** Its item in a scoring pack's total. */
  readonly points?: PointsView;
  /** The place of the form it is about first (key of a PlaceView), when the importer kept one. */
  readonly place?: string;
  /** Every place of the fields it reads (the figures a sum is compared with, …). */
  readonly places: readonly string[];
  readonly where?: string;
}

export interface DiagnosticView {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  /** One line, as the CLI prints it. */
  readonly text: string;
  readonly place?: string;
}

/** A column of the dashboard: one of the batch summary's (`@jixiao/adapters`), with its header in the locale. */
export interface SummaryColumn {
  readonly id: BatchColumn;
  readonly label: string;
}

/** What a column sorts and filters by: a count or a score as a number, text as it reads, null for a blank. */
export type SortKey = string | number | null;

/** One row of the dashboard: the form's cells of the CLI's batch summary, worded as the reports word them. */
export interface SummaryRow {
  readonly file: string;
  readonly unit: string | null;
  /** The columns this form's summary has (the pack score only when a scoring pack gave the form a total). */
  readonly columns: readonly BatchColumn[];
  readonly cells: Readonly<Record<BatchColumn, Cell>>;
  readonly keys: Readonly<Record<BatchColumn, SortKey>>;
}

/** A scoring pack's item: the points a finding's rule earned (null: undecided) of its full points. */
export interface PointsView {
  readonly points: number | null;
  readonly max: number;
}

/**
 * A checked form as the dashboard needs it, and no more: its row, its brief (the totals row, the CLI's order, the
 * most-failed rules) and the rules that need attention in it (the rule filter). Its findings, places, scores and
 * diagnostics stay in the worker until the form is opened ({@link FormDetails}) and its result until an export
 * asks for it: sent with every result they were ~41 KB a form (bench/RESULTS.md, eighth and ninth shifts).
 */
export interface CheckedForm {
  readonly id: number;
  readonly ok: true;
  readonly kind: ImportKind;
  readonly row: SummaryRow;
  /** What the batch summary keeps of the form (the page's totals row, order and most-failed rules are the CLI's, from these). */
  readonly brief: FormBrief;
  /** The rules that failed (unwaived) or were indeterminate in the form, once each: the rule filter's matches. */
  readonly attention: readonly string[];
}

/** What the form view shows of a checked form besides its row, made by the worker that holds it when it is opened. */
export interface FormDetails {
  /** The self-score recomputed and each scoring pack's total, a sentence each as the reports word them. */
  readonly scores: readonly string[];
  readonly places: readonly PlaceView[];
  readonly findings: readonly FindingView[];
  readonly diagnostics: readonly DiagnosticView[];
}

export interface UnreadableForm {
  readonly id: number;
  readonly ok: false;
  readonly file: string;
  readonly kind: ImportKind;
  readonly reasons: readonly string[];
}

export type FormEntry = CheckedForm | UnreadableForm;

export type WorkerResponse =
  /** `titles`: each rule checked with every form (cross-form rules aside), by id, its title in the locale (the rule filter's choices). */
  | { readonly type: 'ready'; readonly rules: number; readonly issues: readonly SetupIssue[]; readonly columns: readonly SummaryColumn[]; readonly titles: readonly (readonly [string, string])[] }
  /**
   * The worker begins reading and checking this form (a `check`, or one form of a `recheck`): the page knows which
   * file a worker was reading if it dies or falls silent, and how long it has been at it.
   */
  | { readonly type: 'reading'; readonly id: number }
  | { readonly type: 'checked'; readonly entry: FormEntry }
  | { readonly type: 'rechecked'; readonly entries: readonly FormEntry[] }
  /**
   * `blocks` undefined for a form that has no document (canonical JSON or YAML); `moved` when the file could not be
   * read again for it (moved, renamed or changed since it was checked: the browser refuses a File whose file changed).
   */
  | { readonly type: 'document'; readonly id: number; readonly blocks?: readonly BlockView[]; readonly moved?: true }
  /** The browser could not read a file sent to check (moved, renamed or changed since it was dropped): the page words it. */
  | { readonly type: 'moved'; readonly id: number; readonly name: string }
  /** Undefined for a form this worker does not hold (forgotten meanwhile). */
  | { readonly type: 'details'; readonly id: number; readonly details?: FormDetails }
  /** A workbook or a PDF, given back by a worker built without its reader (pool.ts sends the file on). */
  | { readonly type: 'elsewhere'; readonly reader: 'xlsx' | 'pdf'; readonly id: number; readonly name: string }
  | { readonly type: 'results'; readonly results: readonly { readonly id: number; readonly result: EvaluationResult }[] }
  /** Its forms posted on the port of a `forms` request (how many): every one of them is on its way to the pass. */
  | { readonly type: 'sent'; readonly forms: number }
  /** The records of its forms made (how many forms). */
  | { readonly type: 'records'; readonly forms: number }
  /** Undefined when the rules in force have no cross-form rule. */
  | { readonly type: 'cross'; readonly view?: CrossFormView }
  | { readonly type: 'totals'; readonly cells: Readonly<Partial<Record<BatchColumn, Cell>>> }
  | { readonly type: 'failed'; readonly message: string };

/** The other forms a cross-form finding concerns, each with where the compared fields stand in it. */
export interface RelatedView {
  /** The page's id of that form: a name can be two forms' (自评表.docx from two folders, a file dropped twice). */
  readonly form: number;
  readonly source: string;
  /** `文字相似的表：a.docx（西湖区司法局 2021 年度）`, as the reports word it. */
  readonly text: string;
  /** Keys of its places (PlaceView) the finding compares. */
  readonly places: readonly string[];
}

/** A finding of a cross-form rule, on its form and pointing at the others. */
export interface CrossFindingView {
  /** Its place in `report.findings`. */
  readonly index: number;
  /** The page's id of the form it is on (its name, `source`, can be another form's too). */
  readonly form: number;
  readonly source: string;
  readonly ruleId: string;
  readonly title: string;
  readonly outcome: Outcome;
  readonly severity?: Severity;
  /** The row of the reports' cross-form table (file, unit, year, rule, outcome, severity, message, related, positions). */
  readonly cells: readonly (string | number | null)[];
  readonly message: string;
  /** Keys of the places, in its own form, of the fields it reads. */
  readonly places: readonly string[];
  readonly related: readonly RelatedView[];
  /** How many more forms it concerns without naming them, in words ("另有 K 份未列出"); absent when it names them all. */
  readonly unlisted?: string;
}

/** The cross-form section, worded as the reports word it; `report` goes into the exports. */
export interface CrossFormView {
  readonly report: CrossFormReport;
  readonly title: string;
  /** Forms joined to their previous year, joins not made, or that nothing was found. */
  readonly preamble: readonly string[];
  readonly headers: readonly string[];
  readonly findings: readonly CrossFindingView[];
  /** The heading of the notes that came with passes (请复核), and each note, on its form (the page's id), worded as the reports word it. */
  readonly notesHeading: string;
  readonly notes: readonly { readonly form: number; readonly text: string }[];
}
