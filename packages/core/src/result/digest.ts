import type { EvaluationResult, Outcome, UnreadInput } from './model.js';

/**
 * The batch summary a bureau acts on: one row per form (what it claims, what failed), sorted so the forms that
 * need attention come first, with totals, the unit-years submitted more than once, and the rules that failed in
 * the most units. Built from small per-form briefs, so a province's worth of forms fits in memory.
 */

/** The rule whose outcome says whether a form's self-rating is supported by the findings ("自评等级有据？"). */
export const RATING_RULE = 'rating/self-rating-supported';

/** What the batch summary keeps of one checked form. */
export interface FormBrief {
  readonly source: string;
  readonly unit: string | null;
  readonly fiscalYear: number | null;
  readonly selfRating: string | null;
  readonly template?: EvaluationResult['template'];
  /** Rules run on the form, and how many of them did not apply. */
  readonly rules: number;
  readonly passed: number;
  readonly notApplicable: number;
  /** The claimed self-score beside the recomputed one (forms with a 自评表). */
  readonly scoreCheck?: EvaluationResult['scoreCheck'];
  /** Each scoring pack's total (null while undecided) of its full points, without the items. */
  readonly scores?: readonly { readonly pack: string; readonly score: number | null; readonly max: number }[];
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly indeterminate: number;
  readonly redFlags: number;
  readonly waived: number;
  /** Import diagnostics of the file (unreadable figures, ticks, left-over text). */
  readonly diagnostics: number;
  /** Outcome of {@link RATING_RULE} for this form; null when that rule did not run. */
  readonly ratingSupported: Outcome | null;
  /** Rules that failed for this form (waived failures excepted). */
  readonly failedRules: readonly string[];
}

export function formBrief(result: EvaluationResult): FormBrief {
  const s = result.summary;
  const failedRules: string[] = [];
  let ratingSupported: Outcome | null = null;
  for (const f of result.findings) {
    if (f.outcome === 'fail' && f.waiver === undefined) failedRules.push(f.ruleId);
    if (f.ruleId === RATING_RULE) ratingSupported = f.outcome;
  }
  return {
    source: result.source,
    unit: result.evaluation.unit,
    fiscalYear: result.evaluation.fiscalYear,
    selfRating: result.evaluation.selfRating,
    ...(result.template === undefined ? {} : { template: result.template }),
    rules: s.total,
    passed: s.pass,
    notApplicable: s.notApplicable,
    ...(result.scoreCheck === undefined ? {} : { scoreCheck: result.scoreCheck }),
    ...(result.scores === undefined ? {} : { scores: result.scores.map(({ pack, score, max }) => ({ pack, score, max })) }),
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    indeterminate: s.indeterminate,
    redFlags: s.redFlags,
    waived: s.waived,
    diagnostics: result.diagnostics?.length ?? 0,
    ratingSupported,
    failedRules,
  };
}

/** Column sums over the checked forms. */
export interface BatchTotals {
  readonly forms: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly indeterminate: number;
  readonly redFlags: number;
  readonly waived: number;
  readonly diagnostics: number;
  /** Forms whose self-rating is supported (rating rule passed), not supported (failed), or undecided. */
  readonly ratingSupported: { readonly yes: number; readonly no: number; readonly unknown: number };
  /** Forms with at least one error-level failure. */
  readonly formsWithErrors: number;
}

/** A unit and fiscal year found on more than one form. */
export interface DuplicateSubmission {
  readonly unit: string;
  readonly fiscalYear: number | null;
  readonly sources: readonly string[];
}

/** A rule and how many units (and forms) failed it. */
export interface RuleFailureCount {
  readonly ruleId: string;
  readonly units: number;
  readonly forms: number;
}

export interface BatchDigest {
  /** One row per checked form: those with errors first, then warnings, then other findings, then clean; by unit within. */
  readonly forms: readonly FormBrief[];
  readonly totals: BatchTotals;
  readonly duplicates: readonly DuplicateSubmission[];
  /** The rules that failed in the most units (at most {@link MOST_FAILED_LIMIT}), most units first. */
  readonly mostFailed: readonly RuleFailureCount[];
  /** Inputs that were not checked, and why (in the order given). */
  readonly unread: readonly UnreadInput[];
}

