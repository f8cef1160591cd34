/** xlsx, HTML and CSV of what is on screen, made by the CLI's formatters in this browser. */
import { useState } from 'preact/hooks';
import type { EvaluationResult, Locale } from '@jixiao/core';
import { EXPORT_KINDS, exportView, type ExportExtras, type ExportKind } from './exporter.js';
import type { Words } from './i18n.js';

const LABELS: Record<ExportKind, string> = { xlsx: 'Excel (.xlsx)', html: 'HTML', csv: 'CSV' };

/** The results of some forms, from the workers that hold them (pool.ts). */
export type LoadResults = (ids: readonly number[]) => Promise<readonly EvaluationResult[]>;

/**
 * `ids`: the forms exported; `extras.crossForm`: the cross-form section of the export (the findings on or about
 * them); `extras.unread`: the files that could not be read (the dashboard's export lists them, as the CLI's report does).
 */
export function ExportButtons({ words, locale, ids, loadResults, extras }: { words: Words; locale: Locale; ids: readonly number[]; loadResults: LoadResults; extras: ExportExtras }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const run = (kind: ExportKind) => {
    setState({ busy: true });
    loadResults(ids).then((results) => exportView(kind, results, locale, extras)).then(
      () => {
        setState({ busy: false });
      },
      (error: unknown) => {
        setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  return (
    <div class="export" role="group" aria-label={words.exportLabel}>
      <span class="label">{words.exportLabel}</span>
      {EXPORT_KINDS.map((kind) => (
        <button type="button" key={kind} disabled={state.busy || ids.length === 0} onClick={() => { run(kind); }}>
          {LABELS[kind]}
        </button>
      ))}
      <span aria-live="polite">{state.busy ? words.exporting : state.error === undefined ? '' : words.exportFailed(state.error)}</span>
    </div>
  );
}
