/**
 * How `jixiao serve` reads an uploaded form: like a file on the command line (.docx, Word text, canonical JSON or
 * YAML, PDF, and the formats LibreOffice converts), through `@jixiao/import/node`. This module is also the entry of
 * the server's reading threads (bundled by tsup as `dist/serve-reader.js`, run by piscina): a form that takes long
 * to read, or too much memory, costs its own thread, never the event loop that answers every other request (see
 * `serve-app.ts`).
 */
import { workerData } from 'node:worker_threads';
import type { SubmissionRead } from '@jixiao/adapters';
import { formGaps, type Locale, type Template } from '@jixiao/core';
import { formatDiagnostic } from '@jixiao/import';
import { importBuffer, useConversionSlots } from '@jixiao/import/node';

/**
 * What a reading thread is started with: the server's LibreOffice slots, so all its threads share one limit, and
 * the form templates selected (`--template`, the config's, a pack's; absent: the shipped ones).
 */
export interface ReaderStart {
  readonly conversionSlots?: SharedArrayBuffer;
  readonly templates?: readonly Template[];
}

const start = (workerData as ReaderStart | null | undefined) ?? {};
if (start.conversionSlots !== undefined) useConversionSlots(start.conversionSlots);

/** One upload to read (plain data: it is cloned to the reading thread). */
export interface ReadTask {
  readonly bytes: Uint8Array;
  readonly filename?: string;
  readonly contentType?: string;
}

/**
 * Read one upload, among the form templates given (in a reading thread: those it was started with); a file that is
 * not a form is a reason in each language (the server gives the request's). The result names the template.
 */
export default async function readUpload(task: ReadTask, templates: readonly Template[] | undefined = start.templates): Promise<SubmissionRead> {
  const read = await importBuffer(task.bytes, { ...(task.filename === undefined ? {} : { filename: task.filename }), ...(task.contentType === undefined ? {} : { contentType: task.contentType }), ...(templates === undefined ? {} : { templates }) });
  if (!read.ok) {
    const reason = (locale: Locale) => read.diagnostics.map((d) => formatDiagnostic(d, locale)).join('\n');
    return { ok: false, reason: { 'zh-CN': reason('zh-CN'), en: reason('en') } };
  }
  const base = { ok: true as const, evaluation: read.evaluation, positions: read.positions, diagnostics: read.diagnostics, ...(read.template === undefined ? {} : { template: read.template }) };
  return { ...base, ...formGaps(read) };
}
