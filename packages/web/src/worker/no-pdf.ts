/**
 * What `worker.js` and `worker-xlsx.js` hold in place of the PDF reader (scripts/build.mjs): those workers never read
 * a PDF — they give the file back to the page, which sends it to `worker-pdf.js` — so reaching this is a bug,
 * reported as one.
 */
import type { PdfExtract } from './pdf.js';

export function extractPdf(): Promise<PdfExtract> {
  return Promise.reject(new Error('this worker has no PDF reader: PDFs are read by worker-pdf.js'));
}
