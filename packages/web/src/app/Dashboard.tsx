/** One row per form with the batch-summary columns; sort, filter, unreadable files, most-failed rules, export. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { visibleText, type FormBrief, type Locale } from '@jixiao/core';
import type { CheckedForm, CrossFormView, SummaryColumn, UnreadableForm } from '../worker/protocol.js';
import { CrossFormSection, crossFormFor } from './CrossForm.js';
import { ExportButtons, type LoadResults } from './ExportButtons.js';
import { droppedFiles, pickedFiles, type PickedFile } from './files.js';
import type { Words } from './i18n.js';
import type { Totals } from './pool.js';
import { asShown } from './shown.js';
import { INITIAL_VIEW, SEVERITY_FILTERS, attentionOrder, byPath, filtering, sameItems, filterForms, isNumeric, mostFailed, shownColumns, sortForms, type Column, type DashboardView, type Filters, type SeverityFilter, type Sort } from './table.js';

interface Props {
  readonly words: Words;
  readonly locale: Locale;
  /** The batch summary's columns (the worker's, from `@jixiao/adapters`), with their headers in the locale. */
  readonly columns: readonly SummaryColumn[];
  /** Each rule checked with every form, by id, with its title in the locale (the worker's): the rule filter's choices. */
  readonly titles: ReadonlyMap<string, string>;
  readonly checked: readonly CheckedForm[];
  readonly unreadable: readonly UnreadableForm[];
  readonly queued: number;
  readonly done: number;
  readonly onFiles: (files: readonly PickedFile[]) => void;
  readonly onClear: () => void;
  readonly onOpen: (id: number) => void;
  readonly cross: CrossFormView | undefined;
  readonly crossRunning: boolean;
  readonly loadResults: LoadResults;
  /** The summary's totals row of some forms (worded in a worker). */
  readonly loadTotals: (briefs: readonly FormBrief[]) => Promise<Totals>;
  /** The form whose view the reviewer just left: its button takes the focus back. */
  readonly returnTo?: number | undefined;
  /** The sort, filters and listing chosen: the page keeps them while a form is open. */
  readonly view: DashboardView;
  readonly onView: (view: DashboardView) => void;
  /** The forms shown, in the table's order (a form's view steps through them). */
  readonly onOrder: (ids: readonly number[]) => void;
}

function DropZone({ words, onFiles }: Pick<Props, 'words' | 'onFiles'>) {
  const [over, setOver] = useState(false);
  const folder = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  return (
    <section
      class={over ? 'drop over' : 'drop'}
      aria-label={words.drop}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (e.dataTransfer !== null) void droppedFiles(e.dataTransfer).then(onFiles);
      }}
    >
      <p>{words.drop}</p>
      <div class="actions">
        <button type="button" onClick={() => files.current?.click()}>
          {words.pickFiles}
        </button>
        <button type="button" onClick={() => folder.current?.click()}>
          {words.pickFolder}
        </button>
      </div>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        data-testid="pick-files"
        onChange={(e) => {
          onFiles(pickedFiles(e.currentTarget.files));
          e.currentTarget.value = '';
        }}
      />
      <input
        ref={folder}
        type="file"
        hidden
        data-testid="pick-folder"
        {...{ webkitdirectory: true }}
        onChange={(e) => {
          onFiles(pickedFiles(e.currentTarget.files));
          e.currentTarget.value = '';
        }}
      />
    </section>
  );
}

