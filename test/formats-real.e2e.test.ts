/**
 * The real published documents (examples/real, and the seed form) as a bureau may receive them: copies made by
 * LibreOffice as Word 97-2003 .doc and as PDF (the held-out set of issue 14 is made the same way). Each copy is
 * recognised as the same template and gets the same outcome for every rule as its original — or, for a form we
 * do not check (a scoring sheet, a 项目支出 form), the same refusal. A document whose expected.json says why its
 * copies lose its layout (`copies`: a web page's table kept as ` |` text, which a Word copy holds as paragraphs and
 * a PDF wraps) is held to less, and only to that: each copy is the same template, read or refused as a scoring
 * sheet, and every figure a copy reads is the original's (a copy may read fewer, never another).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBuffer } from '@jixiao/import/node';
import { Converter, libreOffice } from '../packages/import/test/libreoffice.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const REAL = join(ROOT, 'examples/real');

interface JsonReport {
  results: { source: string; template?: { id: string }; findings: { ruleId: string; outcome: string }[] }[];
  unread: { source: string; reason: string }[];
}

/** The CLI's JSON report of a folder (one CLI process, `--jobs 1`; several folders may be checked at once). */
function report(folder: string): Promise<JsonReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'check', folder, '--format', 'json', '--locale', 'en', '--jobs', '1'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 600_000 });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as JsonReport);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Each document's outcome, by name without extension: its template and every rule's outcome, or why it was not read. */
function outcomes(report: JsonReport): Record<string, unknown> {
  const name = (source: string) => basename(source, extname(source));
  return {
    ...Object.fromEntries(report.results.map((x) => [name(x.source), { template: x.template?.id, findings: x.findings.map((f) => `${f.ruleId} ${f.outcome}`) }])),
    // The refusal (a converted file's reason goes on to say it was converted).
    ...Object.fromEntries(report.unread.map((u) => [name(u.source), { unread: u.reason.split('\n')[0] }])),
  };
}

/** The documents whose copies lose their layout (expected.json `copies`), by file name without extension. */
const layoutLost = new Set(
  readdirSync(REAL, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((d) => JSON.parse(readFileSync(join(REAL, d.name, 'expected.json'), 'utf8')) as { file: string; copies?: string })
    .filter((e) => e.copies !== undefined)
    .map((e) => basename(e.file, extname(e.file))),
);

/** A copy's outcome as compared: for a document whose copies lose their layout, its template only (read, or refused naming it). */
function compared(all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(all).map(([name, o]) => {
      if (!layoutLost.has(name)) return [name, o];
      const x = o as { template?: string; unread?: string };
      return [name, x.template ?? /template ([a-z0-9-]+)/.exec(x.unread ?? '')?.[1]];
    }),
  );
}

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('real documents as .doc and PDF copies made by LibreOffice', () => {
  let lo: Converter;
  let originals: string;
  let docs: string;
  let pdfs: string;

  beforeAll(() => {
    lo = new Converter(soffice ?? '');
    originals = join(lo.dir, 'originals');
    mkdirSync(originals);
    for (const d of readdirSync(REAL, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const { file } = JSON.parse(readFileSync(join(REAL, d.name, 'expected.json'), 'utf8')) as { file: string };
      copyFileSync(join(REAL, d.name, file), join(originals, file));
    }
    copyFileSync(join(ROOT, 'examples/beita-justice-2020/form.docx'), join(originals, 'beita-justice-2020.docx'));
    const texts = readdirSync(originals).filter((n) => n.endsWith('.txt')).map((n) => join(originals, n));
    const form = join(originals, 'beita-justice-2020.docx');
    // Text as the UTF-8 it is (LibreOffice would otherwise guess its encoding); the form's .doc by way of .odt
    // (LibreOffice 7.4 flattens its tables when it writes a .doc straight from the .docx).
    lo.convert(texts, 'doc', { subdir: 'doc', infilter: 'Text (encoded):UTF8' });
    lo.convert(texts, 'pdf', { subdir: 'pdf', infilter: 'Text (encoded):UTF8' });
    lo.convert(lo.convert([form], 'odt'), 'doc');
    lo.convert([form], 'pdf');
    docs = join(lo.dir, 'doc');
    pdfs = join(lo.dir, 'pdf');
  }, 600_000);

  it('each copy reads as its original: the same template and outcomes, or the same refusal', async () => {
    // The three folders are checked at once: the .doc copies' conversions and the PDFs' readings share the cores.
    const [original, doc, pdf] = (await Promise.all([originals, docs, pdfs].map(report))).map(outcomes);
    const expected = original ?? {};
    expect(Object.keys(expected)).toHaveLength(43);
    expect(Object.values(expected).filter((o) => 'findings' in (o as object))).toHaveLength(23);
    expect(layoutLost.size).toBe(4);
    expect(compared(doc ?? {})).toEqual(compared(expected));
    expect(compared(pdf ?? {})).toEqual(compared(expected));
  }, 900_000);

  it('each copy reads every figure its original states (expected.json) as the original reads it', async () => {
    // A path the reader left out altogether is not the same as one it read as blank (null).
    const get = (record: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && k in v ? (v as Record<string, unknown>)[k] : 'absent'), record);
    const read = async (folder: string, name: string) => {
      const file = readdirSync(folder).find((n) => basename(n, extname(n)) === name) ?? `${name} (missing)`;
      const r = await importBuffer(new Uint8Array(readFileSync(join(folder, file))), { filename: file });
      return r.ok ? r.evaluation : undefined;
    };
    let figures = 0;
    for (const d of readdirSync(REAL, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const { file, fields = {} } = JSON.parse(readFileSync(join(REAL, d.name, 'expected.json'), 'utf8')) as { file: string; fields?: Record<string, unknown> };
      // A refused document states no figure (its refusal is the first test's): nothing to read it for.
      if (Object.keys(fields).length === 0) continue;
      const name = basename(file, extname(file));
      const [original, doc, pdf] = await Promise.all([read(originals, name), read(docs, name), read(pdfs, name)]);
      for (const path of Object.keys(fields)) {
        figures++;
        const copies = { doc: get(doc, path), pdf: get(pdf, path) };
        if (layoutLost.has(name)) {
          // Fewer figures, never another: what a copy reads is the original's.
          for (const v of Object.values(copies)) if (v !== null && v !== 'absent') expect(v, `${d.name} ${path}`).toEqual(get(original, path));
        } else expect(copies, `${d.name} ${path}`).toEqual({ doc: get(original, path), pdf: get(original, path) });
      }
    }
    expect(figures).toBe(172);
  }, 900_000);
});
