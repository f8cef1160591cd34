// Every report is complete: files that could not be read (with the reason), each form's import diagnostics and the
// notes a reviewer must check (answers that were inferred) are in every format, not only on standard error.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { EvaluationResult, ResultDocument } from '@jixiao/core';
import { exampleResult, loadWorkbook, must } from '../../test/results.js';
import { FORMATTERS } from '../formats.js';
import { BOM } from './csv.js';

const UNREAD = { source: 'forms/坏.docx', reason: '不是 zip 文件（文件头为 %PDF）' };
const DIAGNOSTIC = { code: 'leftover-text', severity: 'warning', message: '未对应任何栏目的文本：“（项目资金）”', line: 90, column: 37 } as const;
/** The seed's answers-resolved rule passes with a note: five answers were inferred from unreadable marks. */
const INFERRED = '以下 5 个答案为推断所得，请复核';
const opts = { locale: 'zh-CN', toolVersion: '0.1.0', unread: [UNREAD] } as const;

async function seed(): Promise<EvaluationResult> {
  const r = await exampleResult();
  expect(r.findings.find((f) => f.ruleId === 'integrity/answers-resolved')).toMatchObject({ outcome: 'pass', notes: [{ message: expect.stringContaining(INFERRED) as unknown }] });
  return { ...r, diagnostics: [DIAGNOSTIC] };
}

const text = async (format: 'text' | 'markdown' | 'html' | 'csv' | 'junit' | 'json' | 'sarif'): Promise<string> => FORMATTERS[format]([await seed()], opts);

describe('every report carries what could not be read and what to review', () => {
  for (const format of ['text', 'markdown', 'html'] as const) {
    it(`${format}: a section for the files not checked, the form's import diagnostics and the inferred answers`, async () => {
      const out = (await text(format)).replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      for (const needle of ['未能检查的文件', UNREAD.source, UNREAD.reason, '导入诊断', '第 90 行第 37 列', DIAGNOSTIC.message, '请复核', INFERRED]) expect(out, needle).toContain(needle);
    });
  }

  it('csv: a row per diagnostic (outcome 导入诊断, with its place) and per file not checked (its reason as the message)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = await wb.csv.read(Readable.from([(await text('csv')).slice(BOM.length)]), { parserOptions: { delimiter: ',', quote: '"' }, map: (v: unknown) => v });
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(Array.from({ length: 13 }, (_, i) => row.getCell(i + 1).text)));
    expect(rows.find((r) => r[5] === '导入诊断')).toEqual([
      'examples/beita-justice-2020/evaluation.json', '北塔区司法局', '2020', 'import/leftover-text', '导入诊断', '导入诊断', '警告', '', DIAGNOSTIC.message, '', '第 90 行第 37 列', '', '',
    ]);
    expect(rows.at(-1)).toEqual([UNREAD.source, '', '', '', '', '未能检查的文件', '', '', UNREAD.reason, '', '', '', '']);
    expect(rows.find((r) => r[3] === 'integrity/answers-resolved')?.[8]).toContain(INFERRED);
  });

  it('junit: error cases for the diagnostics and for each file not checked; the inferred answers as output of their case', async () => {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- htmlEntities decodes numeric references
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testsuite', 'testcase'].includes(n), htmlEntities: true }).parse(await text('junit')) as {
      testsuites: { errors: string; tests: string; testsuite: { name: string; errors: string; testcase: { name: string; error?: { message: string; type: string }; 'system-out'?: string }[] }[] };
    };
    const [form, unread] = doc.testsuites.testsuite;
    expect(doc.testsuites.errors).toBe('2');
    expect(form?.errors).toBe('1');
    expect(form?.testcase.find((c) => c.error !== undefined)).toMatchObject({ name: 'import/leftover-text', error: { message: DIAGNOSTIC.message, type: 'import.warning' } });
    expect(form?.testcase.find((c) => c.name.startsWith('integrity/answers-resolved'))?.['system-out']).toContain(INFERRED);
    expect(unread).toMatchObject({ name: '未能检查的文件', errors: '1', testcase: [{ name: UNREAD.source, error: { message: UNREAD.reason, type: 'unreadable' } }] });
    expect(Number(doc.testsuites.tests)).toBe(must(form).testcase.length + 1);
  });

  it('json: the diagnostics with their form, the unread inputs at the end, the note with its finding', async () => {
    const doc = JSON.parse(await text('json')) as ResultDocument;
    expect(doc.results[0]?.diagnostics).toEqual([DIAGNOSTIC]);
    expect(doc.unread).toEqual([UNREAD]);
    expect(doc.results[0]?.findings.find((f) => f.ruleId === 'integrity/answers-resolved')?.notes?.[0]?.message).toContain(INFERRED);
  });

  it('sarif: tool execution notifications for both, the note in its result message', async () => {
    const log = JSON.parse(await text('sarif')) as { runs: { invocations: { toolExecutionNotifications: { message: { text: string } }[] }[]; results: { ruleId: string; message: { text: string } }[] }[] };
    const run = must(log.runs[0]);
    expect(run.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text)).toEqual([DIAGNOSTIC.message, UNREAD.reason]);
    expect(run.results.find((r) => r.ruleId === 'integrity/answers-resolved')?.message.text).toContain(INFERRED);
  });

  it('xlsx: a sheet for what to review and one for the files not checked', async () => {
    const wb = await loadWorkbook(await FORMATTERS.xlsx([await seed()], opts));
    const cells = (name: string) => {
      const out: string[] = [];
      must(wb.getWorksheet(name)).eachRow((row) => {
        row.eachCell((c) => out.push(c.text));
      });
      return out.join('\n');
    };
    expect(cells('需复核')).toContain(DIAGNOSTIC.message);
    expect(cells('需复核')).toContain(INFERRED);
    expect(cells('未能检查的文件')).toContain(UNREAD.reason);
  });

  it('with nothing checked at all, every format still names the files it could not read', async () => {
    for (const format of Object.keys(FORMATTERS) as (keyof typeof FORMATTERS)[]) {
      const out = await FORMATTERS[format]([], opts);
      const cells: string[] = [];
      if (typeof out !== 'string') for (const s of (await loadWorkbook(out)).worksheets) s.eachRow((row) => { row.eachCell((c) => cells.push(c.text)); });
      const shown = typeof out === 'string' ? out : cells.join(' ');
      expect(shown.includes(UNREAD.reason) || shown.includes(JSON.stringify(UNREAD.reason).slice(1, -1)), format).toBe(true);
    }
  });
});
