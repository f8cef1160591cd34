import { fieldName, type EvaluationResult, type Finding, type Locale } from '@jixiao/core';
import { WORDS, formIdentity, basisText, diagnosticHead, excerptText, findingPosition, observedText, outcomeLabel, positionText } from './common.js';
import { crossFormFindings, renderReport, type ReportEnd, type ReportWriter } from './report.js';
import { escapeAttribute, escapeText } from './xml.js';
import { crossFormNoteLine, crossFormPositions, crossFormTitle, unlistedText } from './cross-form.js';
import type { FormatOptions } from './types.js';

function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}

/**
 * The failure's body: message, values, basis and location, one per line; with `verbose`, the fields' model paths,
 * how each citation was checked, and the conditions that decided the failure (a developer's trace, such as
 * `derived.incomeTotal.absDifference moneyGreaterThan 0.03 (params.integrity.incomeTotalTolerance): 3 → true`).
 */
function details(r: EvaluationResult, f: Finding, locale: Locale, verbose: boolean): string {
  const w = WORDS[locale];
  const lines = [f.message, ...(f.notes ?? []).map((n) => n.message)];
  if (f.paths.length > 0) lines.push(`${w.observed}: ${observedText(f, locale, verbose)}`);
  if (f.outcome === 'fail') lines.push(`${w.basis}: ${basisText(f.basis, locale, verbose)}`);
  const at = findingPosition(r, f);
  if (at !== undefined) lines.push(`${w.location}: ${r.source} ${positionText(at.position, locale)}${at.position.excerpt === undefined ? '' : ` 「${excerptText(at.position.excerpt, locale)}」`}`);
  if (verbose) for (const c of f.explanation ?? []) lines.push(`${c.fact} ${c.operator} ${JSON.stringify(c.expected)}${c.expectedFact === undefined ? '' : ` (${c.expectedFact})`}: ${JSON.stringify(c.actual)} → ${String(c.result)}`);
  return lines.join('\n');
}

function suiteName(r: EvaluationResult, locale: Locale): string {
  return `${formIdentity(r.evaluation.unit, r.evaluation.fiscalYear, locale)} (${r.source})`;
}

/** One form's testsuite: a testcase per rule, then an erroring testcase per import diagnostic. */
function suite(r: EvaluationResult, locale: Locale, verbose: boolean): string {
  const s = r.summary;
  const diagnostics = r.diagnostics ?? [];
  const out = [`  <testsuite${attrs({ name: suiteName(r, locale), tests: s.total + diagnostics.length, failures: s.fail, errors: diagnostics.length, skipped: s.indeterminate + s.notApplicable + s.waived, time: 0 })}>`];
  out.push('    <properties>');
  const props: [string, string][] = [
    ['source', r.source],
    ['unit', r.evaluation.unit ?? ''],
    ['fiscalYear', r.evaluation.fiscalYear === null ? '' : String(r.evaluation.fiscalYear)],
    ['selfRating', r.evaluation.selfRating ?? ''],
    ...(r.scoreCheck === undefined ? [] : ([['recomputedScore', r.scoreCheck.recomputed.score === null ? '' : String(r.scoreCheck.recomputed.score)], ['suggestedGrade', r.scoreCheck.recomputed.grade ?? '']] as [string, string][])),
    ...r.indicators.map((ind): [string, string] => [`indicator.${ind.id}`, ind.display]),
  ];
  for (const [name, value] of props) out.push(`      <property${attrs({ name, value })}/>`);
  out.push('    </properties>');
  for (const f of r.findings) {
    const open = `    <testcase${attrs({ name: `${f.ruleId} ${f.title}`, classname: `jixiao.${f.pack}`, time: 0 })}`;
    // Notes that came with a pass (answers inferred, …) are for a reviewer to read: the test case's output.
    const notes = (f.notes ?? []).map((n) => n.message).join('\n');
    if (f.outcome === 'pass') {
      out.push(notes === '' ? `${open}/>` : `${open}>\n      <system-out>${escapeText(notes)}</system-out>\n    </testcase>`);
    } else if (f.outcome === 'fail' && f.waiver === undefined) {
      out.push(`${open}>`, `      <failure${attrs({ message: f.message, type: f.severity })}>${escapeText(details(r, f, locale, verbose))}</failure>`, '    </testcase>');
    } else {
      out.push(`${open}>`, `      <skipped${attrs({ message: `${outcomeLabel(f, locale)}: ${f.message}` })}/>`, '    </testcase>');
    }
  }
  for (const d of diagnostics) {
    out.push(`    <testcase${attrs({ name: `import/${d.code}${d.path === undefined ? '' : ` ${fieldName(d.path, locale, verbose)}`}`, classname: 'jixiao.import', time: 0 })}>`);
    out.push(`      <error${attrs({ message: d.message, type: `import.${d.severity}` })}>${escapeText(`${diagnosticHead(d, locale, verbose)}: ${d.message}`)}</error>`, '    </testcase>');
  }
  out.push('  </testsuite>');
  return `${out.join('\n')}\n`;
}

