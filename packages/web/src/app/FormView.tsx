/**
 * One form: the places of the file as read (each field with its value, inferred answers flagged), every
 * finding marked on its place, the findings beside it, the import diagnostics. ↑/↓ (or j/k) step through the
 * findings; the selected finding's place is scrolled into view and highlighted.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { visibleText, type Locale } from '@jixiao/core';
import type { BlockView, CheckedForm, CrossFindingView, CrossFormView, FindingView, FormDetails, PlaceView, SummaryColumn } from '../worker/protocol.js';
import { crossFindingsOf, crossFormFor, crossTone } from './CrossForm.js';
import { ExportButtons, type LoadResults } from './ExportButtons.js';
import type { DocumentAnswer } from './pool.js';
import type { Words } from './i18n.js';
import { asShown } from './shown.js';

interface Props {
  readonly words: Words;
  readonly locale: Locale;
  readonly form: CheckedForm;
  /** The batch summary's columns: the form's own row of the dashboard heads the view. */
  readonly columns: readonly SummaryColumn[];
  /** The cross-form pass of the page: its findings on this form, or pointing at it, are shown and marked here. */
  readonly cross: CrossFormView | undefined;
  readonly onBack: () => void;
  /** The form as read (paragraphs and tables), asked for when the form opens. */
  readonly loadDocument: (id: number) => Promise<DocumentAnswer>;
  /** Its findings, places, scores and diagnostics (kept by the worker that checked it), asked for when the form opens. */
  readonly loadDetails: (id: number) => Promise<FormDetails | undefined>;
  readonly loadResults: LoadResults;
  /** The forms before and after this one in the dashboard's order (its sort and filters), if any. */
  readonly previous?: CheckedForm | undefined;
  readonly next?: CheckedForm | undefined;
  /** Open another form (by the page's id): the next or previous one, or one a cross-form finding names. */
  readonly onStep: (id: number) => void;
}

function tone(f: FindingView): string {
  if (f.waived) return 'waived';
  if (f.outcome === 'fail') return f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'info';
  return f.outcome === 'indeterminate' ? 'unknown' : 'ok';
}

