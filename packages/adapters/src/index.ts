/**
 * @jixiao/adapters: one pure formatter per output format, plus the HTTP adapter.
 */
export { formatCsv, csvWriter } from './formatters/csv.js';
export { formatHtml, htmlWriter } from './formatters/html.js';
export { formatJson, jsonItem, jsonWriter, toResultDocument } from './formatters/json.js';
export { formatJunit, junitWriter } from './formatters/junit.js';
export { formatMarkdown, markdownWriter } from './formatters/markdown.js';
export { formatSarif, sarifWriter } from './formatters/sarif.js';
export { renderReport, reportEnd } from './formatters/report.js';
export type { ReportEnd, ReportWriter, WriterFactory } from './formatters/report.js';
export { formatText, textWriter } from './formatters/text.js';
export { MAX_SHEET_ROWS, formatXlsx, memorySpool, writeXlsxStream, xlsxReport } from './formatters/xlsx.js';
export type { RowSpool, SpoolFactory, XlsxReport } from './formatters/xlsx.js';
export type { FormatOptions, Formatter } from './formatters/types.js';
// The report's wording of findings, for other views of the same results (the browser workbench).
export { WORDS, basisText, findingPosition, formIdentity, gradeOf, isWaived, observedEntries, outcomeLabel, packScoreText, positionText, reviewNotes, scoreCheckText, sortFindings, unitOf, yearOf } from './formatters/common.js';
// The canonical ASCII `cell` of a position (`table 1, row 3, cell 2`, `Sheet1!B7`), read back.
export { cellPlaceText, parseCell, type CellPlace } from '@jixiao/core';
// The batch summary's columns and rows (the reports' summary table), for the same.
export { ALL_BATCH_COLUMNS, BATCH_COLUMNS, batchCells, batchColumnNames, batchColumns, batchHeaders, batchRows, batchTotals, duplicateLines, mostFailedHeaders, mostFailedRows, ratingSupportedText, suggestedGradeText, templateScoreText, templateText } from './formatters/rows.js';
export type { BatchColumn, Cell } from './formatters/rows.js';
// The cross-form section's wording and rows, for the same.
export { crossFormHeaders, crossFormNoteLine, crossFormPreamble, crossFormRows, crossFormTitle, relatedText, unlistedText } from './formatters/cross-form.js';
export { createServer } from './http/server.js';
export { rulesListing } from './http/rules-listing.js';
export type { ReadSubmission, ServerOptions, StaticFile, SubmissionRead } from './http/server.js';
export { EXTENSIONS, FORMATTERS, MEDIA_TYPES, WRITERS, isFormatName, isStreamFormat } from './formats.js';
export type { FormatName, StreamFormat } from './formats.js';
