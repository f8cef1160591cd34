import type { SourcePosition } from '@jixiao/core';
import { docxElements } from '../document/docx.js';
import type { DocumentElements } from '../document/elements.js';
import { failure, type ImportDiagnostic, type ImportResult } from '../diagnostics.js';
import { readForm } from '../form/read-form.js';
import { toEvaluation } from '../form/to-evaluation.js';
import type { ImportOptions } from '../text/import-text.js';
import { documentLines, type DocxLine } from './walk.js';
import { parseXml, XmlReadError } from './xml.js';
import { DEFAULT_ZIP_LIMITS, readZipEntry, ZipReadError, type ZipLimits } from './zip.js';

/** Options of {@link importDocx}. */
export interface DocxImportOptions extends ImportOptions {
  /** Caps on entries and inflated size (defaults: 2,000 entries, 32 MB for word/document.xml). */
  readonly limits?: ZipLimits;
}

function zipFailure(error: ZipReadError, limits: ZipLimits): ImportResult {
  const mb = Math.round(limits.maxEntryBytes / 1024 / 1024);
  switch (error.code) {
    case 'docx-too-many-entries':
      return failure('docx', error.code, `这个 .docx 含有超过 ${limits.maxEntries} 个文件条目，疑为恶意构造，不予读取。`, `This .docx holds more than ${limits.maxEntries} entries and looks hostile; it is not read.`);
    case 'docx-too-large':
      return failure('docx', error.code, `这个 .docx 解压后超过 ${mb} MB 上限（疑为压缩炸弹），不予读取。`, `This .docx inflates beyond the ${mb} MB limit (a zip bomb?); it is not read.`);
    case 'docx-no-document':
      return failure('docx', error.code, '这个 zip 文件里没有 word/document.xml，不是 Word 文档。', 'This zip file has no word/document.xml; it is not a Word document.');
    case 'docx-invalid-zip':
      return failure('docx', error.code, '这个文件不是有效的 .docx：zip 结构已损坏。', 'This file is not a valid .docx: its zip structure is damaged.');
  }
}

function where(lines: readonly DocxLine[], line: number | undefined): { paragraph?: number; cell?: string } {
  const l = line === undefined ? undefined : lines[line - 1];
  if (l === undefined) return {};
  return { paragraph: l.paragraph, ...(l.cell === undefined ? {} : { cell: l.cell }) };
}

/**
 * A .docx as elements (paragraphs and tables with paragraph and cell positions), or the failed import that says
 * why it cannot be read. Never throws.
 */
export function partitionDocx(bytes: Uint8Array, options: DocxImportOptions = {}): { readonly ok: true; readonly document: DocumentElements } | { readonly ok: false; readonly result: ImportResult } {
  const read = docxLines(bytes, options);
  return Array.isArray(read) ? { ok: true, document: docxElements(read) } : { ok: false, result: read };
}

/** The walker's lines of a .docx, or the failed import. */
function docxLines(bytes: Uint8Array, options: DocxImportOptions): DocxLine[] | ImportResult {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  let xmlBytes: Uint8Array;
  try {
    xmlBytes = readZipEntry(bytes, 'word/document.xml', limits);
  } catch (error) {
    if (error instanceof ZipReadError) return zipFailure(error, limits);
    return failure('docx', 'docx-invalid-zip', '这个文件不是有效的 .docx。', 'This file is not a valid .docx.');
  }
  try {
    return documentLines(parseXml(new TextDecoder('utf-8').decode(xmlBytes)));
  } catch (error) {
    if (error instanceof XmlReadError && error.code === 'docx-dtd-rejected') {
      return failure('docx', error.code, '这个 .docx 的 XML 含有 DTD 或实体声明，出于安全原因拒绝读取。', 'The XML in this .docx declares a DTD or entities; it is refused for safety.');
    }
    return failure('docx', 'docx-xml-invalid', '这个 .docx 的 word/document.xml 不是格式正确的 XML，无法读取。', 'word/document.xml in this .docx is not well-formed XML and cannot be read.');
  }
}

/**
 * Read the form from a Word .docx (WordprocessingML in a zip). The zip is read with caps on entries and inflated
 * size, the XML with DTDs and entities refused; the body is walked in order so EQ fields, symbol runs, content
 * controls and legacy form checkboxes become marks the form reader understands. Never throws.
 */
export function importDocx(bytes: Uint8Array, options: DocxImportOptions = {}): ImportResult {
  const lines = docxLines(bytes, options);
  if (!Array.isArray(lines)) return lines;
  const result = toEvaluation(readForm(lines.map((l) => l.text)), 'docx');
  const mapDiag = (d: ImportDiagnostic): ImportDiagnostic => {
    const { line, column: _column, ...rest } = d;
    return { ...rest, ...where(lines, line) };
  };
  if (!result.ok) return { ...result, diagnostics: result.diagnostics.map(mapDiag) };
  const positions: Record<string, SourcePosition> = {};
  for (const [path, p] of Object.entries(result.positions)) {
    positions[path] = { ...where(lines, p.line), ...(p.excerpt === undefined ? {} : { excerpt: p.excerpt }) };
  }
  const evaluation = { ...result.evaluation };
  if (evaluation.answerResolution !== undefined) {
    // The line numbers name lines of the extracted text, not of the .docx: positions carry paragraph and cell.
    evaluation.answerResolution = Object.fromEntries(
      Object.entries(evaluation.answerResolution).map(([field, r]) => {
        const { line: _line, ...rest } = r;
        return [field, rest];
      }),
    );
  }
  return { ok: true, kind: 'docx', evaluation, diagnostics: result.diagnostics.map(mapDiag), positions };
}
