/**
 * `jixiao serve` takes what a bureau receives, not only .docx: the example form as a Word 97-2003 .doc and as a PDF
 * (both made from examples/beita-justice-2020/form.docx by LibreOffice in the setup) is checked over HTTP with the
 * same findings as the .docx, and under the same limits (a body over --max-bytes is refused before it is read).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../packages/cli/src/io.js';
import { startServe } from '../packages/cli/src/commands/serve.js';
import { Converter, libreOffice } from '../packages/import/test/libreoffice.js';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const FORM = join(REPO, 'examples/beita-justice-2020/form.docx');
const PACKS = ['./rules/integrity', './rules/staffing', './rules/three-public', './rules/revenue'];

const io = (): CliIo => ({ stdout: () => undefined, stderr: () => undefined, cwd: REPO, env: {}, stdoutIsTTY: false });

interface Report {
  results: { source: string; findings: { ruleId: string; outcome: string }[]; positions?: Record<string, { page?: number; line?: number; paragraph?: number; cell?: string }> }[];
}

async function check(url: string, name: string, body: Buffer<ArrayBuffer>): Promise<{ status: number; report?: Report; error?: string }> {
  const res = await fetch(`${url}/v1/check?format=json&filename=${encodeURIComponent(name)}`, { method: 'POST', body });
  const json = (await res.json()) as Report & { error?: { code?: string } };
  return res.status === 200 ? { status: res.status, report: json } : { status: res.status, error: json.error?.code ?? '' };
}

const outcomes = (r: Report | undefined) => (r?.results[0]?.findings ?? []).map((f) => `${f.ruleId} ${f.outcome}`).sort();

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('jixiao serve: .doc and PDF uploads', () => {
  const files: Record<'docx' | 'doc' | 'pdf', Buffer<ArrayBuffer>> = { docx: readFileSync(FORM), doc: Buffer.alloc(0), pdf: Buffer.alloc(0) };

  beforeAll(() => {
    const lo = new Converter(soffice ?? '');
    const docx = join(lo.dir, 'form.docx');
    writeFileSync(docx, files.docx);
    // .docx → .odt → .doc (LibreOffice 7.4 flattens these tables when it writes a .doc straight from the .docx).
    const [doc] = lo.convert(lo.convert([docx], 'odt'), 'doc');
    const [pdf] = lo.convert([docx], 'pdf');
    files.doc = readFileSync(doc ?? '');
    files.pdf = readFileSync(pdf ?? '');
  }, 180_000);

  it('checks the .doc and the PDF with the same findings as the .docx; positions name the paragraph or the page', async () => {
    const { app, url } = await startServe({ port: '0', host: '127.0.0.1', pack: PACKS }, io());
    try {
      const docx = await check(url, 'form.docx', files.docx);
      const doc = await check(url, '北塔区司法局.doc', files.doc);
      const pdf = await check(url, '北塔区司法局.pdf', files.pdf);
      expect([docx.status, doc.status, pdf.status]).toEqual([200, 200, 200]);
      expect(outcomes(docx.report).length).toBeGreaterThan(10);
      expect(outcomes(doc.report)).toEqual(outcomes(docx.report));
      expect(outcomes(pdf.report)).toEqual(outcomes(docx.report));
      expect(doc.report?.results[0]?.source).toBe('北塔区司法局.doc');
      // The report places the fields of failed findings (the income total's first field, 本级财政预算安排).
      expect(doc.report?.results[0]?.positions?.['income.localBudget']?.cell).toMatch(/^table 1, row \d+, cell 2$/);
      expect(pdf.report?.results[0]?.positions?.['income.localBudget']).toMatchObject({ page: 1, line: expect.any(Number) as number });
    } finally {
      await app.close();
    }
  }, 180_000);

  it('holds a .doc and a PDF to the same body limit as a .docx: over --max-bytes, 413 before anything is read', async () => {
    const limit = Math.min(files.docx.length, files.doc.length, files.pdf.length) - 1;
    const { app, url } = await startServe({ port: '0', host: '127.0.0.1', pack: PACKS, maxBytes: String(limit) }, io());
    try {
      for (const [name, body] of [['form.docx', files.docx], ['form.doc', files.doc], ['form.pdf', files.pdf]] as const) {
        expect((await check(url, name, body)).status, name).toBe(413);
      }
    } finally {
      await app.close();
    }
  }, 60_000);
});
