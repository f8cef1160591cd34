/**
 * Test inputs for the formatters, made by the real checker: the integrity and staffing packs on the seed
 * example and a few patched variants. Only these two packs are loaded, so tests do not depend on others.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecker, parseEvaluation, type Checker, type Evaluation, type EvaluationResult, type Locale, type SourcePosition } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXAMPLE_FILE = 'examples/beita-justice-2020/evaluation.json';

let cached: Checker | undefined;
export function checker(): Checker {
  cached ??= createChecker([loadPackFromDir(resolve(REPO, 'rules/integrity')), loadPackFromDir(resolve(REPO, 'rules/staffing'))]);
  return cached;
}

export function exampleEvaluation(): Evaluation {
  return parseEvaluation(JSON.parse(readFileSync(resolve(REPO, EXAMPLE_FILE), 'utf8')));
}

/** Positions as the importer would give them for the seed JSON (lines and columns checked against the file). */
export const EXAMPLE_POSITIONS: Readonly<Record<string, SourcePosition>> = {
  'income.total': { line: 18, column: 5, endLine: 18, endColumn: 20, excerpt: '"total": 264.47' },
  'income.localBudget': { line: 14, column: 5, endLine: 14, endColumn: 26, excerpt: '"localBudget": 267.47' },
  'staffing.actual': { paragraph: 7, cell: 'table 1, row 3, cell 4', excerpt: '实有人数 21' },
};

/** The overstaffed unit with staffing/within-quota configured down to info: one failure at error, one at info. */
export async function infoResult(locale: Locale = 'zh-CN'): Promise<EvaluationResult> {
  const info = createChecker([loadPackFromDir(resolve(REPO, 'rules/integrity')), loadPackFromDir(resolve(REPO, 'rules/staffing'))], { rules: { 'staffing/within-quota': 'info' } });
  return info.checkEvaluation(patchEvaluation(baseEvaluation(), { unit: { name: '南湖区财政局' }, staffing: { authorized: 55, actual: 96 } }), { source: 'forms/info.json', locale });
}

export async function exampleResult(locale: Locale = 'zh-CN', positions: Readonly<Record<string, SourcePosition>> = EXAMPLE_POSITIONS): Promise<EvaluationResult> {
  return checker().checkEvaluation(exampleEvaluation(), { source: EXAMPLE_FILE, locale, positions });
}

/** A name with every character XML, HTML, CSV and Markdown treat specially. */
export const NASTY_UNIT = `<司法&"局'>,|*_#=1+1\n第二行`;

/** Four forms: the seed (income total off), an overstaffed unit, one with blanks (indeterminate), a clean one. */
export async function manyResults(locale: Locale = 'zh-CN'): Promise<EvaluationResult[]> {
  const c = checker();
  const base = baseEvaluation();
  const overstaffed = patchEvaluation(base, { unit: { name: '南湖区财政局' }, staffing: { authorized: 55, actual: 96 } });
  const blanks = patchEvaluation(base, { unit: { name: NASTY_UNIT }, staffing: { authorized: null, actual: 10 } });
  const clean = patchEvaluation(base, { unit: { name: '西山区教育局' } });
  return [
    await exampleResult(locale),
    await c.checkEvaluation(overstaffed, { source: 'forms/南湖区 财政局.json', locale }),
    await c.checkEvaluation(blanks, { source: 'forms/blanks.json', locale }),
    await c.checkEvaluation(clean, { source: 'C:\\forms\\西山.json', locale }),
  ];
}

/** Zero, one and many forms: every formatter is run on all three. */
export async function cases(locale: Locale = 'zh-CN'): Promise<[string, EvaluationResult[]][]> {
  return [
    ['zero forms', []],
    ['one form', [await exampleResult(locale)]],
    ['many forms', await manyResults(locale)],
  ];
}

/** Read xlsx bytes back with exceljs (the library that wrote them). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer interface (an ArrayBuffer); JSZip reads a plain ArrayBuffer.
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

/** Every cell's text of an xlsx report, sheet by sheet and row by row, one per line: what a reader of the workbook sees. */
export async function workbookText(bytes: Uint8Array): Promise<string> {
  const cells: string[] = [];
  (await loadWorkbook(bytes)).eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.text);
      });
    });
  });
  return cells.join('\n');
}

/** The value, or a test failure saying what was missing (instead of a non-null assertion). */
export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}