function SortHeader({ column, label, numeric, sort, onSort, words }: { column: Column; label: string; numeric: boolean; sort: Sort | undefined; onSort: (s: Sort) => void; words: Words }) {
  const active = sort?.column === column;
  return (
    <th scope="col" aria-sort={sort !== undefined && active ? (sort.descending ? 'descending' : 'ascending') : 'none'} class={numeric ? 'num' : undefined} data-column={column}>
      <button type="button" class="sort" title={words.sortBy(label)} onClick={() => { onSort({ column, descending: sort !== undefined && active ? !sort.descending : numeric }); }}>
        {label}
        <span aria-hidden="true">{sort !== undefined && active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

/**
 * Rows the table lists until the reviewer asks for all: laying out a 1,000-row table on each update while results
 * stream in was most of the page's own work (bench/RESULTS.md, fourth shift); sorting and filtering cover every form.
 */
export const LISTED_ROWS = 200;

/** Counts that colour their cell when not zero. */
const TONES: Partial<Record<Column, string>> = { errors: 'bad', warnings: 'warn', redFlags: 'bad' };

function cellClass(form: CheckedForm, column: Column, numeric: boolean): string | undefined {
  const key = form.row.keys[column];
  const tone = typeof key === 'number' && key > 0 ? TONES[column] : undefined;
  return [numeric ? 'num' : '', tone ?? ''].join(' ').trim() || undefined;
}

/** `items` itself, or the array given last time when it holds the same elements in the same order. */
function useSameItems<T>(items: readonly T[]): readonly T[] {
  const last = useRef(items);
  if (!sameItems(last.current, items)) last.current = items;
  return last.current;
}

export function Dashboard({ words, locale, columns, titles, checked, unreadable, queued, done, onFiles, onClear, onOpen, cross, crossRunning, loadResults, loadTotals, returnTo, view, onView, onOrder }: Props) {
  // Until the reviewer sorts by a column: the CLI summary's order (what needs attention first, by unit).
  const { sort, filters, listAll } = view;
  const setSort = (next: Sort | undefined) => {
    onView({ ...view, sort: next });
  };
  const setFilters = (next: Filters) => {
    onView({ ...view, filters: next });
  };
  // The forms shown, as the same array while they are the same forms: the totals row below is made again only when they change.
  const kept = useSameItems(useMemo(() => filterForms(checked, filters), [checked, filters]));
  const rows = useMemo(() => (sort === undefined ? attentionOrder(kept) : sortForms(kept, sort)), [kept, sort]);
  // The totals row of the forms shown, made in a worker once every file dropped is checked (not on each update while
  // they stream in). Until the next totals arrive the row keeps the last ones, marked as being updated: removing it
  // meanwhile made it flicker on every filter keystroke and when the cross-form pass ended (the node identity is tested).
  const [totals, setTotals] = useState<{ readonly of: readonly CheckedForm[]; readonly locale: Locale; readonly cells: Totals } | undefined>(undefined);
  const settled = done === queued;
  useEffect(() => {
    let live = true;
    if (settled && kept.length > 1) {
      void loadTotals(kept.map((f) => f.brief)).then((cells) => {
        if (live) setTotals({ of: kept, locale, cells });
      });
    }
    return () => {
      live = false;
    };
  }, [kept, settled, locale, loadTotals]);
  const totalsCurrent = totals?.of === kept && totals.locale === locale && settled;
  // Told as the rows are drawn (a layout effect): a form opened the moment a new order is shown steps through that
  // order. An effect runs only after the next frame, and not at all if a form is opened first (the list unmounts).
  useLayoutEffect(() => {
    onOrder(rows.map((r) => r.id));
  }, [rows, onOrder]);
  const failed = useMemo(() => mostFailed(checked, titles), [checked, titles]);
  const table = useRef<HTMLTableElement>(null);
  // Back from a form's view: the focus returns to that form's button (keyboard use goes on where it was), as the
  // list is drawn: a key typed the moment it is shown goes to that button.
  useLayoutEffect(() => {
    if (returnTo !== undefined) table.current?.querySelector<HTMLButtonElement>(`tr[data-id="${String(returnTo)}"] th button`)?.focus();
  }, [returnTo]);
  const ids = useMemo(() => new Set(checked.map((f) => f.id)), [checked]);
  // The same element while its inputs are the same: Preact then skips the section (a row per finding, up to ten forms
  // each) when the table re-renders for a sort or a filter keystroke. 300 .docx forms in Chromium, four characters
  // typed into a filter, A/B alternated three times at load 9-10: 425-501 ms with tasks of 56-114 ms on the page's
  // thread before, 227-308 ms and no task over 50 ms after.
  const crossSection = useMemo(
    () => <CrossFormSection words={words} view={cross} running={crossRunning} onOpen={onOpen} canOpen={(id) => ids.has(id)} />,
    [words, cross, crossRunning, onOpen, ids],
  );
  // The cross-form section of the export: the findings on or about the forms shown.
  const crossShown = useMemo(() => (cross === undefined ? undefined : crossFormFor(cross, new Set(rows.map((r) => r.id)))), [cross, rows]);
  const ruleOptions = useMemo(() => [...titles].sort(([a], [b]) => a.localeCompare(b)), [titles]);
  // The files not read go into the export with their reasons (a circulated report never hides a file it did not check).
  // As the CLI's report lists them (`unreadableList`): by path, on the page and in the export (each file's reasons one line each).
  const unread = useMemo(() => [...unreadable].sort((a, b) => byPath(a.file, b.file)), [unreadable]);
  const unreadInputs = useMemo(() => unread.map((u) => ({ source: u.file, reason: u.reasons.join('\n') })), [unread]);
  // The forms of the export in the CLI's order (by path) whatever the table's: the same forms give the same file.
  const exported = useMemo(() => [...rows].sort((a, b) => byPath(a.row.file, b.row.file)).map((r) => r.id), [rows]);
  const shown = useMemo(() => shownColumns(columns, checked).map((c) => ({ ...c, numeric: isNumeric(c.id, checked) })), [columns, checked]);
  const setColumn = (column: Column, value: string) => {
    setFilters({ ...filters, columns: { ...filters.columns, [column]: value } });
  };
  return (
    <>
      <DropZone words={words} onFiles={onFiles} />
      {queued === 0 ? null : (
        <div class="progress">
          <label for="progress">{words.progress(done, queued)}</label>
          <progress id="progress" max={queued} value={done} />
          <button type="button" onClick={onClear}>
            {words.clear}
          </button>
        </div>
      )}
      <section aria-labelledby="forms-heading">
        <div class="section-head">
          <h2 id="forms-heading" tabIndex={-1}>
            {words.forms}
          </h2>
          <p aria-live="polite" class="count">
            {words.shown(rows.length, checked.length)}
          </p>
          {/* The files not read are listed below the table (below 200 rows at most): said here, where the count is read. */}
          {unreadable.length === 0 ? null : (
            <a href="#unreadable-heading" class="unread-note">
              {words.unreadableNote(unreadable.length)}
            </a>
          )}
          {sort === undefined ? (
            <p class="hint">{words.attentionOrder}</p>
          ) : (
            <button type="button" onClick={() => { setSort(undefined); }}>
              {words.attentionOrderButton}
            </button>
          )}
          <ExportButtons words={words} locale={locale} ids={exported} loadResults={loadResults} extras={{ crossForm: crossShown, unread: unreadInputs }} />
        </div>
        <div class="filters">
          {/* Each select named by a label of its own (for/id): its name never depends on how a reader treats a control inside its label. */}
          <span class="filter">
            <label for="severity-filter">{words.severity}</label>
            <select
              id="severity-filter"
              value={filters.severity ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setFilters({ ...filters, severity: v === '' ? undefined : (v as SeverityFilter) });
              }}
            >
              <option value="">{words.severityAny}</option>
              {SEVERITY_FILTERS.map((s) => (
                <option value={s} key={s}>
                  {words.severityOptions[s]}
                </option>
              ))}
            </select>
          </span>
          <span class="filter">
            <label for="rule-filter">{words.rule}</label>
            <select
              id="rule-filter"
              value={filters.rule ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setFilters({ ...filters, rule: v === '' ? undefined : v });
              }}
            >
              <option value="">{words.ruleAny}</option>
              {ruleOptions.map(([id, title]) => (
                <option value={id} key={id}>
                  {id} {asShown(title)}
                </option>
              ))}
            </select>
          </span>
          {filtering(filters) ? (
            <button type="button" onClick={() => { setFilters(INITIAL_VIEW.filters); }}>
              {words.clearFilters}
            </button>
          ) : null}
          <p class="hint">{words.filterHint}</p>
        </div>
        {checked.length === 0 ? (
          <p>{words.noForms}</p>
        ) : (
          <div class="table-wrap">
            <table class="forms" ref={table}>
              <thead>
                <tr>
                  {shown.map((c) => (
                    <SortHeader key={c.id} column={c.id} label={c.label} numeric={c.numeric} sort={sort} onSort={setSort} words={words} />
                  ))}
                </tr>
                <tr class="filter-row">
                  {shown.map((c) => (
                    <td key={c.id}>
                      <input
                        type="search"
                        aria-label={words.filterColumn(c.label)}
                        inputMode={c.numeric ? 'decimal' : undefined}
                        value={filters.columns[c.id] ?? ''}
                        onInput={(e) => {
                          setColumn(c.id, e.currentTarget.value);
                        }}
                      />
                    </td>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(listAll ? rows : rows.slice(0, LISTED_ROWS)).map((form) => (
                  <tr key={form.id} data-file={form.row.file} data-id={form.id}>
                    {shown.map((c) =>
                      c.id === 'source' ? (
                        <th scope="row" key={c.id}>
                          <button type="button" class="link" aria-label={words.open(visibleText(form.row.file))} onClick={() => { onOpen(form.id); }}>
                            {visibleText(form.row.file)}
                          </button>
                        </th>
                      ) : (
                        <td key={c.id} class={cellClass(form, c.id, c.numeric)} data-column={c.id}>
                          {asShown(form.row.cells[c.id])}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
              {totals === undefined || kept.length < 2 ? null : (
                <tfoot>
                  <tr class={totalsCurrent ? 'totals' : 'totals stale'} aria-busy={!totalsCurrent} title={totalsCurrent ? undefined : words.totalsUpdating}>
                    {shown.map((c) =>
                      c.id === 'source' ? (
                        <th scope="row" key={c.id}>
                          {asShown(totals.cells.source)}
                        </th>
                      ) : (
                        <td key={c.id} class={c.numeric ? 'num' : undefined} data-column={c.id}>
                          {asShown(totals.cells[c.id] ?? '')}
                        </td>
                      ),
                    )}
                  </tr>
                </tfoot>
              )}
            </table>
            {listAll || rows.length <= LISTED_ROWS ? null : (
              <p class="more">
                {words.firstRows(LISTED_ROWS, rows.length)}{' '}
                <button type="button" onClick={() => { onView({ ...view, listAll: true }); }}>
                  {words.listAll(rows.length)}
                </button>
              </p>
            )}
          </div>
        )}
      </section>
      {crossSection}
      <div class="panels">
        <section aria-labelledby="unreadable-heading" class="panel">
          <h2 id="unreadable-heading">
            {words.unreadable} ({unreadable.length})
          </h2>
          {unreadable.length === 0 ? (
            <p>{words.unreadableNone}</p>
          ) : (
            <ul class="unreadable">
              {unread.map((u) => (
                <li key={u.id}>
                  <strong>{visibleText(u.file)}</strong>
                  {u.reasons.map((r, i) => (
                    <div key={i} class="reason">
                      {asShown(r)}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="failed-heading" class="panel">
          <h2 id="failed-heading">{words.mostFailed}</h2>
          {failed.length === 0 ? (
            <p>{words.mostFailedNone}</p>
          ) : (
            <ol class="failed">
              {failed.map((f) => (
                <li key={f.ruleId}>
                  <button type="button" class="link" onClick={() => { setFilters({ ...filters, rule: f.ruleId }); }}>
                    <code>{f.ruleId}</code> {asShown(f.title)}
                  </button>
                  <span class="n">{words.mostFailedCount(f.units, f.forms)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
