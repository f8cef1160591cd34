// `jixiao serve` for other systems: CORS for the origins named with --cors, waivers applied to every answer
// (--waivers), one access-log line per request on standard output (never form content), and every 4xx in the
// documented error shape — including requests the HTTP parser refuses before fastify sees them (a ?filename=
// with raw UTF-8 used to get fastify's generic `{"error":"Bad Request","message":"Client Error"}`).
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { tempDir } from '../../../../test/setup/temp.js';
import { startServeApp } from './serve-app.js';

const REPO = resolve(fileURLToPath(import.meta.url), '../../../../..');
const SEED = resolve(REPO, 'examples/beita-justice-2020/evaluation.json');
const PACKS = ['./rules/integrity', './rules/staffing'];
const dir = tempDir('jixiao-serve-options-');

function captured(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (chunk) => {
      out += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    },
    stderr: (chunk) => {
      err += chunk;
    },
    cwd: REPO,
    env: {},
    stdoutIsTTY: false,
  };
  return { io, out: () => out, err: () => err };
}

/** Raw bytes over a socket (node:http refuses to send an unescaped path): the status line and the body. */
function raw(url: string, request: Buffer | string): Promise<{ status: number; headers: string; body: string }> {
  const { port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', fail);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
  });
}

interface ErrorBody {
  error: { code: string; message: { 'zh-CN': string; en: string }; detail?: unknown };
}

function expectErrorShape(body: string, code: string): ErrorBody {
  const parsed = JSON.parse(body) as ErrorBody;
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message['zh-CN']).toMatch(/\p{Script=Han}/u);
  expect(parsed.error.message.en).toMatch(/[a-z]/);
  return parsed;
}

describe('every 4xx has the documented error shape', () => {
  it('a ?filename= with raw UTF-8, a header block too large, and fastify’s own 4xx', async () => {
    const { app, url } = await startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS }, captured().io);
    try {
      const host = new URL(url).host;
      const utf8 = await raw(url, Buffer.from(`POST /v1/check?filename=表.json HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\n\r\n{}`));
      expect(utf8.status).toBe(400);
      expect(utf8.headers).toMatch(/content-type: application\/json; charset=utf-8/i);
      expect(expectErrorShape(utf8.body, 'malformed-request').error.message['zh-CN']).toContain('百分号编码');
      const huge = await raw(url, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(huge.status).toBe(431);
      expectErrorShape(huge.body, 'headers-too-large');
      // The same request percent-encoded is answered.
      const encoded = await fetch(`${url}/v1/check?filename=${encodeURIComponent('表.json')}&format=json`, { method: 'POST', body: readFileSync(SEED) });
      expect(encoded.status).toBe(200);
      // Fastify's own: a malformed percent-encoding in the path, an unknown route, a wrong method, a bad format.
      const cases: [string, RequestInit, number, string][] = [
        ['/v1/check%zz', { method: 'POST', body: '{}' }, 400, 'bad-request'],
        ['/v1/nothing', {}, 404, 'not-found'],
        ['/v1/rules', { method: 'DELETE' }, 405, 'method-not-allowed'],
        ['/v1/check?format=pdf', { method: 'POST', body: '{}' }, 400, 'unknown-format'],
        ['/v1/check', { method: 'POST', body: '{' }, 422, 'unreadable-submission'],
      ];
      for (const [path, init, status, code] of cases) {
        const res = await fetch(`${url}${path}`, init);
        expect(res.status, path).toBe(status);
        expectErrorShape(await res.text(), code);
      }
    } finally {
      await app.close();
    }
  });
});

