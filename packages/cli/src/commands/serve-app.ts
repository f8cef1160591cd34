import { readdirSync, readFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { createRequire } from 'node:module';
import { BlockList, isIP } from 'node:net';
import { availableParallelism, hostname, networkInterfaces } from 'node:os';
import { dirname, extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ReadSubmission, type StaticFile, type SubmissionRead } from '@jixiao/adapters';
import { conversionSlots } from '@jixiao/import/node';
import type { Template } from '@jixiao/core';
import { CliError, type CliIo } from '../io.js';
import { loadChecker } from '../packs.js';
import { WORKER_LIMITS, workerFile } from '../batch/run.js';
import { VERSION } from '../version.js';
import { serveWaivers } from '../waivers.js';
import readUpload, { type ReaderStart, type ReadTask } from './serve-reader.js';
import type { ServeFlags } from './serve.js';

// `jixiao serve`'s implementation, loaded only by that command: the HTTP framework stays out of `check`'s start-up.

/** Threads that read uploads by default: all cores but the one the event loop runs on, and at least two (one slow form must not hold up the next). */
const READ_THREADS = Math.max(2, availableParallelism() - 1);

/** Where the server reads uploads: the reading threads' entry (the bundled one by default; none: in this thread) and how many threads. */
export interface ReadingThreads {
  readonly entry?: string | undefined;
  readonly threads?: number;
}

/**
 * The uploads' reader: in worker threads (piscina, with the batch pool's heap limit), so a form that takes long to
 * read never holds up the event loop (`/healthz`, other requests); when a request's time is up its thread is
 * stopped (a new one takes its place). A thread that dies (out of memory on a hostile file) makes that file
 * unreadable, with the reason.
 */
async function uploadReader(io: CliIo, { entry, threads = READ_THREADS }: ReadingThreads, templates?: readonly Template[]): Promise<{ read: ReadSubmission; close: () => Promise<void> }> {
  const task = (bytes: Uint8Array, meta: Parameters<ReadSubmission>[1]): ReadTask => ({ bytes, ...(meta.filename === undefined ? {} : { filename: meta.filename }), ...(meta.contentType === undefined ? {} : { contentType: meta.contentType }) });
  if (entry === undefined) return { read: (bytes, meta) => readUpload(task(bytes, meta), templates), close: () => Promise.resolve() };
  const { Piscina } = await import('piscina');
  // The form templates selected (plain data) go to every reading thread once, when it starts.
  const workerData: ReaderStart = { conversionSlots: conversionSlots().buffer, ...(templates === undefined ? {} : { templates }) };
  const pool = new Piscina<ReadTask, SubmissionRead>({ filename: entry, minThreads: 1, maxThreads: threads, resourceLimits: WORKER_LIMITS, workerData });
  // Without a listener, an 'error' event (a thread that failed outside a task) would end the server.
  pool.on('error', (error: unknown) => {
    io.stderr(`jixiao: 读取线程出错 / a reading thread failed: ${error instanceof Error ? error.message : String(error)}\n`);
  });
  const read: ReadSubmission = async (bytes, meta) => {
    try {
      return await pool.run(task(bytes, meta), { signal: meta.signal });
    } catch (error) {
      // Stopped because the request's time is up: the server answers read-timeout.
      if (meta.signal.aborted) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: { 'zh-CN': `读取时出错（文件过大或过于复杂）：${detail}`, en: `reading failed (the file is too large or too complex): ${detail}` } };
    }
  };
  return { read, close: () => pool.destroy() };
}

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

/** Loopback addresses: 127.0.0.0/8 and ::1. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const isLoopback = (address: string) => isIP(address) !== 0 && LOOPBACK.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
const isWildcard = (address: string) => address === '0.0.0.0' || address === '::';

/**
 * The names a request's Host may carry (see `ServerOptions.allowedHosts`): the host the server listens on, the
 * addresses it resolves to, and the names given with `--allowed-host`; on loopback, `localhost` and the loopback
 * addresses too; on every interface (0.0.0.0, ::), this machine's addresses and host name. `--allowed-host '*'`:
 * any Host.
 */
function allowedHosts(host: string, addresses: readonly string[], extra: readonly string[]): string[] | undefined {
  if (extra.includes('*')) return undefined;
  const names = [host, ...addresses, ...extra];
  if (addresses.some(isLoopback)) names.push('localhost', '127.0.0.1', '::1');
  if (addresses.some(isWildcard)) {
    names.push('localhost', hostname());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.push(a.address);
  }
  return names;
}

