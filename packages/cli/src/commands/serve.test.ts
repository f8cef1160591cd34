import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { startServe } from './serve.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SEED = resolve(REPO, 'examples/beita-justice-2020');

function io(): CliIo {
  return { stdout: () => undefined, stderr: () => undefined, cwd: REPO, env: {}, stdoutIsTTY: false };
}

describe('jixiao serve', () => {
  it('reads JSON, Word text and .docx submissions through @jixiao/import, with source positions', async () => {
    const { app, url } = await startServe({ port: '0', host: '127.0.0.1', pack: ['./rules/integrity', './rules/staffing'] }, io());
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; rules: number };
      expect(health.status).toBe('ok');
      for (const file of ['evaluation.json', '000_1f3a69e61e56d541.txt', 'form.docx']) {
        const res = await fetch(`${url}/v1/check?format=json&filename=${encodeURIComponent(file)}`, { method: 'POST', body: readFileSync(resolve(SEED, file)) });
        expect(res.status, file).toBe(200);
        const doc = (await res.json()) as { results: { source: string; evaluation: { unit: string }; positions?: Record<string, unknown> }[] };
        expect(doc.results[0]?.evaluation.unit, file).toBe('北塔区司法局');
        if (file !== 'evaluation.json') expect(Object.keys(doc.results[0]?.positions ?? {}).length, file).toBeGreaterThan(0);
      }
      const pdf = await fetch(`${url}/v1/check`, { method: 'POST', body: '%PDF-1.7\n' });
      expect(pdf.status).toBe(422);
      expect(((await pdf.json()) as { error: { detail: { reason: string } } }).error.detail.reason).toContain('PDF');
    } finally {
      await app.close();
    }
  });

  it('rejects a bad port as a usage error', async () => {
    await expect(startServe({ port: 'http', host: '127.0.0.1' }, io())).rejects.toThrow(/--port/);
  });
});
