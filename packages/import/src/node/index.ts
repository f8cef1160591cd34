/**
 * @jixiao/import/node: the Node-only part of the importer. Formats that need a converter process (LibreOffice,
 * run as a child process) are read here: .doc, .wps, .odt, .rtf (→ .docx) and .xls, .et, .ods (→ .xlsx); so is PDF
 * (pdf.js in a worker thread, so that its time and memory are bounded). The browser-safe entry `@jixiao/import` never loads this module.
 */
export { importBuffer } from './import-node.js';
export type { NodeImportOptions } from './import-node.js';
export { convertTimeoutMs, convertWithSoffice, DEFAULT_CONVERT_TIMEOUT_MS, findSoffice, LIBREOFFICE_PACKAGES, MAX_CONVERT_TIMEOUT_S, MIN_CONVERT_TIMEOUT_S, parseConvertTimeoutSeconds } from './soffice.js';
export type { ConversionFailureCode, ConversionResult, ConversionTarget, ConverterOptions } from './soffice.js';
export { DEFAULT_PDF_TIMEOUT_MS, importPdf } from './pdf.js';
export type { PdfLimits } from './pdf.js';
export { ConversionSlots, conversionSlots, defaultConversionLimit, useConversionSlots } from './slots.js';
