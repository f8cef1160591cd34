import type { EvaluationResult, ResultDocument } from '@jixiao/core';
import type { FormatOptions } from './types.js';

/** The versioned result document (`schema/result.schema.json`). */
export function toResultDocument(results: readonly EvaluationResult[], options: FormatOptions): ResultDocument {
  return { schemaVersion: 1, tool: { name: 'jixiao', version: options.toolVersion }, locale: options.locale, results };
}

export function formatJson(results: readonly EvaluationResult[], options: FormatOptions): string {
  return `${JSON.stringify(toResultDocument(results, options), null, 2)}\n`;
}
