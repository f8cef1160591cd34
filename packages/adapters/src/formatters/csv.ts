import type { EvaluationResult } from '@jixiao/core';
import { findingHeaders, findingRows, type Cell } from './rows.js';
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

/**
 * CSV (RFC 4180, CRLF line ends, UTF-8 with BOM): a header, then one row per (form, rule) with source, unit,
 * year, rule id, title, outcome, severity, red flag, message, observed values and legal basis.
 */
export function formatCsv(results: readonly EvaluationResult[], options: FormatOptions): string {
  const lines = [findingHeaders(options.locale), ...findingRows(results, options.locale)].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
