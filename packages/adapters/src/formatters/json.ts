import { REPORT_SCHEMA_VERSION, indicatorCatalogue, reportResult, resultDocument, ruleCatalogue, type EvaluationResult, type CrossFormReport, type ResultDocument, type UnreadInput } from '@jixiao/core';
import { renderReport, type ReportWriter } from './report.js';
import type { FormatOptions } from './types.js';

/** The versioned result document (`schema/result.schema.json`, version 2). */
export function toResultDocument(results: readonly EvaluationResult[], options: FormatOptions): ResultDocument {
  return resultDocument(results, { ...options, unread: options.unread ?? [] });
}

/** What `JSON.stringify([[x]], null, 2)` puts around `x` (the outer and inner array brackets). */
const NESTED_HEAD = '[\n  [\n'.length;
const NESTED_TAIL = '\n  ]\n]'.length;

/**
 * One result as an item of the report's `results` array: compact, or — `pretty` — as `JSON.stringify` writes it
 * two levels deep (the depth of `results[i]` in the indented document), with no second pass over the text.
 */
export function jsonItem(result: EvaluationResult, options: Pick<FormatOptions, 'pretty' | 'explain'>): string {
  const item = reportResult(result, options);
  if (options.pretty !== true) return JSON.stringify(item);
  const nested = JSON.stringify([[item]], null, 2);
  return nested.slice(NESTED_HEAD, nested.length - NESTED_TAIL);
}

/** Stands for the `results` array in the document's skeleton (a string no result can produce). */
const RESULTS = '\u0000results\u0000';

/**
 * The JSON report written form by form: the same bytes as `JSON.stringify` of the whole document (compact, or
 * indented by two spaces with `pretty`), and a newline. The skeleton — tool, rules, indicators, and the unread
 * inputs — is written by `JSON.stringify` too; only the layout of the `results` array is reproduced here.
 */
export function jsonWriter(options: FormatOptions, seen: readonly EvaluationResult[] = []): ReportWriter {
  const pretty = options.pretty === true;
  const skeleton = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'jixiao', version: options.toolVersion },
    locale: options.locale,
    rules: ruleCatalogue(seen, options),
    indicators: indicatorCatalogue(options.locale),
    results: RESULTS,
  };
  const split = (unread: readonly UnreadInput[], crossForm?: CrossFormReport) => {
    const text = JSON.stringify({ ...skeleton, unread, ...(crossForm === undefined ? {} : { crossForm }) }, null, pretty ? 2 : undefined);
    const at = text.indexOf(JSON.stringify(RESULTS));
    return [text.slice(0, at), text.slice(at + JSON.stringify(RESULTS).length)] as const;
  };
  return {
    sections: 1,
    separator: ',',
    headNeedsEnd: false,
    // Indented, each item starts on a line of its own at depth 2 (see `jsonItem`); an empty array is `[]` either way.
    head: () => `${split([])[0]}[`,
    form: (result) => [pretty ? `\n${jsonItem(result, options)}` : jsonItem(result, options)],
    glue: () => '',
    tail: (end) => `${pretty && (end.emitted[0] ?? 0) > 0 ? '\n  ' : ''}]${split(end.digest.unread, end.crossForm)[1]}\n`,
  };
}

/** The result document as JSON: compact by default, indented by two spaces with `pretty`; ends with a newline. */
export function formatJson(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(jsonWriter, results, options);
}
