import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyWaivers } from '@jixiao/core';
import { NASTY_UNIT, cases, infoResult, loadWorkbook, manyResults, must } from '../../test/results.js';
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

  it('puts each count under its own header: info failures under 提示, waived ones under 已豁免', async () => {
    const info = await infoResult();
    const waiver = { rule: 'staffing/declaration-consistent', unit: '南湖区财政局', reason: '已核实', approver: '绩效科', expires: '2030-12-31' };
    const { results: [waived] } = applyWaivers([info], [{ waiver, source: 'w.yaml', index: 0 }], { today: '2026-01-01' });
    const summary = values(must(must((await loadWorkbook(await formatXlsx([info, must(waived)], opts))).getWorksheet('汇总'))));
    const byHeader = (row: unknown[] | undefined) => Object.fromEntries((summary[0] ?? []).map((h, i) => [String(h), row?.[i]]));
    expect(byHeader(summary[1])).toMatchObject({ 规则数: 7, 错误: 1, 警告: 0, 提示: 1, 已豁免: 0, 无法判断: 0, 不适用: 0, 通过: 5 });
    expect(byHeader(summary[2])).toMatchObject({ 规则数: 7, 错误: 0, 警告: 0, 提示: 1, 已豁免: 1, 无法判断: 0, 不适用: 0, 通过: 5 });
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
