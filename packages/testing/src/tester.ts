import { describe, expect, it } from 'vitest';
import { checkCrossForm, createChecker, parseEvaluation, type Checker, type Config, type Evaluation, type Finding, type Locale, type Outcome, type Pack, type Severity } from '@jixiao/core';
import { baseEvaluation } from './arbitraries.js';

/** A value patched at any depth: objects merge (every key optional), everything else (null, lists) replaces. */
type Patch<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: Patch<T[K]> } : T;

/** A partial evaluation merged onto a base: objects merge, everything else (null, arrays) replaces. */
export type EvaluationPatch = Patch<Evaluation>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep-merge a patch onto an evaluation (without touching either). */
export function patchEvaluation(base: Evaluation, patch: EvaluationPatch): Evaluation {
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isPlainObject(a) || !isPlainObject(b)) return b;
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
    return out;
  };
  return parseEvaluation(merge(base, patch));
}

/** One example case for a rule. */
export interface RuleCase {
  /** Unique within the rule's cases. */
  readonly name: string;
  /** Merged onto the all-pass base evaluation (or onto `evaluation`). */
  readonly patch?: EvaluationPatch;
  readonly evaluation?: Evaluation;
  /** Required: the outcome this case must produce. */
  readonly outcome: Outcome;
  /** For `fail`: which failure mode (check id) must fire. */
  readonly check?: string;
  readonly severity?: Severity;
  /** The rendered message must contain this text (or match this pattern). */
  readonly message?: string | RegExp;
  readonly locale?: Locale;
  /**
   * For a rule that requires `history.previous`: the same unit's form for the year before, as a patch onto the
   * all-pass base evaluation (its fiscal year is the case's minus one unless the patch says otherwise). Absent:
   * no previous form is given.
   */
  readonly previous?: EvaluationPatch;
  /** For a `batch` rule: the other forms of the run, as patches onto the all-pass base evaluation. */
  readonly batch?: readonly EvaluationPatch[];
}

/** The forms a cross-form case gives: the previous-year form and the rest of the batch. */
export interface CrossFormCase {
  /** The same unit's form for the previous year (`history.previous`); given for history only, never checked. */
  readonly previous?: Evaluation;
  /** The other forms of the run (a `batch` rule sees them; they are checked too, their findings dropped). */
  readonly batch?: readonly Evaluation[];
}

/** The source name the rule tester gives the form under test in a cross-form run. */
export const CASE_SOURCE = 'case';

/**
 * One rule's finding on `evaluation`: a form rule checked on its own, a history or batch rule by the cross-form
 * pass over the form, its previous-year form and the batch (the same code the CLI runs).
 */
async function checkedFinding(checker: Checker, ruleId: string, evaluation: Evaluation, forms: CrossFormCase, locale: Locale): Promise<Finding> {
  const compiled = checker.rules.find((r) => r.rule.id === ruleId);
  let finding: Finding | undefined;
  if (compiled !== undefined && compiled.scope !== 'form') {
    const run = checkCrossForm(
      checker,
      [
        { evaluation, source: CASE_SOURCE },
        ...(forms.previous === undefined ? [] : [{ evaluation: forms.previous, source: `${CASE_SOURCE}.previous`, context: true }]),
        ...(forms.batch ?? []).map((e, i) => ({ evaluation: e, source: `${CASE_SOURCE}.batch.${String(i + 1)}` })),
      ],
      { locale, keepNotApplicable: true },
    );
    finding = run.findings.find((f) => f.ruleId === ruleId && f.source === CASE_SOURCE);
  } else {
    const result = await checker.checkEvaluation(evaluation, { locale });
    finding = result.findings.find((f) => f.ruleId === ruleId);
  }
  if (!finding) throw new Error(`rule ${ruleId} produced no finding`);
  return finding;
}

/** A previous-year form for a case: the base evaluation patched, one year before `current` unless the patch says. */
export function previousForm(current: Evaluation, patch: EvaluationPatch): Evaluation {
  const year = current.fiscalYear === null ? null : current.fiscalYear - 1;
  return patchEvaluation({ ...baseEvaluation(), fiscalYear: year, unit: current.unit }, patch);
}

