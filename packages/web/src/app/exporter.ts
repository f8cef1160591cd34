/** Exports of the current view, made in the browser by the CLI's formatters (loaded on first use). */
import type { EvaluationResult, Locale } from '@jixiao/core';
import type { FormatOptions } from '@jixiao/adapters';
import pkg from '../../package.json' with { type: 'json' };

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
  loading ??= new Promise<ExportFormats>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'export.js';
    script.addEventListener('load', () => {
      if (globalThis.JIXIAO_EXPORT === undefined) reject(new Error('export.js did not register'));
      else resolve(globalThis.JIXIAO_EXPORT);
    });
    script.addEventListener('error', () => {
      loading = undefined;
      reject(new Error('export.js could not be loaded'));
    });
    document.head.append(script);
  });
  return loading;
}

/** Make the file and hand it to the browser as a download named `jixiao-<date>.<ext>`. */
export async function exportView(kind: ExportKind, results: readonly EvaluationResult[], locale: Locale, now: Date = new Date()): Promise<void> {
  const format = (await formats())[kind];
  const content = await format(results, { locale, toolVersion: pkg.version, now: () => now });
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
