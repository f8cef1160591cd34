import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NASTY_UNIT, cases, loadWorkbook, manyResults, must } from '../../test/results.js';
import { formatXlsx } from './xlsx.js';

const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).value);
    out.push(cells);
  });
  return out;
}

describe('formatXlsx', () => {
  it('has a summary sheet (one row per form) and a findings sheet (one row per form and rule), for zero, one and many forms', async () => {
    for (const [label, results] of await cases()) {
      const wb = await loadWorkbook(await formatXlsx(results, opts));
      expect(wb.worksheets.map((s) => s.name), label).toEqual(['汇总', '检查结果']);
      const [summary, findings] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
      expect(values(summary)).toHaveLength(1 + results.length);
      expect(values(findings)).toHaveLength(1 + results.reduce((n, r) => n + r.findings.length, 0));
      for (const sheet of [summary, findings]) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeTruthy();
      }
    }
  });

  it('carries unit, year, self-rating and counts in the summary, and the findings in full', async () => {
    const results = await manyResults();
    const wb = await loadWorkbook(await formatXlsx(results, opts));
    const summary = values(must(wb.getWorksheet('汇总')));
    expect(summary[0]).toEqual(['来源', '单位', '年度', '自评等级', '规则数', '错误', '警告', '提示', '已豁免', '无法判断', '不适用', '通过']);
    expect(summary[2]).toEqual(['forms/南湖区 财政局.json', '南湖区财政局', 2020, '良', 7, 1, 1, 0, 0, 0, 0, 5]);
    expect(summary[3]?.[1]).toBe(NASTY_UNIT);
    expect(summary[3]?.[9]).toBe(2);
    const findings = values(must(wb.getWorksheet('检查结果')));
    const row = findings.find((r) => r[1] === '北塔区司法局' && r[3] === 'integrity/income-total');
    expect(row?.slice(0, 8)).toEqual(['examples/beita-justice-2020/evaluation.json', '北塔区司法局', 2020, 'integrity/income-total', '年度收入合计等于各项收入之和', '不通过', '错误', null]);
    expect(row?.[9]).toContain('年度收入合计 = 264.47');
    // A value that looks like a formula is stored as text, never as a formula.
    expect(findings.some((r) => r[1] === NASTY_UNIT)).toBe(true);
  });

  it('stamps its timestamps from options.now, else a fixed date, so bytes are reproducible', async () => {
    const results = await manyResults();
    const now = new Date(Date.UTC(2024, 4, 6, 7, 8, 10));
    const a = await formatXlsx(results, { ...opts, now: () => now });
    const b = await formatXlsx(results, { ...opts, now: () => now });
    expect(a).toEqual(b);
    const wb = await loadWorkbook(a);
    expect(wb.created.toISOString()).toBe('2024-05-06T07:08:10.000Z');
    expect(Object.keys(unzipSync(a))).toContain('xl/workbook.xml');
    expect(await formatXlsx(results, opts)).not.toEqual(a);
  });
});
