import { PassThrough, Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyWaivers, type EvaluationResult } from '@jixiao/core';
import { NASTY_UNIT, cases, checker, exampleResult, infoResult, loadWorkbook, manyResults, must } from '../../test/results.js';
import { reportEnd } from './report.js';
import { formatXlsx, memorySpool, writeXlsxStream, xlsxReport, type SpoolFactory } from './xlsx.js';

const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;
const SHEETS = ['汇总', '检查结果', '指标', '需复核', '未能检查的文件'];

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).value);
    out.push(cells);
  });
  return out;
}

/** The header's cells by name for a row of a sheet. */
function byHeader(sheet: unknown[][], row: unknown[] | undefined): Record<string, unknown> {
  return Object.fromEntries((sheet[0] ?? []).map((h, i) => [String(h), row?.[i]]));
}

/** `length` CJK characters from a little generator seeded by `seed`: text that deflate can hardly shrink. */
function scrambled(seed: number, length: number): string {
  let x = Math.imul(seed, 2654435761) >>> 0;
  let text = '';
  for (let k = 0; k < length; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    text += String.fromCharCode(0x4e00 + ((x >>> 16) % 0x5000));
  }
  return text;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => must(wb.getWorksheet(name), name);
const fillOf = (cell: ExcelJS.Cell) => (cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

/** A form with an import diagnostic, and an input that could not be read. */
async function withDiagnostics(): Promise<{ results: EvaluationResult[]; unread: { source: string; reason: string }[] }> {
  const seed = await exampleResult();
  return { results: [{ ...seed, diagnostics: [{ code: 'leftover-text', severity: 'info', message: '未对应任何栏目的文本：“（项目资金）”', line: 90, column: 37 }] }], unread: [{ source: 'forms/坏.docx', reason: '不是 zip 文件' }] };
}

describe('formatXlsx', () => {
  it('has a summary, findings, indicators, to-review and not-checked sheet, each frozen, filtered and set to print landscape one page wide with its header on every page', async () => {
    for (const [label, results] of await cases()) {
      const wb = await loadWorkbook(await formatXlsx(results, opts));
      expect(wb.worksheets.map((s) => s.name), label).toEqual(SHEETS);
      // A row per form and the totals; a row per form and rule; a row per form and indicator.
      expect(values(sheet(wb, '汇总')).length, label).toBeGreaterThanOrEqual(2 + results.length);
      expect(values(sheet(wb, '检查结果')), label).toHaveLength(1 + results.reduce((n, r) => n + r.findings.length, 0));
      expect(values(sheet(wb, '指标')), label).toHaveLength(1 + results.reduce((n, r) => n + r.indicators.length, 0));
      for (const s of wb.worksheets) {
        expect(s.views[0], s.name).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(s.autoFilter, s.name).toBeTruthy();
        expect(s.pageSetup, s.name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '1:1' });
        expect(s.getRow(1).font.bold, s.name).toBe(true);
      }
    }
  });

  it('summarises each form as the bureau acts on it: what needs attention first, filled by it, then totals, most-failed rules below', async () => {
    const wb = await loadWorkbook(await formatXlsx(await manyResults(), opts));
    const summary = sheet(wb, '汇总');
    const rows = values(summary);
    expect(rows[0]).toEqual(['文件', '单位', '年度', '模板', '自评等级', '建议等级（重算得分）', '错误', '警告', '提示', '无法判断', '红旗', '已豁免', '自评等级有据？', '导入诊断']);
    // Errors and warnings (南湖: 1 and 1, the red-flag overstaffing) before errors only, errors before clean; by unit within.
    expect(rows.slice(1, 5).map((r) => r[0])).toEqual(['forms/blanks.json', 'examples/beita-justice-2020/evaluation.json', 'forms/南湖区 财政局.json', 'C:\\forms\\西山.json']);
    expect(byHeader(rows, rows[3])).toEqual({ 文件: 'forms/南湖区 财政局.json', 单位: '南湖区财政局', 年度: 2020, 模板: '—', 自评等级: '良', '建议等级（重算得分）': '—', 错误: 1, 警告: 1, 提示: 0, 无法判断: 0, 红旗: 1, 已豁免: 0, '自评等级有据？': '—', 导入诊断: 0 });
    expect(byHeader(rows, rows[1])).toMatchObject({ 单位: NASTY_UNIT, 无法判断: 2 });
    expect(byHeader(rows, rows[5])).toMatchObject({ 文件: '合计（已检查 4 份）', 错误: 3, 警告: 1, 无法判断: 2, 红旗: 1 });
    expect(summary.getRow(6).font.bold).toBe(true);
    expect(fillOf(summary.getRow(2).getCell(1))).toBe('FFFDE2E1');
    expect(fillOf(summary.getRow(5).getCell(1))).toBeUndefined();
    // The filter covers the forms (sorting them leaves the totals where they are), not what follows.
    expect(summary.autoFilter).toBe('A1:N5');
    const label = rows.findIndex((r) => r[0] === '不通过最多的规则');
    expect(rows[label + 1]?.slice(0, 4)).toEqual(['规则', '规则名称', '单位数', '份数']);
    expect(rows.slice(label + 2).map((r) => r[0])).toContain('staffing/within-quota');
  });

  it('lists the findings failures first, filled by outcome, wrapped, with where each is in the file and severity only on failures', async () => {
    const results = await manyResults();
    const wb = await loadWorkbook(await formatXlsx(results, opts));
    const findings = sheet(wb, '检查结果');
    const rows = values(findings);
    expect(rows[0]).toEqual(['来源', '单位', '年度', '规则编号', '规则名称', '结果', '严重程度', '红旗', '说明', '填报值', '位置', '依据', '豁免']);
    const outcomes = rows.slice(1).map((r) => r[5]);
    const failures = results.reduce((n, r) => n + r.summary.fail, 0);
    expect(outcomes.slice(0, failures).every((o) => o === '不通过')).toBe(true);
    expect(outcomes.slice(failures)).not.toContain('不通过');
    rows.slice(1).forEach((r) => {
      expect(r[6] !== null, String(r[3])).toBe(r[5] === '不通过');
    });
    const income = rows.findIndex((r) => r[3] === 'integrity/income-total' && r[1] === '北塔区司法局');
    expect(rows[income]?.slice(0, 8)).toEqual(['examples/beita-justice-2020/evaluation.json', '北塔区司法局', 2020, 'integrity/income-total', '年度收入合计等于各项收入之和', '不通过', '错误', null]);
    expect(rows[income]?.[9]).toContain('年度收入合计 = 264.47');
    expect(rows[income]?.[10]).toBe('第 14 行第 5 列');
    const row = findings.getRow(income + 1);
    expect(fillOf(row.getCell(1))).toBe('FFFDE2E1');
    expect(row.getCell(9).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(row.getCell(4).alignment.wrapText).toBeUndefined();
    const pass = rows.findIndex((r) => r[5] === '通过');
    expect(fillOf(findings.getRow(pass + 1).getCell(1))).toBe('FFECFDF3');
    const undecided = rows.findIndex((r) => r[5] === '无法判断');
    expect(fillOf(findings.getRow(undecided + 1).getCell(1))).toBe('FFEDE9FE');
    // A value that looks like a formula is stored as text, never as a formula.
    expect(rows.some((r) => r[1] === NASTY_UNIT)).toBe(true);
  });

  it('keeps the indicators in one sheet with the form they belong to (not a sheet per form)', async () => {
    const results = await manyResults();
    const rows = values(sheet(await loadWorkbook(await formatXlsx(results, opts)), '指标'));
    expect(rows[0]).toEqual(['来源', '单位', '年度', '指标', '值（%）', '说明']);
    expect(rows.filter((r) => r[0] === 'forms/南湖区 财政局.json').find((r) => r[3] === '在职人员控制率')?.slice(4)).toEqual([174.55, null]);
    expect(rows.filter((r) => r[0] === 'forms/blanks.json').find((r) => r[3] === '在职人员控制率')?.slice(4)).toEqual(['无法计算', '编制人数为空']);
  });

  it('has what to review (import diagnostics, inferred answers) and the files that could not be checked, with the reason', async () => {
    const { results, unread } = await withDiagnostics();
    const wb = await loadWorkbook(await formatXlsx(results, { ...opts, unread }));
    const review = values(sheet(wb, '需复核'));
    expect(review[0]).toEqual(['来源', '单位', '年度', '类别', '严重程度', '位置', '说明']);
    expect(review[1]).toEqual(['examples/beita-justice-2020/evaluation.json', '北塔区司法局', 2020, '导入诊断', '提示', '第 90 行第 37 列', '未对应任何栏目的文本：“（项目资金）” [leftover-text]']);
    expect(review.slice(1).some((r) => r[3] === '请复核' && String(r[6]).includes('推断所得'))).toBe(true);
    expect(values(sheet(wb, '未能检查的文件'))).toEqual([['文件', '原因'], ['forms/坏.docx', '不是 zip 文件']]);
    const summary = values(sheet(wb, '汇总'));
    expect(byHeader(summary, summary[1])).toMatchObject({ 导入诊断: 1 });
  });

  it('puts each count under its own header: info failures under 提示, waived ones under 已豁免', async () => {
    const info = await infoResult();
    const waiver = { rule: 'staffing/declaration-consistent', unit: '南湖区财政局', reason: '已核实', approver: '绩效科', expires: '2030-12-31' };
    const { results: [waived] } = applyWaivers([info], [{ waiver, source: 'w.yaml', index: 0 }], { today: '2026-01-01' });
    const summary = values(sheet(await loadWorkbook(await formatXlsx([info, { ...must(waived), source: 'forms/waived.json' }], opts)), '汇总'));
    const row = (source: string) => byHeader(summary, summary.find((r) => r[0] === source));
    expect(row('forms/info.json')).toMatchObject({ 错误: 1, 警告: 0, 提示: 1, 已豁免: 0, 无法判断: 0, 红旗: 1 });
    expect(row('forms/waived.json')).toMatchObject({ 错误: 0, 警告: 0, 提示: 1, 已豁免: 1, 无法判断: 0, 红旗: 1 });
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

describe('writeXlsxStream (exceljs streaming writer)', () => {
  async function streamed(results: readonly EvaluationResult[], options: Parameters<typeof formatXlsx>[1]): Promise<Uint8Array> {
    const report = xlsxReport(options);
    for (const r of results) report.form(r);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsxStream(report, reportEnd(results, options.unread ?? [], []), options, out);
    return new Uint8Array(Buffer.concat(chunks));
  }

  it('writes the same sheets, cells, fills and print setup as the workbook built in memory', async () => {
    const { results, unread } = await withDiagnostics();
    const all = [...results, ...(await manyResults()).slice(1)];
    // As the CLI writes it: the loaded rules name the most-failed ones.
    const options = { ...opts, unread, rules: checker().rules };
    const [fromStream, inMemory] = await Promise.all([streamed(all, options).then(loadWorkbook), formatXlsx(all, options).then(loadWorkbook)]);
    expect(fromStream.worksheets.map((s) => s.name)).toEqual(SHEETS);
    for (const name of SHEETS) {
      const a = sheet(fromStream, name);
      const b = sheet(inMemory, name);
      expect(values(a), name).toEqual(values(b));
      expect(a.autoFilter, name).toEqual(b.autoFilter);
      expect(a.pageSetup, name).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
      a.eachRow((row, n) => {
        expect(fillOf(row.getCell(1)), `${name} row ${String(n)}`).toBe(fillOf(b.getRow(n).getCell(1)));
      });
    }
  });

  it('stamps every zip entry with the report time, so the same results give the same bytes', async () => {
    const results = await manyResults();
    const now = new Date(2024, 4, 6, 7, 8, 10);
    const a = await streamed(results, { ...opts, now: () => now });
    expect(await streamed(results, { ...opts, now: () => now })).toEqual(a);
    // Local file headers: the DOS time and date of each entry (bytes 10–13 after the signature PK\3\4).
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    const dos = ((2024 - 1980) << 9) | (5 << 5) | 6;
    let entries = 0;
    for (let at = 0; at + 30 <= a.length; at++) {
      if (view.getUint32(at, true) !== 0x04034b50) continue;
      expect(view.getUint16(at + 12, true)).toBe(dos);
      entries++;
    }
    expect(entries).toBeGreaterThan(8);
  });

  it('reads rows from the spool only as fast as the output takes the zip (memory stays bounded when the output is slow)', async () => {
    // While the output takes nothing, the writer may pull only what the pipeline's buffers hold: archiver keeps up to
    // 1 MiB of zip on its readable side and hands its options (highWaterMark included) to its zip engine, another
    // 1 MiB; exceljs's 64 KiB batches and the streams' 16 KiB come on top. Measured: 3,149 rows of this shape (727 bytes
    // each in the zip), ~2.3 MB, the same on every run. The rows are therefore long and hard to compress (300 random
    // CJK characters), so that the sheet (10,000 rows, ~7 MB) is three times what the buffers hold. With short rows
    // (57 bytes each) the whole sheet fitted in them: a correct writer pulled all 20,000 rows, and the test passed only
    // while a fixed 500 turns of the event loop were too few to get there (it failed at 10,718 of 20,000 in a loaded run).
    const total = 10_000;
    let pulled = 0;
    const spool: SpoolFactory = <T>(name: string) => {
      if (name !== 'indicators') return memorySpool<T>(name);
      const rows = function* () {
        for (let i = 0; i < total; i++) {
          pulled++;
          yield [`form-${String(i)}.json`, '单位', 2024, `指标 ${(i * 2654435761).toString(36)}`, (i * 7919) % 1000, scrambled(i, 300)] as T;
        }
      };
      return { push: () => undefined, rows };
    };
    const report = xlsxReport(opts, spool);
    // An output that takes nothing until released: the writer must stop pulling rows well before the end.
    const held: (() => void)[] = [];
    let released = false;
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        if (released) done();
        else held.push(done);
      },
    });
    const writer = { settled: false };
    const writing = writeXlsxStream(report, reportEnd([], [], []), opts, out).finally(() => (writer.settled = true));
    // Conditions, not a count of turns: the rows have begun (exceljs is imported on first use, slow on a loaded
    // machine), then no row has been pulled for half a second, or all were. A writer that ignores the output pulls
    // them all at once (the loop does not wait between rows); a pause under load can only stop the wait early, with
    // fewer rows pulled, never make a correct writer fail.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    while (pulled === 0 && !writer.settled) await tick();
    let last = pulled;
    let quietSince = Date.now();
    while (pulled < total && !writer.settled && Date.now() - quietSince < 500) {
      await tick();
      if (pulled !== last) {
        last = pulled;
        quietSince = Date.now();
      }
    }
    expect(writer.settled).toBe(false);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(total / 2);
    released = true;
    for (const done of held.splice(0)) done();
    await writing;
    expect(pulled).toBe(total);
    const wb = await loadWorkbook(new Uint8Array(Buffer.concat(chunks)));
    expect(sheet(wb, '指标').rowCount).toBe(total + 1);
  });
});
