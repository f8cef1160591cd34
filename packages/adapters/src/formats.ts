/** The output formats by name, with their media types and file extensions. */
import { csvWriter, formatCsv } from './formatters/csv.js';
import { formatHtml, htmlWriter } from './formatters/html.js';
import { formatJson, jsonWriter } from './formatters/json.js';
import { formatJunit, junitWriter } from './formatters/junit.js';
import { formatMarkdown, markdownWriter } from './formatters/markdown.js';
import { formatSarif, sarifWriter } from './formatters/sarif.js';
import { formatText, textWriter } from './formatters/text.js';
import { formatXlsx } from './formatters/xlsx.js';
import type { WriterFactory } from './formatters/report.js';
import type { Formatter } from './formatters/types.js';

/** Every output format by its `--format` name. */
export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  csv: formatCsv,
  xlsx: formatXlsx,
  markdown: formatMarkdown,
  html: formatHtml,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

/**
 * The formats written form by form (see `formatters/report.ts`): a caller that checks forms one at a time writes
 * each form's part as it comes, and memory stays bounded whatever the number of forms.
 */
export const WRITERS = {
  text: textWriter,
  json: jsonWriter,
  sarif: sarifWriter,
  junit: junitWriter,
  csv: csvWriter,
  markdown: markdownWriter,
  html: htmlWriter,
} as const satisfies Partial<Record<FormatName, WriterFactory>>;

export type StreamFormat = keyof typeof WRITERS;

export function isStreamFormat(name: string): name is StreamFormat {
  return Object.hasOwn(WRITERS, name);
}

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

/** The media type of each format (HTTP `Content-Type`, and what `Accept` is matched against). */
export const MEDIA_TYPES = {
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  sarif: 'application/sarif+json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const satisfies Record<FormatName, string>;

/** File name extension of each format (for downloads and `--output` suggestions). */
export const EXTENSIONS = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  csv: 'csv',
  xlsx: 'xlsx',
  markdown: 'md',
  html: 'html',
} as const satisfies Record<FormatName, string>;
