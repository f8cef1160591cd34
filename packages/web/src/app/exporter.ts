/** Exports of the current view, made in the browser by the CLI's formatters (loaded on first use). */
import type { CrossFormReport, EvaluationResult, Locale, UnreadInput } from '@jixiao/core';
import type { FormatOptions } from '@jixiao/adapters';
import pkg from '../../package.json' with { type: 'json' };
import { loadScript } from './script.js';

export const EXPORT_KINDS = ['xlsx', 'html', 'csv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ExportFormats = Record<ExportKind, (results: readonly EvaluationResult[], options: FormatOptions) => string | Uint8Array | Promise<string | Uint8Array>>;

declare global {
  var JIXIAO_EXPORT: ExportFormats | undefined;
}

const MEDIA: Record<ExportKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

let loading: Promise<ExportFormats> | undefined;

/** Load `export.js` beside the page once (a classic script: it also loads from a page opened from disk). */
function formats(): Promise<ExportFormats> {
  loading ??= loadScript('export.js', () => globalThis.JIXIAO_EXPORT).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The reviewer's local calendar date, `YYYY-MM-DD` (waiver expiry is judged against it, as the CLI's default --today). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What goes into an export besides the results: the cross-form section, the files that could not be read. */
export interface ExportExtras {
  readonly crossForm?: CrossFormReport | undefined;
  readonly unread?: readonly UnreadInput[] | undefined;
}

/**
 * Make the file (with the cross-form section and the files not read when given, as the CLI's report has them;
 * the HTML dated today for the reviewer's sign-off) and hand it to the browser.
 */
export async function exportView(kind: ExportKind, results: readonly EvaluationResult[], locale: Locale, { crossForm, unread }: ExportExtras = {}, now: Date = new Date()): Promise<void> {
  const format = (await formats())[kind];
  const content = await format(results, {
    locale,
    toolVersion: pkg.version,
    now: () => now,
    checkDate: localDate(now),
    ...(crossForm === undefined ? {} : { crossForm }),
    ...(unread === undefined || unread.length === 0 ? {} : { unread }),
  });
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type: MEDIA[kind] });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `jixiao-${now.toISOString().slice(0, 10)}.${kind}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
