/**
 * One form: the places of the file as read (each field with its value, inferred answers flagged), every
 * finding marked on its place, the findings beside it, the import diagnostics. ↑/↓ (or j/k) step through the
 * findings; the selected finding's place is scrolled into view and highlighted.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Locale } from '@jixiao/core';
import type { CheckedForm, FindingView } from '../worker/protocol.js';
import { ExportButtons } from './ExportButtons.js';
import type { Words } from './i18n.js';

interface Props {
  readonly words: Words;
  readonly locale: Locale;
  readonly form: CheckedForm;
  readonly onBack: () => void;
}

function tone(f: FindingView): string {
  if (f.waived) return 'waived';
  if (f.outcome === 'fail') return f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'info';
  return f.outcome === 'indeterminate' ? 'unknown' : 'ok';
}

const placeId = (key: string) => `place-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function FormView({ words, locale, form, onBack }: Props) {
  const [showAll, setShowAll] = useState(false);
  const [selected, setSelected] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const listed = useMemo(() => form.findings.filter((f) => showAll || f.outcome === 'fail' || f.outcome === 'indeterminate'), [form, showAll]);
  const current = listed[Math.min(selected, listed.length - 1)];
  const byPlace = useMemo(() => {
    const map = new Map<string, FindingView[]>();
    for (const f of listed) if (f.place !== undefined) map.set(f.place, [...(map.get(f.place) ?? []), f]);
    return map;
  }, [listed]);
  const inferred = form.places.flatMap((p) => p.fields.filter((f) => f.inferred));

  useEffect(() => {
    heading.current?.focus();
  }, [form.id]);

  const select = (i: number, focus: boolean) => {
    const next = Math.max(0, Math.min(listed.length - 1, i));
    setSelected(next);
    if (focus) items.current[next]?.focus();
    const place = listed[next]?.place;
    if (place !== undefined) document.getElementById(placeId(place))?.scrollIntoView({ block: 'nearest' });
  };

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
          {form.row.file}
        </h2>
        <p class="meta">
          {form.row.unit ?? '—'} · {form.row.year ?? '—'} · {words.columns.claimedGrade} {form.row.claimedGrade ?? '—'}
        </p>
        <ExportButtons words={words} locale={locale} results={[form.result]} />
      </div>
      <div class="split">
        <section aria-labelledby="read-heading" class="as-read">
          <h3 id="read-heading">{words.formAsRead}</h3>
          {inferred.length === 0 ? null : (
            <p class="review-note" role="note">
              {words.reviewNote}：{inferred.map((f) => f.label).join('、')}
            </p>
          )}
          <table class="places">
            <thead>
              <tr>
                <th scope="col">{words.place}</th>
                <th scope="col">{words.excerpt}</th>
                <th scope="col">{words.fields}</th>
              </tr>
            </thead>
            <tbody>
              {form.places.map((p) => {
                const marks = byPlace.get(p.key) ?? [];
                const [mark] = marks;
                const active = current?.place === p.key;
                return (
                  <tr key={p.key} id={placeId(p.key)} data-place={p.key} class={[mark === undefined ? '' : `marked ${tone(mark)}`, active ? 'active' : ''].join(' ')}>
                    <td class="where">{p.where}</td>
                    <td class="excerpt">{p.excerpt}</td>
                    <td>
                      <ul class="fields">
                        {p.fields.map((f) => (
                          <li key={f.path}>
                            {f.label}：<strong>{f.value}</strong>
                            {f.inferred ? <span class="badge review">{words.review}</span> : null}
                          </li>
                        ))}
                      </ul>
                      {marks.map((m) => (
                        <span key={m.index} class={`badge ${tone(m)}`}>
                          {m.label} {m.ruleId}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="findings-heading" class="findings">
          <h3 id="findings-heading">
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
                  <span class={`badge ${tone(f)}`}>{f.label}</span> <strong>{f.title}</strong>
                </div>
                <p class="message">{f.message}</p>
                {f.notes.map((n, j) => (
                  <p key={j} class="note">
                    {n}
                  </p>
                ))}
                <dl>
                  <dt>{words.observed}</dt>
                  <dd>{f.observed.map((o) => `${o.label} = ${o.value}`).join(locale === 'zh-CN' ? '；' : '; ')}</dd>
                  <dt>{words.place}</dt>
                  <dd>{f.where ?? words.noPlace}</dd>
                  <dt>{words.basis}</dt>
                  <dd>{f.basis}</dd>
                  <dt>{words.check}</dt>
                  <dd>
                    <code>{f.checkId}</code>
                  </dd>
                  {f.waiver === undefined ? null : (
                    <>
                      <dt>{words.waiver}</dt>
                      <dd>{f.waiver}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
          <h3>{words.diagnostics}</h3>
          {form.diagnostics.length === 0 ? (
            <p>{words.diagnosticsNone}</p>
          ) : (
            <ul class="diagnostics">
              {form.diagnostics.map((d, i) => (
                <li key={i} class={d.severity}>
                  {d.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
