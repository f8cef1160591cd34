import { fieldName, ruleCatalogue, type EvaluationResult, type Finding, type Locale, type ReportRule } from '@jixiao/core';
import { WORDS, formIdentity, indicatorValueText, basisText, diagnosticPosition, excerptText, findingPosition, isWaived, needsAttention, observedEntries, outcomeLabel, packScoreText, positionText, ratingText, reviewNotes, scoreCheckText, settledRules, sortFindings } from './common.js';
import { crossFormFindings, renderReport, type ReportEnd, type ReportWriter } from './report.js';
import { batchHeaders, batchRows, batchTotals, duplicateLines, hasBatchSummary, mostFailedHeaders, mostFailedRows, templateScoreText, type Cell } from './rows.js';
import { crossFormHeaders, crossFormNoteLine, crossFormPreamble, crossFormRow, crossFormTitle } from './cross-form.js';
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
  return [...tableHead(header), ...rows.map(tableRow)];
}

/** A table's header row and its rule. */
function tableHead(header: readonly string[]): string[] {
  return [`| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(mdCell).join(' | ')} |`;
}

function finding(r: EvaluationResult, f: Finding, locale: Locale, verbose: boolean): string[] {
  const w = WORDS[locale];
  const out = [`#### ${mdText(`[${outcomeLabel(f, locale)}] ${f.title}`)} (\`${f.ruleId}\`)`, '', mdText(f.message), ''];
  for (const n of f.notes ?? []) out.push(`> ${mdText(n.message)}`, '');
  const entries = observedEntries(f, locale);
  // The model's paths are for developers: a reader sees the form's own labels, in either locale (and the paths in a
  // column of their own with --verbose).
  if (entries.length > 0) out.push(...(!verbose ? table([w.field, w.observed], entries.map((e) => [e.label, e.value])) : table([w.field, w.path, w.value], entries.map((e) => [e.label, e.path, e.value]))), '');
  if (f.outcome === 'fail') out.push(`**${w.basis}**${w.colon}${mdText(basisText(f.basis, locale, verbose))}`, '');
  if (isWaived(f)) out.push(`**${w.waiver}**${w.colon}${mdText(w.waiverText(f.waiver))}`, '');
  const at = findingPosition(r, f);
  if (at !== undefined) {
    out.push(`**${w.location}**${w.colon}${mdText(`${r.source} ${positionText(at.position, locale)}`)}`, '');
    if (at.position.excerpt !== undefined) out.push(...excerptText(at.position.excerpt, locale).split(/\r?\n/).map((l) => `> ${mdText(l)}`), '');
  }
  return out;
}

/** One form: its failures and undecided findings in full, waived ones, import diagnostics, notes to review, passes, indicators. */
function formMarkdown(r: EvaluationResult, locale: Locale, verbose: boolean): string[] {
  const w = WORDS[locale];
  const out = [`## ${mdText(formIdentity(r.evaluation.unit, r.evaluation.fiscalYear, locale))}`, ''];
  const score = scoreCheckText(r.scoreCheck, locale);
  const packScore = packScoreText(r.scores, locale);
  out.push(`- ${w.source}${w.colon}${mdText(r.source)}`, ...(r.template === undefined ? [] : [`- ${w.template}${w.colon}${mdText(templateScoreText(r, locale))}`]), `- ${w.rating}${w.colon}${mdText(ratingText(r, locale))}`, ...(score === undefined ? [] : [`- ${mdText(score)}`]), ...(packScore === undefined ? [] : [`- ${mdText(packScore)}`]), `- ${mdText(w.summary(r.summary))}`, '');
  const shown = sortFindings(r.findings).filter((f) => needsAttention(f) || isWaived(f));
  if (shown.length > 0) out.push(`### ${w.findings}`, '');
  for (const f of shown) out.push(...finding(r, f, locale, verbose));
  const diagnostics = r.diagnostics ?? [];
  if (diagnostics.length > 0) {
    out.push(`### ${w.diagnostics}`, '');
    out.push(...table([w.severity, w.location, w.code, w.message], diagnostics.map((d) => [w[d.severity], positionText(diagnosticPosition(d), locale), d.code, d.path === undefined ? d.message : `${fieldName(d.path, locale, verbose)}${w.colon}${d.message}`])), '');
  }
  const notes = reviewNotes(r);
  if (notes.length > 0) {
    out.push(`### ${w.reviewNotes}`, '');
    for (const n of notes) out.push(`- **${mdText(n.title)}** (\`${n.ruleId}\`)${w.colon}${mdText(n.message)}`);
    out.push('');
  }
  // As the HTML report lists them: by title, the id beside (as a finding's heading shows it).
  for (const { outcome, heading, rules } of settledRules(r, locale)) {
    const list = rules.length > 0 ? `${w.colon}${rules.map((x) => `${mdText(x.title)} (\`${x.ruleId}\`)`).join(w.semicolon)}` : '';
    out.push(`${outcome === 'pass' ? `**${heading}**` : heading}${list}`, '');
  }
  if (r.indicators.length > 0) {
    out.push(`### ${w.indicators}`, '');
    out.push(...table([w.indicators, w.value, w.note], r.indicators.map((i) => [i.label, indicatorValueText(i, locale), i.reason ?? ''])), '');
  }
  return out;
}

