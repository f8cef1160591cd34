import type { SourcePosition } from '@jixiao/core';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { format as formatValue } from 'numfmt';
import { failure, setAsideExcerpt, type ImportDiagnostic, type ImportResult } from '../diagnostics.js';
import type { InflateRaw } from '../docx/inflate.js';
import type { ZipLimits } from '../docx/zip.js';
import { describeCell, documentLines, type BlockElement, type DocumentElements, type DocumentLine, type ElementOrigin, type ParagraphElement, type TableCellElement, type TableRowElement } from '../document/elements.js';
import { readDocument } from '../template/read-document.js';
import type { ImportOptions } from '../text/import-text.js';
import { capDiagnostics, CELLS, FORM_LIMITS, tooComplex } from '../text/limits.js';
import { checkXlsxPackage, XLSX_LIMITS } from './package.js';

/** Options of {@link importXlsx}. */
export interface XlsxImportOptions extends ImportOptions {
  /** Caps on entries and inflated size (defaults: {@link XLSX_LIMITS}). */
  readonly limits?: ZipLimits;
  /** The DEFLATE inflater used to check the package (default: Node's zlib in Node, fflate elsewhere). */
  readonly inflate?: InflateRaw;
}

/** Most columns read in a sheet (a form is a dozen wide; a stray cell at XFD1 would make every row 16,384 cells). */
const MAX_COLUMNS = 200;

/**
 * A number as Excel shows it in General format: 15 significant digits, so the binary double a sheet stores
 * (`1234.5600000000001`) reads as the figure typed (`1234.56`).
 */
function general(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The format Excel applies to a cell that names none. */
const isGeneral = (numFmt: string | undefined): numFmt is undefined => numFmt === undefined || numFmt === '' || numFmt.toLowerCase() === 'general';

/** What numfmt gives for a format code it cannot parse (never a shown text: it holds a NUL). */
const INVALID_FORMAT = '\u0000invalid';

/** Longest number format code rendered: Excel's own limit. */
const MAX_FORMAT_LENGTH = 255;

/**
 * Most distinct number format codes rendered in one workbook (a form uses a handful). numfmt parses each code once
 * and keeps it for the life of the process (20,000 distinct codes: ~2 s and ~97 MB, measured): a workbook with
 * more is read past the cap in General, with a note.
 */
const MAX_FORMATS = 64;

/** The number formats one workbook has had rendered, and whether one was refused (noted once). */
interface Formats {
  readonly seen: Set<string>;
  refused: string | undefined;
}

/**
 * A value as its cell's number format shows it in Excel, rendered by numfmt (Excel's format codes: decimals shown,
 * percent, thousands scaling, sections by sign, `;;;` that shows nothing): `0.9876` in `0.00%` is `98.76%`, 264.4712
 * in `0.00` is `264.47` — the figure a reviewer reads in the cell, not the stored double. A number in General reads
 * as {@link general}; so does one whose format code numfmt cannot parse or throws on (a code named `__proto__`
 * does), or is past {@link MAX_FORMAT_LENGTH} or {@link MAX_FORMATS} (then `formats.refused` names it).
 */
function formatted(value: number | string, numFmt: string | undefined, formats: Formats): string {
  const asGeneral = typeof value === 'number' ? general(value) : value;
  if (isGeneral(numFmt)) return asGeneral;
  if (numFmt.length > MAX_FORMAT_LENGTH || (!formats.seen.has(numFmt) && formats.seen.size >= MAX_FORMATS)) {
    formats.refused ??= numFmt;
    return asGeneral;
  }
  formats.seen.add(numFmt);
  let text: string;
  try {
    text = formatValue(numFmt, value, { throws: false, invalid: INVALID_FORMAT, locale: 'zh-CN', nbsp: false });
  } catch {
    text = INVALID_FORMAT;
  }
  if (text === INVALID_FORMAT) return asGeneral;
  // Text keeps its own characters where its format shows it at all (a text section only adds decoration).
  return typeof value === 'string' && text !== '' ? value : text;
}

/** What a cell shows (a formula cell: its cached result); undefined when a formula holds none (never calculated). */
function shown(value: CellValue, numFmt: string | undefined, formats: Formats): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return formatted(value, numFmt, formats);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? undefined : shown(value.result, numFmt, formats);
  if ('text' in value) return typeof value.text === 'string' ? value.text : shown(value.text, numFmt, formats);
  return '';
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** `B3:D4` → its corners; undefined for anything else. */
function parseRange(range: string): Merge | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(range);
  if (m === null) return undefined;
  return { left: columnNumber(m[1] ?? ''), top: Number(m[2]), right: columnNumber(m[3] ?? ''), bottom: Number(m[4]) };
}

