import type { EvaluationResult, Locale } from '@jixiao/core';

/** Options every formatter accepts. */
export interface FormatOptions {
  readonly locale: Locale;
  /** jixiao's version, for documents that name their producer. */
  readonly toolVersion: string;
  /** Colour (text only); callers decide from TTY and NO_COLOR. */
  readonly color?: boolean;
  /** Injectable clock for formats that must carry a timestamp. */
  readonly now?: () => Date;
}

/** A pure function from results to a document (string, or bytes for binary formats). */
export type Formatter = (results: readonly EvaluationResult[], options: FormatOptions) => string | Uint8Array | Promise<string | Uint8Array>;
