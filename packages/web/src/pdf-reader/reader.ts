/**
 * The PDF reader's own worker: pdf.js's worker code (which answers the check worker's pdf.js from this worker's
 * global scope as soon as it is loaded), started by the check worker that reads PDFs (worker-pdf.js) from a blob,
 * so that a PDF that takes too long is stopped by ending this worker alone, as the CLI ends its reading thread.
 *
 * A stream that inflates without end lives in typed arrays, outside the JavaScript heap: as the CLI's reading thread
 * does (packages/import/src/node/pdf-worker.js), the `Uint8Array` and `DecompressionStream` pdf.js finds on the
 * global object refuse past {@link DEFAULT_PDF_BUFFER_MB}, and the check worker is told, so the file is reported
 * as too large (pdf.js swallows errors while reading a page's text).
 */
import 'pdfjs-dist/build/pdf.worker.mjs';
import { DEFAULT_PDF_BUFFER_MB } from '@jixiao/import';
import { TOO_LARGE } from './message.js';

const maxBytes = DEFAULT_PDF_BUFFER_MB * 1024 * 1024;
const refuse = (): RangeError => {
  postMessage({ [TOO_LARGE]: true });
  return new RangeError(`a PDF stream larger than ${String(maxBytes)} bytes`);
};

const Unbounded = globalThis.Uint8Array;
globalThis.Uint8Array = class Uint8Array extends Unbounded {
  constructor(...args: unknown[]) {
    if (typeof args[0] === 'number' && args[0] > maxBytes) throw refuse();
    super(...(args as []));
  }
};

const Decompression = globalThis.DecompressionStream;
globalThis.DecompressionStream = class DecompressionStream {
  readonly writable: WritableStream<BufferSource>;
  readonly readable: ReadableStream<Uint8Array>;
  constructor(format: CompressionFormat) {
    const inner = new Decompression(format);
    let total = 0;
    this.writable = inner.writable;
    this.readable = inner.readable.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          total += chunk.byteLength;
          if (total > maxBytes) controller.error(refuse());
          else controller.enqueue(chunk);
        },
      }),
    );
  }
} as unknown as typeof DecompressionStream;
