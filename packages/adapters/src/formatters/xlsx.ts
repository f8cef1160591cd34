import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Zippable } from 'fflate';
import { attentionRank, ruleCatalogue, type EvaluationResult, type Locale } from '@jixiao/core';
import { WORDS } from './common.js';
import { reportEnd, type ReportEnd } from './report.js';
import {
  batchColumns,
  type BatchColumn,
  batchHeaders,
  batchRow,
  batchTotals,
  duplicateLines,
  findingHeaders,
  findingRows,
  indicatorHeaders,
  indicatorRows,
  mostFailedHeaders,
  mostFailedRows,
  reviewHeaders,
  reviewRows,
  type Cell,
  type FindingRow,
  type RowKind,
} from './rows.js';
import { crossFormHeaders, crossFormNoteRow, crossFormRow } from './cross-form.js';
import type { FormatOptions } from './types.js';

/** The timestamp used when no clock is injected: the earliest a zip entry can carry (DOS epoch, local time). */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Rows a worksheet can hold (Excel's limit, header included): a longer findings table goes on in another sheet. */
export const MAX_SHEET_ROWS = 1_048_576;

const SHEET_NAMES = {
  'zh-CN': { summary: '汇总', findings: '检查结果', indicators: '指标', review: '需复核', unread: '未能检查的文件', crossForm: '跨表核对' },
  en: { summary: 'Summary', findings: 'Findings', indicators: 'Indicators', review: 'To review', unread: 'Not checked', crossForm: 'Across forms' },
} as const satisfies Record<Locale, unknown>;

/** Where rows wait until their sheet is written: in memory, or (the CLI) in a temporary file. */
export interface RowSpool<T> {
  readonly push: (row: T) => void;
  readonly rows: () => Iterable<T>;
}

/** Makes a spool for one kind of row (`name` says which). */
export type SpoolFactory = <T>(name: string) => RowSpool<T>;

export const memorySpool: SpoolFactory = <T>() => {
  const rows: T[] = [];
  return { push: (row: T) => rows.push(row), rows: () => rows };
};

// Fills by outcome: failures in the colour of their severity, undecided in purple, passes in green.
const FILLS: Record<RowKind, string> = {
  error: 'FFFDE2E1',
  warning: 'FFFEF0C7',
  info: 'FFDBEAFE',
  indeterminate: 'FFEDE9FE',
  waived: 'FFF2F4F7',
  'not-applicable': 'FFF9FAFB',
  pass: 'FFECFDF3',
  diagnostic: 'FFFFF4E5',
  unread: 'FFFDE2E1',
};
/** Column widths of the summary sheet. */
const SUMMARY_WIDTHS: Record<BatchColumn, number> = {
  source: 40, unit: 24, fiscalYear: 8, template: 16, selfRating: 10, suggestedGrade: 14, packScore: 14,
  errors: 8, warnings: 8, infos: 8, indeterminate: 10, redFlags: 8, waived: 8, ratingSupported: 14, diagnostics: 10,
};

const RANK_KIND: readonly RowKind[] = ['error', 'warning', 'indeterminate', 'pass'];

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Landscape A4, one page wide, the header row repeated on every printed page. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  // PaperSize.A4 (9): the enum is exceljs's runtime value, and exceljs is loaded only when a workbook is written.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  paperSize: 9,
  orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };

/** What the sheets are written into: a workbook in memory, or exceljs's streaming writer. */
type Book = Pick<ExcelJS.Workbook, 'addWorksheet'>;

interface SheetSpec {
  readonly name: string;
  readonly headers: readonly string[];
  readonly widths: readonly number[];
  /** Columns (0-based) whose text wraps. */
  readonly wrap?: readonly number[];
}

/** A sheet being written row by row: frozen header, autofilter, print setup; rows committed as they go (streaming). */
class SheetWriter {
  private rowCount = 1;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly wrap: ReadonlySet<number>;
  constructor(book: Book, private readonly spec: SheetSpec) {
    // A streaming sheet writes its views at once: they are given here, not set later.
    this.sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }], pageSetup: PAGE_SETUP });
    this.sheet.columns = spec.widths.map((width) => ({ width }));
    this.wrap = new Set(spec.wrap ?? []);
    const header = this.sheet.addRow([...spec.headers]);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = fill('FFF2F4F7');
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    header.commit();
  }

  get full(): boolean {
    return this.rowCount >= MAX_SHEET_ROWS;
  }

  add(cells: readonly Cell[], argb?: string, bold = false): void {
    const row = this.sheet.addRow([...cells]);
    this.rowCount++;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.alignment = { vertical: 'top', ...(this.wrap.has(column - 1) ? { wrapText: true } : {}) };
      if (argb !== undefined) cell.fill = fill(argb);
    });
    if (bold) row.font = { bold: true };
    row.commit();
  }

  /**
   * Wait until the zip has taken the rows written so far (a streaming sheet; a sheet in memory never waits).
   * exceljs writes a streaming sheet's rows into a pass-through stream that archiver reads the entry from, and it
   * ignores that stream's backpressure: rows written faster than they are compressed and written out queue there
   * in memory — 1,848 MB at 20,000 forms before this wait. The stream is readable-stream's, which says it is full
   * by `needDrain` (it has no public `writableNeedDrain`) and empties with 'drain' as the entry is compressed.
   */
  async drained(): Promise<void> {
    const { stream } = this.sheet as { stream?: { pipes?: readonly unknown[] } };
    for (const pipe of stream?.pipes ?? []) {
      const p = pipe as { _writableState?: { needDrain?: boolean }; once?: (event: string, listener: () => void) => unknown };
      if (p._writableState?.needDrain === true && p.once !== undefined) {
        const once = p.once.bind(p);
        await new Promise<void>((resolve) => once('drain', resolve));
      }
    }
  }

  /** Close the sheet: the autofilter over `filterRows` rows (default: all written). */
  finish(filterRows = this.rowCount): void {
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, filterRows), column: this.spec.headers.length } };
    // Only the streaming writer's sheets are committed (a sheet in memory has no commit, whatever the types say).
    const { commit } = this.sheet as { commit?: unknown };
    if (typeof commit === 'function') commit.call(this.sheet);
  }
}

