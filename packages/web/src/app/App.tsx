/** The workbench: a dashboard of every form checked, one form opened, the reviewer's own rules. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { visibleLines, type FormBrief, type Locale } from '@jixiao/core';
import type { CheckedForm, CrossFormView, FormEntry, SetupIssue, SummaryColumn, UnreadableForm } from '../worker/protocol.js';
import { Dashboard } from './Dashboard.js';
import { FormView } from './FormView.js';
import { OwnRules, type OwnRuleFiles } from './OwnRules.js';
import type { PickedFile } from './files.js';
import { localDate } from './exporter.js';
import { WORDS } from './i18n.js';
import { CheckPool } from './pool.js';
import { INITIAL_VIEW, type DashboardView } from './table.js';

/**
 * While results stream in, the list is drawn again at most every FRAME_MS per 100 forms on the page (120 ms up to
 * 100 forms, 1.2 s at 1,000), and at once when the last file of a drop is in. A re-draw costs in proportion to the
 * forms on the page (their order, the counts, the most-failed rules, the rule filter's choices, the table), so at a
 * fixed rate a batch cost the page's thread in proportion to the square of its size.
 */
const FRAME_MS = 120;
const redrawDelay = (forms: number) => FRAME_MS * Math.max(1, forms / 100);

export function App() {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [entries, setEntries] = useState<readonly FormEntry[]>([]);
  const [queued, setQueued] = useState(0);
  const [openId, setOpenId] = useState<number | undefined>(undefined);
  const [returnTo, setReturnTo] = useState<number | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [ruleCount, setRuleCount] = useState(0);
  const [issues, setIssues] = useState<readonly SetupIssue[]>([]);
  const [columns, setColumns] = useState<readonly SummaryColumn[]>([]);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [own, setOwn] = useState<OwnRuleFiles>({ packs: [] });
  const [busy, setBusy] = useState(false);
  const [cross, setCross] = useState<CrossFormView | undefined>(undefined);
  // The dashboard's sort and filters outlive its unmounting while a form is open; its order lets a form's view step to the next.
  const [view, setView] = useState<DashboardView>(INITIAL_VIEW);
  const order = useRef<readonly number[]>([]);
  const onOrder = useCallback((ids: readonly number[]) => {
    order.current = ids;
  }, []);
  const [crossRunning, setCrossRunning] = useState(false);
  const crossRun = useRef(0);
  const store = useRef(new Map<number, FormEntry>());
  const nextId = useRef(0);
  const flush = useRef<number | undefined>(undefined);
  /** How many files were dropped (the entries expected). */
  const expected = useRef(0);
  const words = WORDS[locale];

  const publish = useCallback(() => {
    flush.current = undefined;
    setEntries([...store.current.values()].sort((a, b) => a.id - b.id));
  }, []);

  const pool = useMemo(
    () =>
      new CheckPool({
        onEntry: (entry) => {
          store.current.set(entry.id, entry);
          if (store.current.size >= expected.current) {
            window.clearTimeout(flush.current);
            publish();
          } else flush.current ??= window.setTimeout(publish, redrawDelay(store.current.size));
        },
        onFailure: setFailure,
        onAgain: (id) => {
          // Checked again in a fresh worker: counted (and exported) once more when it comes back.
          if (store.current.delete(id)) {
            window.clearTimeout(flush.current);
            publish();
          }
        },
      }),
    [publish],
  );

  // The rules (standard plus the reviewer's own) and the locale go to every worker; what they already read is
  // checked again, so a new pack, config, waiver file or language applies to every form on the page.
  useEffect(() => {
    let current = true;
    const live = () => current;
    const { packs, config, waivers } = own;
    setBusy(true);
    void pool
      .setup({ locale, packs, today: localDate(), ...(config === undefined ? {} : { config }), ...(waivers === undefined ? {} : { waivers }) })
      .then(async ({ rules, issues: found, columns: named, titles: ruleTitles }) => {
        if (!live()) return;
        setRuleCount(rules);
        setTitles(ruleTitles);
        setIssues(found);
        setColumns(named);
        const again = await pool.recheck();
        for (const entry of again) store.current.set(entry.id, entry);
        if (live()) publish();
      })
      .finally(() => {
        if (live()) setBusy(false);
      });
    return () => {
      current = false;
    };
  }, [pool, locale, own, publish]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = words.title;
  }, [locale, words]);

  const add = useCallback(
    (files: readonly PickedFile[]) => {
      const batch = files.map((picked) => ({ id: nextId.current++, picked }));
      expected.current += batch.length;
      setQueued((n) => n + batch.length);
      pool.check(batch);
    },
    [pool],
  );

  const loadDocument = useCallback((id: number) => pool.document(id), [pool]);
  const loadDetails = useCallback((id: number) => pool.details(id), [pool]);
  const loadResults = useCallback((ids: readonly number[]) => pool.results(ids), [pool]);
  const loadTotals = useCallback((briefs: readonly FormBrief[]) => pool.totals(briefs), [pool]);

  const clear = useCallback(() => {
    pool.forget();
    store.current.clear();
    expected.current = 0;
    setQueued(0);
    setOpenId(undefined);
    setView(INITIAL_VIEW);
    publish();
  }, [pool, publish]);

  // The cross-form pass, once every file dropped is checked with the rules in force (again after new rules or
  // another language: the recheck publishes new entries); a pass overtaken by a newer one is not shown.
  const settled = entries.length === queued && !busy;
  const checkedCount = entries.filter((e) => e.ok).length;
  useEffect(() => {
    if (!settled) return;
    const run = ++crossRun.current;
    if (checkedCount < 2) {
      setCross(undefined);
      setCrossRunning(false);
      return;
    }
    setCrossRunning(true);
    pool.crossForm().then(
      (view) => {
        if (run !== crossRun.current) return;
        setCross(view);
        setCrossRunning(false);
      },
      (error: unknown) => {
        if (run !== crossRun.current) return;
        setCrossRunning(false);
        setFailure(error instanceof Error ? error.message : String(error));
      },
    );
  }, [pool, settled, checkedCount, entries]);

  // Made again only when the entries change (a new array on every render of the page reset the dashboard's memos).
  const checked = useMemo(() => entries.filter((e): e is CheckedForm => e.ok), [entries]);
  const unreadable = useMemo(() => entries.filter((e): e is UnreadableForm => !e.ok), [entries]);
  const opened = openId === undefined ? undefined : checked.find((e) => e.id === openId);
  // The forms before and after the open one in the dashboard's order (its sort and filters).
  const at = openId === undefined ? -1 : order.current.indexOf(openId);
  const neighbour = (i: number) => (at < 0 ? undefined : checked.find((e) => e.id === order.current[i]));

  return (
    <>
      {/* Past the drop zone, the progress, the exports and the filters (some 28 Tab presses) to the results. */}
      <a
        class="skip-link"
        href={opened === undefined ? '#forms-heading' : '#findings-heading'}
        onClick={(event) => {
          const target = document.getElementById(opened === undefined ? 'forms-heading' : 'findings-heading');
          if (target === null) return;
          event.preventDefault();
          target.focus();
        }}
      >
        {opened === undefined ? words.skipToForms : words.skipToFindings}
      </a>
      <header class="bar">
        <h1>{words.title}</h1>
        <p class="tagline">{words.tagline}</p>
        <button type="button" class="lang" lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} title={words.languageLabel} onClick={() => { setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN'); }}>
          {words.language}
        </button>
      </header>
      <main id="main">
        {failure === undefined ? null : (
          <p role="alert" class="failure">
            {words.workerFailed(visibleLines(failure))}
          </p>
        )}
        {opened === undefined ? (
          <Dashboard
            words={words}
            locale={locale}
            columns={columns}
            titles={titles}
            checked={checked}
            unreadable={unreadable}
            queued={queued}
            done={entries.length}
            onFiles={add}
            onClear={clear}
            onOpen={setOpenId}
            cross={cross}
            crossRunning={crossRunning}
            loadResults={loadResults}
            returnTo={returnTo}
            loadTotals={loadTotals}
            view={view}
            onView={setView}
            onOrder={onOrder}
          />
        ) : (
          <FormView
            key={opened.id}
            words={words}
            locale={locale}
            form={opened}
            columns={columns}
            cross={cross}
            loadDocument={loadDocument}
            loadDetails={loadDetails}
            loadResults={loadResults}
            onBack={() => { setReturnTo(openId); setOpenId(undefined); }}
            previous={neighbour(at - 1)}
            next={neighbour(at + 1)}
            onStep={setOpenId}
          />
        )}
        {opened === undefined ? (
          <OwnRules
            words={words}
            files={own}
            issues={issues}
            rules={ruleCount}
            busy={busy}
            onChange={setOwn}
            onReset={() => { setOwn({ packs: [] }); }}
          />
        ) : null}
      </main>
    </>
  );
}
