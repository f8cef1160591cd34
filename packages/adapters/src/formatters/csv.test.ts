import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NASTY_UNIT, cases, manyResults, must } from '../../test/results.js';
import { BOM, csvField, formatCsv } from './csv.js';
import { FINDING_COLUMNS } from './rows.js';

const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

/** Parse CSV with exceljs's reader (fast-csv underneath): an independent RFC 4180 parser. */
async function readCsv(text: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  const sheet = await wb.csv.read(Readable.from([text]), { parserOptions: { delimiter: ',', quote: '"' }, map: (v: unknown) => v });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= FINDING_COLUMNS.length; c++) {
      const v = row.getCell(c).value;
      cells.push(typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v));
    }
    rows.push(cells);
  });
  return rows;
}

describe('formatCsv', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF, and has one row per (form, rule) for zero, one and many forms', async () => {
    for (const [label, results] of await cases()) {
      const csv = formatCsv(results, opts);
      expect(csv.startsWith(BOM), label).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
      const rows = await readCsv(csv.slice(BOM.length));
      expect(rows, label).toHaveLength(1 + results.reduce((n, r) => n + r.findings.length, 0));
      expect(rows[0]).toEqual(['来源', '单位', '年度', '规则编号', '规则名称', '结果', '严重程度', '红旗', '说明', '填报值', '位置', '依据', '豁免']);
    }
  });

  it('carries unit, year, rule, outcome, severity, message and observed values; special characters read back', async () => {
    const rows = await readCsv(formatCsv(await manyResults(), opts).slice(BOM.length));
    const quota = rows.find((r) => r[1] === '南湖区财政局' && r[3] === 'staffing/within-quota');
    expect(quota).toEqual([
      'forms/南湖区 财政局.json', '南湖区财政局', '2020', 'staffing/within-quota', '实有人数不超过编制人数', '不通过', '警告', '是',
      '实有人数 96 人超过编制人数 55 人（在职人员控制率 174.55%）', '实有人数 = 96；编制人数 = 55', '', expect.stringContaining('国务院令第486号') as unknown, '',
    ]);
    expect(rows.filter((r) => r[1] === NASTY_UNIT).length).toBeGreaterThan(0);
  });

  it('lists each form failures first, shows severity only for failures and where each finding is in the file (位置)', async () => {
    const [seed] = await manyResults();
    const rows = (await readCsv(formatCsv([must(seed)], opts).slice(BOM.length))).slice(1);
    const outcomes = rows.map((r) => r[5]);
    expect(outcomes.indexOf('不通过')).toBe(0);
    expect(outcomes.lastIndexOf('不通过')).toBeLessThan(outcomes.indexOf('通过'));
    for (const r of rows) expect(r[6] === '', `${String(r[3])}: ${String(r[5])}`).toBe(r[5] !== '不通过');
    // income.localBudget is the income rule's first field with a position (line 14, column 5 of the seed file).
    expect(rows.find((r) => r[3] === 'integrity/income-total')?.[10]).toBe('第 14 行第 5 列');
  });

  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-3.00')).toBe('-3.00');
    expect(csvField(2020)).toBe('2020');
    expect(csvField(null)).toBe('');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const field = csvField(s);
        // Unquoted fields hold no separator; quoted ones hold no lone quote.
        if (field.startsWith('"')) expect(field.slice(1, -1).replace(/""/g, '')).not.toContain('"');
        else expect(field).not.toMatch(/[",\r\n]/);
        expect(/^[=+@\t\r]/.test(field.replace(/^"/, ''))).toBe(false);
      }),
    );
  });
});
