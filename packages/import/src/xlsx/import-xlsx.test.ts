import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { importBuffer } from '../buffer.js';
import { renderFormText } from '../form/render.js';
import { importText } from '../text/import-text.js';
import { importXlsx, partitionXlsx } from './import-xlsx.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../examples/beita-justice-2020/${name}`, import.meta.url));
const seedEvaluation = JSON.parse(readFileSync(example('evaluation.json'), 'utf8')) as Evaluation & { $schema?: string };
delete seedEvaluation.$schema;

/** Compare evaluations read from two files: provenance (raw text, line) names positions in each file. */
function comparable(e: Evaluation): unknown {
  const { answerResolution, modelVersion: _v, ...rest } = e;
  return { ...rest, how: Object.fromEntries(Object.entries(answerResolution ?? {}).map(([k, r]) => [k, r.how])) };
}

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The seed form's Word text laid out in a sheet: a row per line, a cell per tab-separated piece. */
async function seedWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('自评表');
  for (const line of renderFormText(seedEvaluation).split('\n')) sheet.addRow(line.split('\t'));
  return bytesOf(book);
}

describe('importXlsx', () => {
  it('reads the seed form laid out in a sheet to the same evaluation as its Word text, positions naming Sheet!B7', async () => {
    const text = importText(renderFormText(seedEvaluation));
    if (!text.ok) throw new Error('text counterpart did not import');
    const r = await importXlsx(await seedWorkbook());
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.kind).toBe('xlsx');
    expect(comparable(r.evaluation)).toEqual(comparable(text.evaluation));
    expect(r.positions['unit.name']?.cell).toMatch(/^自评表![A-Z]+\d+$/);
    expect(Object.values(r.positions).every((p) => p.line === undefined && p.cell !== undefined)).toBe(true);
  });

  it('is found by importBuffer from its content (a zip with xl/workbook.xml), whatever the file is called', async () => {
    const r = await importBuffer(await seedWorkbook(), { filename: 'form.bin' });
    expect(r.kind).toBe('xlsx');
    expect(r.ok).toBe(true);
  });

  it('reads every sheet in order, merged cells once with their spans, formulas by their cached value, percent formats as shown', async () => {
    const book = new ExcelJS.Workbook();
    const a = book.addWorksheet('封面');
    a.getCell('A1').value = '部门名称';
    a.getCell('B1').value = '某某局';
    a.mergeCells('B1:D1');
    a.getCell('A2').value = '执行率';
    a.getCell('B2').value = { formula: 'B3/B4', result: 0.7645 };
    a.getCell('B2').numFmt = '0.00%';
    a.getCell('C2').value = 0.1 + 0.2; // stored as 0.30000000000000004
    const b = book.addWorksheet('指标');
    b.getCell('A1').value = '一级指标';
    b.mergeCells('A2:A3');
    b.getCell('A2').value = '产出';
    b.getCell('B2').value = '数量';
    b.getCell('B3').value = '质量';
    const read = await partitionXlsx(await bytesOf(book));
    if (!read.ok) throw new Error(JSON.stringify(read.result.diagnostics));
    const tables = read.document.blocks.map((t) => (t.kind === 'table' ? t.rows.map((r) => r.cells.map((c) => [c.origin.ref, c.paragraphs.map((p) => p.text).join('\n'), c.colSpan ?? 1, c.rowSpan ?? 1])) : []));
    expect(tables).toEqual([
      [
        [['A1', '部门名称', 1, 1], ['B1', '某某局', 3, 1]],
        [['A2', '执行率', 1, 1], ['B2', '76.45%', 1, 1], ['C2', '0.3', 1, 1], ['D2', '', 1, 1]],
      ],
      [
        [['A1', '一级指标', 1, 1], ['B1', '', 1, 1]],
        [['A2', '产出', 1, 2], ['B2', '数量', 1, 1]],
        [['A3', '', 1, 1], ['B3', '质量', 1, 1]],
      ],
    ]);
    expect(read.document.blocks.map((t) => t.origin.sheet)).toEqual(['封面', '指标']);
  });

  it('a value reads as its number format shows it in Excel: decimals shown, percent, thousands scaling, sign sections', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('表');
    const cases: [string, ExcelJS.CellValue, string, string][] = [
      // [cell, value, number format, what Excel shows]
      ['B1', 264.4712, '0.00', '264.47'], // 元 ÷ 10,000 by a formula, shown to the 分
      ['B2', { formula: 'B8/B9', result: 0.987654 }, '0.00%', '98.77%'], // an execution rate
      ['B3', 2644712, '#,##0.00,', '2,644.71'], // a format that shows thousands
      ['B4', -5, '0.00;(0.00)', '(5.00)'],
      ['B5', 264.47, '0.00"万元"', '264.47万元'],
      ['B6', 1234.5, '#,##0.00', '1,234.50'],
      ['B7', 264.4712, 'General', '264.4712'],
      ['B8', 0.1 + 0.2, '0.0[', '0.3'], // a format code numfmt cannot read: General
    ];
    for (const [ref, value, numFmt] of cases) {
      s.getCell(ref).value = value;
      s.getCell(ref).numFmt = numFmt;
    }
    const read = await partitionXlsx(await bytesOf(book));
    if (!read.ok) throw new Error(JSON.stringify(read.result.diagnostics));
    const cells = read.document.blocks.flatMap((t) => (t.kind === 'table' ? t.rows.flatMap((r) => r.cells) : []));
    // Column A is blank (each row keeps its columns' places).
    expect(cells.filter((c) => c.origin.ref?.startsWith('B')).map((c) => [c.origin.ref, c.paragraphs.map((p) => p.text).join('')])).toEqual(cases.map(([ref, , , text]) => [ref, text]));
    expect(read.diagnostics).toEqual([]);
  });

  it('a value whose number format shows nothing (;;;) looks blank in Excel: it is not read, and is noted with what it holds', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('自评表');
    s.getCell('A1').value = '合计';
    s.getCell('B1').value = 267.47;
    s.getCell('B1').numFmt = ';;;';
    s.getCell('C1').value = '是';
    s.getCell('C1').numFmt = ';;;';
    s.getCell('D1').value = 0;
    s.getCell('D1').numFmt = '0.00;-0.00;';
    const read = await partitionXlsx(await bytesOf(book));
    if (!read.ok) throw new Error(JSON.stringify(read.result.diagnostics));
    const cells = read.document.blocks.flatMap((t) => (t.kind === 'table' ? t.rows.flatMap((r) => r.cells) : []));
    expect(cells.map((c) => c.paragraphs.map((p) => p.text).join(''))).toEqual(['合计']);
    expect(read.diagnostics.map((d) => [d.code, d.severity, d.cell, d.message['zh-CN']])).toEqual([
      ['xlsx-hidden-value', 'warning', '自评表!B1', '“自评表!B1”的数字格式不显示它的值（Excel 中不显示、不打印），未读取：「267.47」'],
      ['xlsx-hidden-value', 'warning', '自评表!C1', '“自评表!C1”的数字格式不显示它的值（Excel 中不显示、不打印），未读取：「是」'],
      ['xlsx-hidden-value', 'warning', '自评表!D1', '“自评表!D1”的数字格式不显示它的值（Excel 中不显示、不打印），未读取：「0」'],
    ]);
  });

  it('hostile number formats: a code numfmt throws on reads in General; past 64 codes or 255 characters, General with one note', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('表');
    // numfmt keeps parsed codes in a plain object: a code named like an Object.prototype member makes it throw.
    s.getCell('A1').value = 264.4712;
    s.getCell('A1').numFmt = '0.000';
    s.getCell('A2').value = 264.4712;
    s.getCell('A2').numFmt = `0.00${'"x"'.repeat(100)}`;
    for (let i = 0; i < 70; i++) {
      s.getCell(`B${String(i + 1)}`).value = 1.5;
      s.getCell(`B${String(i + 1)}`).numFmt = `0.00"${String(i)}"`;
    }
    // exceljs will not write such a code: it is put into the styles part by hand.
    const parts = unzipSync(await bytesOf(book));
    const styles = strFromU8(parts['xl/styles.xml'] ?? new Uint8Array(0));
    expect(styles).toContain('formatCode="0.000"');
    const read = await partitionXlsx(zipSync({ ...parts, 'xl/styles.xml': strToU8(styles.replace('formatCode="0.000"', 'formatCode="__proto__"')) }));
    if (!read.ok) throw new Error(JSON.stringify(read.result.diagnostics));
    const text = new Map(read.document.blocks.flatMap((t) => (t.kind === 'table' ? t.rows.flatMap((r) => r.cells) : [])).map((c) => [c.origin.ref, c.paragraphs.map((p) => p.text).join('')]));
    expect([text.get('A1'), text.get('A2')]).toEqual(['264.4712', '264.4712']);
    // The first 64 distinct codes are rendered (A1's counts: it was tried), the rest read in General.
    expect([text.get('B1'), text.get('B63'), text.get('B64'), text.get('B70')]).toEqual(['1.500', '1.5062', '1.5', '1.5']);
    // Without the throwing code in A1, B64 would have been the 64th code, rendered: A1's was tried and counted.
    expect(read.diagnostics.map((d) => [d.code, d.severity])).toEqual([['xlsx-number-formats-skipped', 'warning']]);
    expect(read.diagnostics[0]?.message['zh-CN']).toContain('超过 64 种或长于 255 个字符');
  });

  it('notes a formula saved without its result, naming the cell, and reads it as blank (never as zero)', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('Sheet1');
    s.getCell('A1').value = '得分';
    s.getCell('B7').value = { formula: 'SUM(B1:B6)' };
    s.getCell('C7').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const read = await partitionXlsx(await bytesOf(book));
    if (!read.ok) throw new Error(JSON.stringify(read.result.diagnostics));
    expect(read.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['xlsx-formula-no-value', 'Sheet1!B7'],
      ['xlsx-error-value', 'Sheet1!C7'],
    ]);
    const cells = read.document.blocks.flatMap((t) => (t.kind === 'table' ? t.rows.flatMap((r) => r.cells) : []));
    expect(cells.map((c) => c.paragraphs.length)).toEqual([1]);
  });
});

