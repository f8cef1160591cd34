import type { EvaluationResult, Finding, Locale } from '@jixiao/core';
import { WORDS, basisText, findingPosition, observedText, outcomeLabel, positionText, unitText, yearText } from './common.js';
import { escapeAttribute, escapeText } from './xml.js';
import type { FormatOptions } from './types.js';

function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}

/** The failure's body: message, values, basis, location and the conditions that decided it, one per line. */
function details(r: EvaluationResult, f: Finding, locale: Locale): string {
  const w = WORDS[locale];
  const lines = [f.message, ...(f.notes ?? []).map((n) => n.message)];
  if (f.paths.length > 0) lines.push(`${w.observed}: ${observedText(f, locale)}`);
  if (f.outcome === 'fail') lines.push(`${w.basis}: ${basisText(f.basis, locale)}`);
  const at = findingPosition(r, f);
  if (at !== undefined) lines.push(`${w.location}: ${r.source} ${positionText(at.position, locale)}${at.position.excerpt === undefined ? '' : ` 「${at.position.excerpt}」`}`);
  for (const c of f.explanation ?? []) lines.push(`${c.fact} ${c.operator} ${JSON.stringify(c.expected)}${c.expectedFact === undefined ? '' : ` (${c.expectedFact})`}: ${JSON.stringify(c.actual)} → ${String(c.result)}`);
  return lines.join('\n');
}

function suiteName(r: EvaluationResult, locale: Locale): string {
  return `${unitText(r, locale)} ${yearText(r, locale)} (${r.source})`;
}

/**
 * JUnit XML (the Ant/Jenkins/GitLab dialect): one `<testsuite>` per evaluated form, one `<testcase>` per rule;
 * a failing rule is a `<failure>` (type = severity) with message and details; indeterminate and not-applicable
 * rules and waived failures are `<skipped>` with the reason. No timestamps: the same results give the same bytes.
 */
export function formatJunit(results: readonly EvaluationResult[], options: FormatOptions): string {
  const { locale } = options;
  const total = results.reduce((n, r) => n + r.summary.total, 0);
  const failures = results.reduce((n, r) => n + r.summary.fail, 0);
  const skipped = results.reduce((n, r) => n + r.summary.indeterminate + r.summary.notApplicable + r.summary.waived, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: `jixiao ${options.toolVersion}`, tests: total, failures, errors: 0, skipped, time: 0 })}>`];
  results.forEach((r, i) => {
    const s = r.summary;
    out.push(`  <testsuite${attrs({ name: suiteName(r, locale), id: i, tests: s.total, failures: s.fail, errors: 0, skipped: s.indeterminate + s.notApplicable + s.waived, time: 0 })}>`);
    out.push('    <properties>');
    const props: [string, string][] = [
      ['source', r.source],
      ['unit', r.evaluation.unit ?? ''],
      ['fiscalYear', r.evaluation.fiscalYear === null ? '' : String(r.evaluation.fiscalYear)],
      ['selfRating', r.evaluation.selfRating ?? ''],
      ...r.indicators.map((ind): [string, string] => [`indicator.${ind.id}`, ind.display]),
    ];
    for (const [name, value] of props) out.push(`      <property${attrs({ name, value })}/>`);
    out.push('    </properties>');
    for (const f of r.findings) {
      const open = `    <testcase${attrs({ name: `${f.ruleId} ${f.title}`, classname: `jixiao.${f.pack}`, time: 0 })}`;
      if (f.outcome === 'pass') {
        out.push(`${open}/>`);
      } else if (f.outcome === 'fail' && f.waiver === undefined) {
        out.push(`${open}>`, `      <failure${attrs({ message: f.message, type: f.severity })}>${escapeText(details(r, f, locale))}</failure>`, '    </testcase>');
      } else {
        out.push(`${open}>`, `      <skipped${attrs({ message: `${outcomeLabel(f, locale)}: ${f.message}` })}/>`, '    </testcase>');
      }
    }
    out.push('  </testsuite>');
  });
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