/** The merged ranges of a sheet (exceljs keeps them in the sheet's model). */
function mergesOf(sheet: Worksheet): Merge[] {
  const ranges = (sheet.model as { merges?: readonly string[] }).merges ?? [];
  return ranges.map(parseRange).filter((m): m is Merge => m !== undefined);
}

/** What reading a workbook noted: formulas without a cached value, error values, columns past the cap, macros. */
interface Notes {
  readonly diagnostics: ImportDiagnostic[];
  /** Notes about hidden rows, columns and sheets so far (at most {@link MAX_HIDDEN_NOTES}). */
  hiddenNotes: number;
  /** The number formats rendered so far. */
  readonly formats: Formats;
}

function note(notes: Notes, code: string, severity: ImportDiagnostic['severity'], cell: string, zh: string, en: string): void {
  notes.diagnostics.push({ code, severity, cell, message: { 'zh-CN': zh, en } });
}

/** Most notes about hidden rows, columns and sheets a workbook gets (each names its place and quotes its text). */
const MAX_HIDDEN_NOTES = 20;

/** Texts of cells Excel does not show, gathered by the row, column or sheet that hides them. */
type Hidden = Map<string, string[]>;

function noteHidden(notes: Notes, hidden: Hidden, code: string, zh: (at: string) => string, en: (at: string) => string): void {
  for (const [at, texts] of hidden) {
    if (notes.hiddenNotes >= MAX_HIDDEN_NOTES) return;
    notes.hiddenNotes++;
    const quoted = setAsideExcerpt(texts.join(' '));
    note(notes, code, 'warning', at, `${zh(at)}（Excel 中不显示、不打印），未读取：「${quoted}」`, `${en(at)} (Excel neither shows nor prints it); not read: "${quoted}"`);
  }
}

/**
 * One sheet as one table: each row that holds anything, each cell up to the last column used (a blank cell keeps
 * its column's place). A merged range is one cell with its spans at its top-left; the cells it covers to the
 * right are not repeated, and in the rows below it leaves one blank cell (as a Word table's vertically merged
 * cell does), so values keep their columns. A value reads as its number format shows it. What Excel does not
 * show — a hidden sheet, row or column, a value whose number format shows nothing — is not
 * read (a hidden figure could contradict the one a reviewer sees): it is noted with what it holds, and a hidden
 * column is left out as the eye passes over it.
 */
