import { Engine, type RuleResult } from 'json-rules-engine';
import { CORE_MESSAGES } from '../i18n/messages.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { computeIndicators, deriveFacts, indicatorFacts } from '../indicators/derive.js';
import type { Evaluation } from '../model/evaluation.js';
import { parseEvaluation } from '../model/validate.js';
import { ConfigSchema, type Config, type Pack, type Parameter, type Rule, type Severity, type TopLevelCondition } from '../pack/schema.js';
import { assertPacksValid } from '../pack/validate.js';
import { summarize, type EvaluationResult, type SourcePosition, type ExplainedCondition, type Finding, type FindingNote, type Outcome } from '../result/model.js';
import { applyParameterOverrides, paramsFact, type ResolvedParameter } from './params.js';
import { CUSTOM_OPERATORS, resolvePath } from './operators.js';
import { rawData, renderTemplate, resolveData, type MessageValue } from './messages.js';
import { orderStages } from './stages.js';

/** A rule as compiled into a checker: its pack, the severity in force and its stage. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly pack: Pack['meta'];
  readonly severity: Severity;
  readonly stage: number;
}

export interface CheckOptions {
  /** Where the evaluation came from (file path), reported as `source`. */
  readonly source?: string;
  readonly locale?: Locale;
  /** Source position of each field (from the importer), copied to the result. */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
}

type Branch = 'na' | 'req' | 'ind' | `check:${string}` | `note:${string}`;

const BRANCH_SEP = '|';

/** The facts one evaluation offers to rules. */
export type Facts = Record<string, unknown>;

function leafExplanations(tree: unknown, out: ExplainedCondition[] = []): ExplainedCondition[] {
  if (tree === null || typeof tree !== 'object') return out;
  const node = tree as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    const list = node[key];
    if (Array.isArray(list)) for (const child of list) leafExplanations(child, out);
  }
  if (node.not !== undefined) leafExplanations(node.not, out);
  if (typeof node.fact === 'string' && typeof node.operator === 'string' && typeof node.result === 'boolean') {
    const value = node.value;
    const isRef = value !== null && typeof value === 'object' && 'fact' in value;
    const ref = isRef ? (value as { fact: string; path?: string }) : undefined;
    out.push({
      fact: typeof node.path === 'string' ? `${node.fact}.${node.path}` : node.fact,
      operator: node.operator,
      expected: isRef ? (node.valueResult ?? null) : value,
      ...(ref === undefined ? {} : { expectedFact: ref.path === undefined ? ref.fact : `${ref.fact}.${ref.path}` }),
      actual: node.factResult ?? null,
      result: node.result,
    });
  }
  return out;
}

function blankRequirementCondition(refs: readonly string[]): TopLevelCondition {
  return {
    any: refs.map((ref) => {
      const [fact = '', ...rest] = ref.split('.');
      return rest.length === 0
        ? { fact, operator: 'isBlank', value: true }
        : { fact, path: rest.join('.'), operator: 'isBlank', value: true };
    }),
  };
}

function inForce(rule: Rule, fiscalYear: number | null): { from?: string; until?: string } | undefined {
  const eff = rule.effective;
  if (eff === undefined || fiscalYear === null) return undefined;
  const yearEnd = `${String(fiscalYear)}-12-31`;
  const yearStart = `${String(fiscalYear)}-01-01`;
  if (eff.from !== undefined && eff.from > yearEnd) return { from: eff.from };
  if (eff.until !== undefined && eff.until < yearStart) return { until: eff.until };
  return undefined;
}

/**
 * A set of packs compiled once into reusable json-rules-engine engines (one per stage; rules that read other
 * rules' outcomes run in a later stage). `check` evaluates one evaluation; nothing is rebuilt per call.
 */
export class Checker {
  readonly rules: readonly CompiledRule[];
  readonly parameters: ReadonlyMap<string, ResolvedParameter>;
  private readonly stages: Engine[];
  private readonly ruleEngines = new Map<string, Engine>();
  private readonly paramsByYear = new Map<number | null, Record<string, Record<string, unknown>>>();

  constructor(packs: readonly Pack[], config: Config = {}) {
    assertPacksValid(packs);
    const settings = ConfigSchema.parse(config);
    const selected: { rule: Rule; pack: Pack['meta']; severity: Severity }[] = [];
    const params = new Map<string, Parameter>();
    for (const pack of packs) {
      for (const rule of pack.rules) {
        const setting = settings.rules?.[rule.id];
        const level = typeof setting === 'object' ? setting.severity : setting;
        if (level === 'off') continue;
        selected.push({ rule, pack: pack.meta, severity: level ?? rule.severity });
        for (const p of rule.parameters ?? []) params.set(`${pack.meta.name}.${p.name}`, p);
      }
    }
    this.parameters = applyParameterOverrides(params, settings.parameters);
    const stageOf = orderStages(selected.map((s) => s.rule));
    this.rules = selected.map((s) => ({ ...s, stage: stageOf.get(s.rule.id) ?? 0 }));
    const stageCount = Math.max(0, ...this.rules.map((r) => r.stage + 1));
    this.stages = Array.from({ length: stageCount }, (_, i) => this.buildEngine(this.rules.filter((r) => r.stage === i)));
  }

