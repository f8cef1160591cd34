import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValidationIssues, validateEvaluation, type Evaluation } from '@jixiao/core';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { FORMATTERS, MEDIA_TYPES, type FormatName } from '../formats.js';
import { getWithHost } from '../../../../test/setup/http.js';
import { EXAMPLE_POSITIONS, REPO, checker, exampleEvaluation, loadWorkbook, must } from '../../test/results.js';
import { HTTP_ERRORS } from './errors.js';
import { createServer, hostName, type ReadSubmission, type ServerOptions } from './server.js';

/** A real reader for canonical JSON (the CLI wires @jixiao/import instead); positions as an importer gives them. */
const readJson: ReadSubmission = async (bytes) => {
  await Promise.resolve();
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const v = validateEvaluation(raw);
  return v.ok ? { ok: true, evaluation: v.value, positions: EXAMPLE_POSITIONS, diagnostics: [DIAGNOSTIC] } : { ok: false, reason: formatValidationIssues(v.issues, 'zh-CN') };
};

const DIAGNOSTIC = { code: 'leftover-text', severity: 'info', message: { 'zh-CN': '未对应任何栏目的文本：“（项目资金）”', en: 'text matching no field: "（项目资金）"' }, line: 90, column: 37 } as const;

const OPENAPI_FILE = resolve(REPO, 'packages/adapters/openapi.json');
let app: FastifyInstance;
let base: string;

function body(e: Evaluation): string {
  return JSON.stringify(e);
}

async function errorOf(res: Response): Promise<{ code: string; message: { 'zh-CN': string; en: string } }> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return ((await res.json()) as { error: { code: string; message: { 'zh-CN': string; en: string } } }).error;
}

