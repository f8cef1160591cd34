import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { formGaps, formTemplate, isLocale, localizeDiagnostic, type Checker, type CheckWaivers, type CompiledRule, type Evaluation, type EvaluationResult, type Locale, type LocalizedDiagnostic, type LocalizedText, type SourcePosition, type UnreadInput } from '@jixiao/core';
import openapi from '../../openapi.json' with { type: 'json' };
import { FORMATTERS, MEDIA_TYPES } from '../formats.js';
import { HttpError, fromFrameworkError, type HttpErrorCode } from './errors.js';
import { negotiateFormat } from './negotiate.js';
import { rulesListing } from './rules-listing.js';

/**
 * What a submission reader returns: the evaluation (with where its fields came from and what the reader noticed,
 * in both locales: the report carries them in its own), or why it failed — in both locales, of which the report's
 * list of unread files gives the request's (a plain string is given as it is).
 */
export type SubmissionRead =
  | { readonly ok: true; readonly evaluation: Evaluation; readonly positions?: Readonly<Record<string, SourcePosition>>; readonly diagnostics: readonly LocalizedDiagnostic[]; readonly fieldsNotOnForm?: readonly string[]; readonly unreadable?: Readonly<Record<string, string>>; readonly template?: { readonly id: string; readonly score?: number; readonly title?: LocalizedText } }
  | { readonly ok: false; readonly reason: string | LocalizedText };

/** A reader's reason in one locale (the report's), or in both, zh-CN first (an error body's detail, whose message is in both). */
function reasonText(reason: string | LocalizedText, locale?: Locale): string {
  if (typeof reason === 'string') return reason;
  return locale === undefined ? `${reason['zh-CN']}\n${reason.en}` : reason[locale];
}

/**
 * Turns the bytes of one submitted file into an evaluation (injected: the CLI wires `@jixiao/import`, in a worker
 * thread). `signal` aborts when the request's time to read its forms is up (see `ServerOptions.readTimeMs`): a
 * reader that can stop then should (the CLI's ends its worker thread); the request is answered `read-timeout`
 * either way.
 */
export type ReadSubmission = (bytes: Uint8Array, meta: { readonly filename?: string; readonly contentType?: string; readonly signal: AbortSignal }) => Promise<SubmissionRead>;

export interface ServerOptions {
  /** Compiled once; every request reuses it. */
  readonly checker: Checker;
  readonly readSubmission: ReadSubmission;
  /** Rules listed by `GET /v1/rules` (default: the checker's). */
  readonly rules?: readonly CompiledRule[];
  /** jixiao's version, reported by `/healthz` and in the reports. */
  readonly version: string;
  /** Largest request body (raw), or all the files of a multipart request together, in bytes. Default 20 MiB. */
  readonly bodyLimit?: number;
  /**
   * Time to read the forms of one request, in milliseconds, counted once its body has arrived; past it the request
   * is answered 422 `read-timeout`. Default 60 s.
   */
  readonly readTimeMs?: number;
  /**
   * The host names a request's `Host` header may carry (its port is not compared; IPv6 addresses without brackets);
   * any other request is answered 403 `host-not-allowed` before it reaches a route. This is the defence against DNS
   * rebinding: a web page from a name its author points at this server's address sends that name as `Host`, so it
   * cannot reach the API or read its answers. Default: any `Host` (the application that embeds the server decides).
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Origins whose web pages may call the API from a browser (CORS, through @fastify/cors): each an exact origin
   * (`https://oa.example.gov.cn`), or `*` for any. Preflight requests are answered; the `X-Jixiao-*` headers are
   * exposed. Default: none (a browser keeps other origins' pages from reading the answers).
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Called once per answered request with one line: time (UTC), client address, method, path (without the query,
   * which may name a file), status, time taken and bytes sent. Never anything of the form. Default: no log.
   */
  readonly accessLog?: (line: string) => void;
  /**
   * The waivers in force for a request (the CLI's `--waivers`), asked once per request (the day of the check is that
   * request's): given to the checker, so a waived failure is counted as waived and not by the self-rating check.
   */
  readonly waivers?: () => CheckWaivers;
  /**
   * Applied to each request's results before its report is written. For waivers, prefer `waivers`: waivers applied
   * after the check leave the self-rating check counting the failures they waive.
   */
  readonly waive?: (results: readonly EvaluationResult[], locale: Locale) => readonly EvaluationResult[];
  /** Most files in one multipart request. Default 20. */
  readonly maxFiles?: number;
  /** Pass a fastify logger setting (default: no logging; a library does not print). */
  readonly logger?: boolean;
  /**
   * Files served by `GET` at their URL path (`/` and `/app.js` …): the browser workbench (`@jixiao/web`'s build),
   * which checks forms in the browser and never calls this server's API.
   */
  readonly staticFiles?: ReadonlyMap<string, StaticFile>;
}

/** A file served as it is. */
export interface StaticFile {
  readonly body: Uint8Array | string;
  /** Its media type (`text/html; charset=utf-8`). */
  readonly type: string;
}

