// Every file a bureau receives (issues 14 and 11): text in UTF-16 saved without a byte-order mark is read as the
// form it is, and binary data — NUL bytes, random bytes, an image, a program — is named for what it is (exit 3,
// `binary-file`), never "这不是部门整体支出绩效自评表" (which says the text was read and the form's labels were not in it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '@jixiao/cli';
import { importBuffer as importBrowser } from '@jixiao/import';
import { importBuffer as importNode } from '@jixiao/import/node';
import { startServe } from '../../packages/cli/src/commands/serve.js';
import { folders, jixiao, ROOT } from './cli-run.js';

const { tmp } = folders('jixiao-hostile-bytes-');
const SEED_TEXT = readFileSync(join(ROOT, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt'), 'utf8');

/** `text` as UTF-16 code units, without a byte-order mark (Node's own encoder, swapped for big-endian). */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le');
  if (order === 'be') bytes.swap16();
  return new Uint8Array(bytes);
}

/** A real 8×8 grey PNG (signature, IHDR, IDAT, IEND, each chunk with its CRC-32), as a scanner or phone saves a page. */
function png(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace 0
  const rows = Buffer.alloc(8 * 9, 0x80);
  for (let r = 0; r < 8; r++) rows[r * 9] = 0; // filter byte of each row
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

/** Random-looking bytes, the same every run (a linear congruential generator). */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('UTF-16 text without a byte-order mark', () => {
  it.each(['le', 'be'] as const)('the seed form in UTF-16%s reads as the UTF-8 seed does: the same evaluation, diagnostics, positions and template', async (order) => {
    const utf8 = await importBrowser(new TextEncoder().encode(SEED_TEXT), { filename: 'form.txt' });
    expect(utf8.ok).toBe(true);
    for (const importBuffer of [importBrowser, importNode]) {
      expect(await importBuffer(utf16(SEED_TEXT, order), { filename: 'form.txt' })).toEqual(utf8);
    }
  });

  it('a damaged one (a byte missing at its end) still reads, with the place named', async () => {
    const bytes = utf16(SEED_TEXT, 'le');
    const r = await importBrowser(bytes.subarray(0, bytes.length - 1), { filename: 'form.txt' });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'invalid-encoding').map((d) => d.message.en)).toHaveLength(1);
  });

  it('through the CLI the UTF-16 copies give the UTF-8 seed\u2019s report: the same findings, diagnostics and exit code', async () => {
    // Each copy under the same name in a folder of its own: the reports are then the same bytes.
    const run = async (bytes: string | Uint8Array) => {
      const dir = tmp();
      writeFileSync(join(dir, 'form.txt'), bytes);
      return jixiao(dir, ['check', 'form.txt', '--format', 'json', '--locale', 'en']);
    };
    const utf8 = await run(SEED_TEXT);
    const report = JSON.parse(utf8.stdout) as { results: { findings: unknown[]; diagnostics?: unknown[] }[]; unread: unknown[] };
    expect([report.unread, report.results.length]).toEqual([[], 1]);
    expect(report.results[0]?.findings.length).toBeGreaterThan(10);
    expect(await run(utf16(SEED_TEXT, 'le'))).toEqual(utf8);
    expect(await run(utf16(SEED_TEXT, 'be'))).toEqual(utf8);
  });
});

