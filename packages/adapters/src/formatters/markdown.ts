import type { EvaluationResult, Finding, Locale } from '@jixiao/core';
import { WORDS, basisText, findingPosition, isWaived, needsAttention, observedEntries, outcomeLabel, positionText, ratingText, sortFindings, unitText, yearText } from './common.js';
import type { FormatOptions } from './types.js';

/** Inline markup characters escaped (emphasis, code, links, HTML, tables, entities). */
function inline(line: string): string {
  return line.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** Text in a Markdown paragraph: markup characters escaped, line breaks kept as hard breaks. */
export function mdText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      inline(line)
        // Block markers only matter at the start of a line: headings, quotes, lists, ordered lists.
        .replace(/^(\s*)([#>+-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('  \n');
}

/** Text in a table cell: inline markup escaped, line breaks as `<br>` (a cell is one line; blocks cannot start). */
export function mdCell(text: string): string {
  return text.split(/\r?\n/).map(inline).join('<br>');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)];
}

function finding(r: EvaluationResult, f: Finding, locale: Locale): string[] {
  const w = WORDS[locale];
  const out = [`#### ${mdText(`[${outcomeLabel(f, locale)}] ${f.title}`)} (\`${f.ruleId}\`)`, '', mdText(f.message), ''];
  for (const n of f.notes ?? []) out.push(`> ${mdText(n.message)}`, '');
  const entries = observedEntries(f, locale);
  if (entries.length > 0) out.push(...table([w.observed, 'path', locale === 'zh-CN' ? '值' : 'Value'], entries.map((e) => [e.label, e.path, e.value])), '');
  if (f.outcome === 'fail') out.push(`**${w.basis}**：${mdText(basisText(f.basis, locale))}`, '');
  if (isWaived(f)) out.push(`**${w.waiver}**：${mdText(w.waiverText(f.waiver))}`, '');
  const at = findingPosition(r, f);
  if (at !== undefined) {
    out.push(`**${w.location}**：${mdText(`${r.source} ${positionText(at.position, locale)}`)}`, '');
    if (at.position.excerpt !== undefined) out.push(...at.position.excerpt.split(/\r?\n/).map((l) => `> ${mdText(l)}`), '');
  }
  return out;
}

/**
 * Markdown for an issue tracker or an OA system: a summary table when there are several forms, then per form
 * its failures and indeterminate findings (values, basis, source excerpt), a count of passes, and indicators.
 */
export function formatMarkdown(results: readonly EvaluationResult[], options: FormatOptions): string {
  const { locale } = options;
  const w = WORDS[locale];
  const out = [`# ${w.title}`, '', `_${mdText(w.generatedBy(options.toolVersion))}_`, ''];
  if (results.length === 0) return `${[...out, w.noForms].join('\n')}\n`;
  if (results.length > 1) {
    out.push(`## ${w.summaryTable}（${String(results.length)} ${w.forms}）`, '');
    out.push(...table([w.unit, w.year, w.rating, w.errors, w.warnings, w.indeterminate, w.passes, w.source], results.map((r) => [unitText(r, locale), yearText(r, locale), ratingText(r, locale), String(r.summary.errors), String(r.summary.warnings), String(r.summary.indeterminate), String(r.summary.pass), r.source])), '');
  }
  for (const r of results) {
    out.push(`## ${mdText(`${unitText(r, locale)} ${yearText(r, locale)}`)}`, '');
    out.push(`- ${w.source}：${mdText(r.source)}`, `- ${w.rating}：${mdText(ratingText(r, locale))}`, `- ${mdText(w.summary(r.summary))}`, '');
    const shown = sortFindings(r.findings).filter((f) => needsAttention(f) || isWaived(f));
    if (shown.length > 0) out.push(`### ${w.findings}`, '');
    for (const f of shown) out.push(...finding(r, f, locale));
    const passed = r.findings.filter((f) => f.outcome === 'pass');
    out.push(`**${w.passedRules(passed.length)}**${passed.length > 0 ? `：${passed.map((f) => `\`${f.ruleId}\``).join('、')}` : ''}`, '');
    if (r.indicators.length > 0) {
      out.push(`### ${w.indicators}`, '');
      out.push(...table([w.indicators, locale === 'zh-CN' ? '值' : 'Value', locale === 'zh-CN' ? '说明' : 'Note'], r.indicators.map((i) => [i.label, i.display, i.reason ?? ''])), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
