/**
 * Files a bureau receives besides Word 2007+ .docx: .doc, .odt, and .docx saved by LibreOffice, made from the
 * example forms by LibreOffice in the setup below, must read to the same evaluation as the originals (every
 * checkbox encoding of domain.md §2); the converter's failures (missing, hanging, crashing, unreadable input)
 * are data with their own codes; macros never run.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluation, type Evaluation } from '@jixiao/core';
import { DOCX_ENCODINGS, renderFormDocx, type DocxEncoding } from '../scripts/render-docx.js';
import { importDocx } from '../src/docx/import-docx.js';
import { renderFormText } from '../src/form/render.js';
import { importText } from '../src/text/import-text.js';
import type { ImportResult } from '../src/diagnostics.js';
import { importBuffer } from '../src/node/import-node.js';
import { ConversionSlots } from '../src/node/slots.js';
import { craftCompoundFile } from '../../../test/hostile/docx-craft.js';
import { tempDir } from '../../../test/setup/temp.js';
import { Converter, libreOffice } from './libreoffice.js';

const EXAMPLE = new URL('../../../examples/beita-justice-2020/', import.meta.url);
const seed = parseEvaluation(JSON.parse(readFileSync(new URL('evaluation.json', EXAMPLE), 'utf8')));

/** The values read, without how each answer was resolved (its raw text names the encoding). */
function values(r: ImportResult): Omit<Evaluation, 'answerResolution'> {
  if (!r.ok) throw new Error(`not read: ${JSON.stringify(r.diagnostics)}`);
  const { answerResolution: _a, ...rest } = r.evaluation;
  return rest;
}
const how = (r: ImportResult) => (r.ok ? Object.fromEntries(Object.entries(r.evaluation.answerResolution ?? {}).map(([k, v]) => [k, v.how])) : {});

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('LibreOffice conversions of the example forms', () => {
  let lo: Converter;
  const originals = new Map<DocxEncoding, string>();
  let odt: string[] = [];
  let doc: string[] = [];
  let docxBack: string[] = [];
  let docBack: string[] = [];
  /** Encodings read through the converter under test (each conversion is a LibreOffice start: a few seconds). */
  const THROUGH_DOC: readonly DocxEncoding[] = ['example', 'content-control', 'sym-wingdings'];

  beforeAll(async () => {
    lo = new Converter(soffice ?? '');
    for (const encoding of DOCX_ENCODINGS) {
      const file = join(lo.dir, `${encoding}.docx`);
      writeFileSync(file, await renderFormDocx(seed, encoding));
      originals.set(encoding, file);
    }
    const files = [...originals.values()];
    // .docx → .odt → .doc: LibreOffice 7.4 reads back the .doc it writes straight from these .docx files with the
    // table flattened into one paragraph (the .doc itself holds the table: antiword shows it), so the .doc is made
    // from the .odt, as a unit that keeps its forms in LibreOffice would.
    odt = lo.convert(files, 'odt');
    doc = lo.convert(odt, 'doc');
    docxBack = lo.convert(odt, 'docx', { subdir: 'back' });
    docBack = lo.convert(doc, 'docx', { subdir: 'doc-back' });
  }, 240_000);

  it.each([
    ['a .docx saved by LibreOffice (from the .odt)', () => docxBack],
    ['a .doc made by LibreOffice, converted back to .docx', () => docBack],
  ])('%s reads as the original in every checkbox encoding: no mark lost, no new warning', (_what, files) => {
    for (const [i, encoding] of DOCX_ENCODINGS.entries()) {
      const original = importDocx(new Uint8Array(readFileSync(originals.get(encoding) ?? '')));
      const resaved = importDocx(new Uint8Array(readFileSync(files()[i] ?? '')));
      expect(values(resaved), encoding).toEqual(values(original));
      expect(how(resaved), encoding).toEqual(how(original));
      // No new error or warning: LibreOffice's content-control glyph ☒ is read as ticked (an info note).
      expect(resaved.diagnostics.filter((d) => d.severity !== 'info'), encoding).toEqual(original.diagnostics.filter((d) => d.severity !== 'info'));
    }
  });

  it('a .doc is converted and reads as the original .docx: ticks and empty boxes survive as glyphs, never as “(”', async () => {
    const reads = await Promise.all(
      THROUGH_DOC.map(async (encoding) => {
        const bytes = new Uint8Array(readFileSync(doc[DOCX_ENCODINGS.indexOf(encoding)] ?? ''));
        return [encoding, await importBuffer(bytes, { filename: `${encoding}.doc` })] as const;
      }),
    );
    for (const [encoding, r] of reads) {
      expect(r.kind, encoding).toBe('doc');
      expect(values(r), encoding).toEqual(values(importDocx(new Uint8Array(readFileSync(originals.get(encoding) ?? '')))));
      if (!r.ok) continue;
      expect(r.diagnostics[0]?.code).toBe('converted');
      for (const res of Object.values(r.evaluation.answerResolution ?? {})) {
        expect(res.how, `${encoding}: ${res.raw}`).toBe('explicit');
        expect(res.raw).not.toContain('(');
      }
      expect(r.positions['income.total']?.cell).toMatch(/^table 1, row \d+, cell 2$/);
    }
  }, 120_000);

  it('an .odt is converted and reads as the original', async () => {
    const r = await importBuffer(new Uint8Array(readFileSync(odt[DOCX_ENCODINGS.indexOf('example')] ?? '')), { filename: 'form.odt' });
    expect(r.kind).toBe('odt');
    expect(values(r)).toEqual(values(importDocx(new Uint8Array(readFileSync(originals.get('example') ?? '')))));
  }, 60_000);

  it('an .xls is converted to .xlsx and read by the workbook reader: the seed laid out in a sheet reads as its text does, positions naming Sheet!B7', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('自评表');
    for (const line of renderFormText(seed).split('\n')) sheet.addRow(line.split('\t'));
    const xlsx = join(lo.dir, 'scores.xlsx');
    writeFileSync(xlsx, new Uint8Array(await book.xlsx.writeBuffer()));
    const [xls] = lo.convert([xlsx], 'xls');
    const r = await importBuffer(new Uint8Array(readFileSync(xls ?? '')), { filename: 'scores.xls' });
    const text = importText(renderFormText(seed));
    expect(r.kind).toBe('xls');
    expect(r.diagnostics[0]?.code).toBe('converted');
    expect(r.ok && text.ok && [r.evaluation.unit.name, r.evaluation.income.total, r.evaluation.staffing.actual]).toEqual(text.ok && [text.evaluation.unit.name, text.evaluation.income.total, text.evaluation.staffing.actual]);
    expect(r.ok && r.positions['income.total']?.cell).toMatch(/^自评表![A-Z]+\d+$/);
  }, 60_000);

  it('WPS files are read as .doc and .xls are: a .doc named .wps and an .xls named .et read exactly as they do, under their own kind', async () => {
    // WPS Office saves 文字 and 表格 files in the Word and Excel 97-2003 formats (a compound file with a WordDocument
    // or Workbook stream: what routes them to LibreOffice, which finds the format by content). No real .wps or .et can
    // be made here (LibreOffice reads them but writes neither), so LibreOffice's .doc and .xls stand in, named so.
    const docBytes = new Uint8Array(readFileSync(doc[DOCX_ENCODINGS.indexOf('example')] ?? ''));
    const xlsBytes = new Uint8Array(readFileSync(new URL('../../../test/hostile/encrypted/plain.xls', import.meta.url)));
    const [asDoc, asWps, asXls, asEt] = await Promise.all([
      importBuffer(docBytes, { filename: 'form.doc' }),
      importBuffer(docBytes, { filename: 'form.wps' }),
      importBuffer(xlsBytes, { filename: 'form.xls' }),
      importBuffer(xlsBytes, { filename: 'form.et' }),
    ]);
    const apart = (r: ImportResult) => ({ ...r, kind: undefined, diagnostics: r.diagnostics.filter((d) => d.code !== 'converted') });
    expect([asWps.kind, asEt.kind]).toEqual(['wps', 'et']);
    expect(asWps.ok && asEt.ok).toBe(true);
    expect(apart(asWps)).toEqual(apart(asDoc));
    expect(apart(asEt)).toEqual(apart(asXls));
    expect(asWps.diagnostics[0]?.message['zh-CN']).toMatch(/^WPS 文字（\.wps） 文件经 LibreOffice 转换后读取/);
  }, 120_000);

  it('an unreadable .doc is a conversion failure with LibreOffice’s reason, not a crash', async () => {
    const bogus = new Uint8Array(4096);
    bogus.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await importBuffer(bogus, { filename: 'broken.doc' });
    expect(r.ok).toBe(false);
    expect(r.kind).toBe('doc');
    expect(r.diagnostics[0]?.code).toBe('converter-failed');
  }, 60_000);
});