describe('binary data is named for what it is, never "not a form"', () => {
  const executable = new Uint8Array(readFileSync(process.execPath).subarray(0, 4096));
  it.each([
    ['NUL bytes', new Uint8Array(4096), 'form.txt', /nothing but zero bytes \(NUL\)/, /全是零字节/],
    ['random bytes', noise(4096), 'form.txt', /^This is binary data/, /^这是二进制数据/],
    ['random bytes, no name', noise(4096), undefined, /^This is binary data/, /^这是二进制数据/],
    ['a PNG image', png(), '自评表.txt', /^This is an image \(PNG\).*needs OCR/, /^这是图片文件（PNG）.*需 OCR/],
    ['a PNG named .docx', png(), '自评表.docx', /^This is an image \(PNG\)/, /^这是图片文件（PNG）/],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...noise(2000)]), 'scan.jpg', /^This is an image \(JPEG\)/, /^这是图片文件（JPEG）/],
    ['the node executable', executable, 'form', /^This is an executable program \(ELF\)/, /^这是可执行程序（ELF）/],
    ['a Windows program', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...noise(1000)]), 'form.exe', /^This is an executable program \(Windows EXE\/DLL\)/, /^这是可执行程序/],
    ['a gzip archive', new Uint8Array(gzipSync(SEED_TEXT)), 'forms.txt.gz', /^This is a compressed archive \(gzip\)/, /^这是压缩包（gzip）/],
  ])('%s: binary-file, in both languages', async (_what, bytes, filename, en, zh) => {
    for (const importBuffer of [importBrowser, importNode]) {
      const r = await importBuffer(bytes, filename === undefined ? {} : { filename });
      expect([r.ok, r.kind, ...r.diagnostics.map((d) => `${d.severity} ${d.code}`)]).toEqual([false, 'unknown', 'error binary-file']);
      expect(r.diagnostics[0]?.message.en).toMatch(en);
      expect(r.diagnostics[0]?.message['zh-CN']).toMatch(zh);
    }
  });

  it('text that only looks odd is still text: a form with a NUL byte in it is read, the NUL named with its line', async () => {
    const r = await importBrowser(new TextEncoder().encode(SEED_TEXT.replace('北塔区司法局', '北塔区\0司法局')), { filename: 'form.txt' });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'unreadable-character').map((d) => d.line)).toEqual([9]);
  });

  it('through the CLI: each binary file is unread with its reason (exit 3), the form beside them is checked', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'zeros.txt'), new Uint8Array(4096));
    writeFileSync(join(dir, '自评表.docx'), png());
    writeFileSync(join(dir, 'good.txt'), SEED_TEXT);
    for (const [locale, zeros, scan] of [
      ['en', 'nothing but zero bytes', 'This is an image (PNG)'],
      ['zh-CN', '全是零字节', '这是图片文件（PNG）'],
    ] as const) {
      const r = await jixiao(dir, ['check', '.', '--format', 'json', '--locale', locale, '--jobs', '1']);
      expect(r.code).toBe(3);
      const report = JSON.parse(r.stdout) as { results: { source: string }[]; unread: { source: string; reason: string }[] };
      expect(report.results.map((x) => x.source)).toEqual(['good.txt']);
      const reasons = Object.fromEntries(report.unread.map((u) => [u.source, u.reason]));
      expect(Object.keys(reasons).sort()).toEqual(['zeros.txt', '自评表.docx']);
      expect(reasons['zeros.txt']).toContain(zeros);
      expect(reasons['自评表.docx']).toContain(scan);
      expect(JSON.stringify(reasons)).not.toMatch(/not a 部门整体支出绩效自评 form|这不是部门整体支出绩效自评表/);
    }
  });
});

describe('through the HTTP API', () => {
  const io = (): CliIo => ({ stdout: () => undefined, stderr: () => undefined, cwd: ROOT, env: {}, stdoutIsTTY: false });

  it('a multipart request lists a binary file as unread with its reason in the request\u2019s language only (before: both, whatever was asked); the form beside it is checked', async () => {
    const { app, url } = await startServe({ port: '0', host: '127.0.0.1' }, io());
    try {
      const unread = async (query: string, headers: Record<string, string> = {}) => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(4096)]), 'zeros.txt');
        form.append('file', new Blob([SEED_TEXT]), 'good.txt');
        const res = await fetch(`${url}/v1/check?format=json${query}`, { method: 'POST', body: form, headers });
        expect([res.status, res.headers.get('x-jixiao-unread')]).toEqual([200, '1']);
        const report = (await res.json()) as { results: { source: string }[]; unread: { source: string; reason: string }[] };
        expect(report.results.map((r) => r.source)).toEqual(['good.txt']);
        expect(report.unread.map((u) => u.source)).toEqual(['zeros.txt']);
        return report.unread[0]?.reason;
      };
      const en = 'The file holds nothing but zero bytes (NUL), no text at all: it is damaged (e.g. a copy or download that did not finish).';
      const zh = '文件内容全是零字节（NUL），没有任何文字：文件已损坏（如复制或下载未完成）。';
      for (const reason of [await unread('&locale=en'), await unread('', { 'accept-language': 'en-US,en;q=0.9' })]) {
        expect(reason).toBe(`error [binary-file]: ${en}`);
      }
      for (const reason of [await unread(''), await unread('&locale=zh-CN', { 'accept-language': 'en' })]) {
        expect(reason).toMatch(new RegExp(`^错误 \\[binary-file\\][:：] ?${zh.replace(/[()（）.]/g, '\\$&')}$`));
      }
    } finally {
      await app.close();
    }
  }, 60_000);
});