function parseSeconds(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new CliError(`${name} 应为大于 0、不超过 ${String(max)} 的秒数 / ${name} must be a number of seconds above 0 and at most ${String(max)} (got ${value})`);
  return n;
}

const cannotListen = (host: string, port: number, error: unknown) =>
  new CliError(`无法监听 ${host}:${String(port)} / cannot listen on ${host}:${String(port)}: ${error instanceof Error ? error.message : String(error)}`);

/** `--cors` values: exact origins (scheme, host, port; no path) or `*`. */
function parseOrigins(values: readonly string[]): string[] {
  return values.map((value) => {
    if (value === '*') return value;
    let origin: string | undefined;
    try {
      const url = new URL(value);
      origin = (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '') ? url.origin : undefined;
    } catch {
      origin = undefined;
    }
    if (origin === undefined) throw new CliError(`--cors 应为网页来源（协议、主机与端口，不含路径），如 https://oa.example.gov.cn，或 * / --cors must be an origin (scheme, host and port, no path) such as https://oa.example.gov.cn, or * (got ${value})`);
    return origin;
  });
}

/** See `startServe` in serve.ts. */
export async function startServeApp(flags: ServeFlags, io: CliIo, reading: ReadingThreads = { entry: workerFile('serve-reader') }): Promise<{ app: FastifyInstance; url: string }> {
  const port = parseInteger('--port', flags.port, 0, 65_535);
  const bodyLimit = flags.maxBytes === undefined ? undefined : parseInteger('--max-bytes', flags.maxBytes, 1, 200 * 1024 * 1024);
  const readTimeMs = flags.readTimeout === undefined ? undefined : parseSeconds('--read-timeout', flags.readTimeout, 3600) * 1000;
  // The addresses the server will listen on (a name is resolved, as listening does).
  let addresses: string[];
  try {
    addresses = isIP(flags.host) === 0 ? (await lookup(flags.host, { all: true })).map((a) => a.address) : [flags.host];
  } catch (error) {
    throw cannotListen(flags.host, port, error);
  }
  const allowed = allowedHosts(flags.host, addresses, flags.allowedHost ?? []);
  const corsOrigins = parseOrigins(flags.cors ?? []);
  const { checker, templates } = loadChecker({ packs: flags.pack, configFile: flags.config, templates: flags.template, cwd: io.cwd });
  // Read once, at start-up (a bad file is an error now, not at the first request); applied as of each request's day.
  const waivers = flags.waivers === undefined ? undefined : serveWaivers(flags.waivers, io.cwd, checker.rules.map((r) => r.rule.id));
  const reader = await uploadReader(io, reading, templates);
  const app = createServer({
    checker,
    readSubmission: reader.read,
    version: VERSION,
    staticFiles: workbenchFiles(),
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
    ...(readTimeMs === undefined ? {} : { readTimeMs }),
    ...(allowed === undefined ? {} : { allowedHosts: allowed }),
    ...(corsOrigins.length === 0 ? {} : { corsOrigins }),
    ...(waivers === undefined ? {} : { waivers }),
    accessLog: (line) => {
      io.stdout(`${line}\n`);
    },
  });
  app.addHook('onClose', async () => {
    await reader.close();
  });
  try {
    await app.listen({ port, host: flags.host });
  } catch (error) {
    await app.close();
    throw cannotListen(flags.host, port, error);
  }
  const address = app.server.address();
  const actual = address !== null && typeof address === 'object' ? address.port : port;
  const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host;
  const url = `http://${host}:${String(actual)}`;
  if (!addresses.every(isLoopback)) {
    io.stderr(
      `jixiao: 警告：${url} 不只在本机（loopback）监听，其他计算机也能访问本服务，且它没有身份验证；请只在可信的网络中这样做\n` +
        `jixiao: warning: ${url} listens beyond this machine (loopback): other computers can reach this server, which has no authentication; do this only on a trusted network\n`,
    );
  }
  if (allowed === undefined) io.stderr(`jixiao: 警告：--allowed-host '*'：不检查 Host（无 DNS 重绑定防护） / warning: --allowed-host '*': Host is not checked (no DNS rebinding defence)\n`);
  return { app, url };
}