export const MOST_FAILED_LIMIT = 10;

/** 0 errors, 1 warnings, 2 anything else to look at (info, indeterminate, diagnostics), 3 clean. */
export function attentionRank(b: FormBrief): number {
  if (b.errors > 0) return 0;
  if (b.warnings > 0) return 1;
  return b.infos > 0 || b.indeterminate > 0 || b.diagnostics > 0 ? 2 : 3;
}

const collator = new Intl.Collator('zh-CN');
const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Attention rank, then unit (Chinese collation; a form without a unit name last), then year, then source. */
export function compareBriefs(a: FormBrief, b: FormBrief): number {
  return (
    attentionRank(a) - attentionRank(b) ||
    (a.unit === null ? 1 : 0) - (b.unit === null ? 1 : 0) ||
    collator.compare(a.unit ?? '', b.unit ?? '') ||
    codeUnits(a.unit ?? '', b.unit ?? '') ||
    (a.fiscalYear ?? Infinity) - (b.fiscalYear ?? Infinity) ||
    codeUnits(a.source, b.source)
  );
}

/** The batch summary of the given forms and unread inputs. */
export function digestBatch(briefs: Iterable<FormBrief>, unread: readonly UnreadInput[] = []): BatchDigest {
  const forms = [...briefs].sort(compareBriefs);
  let errors = 0, warnings = 0, infos = 0, indeterminate = 0, redFlags = 0, waived = 0, diagnostics = 0, yes = 0, no = 0, unknown = 0, formsWithErrors = 0;
  const byUnitYear = new Map<string, { unit: string; fiscalYear: number | null; sources: string[] }>();
  const failures = new Map<string, { units: Set<string>; forms: number }>();
  for (const b of forms) {
    errors += b.errors;
    warnings += b.warnings;
    infos += b.infos;
    indeterminate += b.indeterminate;
    redFlags += b.redFlags;
    waived += b.waived;
    diagnostics += b.diagnostics;
    if (b.errors > 0) formsWithErrors++;
    if (b.ratingSupported === 'pass') yes++;
    else if (b.ratingSupported === 'fail') no++;
    else if (b.ratingSupported !== null) unknown++;
    const unit = b.unit?.trim() ?? '';
    if (unit !== '') {
      const key = `${unit}\u0000${String(b.fiscalYear)}`;
      const entry = byUnitYear.get(key);
      if (entry === undefined) byUnitYear.set(key, { unit, fiscalYear: b.fiscalYear, sources: [b.source] });
      else entry.sources.push(b.source);
    }
    // A form without a unit name counts as a unit of its own.
    const unitKey = unit === '' ? `\u0000${b.source}` : unit;
    for (const id of b.failedRules) {
      const entry = failures.get(id);
      if (entry === undefined) failures.set(id, { units: new Set([unitKey]), forms: 1 });
      else {
        entry.units.add(unitKey);
        entry.forms++;
      }
    }
  }
  const duplicates = [...byUnitYear.values()]
    .filter((d) => d.sources.length > 1)
    .map((d) => ({ ...d, sources: [...d.sources].sort(codeUnits) }))
    .sort((a, b) => collator.compare(a.unit, b.unit) || codeUnits(a.unit, b.unit) || (a.fiscalYear ?? Infinity) - (b.fiscalYear ?? Infinity));
  const mostFailed = [...failures]
    .map(([ruleId, f]) => ({ ruleId, units: f.units.size, forms: f.forms }))
    .sort((a, b) => b.units - a.units || b.forms - a.forms || codeUnits(a.ruleId, b.ruleId))
    .slice(0, MOST_FAILED_LIMIT);
  return {
    forms,
    totals: { forms: forms.length, errors, warnings, infos, indeterminate, redFlags, waived, diagnostics, ratingSupported: { yes, no, unknown }, formsWithErrors },
    duplicates,
    mostFailed,
    unread,
  };
}
