import type { EvaluationResult } from '@jixiao/core';
import { crossFormFindings, renderReport, type ReportEnd, type ReportWriter } from './report.js';
import { diagnosticRows, findingHeaders, findingRows, unreadRows, type Cell } from './rows.js';
import { crossFormFindingRow, crossFormNoteFindingRow } from './cross-form.js';
import type { FormatOptions } from './types.js';

/** UTF-8 byte order mark: without it Excel and WPS read a CSV as the local code page and garble Chinese. */
export const BOM = '\uFEFF';

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes doubled). A text field that
 * a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or CR, and not a plain number) gets a
 * leading apostrophe: submissions come from outside and must not execute in the reviewer's spreadsheet.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  let text = String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(?:\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

/**
 * CSV (RFC 4180, CRLF line ends, UTF-8 with BOM), written form by form: a header, then per form one row per rule —
 * failures first, each with source, unit, year, rule id, title, outcome, severity (failures only), red flag,
 * message and notes, observed values, where it is in the file (位置) and legal basis — and a row per import
 * diagnostic; at the end a row per input that could not be checked, with the reason.
 */
export function csvWriter(options: FormatOptions): ReportWriter {
  const { locale } = options;
  // After the forms: the cross-form findings a row at a time (a large batch has tens of thousands), then the unread inputs.
  const tailChunks = function* (end: ReportEnd): Generator<string> {
    for (const f of crossFormFindings(end)) yield line(crossFormFindingRow(f, locale));
    for (const n of end.crossForm?.reviewNotes ?? []) yield line(crossFormNoteFindingRow(n, locale));
    yield unreadRows(end.digest.unread, locale).map((row) => line(row.cells)).join('');
  };
  return {
    sections: 1,
    separator: '',
    headNeedsEnd: false,
    head: () => `${BOM}${line(findingHeaders(locale))}`,
    form: (r) => [[...findingRows(r, locale, options.verbose === true), ...diagnosticRows(r, locale, options.verbose === true)].map((row) => line(row.cells)).join('')],
    glue: () => '',
    tail: (end) => [...tailChunks(end)].join(''),
    tailChunks,
  };
}

/** The CSV report for results in memory (see {@link csvWriter}). */
export function formatCsv(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(csvWriter, results, options);
}
