import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { createServer, type ReadSubmission } from '@jixiao/adapters';
import { formatDiagnostic, importBuffer } from '@jixiao/import';
import { CliError, type CliIo } from '../io.js';
import { loadChecker } from '../packs.js';
import { VERSION } from '../version.js';

export interface ServeFlags {
  port: string;
  host: string;
  config?: string;
  pack?: string[];
  maxBytes?: string;
}

/** Submissions over HTTP are read like files on the command line: .docx, Word text, canonical JSON or YAML. */
export const readSubmission: ReadSubmission = async (bytes, meta) => {
  const read = await importBuffer(bytes, meta);
  if (!read.ok) {
    const reason = ['zh-CN', 'en'].map((locale) => read.diagnostics.map((d) => formatDiagnostic(d, locale as 'zh-CN' | 'en')).join('\n')).join('\n');
    return { ok: false, reason };
  }
  return { ok: true, evaluation: read.evaluation, positions: read.positions, diagnostics: read.diagnostics.map((d) => formatDiagnostic(d)) };
};

function parseInteger(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name} 应为 ${String(min)}–${String(max)} 的整数 / ${name} must be an integer from ${String(min)} to ${String(max)} (got ${value})`);
  return n;
}

/** Load the packs once, start the HTTP adapter and resolve once it listens (port 0 picks a free port). */
export async function startServe(flags: ServeFlags, io: CliIo): Promise<{ app: FastifyInstance; url: string }> {
  const port = parseInteger('--port', flags.port, 0, 65_535);
  const bodyLimit = flags.maxBytes === undefined ? undefined : parseInteger('--max-bytes', flags.maxBytes, 1, 200 * 1024 * 1024);
  const { checker } = loadChecker({ packs: flags.pack, configFile: flags.config, cwd: io.cwd });
  const app = createServer({ checker, readSubmission, version: VERSION, ...(bodyLimit === undefined ? {} : { bodyLimit }) });
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

/**
 * `jixiao serve [--port 8080] [--host 127.0.0.1]`: the HTTP adapter for systems that are not JavaScript.
 * Binds to loopback unless told otherwise; runs until the process is stopped.
 */
export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('启动 HTTP 服务（POST /v1/check、GET /v1/rules、GET /healthz、GET /openapi.json） / start the HTTP adapter')
    .option('--port <port>', '端口（0 = 任选空闲端口） / port (0 picks a free one)', '8080')
    .option('--host <host>', '监听地址（默认仅本机） / address to bind (default: loopback only)', '127.0.0.1')
    .option('-c, --config <file>', 'jixiao.config.json')
    .option('-p, --pack <pack...>', '规则包（名称、包名或目录），默认 standard / rule packs (name, package or folder)')
    .option('--max-bytes <n>', '请求体或单个文件的最大字节数（默认 20 MiB） / largest request body or file in bytes (default 20 MiB)')
    .action(async (flags: ServeFlags) => {
      const { app, url } = await startServe(flags, io);
      io.stderr(`jixiao ${VERSION} 正在监听 / listening on ${url}（OpenAPI: ${url}/openapi.json）\n`);
      // Resolve only when the server closes (the process is stopped): the command runs until then.
      await new Promise<void>((resolve) => {
        app.server.once('close', resolve);
      });
      setExit(0);
    });
}
