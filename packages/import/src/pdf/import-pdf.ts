import { ANSWER_FIELDS, fieldLabel, type Evaluation, type Template } from '@jixiao/core';
import { failure, type ImportDiagnostic, type ImportResult } from '../diagnostics.js';
import { relocateDiagnostic, relocateRead } from '../document/relocate.js';
import { partitionText } from '../document/text.js';
import { readDocument } from '../template/read-document.js';
import { pdfLines, symbolsWithoutTheirFont, type PdfLine, type PdfPage } from './lines.js';

/** Pages read at most; a longer PDF is read up to here with a warning (a self-evaluation runs to a few dozen). */
export const MAX_PDF_PAGES = 100;

/** Time for pdf.js to read one file, by default; past it the reading thread (Node) or worker (browser) is stopped. */
export const DEFAULT_PDF_TIMEOUT_MS = 30_000;

/**
 * Largest stream pdf.js may decode, in MB, by default: a form's content streams, fonts and character maps decode to a
 * few MB each (a whole embedded CJK font: ~20 MB); a stream inflating beyond it makes the file too large.
 */
export const DEFAULT_PDF_BUFFER_MB = 64;

/** Why pdf.js could not give a PDF's text: what {@link pdfFailure} words (the Node reader and the workbench alike). */
export type PdfReadError = 'pdf-password' | 'pdf-invalid' | 'pdf-timeout' | 'pdf-too-large' | 'pdf-crashed';

/**
 * The import result of a PDF pdf.js could not read: password-protected, too slow (after `timeoutMs`), too large,
 * else damaged (with pdf.js's own words in `detail`).
 */
export function pdfFailure(error: PdfReadError, detail?: string, timeoutMs = DEFAULT_PDF_TIMEOUT_MS): ImportResult {
  const seconds = Math.round(timeoutMs / 1000);
  switch (error) {
    case 'pdf-password':
      return failure('pdf', 'password-protected', '这个 PDF 受密码保护，无法读取。请提交未加密的文件。', 'This PDF is password-protected and cannot be read. Submit an unencrypted file.');
    case 'pdf-timeout':
      return failure('pdf', 'pdf-timeout', `读取这个 PDF 超过 ${seconds} 秒，已停止（文件可能损坏或被恶意构造）。`, `Reading this PDF took longer than ${seconds} s and was stopped (the file may be damaged or hostile).`);
    case 'pdf-too-large':
      return failure('pdf', 'pdf-too-large', '读取这个 PDF 所需内存超过上限，已停止（可能是解压后极大的数据流）。', 'Reading this PDF needed more memory than allowed and was stopped (a stream that inflates to a huge size?).');
    default:
      return failure('pdf', 'pdf-invalid', `这个 PDF 已损坏或无法解析：${detail ?? ''}`, `This PDF is damaged or cannot be parsed: ${detail ?? ''}`);
  }
}

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

/** The warning for symbol-font codes drawn in a text font (their marks are read as unknown). */
function symbolFontMissing(count: number, codes: readonly string[]): ImportDiagnostic {
  const list = codes.slice(0, 4).join(' ');
  return {
    code: 'pdf-symbol-font-missing',
    severity: 'warning',
    message: {
      'zh-CN': `这个 PDF 生成时缺少符号字体（Wingdings）：${count} 个符号（${list}）由正文字体代为绘制，在 PDF 中显示为空白或缺字框，勾选与空框无法区分。这些位置按“无法辨认”处理，请核对原件。`,
      en: `This PDF was made without its symbol font (Wingdings): ${count} symbol(s) (${list}) were drawn in a text font, which shows a blank or a missing-glyph box, so a tick cannot be told from an empty box. They are read as unknown marks; check the original.`,
    },
  };
}

/**
 * An option with no box beside it is read by the form reader as an empty box. In a PDF that is also where a mark
 * left no text (a symbol glyph without a text equivalent): nothing there says it was empty. A question read as
 * unanswered with such an option is ambiguous instead, and each such option says why (never "nothing ticked").
 */