function sheetTable(sheet: Worksheet, notes: Notes): BlockElement | undefined {
  const hiddenColumns = new Set<number>();
  // exceljs leaves `columns` null for a sheet without column definitions, whatever its type says.
  ((sheet.columns as Worksheet['columns'] | null) ?? []).forEach((column, i) => {
    if (column.hidden) hiddenColumns.add(i + 1);
  });
  const sheetHidden = sheet.state !== 'visible';
  const hidden = { sheet: new Map() as Hidden, rows: new Map() as Hidden, columns: new Map() as Hidden, byFormat: new Map() as Hidden };
  const merges = mergesOf(sheet);
  const master = new Map<string, Merge>();
  const covered = new Map<string, 'skip' | 'blank'>();
  for (const m of merges) {
    master.set(`${String(m.top)}:${String(m.left)}`, m);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        covered.set(`${String(r)}:${String(c)}`, r > m.top && c === m.left ? 'blank' : 'skip');
      }
    }
  }
  const texts = new Map<number, Map<number, string>>();
  let lastColumn = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell: Cell, c) => {
      if (covered.has(`${String(r)}:${String(c)}`)) return;
      const ref = `${columnLetters(c)}${String(r)}`;
      const at = `${sheet.name}!${ref}`;
      if (c > MAX_COLUMNS) {
        note(notes, 'xlsx-columns-skipped', 'warning', at, `“${at}”在第 ${MAX_COLUMNS} 列之后，未读取`, `"${at}" lies beyond column ${MAX_COLUMNS}; not read`);
        return;
      }
      const value = cell.value;
      if (sheetHidden || row.hidden || hiddenColumns.has(c)) {
        const text = shown(value, cell.numFmt, notes.formats) ?? '';
        const [group, at] = sheetHidden ? [hidden.sheet, sheet.name] : row.hidden ? [hidden.rows, `${sheet.name}!${String(r)}:${String(r)}`] : [hidden.columns, `${sheet.name}!${columnLetters(c)}:${columnLetters(c)}`];
        if (text.trim() !== '') group.set(at, [...(group.get(at) ?? []), text]);
        return;
      }
      let text = shown(value, cell.numFmt, notes.formats);
      if (text?.trim() === '' && !isGeneral(cell.numFmt)) {
        // A number format that shows nothing (`;;;`, an empty section): the cell looks blank in Excel.
        const stored = shown(value, undefined, notes.formats) ?? '';
        if (stored.trim() !== '') hidden.byFormat.set(at, [stored]);
        return;
      }
      if (text === undefined) {
        note(notes, 'xlsx-formula-no-value', 'warning', at, `“${at}”的公式没有保存计算结果（文件未经 Excel 重新计算），按空白处理`, `"${at}" holds a formula without a cached result (the file was never recalculated in Excel); read as blank`);
        text = '';
      } else if (value !== null && typeof value === 'object' && ('error' in value || (('formula' in value || 'sharedFormula' in value) && typeof value.result === 'object' && 'error' in value.result))) {
        note(notes, 'xlsx-error-value', 'warning', at, `“${at}”显示错误值 ${text}，按空白处理`, `"${at}" shows the error value ${text}; read as blank`);
        text = '';
      }
      if (text.trim() === '') return;
      let cells = texts.get(r);
      if (cells === undefined) texts.set(r, (cells = new Map<number, string>()));
      cells.set(c, text);
      const m = master.get(`${String(r)}:${String(c)}`);
      lastColumn = Math.max(lastColumn, m === undefined ? c : m.right);
    });
  });
  noteHidden(notes, hidden.sheet, 'xlsx-hidden-sheet', (at) => `工作表“${at}”已隐藏`, (at) => `Sheet "${at}" is hidden`);
  noteHidden(notes, hidden.rows, 'xlsx-hidden-row', (at) => `“${at}”行已隐藏`, (at) => `Row "${at}" is hidden`);
  noteHidden(notes, hidden.columns, 'xlsx-hidden-column', (at) => `“${at}”列已隐藏`, (at) => `Column "${at}" is hidden`);
  noteHidden(notes, hidden.byFormat, 'xlsx-hidden-value', (at) => `“${at}”的数字格式不显示它的值`, (at) => `The number format of "${at}" shows nothing of its value`);
  if (texts.size === 0) return undefined;
  const rows: TableRowElement[] = [];
  for (const r of [...texts.keys()].sort((a, b) => a - b)) {
    const values = texts.get(r) ?? new Map<number, string>();
    const cells: TableCellElement[] = [];
    for (let c = 1; c <= Math.min(lastColumn, MAX_COLUMNS); c++) {
      if (hiddenColumns.has(c)) continue;
      const cover = covered.get(`${String(r)}:${String(c)}`);
      if (cover === 'skip') continue;
      const origin: ElementOrigin = { sheet: sheet.name, ref: `${columnLetters(c)}${String(r)}`, row: r, cell: c };
      const text = cover === 'blank' ? undefined : values.get(c);
      const paragraphs: ParagraphElement[] = text === undefined ? [] : text.split(/\r\n|\r|\n/).map((t) => ({ kind: 'paragraph', text: t, origin }));
      const m = master.get(`${String(r)}:${String(c)}`);
      cells.push({ paragraphs, origin, ...(m === undefined || m.bottom === m.top ? {} : { rowSpan: m.bottom - m.top + 1 }), ...(m === undefined || m.right === m.left ? {} : { colSpan: m.right - m.left + 1 }) });
    }
    rows.push({ cells, origin: { sheet: sheet.name, row: r } });
  }
  return { kind: 'table', rows, origin: { sheet: sheet.name } };
}

/** The workbook as elements: every sheet in order, one table each (an empty sheet gives none). */
function workbookElements(workbook: Workbook, notes: Notes): DocumentElements {
  const blocks: BlockElement[] = [];
  for (const sheet of workbook.worksheets) {
    const table = sheetTable(sheet, notes);
    if (table !== undefined) blocks.push(table);
  }
  return { format: 'xlsx', blocks };
}

type Partitioned = { readonly ok: true; readonly document: DocumentElements; readonly diagnostics: readonly ImportDiagnostic[] } | { readonly ok: false; readonly result: ImportResult };

