/**
 * PDF text in the browser, as the CLI reads it (packages/import/src/node/pdf-worker.js): pdf.js 5 with the same
 * options (no code evaluated from the document, no font loading, nothing fetched) and its text items and their
 * positions taken by the same code (`@jixiao/import`'s PDFJS_OPTIONS and pdfjsPages), and lines, cells and the
 * form rebuilt from them by the same browser-safe code (`importPdfText`). pdf.js's own worker runs in a worker of its own (src/pdf-reader/), started from a blob, so a PDF
 * that takes longer than the CLI's limit is stopped by ending that worker; a stream that inflates past the CLI's
 * limit is refused there. Character maps for Chinese fonts without their own (the Adobe-GB1 and Adobe-CNS1
 * collections) come with this bundle; the page fetches nothing.
 *
 * Only worker-pdf.js holds this module (and pdf.js): the other workers are built with `no-pdf.ts` in its place.
 */
import { getDocument, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
import { DEFAULT_PDF_TIMEOUT_MS, MAX_PDF_PAGES, PDFJS_OPTIONS, pdfjsPages, type PdfReadError, type PdfText } from '@jixiao/import';
import cmaps from 'virtual:pdf-cmaps';
import readerSource from 'virtual:pdf-reader';
import { TOO_LARGE } from '../pdf-reader/message.js';

export type PdfExtract = PdfText | { readonly error: PdfReadError; readonly detail?: string };

/**
 * pdf.js's data loader, given the character maps bundled here instead of URLs (the page may not fetch). The
 * standard 14 fonts' files (Helvetica, Times, Courier, Symbol, ZapfDingbats as LiberationSans and Foxit: 804 KB)
 * are not bundled: pdf.js asks for one when a PDF names such a font without embedding it, and goes on without it
 * on the refusal, with the widths it knows of the 14 — text and positions as the CLI's reader takes them with the
 * files (Helvetica in a test; Times-Roman and ZapfDingbats compared by hand, pdf.js 5.6 in Node with the files and
 * without), so the bundle would only grow for drawing glyphs.
 */
class BundledData {
  fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const packed = kind === 'cMapUrl' ? cmaps[filename] : undefined;
    if (packed === undefined) return Promise.reject(new Error(`${filename}: not available in the browser`));
    return Promise.resolve(Uint8Array.from(atob(packed), (c) => c.charCodeAt(0)));
  }
}

interface Reader {
  readonly worker: Worker;
  readonly pdf: PDFWorker;
  tooLarge: boolean;
}

let reader: Reader | undefined;

function startReader(): Reader {
  const worker = new Worker(URL.createObjectURL(new Blob([readerSource], { type: 'text/javascript' })), { name: 'jixiao-pdf' });
  // The CLI's verbosity (errors only) from the start: the worker takes it when made, not from getDocument's options.
  const started: Reader = { worker, pdf: new PDFWorker({ port: worker as unknown as null, verbosity: PDFJS_OPTIONS.verbosity }), tooLarge: false };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'object' && event.data !== null && TOO_LARGE in event.data) started.tooLarge = true;
  });
  return started;
}

function stopReader(): void {
  if (reader === undefined) return;
  reader.pdf.destroy();
  reader.worker.terminate();
  reader = undefined;
}

async function extract(bytes: Uint8Array, current: Reader, maxPages: number): Promise<PdfExtract> {
  const task = getDocument({
    // pdf.js takes the buffer over: a copy, so the page keeps the file.
    data: bytes.slice(),
    worker: current.pdf,
    // The CLI's options (no code generated from the document, no font loading, nothing fetched), and the bundled
    // character maps through pdf.js's data loader in place of its fetching.
    ...PDFJS_OPTIONS,
    useWorkerFetch: false,
    useWasm: false,
    BinaryDataFactory: BundledData,
    cMapUrl: 'bundled:/',
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    if (current.tooLarge) return { error: 'pdf-too-large' };
    if ((error as { name?: string } | null)?.name === 'PasswordException') return { error: 'pdf-password' };
    return { error: 'pdf-invalid', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    const pages = await pdfjsPages(doc, maxPages);
    return current.tooLarge ? { error: 'pdf-too-large' } : { totalPages: doc.numPages, pages };
  } catch (error) {
    return current.tooLarge ? { error: 'pdf-too-large' } : { error: 'pdf-invalid', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    await doc.destroy();
  }
}

/**
 * A PDF's text items and their positions (or why not), within the CLI's limits: pages, time (past it the reader's
 * worker is ended and the next PDF starts a new one) and the largest stream.
 */
export async function extractPdf(bytes: Uint8Array, timeoutMs = DEFAULT_PDF_TIMEOUT_MS, maxPages = MAX_PDF_PAGES): Promise<PdfExtract> {
  reader ??= startReader();
  const current = reader;
  current.tooLarge = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<PdfExtract>((resolve) => {
    timer = setTimeout(() => {
      resolve({ error: 'pdf-timeout' });
    }, timeoutMs);
  });
  const result = await Promise.race([extract(bytes, current, maxPages), late]);
  clearTimeout(timer);
  // Ended after a time-out (pdf.js may still be busy) or a refused stream (its state is not to be trusted).
  if ('error' in result && (result.error === 'pdf-timeout' || result.error === 'pdf-too-large')) stopReader();
  return result;
}