/** The default body limit: the same as the CLI's largest input file. */
export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;
/** The default time to read the forms of one request: twenty large .docx files at 3 s each. */
export const DEFAULT_READ_TIME_MS = 60_000;
const MAX_SOURCE_LENGTH = 255;

interface Submission {
  readonly bytes: Uint8Array;
  readonly filename?: string;
  readonly contentType?: string;
}

interface CheckQuery {
  format?: string;
  locale?: string;
  filename?: string;
}

function pickLocale(query: string | undefined, acceptLanguage: string | undefined): Locale {
  if (query !== undefined) {
    if (!isLocale(query)) throw new HttpError('unknown-locale', { locale: query });
    return query;
  }
  // zh-CN is the default; English only when the client asks for it before any Chinese.
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/**
 * The host name of a `Host` header (or of an allowed name) as compared: lower case, without port, IPv6 brackets or a
 * final dot, through the WHATWG URL parser (so `LOCALHOST.`, `localhost:8080` and `[::1]` are what they look like).
 * Undefined for anything that is not a plain host (with user info, a path, spaces …).
 */
export function hostName(value: string): string | undefined {
  if (value === '' || /[\s@/\\?#]/.test(value)) return undefined;
  // An IPv6 address written bare (`::1`, as an allowed name may be) is bracketed as in a URL.
  const host = !value.startsWith('[') && value.indexOf(':') !== value.lastIndexOf(':') ? `[${value}]` : value;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

/**
 * Requests the HTTP parser refuses before fastify sees them (a URL with raw UTF-8 such as an unencoded
 * `?filename=表.docx`, a header block over Node's limit, a request not sent in time) are answered in the same error
 * shape as every other 4xx, instead of fastify's generic body.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: HttpErrorCode = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request-timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? 'headers-too-large' : 'malformed-request';
  const failure = new HttpError(code, error.code === undefined ? undefined : { reason: error.code });
  const body = JSON.stringify(failure.body());
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${String(failure.status)} ${STATUS_CODES[failure.status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`);
}

async function readSubmissions(request: FastifyRequest, query: CheckQuery, bodyLimit: number): Promise<Submission[]> {
  if (request.isMultipart()) {
    const out: Submission[] = [];
    // All the files together, not only each one: twenty files just under the limit would be twenty times it.
    let total = 0;
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > bodyLimit) throw new HttpError('body-too-large', { limit: bodyLimit });
        chunks.push(chunk);
      }
      if (part.file.truncated) throw new HttpError('body-too-large', { limit: bodyLimit });
      const bytes = new Uint8Array(Buffer.concat(chunks));
      out.push({ bytes, ...(part.filename === '' ? {} : { filename: part.filename }), ...(part.mimetype === '' ? {} : { contentType: part.mimetype }) });
    }
    return out;
  }
  const body = request.body;
  if (!(body instanceof Uint8Array) || body.length === 0) return [];
  const contentType = request.headers['content-type'];
  return [{ bytes: body, ...(query.filename === undefined ? {} : { filename: query.filename }), ...(contentType === undefined ? {} : { contentType }) }];
}

/**
 * The HTTP adapter (fastify): `POST /v1/check` takes one or more forms (raw body, or multipart file parts) and
 * answers with the report in any format (`?format=` or `Accept`); `GET /v1/rules` lists the loaded rules,
 * `GET /healthz` says it is up, `GET /openapi.json` serves the committed OpenAPI document. Bad input gets a
 * 4xx JSON error with a code and messages in zh-CN and English. The instance is returned unstarted: call
 * `listen` (and `close`) yourself.
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const maxFiles = options.maxFiles ?? 20;
  const readTimeMs = options.readTimeMs ?? DEFAULT_READ_TIME_MS;
  const rules = options.rules ?? options.checker.rules;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit, requestTimeout: 120_000, return503OnClosing: true,
    clientErrorHandler: answerClientError,
    // A path the router cannot decode (`/v1/check%zz`) bypasses the error handler: the same shape here.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const mapped = fromFrameworkError(error);
      void reply.status(mapped.status).type('application/json; charset=utf-8').send(mapped.body());
    },
  });

  // Every request body arrives as bytes: the submission reader decides what they are (JSON, text, .docx).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
  // Fields are not read (only file parts are forms): each is cut short at 1 KiB instead of busboy's 1 MiB.
  void app.register(multipart, { limits: { fileSize: bodyLimit, files: maxFiles, fields: 10, fieldSize: 1024, parts: maxFiles + 10 } });

  app.setErrorHandler((error, _request, reply) => {
    const mapped = fromFrameworkError(error);
    void reply.status(mapped.status).type('application/json; charset=utf-8').send(mapped.body());
  });
  if (options.allowedHosts !== undefined) {
    // (A name that is not a host name allows nothing: undefined is never in the set.)
    const allowed = new Set<string | undefined>(options.allowedHosts.map(hostName).filter((h) => h !== undefined));
    app.addHook('onRequest', (request, _reply, done) => {
      const host = request.headers.host;
      done(host !== undefined && allowed.has(hostName(host)) ? undefined : new HttpError('host-not-allowed', { host: host?.slice(0, MAX_SOURCE_LENGTH) ?? null }));
    });
  }
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    void app.register(cors, {
      origin: options.corsOrigins.includes('*') ? '*' : [...options.corsOrigins],
      methods: ['GET', 'HEAD', 'POST'],
      exposedHeaders: ['x-jixiao-errors', 'x-jixiao-diagnostics', 'x-jixiao-unread'],
      maxAge: 600,
    });
  }
  if (options.accessLog !== undefined) {
    const log = options.accessLog;
    app.addHook('onResponse', (request, reply, done) => {
      const path = request.url.split('?')[0] ?? '';
      const bytes = reply.getHeader('content-length');
      log(`${new Date().toISOString()} ${request.ip} ${request.method} ${path} ${String(reply.statusCode)} ${reply.elapsedTime.toFixed(0)}ms ${bytes === undefined ? '-' : String(bytes)}`);
      done();
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const known = ['/v1/check', '/v1/rules', '/healthz', '/openapi.json'].includes(path) || options.staticFiles?.has(path) === true;
    const error = new HttpError(known ? 'method-not-allowed' : 'not-found', { method: request.method, url: request.url });
    void reply.status(error.status).type('application/json; charset=utf-8').send(error.body());
  });

  for (const [path, file] of options.staticFiles ?? []) {
    app.get(path, (_request, reply) => reply.type(file.type).header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache').send(file.body));
  }
  app.get('/healthz', () => ({ status: 'ok', version: options.version, rules: rules.length }));
  app.get('/openapi.json', (_request, reply) => reply.type('application/json; charset=utf-8').send(openapi));
  app.get('/v1/rules', () => ({ tool: { name: 'jixiao', version: options.version }, count: rules.length, rules: rulesListing(rules) }));

  app.post('/v1/check', async (request: FastifyRequest<{ Querystring: CheckQuery }>, reply: FastifyReply) => {
    const query = request.query;
    const format = negotiateFormat(query.format, request.headers.accept);
    const locale = pickLocale(query.locale, request.headers['accept-language']);
    const submissions = await readSubmissions(request, query, bodyLimit);
    if (submissions.length === 0) throw new HttpError('empty-submission');
    // The clock for reading starts once the body is in: a slow upload is the request timeout's business.
    const signal = AbortSignal.timeout(readTimeMs);
    const timedOut = () => new HttpError('read-timeout', { seconds: readTimeMs / 1000 });
    // (Asked each time: the signal changes while a reader is awaited.)
    const expired = () => signal.aborted;
    const results: EvaluationResult[] = [];
    // A request of several files accounts for each, as a batch does: a file that cannot be read is listed with its
    // reason, and the others are checked. A request of one file that cannot be read is answered 422.
    const unread: UnreadInput[] = [];
    const waivers = options.waivers?.();
    let diagnostics = 0;
    for (const [i, s] of submissions.entries()) {
      const source = (s.filename ?? (submissions.length === 1 ? 'submission' : `submission-${String(i + 1)}`)).slice(0, MAX_SOURCE_LENGTH);
      if (expired()) throw timedOut();
      let read: SubmissionRead;
      try {
        read = await options.readSubmission(s.bytes, { ...(s.filename === undefined ? {} : { filename: s.filename }), ...(s.contentType === undefined ? {} : { contentType: s.contentType }), signal });
      } catch (error) {
        if (expired()) throw timedOut();
        throw error;
      }
      // A reader that cannot stop (one in this thread) still loses the request once its time is up.
      if (expired()) throw timedOut();
      if (!read.ok) {
        if (submissions.length === 1) throw new HttpError('unreadable-submission', { source, reason: reasonText(read.reason) });
        unread.push({ source, reason: reasonText(read.reason, locale) });
        continue;
      }
      diagnostics += read.diagnostics.length;
      const checked = await options.checker.checkEvaluation(read.evaluation, { source, locale, ...(read.positions === undefined ? {} : { positions: read.positions }), ...formGaps(read), ...(waivers === undefined ? {} : { waivers }) });
      // The form template the file was read with, and the import diagnostics, travel in the report itself.
      const named = read.template === undefined ? checked : { ...checked, template: formTemplate(read.template, locale) };
      results.push(read.diagnostics.length === 0 ? named : { ...named, diagnostics: read.diagnostics.map((d) => localizeDiagnostic(d, locale)) });
    }
    // Waivers (if any) first: the report and X-Jixiao-Errors count what is left.
    const final = options.waive === undefined ? results : options.waive(results, locale);
    const report = await FORMATTERS[format](final, { locale, toolVersion: options.version, rules, parameters: options.checker.parameters, ...(unread.length === 0 ? {} : { unread }) });
    const errors = final.reduce((n, r) => n + r.summary.errors, 0);
    void reply
      .header('content-type', MEDIA_TYPES[format])
      .header('x-jixiao-errors', String(errors))
      .header('x-jixiao-diagnostics', String(diagnostics))
      .header('x-jixiao-unread', String(unread.length))
      .header('vary', 'Accept, Accept-Language');
    return typeof report === 'string' ? report : Buffer.from(report.buffer, report.byteOffset, report.byteLength);
  });

  return app;
}
