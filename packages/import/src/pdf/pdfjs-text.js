// How pdf.js is asked for a PDF's text, shared by the CLI's reading thread (src/node/pdf-worker.js, plain JavaScript
// run as it is) and the browser workbench (packages/web/src/worker/pdf.ts), so both take the same items from the
// same file and rebuild the same lines. Types: pdfjs-text.d.ts.

/**
 * Options for pdf.js's getDocument: no code generated from the document (PostScript functions, fonts), no font
 * loading, no XFA, nothing fetched or streamed; packed character maps (where they come from is the caller's).
 * `useSystemFonts` with `fontExtraProperties` only makes pdf.js name, in a text item's style, the font a PDF names
 * without embedding it (`fontSubstitution`: `"ZapfDingbats",g_d0_sf4,sans-serif`): its `fontFamily` is generic
 * (`sans-serif`), and the name is what tells a ZapfDingbats `4` (✔) from a digit. Nothing is loaded for it: text
 * content never loads a font, and `disableFontFace` keeps font faces off.
 */
export const PDFJS_OPTIONS = Object.freeze({
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: true,
  fontExtraProperties: true,
  disableAutoFetch: true,
  disableStream: true,
  enableXfa: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  cMapPacked: true,
  verbosity: 0,
});

/**
 * A text item's font as the PDF names it where pdf.js knows the name (a font not embedded: the first family of its
 * substitution), else pdf.js's generic family.
 */
function fontName(style) {
  const named = /^"([^"]+)"/.exec(style?.fontSubstitution ?? '');
  return named?.[1] ?? style?.fontFamily ?? '';
}

/** The text items of the first `maxPages` pages of an open pdf.js document: string, baseline origin, size, font. */
export async function pdfjsPages(doc, maxPages) {
  const pages = [];
  for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const content = await page.getTextContent({ disableNormalization: false });
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str === '') continue;
      const [a, b, , , x, y] = item.transform;
      items.push({ s: item.str, x, y, w: item.width, h: item.height || Math.hypot(a, b), f: fontName(content.styles[item.fontName]), font: item.fontName });
    }
    pages.push({ number: n, width, height, items });
    page.cleanup();
  }
  return pages;
}
