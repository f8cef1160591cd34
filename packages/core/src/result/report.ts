import type { CompiledRule } from '../engine/checker.js';
import type { CrossFormReport } from '../engine/cross-form-report.js';
import type { ResolvedParameter } from '../engine/params.js';
import type { Locale } from '../i18n/locale.js';
import { INDICATORS } from '../indicators/derive.js';
import { localizePosition } from '../i18n/excerpt.js';
import type { LegalBasis, ParameterValue, Severity } from '../pack/schema.js';
import type { EvaluationResult, ExplainedCondition, Finding, FindingLocation, FindingWaiver, Outcome, ResultDiagnostic, ResultSummary, SourcePosition, UnreadInput } from './model.js';

/**
 * The JSON report, version 2 (`jixiao check --format json`): the rules of the run are listed once, with their
 * metadata in the report's locale, and each finding refers to its rule by id; excerpts are capped. Version 1
 * copied the rule metadata (title, basis in both locales, paths, pack) into every finding of every form — see
 * `docs/json-report.md` for the migration.
 */
export const REPORT_SCHEMA_VERSION = 2;

/** Longest excerpt of source text a report carries (code points; a longer one is cut and ends with `…`). */
export const EXCERPT_LIMIT = 60;

/** A legal basis in the report's locale. */
export interface ReportBasis {
  readonly instrument: string;
  readonly number?: string;
  readonly article?: string;
  readonly effectiveFrom?: string;
  readonly note?: string;
}

/** A rule parameter with the values in force for this run (after the config), each dated and cited. */
export interface ReportParameter {
  readonly name: string;
  readonly title: string;
  readonly type: string;
  readonly unit?: string;
  readonly values: readonly ParameterValue[];
  /** Whether the config set these values (instead of the rule's defaults). */
  readonly configured: boolean;
}

/** A rule as a report lists it, once per run. */
export interface ReportRule {
  readonly id: string;
  readonly pack: { readonly name: string; readonly version?: string };
  readonly title: string;
  readonly description?: string;
  /** Severity in force (after the config); a failure mode may fail with its own (see the finding). */
  readonly severity: Severity;
  readonly redFlag: boolean;
  readonly tags?: readonly string[];
  readonly basis: readonly ReportBasis[];
  /** Form fields the rule reads: a finding's `observed` values are in this order. */
  readonly paths: readonly string[];
  readonly parameters?: readonly ReportParameter[];
  readonly effective?: { readonly from?: string; readonly until?: string };
}

/** An indicator's definition, listed once per report. */
export interface ReportIndicator {
  readonly id: string;
  readonly label: string;
  readonly formula: string;
}

/** One finding of one form, referring to its rule by id. */
export interface ReportFinding {
  readonly ruleId: string;
  readonly outcome: Outcome;
  /** Only on a failure: the severity it failed with (the rule's, or its failure mode's). */
  readonly severity?: Severity;
  /** The message's id within its rule: `pass`, a failure mode's id, `indeterminate`, `blank`, … */
  readonly messageId: string;
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The value of each of the rule's `paths`, in that order. */
  readonly observed: readonly unknown[];
  /** With `explain`: the conditions that decided a failure or an indeterminate outcome. */
  readonly explanation?: readonly ExplainedCondition[];
  /** Notes that held (their data is the finding's). */
  readonly notes?: readonly { readonly messageId: string; readonly message: string }[];
  readonly internalError?: string;
  readonly waiver?: FindingWaiver;
  /**
   * On a finding a reader goes to the form for ({@link locatedInReport}): the file, the field it is about and its
   * place (the excerpt is in the result's `positions` under that field). Absent when the field has no place.
   */
  readonly location?: FindingLocation;
}

/** An indicator's value for one form (its label and formula are in the report's `indicators`). */
export interface ReportIndicatorValue {
  readonly id: string;
  readonly value: number | null;
  readonly display: string;
  readonly reason?: string;
}

