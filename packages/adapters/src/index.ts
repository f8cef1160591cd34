/**
 * @jixiao/adapters: one pure formatter per output format, plus the HTTP adapter.
 */
export { formatCsv } from './formatters/csv.js';
export { formatHtml } from './formatters/html.js';
export { formatJson, jsonItem, jsonWriter, toResultDocument } from './formatters/json.js';
export { formatJunit } from './formatters/junit.js';
export { formatMarkdown } from './formatters/markdown.js';
export { formatSarif, sarifWriter } from './formatters/sarif.js';
export { renderReport, reportEnd } from './formatters/report.js';
export type { ReportEnd, ReportWriter, WriterFactory } from './formatters/report.js';
export { formatText } from './formatters/text.js';
export { formatXlsx } from './formatters/xlsx.js';
export type { FormatOptions, Formatter } from './formatters/types.js';
// The report's wording of findings, for other views of the same results (the browser workbench).
export { basisText, findingPosition, isWaived, labelOf, observedEntries, outcomeLabel, positionText, sortFindings, valueText } from './formatters/common.js';
export { createServer } from './http/server.js';
export type { ReadSubmission, ServerOptions, StaticFile, SubmissionRead } from './http/server.js';
export { EXTENSIONS, FORMATTERS, MEDIA_TYPES, WRITERS, isFormatName, isStreamFormat } from './formats.js';
export type { FormatName, StreamFormat } from './formats.js';
