/**
 * The cross-form pass in the browser (history and batch rules: the same unit's previous year, the same unit and
 * year twice, a narrative copied from another unit, a figure far from its peers): the core's pass over the forms
 * of every worker, gathered in one with the records their workers made, and its report worded as the reports word it.
 */
import { CrossFormRun, crossFormReport, type Checker, type CrossFormReport, type LoadedForm, type Locale } from '@jixiao/core';
import { crossFormHeaders, crossFormPreamble, crossFormRows, crossFormTitle, relatedText, unlistedText } from '@jixiao/adapters';
import type { CrossFindingView, CrossFormView, HeldForm } from './protocol.js';
import { placeKey } from './view.js';

/** Keys of the places of some fields' positions (as the form view names them). */
function placesOf(positions: CrossFormReport['findings'][number]['positions']): string[] {
  return [...new Set(Object.values(positions ?? {}).flatMap((p) => placeKey(p) ?? []))];
}

/** Undefined when the rules in force hold no cross-form rule (nothing to show, as the CLI shows nothing). */
export function crossFormView(checker: Checker, forms: readonly HeldForm[], locale: Locale): CrossFormView | undefined {
  if (!checker.hasCrossFormRules) return undefined;
  // As the CLI's spool does: the records made where the forms were read, the forms read back by index.
  const run = new CrossFormRun(checker);
  for (const form of forms) run.add(form.record);
  const load = (index: number): LoadedForm => {
    const form = forms[index];
    if (form === undefined) throw new Error(`the cross-form pass asked for form ${String(index)} of ${String(forms.length)}`);
    return form;
  };
  const report = crossFormReport(run.finish(load, { locale }));
  const rows = crossFormRows(report, locale);
  const findings = report.findings.map(
    (f, index): CrossFindingView => ({
      index,
      source: f.source,
      ruleId: f.ruleId,
      title: f.title,
      outcome: f.outcome,
      ...(f.severity === undefined ? {} : { severity: f.severity }),
      cells: rows[index] ?? [],
      message: f.message,
      places: placesOf(f.positions),
      related: f.related.map((r) => ({ source: r.source, text: relatedText(r, locale), places: placesOf(r.positions) })),
      ...(f.unlistedRelated === undefined ? {} : { unlisted: unlistedText(f, locale) }),
    }),
  );
  return { report, title: crossFormTitle(locale), preamble: crossFormPreamble(report, locale), headers: crossFormHeaders(locale), findings };
}
