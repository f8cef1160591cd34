// Static files beside the API (the browser workbench at `/`): served as they are, other paths still 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { checker } from '../../test/results.js';
import { createServer, type StaticFile } from './server.js';

const PAGE = '<!doctype html><title>工作台</title>';
let app: FastifyInstance;

beforeAll(() => {
  const staticFiles = new Map<string, StaticFile>([
    ['/', { body: PAGE, type: 'text/html; charset=utf-8' }],
    ['/app.js', { body: new TextEncoder().encode('void 0;'), type: 'text/javascript; charset=utf-8' }],
  ]);
  app = createServer({ checker: checker(), readSubmission: () => Promise.resolve({ ok: false, reason: 'unused' }), version: '9.9.9', staticFiles });
});

afterAll(async () => {
  await app.close();
});

describe('static files', () => {
  it('serves each file at its path with its type, unsniffed', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toBe(PAGE);
    const script = await app.inject({ method: 'GET', url: '/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('void 0;');
  });

  it('answers other paths and methods with the API error shape', async () => {
    const missing = await app.inject({ method: 'GET', url: '/secret.txt' });
    expect(missing.statusCode).toBe(404);
    expect((missing.json<{ error: { code: string } }>()).error.code).toBe('not-found');
    const post = await app.inject({ method: 'POST', url: '/app.js' });
    expect(post.statusCode).toBe(405);
  });
});
