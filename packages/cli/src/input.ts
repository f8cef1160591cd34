import { readFileSync, statSync } from 'node:fs';
import { formatValidationIssues, validateEvaluation, type Evaluation, type Locale, type SourcePosition } from '@jixiao/core';
import { CliError } from './io.js';

/** Largest input file read. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** A submission read from a file: the evaluation, or why it could not be read. */
export type LoadedInput =
  | {
      readonly ok: true;
      readonly source: string;
      readonly evaluation: Evaluation;
      /** Import diagnostics (unreadable figures, unknown glyphs, left-over text), one line each. */
      readonly diagnostics: readonly string[];
      readonly positions?: Readonly<Record<string, SourcePosition>>;
    }
  | { readonly ok: false; readonly source: string; readonly reason: string };

/** Read one submission file (canonical JSON for now). */
export async function loadInput(file: string, locale: Locale): Promise<LoadedInput> {
  await Promise.resolve();
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return { ok: false, source: file, reason: locale === 'zh-CN' ? '文件不存在或无法读取' : 'file not found or unreadable' };
  }
  if (size > MAX_INPUT_BYTES) {
    return { ok: false, source: file, reason: locale === 'zh-CN' ? `文件过大（${String(size)} 字节，上限 ${String(MAX_INPUT_BYTES)}）` : `file too large (${String(size)} bytes, limit ${String(MAX_INPUT_BYTES)})` };
  }
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, source: file, reason: `${locale === 'zh-CN' ? '不是有效的 JSON' : 'not valid JSON'}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = validateEvaluation(raw);
  if (!result.ok) return { ok: false, source: file, reason: formatValidationIssues(result.issues, locale) };
  return { ok: true, source: file, evaluation: result.value, diagnostics: [] };
}

export function assertReadable(input: LoadedInput): asserts input is Extract<LoadedInput, { ok: true }> {
  if (!input.ok) throw new CliError(`${input.source}: ${input.reason}`);
}
