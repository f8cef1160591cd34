// An Excel workbook passes our own zip reader (the .docx one) before exceljs — which opens any zip with JSZip and
// trusts it — sees a byte: parts Excel would not show, two entries of one name, headers that lie about sizes, a
// zip bomb, a DTD with entities are each refused with one sentence; an .xlsm is read without running anything.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, type CliIo } from '@jixiao/cli';
import type { Evaluation } from '@jixiao/core';
import { importXlsx, renderFormText, type ImportResult } from '@jixiao/import';
import { craftZip, type CraftEntry } from './docx-craft.js';

const seed = JSON.parse(readFileSync(new URL('../../examples/beita-justice-2020/evaluation.json', import.meta.url), 'utf8')) as Evaluation;

/** The seed form laid out in a sheet (a row per line of its Word text, a cell per tab-separated piece), as entries. */
let entries: CraftEntry[] = [];
beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('自评表');
  for (const line of renderFormText(seed).split('\n')) sheet.addRow(line.split('\t'));
  entries = Object.entries(unzipSync(new Uint8Array(await book.xlsx.writeBuffer()))).map(([name, data]) => ({ name, data }));
});

const STRINGS = 'xl/sharedStrings.xml';
/** The shared strings with the income total changed: what a hostile file hides from Excel. */
function hiddenStrings(): Uint8Array {
  const xml = strFromU8(entries.find((e) => e.name === STRINGS)?.data ?? new Uint8Array());
  if (!xml.includes('264.47')) throw new Error('the seed workbook does not hold 264.47');
  return strToU8(xml.replace('264.47', '999.99'));
}

function withPart(name: string, replace: (e: CraftEntry) => CraftEntry[]): CraftEntry[] {
  return entries.flatMap((e) => (e.name === name ? replace(e) : [e]));
}

function refused(r: ImportResult, code: string): void {
  expect(r.ok ? { ok: true, incomeTotal: r.evaluation.income.total } : r.diagnostics.map((d) => d.code)).toEqual([code]);
  const [d] = r.diagnostics;
  expect(d?.severity).toBe('error');
  expect(d?.message['zh-CN']).toMatch(/。$/);
  expect(d?.message.en).toMatch(/\.$/);
}

describe('hostile workbooks', () => {
  it('the crafted workbook itself is read (income total 264.47)', async () => {
    const r = await importXlsx(craftZip(entries));
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  });

  it('a shared-strings part that exists only as a local header (an orphan entry) is refused', async () => {
    refused(await importXlsx(craftZip([{ name: STRINGS, data: hiddenStrings(), orphan: true }, ...entries])), 'xlsx-zip-hidden-data');
  });

  it('a second shared-strings part of the same name is refused', async () => {
    refused(await importXlsx(craftZip(withPart(STRINGS, (e) => [e, { name: STRINGS, data: hiddenStrings() }]))), 'xlsx-zip-duplicate-entry');
  });

  it('a local header naming another part than its directory entry is refused', async () => {
    refused(await importXlsx(craftZip(withPart(STRINGS, (e) => [{ ...e, local: { name: 'xl/decoy.xml' } }]))), 'xlsx-zip-header-mismatch');
  });

  it('a zip bomb (a sheet part of 17 MB of blanks, 17 KB compressed) is refused before anything inflates it whole', async () => {
    const bomb = new Uint8Array(17 * 1024 * 1024).fill(0x20);
    refused(await importXlsx(craftZip(withPart('xl/worksheets/sheet1.xml', (e) => [{ ...e, data: bomb }]))), 'xlsx-too-large');
  });

  it('a part whose headers understate its size is caught as it inflates', async () => {
    refused(await importXlsx(craftZip(withPart(STRINGS, (e) => [{ ...e, local: { size: 10 }, central: { size: 10 } }]))), 'xlsx-zip-header-mismatch');
  });

  it('entity tricks: shared strings declaring a DTD with nested entities (billion laughs) are refused', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const xml = strFromU8(entries.find((e) => e.name === STRINGS)?.data ?? new Uint8Array()).replace(/^<\?xml[^>]*\?>/, laughs).replace('264.47', '&c;');
    refused(await importXlsx(craftZip(withPart(STRINGS, () => [{ name: STRINGS, data: strToU8(xml) }]))), 'xlsx-dtd-rejected');
  });

  it('a package whose relationships name another workbook part than the one exceljs reads is refused', async () => {
    const rels = strFromU8(entries.find((e) => e.name === '_rels/.rels')?.data ?? new Uint8Array()).replace('xl/workbook.xml', 'xl/other.xml');
    refused(await importXlsx(craftZip(withPart('_rels/.rels', () => [{ name: '_rels/.rels', data: strToU8(rels) }]))), 'xlsx-no-workbook');
  });

  it('an .xlsm with a VBA project is read for its cell values only, with a note that its macros were not run', async () => {
    const vba: CraftEntry = { name: 'xl/vbaProject.bin', data: strToU8('Attribute VB_Name = "Module1"\nSub Auto_Open()\nEnd Sub') };
    const r = await importXlsx(craftZip([...entries, vba]));
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
    expect(r.diagnostics.filter((d) => d.code === 'xlsx-macros-not-run').map((d) => d.severity)).toEqual(['info']);
  });
});

