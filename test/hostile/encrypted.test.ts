// Password-protected Office 2007+ files made by a real tool (issues 11 and 14): encrypted/locked.docx and
// encrypted/locked.xlsx (officecrypto-tool's agile encryption, as Word's and Excel's "Encrypt with Password"; see
// encrypted/make-encrypted-ooxml.mjs) under every name a careless sender gives them. Each gets one sentence saying it
// is encrypted, naming a workbook a workbook, in the browser-safe reader, the Node reader, a CLI batch (exit 3, the
// other forms checked) and the HTTP API (422 with the reason). The .doc/.xls/.odt/.ods of encrypted/ are tested in
// packages/import/test/encrypted.test.ts and formats.test.ts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '@jixiao/cli';
import { importBuffer as importBrowser } from '@jixiao/import';
import { importBuffer as importNode } from '@jixiao/import/node';
import { startServe } from '../../packages/cli/src/commands/serve.js';
import { folders, ROOT, SEED } from './cli-run.js';

const { tmp } = folders('jixiao-hostile-encrypted-');
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const FIXTURES = join(ROOT, 'test/hostile/encrypted');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

const WORKBOOK = 'This Excel file is encrypted (it has a password to open); remove the password, save it and submit that.';
const DOCUMENT = 'This .docx is encrypted (it has a password to open); remove the password in Word, save it and submit that.';
const OFFICE = 'This Office file is encrypted (it has a password to open) and cannot be read. Remove the password, save it again and submit the unencrypted file.';

describe('an encrypted Office 2007+ file under any name', () => {
  // The encrypted package does not say whether a document or a workbook is inside: the name does, and where the
  // name is not an Office one the sentence names neither (before: every name but .xlsx/.xlsm was called "a .docx").
  it.each([
    ['locked.docx', 'form.docx', 'docx', 'docx-encrypted', DOCUMENT],
    ['locked.docx', 'form.doc', 'docx', 'docx-encrypted', DOCUMENT],
    ['locked.docx', 'form.wps', 'docx', 'docx-encrypted', DOCUMENT],
    ['locked.docx', 'form.odt', 'docx', 'docx-encrypted', DOCUMENT],
    ['locked.xlsx', 'form.xlsx', 'xlsx', 'xlsx-encrypted', WORKBOOK],
    ['locked.xlsx', 'form.xlsm', 'xlsx', 'xlsx-encrypted', WORKBOOK],
    ['locked.xlsx', '评分表.XLS', 'xlsx', 'xlsx-encrypted', WORKBOOK],
    ['locked.xlsx', 'form.et', 'xlsx', 'xlsx-encrypted', WORKBOOK],
    ['locked.xlsx', 'form.ods', 'xlsx', 'xlsx-encrypted', WORKBOOK],
    ['locked.xlsx', 'form.txt', 'unknown', 'password-protected', OFFICE],
    ['locked.docx', 'form.pdf', 'unknown', 'password-protected', OFFICE],
    ['locked.docx', undefined, 'unknown', 'password-protected', OFFICE],
  ])('%s named %s: %s, %s', async (name, filename, kind, code, en) => {
    for (const importBuffer of [importBrowser, importNode]) {
      const r = await importBuffer(fixture(name), filename === undefined ? {} : { filename, converter: { soffice: '/nonexistent/soffice' } });
      expect([r.ok, r.kind, ...r.diagnostics.map((d) => `${d.severity} ${d.code}`)]).toEqual([false, kind, `error ${code}`]);
      expect(r.diagnostics[0]?.message.en).toBe(en);
      expect(r.diagnostics[0]?.message['zh-CN']).toMatch(/已加密（设有打开密码）.*取消密码后另存.*提交.*。$/);
    }
  });
});

interface JsonReport {
  results: { source: string }[];
  unread: { source: string; reason: string }[];
}

