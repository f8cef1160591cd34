import { DEFAULT_LOCALE, type Locale, type LocalizedText } from '../i18n/locale.js';
import { summarize, type EvaluationResult, type Finding } from '../result/model.js';
import type { Waiver } from './waivers.js';

/**
 * Waivers applied to findings: a failing finding of a waived rule, for the waiver's unit (and year), gets a
 * `waiver` and counts as waived, not as a failure; an expired waiver waives nothing and is itself a warning
 * (`waiver/expired`); a waiver that waived nothing is reported as unused. The checker applies them as each rule is
 * decided ({@link CheckWaivers}, so that the self-rating check does not count a waived failure); {@link applyWaivers}
 * applies them to results checked without them. Both decide with the functions below.
 */

/** A waiver with where it sits (file and index), as reported. */
export interface WaiverRef {
  readonly waiver: Waiver;
  readonly source: string;
  readonly index: number;
}

/** Waivers given to the checker (`CheckOptions.waivers`): applied as each rule is decided. */
export interface CheckWaivers {
  readonly refs: readonly WaiverRef[];
  /** The day of the check (YYYY-MM-DD), against which expiry is judged: injected, never read from a clock here. */
  readonly today: string;
}

export interface WaiverReport {
  /** Waivers that waived at least one failure, with how many. */
  readonly applied: readonly (WaiverRef & { readonly count: number })[];
  /** Waivers past their expiry date (they waive nothing). */
  readonly expired: readonly WaiverRef[];
  /** Valid waivers that waived nothing, and why. */
  readonly unused: readonly (WaiverRef & { readonly why: LocalizedText })[];
}

export interface ApplyWaiversOptions {
  /** The date expiry is judged against (YYYY-MM-DD): injected, never read from a clock here. */
  readonly today: string;
  readonly locale?: Locale;
}

/** The form a waiver is matched against: its unit as written and its fiscal year. */
interface FormOf {
  readonly unit: string | null | undefined;
  readonly fiscalYear: number | null;
}

const EXPIRED_RULE = 'waiver/expired';

function assertDay(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
}

const isExpired = (w: Waiver, today: string) => w.expires < today;

function matches(w: Waiver, form: FormOf): boolean {
  return form.unit?.trim() === w.unit && (w.year === undefined || w.year === form.fiscalYear);
}

/** The waiver that takes a finding of this form: the first one for its rule, unit and year still valid today. */
function waiverOf(refs: readonly WaiverRef[], f: Finding, form: FormOf, today: string): WaiverRef | undefined {
  if (f.outcome !== 'fail') return undefined;
  return refs.find((x) => x.waiver.rule === f.ruleId && !isExpired(x.waiver, today) && matches(x.waiver, form));
}

function waived(f: Finding, ref: WaiverRef): Finding {
  const { reason, approver, expires } = ref.waiver;
  return { ...f, waiver: { reason, approver, expires, source: ref.source } };
}

/**
 * How the checker waives each finding of one form as it is decided (undefined when no waiver concerns the form's
 * unit): a failure a valid waiver covers gets its `waiver`; anything else stands.
 */
export function waiverAdjuster(waivers: CheckWaivers, form: FormOf): ((f: Finding) => Finding) | undefined {
  assertDay(waivers.today);
  const refs = waivers.refs.filter((r) => matches(r.waiver, form) && !isExpired(r.waiver, waivers.today));
  if (refs.length === 0) return undefined;
  return (f) => {
    if (f.waiver !== undefined) return f;
    const ref = waiverOf(refs, f, form, waivers.today);
    return ref === undefined ? f : waived(f, ref);
  };
}

