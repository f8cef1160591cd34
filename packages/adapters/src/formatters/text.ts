import stringWidth from 'string-width';
import type { EvaluationResult, Finding, Locale } from '@jixiao/core';
import { WORDS, basisText, findingPosition, groupByUnit, isWaived, needsAttention, observedText, outcomeLabel, positionText, ratingText, sortFindings, unitText, yearText } from './common.js';
import type { FormatOptions } from './types.js';

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', magenta: '\u001b[35m', cyan: '\u001b[36m' } as const;
type Style = keyof typeof ANSI;

/** Pad to a display width: CJK characters take two terminal columns (string-width knows which). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
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

function renderForm(r: EvaluationResult, locale: Locale, paint: (s: Style, t: string) => string): string[] {
  const w = WORDS[locale];
  const out: string[] = [];
  out.push(`  ${paint('bold', oneLine(r.source))}  ${w.year}: ${yearText(r, locale)}  ${w.rating}: ${oneLine(ratingText(r, locale))}`);
  const shown = sortFindings(r.findings).filter(needsAttention);
  for (const f of shown) {
    out.push(`    ${paint(findingStyle(f), `[${outcomeLabel(f, locale)}]`)} ${f.ruleId} ${oneLine(f.title)}${f.redFlag && f.outcome === 'fail' ? ` ⚑ ${w.redFlag}` : ''}`);
    out.push(`        ${oneLine(f.message)}`);
    for (const n of f.notes ?? []) out.push(`        ${oneLine(n.message)}`);
    if (f.paths.length > 0) out.push(`        ${paint('dim', `${w.observed}: ${oneLine(observedText(f, locale))}`)}`);
    const at = findingPosition(r, f);
    if (at !== undefined) out.push(`        ${paint('dim', `${w.location}: ${positionText(at.position, locale)}${at.position.excerpt === undefined ? '' : ` 「${oneLine(at.position.excerpt)}」`}`)}`);
    if (f.outcome === 'fail') out.push(`        ${paint('dim', `${w.basis}: ${oneLine(basisText(f.basis, locale))}`)}`);
  }
  for (const f of r.findings.filter(isWaived)) {
    out.push(`    ${paint('dim', `[${outcomeLabel(f, locale)}]`)} ${f.ruleId} ${oneLine(f.title)}`);
    out.push(`        ${paint('dim', oneLine(f.message))}`);
    out.push(`        ${paint('dim', `${w.waiver}: ${oneLine(w.waiverText(f.waiver))}`)}`);
  }
  const passNotes = r.findings.filter((f) => f.outcome === 'pass' && (f.notes?.length ?? 0) > 0);
  for (const f of passNotes) for (const n of f.notes ?? []) out.push(`    ${paint('dim', `[${w.pass}]`)} ${f.ruleId} ${oneLine(n.message)}`);
  const tail = [w.passedRules(r.summary.pass)];
  if (r.summary.notApplicable > 0) tail.push(w.notApplicableRules(r.summary.notApplicable));
  out.push(`    ${paint('green', tail.join(locale === 'zh-CN' ? '，' : ', '))}`);
  if (r.indicators.length > 0) {
    out.push(`    ${paint('bold', w.indicators)}`);
    const width = Math.max(...r.indicators.map((i) => stringWidth(i.label)));
    for (const i of r.indicators) out.push(`      ${padEnd(i.label, width)}  ${i.display}${i.reason === undefined ? '' : paint('dim', `  (${oneLine(i.reason)})`)}`);
  }
  out.push(`    ${w.summary(r.summary)}`);
  return out;
}

function renderTable(results: readonly EvaluationResult[], locale: Locale): string[] {
  const w = WORDS[locale];
  const header = [w.unit, w.year, w.rating, w.errors, w.warnings, w.indeterminate, w.passes];
  const rows = results.map((r) => [oneLine(unitText(r, locale)), yearText(r, locale), oneLine(ratingText(r, locale)), String(r.summary.errors), String(r.summary.warnings), String(r.summary.indeterminate), String(r.summary.pass)]);
  const widths = header.map((h, c) => Math.max(stringWidth(h), ...rows.map((row) => stringWidth(row[c] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((cell, c) => padEnd(cell, widths[c] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((n) => '─'.repeat(n)).join('  '), ...rows.map(line)];
}

/**
 * Terminal report (the default): zh-CN first, grouped by unit; per form the failures (errors first) with the
 * values they saw and their legal basis, then what could not be decided, then one line counting the passes,
 * then the indicators. Colour only when `options.color` (the CLI sets it on a TTY without NO_COLOR). A table
 * sums up when there are several forms; its columns are padded by display width, so CJK lines up.
 */
export function formatText(results: readonly EvaluationResult[], options: FormatOptions): string {
  const { locale } = options;
  const w = WORDS[locale];
  const paint = (style: Style, text: string) => (options.color === true ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  if (results.length === 0) return `${w.noForms}\n`;
  const out: string[] = [];
  for (const group of groupByUnit(results)) {
    out.push(paint('bold', `${w.unit}: ${oneLine(group.unit ?? w.none)}`));
    for (const r of group.results) out.push(...renderForm(r, locale, paint), '');
  }
  if (results.length > 1) out.push(paint('bold', `${w.summaryTable} (${String(results.length)} ${w.forms})`), ...renderTable(results, locale), '');
  return `${out.join('\n').trimEnd()}\n`;
}
