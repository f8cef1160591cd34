import type { SourcePosition } from '@jixiao/core';
import { failure, type ImportDiagnostic, type ImportResult } from '../diagnostics.js';
import { readForm } from '../form/read-form.js';
import { toEvaluation } from '../form/to-evaluation.js';
import { pdfLines, type PdfLine, type PdfPage } from './lines.js';

/** Pages read at most; a longer PDF is read up to here with a warning (a self-evaluation runs to a few dozen). */
export const MAX_PDF_PAGES = 100;

/** Fewer non-blank characters than this in the whole text layer: a scan (images of pages), not text. */
const MIN_TEXT_CHARS = 20;

/** What pdf.js extracted: pages of positioned text items, and how many pages the file has. */
export interface PdfText {
  readonly totalPages: number;
  readonly pages: readonly PdfPage[];
}

function where(lines: readonly PdfLine[], line: number | undefined): { page?: number; line?: number } {
  const l = line === undefined ? undefined : lines[line - 1];
  return l === undefined ? {} : { page: l.page, line: l.line };
}

/**
 * Read the form from a PDF's text layer: lines and table cells rebuilt from text positions (cells of a row
 * joined by tabs, as Word's text export has them), read by the form reader; positions are page and line.
 * A PDF whose text layer is empty is a scan: "扫描件，无文字层，需 OCR", not "not a form".
 */
export function importPdfText(text: PdfText): ImportResult {
  const lines = pdfLines(text.pages);
  const chars = lines.reduce((n, l) => n + l.cells.join('').replace(/\s/g, '').length, 0);
  if (text.totalPages > 0 && chars < MIN_TEXT_CHARS) {
    return failure('pdf', 'pdf-no-text', `扫描件，无文字层，需 OCR：这个 PDF 的 ${text.totalPages} 页里没有可读取的文字（是图片）。请提交 Word 文件，或先做文字识别（OCR）。`, `A scanned PDF with no text layer; it needs OCR: its ${text.totalPages} page(s) hold no text (images only). Submit the Word file, or run OCR first.`);
  }
  const result = toEvaluation(readForm(lines.map((l) => l.cells.join('\t'))), 'pdf');
  const mapDiag = (d: ImportDiagnostic): ImportDiagnostic => {
    const { line, column: _column, ...rest } = d;
    return { ...rest, ...where(lines, line) };
  };
  const truncated: ImportDiagnostic[] =
    text.totalPages > text.pages.length
      ? [{ code: 'pdf-pages-skipped', severity: 'warning', message: { 'zh-CN': `PDF 共 ${text.totalPages} 页，只读取了前 ${text.pages.length} 页。`, en: `The PDF has ${text.totalPages} pages; only the first ${text.pages.length} were read.` } }]
      : [];
  if (!result.ok) return { ...result, diagnostics: [...result.diagnostics.map(mapDiag), ...truncated] };
  const positions: Record<string, SourcePosition> = {};
  for (const [path, p] of Object.entries(result.positions)) positions[path] = { ...where(lines, p.line), ...(p.excerpt === undefined ? {} : { excerpt: p.excerpt }) };
  const evaluation = { ...result.evaluation };
  if (evaluation.answerResolution !== undefined) {
    // Line numbers of the rebuilt text mean nothing to a reader of the PDF: positions carry page and line.
    evaluation.answerResolution = Object.fromEntries(
      Object.entries(evaluation.answerResolution).map(([field, r]) => {
        const { line: _line, ...rest } = r;
        return [field, rest];
      }),
    );
  }
  return { ok: true, kind: 'pdf', evaluation, diagnostics: [...result.diagnostics.map(mapDiag), ...truncated], positions };
}