function expiredFinding(ref: WaiverRef, locale: Locale): Finding {
  const { waiver: w } = ref;
  const message: LocalizedText = {
    'zh-CN': `规则 ${w.rule} 对本单位的豁免（批准人 ${w.approver}）已于 ${w.expires} 到期，该规则照常计入`,
    en: `The waiver of ${w.rule} for this unit (approved by ${w.approver}) expired on ${w.expires}; the rule counts as usual`,
  };
  return {
    ruleId: EXPIRED_RULE,
    pack: 'waiver',
    title: locale === 'zh-CN' ? '豁免已过期' : 'Waiver expired',
    outcome: 'fail',
    severity: 'warning',
    redFlag: false,
    messageId: `${EXPIRED_RULE}#expired`,
    message: message[locale],
    data: { rule: w.rule, expires: w.expires, approver: w.approver, reason: w.reason, source: ref.source, index: ref.index },
    paths: [],
    observed: {},
    basis: [{ instrument: locale === 'zh-CN' ? `豁免文件 ${ref.source}` : `waiver file ${ref.source}` }],
  };
}

/** The `waiver/expired` warnings of one form: a waiver of its unit past its expiry, for a rule that ran on it. */
export function expiredWaiverFindings(waivers: CheckWaivers, form: FormOf, findings: readonly Finding[], locale: Locale): Finding[] {
  const out: Finding[] = [];
  for (const ref of waivers.refs) {
    if (isExpired(ref.waiver, waivers.today) && matches(ref.waiver, form) && findings.some((f) => f.ruleId === ref.waiver.rule)) out.push(expiredFinding(ref, locale));
  }
  return out;
}

/** What became of each waiver over a run's results (checked with the waivers, or given them by {@link applyWaivers}). */
export function waiverReport(results: readonly EvaluationResult[], refs: readonly WaiverRef[], today: string): WaiverReport {
  assertDay(today);
  const counts = new Map<WaiverRef, number>();
  for (const r of results) {
    const form = r.evaluation;
    for (const f of r.findings) {
      if (f.waiver === undefined) continue;
      const ref = waiverOf(refs, f, form, today);
      if (ref !== undefined && ref.source === f.waiver.source) counts.set(ref, (counts.get(ref) ?? 0) + 1);
    }
  }
  const why = (ref: WaiverRef): LocalizedText => {
    const w = ref.waiver;
    const forUnit = results.filter((r) => matches(w, r.evaluation));
    if (forUnit.length === 0) {
      return {
        'zh-CN': `没有检查 ${w.unit}${w.year === undefined ? '' : ` ${String(w.year)} 年度`}的自评表`,
        en: `no form of ${w.unit}${w.year === undefined ? '' : ` for ${String(w.year)}`} was checked`,
      };
    }
    if (!forUnit.some((r) => r.findings.some((f) => f.ruleId === w.rule))) return { 'zh-CN': `规则 ${w.rule} 未加载`, en: `rule ${w.rule} is not loaded` };
    return { 'zh-CN': `规则 ${w.rule} 对该单位未判为不通过`, en: `rule ${w.rule} did not fail for this unit` };
  };
  return {
    applied: refs.filter((w) => counts.has(w)).map((w) => ({ ...w, count: counts.get(w) ?? 0 })),
    expired: refs.filter((w) => isExpired(w.waiver, today)),
    unused: refs.filter((w) => !isExpired(w.waiver, today) && !counts.has(w)).map((w) => ({ ...w, why: why(w) })),
  };
}

/**
 * Apply waivers to results checked without them: failures they cover are waived, expired ones add their warning,
 * summaries are recomputed. The self-rating check of those results already ran and still counts the failures
 * waived here: give the waivers to the checker instead (`CheckOptions.waivers`) wherever the forms are checked.
 */
export function applyWaivers(
  results: readonly EvaluationResult[],
  waivers: readonly WaiverRef[],
  options: ApplyWaiversOptions,
): { results: EvaluationResult[]; report: WaiverReport } {
  assertDay(options.today);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const given: CheckWaivers = { refs: waivers, today: options.today };
  const out = results.map((r) => {
    const waive = waiverAdjuster(given, r.evaluation);
    const findings = waive === undefined ? [...r.findings] : r.findings.map(waive);
    findings.push(...expiredWaiverFindings(given, r.evaluation, r.findings, locale));
    return { ...r, findings, summary: summarize(findings) };
  });
  return { results: out, report: waiverReport(out, waivers, options.today) };
}
