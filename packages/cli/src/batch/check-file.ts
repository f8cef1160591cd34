import type { Checker, EvaluationResult, Locale } from '@jixiao/core';
import { loadInput } from '../input.js';
import type { InputFile } from './collect.js';

/** What the batch summary needs of one checked form. */
export interface ResultBrief {
  readonly unit: string | null;
  readonly fiscalYear: number | null;
  readonly selfRating: string | null;
  readonly errors: number;
  readonly warnings: number;
  readonly indeterminate: number;
}

/**
 * What became of one file: its result (as an object, or already serialised for the streamed JSON report) with
 * import diagnostics, or why it could not be read.
 */
export type FileOutcome =
  | {
      readonly ok: true;
      readonly source: string;
      readonly brief: ResultBrief;
      readonly diagnostics: readonly string[];
      readonly result?: EvaluationResult;
      /**
       * The result as one item of the JSON report's `results` array (see `json-stream.ts`): text when checked in
       * this thread, UTF-8 bytes when it comes from a worker (moved across threads, outside the JavaScript heap).
       */
      readonly json?: string | Uint8Array;
    }
  | { readonly ok: false; readonly source: string; readonly reason: string };

/** How the caller wants a result back: as an object, or as an item of the compact or the indented JSON report. */
export type ResultShape = 'object' | 'json' | 'json-pretty';

/** What `JSON.stringify([[x]], null, 2)` puts around `x` (the outer and inner array brackets). */
const NESTED_HEAD = '[\n  [\n'.length;
const NESTED_TAIL = '\n  ]\n]'.length;

/**
 * One result as an item of the JSON report's `results` array: compact, or — `pretty` — as
 * `JSON.stringify(result, null, 2)` nested two levels deep (the depth of `results[i]` in the indented report),
 * written by `JSON.stringify` itself at that depth, with no second pass over the text.
 */
export function jsonItem(result: EvaluationResult, pretty = false): string {
  if (!pretty) return JSON.stringify(result);
  const nested = JSON.stringify([[result]], null, 2);
  return nested.slice(NESTED_HEAD, nested.length - NESTED_TAIL);
}

/**
 * Read and check one file. Never throws: a file that cannot be read, or that trips an internal error, is an
 * outcome with its reason, so one bad file never stops a batch. The synchronous checker is used: its results
 * equal `checkEvaluation`'s (the differential property in core proves it).
 */
export async function checkFile(file: InputFile, locale: Locale, checker: Checker, shape: ResultShape): Promise<FileOutcome> {
  const { source } = file;
  try {
    const input = await loadInput(file.path, locale);
    if (!input.ok) return { ok: false, source, reason: input.reason };
    const result = checker.checkEvaluationSync(input.evaluation, { source, locale, ...(input.positions ? { positions: input.positions } : {}) });
    const { evaluation: e, summary: s } = result;
    const brief: ResultBrief = { unit: e.unit, fiscalYear: e.fiscalYear, selfRating: e.selfRating, errors: s.errors, warnings: s.warnings, indeterminate: s.indeterminate };
    const base = { ok: true as const, source, brief, diagnostics: input.diagnostics };
    return shape === 'object' ? { ...base, result } : { ...base, json: jsonItem(result, shape === 'json-pretty') };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, source, reason: locale === 'zh-CN' ? `内部错误：${detail}` : `internal error: ${detail}` };
  }
}
