import type { EvaluationResult, ResultDocument } from '@jixiao/core';
import type { FormatOptions } from './types.js';

/** The versioned result document (`schema/result.schema.json`). */
export function toResultDocument(results: readonly EvaluationResult[], options: FormatOptions): ResultDocument {
  return { schemaVersion: 1, tool: { name: 'jixiao', version: options.toolVersion }, locale: options.locale, results };
}

/** The result document as JSON: compact by default, indented by two spaces with `pretty`; ends with a newline. */
export function formatJson(results: readonly EvaluationResult[], options: FormatOptions): string {
  return `${JSON.stringify(toResultDocument(results, options), null, options.pretty === true ? 2 : undefined)}\n`;
}