beforeAll(async () => {
  app = createServer({ checker: checker(), readSubmission: readJson, version: '9.9.9', bodyLimit: 64 * 1024, maxFiles: 3 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
});

afterAll(async () => {
  await app.close();
});

describe('HTTP adapter over loopback', () => {
  it('GET /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '9.9.9', rules: checker().rules.length });
  });

  it('GET /openapi.json serves the committed document, a valid OpenAPI 3.1 document that lists every route and format', async () => {
    const res = await fetch(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: { Format: { enum: string[] }; Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } } };
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as unknown;
    expect(served).toEqual(committed);
    // The official OAS 3.x JSON Schemas (with the 3.1 schema dialect), via @seriousme/openapi-schema-validator.
    const result = await new Validator().validate(structuredClone(served));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(served.openapi).toMatch(/^3\.1\./);
    const documented = Object.entries(served.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // Every route the server has, from fastify's own route table (HEAD is implied by GET).
    const table = app.printRoutes({ commonPrefix: false });
    const routes = [...table.matchAll(/(\/[^\s(]*) \(([A-Z, ]+)\)/g)].flatMap(([, path = '', methods = '']) => methods.split(', ').filter((m) => m !== 'HEAD').map((m) => `${m} ${path}`));
    expect(routes.length, table).toBeGreaterThan(0);
    expect(documented.sort()).toEqual(routes.sort());
    expect(served.components.schemas.Format.enum).toEqual(Object.keys(FORMATTERS));
    expect(served.components.schemas.Error.properties.error.properties.code.enum.sort()).toEqual(Object.keys(HTTP_ERRORS).sort());
  });

  it('the OpenAPI validator is not vacuous', async () => {
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { paths: Record<string, unknown> };
    committed.paths['/healthz'] = { get: { responses: { '200': { content: {} } } } };
    expect((await new Validator().validate(committed)).valid).toBe(false);
  });

  it('GET /v1/rules lists the loaded rules with their metadata', async () => {
    const res = await fetch(`${base}/v1/rules`);
    const listing = (await res.json()) as { count: number; rules: { id: string; title: { 'zh-CN': string }; severity: string; basis: unknown[]; paths: string[] }[] };
    expect(listing.count).toBe(checker().rules.length);
    const quota = listing.rules.find((r) => r.id === 'staffing/within-quota');
    expect(quota).toMatchObject({ title: { 'zh-CN': '实有人数不超过编制人数' }, severity: 'warning', redFlag: true, paths: ['staffing.actual', 'staffing.authorized'] });
    expect(quota?.basis.length).toBeGreaterThan(0);
  });

  it('POST /v1/check answers JSON by default, with the diagnostics in the report and the counts in headers', async () => {
    const res = await fetch(`${base}/v1/check?filename=beita.json`, { method: 'POST', body: body(exampleEvaluation()), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MEDIA_TYPES.json);
    expect(res.headers.get('x-jixiao-errors')).toBe('1');
    expect(res.headers.get('x-jixiao-diagnostics')).toBe('1');
    const doc = (await res.json()) as { schemaVersion: number; tool: { version: string }; locale: string; results: { source: string; summary: { errors: number }; positions: object }[] };
    expect(doc).toMatchObject({
      schemaVersion: 2,
      tool: { version: '9.9.9' },
      locale: 'zh-CN',
      results: [{ source: 'beita.json', summary: { errors: 1 }, positions: { 'income.localBudget': EXAMPLE_POSITIONS['income.localBudget'] }, diagnostics: [{ code: 'leftover-text', severity: 'info', message: DIAGNOSTIC.message['zh-CN'], line: 90, column: 37 }] }],
    });
    // Every format carries the diagnostic, in the report's language.
    for (const format of ['text', 'markdown', 'html', 'csv', 'junit', 'sarif'] as const) {
      const text = await (await fetch(`${base}/v1/check?format=${format}&locale=en`, { method: 'POST', body: body(exampleEvaluation()) })).text();
      expect(text, format).toContain('text matching no field');
    }
  });

  it('picks the format from ?format= or Accept, and the language from ?locale= or Accept-Language', async () => {
    const send = (query: string, headers: Record<string, string> = {}) => fetch(`${base}/v1/check${query}`, { method: 'POST', body: body(exampleEvaluation()), headers });
    for (const format of Object.keys(FORMATTERS) as FormatName[]) {
      const byQuery = await send(`?format=${format}`, { accept: 'application/json' });
      expect(byQuery.status, format).toBe(200);
      expect(byQuery.headers.get('content-type')).toBe(MEDIA_TYPES[format]);
      const byAccept = await send('', { accept: MEDIA_TYPES[format].split(';')[0] ?? '' });
      expect(byAccept.headers.get('content-type')).toBe(MEDIA_TYPES[format]);
      const bytes = new Uint8Array(await byAccept.arrayBuffer());
      if (format === 'xlsx') expect((await loadWorkbook(bytes)).worksheets).toHaveLength(5);
      else expect(new TextDecoder().decode(bytes)).toContain('integrity/income-total');
    }
    const sarif = (await (await send('', { accept: 'application/sarif+json' })).json()) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }[] }[] };
    expect(sarif.runs[0]?.results.find((r) => r.ruleId === 'integrity/income-total')?.locations[0]?.physicalLocation.region?.startLine).toBe(14);
    const weighted = await send('', { accept: 'text/html;q=0.5, text/csv;q=0.9, */*;q=0.1' });
    expect(weighted.headers.get('content-type')).toBe(MEDIA_TYPES.csv);
    expect(await (await send('?format=text', { 'accept-language': 'en-GB,en;q=0.8' })).text()).toContain('FAIL');
    expect(await (await send('?format=text&locale=zh-CN', { 'accept-language': 'en' })).text()).toContain('不通过');
  });

  it('takes several forms as multipart file parts', async () => {
    const form = new FormData();
    form.append('file', new Blob([body(exampleEvaluation())], { type: 'application/json' }), '北塔.json');
    form.append('file', new Blob([body(patchEvaluation(baseEvaluation(), { unit: { name: '南湖区财政局' }, staffing: { authorized: 55, actual: 96 } }))], { type: 'application/json' }), 'nanhu.json');
    const res = await fetch(`${base}/v1/check`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { results: { source: string; evaluation: { unit: string } }[] };
    expect(doc.results.map((r) => [r.source, r.evaluation.unit])).toEqual([['北塔.json', '北塔区司法局'], ['nanhu.json', '南湖区财政局']]);
  });

  it('answers bad input with a 4xx JSON error in zh-CN and English', async () => {
    const post = (query: string, init: RequestInit = {}) => fetch(`${base}/v1/check${query}`, { method: 'POST', ...init });
    const cases: [Promise<Response>, number, string][] = [
      [post(''), 400, 'empty-submission'],
      [post('', { body: '{ not json' }), 422, 'unreadable-submission'],
      [post('', { body: '{"modelVersion": 1, "fiscalYear": "二〇二〇"}' }), 422, 'unreadable-submission'],
      [post('?format=pdf', { body: body(exampleEvaluation()) }), 400, 'unknown-format'],
      [post('?locale=fr', { body: body(exampleEvaluation()) }), 400, 'unknown-locale'],
      [post('', { body: body(exampleEvaluation()), headers: { accept: 'image/png' } }), 406, 'not-acceptable'],
      [post('', { body: 'x'.repeat(65 * 1024) }), 413, 'body-too-large'],
      [fetch(`${base}/v1/nothing`), 404, 'not-found'],
      [fetch(`${base}/v1/check`), 405, 'method-not-allowed'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.status, code).toBe(status);
      const error = await errorOf(res);
      expect(error.code).toBe(code);
      expect(error.message['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(error.message.en).toMatch(/[A-Za-z]/);
    }
  });

  it('limits multipart files by size and count', async () => {
    const big = new FormData();
    big.append('file', new Blob(['x'.repeat(65 * 1024)]), 'big.json');
    const tooBig = await fetch(`${base}/v1/check`, { method: 'POST', body: big });
    expect(tooBig.status).toBe(413);
    expect((await errorOf(tooBig)).code).toBe('body-too-large');
    const many = new FormData();
    for (let i = 0; i < 4; i++) many.append('file', new Blob([body(exampleEvaluation())]), `${String(i)}.json`);
    const tooMany = await fetch(`${base}/v1/check`, { method: 'POST', body: many });
    expect(tooMany.status).toBe(413);
    expect((await errorOf(tooMany)).code).toBe('too-many-files');
  });

  it('serves concurrent requests, each with its own result', async () => {
    const units = Array.from({ length: 24 }, (_, i) => `第${String(i + 1)}区财政局`);
    const responses = await Promise.all(
      units.map(async (name, i) => {
        const e = patchEvaluation(baseEvaluation(), { unit: { name }, staffing: { authorized: 50, actual: 40 + i } });
        const res = await fetch(`${base}/v1/check?format=json&filename=${String(i)}.json`, { method: 'POST', body: body(e) });
        return { i, name, res: (await res.json()) as { results: { source: string; evaluation: { unit: string }; findings: { ruleId: string; outcome: string }[] }[] } };
      }),
    );
    for (const { i, name, res } of responses) {
      const r = must(res.results[0]);
      expect(r.source).toBe(`${String(i)}.json`);
      expect(r.evaluation.unit).toBe(name);
      expect(r.findings.find((f) => f.ruleId === 'staffing/within-quota')?.outcome).toBe(40 + i > 50 ? 'fail' : 'pass');
    }
  });
});

describe('the reasons of files that could not be read', () => {
  // A reader that says why in both languages (as the CLI's does): the report lists each unread file in the request's
  // language, as every other message of the report (before: the reason as the reader gave it, whatever was asked).
  const bilingual: ReadSubmission = async (bytes, meta) => {
    if (meta.filename !== 'bad.json') return readJson(bytes, meta);
    await Promise.resolve();
    return { ok: false, reason: { 'zh-CN': '这是二进制数据', en: 'This is binary data' } };
  };

  it('a multipart request lists them in the language asked for (?locale=, else Accept-Language, else zh-CN); one file alone is 422 with the reason in both', async () => {
    const { server, url } = await started({ readSubmission: bilingual });
    try {
      const form = () => {
        const f = new FormData();
        f.append('file', new Blob([body(exampleEvaluation())]), 'good.json');
        f.append('file', new Blob(['\u0000']), 'bad.json');
        return f;
      };
      const unread = async (query: string, headers: Record<string, string> = {}) => {
        const res = await fetch(`${url}/v1/check${query}`, { method: 'POST', body: form(), headers });
        expect([res.status, res.headers.get('x-jixiao-unread')]).toEqual([200, '1']);
        return ((await res.json()) as { unread: unknown[] }).unread;
      };
      expect(await unread('?locale=en')).toEqual([{ source: 'bad.json', reason: 'This is binary data' }]);
      expect(await unread('', { 'accept-language': 'en-GB,en;q=0.9' })).toEqual([{ source: 'bad.json', reason: 'This is binary data' }]);
      expect(await unread('')).toEqual([{ source: 'bad.json', reason: '这是二进制数据' }]);
      expect(await unread('?locale=zh-CN', { 'accept-language': 'en' })).toEqual([{ source: 'bad.json', reason: '这是二进制数据' }]);
      const alone = await fetch(`${url}/v1/check?filename=bad.json&locale=en`, { method: 'POST', body: '\u0000' });
      expect(alone.status).toBe(422);
      expect(((await alone.json()) as { error: { detail: unknown } }).error.detail).toEqual({ source: 'bad.json', reason: '这是二进制数据\nThis is binary data' });
    } finally {
      await server.close();
    }
  });

  it('a reason given as one text is reported as it is', async () => {
    const { server, url } = await started({ readSubmission: readJson });
    try {
      const f = new FormData();
      f.append('file', new Blob([body(exampleEvaluation())]), 'good.json');
      f.append('file', new Blob(['{ not json']), 'bad.json');
      const res = await fetch(`${url}/v1/check?locale=en`, { method: 'POST', body: f });
      expect(((await res.json()) as { unread: { reason: string }[] }).unread[0]?.reason).toMatch(/^not JSON: /);
    } finally {
      await server.close();
    }
  });
});

describe('closing', () => {
  it('a closed server refuses connections', async () => {
    const other = createServer({ checker: checker(), readSubmission: readJson, version: '0' });
    await other.listen({ port: 0, host: '127.0.0.1' });
    const address = other.server.address();
    const url = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}/healthz`;
    expect((await fetch(url)).status).toBe(200);
    await other.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});

async function started(options: Omit<ServerOptions, 'checker' | 'version'>): Promise<{ server: FastifyInstance; url: string }> {
  const server = createServer({ checker: checker(), version: '9.9.9', ...options });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  return { server, url: `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}` };
}

describe('Host check (DNS rebinding defence)', () => {
  it('answers only requests whose Host is an allowed name, on every route, with a 403 JSON error otherwise', async () => {
    const { server, url } = await started({ readSubmission: readJson, allowedHosts: ['127.0.0.1', 'localhost', '::1'] });
    try {
      for (const host of ['127.0.0.1', `127.0.0.1:${new URL(url).port}`, 'localhost', 'LocalHost.:8080', '[::1]:80']) {
        expect((await getWithHost(`${url}/healthz`, host)).status, host).toBe(200);
      }
      for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.evil.example', 'evil.example@127.0.0.1', 'localhost/x']) {
        for (const path of ['/healthz', '/v1/rules', '/openapi.json', '/v1/nothing']) {
          const res = await getWithHost(`${url}${path}`, host);
          expect(res.status, `${host} ${path}`).toBe(403);
          const error = (JSON.parse(res.body) as { error: { code: string; message: { 'zh-CN': string; en: string } } }).error;
          expect(error.code).toBe('host-not-allowed');
          expect(error.message.en).toContain('--allowed-host');
        }
      }
    } finally {
      await server.close();
    }
  });

  it('answers any Host when no names are given (the embedding application decides)', async () => {
    expect((await getWithHost(`${base}/healthz`, 'evil.example')).status).toBe(200);
  });

  it('compares names as the URL parser reads them, and a name that is no host name allows nothing', () => {
    expect(['LOCALHOST', 'localhost.', 'localhost:80', '[::1]', '[0:0::1]:8080', '127.1'].map(hostName)).toEqual(['localhost', 'localhost', 'localhost', '::1', '::1', '127.0.0.1']);
    expect(['', 'a b', 'x@localhost', 'localhost/', 'localhost?', 'localhost#', '[::1'].map(hostName)).toEqual(Array.from({ length: 7 }, () => undefined));
  });
});

describe('limits of one request', () => {
  it('caps all the files of a multipart request together, not only each one', async () => {
    // Three valid forms of 30 KiB each: every one under the 64 KiB limit, together above it.
    const json = body(exampleEvaluation());
    const padded = json + ' '.repeat(30 * 1024 - Buffer.byteLength(json));
    const send = (n: number) => {
      const form = new FormData();
      for (let i = 0; i < n; i++) form.append('file', new Blob([padded], { type: 'application/json' }), `${String(i)}.json`);
      return fetch(`${base}/v1/check`, { method: 'POST', body: form });
    };
    expect((await send(2)).status).toBe(200);
    const three = await send(3);
    expect(three.status).toBe(413);
    expect((await errorOf(three)).code).toBe('body-too-large');
  });

  it('answers 422 read-timeout once reading the forms takes longer than the time of a request, whether the reader stops or not', async () => {
    const untilAborted = (signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          resolve();
        });
      });
    // A reader that stops when told (as the CLI's worker thread does), and one that finishes its read regardless.
    const stops: ReadSubmission = async (_bytes, { signal }) => {
      await untilAborted(signal);
      throw new Error('aborted');
    };
    const finishes: ReadSubmission = async (bytes, meta) => {
      await untilAborted(meta.signal);
      return readJson(bytes, meta);
    };
    for (const readSubmission of [stops, finishes]) {
      const { server, url } = await started({ readSubmission, readTimeMs: 200 });
      try {
        const res = await fetch(`${url}/v1/check`, { method: 'POST', body: body(exampleEvaluation()) });
        expect(res.status).toBe(422);
        const error = await errorOf(res);
        expect(error.code).toBe('read-timeout');
        expect(error.message['zh-CN']).toContain('时间上限');
      } finally {
        await server.close();
      }
    }
  });
});