/** The batch: summary table (what needs attention first) with totals, unit-years submitted twice, most-failed rules, files not checked. */
function batchMarkdown(end: ReportEnd, rules: ReadonlyMap<string, ReportRule>, locale: Locale): string[] {
  const w = WORDS[locale];
  const { digest } = end;
  const text = (cells: readonly Cell[]) => cells.map((c) => (c === null ? '' : String(c)));
  const out: string[] = [];
  if (digest.totals.forms > 0) {
    out.push(`## ${w.summaryTable}${w.parens(mdText(w.batch(digest.totals.forms, digest.unread.length)))}`, '');
    out.push(...table(batchHeaders(locale, digest), [...batchRows(digest, locale), batchTotals(digest, locale)].map(text)), '');
  }
  const duplicates = duplicateLines(digest, locale);
  if (duplicates.length > 0) out.push(`### ${w.duplicates}`, '', ...duplicates.map((d) => `- ${mdText(d)}`), '');
  if (digest.mostFailed.length > 0) out.push(`### ${w.mostFailed}`, '', ...table(mostFailedHeaders(locale), mostFailedRows(digest, rules).map(text)), '');
  if (digest.unread.length > 0) out.push(`## ${w.unread}${w.parens(String(digest.unread.length))}`, '', ...table([w.file, w.reason], digest.unread.map((u) => [u.source, u.reason])), '');
  return out;
}

/**
 * Markdown for an issue tracker or an OA system, written form by form: for a batch, a summary first (one row per
 * form, what needs attention first, with totals; unit-years submitted twice; most-failed rules; files not
 * checked), then per form its failures and undecided findings (values, basis, source excerpt), import
 * diagnostics, notes to review, a count of passes, and indicators.
 */
export function markdownWriter(options: FormatOptions, seen: readonly EvaluationResult[] = []): ReportWriter {
  const { locale } = options;
  const w = WORDS[locale];
  const rules = new Map(ruleCatalogue(seen, options).map((r) => [r.id, r]));
  // After the forms: the cross-form section, its table a row at a time (a large batch has tens of thousands).
  const tailChunks = function* (end: ReportEnd): Generator<string> {
    const cross = end.crossForm;
    if (cross === undefined) return;
    yield ['', `## ${crossFormTitle(locale)}`, '', ...crossFormPreamble(cross, locale).map((l) => `- ${mdText(l)}`), ''].join('\n');
    if (cross.findings.length > 0) {
      yield `\n${tableHead(crossFormHeaders(locale)).join('\n')}`;
      for (const f of crossFormFindings(end)) yield `\n${tableRow(crossFormRow(f, locale).map((c) => (c === null ? '' : String(c))))}`;
      yield '\n';
    }
    // The notes that came with passes, as a form's notes to review.
    const notes = cross.reviewNotes ?? [];
    if (notes.length > 0) yield ['', `### ${w.reviewNotes}`, '', ...notes.map((n) => `- ${mdText(crossFormNoteLine(n, locale))} (\`${n.ruleId}\`)`), ''].join('\n');
  };
  return {
    sections: 1,
    // Each form's part ends with a newline; a blank line between two.
    separator: '\n',
    headNeedsEnd: true,
    head: (end) => {
      const out = [`# ${w.title}`, '', `_${mdText(w.generatedBy(options.toolVersion))}_`, ''];
      if (end === undefined || end.digest.totals.forms === 0) out.push(w.noForms, '');
      if (end !== undefined && hasBatchSummary(end.digest)) out.push(...batchMarkdown(end, rules, locale));
      // A blank line before the first form, when there is one.
      return `${out.join('\n')}${end !== undefined && end.digest.totals.forms > 0 ? '\n' : ''}`;
    },
    form: (r) => [`${formMarkdown(r, locale, options.verbose === true).join('\n').trimEnd()}\n`],
    glue: () => '',
    tail: (end) => [...tailChunks(end)].join(''),
    tailChunks,
  };
}

/** The Markdown report for results in memory (see {@link markdownWriter}). */
export function formatMarkdown(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(markdownWriter, results, options);
}