  private buildEngine(rules: readonly CompiledRule[]): Engine {
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
    for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
    for (const { rule } of rules) {
      const add = (branch: Branch, conditions: TopLevelCondition) => {
        engine.addRule({ name: `${rule.id}${BRANCH_SEP}${branch}`, conditions, event: { type: rule.id, params: { branch } } });
      };
      if (rule.notApplicableWhen) add('na', rule.notApplicableWhen.when);
      if (rule.requires && rule.requires.length > 0) add('req', blankRequirementCondition(rule.requires));
      if (rule.indeterminateWhen) add('ind', rule.indeterminateWhen.when);
      for (const c of rule.checks) add(`check:${c.id}`, c.when);
      for (const n of rule.notes ?? []) add(`note:${n.id}`, n.when);
    }
    return engine;
  }

  /** Facts for one evaluation (without `findings`): the form's groups, `derived`, `indicators`, `params`. */
  facts(evaluation: Evaluation): Facts {
    const { $schema: _s, modelVersion: _m, answerResolution: _a, ...form } = evaluation;
    let params = this.paramsByYear.get(evaluation.fiscalYear);
    if (params === undefined) {
      params = paramsFact(this.parameters, evaluation.fiscalYear);
      this.paramsByYear.set(evaluation.fiscalYear, params);
    }
    return { ...form, derived: deriveFacts(evaluation), indicators: indicatorFacts(evaluation), params };
  }

  /** Validate `input` against the model, then check it. Throws EvaluationValidationError when invalid. */
  async check(input: unknown, options: CheckOptions = {}): Promise<EvaluationResult> {
    const evaluation = parseEvaluation(input);
    return this.checkEvaluation(evaluation, options);
  }

  /** Check an evaluation that is already valid. */
  async checkEvaluation(evaluation: Evaluation, options: CheckOptions = {}): Promise<EvaluationResult> {
    const locale = options.locale ?? DEFAULT_LOCALE;
    const facts = this.facts(evaluation);
    const findings: Finding[] = [];
    const byId = new Map<string, Finding>();
    for (let stage = 0; stage < this.stages.length; stage++) {
      const rules = this.rules.filter((r) => r.stage === stage);
      const stageFacts = stage === 0 ? facts : { ...facts, findings: findingsFact(this.rules, byId) };
      const results = await this.runStage(stage, rules, stageFacts);
      for (const compiled of rules) {
        const finding = this.decide(compiled, evaluation, stageFacts, results, locale);
        byId.set(compiled.rule.id, finding);
      }
    }
    for (const r of this.rules) {
      const f = byId.get(r.rule.id);
      if (f) findings.push(f);
    }
    return {
      source: options.source ?? '(memory)',
      evaluation: { unit: evaluation.unit.name, fiscalYear: evaluation.fiscalYear, selfRating: evaluation.selfRating.grade },
      findings,
      indicators: computeIndicators(evaluation, locale),
      summary: summarize(findings),
      ...(options.positions === undefined ? {} : { positions: options.positions }),
    };
  }

  /** Run one stage; if the shared engine throws, run its rules one by one so only the faulty rule is lost. */
  private async runStage(stage: number, rules: readonly CompiledRule[], facts: Facts): Promise<Map<string, RuleResult | Error>> {
    const out = new Map<string, RuleResult | Error>();
    const collect = (res: { results: RuleResult[]; failureResults: RuleResult[] }) => {
      for (const r of [...res.results, ...res.failureResults]) out.set(String(r.name), r);
    };
    const engine = this.stages[stage];
    if (engine === undefined) return out;
    try {
      collect(await engine.run(facts));
      return out;
    } catch {
      for (const compiled of rules) {
        let single = this.ruleEngines.get(compiled.rule.id);
        if (single === undefined) {
          single = this.buildEngine([compiled]);
          this.ruleEngines.set(compiled.rule.id, single);
        }
        try {
          collect(await single.run(facts));
        } catch (error) {
          out.set(`${compiled.rule.id}${BRANCH_SEP}error`, error instanceof Error ? error : new Error(String(error)));
        }
      }
      return out;
    }
  }

