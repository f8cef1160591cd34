/**
 * @jixiao/import: read 部门整体支出绩效自评 submissions as they are filed — text extracted from Word, the Word
 * .docx itself, or the canonical model as JSON/YAML — into the canonical evaluation, with a source position
 * for every field and a diagnostic for everything that could not be read. Browser-safe (no Node built-ins).
 */
export { describeLocation, formatDiagnostic, unreadReasonLines } from './diagnostics.js';
export type { DiagnosticSeverity, DiagnosticWording, ImportDiagnostic, ImportKind, ImportResult, Provenance, SourcePositions, TemplateMatch } from './diagnostics.js';
export { importText, MAX_TEXT_CHARS } from './text/import-text.js';
export type { ImportOptions } from './text/import-text.js';
export { cellText, describeCell, documentLines, positionOf } from './document/elements.js';
export type { BlockElement, DocumentElements, DocumentLine, ElementFormat, ElementOrigin, ParagraphElement, TableCellElement, TableElement, TableRowElement } from './document/elements.js';
export { partitionText } from './document/text.js';
export { importDocx, partitionDocx } from './docx/import-docx.js';
export type { DocxImportOptions } from './docx/import-docx.js';
export { importXlsx, partitionXlsx } from './xlsx/import-xlsx.js';
export type { XlsxImportOptions } from './xlsx/import-xlsx.js';
export { XLSX_LIMITS } from './xlsx/package.js';
export { DEFAULT_ZIP_LIMITS, ZipReadError, readZipDirectory, readZipEntry } from './docx/zip.js';
export type { ZipDirectory, ZipEntry, ZipErrorCode, ZipLimits } from './docx/zip.js';
export { importJson } from './canonical/import-canonical.js';
export { importYaml } from './canonical/import-yaml.js';
export { decodeText, detectKind, kindOfContentType } from './detect.js';
export { importBuffer, MAX_INPUT_BYTES } from './buffer.js';
export type { BufferImportOptions } from './buffer.js';
export { renderFormText, FORM_TEXT_STYLE_DEFAULT } from './form/render.js';
export type { FormTextStyle, MarkEncoding } from './form/render.js';
export { resolveSingle } from './form/marks.js';
export { readDocument } from './template/read-document.js';
export type { ReadOptions } from './template/read-document.js';
export { shippedTemplates, shippedTemplate } from './template/registry.js';
export { scoreTemplates, bestTemplate } from './template/detect.js';
export type { Detection } from './template/detect.js';
export type { Mark, MarkState, OptionRead, Resolution } from './form/marks.js';
export { DEFAULT_PDF_BUFFER_MB, DEFAULT_PDF_TIMEOUT_MS, importPdfText, MAX_PDF_PAGES, pdfFailure } from './pdf/import-pdf.js';
export type { PdfReadError, PdfText } from './pdf/import-pdf.js';
export { pdfLines } from './pdf/lines.js';
export { PDFJS_OPTIONS, pdfjsPages } from './pdf/pdfjs-text.js';
export type { PdfLine, PdfPage, PdfTextItem } from './pdf/lines.js';
export { officeFormat } from './office.js';
export type { OfficeFormat } from './office.js';