/**
 * JUnit XML (the Ant/Jenkins/GitLab dialect), written form by form: one `<testsuite>` per form, one `<testcase>`
 * per rule; a failing rule is a `<failure>` (type = severity) with message and details; indeterminate and
 * not-applicable rules and waived failures are `<skipped>` with the reason; each import diagnostic is an `<error>`
 * case (type `import.<severity>`); notes that came with a pass are the case's `<system-out>`. Files that could
 * not be checked are `<error>` cases of a last suite. The totals of `<testsuites>` need every form, so the forms
 * are held back until the end. No timestamps: the same results give the same bytes.
 */
/**
 * The cross-form findings (history and batch rules) as a test suite after the forms': a failure or a skipped case
 * each, the notes the rule gave in its body; then a passing case per note that came with a pass, the note its
 * `<system-out>` (as a form's passes with notes).
 */
function* crossSuite(end: ReportEnd, locale: Locale): Generator<string> {
  const findings = end.crossForm?.findings ?? [];
  const notes = end.crossForm?.reviewNotes ?? [];
  if (findings.length + notes.length === 0) return;
  const fails = findings.filter((f) => f.outcome === 'fail').length;
  yield `  <testsuite${attrs({ name: crossFormTitle(locale), tests: findings.length + notes.length, failures: fails, errors: 0, skipped: findings.length - fails, time: 0 })}>\n`;
  // A case at a time (a large batch has tens of thousands).
  for (const f of crossFormFindings(end)) {
    const out = [`    <testcase${attrs({ name: `${f.ruleId} ${f.source}`, classname: `jixiao.${f.ruleId.slice(0, f.ruleId.indexOf('/'))}`, time: 0 })}>`];
    const where = crossFormPositions(f, locale);
    const noted = (f.notes ?? []).map((n) => n.message);
    if (f.outcome === 'fail') out.push(`      <failure${attrs({ message: f.message, type: f.severity ?? 'warning' })}>${escapeText([f.message, ...noted, ...f.related.map((r) => r.source), unlistedText(f, locale) ?? '', where].filter((x) => x !== '').join('\n'))}</failure>`);
    else out.push(`      <skipped${attrs({ message: f.message })}/>`, ...(noted.length === 0 ? [] : [`      <system-out>${escapeText(noted.join('\n'))}</system-out>`]));
    out.push('    </testcase>');
    yield `${out.join('\n')}\n`;
  }
  for (const n of notes) {
    yield `${[`    <testcase${attrs({ name: `${n.ruleId} ${n.source}`, classname: `jixiao.${n.ruleId.slice(0, n.ruleId.indexOf('/'))}`, time: 0 })}>`, `      <system-out>${escapeText(crossFormNoteLine(n, locale))}</system-out>`, '    </testcase>'].join('\n')}\n`;
  }
  yield '  </testsuite>\n';
}

export function junitWriter(options: FormatOptions): ReportWriter {
  const { locale } = options;
  const w = WORDS[locale];
  const tailChunks = function* (end: ReportEnd): Generator<string> {
    const { unread } = end.digest;
    const hasCross = (end.crossForm?.findings.length ?? 0) + (end.crossForm?.reviewNotes?.length ?? 0) > 0;
    yield* crossSuite(end, locale);
    if (unread.length === 0) {
      yield '</testsuites>\n';
      return;
    }
    // (Without a cross-form suite a blank line comes first, as it always has.)
    const out = [...(hasCross ? [] : ['']), `  <testsuite${attrs({ name: w.unread, tests: unread.length, failures: 0, errors: unread.length, skipped: 0, time: 0 })}>`];
    for (const u of unread) out.push(`    <testcase${attrs({ name: u.source, classname: 'jixiao.unread', time: 0 })}>`, `      <error${attrs({ message: u.reason, type: 'unreadable' })}/>`, '    </testcase>');
    out.push('  </testsuite>', '</testsuites>');
    yield `${out.join('\n')}\n`;
  };
  return {
    sections: 1,
    separator: '',
    headNeedsEnd: true,
    head: (end) => {
      const forms = end?.digest.forms ?? [];
      const unread = end?.digest.unread.length ?? 0;
      const crossFindings = end?.crossForm?.findings ?? [];
      let tests = unread + crossFindings.length + (end?.crossForm?.reviewNotes?.length ?? 0), failures = crossFindings.filter((f) => f.outcome === 'fail').length, errors = unread, skipped = crossFindings.length - failures;
      for (const b of forms) {
        tests += b.rules + b.diagnostics;
        failures += b.errors + b.warnings + b.infos;
        errors += b.diagnostics;
        skipped += b.indeterminate + b.notApplicable + b.waived;
      }
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: `jixiao ${options.toolVersion}`, tests, failures, errors, skipped, time: 0 })}>\n`;
    },
    form: (r) => [suite(r, locale, options.verbose === true)],
    glue: () => '',
    tail: (end) => [...tailChunks(end)].join(''),
    tailChunks,
  };
}

/** The JUnit report for results in memory (see {@link junitWriter}). */
export function formatJunit(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(junitWriter, results, options);
}
