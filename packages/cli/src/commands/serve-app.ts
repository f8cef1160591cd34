import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ReadSubmission, type StaticFile } from '@jixiao/adapters';
import { formatDiagnostic } from '@jixiao/import';
import { importBuffer } from '@jixiao/import/node';
import { CliError, type CliIo } from '../io.js';
import { loadChecker } from '../packs.js';
import { VERSION } from '../version.js';
import type { ServeFlags } from './serve.js';

// `jixiao serve`'s implementation, loaded only by that command: the HTTP framework stays out of `check`'s start-up.

/** Submissions over HTTP are read like files on the command line: .docx, Word text, canonical JSON or YAML. */
export const readSubmission: ReadSubmission = async (bytes, meta) => {
  const read = await importBuffer(bytes, meta);
  if (!read.ok) {
    const reason = ['zh-CN', 'en'].map((locale) => read.diagnostics.map((d) => formatDiagnostic(d, locale as 'zh-CN' | 'en')).join('\n')).join('\n');
    return { ok: false, reason };
  }
  const base = { ok: true as const, evaluation: read.evaluation, positions: read.positions, diagnostics: read.diagnostics };
  return read.fieldsNotOnForm === undefined ? base : { ...base, fieldsNotOnForm: read.fieldsNotOnForm };
};

const STATIC_TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** The browser workbench (`@jixiao/web`'s build, made by `npm install`), served at `/`; nothing when it is absent. */
export function workbenchFiles(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let dist: string;
  let names: string[];
  try {
    dist = join(dirname(createRequire(import.meta.url).resolve('@jixiao/web/package.json')), 'dist');
    names = readdirSync(dist);
  } catch {
    return files;
  }
  for (const name of names) {
    const type = STATIC_TYPES[extname(name)];
    if (type === undefined) continue;
    const file = { body: readFileSync(join(dist, name)), type };
    files.set(`/${name}`, file);
    if (name === 'index.html') files.set('/', file);
  }
  return files;
}

function parseInteger(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name} 应为 ${String(min)}–${String(max)} 的整数 / ${name} must be an integer from ${String(min)} to ${String(max)} (got ${value})`);
  return n;
}

/** See `startServe` in serve.ts. */
export async function startServeApp(flags: ServeFlags, io: CliIo): Promise<{ app: FastifyInstance; url: string }> {
  const port = parseInteger('--port', flags.port, 0, 65_535);
  const bodyLimit = flags.maxBytes === undefined ? undefined : parseInteger('--max-bytes', flags.maxBytes, 1, 200 * 1024 * 1024);
  const { checker } = loadChecker({ packs: flags.pack, configFile: flags.config, cwd: io.cwd });
  const app = createServer({ checker, readSubmission, version: VERSION, staticFiles: workbenchFiles(), ...(bodyLimit === undefined ? {} : { bodyLimit }) });
  try {
    await app.listen({ port, host: flags.host });
  } catch (error) {
    await app.close();
    throw new CliError(`无法监听 ${flags.host}:${String(port)} / cannot listen on ${flags.host}:${String(port)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const address = app.server.address();
  const actual = address !== null && typeof address === 'object' ? address.port : port;
  const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host;
  return { app, url: `http://${host}:${String(actual)}` };
}
