import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfPage } from './lines.js';

/** Options for pdf.js's getDocument: no code from the document, no fonts loaded, nothing fetched (pdfjs-text.js). */
export declare const PDFJS_OPTIONS: Readonly<{
  isEvalSupported: false;
  disableFontFace: true;
  useSystemFonts: true;
  fontExtraProperties: true;
  disableAutoFetch: true;
  disableStream: true;
  enableXfa: false;
  isOffscreenCanvasSupported: false;
  isImageDecoderSupported: false;
  cMapPacked: true;
  verbosity: 0;
}>;

/** The text items of the first `maxPages` pages of an open pdf.js document (pdfjs-text.js). */
export declare function pdfjsPages(doc: PDFDocumentProxy, maxPages: number): Promise<PdfPage[]>;
