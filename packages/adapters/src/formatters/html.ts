import { fieldName, ruleCatalogue, type EvaluationResult, type Finding, type Locale, type ReportRule } from '@jixiao/core';
import { WORDS, formIdentity, indicatorValueText, checkDateText, citation, diagnosticPosition, excerptText, findingPosition, isWaived, needsAttention, observedEntries, outcomeLabel, packScoreText, positionText, ratingText, reviewNotes, scoreCheckText, settledRules, sortFindings } from './common.js';
import { crossFormFindings, renderReport, type ReportEnd, type ReportWriter } from './report.js';
import { batchHeaders, batchRows, batchTotals, duplicateLines, hasBatchSummary, mostFailedHeaders, mostFailedRows, templateScoreText, type Cell } from './rows.js';
import { crossFormHeaders, crossFormNoteLine, crossFormPreamble, crossFormRow, crossFormTitle } from './cross-form.js';
import type { FormatOptions } from './types.js';

/** Escape text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const h = escapeHtml;

// Inline styles only: the file must open offline, from an e-mail attachment or an OA system, with no request.
// Printed, a form's findings run on from its heading (no page of its own for the first form, no finding kept whole
// at the cost of half a page), in 10 pt, with a sign-off block kept together at the end of each form.
const STYLE = `
:root { color-scheme: light; --fail: #b42318; --warn: #b54708; --info: #175cd3; --ind: #6941c6; --ok: #067647; --line: #d0d5dd; --muted: #475467; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 15px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #101828; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 1.5rem 0 .4rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: .9rem 0 .3rem; } h4 { font-size: 1rem; margin: 0 0 .2rem; } p { margin: .2rem 0; } .muted { color: var(--muted); font-size: .875rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; } th, td { border: 1px solid var(--line); padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; } tfoot td { font-weight: 600; background: #f9fafb; }
.meta { display: flex; flex-wrap: wrap; gap: .1rem 1.5rem; margin: .2rem 0 .4rem; color: var(--muted); font-size: .875rem; }
.finding { border-left: 4px solid var(--line); padding: .35rem .7rem; margin: .5rem 0; background: #fcfcfd; }
.finding.error { border-color: var(--fail); } .finding.warning { border-color: var(--warn); } .finding.info { border-color: var(--info); } .finding.indeterminate { border-color: var(--ind); }
.tag { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: .25rem; color: #fff; background: var(--muted); margin-right: .4rem; }
.error .tag { background: var(--fail); } .warning .tag { background: var(--warn); } .info .tag { background: var(--info); } .indeterminate .tag { background: var(--ind); }
ul.observed { list-style: none; padding: 0; margin: .15rem 0; display: flex; flex-wrap: wrap; gap: 0 1.2rem; font-size: .9rem; }
ul.observed .value { font-variant-numeric: tabular-nums; font-weight: 600; }
.excerpt { quotes: "「" "」"; padding: 0 .3rem; background: #f2f4f7; color: #101828; white-space: pre-wrap; }
.alert { border: 1px solid var(--warn); background: #fffaeb; padding: .35rem .7rem; margin: .5rem 0; }
.pass { color: var(--ok); } code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
.sign-off { margin: 1rem 0 0; border: 1px solid var(--line); padding: .5rem .8rem; }
.sign-off .box { height: 3.2rem; border-bottom: 1px solid var(--line); margin-bottom: .6rem; }
.sign-off .line { display: flex; gap: 3rem; } .sign-off .blank { display: inline-block; min-width: 9rem; border-bottom: 1px solid #101828; }
@page { size: A4; margin: 12mm 11mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.45; }
  h1 { font-size: 15pt; } h2 { font-size: 12.5pt; margin-top: .8rem; } h3 { font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; } section.form + section.form { break-before: page; }
  tr, .sign-off, .finding h4 { break-inside: avoid; } a { color: inherit; text-decoration: none; }
  .finding { background: none; padding: .2rem .6rem; margin: .35rem 0; } .basis, .pass, .muted { font-size: 9pt; }
  table { margin: .3rem 0 .5rem; } th, td { padding: .1rem .4rem; } .sign-off .box { height: 2.6rem; }
}`;

function cls(f: Finding): string {
  if (isWaived(f)) return 'finding waived';
  return f.outcome === 'fail' ? `finding ${f.severity}` : `finding ${f.outcome}`;
}

/** A form's anchor: from its source, so it is the same however the report was written. */
function anchor(source: string): string {
  return `form-${encodeURIComponent(source)}`;
}