describe('in a CLI batch', () => {
  it('each encrypted file is not read with its own sentence (exit 3); the forms beside them are checked — the same with --jobs 1 and the worker pool', () => {
    const dir = tmp();
    const forms = join(dir, 'forms');
    mkdirSync(forms);
    // Encrypted files refused before any converter is started (an encrypted .xls is tried first: formats.test.ts).
    const locked = { 'locked.docx': 'locked.docx', 'locked.xlsx': 'locked.xlsx', 'renamed.xls': 'locked.xlsx', 'locked.doc': 'locked.doc', 'locked.odt': 'locked.odt', 'locked.ods': 'locked.ods' };
    for (const [as, name] of Object.entries(locked)) copyFileSync(join(FIXTURES, name), join(forms, as));
    copyFileSync(SEED, join(forms, 'good.json'));
    copyFileSync(join(ROOT, 'examples/beita-justice-2020/form.docx'), join(forms, 'good.docx'));
    copyFileSync(join(ROOT, 'examples/t5-chongqing-2021/form.xlsx'), join(forms, 'good.xlsx'));
    const run = (...extra: string[]) => spawnSync(process.execPath, [BIN, 'check', 'forms', '--format', 'json', '--locale', 'en', '--soffice', join(dir, 'no-soffice'), ...extra], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const one = run('--jobs', '1');
    const pool = run('--jobs', '2');
    for (const r of [one, pool]) {
      expect(r.status, r.stderr).toBe(3);
      const report = JSON.parse(r.stdout) as JsonReport;
      expect(report.results.map((x) => x.source).sort()).toEqual(['forms/good.docx', 'forms/good.json', 'forms/good.xlsx']);
      const reasons = Object.fromEntries(report.unread.map((u) => [u.source, u.reason]));
      expect(Object.keys(reasons).sort()).toEqual(Object.keys(locked).map((n) => `forms/${n}`).sort());
      expect(reasons['forms/locked.docx']).toBe(DOCUMENT);
      expect(reasons['forms/locked.xlsx']).toBe(WORKBOOK);
      expect(reasons['forms/renamed.xls']).toBe(WORKBOOK);
      for (const n of ['locked.doc', 'locked.odt', 'locked.ods']) expect(reasons[`forms/${n}`]).toMatch(/file is encrypted \(it has a password to open\) and cannot be read/);
    }
    expect(pool.stdout).toBe(one.stdout);
  }, 120_000);
});

describe('through the HTTP API', () => {
  const io = (): CliIo => ({ stdout: () => undefined, stderr: () => undefined, cwd: ROOT, env: {}, stdoutIsTTY: false });

  it('an encrypted upload is 422 unreadable-submission with its sentence in both languages; the server goes on checking', async () => {
    const { app, url } = await startServe({ port: '0', host: '127.0.0.1' }, io());
    try {
      const post = async (filename: string, body: Buffer<ArrayBuffer>) => {
        const res = await fetch(`${url}/v1/check?format=json&filename=${encodeURIComponent(filename)}`, { method: 'POST', body });
        return { status: res.status, body: (await res.json()) as { error?: { code: string; detail?: { reason?: string } }; results?: unknown[] } };
      };
      for (const [name, as, en] of [
        ['locked.docx', '北塔区司法局.docx', DOCUMENT],
        ['locked.xlsx', '评分表.xls', WORKBOOK],
        ['locked.xlsx', 'form', OFFICE],
      ] as const) {
        const r = await post(as, readFileSync(join(FIXTURES, name)));
        expect([r.status, r.body.error?.code], as).toEqual([422, 'unreadable-submission']);
        expect(r.body.error?.detail?.reason, as).toContain(en);
        expect(r.body.error?.detail?.reason, as).toMatch(/已加密（设有打开密码）/);
      }
      const good = await post('form.docx', readFileSync(join(ROOT, 'examples/beita-justice-2020/form.docx')));
      expect([good.status, good.body.results?.length]).toEqual([200, 1]);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('a multipart request of several files accounts for each: the encrypted ones listed with their sentences, the good forms checked (before: 422 for the whole request, naming only the first)', async () => {
    const { app, url } = await startServe({ port: '0', host: '127.0.0.1' }, io());
    try {
      const form = new FormData();
      const part = (file: string, name: string) => {
        form.append('file', new Blob([readFileSync(file)]), name);
      };
      part(join(FIXTURES, 'locked.docx'), 'locked.docx');
      part(join(ROOT, 'examples/beita-justice-2020/form.docx'), 'good.docx');
      part(join(FIXTURES, 'locked.xlsx'), 'renamed.xls');
      part(SEED, 'good.json');
      const res = await fetch(`${url}/v1/check?format=json&locale=en`, { method: 'POST', body: form });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-jixiao-unread')).toBe('2');
      const report = (await res.json()) as JsonReport;
      expect(report.results.map((r) => r.source)).toEqual(['good.docx', 'good.json']);
      expect(report.unread.map((u) => u.source)).toEqual(['locked.docx', 'renamed.xls']);
      expect(report.unread[0]?.reason).toContain(DOCUMENT);
      expect(report.unread[1]?.reason).toContain(WORKBOOK);
      // The same forms alone give the same results: the encrypted files cost them nothing.
      const alone = new FormData();
      alone.append('file', new Blob([readFileSync(join(ROOT, 'examples/beita-justice-2020/form.docx'))]), 'good.docx');
      alone.append('file', new Blob([readFileSync(SEED)]), 'good.json');
      const only = (await (await fetch(`${url}/v1/check?format=json&locale=en`, { method: 'POST', body: alone })).json()) as JsonReport;
      expect(report.results).toEqual(only.results);
    } finally {
      await app.close();
    }
  }, 60_000);
});