/** Everything the report says about one form. */
export interface ReportResult {
  readonly source: string;
  readonly evaluation: EvaluationResult['evaluation'];
  readonly template?: EvaluationResult['template'];
  readonly scoreCheck?: EvaluationResult['scoreCheck'];
  /** Each scoring pack's total (packs whose rules declare `score`). */
  readonly scores?: EvaluationResult['scores'];
  readonly summary: ResultSummary;
  readonly findings: readonly ReportFinding[];
  readonly indicators: readonly ReportIndicatorValue[];
  /** Where the fields the failed, undecided or noted findings point at were read (excerpts capped). */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
  readonly diagnostics?: readonly ResultDiagnostic[];
}

/** The JSON report, version 2. */
export interface ResultDocument {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'jixiao'; readonly version: string };
  readonly locale: Locale;
  readonly rules: readonly ReportRule[];
  readonly indicators: readonly ReportIndicator[];
  readonly results: readonly ReportResult[];
  /** Inputs that were not checked, and why. */
  readonly unread: readonly UnreadInput[];
  /** Across forms (history and batch rules), when the run had a cross-form pass. */
  readonly crossForm?: CrossFormReport;
}

/** What the report's rule list is made from. */
export interface CatalogueOptions {
  readonly locale: Locale;
  /** The rules that were loaded (`checker.rules`); without them, the rules seen in the findings. */
  readonly rules?: readonly CompiledRule[];
  /** Parameter values in force (`checker.parameters`); without them, each rule's defaults. */
  readonly parameters?: ReadonlyMap<string, ResolvedParameter>;
}

/** Text cut to {@link EXCERPT_LIMIT} code points, with `…` when cut. */
export function capExcerpt(text: string, limit = EXCERPT_LIMIT): string {
  if (text.length <= limit) return text;
  const points = Array.from(text);
  return points.length <= limit ? text : `${points.slice(0, limit).join('')}…`;
}

function reportBasis(b: LegalBasis, locale: Locale): ReportBasis {
  return {
    instrument: b.instrument,
    ...(b.number === undefined ? {} : { number: b.number }),
    ...(b.article === undefined ? {} : { article: b.article }),
    ...(b.effectiveFrom === undefined ? {} : { effectiveFrom: b.effectiveFrom }),
    ...(b.note === undefined ? {} : { note: b.note[locale] }),
  };
}

/** A loaded rule as the report lists it: metadata in the locale, severity and parameter values in force. */
export function reportRule(compiled: CompiledRule, locale: Locale, parameters?: ReadonlyMap<string, ResolvedParameter>): ReportRule {
  const { rule, pack, severity } = compiled;
  const params = (rule.parameters ?? []).map((p): ReportParameter => {
    const resolved = parameters?.get(`${pack.name}.${p.name}`);
    return { name: p.name, title: p.title[locale], type: p.type, ...(p.unit === undefined ? {} : { unit: p.unit }), values: resolved?.values ?? p.values, configured: resolved?.overridden ?? false };
  });
  return {
    id: rule.id,
    pack: { name: pack.name, version: pack.version },
    title: rule.title[locale],
    ...(rule.description === undefined ? {} : { description: rule.description[locale] }),
    severity,
    redFlag: rule.redFlag === true,
    ...(rule.tags === undefined ? {} : { tags: rule.tags }),
    basis: rule.basis.map((b) => reportBasis(b, locale)),
    paths: rule.paths,
    ...(params.length === 0 ? {} : { parameters: params }),
    ...(rule.effective === undefined ? {} : { effective: rule.effective }),
  };
}

/** A rule known only from one of its findings (no loaded rules given, or a rule made outside the checker). */
function ruleOfFinding(f: Finding, locale: Locale): ReportRule {
  return { id: f.ruleId, pack: { name: f.pack }, title: f.title, severity: f.severity, redFlag: f.redFlag, basis: f.basis.map((b) => reportBasis(b, locale)), paths: f.paths };
}

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The rules a report lists, sorted by id: the loaded ones when given, plus any rule seen in a finding and not
 * among them (e.g. `waiver/expired`). A rule known only from its findings takes the severity of a finding that
 * did not fail with a failure mode's own (its rule's), else of the first.
 */
