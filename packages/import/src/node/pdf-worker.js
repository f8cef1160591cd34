// Worker-thread entry that reads a PDF's text with pdf.js (plain JavaScript: the worker runs this file as it
// is, from the sources in tests and from dist/ once built). It runs in its own thread so that the parent can
// bound it: a heap limit (a stream that inflates without end exhausts this thread, not the process) and a time
// limit (the parent terminates it). It only extracts text items and their positions; lines and cells are
// rebuilt in the parent (src/pdf/lines.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

async function extract({ bytes, maxPages }) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: bytes,
    // No code generated from the document (PostScript functions, fonts), no font loading, nothing fetched: the
    // character maps for CJK fonts come from the package's own folder.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: `${pathToFileURL(join(root, 'cmaps')).href}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(join(root, 'standard_fonts')).href}/`,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error?.name ?? '';
    if (name === 'PasswordException') return { error: 'pdf-password' };
    return { error: 'pdf-invalid', detail: String(error?.message ?? error) };
  }
  try {
    const totalPages = doc.numPages;
    const pages = [];
    for (let n = 1; n <= Math.min(totalPages, maxPages); n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent({ disableNormalization: false });
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || item.str === '') continue;
        const [a, b, , , x, y] = item.transform;
        items.push({ s: item.str, x, y, w: item.width, h: item.height || Math.hypot(a, b), f: content.styles[item.fontName]?.fontFamily ?? '', font: item.fontName });
      }
      pages.push({ number: n, width, height, items });
      page.cleanup();
    }
    return { totalPages, pages };
  } finally {
    await doc.destroy();
  }
}

extract(workerData).then(
  (result) => parentPort.postMessage(result),
  (error) => parentPort.postMessage({ error: 'pdf-invalid', detail: String(error?.message ?? error) }),
);
