import { readFileSync, statSync } from 'node:fs';
import { formGaps, type Evaluation, type Locale, type SourcePosition, type Template } from '@jixiao/core';
import { MAX_INPUT_BYTES, unreadReasonLines, type DiagnosticWording, type ImportDiagnostic, type ImportResult, type TemplateMatch } from '@jixiao/import';
import { importBuffer } from '@jixiao/import/node';
import { CliError, EXIT } from './io.js';

export { MAX_INPUT_BYTES };

/** A submission read from a file: the evaluation, or why it could not be read. */
export type LoadedInput =
  | {
      readonly ok: true;
      readonly source: string;
      readonly evaluation: Evaluation;
      /** Import diagnostics (unreadable figures, unknown glyphs, left-over text). */
      readonly diagnostics: readonly ImportDiagnostic[];
      readonly positions?: Readonly<Record<string, SourcePosition>>;
      /** The form template the file was read with, and its detection score (absent for canonical JSON/YAML). */
      readonly template?: TemplateMatch;
      /** Required fields the form's template has no place for (for the checker). */
      readonly fieldsNotOnForm?: readonly string[];
      /** Values written but not readable, path → text as written (for the checker). */
      readonly unreadable?: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly source: string; readonly reason: string };

/** The file's import result, or why the file itself could not be opened. */
export type ReadFileResult = { readonly ok: true; readonly source: string; readonly result: ImportResult } | { readonly ok: false; readonly source: string; readonly reason: string };

/**
 * Read a submission file of any supported kind (.docx, Word-extracted .txt, canonical .json, .yaml/.yml),
 * detected by content and extension through `@jixiao/import`, among the form templates given (default: the
 * shipped ones).
 */
export async function importFile(file: string, locale: Locale, templates?: readonly Template[]): Promise<ReadFileResult> {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, source: file, reason: locale === 'zh-CN' ? '不是文件' : 'not a file' };
    size = stat.size;
  } catch {
    return { ok: false, source: file, reason: locale === 'zh-CN' ? '文件不存在或无法读取' : 'file not found or unreadable' };
  }
  if (size > MAX_INPUT_BYTES) {
    return { ok: false, source: file, reason: locale === 'zh-CN' ? `文件过大（${String(size)} 字节，上限 ${String(MAX_INPUT_BYTES)}）` : `file too large (${String(size)} bytes, limit ${String(MAX_INPUT_BYTES)})` };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    return { ok: false, source: file, reason: locale === 'zh-CN' ? '文件无法读取' : 'file cannot be read' };
  }
  return { ok: true, source: file, result: await importBuffer(bytes, { filename: file, source: file, ...(templates === undefined ? {} : { templates }) }) };
}

/** Read one submission file into the canonical evaluation, with the importer's diagnostics. */
export async function loadInput(file: string, locale: Locale, templates?: readonly Template[], wording: DiagnosticWording = {}): Promise<LoadedInput> {
  const read = await importFile(file, locale, templates);
  if (!read.ok) return read;
  const { result } = read;
  // The reason may quote the form: each diagnostic is one line of it, every control character shown (unreadReasonLines).
  if (!result.ok) return { ok: false, source: file, reason: unreadReasonLines(result.diagnostics, locale, wording).join('\n') };
  const base = { ok: true as const, source: file, evaluation: result.evaluation, diagnostics: result.diagnostics, positions: result.positions };
  return { ...base, ...(result.template === undefined ? {} : { template: result.template }), ...formGaps(result) };
}

export function assertReadable(input: LoadedInput): asserts input is Extract<LoadedInput, { ok: true }> {
  if (!input.ok) throw new CliError(`${input.source}: ${input.reason}`, EXIT.unreadable);
}
