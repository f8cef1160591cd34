import type { EvaluationResult, Finding, Locale } from '@jixiao/core';
import { WORDS, citation, findingPosition, isWaived, needsAttention, observedEntries, outcomeLabel, positionText, ratingText, sortFindings, unitText, yearText } from './common.js';
import type { FormatOptions } from './types.js';

/** Escape text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const h = escapeHtml;

// Inline styles only: the file must open offline, from an e-mail attachment or an OA system, with no request.
const STYLE = `
:root { color-scheme: light; --fail: #b42318; --warn: #b54708; --info: #175cd3; --ind: #6941c6; --ok: #067647; --line: #d0d5dd; --muted: #475467; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #101828; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 0 0 .25rem; } .muted { color: var(--muted); font-size: .875rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border-left: 4px solid var(--line); padding: .5rem .75rem; margin: .75rem 0; background: #fcfcfd; break-inside: avoid; }
.finding.error { border-color: var(--fail); } .finding.warning { border-color: var(--warn); } .finding.info { border-color: var(--info); } .finding.indeterminate { border-color: var(--ind); }
.tag { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: .25rem; color: #fff; background: var(--muted); margin-right: .4rem; }
.error .tag { background: var(--fail); } .warning .tag { background: var(--warn); } .info .tag { background: var(--info); } .indeterminate .tag { background: var(--ind); }
.excerpt { margin: .5rem 0 0; padding: .4rem .6rem; background: #f9fafb; border: 1px dashed var(--line); white-space: pre-wrap; font-family: inherit; }
.pass { color: var(--ok); } code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; } section.form { break-before: page; } section.form:first-of-type { break-before: auto; }
  .finding, tr { break-inside: avoid; } a { color: inherit; text-decoration: none; }
}`;

function cls(f: Finding): string {
  if (isWaived(f)) return 'finding waived';
  return f.outcome === 'fail' ? `finding ${f.severity}` : `finding ${f.outcome}`;
}

function findingHtml(r: EvaluationResult, f: Finding, locale: Locale): string {
  const w = WORDS[locale];
  const parts = [`<article class="${cls(f)}" data-rule="${h(f.ruleId)}">`, `<h3><span class="tag">${h(outcomeLabel(f, locale))}</span>${h(f.title)} <code>${h(f.ruleId)}</code>${f.redFlag && f.outcome === 'fail' ? ` <span class="muted">⚑ ${h(w.redFlag)}</span>` : ''}</h3>`, `<p class="message">${h(f.message)}</p>`];
  for (const n of f.notes ?? []) parts.push(`<p class="note muted">${h(n.message)}</p>`);
  const entries = observedEntries(f, locale);
  if (entries.length > 0) {
    parts.push(`<table class="observed"><thead><tr><th>${h(w.observed)}</th><th>path</th><th>${locale === 'zh-CN' ? '值' : 'Value'}</th></tr></thead><tbody>`);
    for (const e of entries) parts.push(`<tr><td>${h(e.label)}</td><td><code>${h(e.path)}</code></td><td class="num">${h(e.value)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  if (isWaived(f)) parts.push(`<p class="waiver"><strong>${h(w.waiver)}</strong>：${h(w.waiverText(f.waiver))}</p>`);
  if (f.outcome === 'fail') parts.push(`<p class="basis"><strong>${h(w.basis)}</strong>：${f.basis.map((b) => h(citation(b, locale))).join('；')}</p>`);
  const at = findingPosition(r, f);
  if (at !== undefined) {
    parts.push(`<p class="location muted">${h(w.location)}：${h(r.source)} ${h(positionText(at.position, locale))}（${h(at.path)}）</p>`);
    if (at.position.excerpt !== undefined) parts.push(`<blockquote class="excerpt" title="${h(w.excerpt)}">${h(at.position.excerpt)}</blockquote>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

function formHtml(r: EvaluationResult, index: number, locale: Locale): string {
  const w = WORDS[locale];
  const parts = [`<section class="form" id="form-${String(index + 1)}">`, `<h2>${h(`${unitText(r, locale)} ${yearText(r, locale)}`)}</h2>`];
  parts.push(`<p class="muted">${h(w.source)}：${h(r.source)} · ${h(w.rating)}：${h(ratingText(r, locale))}</p>`, `<p class="summary">${h(w.summary(r.summary))}</p>`);
  for (const f of sortFindings(r.findings).filter((x) => needsAttention(x) || isWaived(x))) parts.push(findingHtml(r, f, locale));
  const passed = r.findings.filter((f) => f.outcome === 'pass');
  parts.push(`<p class="pass"><strong>${h(w.passedRules(passed.length))}</strong>${passed.length > 0 ? `：${passed.map((f) => h(f.title)).join('、')}` : ''}</p>`);
  const na = r.findings.filter((f) => f.outcome === 'not-applicable');
  if (na.length > 0) parts.push(`<p class="muted">${h(w.notApplicableRules(na.length))}：${na.map((f) => h(f.title)).join('、')}</p>`);
  if (r.indicators.length > 0) {
    parts.push(`<h3>${h(w.indicators)}</h3>`, `<table class="indicators"><tbody>`);
    for (const i of r.indicators) parts.push(`<tr><th scope="row">${h(i.label)}</th><td class="num">${h(i.display)}</td><td class="muted">${h(i.reason ?? '')}</td></tr>`);
    parts.push('</tbody></table>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function summaryHtml(results: readonly EvaluationResult[], locale: Locale): string {
  const w = WORDS[locale];
  const head = [w.unit, w.year, w.rating, w.errors, w.warnings, w.indeterminate, w.passes].map((c) => `<th>${h(c)}</th>`).join('');
  const rows = results.map((r, i) => {
    const s = r.summary;
    const cells = [`<td><a href="#form-${String(i + 1)}">${h(unitText(r, locale))}</a></td>`, `<td>${h(yearText(r, locale))}</td>`, `<td>${h(ratingText(r, locale))}</td>`, ...[s.errors, s.warnings, s.indeterminate, s.pass].map((n) => `<td class="num">${String(n)}</td>`)];
    return `<tr>${cells.join('')}</tr>`;
  });
  return [`<section class="overview"><h2>${h(w.summaryTable)}（${String(results.length)} ${h(w.forms)}）</h2>`, `<table class="summary-table"><thead><tr>${head}</tr></thead><tbody>`, ...rows, '</tbody></table></section>'].join('\n');
}

/**
 * One self-contained HTML page (no scripts, no external assets; a Content-Security-Policy forbids any request):
 * a summary table when there are several forms, then per form the failures and indeterminate findings with their
 * values, legal basis and the source excerpt each points at, passes, and indicators. Prints on A4.
 */
export function formatHtml(results: readonly EvaluationResult[], options: FormatOptions): string {
  const { locale } = options;
  const w = WORDS[locale];
  const body: string[] = [`<header><h1>${h(w.title)}</h1><p class="muted">${h(w.generatedBy(options.toolVersion))}</p></header>`, '<main>'];
  if (results.length === 0) body.push(`<p class="empty">${h(w.noForms)}</p>`);
  if (results.length > 1) body.push(summaryHtml(results, locale));
  results.forEach((r, i) => body.push(formHtml(r, i, locale)));
  body.push('</main>');
  return [
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
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
