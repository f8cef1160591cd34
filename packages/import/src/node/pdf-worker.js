// Worker-thread entry that reads a PDF's text with pdf.js (plain JavaScript: the worker runs this file as it
// is, from the sources in tests and from dist/ once built). It runs in its own thread so that the parent can
// bound it: a heap limit (a stream that inflates without end exhausts this thread, not the process) and a time
// limit (the parent terminates it). It only extracts text items and their positions; lines and cells are
// rebuilt in the parent (src/pdf/lines.ts).
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PDFJS_OPTIONS, pdfjsPages } from '../pdf/pdfjs-text.js';

const require = createRequire(import.meta.url);

// A giant stream (under a MB deflated to gigabytes) lives in typed arrays, outside the heap, so the thread's heap
// limit does not stop it: pdf.js inflates a stream with the platform's DecompressionStream, gathering every chunk,
// else with its own inflater into one buffer doubled as it fills (a 0.6 MB file took the process to 850 MB and
// 18 s). pdf.js finds both on the global object: here the DecompressionStream errors past the limit and the
// Uint8Array refuses a buffer over it. pdf.js swallows errors while reading a page's text, so the refusal is also
// recorded and the whole file is then reported as too large.
let tooLarge = false;
const maxBufferBytes = (workerData?.maxBufferMb ?? 64) * 1024 * 1024;
const refuse = () => {
  tooLarge = true;
  return new RangeError(`a PDF stream larger than ${maxBufferBytes} bytes`);
};
const Unbounded = globalThis.Uint8Array;
globalThis.Uint8Array = class Uint8Array extends Unbounded {
  constructor(...args) {
    if (typeof args[0] === 'number' && args[0] > maxBufferBytes) throw refuse();
    super(...args);
  }
};
const Decompression = globalThis.DecompressionStream;
globalThis.DecompressionStream = class DecompressionStream {
  constructor(format) {
    const inner = new Decompression(format);
    let total = 0;
    this.writable = inner.writable;
    this.readable = inner.readable.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          total += chunk.byteLength;
          if (total > maxBufferBytes) controller.error(refuse());
          else controller.enqueue(chunk);
        },
      }),
    );
  }
};

async function extract({ bytes, maxPages }) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: bytes,
    ...PDFJS_OPTIONS,
    // The character maps for CJK fonts come from the package's own folder. In Node pdf.js reads them with
    // fs.readFile: a folder path, not a file: URL (a URL string is taken as a relative path, fails, and pdf.js goes
    // on without: a Chinese font the PDF names without embedding lost all its text). The standard 14 fonts' files
    // are not given, as in the browser (packages/web/src/worker/pdf.ts): pdf.js knows their widths without them
    // (they only draw glyphs), and a standard font it has no file for is one it names (`ZapfDingbats`: see
    // PDFJS_OPTIONS), which tells a ZapfDingbats check mark from a letter.
    cMapUrl: `${join(root, 'cmaps')}${sep}`,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error?.name ?? '';
    if (tooLarge) return { error: 'pdf-too-large' };
    if (name === 'PasswordException') return { error: 'pdf-password' };
    return { error: 'pdf-invalid', detail: String(error?.message ?? error) };
  }
  try {
    const totalPages = doc.numPages;
    const pages = await pdfjsPages(doc, maxPages);
    return tooLarge ? { error: 'pdf-too-large' } : { totalPages, pages };
  } finally {
    await doc.destroy();
  }
}

extract(workerData).then(
  (result) => parentPort.postMessage(result),
  (error) => parentPort.postMessage(tooLarge ? { error: 'pdf-too-large' } : { error: 'pdf-invalid', detail: String(error?.message ?? error) }),
);
