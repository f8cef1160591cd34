import { REPORT_SCHEMA_VERSION, indicatorCatalogue, reportResult, resultDocument, ruleCatalogue, type EvaluationResult, type CrossFormReport, type ResultDocument, type UnreadInput } from '@jixiao/core';
import { renderReport, type ReportEnd, type ReportWriter } from './report.js';
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
/** Stands for the cross-form findings in the skeleton: written one by one (a batch can have tens of thousands). */
const FINDINGS = '\u0000findings\u0000';

/** `text` cut around the JSON of `placeholder` (which it holds once). */
function around(text: string, placeholder: string): readonly [string, string] {
  const quoted = JSON.stringify(placeholder);
  const at = text.indexOf(quoted);
  return [text.slice(0, at), text.slice(at + quoted.length)];
}

/**
 * The items of an array as `JSON.stringify` writes the array where it stands `depth` levels deep: compact, or
 * indented by two spaces a level (an item's own lines are indented as deep as the item).
 */
function* arrayItems(items: readonly unknown[], depth: number, pretty: boolean): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const indent = `\n${'  '.repeat(depth + 1)}`;
  yield '[';
  for (const [i, item] of items.entries()) {
    const text = pretty ? `${indent}${JSON.stringify(item, null, 2).replaceAll('\n', indent)}` : JSON.stringify(item);
    yield i === 0 ? text : `,${text}`;
  }
  yield pretty ? `\n${'  '.repeat(depth)}]` : ']';
}

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
  const split = (unread: readonly UnreadInput[], crossForm?: CrossFormReport | Record<string, unknown>) =>
    around(JSON.stringify({ ...skeleton, unread, ...(crossForm === undefined ? {} : { crossForm }) }, null, pretty ? 2 : undefined), RESULTS);
  // After the results: the unread inputs and the cross-form section, its findings (`crossForm.findings`, two
  // levels deep) one at a time.
  const tailChunks = function* (end: ReportEnd): Generator<string> {
    yield `${pretty && (end.emitted[0] ?? 0) > 0 ? '\n  ' : ''}]`;
    const cross = end.crossForm;
    if (cross === undefined) {
      yield `${split(end.digest.unread)[1]}\n`;
      return;
    }
    const [before, after] = around(split(end.digest.unread, { ...cross, findings: FINDINGS })[1], FINDINGS);
    yield before;
    yield* arrayItems(cross.findings, 2, pretty);
    yield `${after}\n`;
  };
  return {
    sections: 1,
    separator: ',',
    headNeedsEnd: false,
    // Indented, each item starts on a line of its own at depth 2 (see `jsonItem`); an empty array is `[]` either way.
    head: () => `${split([])[0]}[`,
    form: (result) => [pretty ? `\n${jsonItem(result, options)}` : jsonItem(result, options)],
    glue: () => '',
    tail: (end) => [...tailChunks(end)].join(''),
    tailChunks,
  };
}

/** The result document as JSON: compact by default, indented by two spaces with `pretty`; ends with a newline. */
export function formatJson(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(jsonWriter, results, options);
}
