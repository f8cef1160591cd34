import type ExcelJS from 'exceljs';
import type { Zippable } from 'fflate';
import type { EvaluationResult } from '@jixiao/core';
import { findingHeaders, findingRows, summaryHeaders, summaryRows, type Cell } from './rows.js';
import type { FormatOptions } from './types.js';

/** The timestamp used when no clock is injected: the earliest a zip entry can carry (DOS epoch, local time). */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

const SHEET_NAMES = {
  'zh-CN': { summary: '汇总', findings: '检查结果' },
  en: { summary: 'Summary', findings: 'Findings' },
} as const;

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly Cell[][], widths: readonly number[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  headers.forEach((_, i) => {
    sheet.getColumn(i + 1).width = widths[i] ?? 12;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
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

/**
 * Excel workbook (exceljs): a summary sheet with one row per form (unit, year, self-rating, errors, warnings,
 * indeterminate, …) and a findings sheet with one row per (form, rule); both with a frozen header row and an
 * autofilter. Timestamps (workbook properties, zip entries) come from `options.now`, else a fixed date.
 */
export async function formatXlsx(results: readonly EvaluationResult[], options: FormatOptions): Promise<Uint8Array> {
  const { locale } = options;
  const time = options.now?.() ?? FIXED_TIME;
  // exceljs is loaded here, not at start-up: it is the heaviest dependency and only this format needs it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = `jixiao ${options.toolVersion}`;
  workbook.lastModifiedBy = `jixiao ${options.toolVersion}`;
  workbook.created = time;
  workbook.modified = time;
  const names = SHEET_NAMES[locale];
  addSheet(workbook, names.summary, summaryHeaders(locale), summaryRows(results), [40, 24, 8, 10, 8, 8, 8, 8, 10, 8, 8]);
  addSheet(workbook, names.findings, findingHeaders(locale), findingRows(results, locale), [40, 24, 8, 36, 36, 12, 10, 6, 60, 60, 60]);
  const buffer = await workbook.xlsx.writeBuffer();
  return await restamp(new Uint8Array(buffer), time);
}
