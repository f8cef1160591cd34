import type { CompiledRule, CrossFormReport, EvaluationResult, Locale, ResolvedParameter, UnreadInput } from '@jixiao/core';

/** Options every formatter accepts. */
export interface FormatOptions {
  readonly locale: Locale;
  /** jixiao's version, for documents that name their producer. */
  readonly toolVersion: string;
  /** Colour (text only); callers decide from TTY and NO_COLOR. */
  readonly color?: boolean;
  /**
   * Injectable clock for formats that must carry a timestamp (only xlsx does: its package properties and zip
   * entries). Without it those timestamps are a fixed epoch, so the same results give the same bytes.
   */
  readonly now?: () => Date;
  /**
   * The rules that were loaded (e.g. `checker.rules`). The JSON and SARIF reports list them once (with their
   * metadata) and findings refer to them; without it, the list is built from the findings. A report written form
   * by form needs it (the list comes before the first form).
   */
  readonly rules?: readonly CompiledRule[];
  /** Parameter values in force (`checker.parameters`), listed with their rules in the JSON report. */
  readonly parameters?: ReadonlyMap<string, ResolvedParameter>;
  /** The day of the check (`YYYY-MM-DD`), printed on the HTML report; without it, a blank to fill in. */
  readonly checkDate?: string;
  /** Across forms (history and batch rules), for a report made in one go: every format shows it after the forms. */
  readonly crossForm?: CrossFormReport;
  /** Inputs that were not checked, and why: every format lists them. */
  readonly unread?: readonly UnreadInput[];
  /**
   * json only: indent the document by two spaces. By default it is compact (one line and a newline), as
   * machine-read reports usually are: half the bytes, and half the time to write for a province's worth of forms.
   */
  readonly pretty?: boolean;
  /**
   * `jixiao check --verbose`: for whoever maps a report back to the rules and the model. Each field is named with its
   * model path beside its label (a zh-CN report otherwise shows the form's labels only), and each citation with how
   * it was checked (the rule's `basis[].verification`: verified or not, the date, the remark). Text, Markdown, HTML,
   * CSV and xlsx; the JSON and SARIF reports carry the paths and the rules' metadata anyway.
   */
  readonly verbose?: boolean;
  /** json only: keep each finding's explanation (the conditions that decided a failure or an indeterminate outcome). */
  readonly explain?: boolean;
}

/** A pure function from results to a document (string, or bytes for binary formats). */
export type Formatter = (results: readonly EvaluationResult[], options: FormatOptions) => string | Uint8Array | Promise<string | Uint8Array>;
