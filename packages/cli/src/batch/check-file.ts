import { WRITERS, type FormatOptions, type ReportWriter, type StreamFormat } from '@jixiao/adapters';
import { formBrief, formGaps, formRecord, formTemplate, localizeDiagnostic, type Checker, type CheckWaivers, type EvaluationResult, type FormBrief, type FormRecord, type Locale, type Template } from '@jixiao/core';
import { formatDiagnostic } from '@jixiao/import';
import { loadInput } from '../input.js';
import { onTerminal, terminalData, terminalText } from '../terminal.js';
import type { InputFile } from './collect.js';
import { crossFormJson } from './cross-form.js';

/**
 * What became of one file: its result (as an object, or already written as the report's chunks for it) with its
 * row of the batch summary and its import diagnostics, or why it could not be read.
 */
export type FileOutcome =
  | {
      readonly ok: true;
      readonly source: string;
      readonly brief: FormBrief;
      /** Import diagnostics as one line each (`警告 第 63 行 [unknown-glyph] …`), for standard error. */
      readonly diagnostics: readonly string[];
      /** How many of them are errors: values of the form that could not be read (they stay blank). */
      readonly importErrors: number;
      readonly result?: EvaluationResult;
      /**
       * The form's part of the report, one chunk per section (see `ReportWriter.form`): text when written in this
       * process, UTF-8 bytes when it comes from a child process (written to the report as they are).
       */
      readonly chunks?: readonly (string | Uint8Array)[];
      /**
       * For the cross-form pass (history and batch rules): the form's record and the form as JSON, to spool (UTF-8
       * bytes when it comes from a child process, as the spool keeps it).
       */
      readonly crossForm?: { readonly record: FormRecord; readonly form: string | Uint8Array };
    }
  | { readonly ok: false; readonly source: string; readonly reason: string };

/** The options of a streamed report that a child needs to write its forms' parts (plain data: it is cloned). */
export type RenderOptions = Pick<FormatOptions, 'locale' | 'toolVersion' | 'color' | 'pretty' | 'explain' | 'checkDate' | 'verbose'>;

/**
 * How the caller wants a result back: as an object, or as its part of a report in a streamed format (with
 * `failuresOnly`, `--quiet`: only the failing findings are written).
 */
export type ResultShape = ({ readonly render?: undefined } | { readonly render: { readonly format: StreamFormat; readonly options: RenderOptions; readonly failuresOnly?: boolean } }) & {
  /** Give each form's record and JSON back for the cross-form pass (see `cross-form.ts`). */
  readonly crossForm?: boolean;
  /** `--verbose`: import diagnostics and unread reasons name a field's model path beside its label. */
  readonly verbose?: boolean;
};

/** `--quiet`: the result with only its failing findings (its summary still counts every outcome). */
export function failuresOnly(result: EvaluationResult): EvaluationResult {
  return { ...result, findings: result.findings.filter((f) => f.outcome === 'fail') };
}

const writers = new WeakMap<Checker, Map<string, ReportWriter>>();

/** The writer of a streamed report, made once per checker and options (the rules are the checker's). */
export function reportWriter(checker: Checker, format: StreamFormat, options: RenderOptions): ReportWriter {
  const key = JSON.stringify([format, options]);
  let byKey = writers.get(checker);
  if (byKey === undefined) writers.set(checker, (byKey = new Map<string, ReportWriter>()));
  let writer = byKey.get(key);
  if (writer === undefined) byKey.set(key, (writer = WRITERS[format]({ ...options, rules: checker.rules, parameters: checker.parameters })));
  return writer;
}

/**
 * Read and check one file. Never throws: a file that cannot be read, or that
 * trips an internal error, is an outcome with its reason, so one bad file never stops a batch. The synchronous
 * checker is used: its results equal `checkEvaluation`'s (the differential property in core proves it). Waivers
 * apply as each rule is decided (so the self-rating check does not count a waived failure).
 */
export async function checkFile(file: InputFile, locale: Locale, checker: Checker, shape: ResultShape, templates?: readonly Template[], waivers?: CheckWaivers): Promise<FileOutcome> {
  const { source } = file;
  try {
    const wording = { verbose: shape.verbose === true };
    const input = await loadInput(file.path, locale, templates, wording);
    if (!input.ok) return { ok: false, source, reason: input.reason };
    const checked = checker.checkEvaluationSync(input.evaluation, { source, locale, ...(input.positions ? { positions: input.positions } : {}), ...formGaps(input), ...(waivers === undefined ? {} : { waivers }) });
    // The form template the file was read with (the batch summary's "template" column).
    const read: EvaluationResult = input.template === undefined ? checked : { ...checked, template: formTemplate(input.template, locale) };
    const result: EvaluationResult = input.diagnostics.length === 0 ? read : { ...read, diagnostics: input.diagnostics.map((d) => localizeDiagnostic(d, locale)) };
    const base = {
      ok: true as const,
      source,
      brief: formBrief(result),
      // One line each, whatever the form holds (see terminal.ts).
      diagnostics: input.diagnostics.map((d) => terminalText(formatDiagnostic(d, locale, wording))),
      importErrors: input.diagnostics.filter((d) => d.severity === 'error').length,
      ...(shape.crossForm === true ? { crossForm: { record: formRecord(input.evaluation, source), form: crossFormJson(input.evaluation, input.positions) } } : {}),
    };
    if (shape.render === undefined) return { ...base, result };
    // Reports read on a terminal (text, markdown) show every control character a form holds instead of obeying it.
    const reported = shape.render.failuresOnly === true ? failuresOnly(result) : result;
    const shown = onTerminal(shape.render.format) ? terminalData(reported) : reported;
    return { ...base, chunks: reportWriter(checker, shape.render.format, shape.render.options).form(shown) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, source, reason: locale === 'zh-CN' ? `内部错误：${detail}` : `internal error: ${detail}` };
  }
}
