/**
 * The 自评表 budget block's rows by nature (issue 13, model v3) read through the T5 template from extracted text, a
 * Word table and an Excel sheet alike, and checked by scoring/budget-by-nature. A sheet written by hand, shaped like
 * the real ones (examples/real/t5-suiyang-taibai-2021): 基本支出 and 项目支出 under the block's own header.
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocx, importText, importXlsx, type ImportResult } from '@jixiao/import';
import { loadChecker } from '../packages/cli/src/packs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { checker } = loadChecker({ cwd: ROOT });

/** The block: 年度资金总额 100 / 100 / 100; the rows' 全年执行数 61 + 38 = 99, one short of it (a row copied wrong). */
const SHEET = [
  '2023年度部门整体支出绩效自评表',
  '部门名称 | 某某县水利局 |',
  '年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
  '100 | 100 | 100 | 10 | 100% | 10 |',
  '基本支出 | 60 | 62 | 61 |',
  '项目支出 | 40 | 38 | 38 |',
];
const cells = (line: string) => line.split('|').slice(0, -1).map((t) => t.trim());

async function xlsx(): Promise<ImportResult> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('自评表');
  for (const line of SHEET) sheet.addRow(line.includes('|') ? cells(line) : [line]);
  return importXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
}

function docx(): ImportResult {
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const rows = SHEET.slice(1).map((l) => `<w:tr>${cells(l).map(cell).join('')}</w:tr>`).join('');
  const body = `<w:p><w:r><w:t>${SHEET[0] ?? ''}</w:t></w:r></w:p><w:tbl>${rows}</w:tbl>`;
  return importDocx(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    }),
  );
}

describe('the budget rows by nature of a T5 sheet', () => {
  it.each([
    ['text', () => Promise.resolve(importText(SHEET.join('\n')))],
    ['.docx', () => Promise.resolve(docx())],
    ['.xlsx', xlsx],
  ])('from %s: read into selfAssessment.budget, and the 全年执行数 column one short fails scoring/budget-by-nature', async (_, read) => {
    const r = await read();
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.template?.id).toBe('t5-indicator-form');
    const budget = r.evaluation.selfAssessment?.budget;
    expect([budget?.basic, budget?.project]).toEqual([
      { initialBudget: 60, annualBudget: 62, executed: 61 },
      { initialBudget: 40, annualBudget: 38, executed: 38 },
    ]);
    const f = checker.checkEvaluationSync(r.evaluation, { source: 'sheet' }).findings.find((x) => x.ruleId === 'scoring/budget-by-nature');
    expect([f?.outcome, f?.message]).toEqual(['fail', '全年执行数：基本支出与项目支出之和 99.00 万元与年度资金总额 100.00 万元不符（合计 − 各项之和 = 1.00 万元）']);
  });
});