/** A report being written as an Excel workbook: forms go into spools, the workbook is written at the end. */
export interface XlsxReport {
  readonly form: (result: EvaluationResult) => void;
  /** Write the sheets into `book` (a workbook in memory, or exceljs's streaming writer). */
  readonly write: (end: ReportEnd, book: Book) => Promise<void>;
}

/**
 * The Excel report: a summary sheet (one row per form, what needs attention first, filled by it; a totals row;
 * unit-years submitted twice and the rules that failed in the most units below), the findings (one row per form
 * and rule, all failures first, filled by outcome, wrapped text, 位置 column, severity only on failures; a row
 * past Excel's limit goes on in a further sheet), the indicators (one sheet, a row per form and indicator: a sheet
 * per form would give thousands of tabs whose names Excel caps at 31 characters), what to review (import
 * diagnostics and notes such as inferred answers) and the files that could not be checked. Every sheet: frozen,
 * filtered header row, printed landscape on A4 one page wide with the header row on every page.
 */
export function xlsxReport(options: FormatOptions, spool: SpoolFactory = memorySpool, seen: readonly EvaluationResult[] = []): XlsxReport {
  const { locale } = options;
  const verbose = options.verbose === true;
  const w = WORDS[locale];
  const names = SHEET_NAMES[locale];
  const rules = new Map(ruleCatalogue(seen, options).map((r) => [r.id, r]));
  const failures = spool<FindingRow>('failures');
  const others = spool<FindingRow>('findings');
  const indicators = spool<Cell[]>('indicators');
  const review = spool<Cell[]>('review');
  return {
    form: (r) => {
      for (const row of findingRows(r, locale, verbose)) (row.kind === 'error' || row.kind === 'warning' || row.kind === 'info' ? failures : others).push(row);
      for (const row of indicatorRows(r, locale)) indicators.push(row);
      for (const row of reviewRows(r, locale, verbose)) review.push(row);
    },
    write: async (end, book) => {
      const { digest } = end;
      const columns = batchColumns(digest);
      const summary = new SheetWriter(book, { name: names.summary, headers: batchHeaders(locale, digest), widths: columns.map((c) => SUMMARY_WIDTHS[c]) });
      // Each row made as it is written (a province's batch has tens of thousands).
      for (const b of digest.forms) {
        const kind = RANK_KIND[attentionRank(b)];
        summary.add(batchRow(b, columns, locale), kind === undefined || kind === 'pass' ? undefined : FILLS[kind]);
        await summary.drained();
      }
      summary.add(batchTotals(digest, locale), 'FFF2F4F7', true);
      const filtered = digest.forms.length + 1;
      const duplicates = duplicateLines(digest, locale);
      if (duplicates.length > 0) {
        summary.add([]);
        summary.add([w.duplicates], FILLS.warning, true);
        for (const d of duplicates) summary.add([d], FILLS.warning);
      }
      if (digest.mostFailed.length > 0) {
        summary.add([]);
        summary.add([w.mostFailed], undefined, true);
        summary.add(mostFailedHeaders(locale), 'FFF2F4F7', true);
        for (const row of mostFailedRows(digest, rules)) summary.add(row);
      }
      summary.finish(filtered);

      // A table longer than a sheet goes on in `name (2)`, `name (3)`, …
      const table = async <T>(spec: SheetSpec, rows: Iterable<T>, cellsOf: (row: T) => readonly Cell[], fillOf: (row: T) => string | undefined) => {
        let part = 1;
        let sheet = new SheetWriter(book, spec);
        for (const row of rows) {
          if (sheet.full) {
            sheet.finish();
            sheet = new SheetWriter(book, { ...spec, name: `${spec.name} (${String(++part)})` });
          }
          sheet.add(cellsOf(row), fillOf(row));
          await sheet.drained();
        }
        sheet.finish();
      };
      const all = function* () {
        yield* failures.rows();
        yield* others.rows();
      };
      const plain = (row: readonly Cell[]) => row;
      await table({ name: names.findings, headers: findingHeaders(locale), widths: [30, 20, 7, 30, 28, 11, 8, 6, 60, 40, 22, 40, 30], wrap: [8, 9, 10, 11, 12] }, all(), (row) => row.cells, (row) => FILLS[row.kind]);
      await table({ name: names.indicators, headers: indicatorHeaders(locale), widths: [30, 20, 7, 22, 12, 40], wrap: [5] }, indicators.rows(), plain, () => undefined);
      await table({ name: names.review, headers: reviewHeaders(locale), widths: [30, 20, 7, 10, 8, 24, 70], wrap: [6] }, review.rows(), plain, () => FILLS.diagnostic);
      await table({ name: names.unread, headers: [w.file, w.reason], widths: [50, 80], wrap: [1] }, digest.unread.map((u) => [u.source, u.reason]), plain, () => FILLS.unread);
      if (end.crossForm !== undefined) {
        // Each finding's row is made as it is written (a large batch has tens of thousands); every one is filled.
        const cross = end.crossForm;
        // Then the notes that came with passes (请复核), filled as a form's notes to review are.
        const rows = function* (): Generator<{ readonly cells: readonly Cell[]; readonly fill: string }> {
          for (const f of cross.findings) yield { cells: crossFormRow(f, locale), fill: FILLS.warning };
          for (const n of cross.reviewNotes ?? []) yield { cells: crossFormNoteRow(n, locale), fill: FILLS.diagnostic };
        };
        await table({ name: names.crossForm, headers: crossFormHeaders(locale), widths: [30, 20, 7, 30, 10, 8, 70, 40, 40], wrap: [6, 7, 8] }, rows(), (row) => row.cells, (row) => row.fill);
      }
    },
  };
}

