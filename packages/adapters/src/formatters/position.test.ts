import { describe, expect, it } from 'vitest';
import type { EvaluationResult, Locale, SourcePosition } from '@jixiao/core';
import { FORMATTERS, type FormatName } from '../formats.js';
import { exampleResult, loadWorkbook } from '../../test/results.js';
import { parseCell } from '@jixiao/core';
import { positionText } from './common.js';

describe('parseCell reads the canonical cell an importer names', () => {
  it.each([
    ['table 1, row 7, cell 2', { kind: 'table', table: 1, row: 7, cell: 2 }],
    ['table 12, row 130, cell 15', { kind: 'table', table: 12, row: 130, cell: 15 }],
    ['Sheet1!B7', { kind: 'sheet', sheet: 'Sheet1', ref: 'B7' }],
    ['部门整体绩效自评表!AB120', { kind: 'sheet', sheet: '部门整体绩效自评表', ref: 'AB120' }],
    // A sheet's name may hold a `!` (Excel allows it) or spaces: the reference follows the last `!`.
    ['收支 表!附!C3', { kind: 'sheet', sheet: '收支 表!附', ref: 'C3' }],
  ])('%s', (cell, place) => {
    expect(parseCell(cell)).toEqual(place);
  });

  it.each(['', 'table 1, row 7', 'table 0, row 1, cell 1', 'table 1, row 7, cell 2 ', '!B7', 'Sheet1!b7', 'Sheet1!B0', 'Sheet1!'])('%j is no cell it knows', (cell) => {
    expect(parseCell(cell)).toBeUndefined();
  });
});

describe('positionText words every kind of position in the locale', () => {
  it.each<[string, SourcePosition, string, string]>([
    ['a .docx table cell', { paragraph: 15, cell: 'table 1, row 7, cell 2' }, '第 15 段，表 1 第 7 行第 2 格', 'paragraph 15, table 1, row 7, cell 2'],
    ['a .docx paragraph', { paragraph: 12 }, '第 12 段', 'paragraph 12'],
    ['a workbook cell', { cell: '部门整体绩效自评表!F2' }, '工作表“部门整体绩效自评表”F2 单元格', '部门整体绩效自评表!F2'],
    ['a PDF line', { page: 2, line: 14 }, '第 2 页，第 14 行', 'page 2, line 14'],
    ['a line and column of text', { line: 3, column: 5, endLine: 3, endColumn: 9 }, '第 3 行第 5 列', 'line 3, column 5'],
    ['a cell in a form no importer writes', { cell: 'R7C2' }, 'R7C2', 'R7C2'],
    ['no place', {}, '', ''],
  ])('%s', (_, position, zh, en) => {
    expect(positionText(position, 'zh-CN')).toBe(zh);
    expect(positionText(position, 'en')).toBe(en);
  });
});

const DOCX_CELL = 'table 1, row 7, cell 2';
const SHEET_CELL = '部门整体绩效自评表!F2';

/** The seed's income total (its failing sum) read from a .docx table cell, and an import diagnostic on a workbook cell. */
async function located(locale: Locale): Promise<EvaluationResult> {
  const r = await exampleResult(locale, { 'income.total': { paragraph: 15, cell: DOCX_CELL, excerpt: '264.47' } });
  return { ...r, diagnostics: [{ code: 'leftover-text', severity: 'info', message: locale === 'zh-CN' ? '未对应任何栏目的文本' : 'text matched to no field', cell: SHEET_CELL }] };
}

async function report(name: FormatName, locale: Locale): Promise<string> {
  const out = await FORMATTERS[name]([await located(locale)], { locale, toolVersion: '0.1.0' });
  if (typeof out === 'string') return out;
  const cells: string[] = [];
  (await loadWorkbook(out)).eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((c) => cells.push(c.text));
    });
  });
  return cells.join('\n');
}

describe('a source position in the reports', () => {
  // The reports a person reads: the place in words of the report's language, never half English in zh-CN.
  it.each<FormatName>(['text', 'markdown', 'html', 'csv', 'xlsx', 'junit'])('%s names the place in zh-CN words, in English words in English', async (name) => {
    const zh = await report(name, 'zh-CN');
    expect(zh).toContain('第 15 段，表 1 第 7 行第 2 格');
    expect(zh).not.toContain('row 7');
    const en = await report(name, 'en');
    expect(en).toContain('paragraph 15, table 1, row 7, cell 2');
    expect(en).not.toContain('第 7 行');
    // The import diagnostics are listed with their place in every format but JUnit's one-line failures.
    if (name !== 'junit') {
      expect(zh).toContain('工作表“部门整体绩效自评表”F2 单元格');
      expect(en).toContain(SHEET_CELL);
    }
  });

  // The machine-read reports keep the canonical ASCII cell: a public contract, the same in both locales.
  it.each<FormatName>(['json', 'sarif'])('%s keeps the canonical cell in both locales', async (name) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const out = await report(name, locale);
      expect(out).toContain(`"cell":"${DOCX_CELL}"`);
      expect(out).toContain(`"cell":"${SHEET_CELL}"`);
      expect(out).not.toContain('表 1 第 7 行');
    }
  });
});
