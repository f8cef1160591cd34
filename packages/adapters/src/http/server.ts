import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { isLocale, localizeDiagnostic, type Checker, type CompiledRule, type Evaluation, type EvaluationResult, type Locale, type LocalizedDiagnostic, type SourcePosition } from '@jixiao/core';
import openapi from '../../openapi.json' with { type: 'json' };
import { FORMATTERS, MEDIA_TYPES } from '../formats.js';
import { HttpError, fromFrameworkError } from './errors.js';
import { negotiateFormat } from './negotiate.js';

/**
 * What a submission reader returns: the evaluation (with where its fields came from and what the reader noticed,
 * in both locales: the report carries them in its own), or why it failed.
 */
export type SubmissionRead =
  | { readonly ok: true; readonly evaluation: Evaluation; readonly positions?: Readonly<Record<string, SourcePosition>>; readonly diagnostics: readonly LocalizedDiagnostic[]; readonly fieldsNotOnForm?: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Turns the bytes of one submitted file into an evaluation (injected: the CLI wires `@jixiao/import`). */
export type ReadSubmission = (bytes: Uint8Array, meta: { readonly filename?: string; readonly contentType?: string }) => Promise<SubmissionRead>;

export interface ServerOptions {
  /** Compiled once; every request reuses it. */
  readonly checker: Checker;
  readonly readSubmission: ReadSubmission;
  /** Rules listed by `GET /v1/rules` (default: the checker's). */
  readonly rules?: readonly CompiledRule[];
  /** jixiao's version, reported by `/healthz` and in the reports. */
  readonly version: string;
  /** Largest request body (raw) or file (multipart), in bytes. Default 20 MiB. */
  readonly bodyLimit?: number;
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

async function readSubmissions(request: FastifyRequest, query: CheckQuery): Promise<Submission[]> {
  if (request.isMultipart()) {
    const out: Submission[] = [];
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const bytes = new Uint8Array(await part.toBuffer());
      out.push({ bytes, ...(part.filename === '' ? {} : { filename: part.filename }), ...(part.mimetype === '' ? {} : { contentType: part.mimetype }) });
    }
    return out;
  }
  const body = request.body;
  if (!(body instanceof Uint8Array) || body.length === 0) return [];
  const contentType = request.headers['content-type'];
  return [{ bytes: body, ...(query.filename === undefined ? {} : { filename: query.filename }), ...(contentType === undefined ? {} : { contentType }) }];
}

function rulesListing(rules: readonly CompiledRule[]) {
  return rules.map(({ rule, pack, severity }) => ({
    id: rule.id,
    pack: { name: pack.name, version: pack.version },
    title: rule.title,
    ...(rule.description === undefined ? {} : { description: rule.description }),
    severity,
    defaultSeverity: rule.severity,
    redFlag: rule.redFlag === true,
    tags: rule.tags ?? [],
    basis: rule.basis,
    paths: rule.paths,
    parameters: (rule.parameters ?? []).map((p) => ({ name: p.name, title: p.title, type: p.type, ...(p.unit === undefined ? {} : { unit: p.unit }) })),
    ...(rule.effective === undefined ? {} : { effective: rule.effective }),
  }));
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
  const rules = options.rules ?? options.checker.rules;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit, requestTimeout: 120_000, return503OnClosing: true });

  // Every request body arrives as bytes: the submission reader decides what they are (JSON, text, .docx).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
  void app.register(multipart, { limits: { fileSize: bodyLimit, files: maxFiles, fields: 10, parts: maxFiles + 10 } });

  app.setErrorHandler((error, _request, reply) => {
    const mapped = fromFrameworkError(error);
    void reply.status(mapped.status).type('application/json; charset=utf-8').send(mapped.body());
  });
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
    const submissions = await readSubmissions(request, query);
    if (submissions.length === 0) throw new HttpError('empty-submission');
    const results: EvaluationResult[] = [];
    let diagnostics = 0;
    for (const [i, s] of submissions.entries()) {
      const source = (s.filename ?? (submissions.length === 1 ? 'submission' : `submission-${String(i + 1)}`)).slice(0, MAX_SOURCE_LENGTH);
      const read = await options.readSubmission(s.bytes, { ...(s.filename === undefined ? {} : { filename: s.filename }), ...(s.contentType === undefined ? {} : { contentType: s.contentType }) });
      if (!read.ok) throw new HttpError('unreadable-submission', { source, reason: read.reason });
      diagnostics += read.diagnostics.length;
      const checked = await options.checker.checkEvaluation(read.evaluation, { source, locale, ...(read.positions === undefined ? {} : { positions: read.positions }), ...(read.fieldsNotOnForm === undefined ? {} : { fieldsNotOnForm: read.fieldsNotOnForm }) });
      // The import diagnostics travel in the report itself, whatever its format.
      results.push(read.diagnostics.length === 0 ? checked : { ...checked, diagnostics: read.diagnostics.map((d) => localizeDiagnostic(d, locale)) });
    }
    const report = await FORMATTERS[format](results, { locale, toolVersion: options.version, rules, parameters: options.checker.parameters });
    const errors = results.reduce((n, r) => n + r.summary.errors, 0);
    void reply
      .header('content-type', MEDIA_TYPES[format])
      .header('x-jixiao-errors', String(errors))
      .header('x-jixiao-diagnostics', String(diagnostics))
      .header('vary', 'Accept, Accept-Language');
    return typeof report === 'string' ? report : Buffer.from(report.buffer, report.byteOffset, report.byteLength);
  });

  return app;
}