/**
 * Rewrite a zip with every entry stamped `mtime` (in the original order): exceljs's zip writer stamps each
 * entry with the wall clock, which would make two runs on the same results differ.
 */
async function restamp(bytes: Uint8Array, mtime: Date): Promise<Uint8Array> {
  const { unzipSync, zipSync } = await import('fflate');
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime, level: 6 }];
  return zipSync(out);
}

function stampBook(book: { creator: string; lastModifiedBy: string; created: Date; modified: Date }, options: FormatOptions, time: Date): void {
  book.creator = `jixiao ${options.toolVersion}`;
  book.lastModifiedBy = `jixiao ${options.toolVersion}`;
  book.created = time;
  book.modified = time;
}

/**
 * The Excel report for results in memory (see {@link xlsxReport}), built in memory (this works in a browser too).
 * Timestamps (workbook properties, zip entries) come from `options.now`, else a fixed date.
 */
export async function formatXlsx(results: readonly EvaluationResult[], options: FormatOptions): Promise<Uint8Array> {
  const time = options.now?.() ?? FIXED_TIME;
  // exceljs is loaded here, not at start-up: it is the heaviest dependency and only this format needs it.
  const { default: excel } = await import('exceljs');
  const report = xlsxReport(options, memorySpool, results);
  for (const r of results) report.form(r);
  const workbook = new excel.Workbook();
  stampBook(workbook, options, time);
  await report.write({ ...reportEnd(results, options.unread ?? [], []), ...(options.crossForm === undefined ? {} : { crossForm: options.crossForm }) }, workbook);
  return await restamp(new Uint8Array(await workbook.xlsx.writeBuffer()), time);
}

/** exceljs's streaming writer, as far as it is used here (its zip is an archiver instance). */
interface StreamingBook extends Book {
  creator: string;
  lastModifiedBy: string;
  created: Date;
  modified: Date;
  commit(): Promise<void>;
}

/**
 * Write the workbook of a report with exceljs's streaming writer to `stream` (Node only): each sheet's rows go to
 * the zip as they are written, so memory stays bounded whatever the number of forms. Zip entries are stamped with
 * `options.now`, else the same fixed date as {@link formatXlsx}, so the same results give the same bytes.
 */
export async function writeXlsxStream(report: XlsxReport, end: ReportEnd, options: FormatOptions, stream: Writable): Promise<void> {
  const time = options.now?.() ?? FIXED_TIME;
  const { default: excel } = await import('exceljs');
  const Base = excel.stream.xlsx.WorkbookWriter as unknown as new (o: object) => StreamingBook & { addThemes(): Promise<void> };
  // exceljs hands each entry to its zip (archiver) without a date, so archiver takes the wall clock. The first entry
  // is added from the constructor (addThemes): from there on every entry gets the report's time.
  class Stamped extends Base {
    override addThemes(): Promise<void> {
      const zip = (this as unknown as { zip: { append: (source: unknown, data: Record<string, unknown>) => unknown } }).zip;
      const append = zip.append.bind(zip);
      zip.append = (source, data) => append(source, { ...data, date: time });
      return super.addThemes();
    }
  }
  const book = new Stamped({ stream, useStyles: true, useSharedStrings: false });
  stampBook(book, options, time);
  await report.write(end, book);
  await book.commit();
}
