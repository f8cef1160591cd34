/**
 * The cross-form section (history and batch rules: the same unit's previous year, the same unit and year twice, a
 * narrative copied from another unit, a figure far from its peers), as the reports show it after the forms: one
 * row per finding, its form and the forms it concerns each a button that opens that form, where the compared
 * fields stand in both.
 */
import { visibleText, type CrossFormReport } from '@jixiao/core';
import type { CrossFindingView, CrossFormView } from '../worker/protocol.js';
import type { Words } from './i18n.js';
import { asShown } from './shown.js';

/** The cells of the reports' row that hold the file and the related forms (crossFormHeaders). */
const FILE = 0;
const RELATED = 7;

/** The part of the report about some forms (the page's ids): the findings on them or pointing at them, the notes on them. */
export function crossFormFor(view: CrossFormView, forms: ReadonlySet<number>): CrossFormReport {
  const about = new Set(view.findings.filter((f) => forms.has(f.form) || f.related.some((r) => forms.has(r.form))).map((f) => f.index));
  const { reviewNotes, ...report } = view.report;
  const notes = (reviewNotes ?? []).filter((_, i) => forms.has(view.notes[i]?.form ?? -1));
  return { ...report, findings: view.report.findings.filter((_, i) => about.has(i)), ...(notes.length === 0 ? {} : { reviewNotes: notes }) };
}

interface CrossFindingAbout {
  readonly finding: CrossFindingView;
  /** Its places in this form. */
  readonly places: readonly string[];
  /** On this form (else: on another form, pointing at this one). */
  readonly here: boolean;
}

/** The findings about one form (the page's id): on it (its own places) or pointing at it (the places the finding compares there). */
export function crossFindingsOf(view: CrossFormView | undefined, form: number): CrossFindingAbout[] {
  if (view === undefined) return [];
  return view.findings.flatMap((finding): CrossFindingAbout[] => {
    if (finding.form === form) return [{ finding, places: finding.places, here: true }];
    const related = finding.related.filter((r) => r.form === form);
    return related.length === 0 ? [] : [{ finding, places: related.flatMap((r) => r.places), here: false }];
  });
}

export function crossTone(f: CrossFindingView): string {
  if (f.outcome !== 'fail') return 'unknown';
  return f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'info';
}

interface Props {
  readonly words: Words;
  readonly view: CrossFormView | undefined;
  /** The pass is running (a new drop, new rules, another language). */
  readonly running: boolean;
  /** Open a checked form by the page's id (`canOpen`: it is on the page). */
  readonly onOpen: (form: number) => void;
  readonly canOpen: (form: number) => boolean;
}

function FormButton({ form, source, text, words, onOpen, canOpen }: { form: number; source: string; text: string } & Pick<Props, 'words' | 'onOpen' | 'canOpen'>) {
  if (!canOpen(form)) return <span>{visibleText(text)}</span>;
  return (
    <button type="button" class="link" title={words.open(visibleText(source))} onClick={() => { onOpen(form); }}>
      {visibleText(text)}
    </button>
  );
}

export function CrossFormSection({ words, view, running, onOpen, canOpen }: Props) {
  return (
    <section aria-labelledby="cross-heading" class="panel cross" aria-busy={running}>
      <h2 id="cross-heading">{view?.title ?? words.crossTitle}</h2>
      {running ? <p aria-live="polite">{words.crossRunning}</p> : null}
      {view === undefined ? (
        running ? null : <p>{words.crossNone}</p>
      ) : (
        <>
          {view.preamble.map((line, i) => (
            <p key={i} class="preamble">
              {asShown(line)}
            </p>
          ))}
          {view.findings.length === 0 ? null : (
            <div class="table-wrap">
              <table class="cross-findings">
                <thead>
                  <tr>
                    {view.headers.map((h) => (
                      <th scope="col" key={h}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.findings.map((f) => (
                    <tr key={f.index} class={`marked ${crossTone(f)}`} data-rule={f.ruleId} data-file={f.source} data-form={f.form}>
                      {f.cells.map((cell, i) =>
                        i === FILE ? (
                          <th scope="row" key={i}>
                            <FormButton form={f.form} source={f.source} text={f.source} words={words} onOpen={onOpen} canOpen={canOpen} />
                          </th>
                        ) : i === RELATED ? (
                          <td key={i} class="related">
                            {f.related.map((r) => (
                              <div key={r.form}>
                                <FormButton form={r.form} source={r.source} text={r.text} words={words} onOpen={onOpen} canOpen={canOpen} />
                              </div>
                            ))}
                            {f.unlisted === undefined ? null : <div>{asShown(f.unlisted)}</div>}
                          </td>
                        ) : (
                          <td key={i}>{asShown(cell)}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {view.notes.length === 0 ? null : (
            <>
              <h3>{view.notesHeading}</h3>
              <ul class="cross-notes">
                {view.notes.map((n, i) => (
                  <li key={i} data-form={n.form}>
                    {asShown(n.text)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