export interface RuleTesterOptions {
  /** Other packs whose rules run too (for rules that read other outcomes via `after`); not asserted. */
  readonly context?: readonly Pack[];
  readonly config?: Config;
}

/**
 * Run one rule (and only that rule, plus declared context) on an evaluation and return its finding.
 */
export async function runRule(pack: Pack, ruleId: string, evaluation: Evaluation, options: RuleTesterOptions & { locale?: Locale } & CrossFormCase = {}): Promise<Finding> {
  const rule = pack.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`pack ${pack.meta.name} has no rule ${ruleId}`);
  const packs = [{ ...pack, rules: [rule] }, ...(options.context ?? []).map((p) => ({ ...p, rules: p.rules.filter((r) => r.id !== ruleId) }))];
  const checker = createChecker(packs, options.config);
  return checkedFinding(checker, ruleId, evaluation, options, options.locale ?? 'zh-CN');
}

/** Checker cache so property tests do not rebuild engines per run. */
const checkers = new WeakMap<Pack, Map<string, ReturnType<typeof createChecker>>>();

/** Like {@link runRule} but reuses one compiled checker per (pack, rule): for fast-check properties. */
export async function ruleFinding(pack: Pack, ruleId: string, evaluation: Evaluation, options: RuleTesterOptions & CrossFormCase & { locale?: Locale } = {}): Promise<Finding> {
  let byRule = checkers.get(pack);
  if (!byRule) {
    byRule = new Map();
    checkers.set(pack, byRule);
  }
  const key = `${ruleId}|${(options.context ?? []).map((p) => p.meta.name).join(',')}|${JSON.stringify(options.config ?? {})}`;
  let checker = byRule.get(key);
  if (!checker) {
    const rule = pack.rules.find((r) => r.id === ruleId);
    if (!rule) throw new Error(`pack ${pack.meta.name} has no rule ${ruleId}`);
    checker = createChecker([{ ...pack, rules: [rule] }, ...(options.context ?? []).map((p) => ({ ...p, rules: p.rules.filter((r) => r.id !== ruleId) }))], options.config);
    byRule.set(key, checker);
  }
  return checkedFinding(checker, ruleId, evaluation, options, options.locale ?? 'zh-CN');
}

/**
 * A strict rule tester (after ESLint's): every case states its expected outcome, a failing case names its
 * failure mode, duplicate cases are rejected, and only the rule under test runs. Registers vitest tests.
 */
export function testRule(pack: Pack, ruleId: string, cases: readonly RuleCase[], options: RuleTesterOptions = {}): void {
  const names = new Set<string>();
  const inputs = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`${ruleId}: duplicate case name "${c.name}"`);
    names.add(c.name);
    const key = JSON.stringify([c.patch ?? null, c.evaluation ?? null, c.locale ?? null, c.previous ?? null, c.batch ?? null]);
    if (inputs.has(key)) throw new Error(`${ruleId}: case "${c.name}" repeats the input of another case`);
    inputs.add(key);
    if (c.outcome === 'fail' && c.check === undefined) throw new Error(`${ruleId}: failing case "${c.name}" must name the expected check`);
  }
  describe(ruleId, () => {
    for (const c of cases) {
      it(`${c.outcome}: ${c.name}`, async () => {
        const evaluation = patchEvaluation(c.evaluation ?? baseEvaluation(), c.patch ?? {});
        const forms: CrossFormCase = {
          ...(c.previous === undefined ? {} : { previous: previousForm(evaluation, c.previous) }),
          ...(c.batch === undefined ? {} : { batch: c.batch.map((p) => patchEvaluation(baseEvaluation(), p)) }),
        };
        const finding = await runRule(pack, ruleId, evaluation, { ...options, ...forms, locale: c.locale ?? 'zh-CN' });
        expect(finding.outcome, finding.message).toBe(c.outcome);
        if (c.check !== undefined) expect(finding.messageId).toBe(`${ruleId}#${c.check}`);
        if (c.severity !== undefined) expect(finding.severity).toBe(c.severity);
        if (typeof c.message === 'string') expect(finding.message).toContain(c.message);
        else if (c.message instanceof RegExp) expect(finding.message).toMatch(c.message);
        expect(finding.message, 'unfilled placeholder').not.toMatch(/\{\w+\}/);
      });
    }
  });
}