const placeId = (key: string) => `place-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** What a place of the form carries in the view: its fields (inferred ones flagged) and the findings about it. */
function Annotations({ place, marks, cross, words }: { place: PlaceView | undefined; marks: readonly FindingView[]; cross: readonly CrossFindingView[]; words: Words }) {
  if (place === undefined && marks.length === 0 && cross.length === 0) return null;
  return (
    <div class="annotations">
      {place?.fields.map((f) => (
        <span key={f.path} class="field">
          {f.label}{words.colon}{asShown(f.value)}
          {f.inferred ? <span class="badge review">{words.review}</span> : null}
        </span>
      ))}
      {marks.map((m) => (
        <span key={m.index} class={`badge ${tone(m)}`}>
          {m.label} {m.ruleId}
        </span>
      ))}
      {cross.map((m) => (
        <span key={`cross-${String(m.index)}`} class={`badge ${crossTone(m)}`}>
          {asShown(m.cells[4])} {m.ruleId}
        </span>
      ))}
    </div>
  );
}

/** A key typed into a field is the field's, not a shortcut. */
function typing(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]') !== null;
}

export function FormView({ words, locale, form, columns, cross, onBack, loadDocument, loadDetails, loadResults, previous, next, onStep }: Props) {
  const [showAll, setShowAll] = useState(false);
  const [blocks, setBlocks] = useState<readonly BlockView[] | undefined>(undefined);
  // Its file moved, renamed or changed since it was checked: the form as read cannot be shown (its places still are).
  const [moved, setMoved] = useState(false);
  // Undefined until the worker that holds the form answers: the view says it is loading, never "no findings".
  const [details, setDetails] = useState<FormDetails | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setBlocks(undefined);
    setMoved(false);
    void loadDocument(form.id).then((answer) => {
      if (!live) return;
      setBlocks(answer.blocks);
      setMoved(answer.moved === true);
    });
    return () => {
      live = false;
    };
  }, [form.id, loadDocument]);
  // Asked again when the form is checked again (new rules, another language): the entry is then a new object.
  useEffect(() => {
    let live = true;
    void loadDetails(form.id).then((d) => {
      if (live) setDetails(d);
    });
    return () => {
      live = false;
    };
  }, [form, loadDetails]);
  const formPlaces = useMemo(() => details?.places ?? [], [details]);
  const places = useMemo(() => new Map(formPlaces.map((p) => [p.key, p])), [formPlaces]);
  const [selected, setSelected] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const listed = useMemo(() => (details?.findings ?? []).filter((f) => showAll || f.outcome === 'fail' || f.outcome === 'indeterminate'), [details, showAll]);
  const current = listed[Math.min(selected, listed.length - 1)];
  const byPlace = useMemo(() => {
    const map = new Map<string, FindingView[]>();
    for (const f of listed) for (const place of f.places) map.set(place, [...(map.get(place) ?? []), f]);
    return map;
  }, [listed]);
  const inferred = formPlaces.flatMap((p) => p.fields.filter((f) => f.inferred));
  const crossFindings = useMemo(() => crossFindingsOf(cross, form.id), [cross, form]);
  const crossByPlace = useMemo(() => {
    const map = new Map<string, CrossFindingView[]>();
    for (const { finding, places: at } of crossFindings) for (const place of at) map.set(place, [...(map.get(place) ?? []), finding]);
    return map;
  }, [crossFindings]);
  const crossExport = useMemo(() => (cross === undefined ? undefined : crossFormFor(cross, new Set([form.id]))), [cross, form]);

  // The focus and the keys below are the view's as it is drawn (layout effects): an effect runs only after the next
  // frame, and a key typed the moment the view is shown (the second of two typed quickly, "np") went nowhere.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [form.id]);
  // j or k typed before the worker's answer: the first finding takes the focus when it is shown (the key is not lost).
  const focusOnLoad = useRef(false);
  useLayoutEffect(() => {
    if (details === undefined || !focusOnLoad.current) return;
    focusOnLoad.current = false;
    items.current[0]?.focus();
  }, [details]);

  const classOf = (key: string) => {
    const [mark] = byPlace.get(key) ?? [];
    const [crossMark] = crossByPlace.get(key) ?? [];
    const marked = mark !== undefined ? `marked ${tone(mark)}` : crossMark !== undefined ? `marked ${crossTone(crossMark)}` : '';
    return [marked, current?.place === key ? 'active' : ''].join(' ').trim() || undefined;
  };
  const annotate = (key: string | undefined, place: PlaceView | undefined) =>
    key === undefined ? null : <Annotations place={place} marks={byPlace.get(key) ?? []} cross={crossByPlace.get(key) ?? []} words={words} />;
  const placeAttributes = (key: string | undefined) => (key === undefined ? {} : { id: placeId(key), 'data-place': key, class: classOf(key) });

  const select = (i: number, focus: boolean) => {
    const next = Math.max(0, Math.min(listed.length - 1, i));
    setSelected(next);
    if (focus) items.current[next]?.focus();
    const place = listed[next]?.place;
    if (place !== undefined) document.getElementById(placeId(place))?.scrollIntoView({ block: 'nearest' });
  };

  // Anywhere in the view (the list handles its own keys first): j/k go to the findings, n/p to the next and
  // previous form of the dashboard's order, Escape back to the list.
  useLayoutEffect(() => {
    const onPageKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key === 'Escape') onBack();
      else if (e.key === 'n' && next !== undefined) onStep(next.id);
      else if (e.key === 'p' && previous !== undefined) onStep(previous.id);
      else if ((e.key === 'j' || e.key === 'k') && details === undefined) focusOnLoad.current = true;
      else if (e.key === 'j' || e.key === 'k') select(selected, true);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onPageKey);
    return () => {
      document.removeEventListener('keydown', onPageKey);
    };
  });

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'j') select(selected + 1, true);
    else if (e.key === 'ArrowUp' || e.key === 'k') select(selected - 1, true);
    else if (e.key === 'Home') select(0, true);
    else if (e.key === 'End') select(listed.length - 1, true);
    else if (e.key === 'Enter') select(selected, false);
    else return;
    e.preventDefault();
  };

  return (
    <article class="form-view" aria-labelledby="form-heading">
      <div class="section-head">
        <button type="button" onClick={onBack}>
          ← {words.back}
        </button>
        <h2 id="form-heading" tabIndex={-1} ref={heading}>
          {visibleText(form.row.file)}
        </h2>
        <nav class="steps" aria-label={words.formSteps}>
          <button type="button" disabled={previous === undefined} title={previous === undefined ? undefined : words.open(visibleText(previous.row.file))} onClick={() => { if (previous !== undefined) onStep(previous.id); }}>
            {words.previousForm}
          </button>
          <button type="button" disabled={next === undefined} title={next === undefined ? undefined : words.open(visibleText(next.row.file))} onClick={() => { if (next !== undefined) onStep(next.id); }}>
            {words.nextForm}
          </button>
        </nav>
        <ExportButtons words={words} locale={locale} ids={[form.id]} loadResults={loadResults} extras={{ crossForm: crossExport }} />
      </div>
      <dl class="brief">
        {columns
          .filter((c) => c.id !== 'source' && form.row.columns.includes(c.id))
          .map((c) => (
            <div key={c.id} data-column={c.id}>
              <dt>{c.label}</dt>
              <dd>{asShown(form.row.cells[c.id])}</dd>
            </div>
          ))}
      </dl>
      {(details?.scores ?? []).map((line, i) => (
        <p key={i} class="score-line">
          {asShown(line)}
        </p>
      ))}
      {details === undefined ? (
        <p class="hint" aria-busy="true">
          {words.loadingForm}
        </p>
      ) : (
      <div class="split">
        <section aria-labelledby="read-heading" class="as-read" tabIndex={0}>
          <h3 id="read-heading">{words.formAsRead}</h3>
          {inferred.length === 0 ? null : (
            <p class="review-note" role="note">
              {words.reviewNote}{words.colon}{asShown(inferred.map((f) => f.label).join(words.enumeration))}
            </p>
          )}
          {moved ? (
            <p class="moved" role="alert">
              {words.fileMoved}
            </p>
          ) : null}
          {blocks === undefined && formPlaces.length === 0 ? (
            <p class="hint">{words.noPlaces}</p>
          ) : blocks === undefined ? (
            <table class="places">
              <thead>
                <tr>
                  <th scope="col">{words.place}</th>
                  <th scope="col">{words.excerpt}</th>
                  <th scope="col">{words.fields}</th>
                </tr>
              </thead>
              <tbody>
                {formPlaces.map((p) => (
                  <tr key={p.key} id={placeId(p.key)} data-place={p.key} class={classOf(p.key)}>
                    <td class="where">{asShown(p.where)}</td>
                    <td class="excerpt">{asShown(p.excerpt)}</td>
                    <td>
                      {annotate(p.key, p)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <div class="document">
              {blocks.map((block, b) =>
                block.kind === 'paragraph' ? (
                  <p key={b} {...placeAttributes(block.key)}>
                    {asShown(block.text)}
                    {annotate(block.key, block.key === undefined ? undefined : places.get(block.key))}
                  </p>
                ) : (
                  <table key={b} class="doc-table">
                    {block.caption === undefined ? null : <caption>{asShown(block.caption)}</caption>}
                    <tbody>
                      {block.rows.map((row, r) => (
                        <tr key={r}>
                          {row.cells.map((cell, c) => (
                            <td key={c} colSpan={cell.colSpan} title={cell.ref === undefined ? undefined : visibleText(cell.ref)} {...placeAttributes(cell.key)}>
                              {asShown(cell.text)}
                              {annotate(cell.key, cell.key === undefined ? undefined : places.get(cell.key))}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ),
              )}
            </div>
          )}
        </section>
        <section aria-labelledby="findings-heading" class="findings">
          <h3 id="findings-heading" tabIndex={-1}>
            {words.findings} ({listed.length})
          </h3>
          <p class="hint" id="findings-help">
            {words.findingsHelp}
          </p>
          <label class="check">
            <input type="checkbox" checked={showAll} onChange={(e) => { setShowAll(e.currentTarget.checked); setSelected(0); }} />
            {words.showPassed}
          </label>
          <ul class="finding-list" aria-describedby="findings-help" onKeyDown={onKey}>
            {listed.map((f, i) => (
              <li
                key={f.index}
                ref={(el) => {
                  items.current[i] = el;
                }}
                tabIndex={i === selected ? 0 : -1}
                class={`finding ${tone(f)}${i === selected ? ' selected' : ''}`}
                aria-current={i === selected ? 'true' : undefined}
                data-rule={f.ruleId}
                onFocus={() => { if (i !== selected) select(i, false); }}
                onClick={() => { select(i, true); }}
              >
                <div class="head">
                  <span class={`badge ${tone(f)}`}>{f.label}</span> <strong>{asShown(f.title)}</strong>
                </div>
                <p class="message">{asShown(f.message)}</p>
                {f.notes.map((n, j) => (
                  <p key={j} class="note">
                    {asShown(n)}
                  </p>
                ))}
                <dl>
                  <dt>{words.observed}</dt>
                  <dd>{asShown(f.observed.map((o) => `${o.label} = ${o.value}`).join(locale === 'zh-CN' ? '；' : '; '))}</dd>
                  <dt>{words.place}</dt>
                  <dd>{f.where === undefined ? words.noPlace : asShown(f.where)}</dd>
                  <dt>{words.basis}</dt>
                  <dd>{asShown(f.basis)}</dd>
                  <dt>{words.check}</dt>
                  <dd>
                    <code>{f.checkId}</code>
                  </dd>
                  {f.points === undefined ? null : (
                    <>
                      <dt>{words.points}</dt>
                      <dd>{words.pointsOf(f.points.points, f.points.max)}</dd>
                    </>
                  )}
                  {f.waiver === undefined ? null : (
                    <>
                      <dt>{words.waiver}</dt>
                      <dd>{asShown(f.waiver)}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
          {crossFindings.length === 0 ? null : (
            <>
              <h3 id="cross-form-heading">{cross?.title}</h3>
              <ul class="cross-list" aria-labelledby="cross-form-heading">
                {crossFindings.map(({ finding: f, here }) => (
                  <li key={f.index} class={`finding ${crossTone(f)}`} data-rule={f.ruleId}>
                    <div class="head">
                      <span class={`badge ${crossTone(f)}`}>
                        {asShown(f.cells[4])}
                        {f.cells[5] === null ? '' : `·${String(asShown(f.cells[5]))}`}
                      </span>{' '}
                      <strong>{asShown(f.title)}</strong> <code>{f.ruleId}</code>
                    </div>
                    <p class="message">{asShown(f.message)}</p>
                    <ul class="related">
                      {here ? null : (
                        <li>
                          <button type="button" class="link" title={words.open(visibleText(f.source))} onClick={() => { onStep(f.form); }}>
                            {words.crossOther(visibleText(f.source))}
                          </button>
                        </li>
                      )}
                      {f.related
                        .filter((r) => r.form !== form.id)
                        .map((r) => (
                          <li key={r.form}>
                            <button type="button" class="link" title={words.open(visibleText(r.source))} onClick={() => { onStep(r.form); }}>
                              {asShown(r.text)}
                            </button>
                          </li>
                        ))}
                    </ul>
                    {f.cells[8] === null ? null : <p class="note">{asShown(f.cells[8])}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{words.diagnostics}</h3>
          {details.diagnostics.length === 0 ? (
            <p>{words.diagnosticsNone}</p>
          ) : (
            <ul class="diagnostics">
              {details.diagnostics.map((d, i) => (
                <li key={i} class={d.severity}>
                  {asShown(d.text)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      )}
    </article>
  );
}
