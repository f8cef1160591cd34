/**
 * What a bureau receives, in one folder (issue 14, item 5): the example form as .docx, as a Word 97-2003 .doc, as
 * a PDF and as an Excel 97-2003 sheet (all made by LibreOffice in the setup), as Word's text export and as canonical
 * JSON, beside a damaged PDF and an empty .doc. The built CLI checks the folder: every file is accounted for —
 * checked, or unread with its reason — the .doc and the PDF have the .docx's findings, and the report is
 * byte-identical with --jobs 1 and the default (child processes, conversions spread over them). LibreOffice never
 * runs more processes at once than the machine has cores, however many processes ask.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { craftCompoundFile } from './hostile/docx-craft.js';
import { tempDir } from './setup/temp.js';
import { Converter, libreOffice } from '../packages/import/test/libreoffice.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const EXAMPLE = join(ROOT, 'examples/beita-justice-2020');

/** The built CLI (so that the default really starts child processes) run in `cwd`. */
const jixiao = (cwd: string, args: readonly string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' } });

interface JsonReport {
  results: { source: string; template?: { id: string }; findings: { ruleId: string; outcome: string }[] }[];
  unread: { source: string; reason: string }[];
}

const outcomes = (r: JsonReport, source: string) => (r.results.find((x) => x.source === source)?.findings ?? []).map((f) => `${f.ruleId} ${f.outcome}`);

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('a folder of every kind of file', () => {
  const dir = tempDir('jixiao-formats-batch-');
  const forms = join(dir, 'forms');

  beforeAll(async () => {
    mkdirSync(forms);
    const lo = new Converter(soffice ?? '');
    const docx = join(lo.dir, 'form.docx');
    copyFileSync(join(EXAMPLE, 'form.docx'), docx);
    // .docx → .odt → .doc (LibreOffice 7.4 flattens these tables when it writes a .doc straight from the .docx).
    const [doc = ''] = lo.convert(lo.convert([docx], 'odt'), 'doc');
    const [pdf = ''] = lo.convert([docx], 'pdf');
    // The form's text laid out in a sheet, a row a line and a cell a column, saved by LibreOffice as .xls.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('自评表');
    for (const line of readFileSync(join(EXAMPLE, '000_1f3a69e61e56d541.txt'), 'utf8').split('\n')) sheet.addRow(line.split('\t'));
    const xlsx = join(lo.dir, 'form.xlsx');
    writeFileSync(xlsx, new Uint8Array(await book.xlsx.writeBuffer()));
    const [xls = ''] = lo.convert([xlsx], 'xls');
    copyFileSync(docx, join(forms, 'form.docx'));
    copyFileSync(doc, join(forms, 'form.doc'));
    copyFileSync(pdf, join(forms, 'form.pdf'));
    copyFileSync(xls, join(forms, 'form.xls'));
    copyFileSync(join(EXAMPLE, '000_1f3a69e61e56d541.txt'), join(forms, 'form.txt'));
    copyFileSync(join(EXAMPLE, 'evaluation.json'), join(forms, 'form.json'));
    writeFileSync(join(forms, 'damaged.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog');
    writeFileSync(join(forms, 'empty.doc'), '');
  }, 240_000);

  it('every file is accounted for; the .doc and the PDF have the .docx’s findings; --jobs 1 and the default give the same bytes', () => {
    const one = jixiao(dir, ['check', 'forms', '--format', 'json', '--locale', 'en', '--jobs', '1']);
    const pool = jixiao(dir, ['check', 'forms', '--format', 'json', '--locale', 'en']);
    expect(one.status, one.stderr).toBe(3);
    expect(pool.status, pool.stderr).toBe(3);
    expect(pool.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout) as JsonReport;
    expect(report.results.map((r) => r.source)).toEqual(['forms/form.doc', 'forms/form.docx', 'forms/form.json', 'forms/form.pdf', 'forms/form.txt', 'forms/form.xls']);
    expect(report.unread.map((u) => u.source)).toEqual(['forms/damaged.pdf', 'forms/empty.doc']);
    const reasons = Object.fromEntries(report.unread.map((u) => [u.source, u.reason]));
    expect(reasons['forms/damaged.pdf']).toMatch(/This PDF is damaged or cannot be parsed/);
    expect(reasons['forms/empty.doc']).toMatch(/empty/);
    expect(outcomes(report, 'forms/form.docx').length).toBeGreaterThan(20);
    expect(outcomes(report, 'forms/form.doc')).toEqual(outcomes(report, 'forms/form.docx'));
    expect(outcomes(report, 'forms/form.pdf')).toEqual(outcomes(report, 'forms/form.docx'));
    // The sheet holds the text export: the same findings as the text.
    expect(outcomes(report, 'forms/form.xls')).toEqual(outcomes(report, 'forms/form.txt'));
    for (const r of report.results) expect(r.template?.id, r.source).toBe(r.source.endsWith('.json') ? undefined : 't1-checklist');
  }, 300_000);
});

describe('conversions in a batch', () => {
  it('are spread over the batch processes, never more LibreOffice processes at once than cores', () => {
    const dir = tempDir('jixiao-formats-slots-');
    const log = join(dir, 'log');
    // A stand-in soffice that notes when it starts and ends, and takes a second (then fails: nothing to read).
    const soffice = join(dir, 'soffice');
    writeFileSync(soffice, `#!/bin/sh\necho start >> ${log}\nsleep 1\necho end >> ${log}\nexit 1\n`);
    chmodSync(soffice, 0o755);
    const forms = join(dir, 'forms');
    mkdirSync(forms);
    for (let i = 0; i < 8; i++) writeFileSync(join(forms, `${String(i)}.doc`), craftCompoundFile(['WordDocument']));
    // Four processes ask for conversions at once.
    const r = jixiao(dir, ['check', 'forms', '--format', 'json', '--soffice', soffice, '--jobs', '4']);
    expect(r.status, r.stderr).toBe(3);
    expect((JSON.parse(r.stdout) as JsonReport).unread).toHaveLength(8);
    let running = 0;
    let peak = 0;
    const events = readFileSync(log, 'utf8').trim().split('\n');
    for (const event of events) {
      running += event === 'start' ? 1 : -1;
      peak = Math.max(peak, running);
    }
    expect(events.filter((e) => e === 'start')).toHaveLength(8);
    expect(peak).toBeLessThanOrEqual(availableParallelism());
    if (availableParallelism() >= 2) expect(peak).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
