/**
 * A report written form by form. Each text format is a {@link ReportWriter}: pure functions from a form (or from
 * what is known once every form is in) to chunks of text. The one-shot formatters join the chunks in memory; the
 * CLI writes them as forms arrive, so a province's worth of forms never sits in memory at once.
 *
 * A document is: `head`, section 0 (each form's first chunk), `glue(1)`, section 1 (each form's second chunk), …,
 * `tail`. Within a section, non-empty chunks are joined by `separator`. Only what follows the last form (and,
 * for formats that open with a summary, the head) needs the {@link ReportEnd}.
 */
import { digestBatch, formBrief, type BatchDigest, type CrossFormReport, type CrossFormReportFinding, type EvaluationResult, type UnreadInput } from '@jixiao/core';
import type { FormatOptions } from './types.js';

/** What is known once every input has been seen. */
export interface ReportEnd {
  /** The batch summary (per-form rows, totals, duplicates, most-failed rules, unread inputs). */
  readonly digest: BatchDigest;
  /** The source of every input: the checked forms in the order they were written, then the unread ones. */
  readonly sources: readonly string[];
  /** How many non-empty chunks each section received (a tail may need a separator after them). */
  readonly emitted: readonly number[];
  /** Across forms (history and batch rules): every format shows it after the forms, when the run had the pass. */
  readonly crossForm?: CrossFormReport;
  /**
   * How each cross-form finding is shown, applied when the writer reaches it (see {@link crossFormFindings}): the
   * CLI passes its terminal sanitiser for the text and Markdown reports, so that one finding at a time is copied
   * rather than the whole section at once (a large batch has tens of thousands). The rest of `crossForm` is given
   * as it is to be shown.
   */
  readonly showFinding?: (finding: CrossFormReportFinding) => CrossFormReportFinding;
}

export interface ReportWriter {
  /** How many chunks `form` returns (one per section of the document). */
  readonly sections: number;
  /** What goes between two non-empty chunks of a section. */
  readonly separator: string;
  /** Whether `head` needs the {@link ReportEnd} (a summary before the forms): then the forms are held back. */
  readonly headNeedsEnd: boolean;
  /** The start of the document; `end` is given when `headNeedsEnd`. */
  head(end: ReportEnd | undefined): string;
  /** One form's chunk for each section (`''` when it adds nothing to one): a pure function of the result. */
  form(result: EvaluationResult): readonly string[];
  /** What comes before section `section` (1 … sections − 1). */
  glue(section: number, end: ReportEnd): string;
  /** The same text as `glue`, in pieces, where it can be long (SARIF's cross-form results come before section 1). */
  glueChunks?(section: number, end: ReportEnd): Iterable<string>;
  /** The end of the document. */
  tail(end: ReportEnd): string;
  /**
   * The same text as `tail`, in pieces, where the end can be long (the cross-form section of a large batch): a
   * streaming caller writes them one by one instead of holding the whole end as one string.
   */
  tailChunks?(end: ReportEnd): Iterable<string>;
}

/**
 * Makes a writer. `seen` are the results of a one-shot call (for a catalogue of rules that includes every rule a
 * finding names); a streaming caller passes none and gives the loaded rules in `options.rules`.
 */
export type WriterFactory = (options: FormatOptions, seen?: readonly EvaluationResult[]) => ReportWriter;

/** The cross-form findings as they are written: each through `end.showFinding`, when there is one, as it is reached. */
export function* crossFormFindings(end: ReportEnd): Generator<CrossFormReportFinding> {
  const show = end.showFinding;
  for (const f of end.crossForm?.findings ?? []) yield show === undefined ? f : show(f);
}

/** The end of a batch that is all in memory: results in order, then the unread inputs. */
export function reportEnd(results: readonly EvaluationResult[], unread: readonly UnreadInput[], emitted: readonly number[]): ReportEnd {
  return { digest: digestBatch(results.map(formBrief), unread), sources: [...results.map((r) => r.source), ...unread.map((u) => u.source)], emitted };
}

/** The whole document for results in memory (what the one-shot formatters return). */
export function renderReport(make: WriterFactory, results: readonly EvaluationResult[], options: FormatOptions): string {
  const writer = make(options, results);
  const sections: string[][] = Array.from({ length: writer.sections }, () => []);
  results.forEach((r) => {
    writer.form(r).forEach((chunk, s) => {
      if (chunk !== '') sections[s]?.push(chunk);
    });
  });
  const end = { ...reportEnd(results, options.unread ?? [], sections.map((s) => s.length)), ...(options.crossForm === undefined ? {} : { crossForm: options.crossForm }) };
  const out = [writer.head(writer.headNeedsEnd ? end : undefined)];
  sections.forEach((chunks, s) => {
    if (s > 0) out.push(writer.glue(s, end));
    out.push(chunks.join(writer.separator));
  });
  out.push(writer.tail(end));
  return out.join('');
}
