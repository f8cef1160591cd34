import * as z from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { MAX_JSON_DEPTH, nestingTooDeepAt, tooDeepIssue } from '../pack/json.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { IsoDateSchema } from '../model/evaluation.js';
import { positionOf, type LintIssue } from '../pack/lint.js';
import { summarize, type EvaluationResult, type Finding } from '../result/model.js';

/**
 * Waivers: a reviewer accepts a rule's failure for one unit (and optionally one fiscal year), with a reason,
 * an approver and an expiry date. A waived failure is counted as waived, not as a failure; an expired waiver
 * no longer waives and is itself a warning; a waiver that waived nothing is reported as unused.
 */

export const WaiverSchema = z.strictObject({
  rule: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: '规则 id 应为 pack/rule-name / rule id must be pack/rule-name' })
    .meta({ description: 'Rule id waived, e.g. staffing/within-quota' }),
  unit: z.string().trim().min(1).meta({ description: '单位名称, exactly as on the form (unit.name)' }),
  year: z.number().int().min(1949).max(2200).optional().meta({ description: 'Fiscal year; without it the waiver covers every year' }),
  reason: z.string().trim().min(1).meta({ description: '豁免理由 (reason)' }),
  approver: z.string().trim().min(1).meta({ description: '批准人 (who approved the waiver)' }),
  expires: IsoDateSchema.meta({ description: 'Last day the waiver is valid (YYYY-MM-DD, inclusive)' }),
  granted: IsoDateSchema.optional().meta({ description: 'Day the waiver was granted' }),
  reference: z.string().optional().meta({ description: '文号 or ticket of the approval' }),
});
export type Waiver = z.infer<typeof WaiverSchema>;

export const WaiverFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    waivers: z.array(WaiverSchema),
  })
  .meta({ title: 'jixiao waiver file', description: 'Rule failures a reviewer waived for a unit (and year), with reason, approver and expiry.' });
export type WaiverFile = z.infer<typeof WaiverFileSchema>;

/** Parse a waiver file (JSON or YAML text); issues carry the file, line and path. */
export function parseWaiverFile(text: string, file: string): { ok: true; value: WaiverFile } | { ok: false; issues: LintIssue[] } {
  const deep = nestingTooDeepAt(text, MAX_JSON_DEPTH, { strings: false });
  if (deep !== undefined) {
    const issue = tooDeepIssue(text, deep, MAX_JSON_DEPTH);
    return { ok: false, issues: [{ level: 'error', code: issue.code, file, line: issue.line, column: issue.column, path: '', message: issue.message }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        level: 'error' as const,
        code: 'yaml',
        file,
        ...(({ line, col }) => ({ line, column: col }))(lineCounter.linePos(e.pos[0])),
        path: '',
        message: { 'zh-CN': `无法解析：${e.message}`, en: `cannot parse: ${e.message}` },
      })),
    };
  }
  const parsed = WaiverFileSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  // One issue per path (a bad date fails both the format and the calendar check).
  const seen = new Set<string>();
  const firstPerPath = parsed.error.issues.filter((i) => {
    const key = i.path.map(String).join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    ok: false,
    issues: firstPerPath.map((i) => {
      const pos = positionOf(text, i.path.filter((p): p is string | number => typeof p !== 'symbol'));
      const [zh, en] = i.message.split(' / ');
      return {
        level: 'error' as const,
        code: 'schema',
        file,
        ...(pos ?? {}),
        path: i.path.map(String).join('.'),
        message: { 'zh-CN': zh ?? i.message, en: en ?? i.message },
      };
    }),
  };
}

/** A waiver with where it sits (file and index), as reported. */
export interface WaiverRef {
  readonly waiver: Waiver;
  readonly source: string;
  readonly index: number;
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

const EXPIRED_RULE = 'waiver/expired';

function matches(w: Waiver, r: EvaluationResult): boolean {
  return r.evaluation.unit?.trim() === w.unit && (w.year === undefined || w.year === r.evaluation.fiscalYear);
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

/**
 * Apply waivers to check results: a failing finding of a waived rule for the waiver's unit (and year) gets a
 * `waiver` and counts as waived; an expired matching waiver adds a `waiver/expired` warning instead. Returns
 * new results (summaries recomputed) and a report of applied, expired and unused waivers.
 */
export function applyWaivers(
  results: readonly EvaluationResult[],
  waivers: readonly WaiverRef[],
  options: ApplyWaiversOptions,
): { results: EvaluationResult[]; report: WaiverReport } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);
  const locale = options.locale ?? 'zh-CN';
  const isExpired = (w: Waiver) => w.expires < options.today;
  const counts = new Map<WaiverRef, number>();
  const out = results.map((r) => {
    const findings: Finding[] = r.findings.map((f) => {
      if (f.outcome !== 'fail' || f.waiver !== undefined) return f;
      const ref = waivers.find((x) => x.waiver.rule === f.ruleId && !isExpired(x.waiver) && matches(x.waiver, r));
      if (!ref) return f;
      counts.set(ref, (counts.get(ref) ?? 0) + 1);
      const { reason, approver, expires } = ref.waiver;
      return { ...f, waiver: { reason, approver, expires, source: ref.source } };
    });
    for (const ref of waivers) {
      if (isExpired(ref.waiver) && matches(ref.waiver, r) && r.findings.some((f) => f.ruleId === ref.waiver.rule)) findings.push(expiredFinding(ref, locale));
    }
    return { ...r, findings, summary: summarize(findings) };
  });
  const why = (ref: WaiverRef): LocalizedText => {
    const w = ref.waiver;
    const forUnit = results.filter((r) => matches(w, r));
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
    results: out,
    report: {
      applied: waivers.filter((w) => counts.has(w)).map((w) => ({ ...w, count: counts.get(w) ?? 0 })),
      expired: waivers.filter((w) => isExpired(w.waiver)),
      unused: waivers.filter((w) => !isExpired(w.waiver) && !counts.has(w)).map((w) => ({ ...w, why: why(w) })),
    },
  };
}

/** Waivers of a parsed file, with their source and index. */
export function waiverRefs(file: WaiverFile, source: string): WaiverRef[] {
  return file.waivers.map((waiver, index) => ({ waiver, source, index }));
}
