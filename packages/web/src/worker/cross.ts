/**
 * The cross-form pass in the browser (history and batch rules: the same unit's previous year, the same unit and
 * year twice, a narrative copied from another unit, a figure far from its peers): the core's pass over the forms
 * of every worker, gathered in one with the records their workers made, and its report worded as the reports word it.
 */
import { CrossFormRun, crossFormReport, type Checker, type CrossFormReport, type LoadedForm, type Locale } from '@jixiao/core';
import { WORDS, crossFormHeaders, crossFormNoteLine, crossFormPreamble, crossFormRows, crossFormTitle, relatedText, unlistedText } from '@jixiao/adapters';
import type { CrossFindingView, CrossFormView, HeldForm } from './protocol.js';
import { placeKey } from './view.js';

/** Keys of the places of some fields' positions (as the form view names them). */
function placesOf(positions: CrossFormReport['findings'][number]['positions']): string[] {
  return [...new Set(Object.values(positions ?? {}).flatMap((p) => placeKey(p) ?? []))];
}

/**
 * The name each form takes in the run: its file name, unless another form on the page has that name too (自评表.docx
 * from two folders, one file dropped twice): then the name, NUL and the form's id (ten digits). The run knows a form
 * by its source alone in its findings, so a shared name would tie a finding to the wrong form; no file name holds a
 * NUL, which sorts first, so the run's order is the names' order, then the ids' (the order of dropping).
 */
function runSources(forms: readonly HeldForm[]): string[] {
  const count = new Map<string, number>();
  for (const f of forms) count.set(f.source, (count.get(f.source) ?? 0) + 1);
  return forms.map((f) => ((count.get(f.source) ?? 0) > 1 ? `${f.source}\u0000${String(f.id).padStart(10, '0')}` : f.source));
}

/** The report with every run source made for a shared name given its name back (findings, joins, messages, data). */
function withNames<T>(value: T, names: ReadonlyMap<string, string>): T {
  if (names.size === 0) return value;
  const restore = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('\u0000')) return v;
      let out = v;
      for (const [made, name] of names) out = out.split(made).join(name);
      return out;
    }
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]));
    return v;
  };
  return restore(value) as T;
}

/** Undefined when the rules in force hold no cross-form rule (nothing to show, as the CLI shows nothing). */
export function crossFormView(checker: Checker, forms: readonly HeldForm[], locale: Locale): CrossFormView | undefined {
  if (!checker.hasCrossFormRules) return undefined;
  // As the CLI's spool does: the records made where the forms were read, the forms read back by index.
  const sources = runSources(forms);
  const run = new CrossFormRun(checker);
  forms.forEach((form, i) => run.add({ ...form.record, source: sources[i] ?? form.source }));
  const load = (index: number): LoadedForm => {
    const form = forms[index];
    if (form === undefined) throw new Error(`the cross-form pass asked for form ${String(index)} of ${String(forms.length)}`);
    return form;
  };
  const made = crossFormReport(run.finish(load, { locale }));
  // Which form each finding is on and points at, by the page's id; then the names as the reports show them.
  const idOf = new Map(forms.map((form, i) => [sources[i] ?? form.source, form.id]));
  const formOf = (source: string): number => {
    const id = idOf.get(source);
    if (id === undefined) throw new Error(`the cross-form pass named a form not given to it: ${source}`);
    return id;
  };
  const report = withNames(made, new Map(forms.flatMap((form, i) => (sources[i] === form.source ? [] : [[sources[i] ?? '', form.source] as const]))));
  const rows = crossFormRows(report, locale);
  const findings = report.findings.map(
    (f, index): CrossFindingView => ({
      index,
      form: formOf(made.findings[index]?.source ?? ''),
      source: f.source,
      ruleId: f.ruleId,
      title: f.title,
      outcome: f.outcome,
      ...(f.severity === undefined ? {} : { severity: f.severity }),
      cells: rows[index] ?? [],
      message: f.message,
      places: placesOf(f.positions),
      related: f.related.map((r, j) => ({ form: formOf(made.findings[index]?.related[j]?.source ?? ''), source: r.source, text: relatedText(r, locale), places: placesOf(r.positions) })),
      ...(f.unlistedRelated === undefined ? {} : { unlisted: unlistedText(f, locale) }),
    }),
  );
  // The notes that came with passes (本年与上年三公经费均为 0), in the report's order, each on its form.
  const notes = (report.reviewNotes ?? []).map((n, i) => ({ form: formOf(made.reviewNotes?.[i]?.source ?? ''), text: crossFormNoteLine(n, locale) }));
  return { report, title: crossFormTitle(locale), preamble: crossFormPreamble(report, locale), headers: crossFormHeaders(locale), findings, notesHeading: WORDS[locale].reviewNotes, notes };
}