describe('the converter process', () => {
  let scratch: string;
  let oldTmp: string | undefined;
  const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);

  beforeAll(() => {
    scratch = tempDir('jixiao-fake-soffice-');
    // The converter's temporary folders go here, so the test can see that none is left behind.
    oldTmp = process.env.TMPDIR;
    process.env.TMPDIR = join(scratch, 'tmp');
    mkdirSync(process.env.TMPDIR);
  });
  afterAll(() => {
    if (oldTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = oldTmp;
  });

  const fake = (name: string, body: string): string => {
    const file = join(scratch, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('a soffice given that does not exist: the message names it', async () => {
    const r = await importBuffer(doc, { filename: 'a.doc', converter: { soffice: join(scratch, 'nowhere/soffice') } });
    expect(r.diagnostics[0]?.code).toBe('converter-missing');
    expect(r.diagnostics[0]?.message['zh-CN']).toContain('nowhere/soffice');
  });

  it('a converter that hangs is stopped at the time limit, with its children, and its folder removed', async () => {
    const pidFile = join(scratch, 'child.pid');
    const hang = fake('hang', `sleep 30 &\necho $! > ${pidFile}\nwait`);
    const started = Date.now();
    const r = await importBuffer(doc, { filename: 'a.doc', converter: { soffice: hang, timeoutMs: 500 } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.diagnostics[0]?.code).toBe('converter-timeout');
    const child = Number(readFileSync(pidFile, 'utf8'));
    // Gone, or a zombie waiting to be reaped by init (killed, no longer running).
    const state = (() => {
      try {
        return /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${String(child)}/stat`, 'utf8'))?.[1];
      } catch {
        return undefined;
      }
    })();
    expect(state === undefined || state === 'Z').toBe(true);
    expect(readdirSync(process.env.TMPDIR ?? '')).toEqual([]);
  });

  it('a converter that crashes: its last words are the reason, and its folder is removed', async () => {
    const crash = fake('crash', 'echo "Error: source file could not be loaded" >&2\nexit 1');
    const r = await importBuffer(doc, { filename: 'a.doc', converter: { soffice: crash } });
    expect(r.diagnostics[0]?.code).toBe('converter-failed');
    expect(r.diagnostics[0]?.message.en).toContain('source file could not be loaded');
    expect(readdirSync(process.env.TMPDIR ?? '')).toEqual([]);
  });

  it('the original file name never reaches the command line', async () => {
    const argsFile = join(scratch, 'args');
    const record = fake('record', `echo "$@" > ${argsFile}\nexit 1`);
    await importBuffer(doc, { filename: '恶意 $(touch x) ; 名称.doc', converter: { soffice: record } });
    const args = readFileSync(argsFile, 'utf8');
    expect(args).toMatch(/input\.doc$/m);
    expect(args).not.toContain('恶意');
    expect(args).toContain('--headless');
    expect(args).toContain('-env:UserInstallation=file://');
  });

  it('at most `limit` conversions run at once', async () => {
    const slots = ConversionSlots.create(2);
    const logFile = join(scratch, 'concurrency');
    const slow = fake('slow', `echo start >> ${logFile}\nsleep 0.3\necho end >> ${logFile}\nexit 1`);
    await Promise.all(Array.from({ length: 5 }, () => importBuffer(doc, { filename: 'a.doc', converter: { soffice: slow, slots } })));
    let running = 0;
    let peak = 0;
    for (const event of readFileSync(logFile, 'utf8').trim().split('\n')) {
      running += event === 'start' ? 1 : -1;
      peak = Math.max(peak, running);
    }
    expect(peak).toBe(2);
    expect(slots.inUse).toBe(0);
  });

  it('a password-protected Office 2007+ file is named as such, never sent to the converter', async () => {
    const argsFile = join(scratch, 'encrypted-args');
    const record = fake('record-encrypted', `echo "$@" > ${argsFile}\nexit 1`);
    const r = await importBuffer(craftCompoundFile(['EncryptionInfo', 'EncryptedPackage']), { filename: 'form.doc', converter: { soffice: record } });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['docx-encrypted']);
    expect(() => readFileSync(argsFile)).toThrow();
  });
});