describe('importXlsx: what Excel does not show is not read', () => {
  it('a hidden row, column and sheet are left out and each noted with its place and what it holds', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('表');
    s.getCell('A1').value = '收入合计';
    s.getCell('B1').value = 1264.47;
    s.getCell('C1').value = 264.47;
    s.getColumn(2).hidden = true;
    s.getCell('A2').value = '实有人数';
    s.getCell('C2').value = 21;
    s.getCell('A3').value = '实有人数';
    s.getCell('C3').value = 25;
    s.getRow(2).hidden = true;
    const h = book.addWorksheet('备用');
    h.getCell('A1').value = '自评得分';
    h.getCell('B1').value = 98;
    h.state = 'hidden';
    const read = await partitionXlsx(await bytesOf(book));
    if (!read.ok) throw new Error(JSON.stringify(read.result.diagnostics));
    const tables = read.document.blocks.map((t) => (t.kind === 'table' ? t.rows.map((r) => r.cells.map((c) => [c.origin.ref, c.paragraphs.map((p) => p.text).join('\n')])) : []));
    expect(tables).toEqual([
      [
        [['A1', '收入合计'], ['C1', '264.47']],
        [['A3', '实有人数'], ['C3', '25']],
      ],
    ]);
    expect(read.diagnostics.map((d) => [d.code, d.severity, d.cell, d.message['zh-CN']])).toEqual([
      ['xlsx-hidden-row', 'warning', '表!2:2', '“表!2:2”行已隐藏（Excel 中不显示、不打印），未读取：「实有人数 21」'],
      ['xlsx-hidden-column', 'warning', '表!B:B', '“表!B:B”列已隐藏（Excel 中不显示、不打印），未读取：「1264.47」'],
      ['xlsx-hidden-sheet', 'warning', '备用', '工作表“备用”已隐藏（Excel 中不显示、不打印），未读取：「自评得分 98」'],
    ]);
  });

  it('a workbook with nothing hidden gets no such note', async () => {
    const read = await partitionXlsx(await seedWorkbook());
    if (!read.ok) throw new Error(JSON.stringify(read.result.diagnostics));
    expect(read.diagnostics.filter((d) => d.code.startsWith('xlsx-hidden'))).toEqual([]);
  });
});
