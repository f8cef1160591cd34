import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Template } from '@jixiao/core';
import type { ImportResult } from '../diagnostics.js';
import { DEFAULT_PDF_BUFFER_MB, DEFAULT_PDF_TIMEOUT_MS, importPdfText, MAX_PDF_PAGES, pdfFailure, type PdfReadError, type PdfText } from '../pdf/import-pdf.js';

export { DEFAULT_PDF_TIMEOUT_MS };

/** Limits on reading one PDF. */
export interface PdfLimits {
  /** Time for pdf.js to read the file (default 30 s); past it the thread is terminated. */
  readonly timeoutMs?: number;
  /** Heap of the reading thread in MB (default 256): a stream that inflates without end stops there. */
  readonly maxHeapMb?: number;
  /** Pages read (default {@link MAX_PDF_PAGES}). */
  readonly maxPages?: number;
  /** Largest decoded stream in MB (default 64): a stream inflating beyond it makes the file too large. */
  readonly maxBufferMb?: number;
}

const DEFAULT_PDF_HEAP_MB = 256;

/**
 * pdf-worker.js (plain JavaScript, shipped as is): beside this module in the sources and beside the CLI's bundle;
 * from the package's dist/node, in the sources it ships.
 */
function workerUrl(): URL {
  const here = new URL('./pdf-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../src/node/pdf-worker.js', import.meta.url);
}

type WorkerReply = PdfText | { readonly error: Extract<PdfReadError, 'pdf-password' | 'pdf-invalid'>; readonly detail?: string };

/**
 * pdf.js's part of reading a PDF: its text items and their positions, extracted in a worker thread under the limits
 * (or why not). {@link importPdf} rebuilds lines from them and reads the form; the benchmark times this part alone.
 */
export function extractPdfText(bytes: Uint8Array, limits: PdfLimits = {}): Promise<WorkerReply | { readonly error: PdfReadError; readonly detail?: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(workerUrl(), {
      workerData: { bytes, maxPages: limits.maxPages ?? MAX_PDF_PAGES, maxBufferMb: limits.maxBufferMb ?? DEFAULT_PDF_BUFFER_MB },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb ?? DEFAULT_PDF_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (reply: Parameters<typeof resolve>[0]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(reply);
    };
    const timer = setTimeout(() => {
      settle({ error: 'pdf-timeout' });
    }, limits.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS);
    worker.on('message', (reply: WorkerReply) => {
      settle(reply);
    });
    worker.on('error', (error) => {
      settle({ error: (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'pdf-too-large' : 'pdf-crashed', detail: error.message });
    });
    worker.on('exit', () => {
      settle({ error: 'pdf-crashed', detail: 'the reading thread stopped' });
    });
  });
}

/**
 * Read the form from a PDF with pdf.js, in a worker thread with a heap limit and a time limit (no code evaluated
 * from the document, no fonts loaded, nothing fetched). Password-protected, damaged, too-large and scanned PDFs
 * each get their own message. Never throws.
 */
export async function importPdf(bytes: Uint8Array, limits: PdfLimits = {}, templates?: readonly Template[]): Promise<ImportResult> {
  const reply = await extractPdfText(bytes, limits);
  if (!('error' in reply)) return importPdfText(reply, templates);
  return pdfFailure(reply.error, reply.detail, limits.timeoutMs);
}
