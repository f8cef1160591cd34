import { describe, expect, it } from 'vitest';
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