describe('through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a hostile .xlsx is exit 3 (input not read) with one sentence naming the file, and the good workbook beside it is checked', async () => {
    writeFileSync(join(dir, 'hidden.xlsx'), craftZip([{ name: STRINGS, data: hiddenStrings(), orphan: true }, ...entries]));
    writeFileSync(join(dir, 'good.xlsx'), craftZip(entries));
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)), stderr: (c) => err.push(c), cwd: dir, env: {}, stdoutIsTTY: false };
    const code = await execute(['check', '.', '--format', 'json', '--locale', 'en', '--jobs', '1'], io);
    expect(code).toBe(3);
    expect(err.join('')).toMatch(/hidden\.xlsx[\s\S]*outside its zip directory/);
    const doc = JSON.parse(out.join('')) as { results: { source: string; positions?: Record<string, { cell?: string }> }[] };
    expect(doc.results.map((r) => r.source)).toEqual(['good.xlsx']);
  });
});

describe('workbooks within the byte caps that would cost exceljs seconds and hundreds of MB (issue 11, item 2)', () => {
  const SHEET = 'xl/worksheets/sheet1.xml';
  const sheetXml = () => strFromU8(entries.find((e) => e.name === SHEET)?.data ?? new Uint8Array());
  /** The seed's sheet with `extra` appended to its rows. */
  const withRows = (extra: string) => withPart(SHEET, () => [{ name: SHEET, data: strToU8(sheetXml().replace('</sheetData>', `${extra}</sheetData>`)) }]);

  it('400,000 empty rows (6 MB) are too complex', async () => {
    const rows = Array.from({ length: 400_000 }, (_, i) => `<row r="${String(i + 1000)}"/>`).join('');
    const r = await importXlsx(craftZip(withRows(rows)));
    refused(r, 'xlsx-too-complex');
    expect(r.diagnostics[0]?.message.en).toBe('This file is beyond the size of a form (more than 300,000 XML elements); it is not read.');
  });

  it('200,000 shared strings (400,000 elements, 3.4 MB) are too complex', async () => {
    const xml = strFromU8(entries.find((e) => e.name === STRINGS)?.data ?? new Uint8Array()).replace('</sst>', `${'<si><t>x</t></si>'.repeat(200_000)}</sst>`);
    refused(await importXlsx(craftZip(withPart(STRINGS, () => [{ name: STRINGS, data: strToU8(xml) }]))), 'xlsx-too-complex');
  });

  it('sheets whose XML together passes 16 MB (two of 9 MB of blanks; each within the 16 MB cap) are too large', async () => {
    const blanks = new Uint8Array(9 * 1024 * 1024).fill(0x20);
    refused(await importXlsx(craftZip([...entries, { name: 'xl/worksheets/sheet8.xml', data: blanks }, { name: 'xl/worksheets/sheet9.xml', data: blanks }])), 'xlsx-too-large');
  });

  it('the limit leaves room for a large workbook: 50,000 rows of one empty cell each are read', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${String(i + 1000)}"><c r="A${String(i + 1000)}"/></row>`).join('');
    const r = await importXlsx(craftZip(withRows(rows)));
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  }, 60_000);
});