export function ruleCatalogue(results: readonly EvaluationResult[], options: CatalogueOptions): ReportRule[] {
  const found = new Map<string, ReportRule>();
  for (const c of options.rules ?? []) found.set(c.rule.id, reportRule(c, options.locale, options.parameters));
  const fromFindings = new Map<string, Finding>();
  for (const r of results) {
    for (const f of r.findings) {
      if (found.has(f.ruleId)) continue;
      const seen = fromFindings.get(f.ruleId);
      if (seen === undefined || (seen.outcome === 'fail' && f.outcome !== 'fail')) fromFindings.set(f.ruleId, f);
    }
  }
  for (const [id, f] of fromFindings) found.set(id, ruleOfFinding(f, options.locale));
  return [...found.values()].sort(byId);
}

/** The indicators' definitions in a locale (the labels and formulas the results' values refer to). */
export function indicatorCatalogue(locale: Locale): ReportIndicator[] {
  return INDICATORS.map((d) => ({ id: d.id, label: d.label[locale], formula: d.formula }));
}

/**
 * The outcomes a finding gets about some of its rule's fields only, and the data key that names them: the required
 * fields left blank (`blank`), the fields written but not readable (`unreadable`), the fields the form has no place
 * for (`not-on-form`). A failure or a pass is about every field its rule reads.
 */
const ABOUT_FIELDS: Readonly<Record<string, string>> = { blank: 'fields', unreadable: 'unreadable', 'not-on-form': 'notOnForm' };

/** The fields a finding is about, when that is some of its rule's fields only (see {@link ABOUT_FIELDS}). */
function subjectFields(f: Finding): readonly string[] | undefined {
  if (f.outcome === 'fail' || f.outcome === 'pass') return undefined;
  const key = ABOUT_FIELDS[localMessageId(f.ruleId, f.messageId)];
  const fields = key === undefined ? undefined : f.data[key];
  return Array.isArray(fields) ? fields.filter((p): p is string => typeof p === 'string') : undefined;
}

/**
 * The field a finding points at in the submitted file (what every report shows as the finding's location, and the
 * finding's `location`): the first of the fields it is about that has a source position — its rule's fields, or,
 * for a rule undecided because fields are blank, unreadable or not on the form, those fields only. A finding about
 * fields the form leaves out (no label, so no place) has none: never the place of another field its rule reads.
 */
export function findingPosition(result: Pick<EvaluationResult, 'positions'>, f: Finding): { readonly path: string; readonly position: SourcePosition } | undefined {
  const positions = result.positions;
  if (positions === undefined) return undefined;
  for (const path of subjectFields(f) ?? f.paths) {
    const position = positions[path];
    if (position !== undefined) return { path, position };
  }
  return undefined;
}

/** A finding's {@link FindingLocation} in `file` (the result's source), from {@link findingPosition}. */
export function findingLocation(file: string, positions: Readonly<Record<string, SourcePosition>> | undefined, f: Finding): FindingLocation | undefined {
  const at = findingPosition({ positions }, f);
  return at === undefined ? undefined : locationAt(file, at);
}

function locationAt(file: string, at: { readonly path: string; readonly position: SourcePosition }): FindingLocation {
  const { excerpt: _excerpt, ...place } = at.position;
  return { file, path: at.path, ...place };
}

/** A position as a report gives it: the excerpt worded in the report's locale ({@link localizePosition}), then capped. */
function reportPosition(position: SourcePosition, locale: Locale): SourcePosition {
  const p = localizePosition(position, locale);
  return p.excerpt === undefined || p.excerpt.length <= EXCERPT_LIMIT ? p : { ...p, excerpt: capExcerpt(p.excerpt) };
}

