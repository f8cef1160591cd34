import type { Location, Notification, ReportingDescriptor, Result } from 'sarif';
import { fieldName, findingPosition, localMessageId, locatedInReport, ruleCatalogue, type EvaluationResult, type Finding, type Locale, type ReportRule, type ResultDiagnostic, type Severity, type SourcePosition } from '@jixiao/core';
import { basisText, diagnosticPosition, excerptText } from './common.js';
import { crossFormFindings, renderReport, type ReportEnd, type ReportWriter } from './report.js';
import { crossFormMessage } from './cross-form.js';
import type { FormatOptions } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const KIND: Record<Finding['outcome'], Result.kind> = { fail: 'fail', indeterminate: 'review', 'not-applicable': 'notApplicable', pass: 'pass' };

/**
 * The submitted file as a SARIF artifact URI (a URI reference): relative paths stay relative with each segment
 * percent-encoded (so spaces and CJK names are valid), absolute paths become `file://` URIs.
 */
export function artifactUri(source: string): string {
  // encodeURIComponent throws on a lone surrogate: such a name cannot come from a file system, but never throw.
  const slashed = source.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/\\/g, '/');
  const encode = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${slashed.slice(0, 2)}${encode(slashed.slice(2))}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed);
}

function descriptor(rule: ReportRule, locale: Locale): ReportingDescriptor {
  const lead = locale === 'zh-CN' ? '依据' : 'Legal basis';
  return {
    id: rule.id,
    name: rule.id.slice(rule.id.indexOf('/') + 1),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description ?? rule.title },
    // The legal basis once, as text (a Markdown copy of the same citations would double the catalogue's weight).
    help: { text: `${lead}${locale === 'zh-CN' ? '：' : ': '}${basisText(rule.basis, locale)}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { pack: rule.pack.name, redFlag: rule.redFlag, ...(rule.tags === undefined ? {} : { tags: [...rule.tags] }) },
  };
}

/**
 * A position as a SARIF region (line/column; a PDF's page, on which its line is counted, as a property beside it),
 * or — for a .docx paragraph or cell — as location properties.
 */
function physical(uri: string, position: SourcePosition | undefined, locale: Locale): Location['physicalLocation'] {
  const excerpt = position?.excerpt === undefined ? undefined : excerptText(position.excerpt, locale);
  if (position?.line !== undefined) {
    const region = {
      startLine: position.line,
      ...(position.column === undefined ? {} : { startColumn: position.column }),
      ...(position.endLine === undefined ? {} : { endLine: position.endLine }),
      ...(position.endColumn === undefined ? {} : { endColumn: position.endColumn }),
      ...(excerpt === undefined ? {} : { snippet: { text: excerpt } }),
    };
    return { artifactLocation: { uri }, region, ...(position.page === undefined ? {} : { properties: { page: position.page } }) };
  }
  const docx = { ...(position?.paragraph === undefined ? {} : { paragraph: position.paragraph }), ...(position?.cell === undefined ? {} : { cell: position.cell }), ...(excerpt === undefined ? {} : { excerpt }) };
  return { artifactLocation: { uri }, ...(Object.keys(docx).length === 0 ? {} : { properties: docx }) };
}

function locationOf(r: EvaluationResult, f: Finding, locale: Locale): Location {
  const at = findingPosition(r, f);
  const fieldPath = at?.path ?? f.paths[0];
  return {
    physicalLocation: physical(artifactUri(r.source), at?.position, locale),
    ...(fieldPath === undefined ? {} : { logicalLocations: [{ name: fieldName(fieldPath, locale), fullyQualifiedName: fieldPath, kind: 'member' }] }),
  };
}

/**
 * One finding as a SARIF result, located in the file and at the field: a failure (a waived one suppressed), an
 * undecided rule, or a pass or a rule that did not apply with a note to review (answers inferred) — the findings
 * {@link locatedInReport} says a reader goes to the form for. Other passes and rules that did not apply are not
 * results: GitHub code scanning shows every result as an alert whatever its kind, a form's 30-odd passes would
 * bury its five failures, and they weighed half the log; each form's artifact counts them and the JSON report
 * has them whole.
 */
function resultOf(r: EvaluationResult, f: Finding, ruleIndex: ReadonlyMap<string, number>, locale: Locale): Result {
  const rule = ruleIndex.get(f.ruleId);
  const notes = f.notes ?? [];
  const head = {
    ruleId: f.ruleId,
    ...(rule === undefined ? {} : { ruleIndex: rule }),
    kind: KIND[f.outcome],
    // Any kind but fail makes the level "none", and that is its default (SARIF §3.27.10): said only for failures.
    ...(f.outcome === 'fail' ? { level: LEVEL[f.severity] } : {}),
    message: { text: notes.length === 0 ? f.message : [f.message, ...notes.map((n) => n.message)].join('\n') },
  } as const;
  return {
    ...head,
    locations: [locationOf(r, f, locale)],
    // A reviewer's waiver is an accepted external suppression (SARIF §3.35).
    ...(f.outcome === 'fail' && f.waiver !== undefined
      ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: `${f.waiver.reason} (${f.waiver.approver}, ${f.waiver.expires})` }] }
      : {}),
    // The message's id within its rule (`over-income`, `indeterminate`, …), as in the JSON report. The values read
    // are in the message; the structured values (`observed`, `data`) are the JSON report's.
    properties: { messageId: localMessageId(f.ruleId, f.messageId) },
  };
}

/** An import diagnostic as a tool execution notification located in the file (SARIF §3.58). */
function diagnosticNotification(r: EvaluationResult, d: ResultDiagnostic, locale: Locale): Notification {
  return {
    descriptor: { id: `import/${d.code}` },
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: physical(artifactUri(r.source), diagnosticPosition(d), locale),
        ...(d.path === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: d.path, kind: 'member' }] }),
      },
    ],
  };
}

/** A cross-form finding (history and batch rules) as a result located in its form, the other forms as related locations. */
function* crossResults(end: ReportEnd, ruleIndex: ReadonlyMap<string, number>, after: boolean, locale: Locale): Generator<string> {
  const located = (source: string, positions: Readonly<Record<string, SourcePosition>> | undefined): Location => {
    const [path, position] = Object.entries(positions ?? {})[0] ?? [undefined, undefined];
    return { physicalLocation: physical(artifactUri(source), position, locale), ...(path === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: path, kind: 'member' }] }) };
  };
  // A result at a time (a large batch has tens of thousands), a comma before each but the run's first.
  let first = !after;
  for (const f of crossFormFindings(end)) {
    const index = ruleIndex.get(f.ruleId);
    const result: Result = {
      ruleId: f.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      kind: KIND[f.outcome],
      ...(f.severity === undefined ? {} : { level: LEVEL[f.severity] }),
      message: { text: crossFormMessage(f) },
      locations: [located(f.source, f.positions)],
      ...(f.related.length === 0 ? {} : { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...located(r.source, r.positions), message: { text: r.relation } })) }),
      properties: { messageId: f.messageId, crossForm: true, ...(f.unlistedRelated === undefined ? {} : { unlistedRelated: f.unlistedRelated }) },
    };
    yield `${first ? '' : ','}${JSON.stringify(result)}`;
    first = false;
  }
  // A note that came with a pass or a rule that did not apply, as a form's pass with a note is a result.
  for (const n of end.crossForm?.reviewNotes ?? []) {
    const index = ruleIndex.get(n.ruleId);
    const result: Result = { ruleId: n.ruleId, ...(index === undefined ? {} : { ruleIndex: index }), kind: KIND[n.outcome], message: { text: n.message }, locations: [located(n.source, undefined)], properties: { messageId: n.messageId, crossForm: true } };
    yield `${first ? '' : ','}${JSON.stringify(result)}`;
    first = false;
  }
}

/**
 * SARIF 2.1.0, compact (one line): one run; the rule catalogue once in `tool.driver.rules` (id, name, short/full
 * description, help with the legal basis, default level) and each result pointing at its rule by `ruleIndex`; one
 * result per failure (with its level), undecided rule (`kind` review) and pass or rule not applying with a note to
 * review (`kind` pass/notApplicable; level "none", their default) — each located in the submitted file (an artifact: its
 * unit, year and claimed grade are the artifact's properties) and at the form field they are about. Import diagnostics and inputs that could
 * not be read are `invocations[0].toolExecutionNotifications`. Written form by form: results first, then the
 * notifications, then the artifacts.
 */
export function sarifWriter(options: FormatOptions, seen: readonly EvaluationResult[] = []): ReportWriter {
  const { locale } = options;
  const rules = ruleCatalogue(seen, options);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const driver = { name: 'jixiao', version: options.toolVersion, semanticVersion: options.toolVersion, language: locale, rules: rules.map((r) => descriptor(r, locale)) };
  // Before the notifications: the cross-form results, then the invocation.
  const glueChunks = function* (_section: number, end: ReportEnd): Generator<string> {
    yield* crossResults(end, ruleIndex, (end.emitted[0] ?? 0) > 0, locale);
    yield `],"invocations":[{"executionSuccessful":${String(end.digest.unread.length === 0)},"toolExecutionNotifications":[`;
  };
  const head = `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":${JSON.stringify({ driver })},"language":${JSON.stringify(locale)},"columnKind":"utf16CodeUnits","results":[`;
  return {
    sections: 2,
    separator: ',',
    headNeedsEnd: false,
    head: () => head,
    form: (r) => [
      r.findings.filter(locatedInReport).map((f) => JSON.stringify(resultOf(r, f, ruleIndex, locale))).join(','),
      (r.diagnostics ?? []).map((d) => JSON.stringify(diagnosticNotification(r, d, locale))).join(','),
    ],
    glue: (section, end) => [...glueChunks(section, end)].join(''),
    glueChunks,
    tail: (end: ReportEnd) => {
      const unread = end.digest.unread.map((u) => {
        const notification: Notification = { descriptor: { id: 'unreadable-input' }, level: 'error', message: { text: u.reason }, locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(u.source) } } }] };
        return JSON.stringify(notification);
      });
      const forms = new Map(end.digest.forms.map((b) => [b.source, b]));
      const artifacts = end.sources.map((source) => {
        const b = forms.get(source);
        // What was checked on the form, the passes and the rules that did not apply included (not results).
        const checked = b === undefined ? {} : { properties: { unit: b.unit, fiscalYear: b.fiscalYear, selfRating: b.selfRating, rules: b.rules, passed: b.passed, notApplicable: b.notApplicable } };
        return JSON.stringify({ location: { uri: artifactUri(source) }, ...checked });
      });
      const more = (end.emitted[1] ?? 0) > 0 && unread.length > 0 ? ',' : '';
      return `${more}${unread.join(',')}]}],"artifacts":[${artifacts.join(',')}]}]}\n`;
    },
  };
}

/** The SARIF log for results in memory (see {@link sarifWriter}). */
export function formatSarif(results: readonly EvaluationResult[], options: FormatOptions): string {
  return renderReport(sarifWriter, results, options);
}
