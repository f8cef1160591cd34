import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBuffer } from './buffer.js';
import { importText } from './text/import-text.js';
import { describeLocation, formatDiagnostic, type ImportDiagnostic } from './diagnostics.js';

const at = (where: Partial<ImportDiagnostic>): ImportDiagnostic => ({
  code: 'unreadable-figure',
  severity: 'error',
  message: { 'zh-CN': '无法识别的数字', en: 'unreadable figure' },
  path: 'income.total',
  ...where,
});

describe('where a diagnostic is, in the reader’s words', () => {
  it('a .docx table cell: zh-CN says 表/行/格, not the canonical ASCII form; English keeps it', () => {
    const d = at({ paragraph: 15, cell: 'table 1, row 7, cell 2' });
    expect(describeLocation(d, 'zh-CN')).toBe('第 15 段（表 1 第 7 行第 2 格）');
    expect(describeLocation(d, 'en')).toBe('paragraph 15 (table 1, row 7, cell 2)');
    expect(formatDiagnostic(d)).toBe('错误 第 15 段（表 1 第 7 行第 2 格） [unreadable-figure] 年度收入合计: 无法识别的数字');
  });

  it('a workbook cell is a place too (it was left out: the line showed no location at all)', () => {
    const d = at({ cell: '部门整体绩效自评表!F2' });
    expect(describeLocation(d, 'zh-CN')).toBe('工作表“部门整体绩效自评表”F2 单元格');
    expect(describeLocation(d, 'en')).toBe('部门整体绩效自评表!F2');
    expect(formatDiagnostic(d, 'en')).toBe('error 部门整体绩效自评表!F2 [unreadable-figure] total income: unreadable figure');
  });

  it('a paragraph without a cell, a PDF page and line, a text line and column, and nothing', () => {
    expect(describeLocation(at({ paragraph: 3 }), 'zh-CN')).toBe('第 3 段');
    expect(describeLocation(at({ page: 2, line: 9 }), 'zh-CN')).toBe('第 2 页第 9 行');
    expect(describeLocation(at({ page: 2, line: 9 }), 'en')).toBe('page 2, line 9');
    expect(describeLocation(at({ line: 12, column: 4 }), 'zh-CN')).toBe('第 12 行第 4 列');
    expect(describeLocation(at({}), 'zh-CN')).toBeUndefined();
  });
});

describe('which field a diagnostic is about, in the reader’s words', () => {
  it('the form’s label in the locale; the model path beside it only when verbose; a path without a label as it is', () => {
    const d = at({ line: 30 });
    expect(formatDiagnostic(d, 'zh-CN')).toBe('错误 第 30 行 [unreadable-figure] 年度收入合计: 无法识别的数字');
    expect(formatDiagnostic(d, 'zh-CN', { verbose: true })).toBe('错误 第 30 行 [unreadable-figure] 年度收入合计（income.total）: 无法识别的数字');
    expect(formatDiagnostic(d, 'en', { verbose: true })).toBe('error line 30 [unreadable-figure] total income (income.total): unreadable figure');
    expect(formatDiagnostic(at({ path: 'selfAssessment.indicators.2.score' }), 'zh-CN')).toBe('错误 [unreadable-figure] 绩效指标第 3 行 得分: 无法识别的数字');
    expect(formatDiagnostic(at({ path: 'extra.field' }), 'zh-CN')).toBe('错误 [unreadable-figure] extra.field: 无法识别的数字');
  });
});

describe('a diagnostic speaks the reader’s words, not the model’s', () => {
  // The real published forms of examples/real and the examples' own forms, every kind the browser-safe reader takes.
  const examples = resolve(fileURLToPath(new URL('../../../examples', import.meta.url)));
  const files = readdirSync(examples, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(txt|docx|xlsx)$/.test(f))
    .sort();

  it('no message of an import diagnostic on the examples says "null" (a reviewer reads 空白 / blank)', async () => {
    expect(files.length).toBeGreaterThan(20);
    const saying: string[] = [];
    let diagnostics = 0;
    for (const f of files) {
      const result = await importBuffer(new Uint8Array(readFileSync(resolve(examples, f))), { filename: f });
      for (const d of result.diagnostics) {
        diagnostics++;
        for (const text of Object.values(d.message)) if (/\bnull\b/i.test(text)) saying.push(`${f}: ${text}`);
      }
    }
    expect(diagnostics).toBeGreaterThan(50);
    expect(saying).toEqual([]);
  });

  it('an unreadable figure is left blank, in those words, quoting what was written', () => {
    const result = importText(readFileSync(resolve(examples, 'beita-justice-2020/000_1f3a69e61e56d541.txt'), 'utf8').replace('264.47', '约264.47'));
    const figure = result.diagnostics.find((d) => d.code === 'unreadable-figure');
    expect(figure?.message).toEqual({ 'zh-CN': '无法读取“年度收入合计”的数字“约264.47”，按空白处理', en: 'cannot read the figure "约264.47" for "total income"; left blank' });
  });
});