function markLeftNoText(evaluation: Evaluation, diagnostics: readonly ImportDiagnostic[], texts: readonly string[]): { evaluation: Evaluation; diagnostics: ImportDiagnostic[] } {
  const sections = evaluation as unknown as Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
  const changed = new Set<string>();
  const patched: Record<string, Record<string, unknown>> = {};
  for (const d of diagnostics) {
    const path = d.path;
    if (d.code !== 'option-without-box' || path === undefined || !(ANSWER_FIELDS as readonly string[]).includes(path)) continue;
    const [group = '', key = ''] = path.split('.');
    const section = sections[group];
    if (section?.[key] !== 'unanswered') continue;
    patched[group] = { ...(patched[group] ?? section), [key]: 'ambiguous' };
    changed.add(path);
  }
  if (changed.size === 0) return { evaluation, diagnostics: [...diagnostics] };
  const label = (path: string) => ({ zh: fieldLabel(path) ?? path, en: fieldLabel(path, 'en') ?? path });
  const out = diagnostics.map((d): ImportDiagnostic => {
    if (d.path === undefined || !changed.has(d.path)) return d;
    const { zh, en } = label(d.path);
    if (d.code === 'option-without-box') {
      const word = Array.from(texts[(d.line ?? 0) - 1]?.slice((d.column ?? 1) - 1) ?? '')[0] ?? '';
      return {
        ...d,
        code: 'pdf-mark-missing',
        message: {
          'zh-CN': `“${zh}”：选项“${word}”旁没有任何符号——PDF 中该处的勾选符号可能没有留下文字，无法判断是否勾选，请核对原件`,
          en: `"${en}": no mark at all beside "${word}" — in a PDF that is where a tick may have left no text, so whether it was ticked cannot be told; check the original`,
        },
      };
    }
    if (d.code === 'answer-unanswered') {
      return { ...d, code: 'answer-ambiguous', message: { 'zh-CN': `“${zh}”：勾选符号无法辨认，无法判断（ambiguous）`, en: `"${en}": the marks cannot be told apart (ambiguous)` } };
    }
    return d;
  });
  return { evaluation: { ...evaluation, ...patched }, diagnostics: out };
}

/**
 * Read the form from a PDF's text layer: lines and table cells rebuilt from text positions (cells of a row
 * joined by tabs, as Word's text export has them), read by the form reader; positions are page and line.
 * A PDF whose text layer is empty is a scan: "扫描件，无文字层，需 OCR", not "not a form".
 */
export function importPdfText(text: PdfText, templates?: readonly Template[]): ImportResult {
  const lines = pdfLines(text.pages);
  const chars = lines.reduce((n, l) => n + l.cells.join('').replace(/\s/g, '').length, 0);
  if (text.totalPages > 0 && chars < MIN_TEXT_CHARS) {
    return failure('pdf', 'pdf-no-text', `扫描件，无文字层，需 OCR：这个 PDF 的 ${text.totalPages} 页里没有可读取的文字（是图片）。请提交 Word 文件，或先做文字识别（OCR）。`, `A scanned PDF with no text layer; it needs OCR: its ${text.totalPages} page(s) hold no text (images only). Submit the Word file, or run OCR first.`);
  }
  const texts = lines.map((l) => l.cells.join('\t'));
  // The rebuilt lines are text as Word exports it (cells joined by tabs): the one reading pipeline reads them.
  const read = readDocument(partitionText(texts.join('\n')), 'pdf', { templates });
  const lost = symbolsWithoutTheirFont(text.pages);
  const fontNote = lost.count === 0 ? [] : [symbolFontMissing(lost.count, lost.codes)];
  const result = read.ok ? { ...read, ...markLeftNoText(read.evaluation, read.diagnostics, texts) } : read;
  const locate = (line: number | undefined) => where(lines, line);
  const mapDiag = (d: ImportDiagnostic) => relocateDiagnostic(d, locate);
  const truncated: ImportDiagnostic[] =
    text.totalPages > text.pages.length
      ? [{ code: 'pdf-pages-skipped', severity: 'warning', message: { 'zh-CN': `PDF 共 ${text.totalPages} 页，只读取了前 ${text.pages.length} 页。`, en: `The PDF has ${text.totalPages} pages; only the first ${text.pages.length} were read.` } }]
      : [];
  if (!result.ok) return { ...result, diagnostics: [...fontNote, ...result.diagnostics.map(mapDiag), ...truncated] };
  // The pages not read may carry the indicator table on: the list read from the pages before them is not known whole.
  const list = 'selfAssessment.indicators';
  const unreadable: Record<string, string> = { ...result.unreadable };
  if (truncated.length > 0 && result.evaluation.selfAssessment?.indicators !== undefined) unreadable[list] ??= `第 ${String(text.pages.length)} 页（共 ${String(text.totalPages)} 页）`;
  return { ...result, ...relocateRead(result, locate), diagnostics: [...fontNote, ...result.diagnostics.map(mapDiag), ...truncated], ...(Object.keys(unreadable).length === 0 ? {} : { unreadable }) };
}