describe('--cors', () => {
  it('lets pages from the named origins call the API (preflight and response headers), and no other origin', async () => {
    const { app, url } = await startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS, cors: ['https://oa.example.gov.cn'] }, captured().io);
    try {
      const preflight = await fetch(`${url}/v1/check`, { method: 'OPTIONS', headers: { origin: 'https://oa.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://oa.example.gov.cn');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      const post = await fetch(`${url}/v1/check?format=json`, { method: 'POST', body: readFileSync(SEED), headers: { origin: 'https://oa.example.gov.cn' } });
      expect(post.status).toBe(200);
      expect(post.headers.get('access-control-allow-origin')).toBe('https://oa.example.gov.cn');
      expect(post.headers.get('access-control-expose-headers')).toContain('x-jixiao-errors');
      const other = await fetch(`${url}/healthz`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('sends no CORS header without --cors, and refuses a --cors that is not an origin', async () => {
    const { app, url } = await startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS }, captured().io);
    try {
      expect((await fetch(`${url}/healthz`, { headers: { origin: 'https://oa.example.gov.cn' } })).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
    }
    for (const origin of ['oa.example.gov.cn', 'https://oa.example.gov.cn/path', 'ftp://x.example']) {
      await expect(startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS, cors: [origin] }, captured().io)).rejects.toThrow(/--cors/);
    }
  });
});

describe('--waivers', () => {
  it('applies the waiver file to every answer: the waived error no longer counts in X-Jixiao-Errors', async () => {
    const file = join(dir, 'waivers.yaml');
    writeFileSync(file, 'waivers:\n  - rule: integrity/income-total\n    unit: 北塔区司法局\n    year: 2020\n    reason: 合计差额为上年结转，已核实\n    approver: 区财政局绩效科\n    expires: 2999-12-31\n');
    const plain = await startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS }, captured().io);
    const waived = await startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS, waivers: file }, captured().io);
    try {
      const before = await fetch(`${plain.url}/v1/check?format=json`, { method: 'POST', body: readFileSync(SEED) });
      expect(before.headers.get('x-jixiao-errors')).toBe('1');
      const after = await fetch(`${waived.url}/v1/check?format=json`, { method: 'POST', body: readFileSync(SEED) });
      expect(after.headers.get('x-jixiao-errors')).toBe('0');
      const doc = (await after.json()) as { results: { summary: { waived: number }; findings: { ruleId: string; waiver?: { approver: string } }[] }[] };
      expect(doc.results[0]?.summary.waived).toBe(1);
      expect(doc.results[0]?.findings.find((f) => f.ruleId === 'integrity/income-total')?.waiver?.approver).toBe('区财政局绩效科');
    } finally {
      await plain.app.close();
      await waived.app.close();
    }
  });

  it('gives the waivers to the checker: the self-rating check no longer counts the waived error (it was the only one)', async () => {
    const file = join(dir, 'waivers-rating.yaml');
    writeFileSync(file, 'waivers:\n  - rule: integrity/income-total\n    unit: 北塔区司法局\n    reason: 已核实\n    approver: 绩效科\n    expires: 2999-12-31\n');
    const waived = await startServeApp({ port: '0', host: '127.0.0.1', pack: [...PACKS, './rules/rating'], waivers: file }, captured().io);
    try {
      const doc = (await (await fetch(`${waived.url}/v1/check?format=json`, { method: 'POST', body: readFileSync(SEED) })).json()) as { results: { findings: { ruleId: string; outcome: string }[] }[] };
      expect(doc.results[0]?.findings.find((f) => f.ruleId === 'rating/self-rating-supported')?.outcome).toBe('pass');
    } finally {
      await waived.app.close();
    }
  });

  it('refuses at start-up a waiver for a rule that is not loaded, with its line', async () => {
    const file = join(dir, 'waivers-typo.yaml');
    writeFileSync(file, 'waivers:\n  - rule: integrity/incme-total\n    unit: 北塔区司法局\n    reason: 已核实\n    approver: 绩效科\n    expires: 2999-12-31\n');
    await expect(startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS, waivers: file }, captured().io)).rejects.toThrow(/waivers-typo\.yaml:2:\d+ waivers\.0\.rule: 规则 integrity\/incme-total 未加载.* \/ rule integrity\/incme-total is not loaded/);
  });

  it('refuses a waiver file that is missing or invalid at start-up', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'waivers:\n  - rule: integrity/income-total\n');
    await expect(startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS, waivers: bad }, captured().io)).rejects.toThrow(/豁免文件无效.*invalid waiver file/s);
    await expect(startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS, waivers: join(dir, 'none.yaml') }, captured().io)).rejects.toThrow(/cannot read the waiver file/);
  });
});

describe('access log', () => {
  it('writes one line per request on standard output: time, client, method, path, status, time taken, bytes — no query, no form content', async () => {
    const out = captured();
    const { app, url } = await startServeApp({ port: '0', host: '127.0.0.1', pack: PACKS }, out.io);
    try {
      await (await fetch(`${url}/v1/check?format=json&filename=${encodeURIComponent('北塔区司法局.json')}`, { method: 'POST', body: readFileSync(SEED) })).text();
      await (await fetch(`${url}/healthz`)).text();
      await (await fetch(`${url}/v1/nothing`)).text();
    } finally {
      await app.close();
    }
    const lines = out.out().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const line = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1 (\w+) (\S+) (\d{3}) \d+ms (\d+|-)$/;
    expect(lines.map((l) => line.exec(l)?.slice(1, 4))).toEqual([
      ['POST', '/v1/check', '200'],
      ['GET', '/healthz', '200'],
      ['GET', '/v1/nothing', '404'],
    ]);
    expect(out.out()).not.toContain('北塔');
    expect(out.out()).not.toContain('filename');
    expect(out.err()).toBe('');
  });
});