  private decide(
    compiled: CompiledRule,
    evaluation: Evaluation,
    facts: Facts,
    results: ReadonlyMap<string, RuleResult | Error>,
    locale: Locale,
  ): Finding {
    const { rule, pack } = compiled;
    const data = resolveData(rule.data, facts);
    const observed: Record<string, unknown> = {};
    for (const p of rule.paths) observed[p] = resolvePath(facts, p) ?? null;
    const base = {
      ruleId: rule.id,
      pack: pack.name,
      title: rule.title[locale],
      severity: compiled.severity,
      redFlag: rule.redFlag === true,
      paths: rule.paths,
      observed,
      basis: rule.basis,
    };
    const make = (outcome: Outcome, messageId: string, template: string, values: Record<string, MessageValue>, extra: Partial<Finding> = {}): Finding => ({
      ...base,
      outcome,
      messageId: `${rule.id}#${messageId}`,
      message: renderTemplate(template, values, locale),
      data: rawData(values),
      ...extra,
    });
    const m = CORE_MESSAGES[locale];

    const error = results.get(`${rule.id}${BRANCH_SEP}error`);
    if (error instanceof Error) {
      return make('indeterminate', 'internal-error', m.internalError, { error: { value: error.message } }, { internalError: error.message });
    }
    const notInForce = inForce(rule, evaluation.fiscalYear);
    if (notInForce) {
      const values = { from: { value: notInForce.from ?? null }, until: { value: notInForce.until ?? null }, fiscalYear: { value: evaluation.fiscalYear } };
      return make('not-applicable', notInForce.from ? 'not-in-force' : 'no-longer-in-force', notInForce.from ? m.notInForce : m.noLongerInForce, values);
    }
    const hit = (branch: Branch): RuleResult | undefined => {
      const r = results.get(`${rule.id}${BRANCH_SEP}${branch}`);
      return r instanceof Error || r?.result !== true ? undefined : r;
    };
    const explain = (r: RuleResult) => leafExplanations(r.toJSON(false).conditions);
    const notes: FindingNote[] = [];
    for (const n of rule.notes ?? []) {
      if (hit(`note:${n.id}`)) notes.push({ messageId: `${rule.id}#${n.id}`, message: renderTemplate(n.message[locale], data, locale), data: rawData(data) });
    }
    const withNotes = notes.length > 0 ? { notes } : {};

    if (rule.notApplicableWhen && hit('na')) return make('not-applicable', 'not-applicable', rule.notApplicableWhen.message[locale], data, withNotes);
    const req = hit('req');
    if (req) {
      const blanks = (rule.requires ?? []).filter((ref) => {
        const v = resolvePath(facts, ref);
        return v === null || v === undefined || v === '';
      });
      return make('indeterminate', 'blank', m.blankFields, { ...data, fields: { value: blanks, format: 'fields' } }, { explanation: explain(req).filter((c) => c.result), ...withNotes });
    }
    const ind = rule.indeterminateWhen ? hit('ind') : undefined;
    if (rule.indeterminateWhen && ind) {
      return make('indeterminate', 'indeterminate', rule.indeterminateWhen.message[locale], data, { explanation: explain(ind), ...withNotes });
    }
    for (const c of rule.checks) {
      const r = hit(`check:${c.id}`);
      if (r) {
        // A failure mode's own severity applies unless the config set the rule's severity.
        const configured = compiled.severity !== rule.severity;
        const severity = configured ? compiled.severity : (c.severity ?? compiled.severity);
        return make('fail', c.id, c.message[locale], data, { severity, explanation: explain(r), ...withNotes });
      }
    }
    return make('pass', 'pass', rule.pass[locale], data, withNotes);
  }
}

/** What later-stage rules see of earlier outcomes (the `findings` fact). */
function findingsFact(rules: readonly CompiledRule[], byId: ReadonlyMap<string, Finding>) {
  const outcomes: Record<string, Outcome> = {};
  const failedRules: string[] = [];
  const redFlags: string[] = [];
  const errorFailures: string[] = [];
  for (const r of rules) {
    const f = byId.get(r.rule.id);
    if (!f) continue;
    outcomes[r.rule.id] = f.outcome;
    if (f.outcome !== 'fail') continue;
    failedRules.push(r.rule.id);
    if (f.severity === 'error') errorFailures.push(r.rule.id);
    if (f.redFlag) redFlags.push(r.rule.id);
  }
  return {
    outcomes,
    failedRules,
    errorFailures,
    errorFailureCount: errorFailures.length,
    redFlags,
    redFlagCount: redFlags.length,
  };
}

/** Compile packs (with an optional config) into a reusable checker. */
export function createChecker(packs: readonly Pack[], config?: Config): Checker {
  return new Checker(packs, config);
}