/** The part of a message id after the rule id (`rule/id#pass` → `pass`): what the JSON and SARIF reports give. */
export function localMessageId(ruleId: string, messageId: string): string {
  return messageId.startsWith(`${ruleId}#`) ? messageId.slice(ruleId.length + 1) : messageId;
}

function reportFinding(f: Finding, explain: boolean, location: FindingLocation | undefined): ReportFinding {
  const observed = f.paths.map((p) => f.observed[p] ?? null);
  const out: { -readonly [K in keyof ReportFinding]: ReportFinding[K] } = {
    ruleId: f.ruleId,
    outcome: f.outcome,
    ...(f.outcome === 'fail' ? { severity: f.severity } : {}),
    messageId: localMessageId(f.ruleId, f.messageId),
    message: f.message,
    data: f.data,
    observed,
  };
  if (explain && f.explanation !== undefined) out.explanation = f.explanation;
  if (f.notes !== undefined) out.notes = f.notes.map((n) => ({ messageId: localMessageId(f.ruleId, n.messageId), message: n.message }));
  if (f.internalError !== undefined) out.internalError = f.internalError;
  if (f.waiver !== undefined) out.waiver = f.waiver;
  if (location !== undefined) out.location = location;
  return out;
}

/**
 * Whether a report gives a finding with its place (the JSON report's positions, a SARIF result): a failure (waived
 * or not), an undecided rule, or one with a note to review (answers inferred, …) — what a reader goes to the form
 * for. A pass or a rule that did not apply says what it read in its message; every field's place is what
 * `jixiao import` gives.
 */
export function locatedInReport(f: Finding): boolean {
  return f.outcome === 'fail' || f.outcome === 'indeterminate' || (f.notes?.length ?? 0) > 0;
}

/**
 * One form as the JSON report (v2) gives it: findings without their rule's metadata (that is in the report's
 * `rules`), indicator values without their definitions, positions of the fields the findings to look at point at
 * ({@link locatedInReport}) with capped excerpts, and the import diagnostics. `explain` keeps each finding's
 * explanation (the decisive conditions).
 */
export function reportResult(result: EvaluationResult, options: { readonly explain?: boolean; readonly locale?: Locale } = {}): ReportResult {
  const explain = options.explain === true;
  const locale = options.locale ?? 'zh-CN';
  let positions: Record<string, SourcePosition> | undefined;
  const findings = result.findings.map((f) => {
    const at = locatedInReport(f) ? findingPosition(result, f) : undefined;
    if (at === undefined) return reportFinding(f, explain, undefined);
    positions ??= {};
    positions[at.path] ??= reportPosition(at.position, locale);
    return reportFinding(f, explain, locationAt(result.source, at));
  });
  return {
    source: result.source,
    evaluation: result.evaluation,
    ...(result.template === undefined ? {} : { template: result.template }),
    ...(result.scoreCheck === undefined ? {} : { scoreCheck: result.scoreCheck }),
    ...(result.scores === undefined ? {} : { scores: result.scores }),
    summary: result.summary,
    findings,
    indicators: result.indicators.map((i) => ({ id: i.id, value: i.value, display: i.display, ...(i.reason === undefined ? {} : { reason: i.reason }) })),
    ...(positions === undefined ? {} : { positions }),
    ...(result.diagnostics === undefined || result.diagnostics.length === 0 ? {} : { diagnostics: result.diagnostics }),
  };
}

/** The whole JSON report (v2) for results already in memory. */
export function resultDocument(
  results: readonly EvaluationResult[],
  options: CatalogueOptions & { readonly toolVersion: string; readonly unread?: readonly UnreadInput[]; readonly explain?: boolean },
): ResultDocument {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'jixiao', version: options.toolVersion },
    locale: options.locale,
    rules: ruleCatalogue(results, options),
    indicators: indicatorCatalogue(options.locale),
    results: results.map((r) => reportResult(r, options)),
    unread: options.unread ?? [],
  };
}