/**
 * An .xlsx or .xlsm as elements (one table per sheet, cells named `Sheet!B7`), with what reading it noted, or the
 * failed import that says why it is not read. The package is checked by our own zip reader before exceljs opens
 * it (./package.ts). Macros in an .xlsm are never run: exceljs reads cell values only. Never rejects.
 */
export async function partitionXlsx(bytes: Uint8Array, options: XlsxImportOptions = {}): Promise<Partitioned> {
  const checked = checkXlsxPackage(bytes, options.limits ?? XLSX_LIMITS, options.inflate);
  if ('ok' in checked) return { ok: false, result: checked };
  const notes: Notes = { diagnostics: [], hiddenNotes: 0, formats: { seen: new Set(), refused: undefined } };
  if (checked.macros) {
    notes.diagnostics.push({ code: 'xlsx-macros-not-run', severity: 'info', message: { 'zh-CN': '这个工作簿含有宏（VBA），宏没有运行：只读取了单元格中保存的值。', en: 'This workbook holds macros (VBA); they were not run: only the values saved in its cells were read.' } });
  }
  let workbook: Workbook;
  try {
    // Loaded on first use: reading text, JSON or a .docx never pays for the spreadsheet library.
    const { default: ExcelJS } = await import('exceljs');
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, result: failure('xlsx', 'xlsx-invalid', `这个 Excel 文件无法读取：${detail}`, `This Excel file cannot be read: ${detail}`) };
  }
  const document = workbookElements(workbook, notes);
  const refused = notes.formats.refused;
  if (refused !== undefined) {
    const quoted = setAsideExcerpt(refused);
    notes.diagnostics.push({
      code: 'xlsx-number-formats-skipped',
      severity: 'warning',
      message: {
        'zh-CN': `这个工作簿的数字格式超过 ${String(MAX_FORMATS)} 种或长于 ${String(MAX_FORMAT_LENGTH)} 个字符（如「${quoted}」）：这些单元格按常规格式读取，读到的数字可能与 Excel 中显示的不同，请核对原件。`,
        en: `This workbook has more than ${String(MAX_FORMATS)} number formats, or one longer than ${String(MAX_FORMAT_LENGTH)} characters (e.g. "${quoted}"): those cells were read in General, so a figure read may differ from what Excel shows; check the original.`,
      },
    });
  }
  const cells = document.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.reduce((k, r) => k + r.cells.length, 0) : 0), 0);
  if (cells > FORM_LIMITS.maxCells) return { ok: false, result: tooComplex('xlsx', 'xlsx-too-complex', FORM_LIMITS.maxCells, CELLS) };
  return { ok: true, document, diagnostics: notes.diagnostics };
}

/** Where line `line` of the document (1-based, reading order) is, as a cell reference `Sheet!B7`. */
function where(lines: readonly DocumentLine[], line: number | undefined): { cell?: string } {
  const l = line === undefined ? undefined : lines[line - 1];
  const cell = l === undefined ? undefined : describeCell(l.origin);
  return cell === undefined ? {} : { cell };
}

/**
 * Read the form from an Excel workbook (.xlsx, .xlsm): every sheet, merged cells, formulas by their cached
 * values (a note names each formula without one), read by the one reading pipeline; positions name the cell as
 * `Sheet!B7`. Never rejects.
 */
export async function importXlsx(bytes: Uint8Array, options: XlsxImportOptions = {}): Promise<ImportResult> {
  const read = await partitionXlsx(bytes, options);
  if (!read.ok) return read.result;
  const lines = documentLines(read.document);
  const result = readDocument(read.document, 'xlsx', { templates: options.templates });
  const mapDiag = (d: ImportDiagnostic): ImportDiagnostic => {
    if (d.line === undefined) return d;
    const { line, column: _column, ...rest } = d;
    return { ...rest, ...where(lines, line) };
  };
  const diagnostics = [...read.diagnostics, ...result.diagnostics].map(mapDiag);
  if (!result.ok) return { ...result, diagnostics: capDiagnostics(diagnostics) };
  const positions: Record<string, SourcePosition> = {};
  for (const [path, p] of Object.entries(result.positions)) positions[path] = { ...where(lines, p.line), ...(p.excerpt === undefined ? {} : { excerpt: p.excerpt }) };
  return { ...result, diagnostics: capDiagnostics(diagnostics), positions };
}
