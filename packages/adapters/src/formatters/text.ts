import stringWidth from 'string-width';
import { ruleCatalogue, type EvaluationResult, type Finding, type Locale, type ReportRule } from '@jixiao/core';
import { WORDS, basisText, indicatorValueText, diagnosticHead, excerptText, findingPosition, isWaived, needsAttention, observedText, outcomeLabel, packScoreText, positionText, ratingText, reviewNotes, scoreCheckText, sortFindings, unitText, yearText } from './common.js';
import { crossFormFindings, renderReport, type ReportEnd, type ReportWriter } from './report.js';
import { batchHeaders, batchRows, batchTotals, duplicateLines, hasBatchSummary, mostFailedHeaders, mostFailedRows, templateScoreText, type Cell } from './rows.js';
import { crossFormBlock, crossFormNoteLine, crossFormPreamble, crossFormTitle } from './cross-form.js';
import type { FormatOptions } from './types.js';

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', magenta: '\u001b[35m', cyan: '\u001b[36m' } as const;
type Style = keyof typeof ANSI;

/** Printable ASCII only: one column a character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Terminal columns of a text: CJK characters take two (string-width knows which; ASCII is its length). */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** Pad to a display width. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * One terminal line of text from a submission: line breaks shown as ⏎, other control characters (an ANSI
 * escape smuggled into a form would restyle or rewrite the reviewer's terminal) as U+FFFD.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/\r?\n/g, '⏎').replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD');
}

function findingStyle(f: Finding): Style {
  if (f.outcome === 'indeterminate') return 'magenta';
  if (f.outcome !== 'fail' || f.waiver !== undefined) return 'dim';
  return f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'cyan';
}

function renderForm(r: EvaluationResult, locale: Locale, paint: (s: Style, t: string) => string, verbose: boolean): string[] {
  const w = WORDS[locale];
  const out: string[] = [];
  out.push(`${paint('bold', oneLine(unitText(r, locale)))}  ${w.year}: ${yearText(r, locale)}  ${w.rating}: ${oneLine(ratingText(r, locale))}  ${w.source}: ${oneLine(r.source)}${r.template === undefined ? '' : `  ${w.template}: ${oneLine(templateScoreText(r, locale))}`}`);
  const score = scoreCheckText(r.scoreCheck, locale);
  if (score !== undefined) out.push(`  ${score}`);
  const packScore = packScoreText(r.scores, locale);
  if (packScore !== undefined) out.push(`  ${oneLine(packScore)}`);
  const shown = sortFindings(r.findings).filter(needsAttention);
  for (const f of shown) {
    out.push(`  ${paint(findingStyle(f), `[${outcomeLabel(f, locale)}]`)} ${f.ruleId} ${oneLine(f.title)}${f.redFlag && f.outcome === 'fail' ? ` ⚑ ${w.redFlag}` : ''}`);
    out.push(`      ${oneLine(f.message)}`);
    for (const n of f.notes ?? []) out.push(`      ${oneLine(n.message)}`);
    if (f.paths.length > 0) out.push(`      ${paint('dim', `${w.observed}: ${oneLine(observedText(f, locale, verbose))}`)}`);
    const at = findingPosition(r, f);
    if (at !== undefined) out.push(`      ${paint('dim', `${w.location}: ${positionText(at.position, locale)}${at.position.excerpt === undefined ? '' : ` 「${oneLine(excerptText(at.position.excerpt, locale))}」`}`)}`);
    if (f.outcome === 'fail') out.push(`      ${paint('dim', `${w.basis}: ${oneLine(basisText(f.basis, locale, verbose))}`)}`);
  }
  for (const f of r.findings.filter(isWaived)) {
    out.push(`  ${paint('dim', `[${outcomeLabel(f, locale)}]`)} ${f.ruleId} ${oneLine(f.title)}`);
    out.push(`      ${paint('dim', oneLine(f.message))}`);
    out.push(`      ${paint('dim', `${w.waiver}: ${oneLine(w.waiverText(f.waiver))}`)}`);
  }
  const diagnostics = r.diagnostics ?? [];
  if (diagnostics.length > 0) {
    out.push(`  ${paint('magenta', `${w.diagnostics}:`)}`);
    for (const d of diagnostics) out.push(`    ${oneLine(diagnosticHead(d, locale, verbose))}: ${oneLine(d.message)}`);
  }
  const notes = reviewNotes(r);
  if (notes.length > 0) {
    out.push(`  ${paint('magenta', `${w.reviewNotes}:`)}`);
    for (const n of notes) out.push(`    ${n.ruleId} ${oneLine(n.title)}: ${oneLine(n.message)}`);
  }
  const tail = [w.passedRules(r.summary.pass)];
  if (r.summary.notApplicable > 0) tail.push(w.notApplicableRules(r.summary.notApplicable));
  out.push(`  ${paint('green', tail.join(locale === 'zh-CN' ? '，' : ', '))}`);
  if (r.indicators.length > 0) {
    out.push(`  ${paint('bold', w.indicators)}`);
    const width = Math.max(...r.indicators.map((i) => displayWidth(i.label)));
    for (const i of r.indicators) out.push(`    ${padEnd(i.label, width)}  ${indicatorValueText(i, locale)}${i.reason === undefined ? '' : paint('dim', w.parens(oneLine(i.reason)))}`);
  }
  out.push(`  ${w.summary(r.summary)}`);
  return out;
}

/** A table padded by display width (CJK takes two columns), with a rule under the header. */
function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string[] {
  const cells = rows.map((row) => row.map((c) => (c === null ? '' : oneLine(String(c)))));
  // Each distinct cell measured once: a batch summary has a row per form, its cells repeat (—, 否, grades), and
  // string-width's cost on CJK text is what held a 20,000-form text report above 512 MB (525 MB; 5,000 forms: 346
  // MB before, 129 MB after, the report byte for byte the same).
  const known = new Map<string, number>();
  const width = (text: string) => {
    let n = known.get(text);
    if (n === undefined) known.set(text, (n = displayWidth(text)));
    return n;
  };
  const widths = header.map((h, c) => cells.reduce((max, row) => Math.max(max, width(row[c] ?? '')), width(h)));
  const line = (row: readonly string[]) => row.map((cell, c) => cell + ' '.repeat(Math.max(0, (widths[c] ?? 0) - width(cell)))).join('  ').trimEnd();
  return [line(header), widths.map((n) => '─'.repeat(n)).join('  '), ...cells.map(line)];
}

/** What follows the forms: the batch summary (several forms, or inputs not checked), then what could not be read. */
function renderEnd(end: ReportEnd, rules: ReadonlyMap<string, ReportRule>, locale: Locale, paint: (s: Style, t: string) => string): string[] {
  const w = WORDS[locale];
  const { digest } = end;
  const out: string[] = [];
  if (digest.totals.forms === 0) out.push(w.noForms);
  if (!hasBatchSummary(digest)) return out;
  if (digest.totals.forms > 0) {
    out.push(paint('bold', `${w.summaryTable}${w.parens(w.batch(digest.totals.forms, digest.unread.length))}`));
    out.push(...table(batchHeaders(locale, digest), [...batchRows(digest, locale), batchTotals(digest, locale)]));
  }
  const duplicates = duplicateLines(digest, locale);
  if (duplicates.length > 0) out.push('', paint('yellow', `${w.duplicates}:`), ...duplicates.map((d) => `  ${oneLine(d)}`));
  if (digest.mostFailed.length > 0) out.push('', paint('bold', w.mostFailed), ...table(mostFailedHeaders(locale), mostFailedRows(digest, rules)));
  if (digest.unread.length > 0) {
    out.push('', paint('red', `${w.unread}${w.parens(String(digest.unread.length))}`));
    for (const u of digest.unread) out.push(`  ${oneLine(u.source)}`, ...u.reason.split(/\r?\n/).map((l) => `    ${oneLine(l)}`));
  }
  return out;
}

/**
 * Terminal report (the default), written form by form: zh-CN first; per form its unit, year and claimed grade, then
 * the failures (errors first) with the values they saw, where they are in the file and their legal basis, then
 * what could not be decided, the import diagnostics and the notes to review, one line counting the passes, the
 * indicators. After the forms, for a batch: the summary table (what needs attention first), unit-years submitted
 * twice, the rules that failed in the most units, and the files that could not be checked. Colour only when
 * `options.color` (the CLI sets it on a TTY without NO_COLOR); columns are padded by display width, so CJK lines up.
 */
export function textWriter(options: FormatOptions, seen: readonly EvaluationResult[] = []): ReportWriter {
  const { locale } = options;
  const paint = (style: Style, text: string) => (options.color === true ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const rules = new Map(ruleCatalogue(seen, options).map((r) => [r.id, r]));
  // After the forms: the summary, then the cross-form section a finding at a time (a large batch has tens of
  // thousands; the duplicate-heavy bench batch's text report peaked at 614 MB building it as one string).
  const tailChunks = function* (end: ReportEnd): Generator<string> {
    const lines = renderEnd(end, rules, locale, paint);
    const cross = end.crossForm;
    if (cross !== undefined) lines.push(...(lines.length > 0 ? [''] : []), paint('bold', crossFormTitle(locale)), ...crossFormPreamble(cross, locale).map((l) => `  ${oneLine(l)}`));
    if (lines.length === 0) return;
    yield `${(end.emitted[0] ?? 0) > 0 ? '\n' : ''}${lines.join('\n')}`;
    for (const f of crossFormFindings(end)) {
      const b = crossFormBlock(f, locale);
      yield ['', `  ${paint(b.fail ? 'red' : 'yellow', oneLine(b.head))}`, ...b.lines.map((l) => `    ${oneLine(l)}`)].join('\n');
    }
    // The notes that came with passes, as a form's notes to review.
    const notes = cross?.reviewNotes ?? [];
    if (notes.length > 0) yield ['', '', `  ${paint('magenta', `${WORDS[locale].reviewNotes}:`)}`, ...notes.map((n) => `    ${oneLine(crossFormNoteLine(n, locale))}`)].join('\n');
    yield '\n';
  };
  return {
    sections: 1,
    // A blank line between forms; each form's part ends with a newline.
    separator: '\n',
    headNeedsEnd: false,
    head: () => '',
    form: (r) => [`${renderForm(r, locale, paint, options.verbose === true).join('\n')}\n`],
    glue: () => '',
    tail: (end) => [...tailChunks(end)].join(''),
    tailChunks,
  };
}

/** The terminal report for results in memory (see {@link textWriter}). */
export function formatText(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(textWriter, results, options);
}