function findingHtml(r: EvaluationResult, f: Finding, locale: Locale, verbose: boolean): string {
  const w = WORDS[locale];
  const parts = [
    `<article class="${cls(f)}" data-rule="${h(f.ruleId)}">`,
    `<h4><span class="tag">${h(outcomeLabel(f, locale))}</span>${h(f.title)} <code>${h(f.ruleId)}</code>${f.redFlag && f.outcome === 'fail' ? ` <span class="muted">⚑ ${h(w.redFlag)}</span>` : ''}</h4>`,
    `<p class="message">${h(f.message)}</p>`,
  ];
  for (const n of f.notes ?? []) parts.push(`<p class="note muted">${h(n.message)}</p>`);
  const entries = observedEntries(f, locale, verbose);
  // The values read, one after another (the field's path on hover, and beside its label with --verbose): a table per
  // finding took a third of a page.
  if (entries.length > 0) parts.push(`<ul class="observed" aria-label="${h(w.observed)}">${entries.map((e) => `<li>${h(e.label)} <span class="value">${h(e.value)}</span></li>`).join('')}</ul>`);
  if (isWaived(f)) parts.push(`<p class="waiver"><strong>${h(w.waiver)}</strong>${w.colon}${h(w.waiverText(f.waiver))}</p>`);
  if (f.outcome === 'fail') parts.push(`<p class="basis muted"><strong>${h(w.basis)}</strong>${w.colon}${f.basis.map((b) => h(citation(b, locale, verbose))).join(w.semicolon)}</p>`);
  const at = findingPosition(r, f);
  if (at !== undefined) {
    const excerpt = at.position.excerpt === undefined ? '' : ` <q class="excerpt" title="${h(w.excerpt)}">${h(excerptText(at.position.excerpt, locale))}</q>`;
    parts.push(`<p class="location muted">${h(w.location)}${w.colon}${h(positionText(at.position, locale))}${h(w.parens(fieldName(at.path, locale, verbose)))}${excerpt}</p>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

function signOff(locale: Locale, checkDate: string | undefined): string {
  const w = WORDS[locale];
  return [
    '<div class="sign-off">',
    `<p><strong>${h(w.signOff)}</strong></p>`,
    '<div class="box"></div>',
    `<p class="line"><span>${h(w.reviewer)}${w.colon}<span class="blank"></span></span><span>${h(w.date)}${w.colon}${checkDate === undefined ? '<span class="blank"></span>' : h(checkDate)}</span></p>`,
    '</div>',
  ].join('\n');
}

function formHtml(r: EvaluationResult, locale: Locale, checkDate: string | undefined, verbose: boolean): string {
  const w = WORDS[locale];
  const parts = [`<section class="form" id="${h(anchor(r.source))}">`, `<h2>${h(formIdentity(r.evaluation.unit, r.evaluation.fiscalYear, locale))}</h2>`];
  parts.push(
    `<p class="meta"><span>${h(w.source)}${w.colon}${h(r.source)}</span>${r.template === undefined ? '' : `<span>${h(w.template)}${w.colon}${h(templateScoreText(r, locale))}</span>`}<span>${h(w.rating)}${w.colon}${h(ratingText(r, locale))}</span><span>${h(w.checkDate)}${w.colon}${h(checkDateText(checkDate, locale))}</span></p>`,
    `<p class="summary">${h(w.summary(r.summary))}</p>`,
  );
  const score = scoreCheckText(r.scoreCheck, locale);
  if (score !== undefined) parts.push(`<p class="score-check">${h(score)}</p>`);
  const packScore = packScoreText(r.scores, locale);
  if (packScore !== undefined) parts.push(`<p class="pack-score">${h(packScore)}</p>`);
  const shown = sortFindings(r.findings).filter((x) => needsAttention(x) || isWaived(x));
  if (shown.length > 0) parts.push(`<h3>${h(w.findings)}</h3>`);
  for (const f of shown) parts.push(findingHtml(r, f, locale, verbose));
  const diagnostics = r.diagnostics ?? [];
  if (diagnostics.length > 0) {
    parts.push(`<h3>${h(w.diagnostics)}</h3>`, `<table class="diagnostics"><thead><tr><th>${h(w.severity)}</th><th>${h(w.location)}</th><th>${h(w.message)}</th></tr></thead><tbody>`);
    for (const d of diagnostics) parts.push(`<tr><td>${h(w[d.severity])}</td><td>${h(positionText(diagnosticPosition(d), locale))}</td><td>${d.path === undefined ? '' : `${h(fieldName(d.path, locale, verbose))}${w.colon}`}${h(d.message)} <code>${h(d.code)}</code></td></tr>`);
    parts.push('</tbody></table>');
  }
  const notes = reviewNotes(r);
  if (notes.length > 0) {
    parts.push(`<h3>${h(w.reviewNotes)}</h3>`, '<ul class="review">');
    for (const n of notes) parts.push(`<li><strong>${h(n.title)}</strong>${w.colon}${h(n.message)}</li>`);
    parts.push('</ul>');
  }
  for (const { outcome, heading, rules } of settledRules(r, locale)) {
    const list = rules.length > 0 ? `${w.colon}${rules.map((x) => h(x.title)).join(w.semicolon)}` : '';
    parts.push(outcome === 'pass' ? `<p class="pass"><strong>${h(heading)}</strong>${list}</p>` : `<p class="muted">${h(heading)}${list}</p>`);
  }
  if (r.indicators.length > 0) {
    parts.push(`<h3>${h(w.indicators)}</h3>`, `<table class="indicators"><tbody>`);
    for (const i of r.indicators) parts.push(`<tr><th scope="row">${h(i.label)}</th><td class="num">${h(indicatorValueText(i, locale))}</td><td class="muted">${h(i.reason ?? '')}</td></tr>`);
    parts.push('</tbody></table>');
  }
  parts.push(signOff(locale, checkDate), '</section>');
  return `${parts.join('\n')}\n`;
}

const cellText = (c: Cell) => (c === null ? '' : String(c));

function tableHtml(className: string, header: readonly string[], rows: readonly (readonly Cell[])[], foot?: readonly Cell[], link?: (row: number) => string | undefined): string {
  const body = rows.map((row, i) => tableRowHtml(row, link?.(i)));
  return [tableOpenHtml(className, header), ...body, '</tbody>', ...(foot === undefined ? [] : [`<tfoot><tr>${foot.map(tdHtml).join('')}</tr></tfoot>`]), '</table>'].join('\n');
}

/** A table's start, to its `<tbody>`. */
function tableOpenHtml(className: string, header: readonly string[]): string {
  return `<table class="${className}"><thead><tr>${header.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>`;
}

/** One row; its first cell links to `href` when given. */
function tableRowHtml(row: readonly Cell[], href?: string): string {
  const [first, ...rest] = row;
  const lead = href === undefined ? tdHtml(first ?? null) : `<td><a href="#${h(href)}">${h(cellText(first ?? null))}</a></td>`;
  return `<tr>${lead}${rest.map(tdHtml).join('')}</tr>`;
}

function tdHtml(c: Cell): string {
  return typeof c === 'number' ? `<td class="num">${String(c)}</td>` : `<td>${h(cellText(c))}</td>`;
}

/** The batch: summary table (each form linked to its section) with totals, duplicates, most-failed rules, files not checked. */
function batchHtml(end: ReportEnd, rules: ReadonlyMap<string, ReportRule>, locale: Locale): string {
  const w = WORDS[locale];
  const { digest } = end;
  const parts = ['<section class="overview">'];
  if (digest.totals.forms > 0) {
    parts.push(`<h2>${h(w.summaryTable)}${h(w.parens(w.batch(digest.totals.forms, digest.unread.length)))}</h2>`);
    parts.push(tableHtml('summary-table', batchHeaders(locale, digest), batchRows(digest, locale), batchTotals(digest, locale), (i) => { const b = digest.forms[i]; return b === undefined ? undefined : anchor(b.source); }));
  }
  const duplicates = duplicateLines(digest, locale);
  if (duplicates.length > 0) parts.push(`<div class="alert duplicates"><strong>${h(w.duplicates)}</strong><ul>${duplicates.map((d) => `<li>${h(d)}</li>`).join('')}</ul></div>`);
  if (digest.mostFailed.length > 0) parts.push(`<h3>${h(w.mostFailed)}</h3>`, tableHtml('most-failed', mostFailedHeaders(locale), mostFailedRows(digest, rules)));
  if (digest.unread.length > 0) {
    parts.push(`<h2>${h(w.unread)}${h(w.parens(String(digest.unread.length)))}</h2>`, `<p class="alert">${h(w.unreadCount(digest.unread.length))}</p>`);
    parts.push(tableHtml('unread', [w.file, w.reason], digest.unread.map((u) => [u.source, u.reason])));
  }
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * One self-contained HTML page (no scripts, no external assets; a Content-Security-Policy forbids any request),
 * written form by form: for a batch, a summary first (one row per form, what needs attention first, linked to its
 * section, with totals; unit-years submitted twice; most-failed rules; files not checked), then per form its
 * failures and undecided findings with the values read, legal basis and the source excerpt, import diagnostics,
 * notes to review, passes, indicators, and a reviewer's sign-off block with the check date. Prints on A4.
 */
export function htmlWriter(options: FormatOptions, seen: readonly EvaluationResult[] = []): ReportWriter {
  const { locale, checkDate } = options;
  const w = WORDS[locale];
  const rules = new Map(ruleCatalogue(seen, options).map((r) => [r.id, r]));
  // After the forms: the cross-form section, its table a row at a time (a large batch has tens of thousands).
  const tailChunks = function* (end: ReportEnd): Generator<string> {
    const cross = end.crossForm;
    if (cross !== undefined) {
      yield ['<section class="cross-form">', `<h2>${h(crossFormTitle(locale))}</h2>`, `<ul>${crossFormPreamble(cross, locale).map((l) => `<li>${h(l)}</li>`).join('')}</ul>`].join('\n');
      if (cross.findings.length > 0) {
        yield `\n${tableOpenHtml('cross-form', crossFormHeaders(locale))}`;
        for (const f of crossFormFindings(end)) yield `\n${tableRowHtml(crossFormRow(f, locale))}`;
        yield '\n</tbody>\n</table>';
      }
      // The notes that came with passes, as a form's notes to review.
      const notes = cross.reviewNotes ?? [];
      if (notes.length > 0) yield `\n<h3>${h(w.reviewNotes)}</h3>\n<ul class="review">${notes.map((n) => `<li>${h(crossFormNoteLine(n, locale))}</li>`).join('')}</ul>`;
      yield '\n</section>\n';
    }
    yield '</main>\n</body>\n</html>\n';
  };
  return {
    sections: 1,
    separator: '',
    headNeedsEnd: true,
    head: (end) => {
      const parts = [
        '<!DOCTYPE html>',
        `<html lang="${locale}">`,
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${h(w.title)}</title>`,
        `<style>${STYLE}\n</style>`,
        '</head>',
        '<body>',
        `<header><h1>${h(w.title)}</h1><p class="muted">${h(w.generatedBy(options.toolVersion))}${checkDate === undefined ? '' : ` · ${h(w.checkDate)}${w.colon}${h(checkDate)}`}</p></header>`,
        '<main>',
      ];
      if (end === undefined || end.digest.totals.forms === 0) parts.push(`<p class="empty">${h(w.noForms)}</p>`);
      if (end !== undefined && hasBatchSummary(end.digest)) parts.push(batchHtml(end, rules, locale));
      return `${parts.join('\n')}\n`;
    },
    form: (r) => [formHtml(r, locale, checkDate, options.verbose === true)],
    glue: () => '',
    tail: (end) => [...tailChunks(end)].join(''),
    tailChunks,
  };
}

/** The HTML report for results in memory (see {@link htmlWriter}). */
export function formatHtml(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(htmlWriter, results, options);
}
