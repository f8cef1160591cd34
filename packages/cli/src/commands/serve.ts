import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../version.js';
import type { CliIo } from '../io.js';
import { TEMPLATE_OPTION_HELP } from './template.js';

export interface ServeFlags {
  port: string;
  host: string;
  config?: string;
  pack?: string[];
  template?: string[];
  maxBytes?: string;
  readTimeout?: string;
  allowedHost?: string[];
  cors?: string[];
  waivers?: string;
}

/**
 * Load the packs once, start the HTTP adapter and resolve once it listens (port 0 picks a free port). The server
 * (fastify) is loaded here, on demand, not when the CLI starts.
 */
export async function startServe(flags: ServeFlags, io: CliIo): Promise<{ app: FastifyInstance; url: string }> {
  const { startServeApp } = await import('./serve-app.js');
  return startServeApp(flags, io);
}

/**
 * `jixiao serve [--port 8080] [--host 127.0.0.1]`: the HTTP adapter for systems that are not JavaScript.
 * Binds to loopback unless told otherwise (and warns when it is told otherwise); answers only requests whose Host
 * is its own address or an `--allowed-host`; reads uploads in worker threads within `--read-timeout`; runs until the
 * process is stopped.
 */
export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('启动 HTTP 服务（/ 浏览器工作台、POST /v1/check、GET /v1/rules、GET /healthz、GET /openapi.json） / start the HTTP adapter and the browser workbench at /')
    .option('--port <port>', '端口（0 = 任选空闲端口） / port (0 picks a free one)', '8080')
    .option('--host <host>', '监听地址（默认仅本机） / address to bind (default: loopback only)', '127.0.0.1')
    .option('-c, --config <file>', 'jixiao.config.json')
    .option('-p, --pack <pack...>', '规则包（名称、包名或目录），默认 standard / rule packs (name, package or folder)')
    .option('-t, --template <template...>', TEMPLATE_OPTION_HELP)
    .option('--max-bytes <n>', '请求体（multipart 为全部文件合计）的最大字节数（默认 20 MiB） / largest request body, or all files of a multipart request together, in bytes (default 20 MiB)')
    .option('--read-timeout <seconds>', '每个请求读取自评表的时间上限（秒，默认 60），超时答 422 read-timeout / time to read the forms of one request (seconds, default 60); past it, 422 read-timeout')
    .option(
      '--allowed-host <name>',
      '另外允许的 Host 名称（可重复；默认只允许监听地址，防 DNS 重绑定；* 不检查） / another name a request\'s Host may carry (repeatable; by default only the address listened on, against DNS rebinding; * checks nothing)',
      (name: string, names: string[]) => [...names, name],
      [],
    )
    .option('--cors <origin>', '允许调用本服务的网页来源（CORS；可重复；如 https://oa.example.gov.cn，* 为任意来源） / an origin whose web pages may call this server (CORS; repeatable; e.g. https://oa.example.gov.cn, * for any)', (origin: string, origins: string[]) => [...origins, origin], [])
    .option('--waivers <file>', '豁免文件（JSON/YAML），对每个请求的结果生效 / waiver file (JSON or YAML), applied to every request\'s results')
    .action(async (flags: ServeFlags) => {
      const { app, url } = await startServe(flags, io);
      io.stderr(`jixiao ${VERSION} 正在监听 / listening on ${url}（OpenAPI: ${url}/openapi.json；访问日志写到标准输出 / access log on standard output）\n`);
      // Resolve only when the server closes (the process is stopped): the command runs until then.
      await new Promise<void>((resolve) => {
        app.server.once('close', resolve);
      });
      setExit(0);
    });
}
