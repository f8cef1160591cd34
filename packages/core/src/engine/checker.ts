import { Engine } from 'json-rules-engine';
import { findingAdjuster } from './coverage.js';
import { findingsFact } from './findings-fact.js';
import { expiredWaiverFindings, waiverAdjuster, type CheckWaivers } from '../waivers/apply.js';
import { CORE_MESSAGES } from '../i18n/messages.js';
import { DEFAULT_LOCALE, type Locale, type LocalizedText } from '../i18n/locale.js';
import { computeIndicators, deriveFacts, indicatorFacts, type DerivedFacts, type ParamValues } from '../indicators/derive.js';
import { scoreCheck } from '../indicators/score-check.js';
import { EvaluationSchema, type Evaluation } from '../model/evaluation.js';
import { parseEvaluation } from '../model/validate.js';
import { ConfigSchema, type Config, type NestedCondition, type Pack, type Parameter, type Rule, type Severity, type TopLevelCondition } from '../pack/schema.js';
import { assertPacksValid } from '../pack/validate.js';
import { findingLocation } from '../result/report.js';
import { packScores, type ScoredRule } from '../result/score.js';
import { summarize, type EvaluationResult, type SourcePosition, type ExplainedCondition, type Finding, type FindingNote, type Outcome } from '../result/model.js';
import { applyParameterOverrides, paramsFact, type ResolvedParameter } from './params.js';
import { CUSTOM_OPERATORS, resolvePath, type OperatorFn } from './operators.js';
import { compileCondition, FactReads, referenceOperators, type CompiledCondition, type FactValues } from './compiled.js';
import { compileData, compileTemplate, rawData, renderTemplate, type CompiledTemplate, type DataProgram, type RuleTitles } from './messages.js';
import { orderStages } from './stages.js';
import { contextRequirements, ruleScope, type RuleScope } from './scope.js';

/** A rule as compiled into a checker: its pack, the severity in force, its stage and where it runs. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly pack: Pack['meta'];
  readonly severity: Severity;
  readonly stage: number;
  /**
   * `form`: checked with each form on its own; `history` (requires `history.previous`) and `batch` (scope batch):
   * cross-form rules, checked once every form of the run is known (see `cross-form.ts`).
   */
  readonly scope: RuleScope;
}

export interface CheckOptions {
  /** Where the evaluation came from (file path), reported as `source`. */
  readonly source?: string;
  readonly locale?: Locale;
  /** Source position of each field (from the importer), copied to the result. */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
  /**
   * Fields the submitted form's template has no place for (from the importer): a rule that reads only these is
   * not applicable, a failure decided only by them indeterminate (see `findingAdjuster`).
   */
  readonly fieldsNotOnForm?: readonly string[];
  /**
   * Fields whose value was written but could not be read (from the importer): path → the text as written. A
   * failure or undecided outcome of a rule that reads one is indeterminate and quotes it (see `findingAdjuster`).
   */
  readonly unreadable?: Readonly<Record<string, string>>;
  /**
   * Waivers (a waiver file's refs) and the day of the check: a failure a valid waiver covers is waived as its rule
   * is decided, so later rules (the self-rating check) do not count it; an expired waiver of the form's unit adds its
   * `waiver/expired` warning. Without them, nothing is waived.
   */
  readonly waivers?: CheckWaivers;
}

/** How a checker is built, beyond packs and config (for embedders). */
export interface CheckerOptions {
  /**
   * Extra operators (name → `(factValue, value) => boolean`) that rules may use besides the built-in and
   * jixiao ones. An operator that throws makes that rule an internal error for that form; the rest still run.
   */
  readonly operators?: Readonly<Record<string, OperatorFn>>;
}

type Branch = 'na' | 'req' | 'ind' | `check:${string}` | `note:${string}`;

/**
 * What the cross-form pass gives a cross-form rule besides the form's own facts: the `history` fact (the same
 * unit's previous-year form) and the `batch` fact (the form among the others of the run). A rule that requires
 * one of them is not applicable without it, with the reason given here.
 */
export interface CrossFormContext {
  /** `{ previous, change }`, or null when there is no previous-year form (see `historyMissing`). */
  readonly history: Readonly<Record<string, unknown>> | null;
  /** Why there is no previous-year form (none in the run, or several), for the not-applicable message. */
  readonly historyMissing?: LocalizedText;
  /** The batch facts of this form, or null when the run has a single form. */
  readonly batch: Readonly<Record<string, unknown>> | null;
}

const BRANCH_SEP = '|';

/** Top-level keys of the model offered as facts (everything but the editor and provenance keys). */
const FORM_FACTS: readonly string[] = Object.keys(EvaluationSchema.shape).filter((k) => k !== '$schema' && k !== 'modelVersion' && k !== 'answerResolution');

/** The groups every valid form has (the optional sections of model v2, such as the 自评表, come after them). */
const REQUIRED_FORM_FACTS: readonly string[] = FORM_FACTS.filter((k) => EvaluationSchema.shape[k as keyof typeof EvaluationSchema.shape].def.type !== 'optional');
const OPTIONAL_FORM_FACTS: readonly string[] = FORM_FACTS.filter((k) => !REQUIRED_FORM_FACTS.includes(k));

/** Every key of a form's facts, in their order, each null: what {@link Checker.facts} fills (a plain object). */
const FACTS_TEMPLATE: Readonly<Record<string, unknown>> = Object.fromEntries([...REQUIRED_FORM_FACTS, 'derived', 'indicators', 'params'].map((k) => [k, null]));

/** The facts one evaluation offers to rules. */
export type Facts = Record<string, unknown>;

/** The leaf conditions of a json-rules-engine result tree, depth-first, as a finding explains them. */
export function leafExplanations(tree: unknown, out: ExplainedCondition[] = []): ExplainedCondition[] {
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

/** One branch of a rule (guard, requirement, failure mode or note) with its condition, compiled. */
interface BranchProgram {
  readonly branch: Branch;
  readonly source: TopLevelCondition;
  readonly condition: CompiledCondition;
}

/** Everything about one rule that does not depend on the form, prepared once when the checker is built. */
interface RuleProgram {
  readonly compiled: CompiledRule;
  readonly branches: readonly BranchProgram[];
  /** Index in `branches` of each kind of branch (−1 when the rule has none). */
  readonly naIndex: number;
  readonly reqIndex: number;
  readonly indIndex: number;
  readonly checkIndex: readonly number[];
  readonly noteIndex: readonly number[];
  readonly data: DataProgram;
  /** Message templates compiled against the data keys, per locale (zh-CN, en). */
  readonly messages: readonly [RuleMessages, RuleMessages];
  readonly noteIds: readonly string[];
  /** Message ids (`ruleId#…`) of the outcomes of this rule, built once: pass, not-applicable, blank, … */
  readonly ids: RuleMessageIds;
  /** Each observed field and its slot in the checker's {@link FactReads}. */
  readonly observed: readonly (readonly [string, number])[];
  /** Each required field and its slot. */
  readonly requires: readonly (readonly [string, number])[];
  /** Each required cross-form context (`history.previous`, `batch`) and its slot: absent makes the rule not applicable. */
  readonly contexts: readonly (readonly [string, number])[];
}

/** A rule's message ids, by outcome (`checks` by failure mode, in `rule.checks` order). */
interface RuleMessageIds {
  readonly pass: string;
  readonly na: string;
  readonly ind: string;
  readonly blank: string;
  readonly internalError: string;
  readonly notInForce: string;
  readonly noLongerInForce: string;
  readonly checks: readonly string[];
  readonly noPreviousForm: string;
  readonly noBatch: string;
}

function ruleMessageIds(rule: Rule): RuleMessageIds {
  const id = (suffix: string) => `${rule.id}#${suffix}`;
  return {
    pass: id('pass'),
    na: id('not-applicable'),
    ind: id('indeterminate'),
    blank: id('blank'),
    internalError: id('internal-error'),
    notInForce: id('not-in-force'),
    noLongerInForce: id('no-longer-in-force'),
    checks: rule.checks.map((c) => id(c.id)),
    noPreviousForm: id('no-previous-form'),
    noBatch: id('no-batch'),
  };
}

/** A rule's messages in one locale, compiled against its data keys. */
interface RuleMessages {
  readonly pass: CompiledTemplate;
  readonly na: CompiledTemplate;
  readonly ind: CompiledTemplate;
  readonly blank: CompiledTemplate;
  readonly checks: readonly CompiledTemplate[];
  readonly notes: readonly CompiledTemplate[];
}

function ruleMessages(rule: Rule, data: DataProgram, locale: Locale, ruleTitles: RuleTitles): RuleMessages {
  const compile = (template: string | undefined) => compileTemplate(template ?? '', data.keys, data.formats, ruleTitles);
  return {
    pass: compile(rule.pass[locale]),
    na: compile(rule.notApplicableWhen?.message[locale]),
    ind: compile(rule.indeterminateWhen?.message[locale]),
    blank: compileTemplate(CORE_MESSAGES[locale].blankFields, [...data.keys, 'fields'], [...data.formats, 'fields']),
    checks: rule.checks.map((c) => compile(c.message[locale])),
    notes: (rule.notes ?? []).map((n) => compile(n.message[locale])),
  };
}

/** Which branches of one rule held for one form (by index in `RuleProgram.branches`), or the error it threw. */
type RuleRun = { readonly hits: readonly boolean[] } | { readonly error: Error };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };


/**
 * Explanations of the branch (by index) that decided a rule (fail, indeterminate), as json-rules-engine gave
 * them; without it (the sync path), the compiled trace explains.
 */
type Explanations = ReadonlyMap<number, ExplainedCondition[]> | undefined;

function ruleBranches(rule: Rule): { branch: Branch; conditions: TopLevelCondition }[] {
  const out: { branch: Branch; conditions: TopLevelCondition }[] = [];
  if (rule.notApplicableWhen) out.push({ branch: 'na', conditions: rule.notApplicableWhen.when });
  if (rule.requires && rule.requires.length > 0) out.push({ branch: 'req', conditions: blankRequirementCondition(rule.requires) });
  if (rule.indeterminateWhen) out.push({ branch: 'ind', conditions: rule.indeterminateWhen.when });
  for (const c of rule.checks) out.push({ branch: `check:${c.id}`, conditions: c.when });
  for (const n of rule.notes ?? []) out.push({ branch: `note:${n.id}`, conditions: n.when });
  return out;
}

/** The same condition with every leaf's operator renamed (validation of embedder operators). */
function renameOperators<T extends NestedCondition | TopLevelCondition>(c: T, rename: (op: string) => string): T {
  if ('all' in c) return { all: c.all.map((x) => renameOperators(x, rename)) } as T;
  if ('any' in c) return { any: c.any.map((x) => renameOperators(x, rename)) } as T;
  if ('not' in c) return { not: renameOperators(c.not, rename) } as T;
  return { ...c, operator: rename(c.operator) };
}

/** Validate packs; operators an embedder supplies count as known. */
function assertValid(packs: readonly Pack[], extra: ReadonlySet<string>): void {
  if (extra.size === 0) {
    assertPacksValid(packs);
    return;
  }
  const rename = (op: string) => (extra.has(op) ? 'equal' : op);
  const renamed = packs.map((p) => ({
    ...p,
    rules: p.rules.map((r) => ({
      ...r,
      ...(r.notApplicableWhen ? { notApplicableWhen: { ...r.notApplicableWhen, when: renameOperators(r.notApplicableWhen.when, rename) } } : {}),
      ...(r.indeterminateWhen ? { indeterminateWhen: { ...r.indeterminateWhen, when: renameOperators(r.indeterminateWhen.when, rename) } } : {}),
      checks: r.checks.map((c) => ({ ...c, when: renameOperators(c.when, rename) })),
      ...(r.notes ? { notes: r.notes.map((n) => ({ ...n, when: renameOperators(n.when, rename) })) } : {}),
    })),
  }));
  assertPacksValid(renamed);
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * A set of packs compiled once into a reusable checker. Every rule's json-rules-engine conditions are compiled
 * into plain closures (see `compiled.ts`) that decide every outcome; json-rules-engine stays the reference:
 * `checkEvaluation` asks it for the explanation of each failing or indeterminate rule (from its result tree)
 * and for the error of a rule that throws. Rules that read other rules' outcomes run in a later stage.
 */
export class Checker {
  readonly rules: readonly CompiledRule[];
  readonly parameters: ReadonlyMap<string, ResolvedParameter>;
  /** Programs of the form rules (checked with each form) and of the cross-form rules (checked after the batch). */
  private readonly programs: readonly RuleProgram[];
  private readonly crossPrograms: readonly RuleProgram[];
  private readonly stageCount: number;
  /** The rules that add to a scoring pack's total (`score`), in rule order. */
  private readonly scored: readonly ScoredRule[];
  private readonly extraOperators: Readonly<Record<string, OperatorFn>>;
  /** Reference engines, built on first use: one per rule (errors) and one per rule branch (explanations). */
  private readonly ruleEngines = new Map<string, Engine>();
  private readonly branchEngines = new Map<string, Engine>();
  private readonly paramsByYear = new Map<number | null, Record<string, Record<string, unknown>>>();
  /** Every fact path the rules read (conditions, data, observed and required fields), read once per form. */
  private readonly reads = new FactReads();
  /** The same for the cross-form rules (their reads cost the form rules nothing). */
  private readonly crossReads = new FactReads();

  constructor(packs: readonly Pack[], config: Config = {}, options: CheckerOptions = {}) {
    this.extraOperators = options.operators ?? {};
    assertValid(packs, new Set(Object.keys(this.extraOperators)));
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
    this.rules = selected.map((s) => ({ ...s, stage: stageOf.get(s.rule.id) ?? 0, scope: ruleScope(s.rule) }));
    this.stageCount = Math.max(0, ...this.rules.filter((r) => r.scope === 'form').map((r) => r.stage + 1));
    this.scored = this.rules.filter((r) => r.rule.score !== undefined && r.scope === 'form');
    const operator = referenceOperators(this.extraOperators);
    // A message's `rules` value (the self-rating rule's failures) names the checker's rules by their titles.
    const titles = new Map(this.rules.map((r) => [r.rule.id, r.rule.title]));
    const ruleTitles: RuleTitles = (id, locale) => titles.get(id)?.[locale];
    const programs = this.rules.map((compiled) => {
      const { rule } = compiled;
      const reads = compiled.scope === 'form' ? this.reads : this.crossReads;
      const branches = ruleBranches(rule).map(({ branch, conditions }) => ({ branch, source: conditions, condition: compileCondition(conditions, operator, reads) }));
      const indexOf = (b: Branch) => branches.findIndex((x) => x.branch === b);
      const data = compileData(rule.data, reads);
      return {
        compiled,
        branches,
        naIndex: indexOf('na'),
        reqIndex: indexOf('req'),
        indIndex: indexOf('ind'),
        checkIndex: rule.checks.map((c) => indexOf(`check:${c.id}`)),
        noteIndex: (rule.notes ?? []).map((n) => indexOf(`note:${n.id}`)),
        data,
        messages: [ruleMessages(rule, data, 'zh-CN', ruleTitles), ruleMessages(rule, data, 'en', ruleTitles)] as const,
        noteIds: (rule.notes ?? []).map((n) => `${rule.id}#${n.id}`),
        ids: ruleMessageIds(rule),
        observed: rule.paths.map((p) => [p, reads.path(p)] as const),
        requires: (rule.requires ?? []).map((p) => [p, reads.path(p)] as const),
        contexts: contextRequirements(rule).map((p) => [p, reads.path(p)] as const),
      };
    });
    this.programs = programs.filter((p) => p.compiled.scope === 'form');
    this.crossPrograms = programs.filter((p) => p.compiled.scope !== 'form');
  }

  /** Whether any rule loaded is a cross-form rule (history or batch): then a run needs the cross-form pass. */
  get hasCrossFormRules(): boolean {
    return this.crossPrograms.length > 0;
  }

  /** A json-rules-engine engine holding the given branches (the reference semantics). */
  private buildEngine(rule: Rule, branches: readonly { branch: Branch; conditions: TopLevelCondition }[]): Engine {
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
    for (const [name, fn] of Object.entries({ ...CUSTOM_OPERATORS, ...this.extraOperators })) engine.addOperator(name, fn);
    for (const { branch, conditions } of branches) {
      engine.addRule({ name: `${rule.id}${BRANCH_SEP}${branch}`, conditions, event: { type: rule.id, params: { branch } } });
    }
    return engine;
  }

  /** Facts for one evaluation (without `findings`): the form's groups, `derived`, `indicators`, `params`. */
  facts(evaluation: Evaluation): Facts {
    let params = this.paramsByYear.get(evaluation.fiscalYear);
    if (params === undefined) {
      params = paramsFact(this.parameters, evaluation.fiscalYear);
      this.paramsByYear.set(evaluation.fiscalYear, params);
    }
    // The form's groups as they are (not copied), without the editor and provenance keys.
    const form = evaluation as Readonly<Record<string, unknown>>;
    let complete = true;
    for (const key of REQUIRED_FORM_FACTS) if (!Object.hasOwn(form, key)) complete = false;
    let facts: Facts;
    if (complete) {
      // Every group is there (as in every valid form): fill a copy of a table that has all the keys already.
      // Built key by key instead, 24 keys make V8 keep the table as a hash map, slower to read every fact from.
      facts = { ...FACTS_TEMPLATE };
      for (const key of REQUIRED_FORM_FACTS) facts[key] = form[key];
      // An optional section is a fact only when the form has it (as on the path below).
      for (const key of OPTIONAL_FORM_FACTS) if (Object.hasOwn(form, key)) facts[key] = form[key];
    } else {
      facts = {};
      for (const key of FORM_FACTS) if (Object.hasOwn(form, key)) facts[key] = form[key];
    }
    facts.derived = deriveFacts(evaluation, params);
    facts.indicators = indicatorFacts(evaluation);
    facts.params = params;
    return facts;
  }

  /** Validate `input` against the model, then check it. Throws EvaluationValidationError when invalid. */
  async check(input: unknown, options: CheckOptions = {}): Promise<EvaluationResult> {
    const evaluation = parseEvaluation(input);
    return this.checkEvaluation(evaluation, options);
  }

  /**
   * Check an evaluation that is already valid. Outcomes come from the compiled conditions; the explanation of
   * each failing or indeterminate rule, and the error of a rule that throws, come from json-rules-engine.
   */
  async checkEvaluation(evaluation: Evaluation, options: CheckOptions = {}): Promise<EvaluationResult> {
    const locale = options.locale ?? DEFAULT_LOCALE;
    const facts = this.facts(evaluation);
    const values = this.reads.read(facts);
    const { programs } = this;
    const findings = new Array<Finding | undefined>(programs.length);
    const adjust = adjusters(evaluation, options, locale);
    for (let stage = 0; stage < this.stageCount; stage++) {
      let stageFacts = facts;
      if (stage > 0) {
        stageFacts = { ...facts, findings: findingsFact(findings) };
        this.reads.reread(values, stageFacts, 'findings');
      }
      for (let p = 0; p < programs.length; p++) {
        const program = programs[p];
        if (program?.compiled.stage !== stage) continue;
        let run = this.runRule(program, values);
        if ('error' in run) run = await this.referenceRun(program, stageFacts);
        const explanations = new Map<number, ExplainedCondition[]>();
        const branch = 'hits' in run ? explainedBranch(program, evaluation, run.hits) : undefined;
        if (branch !== undefined) explanations.set(branch, await this.referenceExplanation(program, branch, stageFacts));
        const decided = this.decide(program, evaluation, values, run, explanations, locale);
        findings[p] = adjust ? adjust(decided) : decided;
      }
    }
    return this.result(evaluation, facts, findings, options, locale);
  }

  /**
   * Synchronous {@link checkEvaluation}: the same result, with explanations traced by the compiled conditions
   * (proved identical to json-rules-engine's by the differential property) and never a promise.
   */
  checkEvaluationSync(evaluation: Evaluation, options: CheckOptions = {}): EvaluationResult {
    const locale = options.locale ?? DEFAULT_LOCALE;
    const facts = this.facts(evaluation);
    const values = this.reads.read(facts);
    const { programs } = this;
    const findings = new Array<Finding | undefined>(programs.length);
    // One record of branch results, reused by every rule of this form (each rule is decided before the next runs).
    const run = { hits: [] as boolean[] };
    const adjust = adjusters(evaluation, options, locale);
    for (let stage = 0; stage < this.stageCount; stage++) {
      // A later stage's facts are the same plus `findings`: only the slots of that fact are read again.
      if (stage > 0) this.reads.reread(values, { findings: findingsFact(findings) }, 'findings');
      for (let p = 0; p < programs.length; p++) {
        const program = programs[p];
        if (program?.compiled.stage !== stage) continue;
        const decided = this.decide(program, evaluation, values, this.runRule(program, values, run), undefined, locale);
        findings[p] = adjust ? adjust(decided) : decided;
      }
    }
    return this.result(evaluation, facts, findings, options, locale);
  }

  /**
   * The cross-form rules (history and batch scope) on one form, given what the cross-form pass knows about it: its
   * previous-year form (the `history` fact) and its place in the batch (the `batch` fact). The findings, in rule
   * order; explanations from json-rules-engine, as {@link checkEvaluation} gives them.
   */
  async checkCrossForm(evaluation: Evaluation, context: CrossFormContext, options: CheckOptions = {}): Promise<Finding[]> {
    const locale = options.locale ?? DEFAULT_LOCALE;
    const facts = this.crossFacts(evaluation, context);
    const values = this.crossReads.read(facts);
    const out: Finding[] = [];
    for (const program of this.crossPrograms) {
      let run = this.runRule(program, values);
      if ('error' in run) run = await this.referenceRun(program, facts);
      const explanations = new Map<number, ExplainedCondition[]>();
      const branch = 'hits' in run ? explainedBranch(program, evaluation, run.hits) : undefined;
      if (branch !== undefined) explanations.set(branch, await this.referenceExplanation(program, branch, facts));
      out.push(this.decide(program, evaluation, values, run, explanations, locale, context));
    }
    return out;
  }

  /** Synchronous {@link checkCrossForm} (explanations traced by the compiled conditions, as {@link checkEvaluationSync}). */
  checkCrossFormSync(evaluation: Evaluation, context: CrossFormContext, options: CheckOptions = {}): Finding[] {
    const locale = options.locale ?? DEFAULT_LOCALE;
    const values = this.crossReads.read(this.crossFacts(evaluation, context));
    const run = { hits: [] as boolean[] };
    return this.crossPrograms.map((program) => this.decide(program, evaluation, values, this.runRule(program, values, run), undefined, locale, context));
  }

  /** A form's facts with the cross-form ones (`history`, `batch`). */
  crossFacts(evaluation: Evaluation, context: CrossFormContext): Facts {
    const facts = this.facts(evaluation);
    facts.history = context.history;
    facts.batch = context.batch;
    return facts;
  }

  /** The result of one evaluation, from the findings by program (= rule) index. */
  private result(evaluation: Evaluation, facts: Facts, byProgram: readonly (Finding | undefined)[], options: CheckOptions, locale: Locale): EvaluationResult {
    const findings: Finding[] = [];
    for (const f of byProgram) if (f) findings.push(f);
    if (options.waivers !== undefined) findings.push(...expiredWaiverFindings(options.waivers, formOf(evaluation), findings, locale));
    const result: Mutable<EvaluationResult> = {
      source: options.source ?? '(memory)',
      evaluation: { unit: evaluation.unit.name, fiscalYear: evaluation.fiscalYear, selfRating: evaluation.selfRating.grade },
      findings,
      indicators: computeIndicators(evaluation, locale, facts.indicators as Readonly<Record<string, unknown>>),
      summary: summarize(findings),
    };
    if (options.positions !== undefined) {
      result.positions = options.positions;
      // Each finding's place in the file: the field it is about, never another one (findingPosition).
      for (const f of findings as Mutable<Finding>[]) {
        const location = findingLocation(result.source, options.positions, f);
        if (location !== undefined) f.location = location;
      }
    }
    const listIncomplete = options.unreadable !== undefined && Object.hasOwn(options.unreadable, 'selfAssessment.indicators');
    const check = scoreCheck(evaluation, (facts.derived as DerivedFacts).scoring, facts.params as ParamValues, findings, listIncomplete);
    if (check !== undefined) result.scoreCheck = check;
    if (this.scored.length > 0) result.scores = packScores(findings, this.scored, locale);
    return result;
  }

  /**
   * Every branch of one rule through the compiled conditions. Every branch runs (as json-rules-engine runs every
   * rule of a stage), so a branch that throws makes the whole rule an internal error for this form, and only it.
   */
  private runRule(program: RuleProgram, values: FactValues, into: { readonly hits: boolean[] } = { hits: [] }): RuleRun {
    const { branches } = program;
    // Entries past this rule's branches (left by a rule with more) are never read: indices come from `program`.
    const { hits } = into;
    try {
      for (let i = 0; i < branches.length; i++) hits[i] = branches[i]?.condition.testValues(values) === true;
    } catch (error) {
      return { error: asError(error) };
    }
    return into;
  }

  /** The rule on json-rules-engine alone: the reference outcome, or the error exactly as it reports it. */
  private async referenceRun(program: RuleProgram, facts: Facts): Promise<RuleRun> {
    const id = program.compiled.rule.id;
    let engine = this.ruleEngines.get(id);
    if (engine === undefined) {
      engine = this.buildEngine(program.compiled.rule, program.branches.map((b) => ({ branch: b.branch, conditions: b.source })));
      this.ruleEngines.set(id, engine);
    }
    try {
      const { results } = await engine.run(facts);
      const held = new Set<string>();
      for (const r of results) if (r.result === true) held.add(r.name.slice(id.length + BRANCH_SEP.length));
      return { hits: program.branches.map((b) => held.has(b.branch)) };
    } catch (error) {
      return { error: asError(error) };
    }
  }

  /** json-rules-engine's explanation of one branch, read from its result tree (run on the facts it reads). */
  private async referenceExplanation(program: RuleProgram, index: number, facts: Facts): Promise<ExplainedCondition[]> {
    const b = program.branches[index];
    if (b === undefined) return [];
    const key = `${program.compiled.rule.id}${BRANCH_SEP}${b.branch}`;
    let engine = this.branchEngines.get(key);
    if (engine === undefined) {
      engine = this.buildEngine(program.compiled.rule, [{ branch: b.branch, conditions: b.source }]);
      this.branchEngines.set(key, engine);
    }
    // Only the facts the branch reads: a fact left out is undefined either way (undefined facts are allowed).
    const subset: Facts = {};
    for (const name of b.condition.facts) if (Object.hasOwn(facts, name)) subset[name] = facts[name];
    const { results, failureResults } = await engine.run(subset);
    const r = results[0] ?? failureResults[0];
    return r === undefined ? [] : leafExplanations(r.toJSON(false).conditions);
  }

  private decide(program: RuleProgram, evaluation: Evaluation, factValues: FactValues, run: RuleRun, explanations: Explanations, locale: Locale, context?: CrossFormContext): Finding {
    const { compiled } = program;
    const { rule } = compiled;
    const m = CORE_MESSAGES[locale];
    // Rare outcomes (internal error, rule not in force) render from small records.
    if ('error' in run) {
      const record = { error: { value: run.error.message } };
      return buildFinding(program, locale, {}, 'indeterminate', program.ids.internalError, renderTemplate(m.internalError, record, locale), rawData(record), compiled.severity, undefined, undefined, run.error.message);
    }
    const notInForce = rule.effective === undefined ? undefined : inForce(rule, evaluation.fiscalYear);
    if (notInForce) {
      const record = { from: { value: notInForce.from ?? null }, until: { value: notInForce.until ?? null }, fiscalYear: { value: evaluation.fiscalYear } };
      const [id, template] = notInForce.from ? [program.ids.notInForce, m.notInForce] : [program.ids.noLongerInForce, m.noLongerInForce];
      return buildFinding(program, locale, {}, 'not-applicable', id, renderTemplate(template, record, locale), rawData(record), compiled.severity);
    }

    const values = program.data.read(factValues);
    const { keys } = program.data;
    const data: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) data[key] = values[i] ?? null;
    }
    // A change rate over a prior value of 0 does not apply: the messages say so, the data keeps null (`zeroBase`).
    program.data.markZeroBase(values, factValues);
    const observed: Record<string, unknown> = {};
    for (const [p, slot] of program.observed) observed[p] = factValues[slot] ?? null;
    const { hits } = run;
    const templates = program.messages[locale === 'zh-CN' ? 0 : 1];

    let notes: FindingNote[] | undefined;
    for (let i = 0; i < program.noteIndex.length; i++) {
      const index = program.noteIndex[i] ?? -1;
      if (index >= 0 && hits[index] === true) {
        notes ??= [];
        notes.push({ messageId: program.noteIds[i] ?? '', message: templates.notes[i]?.(values, locale) ?? '', data: { ...data } });
      }
    }

    // A cross-form rule without its context (no previous-year form, a single form) does not apply: never a pass.
    for (const [ref, slot] of program.contexts) {
      const v = factValues[slot];
      if (v !== null && v !== undefined) continue;
      const history = ref !== 'batch';
      const reason = history ? (context?.historyMissing?.[locale] ?? m.noPreviousFormReason) : '';
      const record = { fiscalYear: { value: evaluation.fiscalYear }, reason: { value: reason } };
      const template = history ? m.noPreviousForm : m.noBatch;
      return buildFinding(program, locale, observed, 'not-applicable', history ? program.ids.noPreviousForm : program.ids.noBatch, renderTemplate(template, record, locale), rawData(record), compiled.severity, undefined, notes);
    }
    if (program.naIndex >= 0 && hits[program.naIndex] === true) {
      return buildFinding(program, locale, observed, 'not-applicable', program.ids.na, templates.na(values, locale), data, compiled.severity, undefined, notes);
    }
    if (program.reqIndex >= 0 && hits[program.reqIndex] === true) {
      const blanks: string[] = [];
      for (const [ref, slot] of program.requires) {
        const v = factValues[slot];
        if (v === null || v === undefined || v === '') blanks.push(ref);
      }
      // `values` and `data` are this finding's own (notes took copies): the blank fields join them in place.
      values.push(blanks);
      data.fields = blanks;
      const message = templates.blank(values, locale);
      return buildFinding(program, locale, observed, 'indeterminate', program.ids.blank, message, data, compiled.severity, explanation(program, program.reqIndex, factValues, explanations).filter((c) => c.result), notes);
    }
    if (program.indIndex >= 0 && hits[program.indIndex] === true) {
      return buildFinding(program, locale, observed, 'indeterminate', program.ids.ind, templates.ind(values, locale), data, compiled.severity, explanation(program, program.indIndex, factValues, explanations), notes);
    }
    for (let i = 0; i < program.checkIndex.length; i++) {
      const index = program.checkIndex[i] ?? -1;
      const c = rule.checks[i];
      if (c !== undefined && index >= 0 && hits[index] === true) {
        // A failure mode's own severity applies unless the config set the rule's severity.
        const configured = compiled.severity !== rule.severity;
        const severity = configured ? compiled.severity : (c.severity ?? compiled.severity);
        return buildFinding(program, locale, observed, 'fail', program.ids.checks[i] ?? `${rule.id}#${c.id}`, templates.checks[i]?.(values, locale) ?? '', data, severity, explanation(program, index, factValues, explanations), notes);
      }
    }
    return buildFinding(program, locale, observed, 'pass', program.ids.pass, templates.pass(values, locale), data, compiled.severity, undefined, notes);
  }
}

/** The unit and year a waiver is matched against. */
const formOf = (evaluation: Evaluation) => ({ unit: evaluation.unit.name, fiscalYear: evaluation.fiscalYear });

/**
 * The corrections applied to each finding of one form as its rule is decided: what a blank means (see
 * `coverage.ts`), then the waivers (a failure the form's gaps take back is no longer one to waive).
 */
function adjusters(evaluation: Evaluation, options: CheckOptions, locale: Locale): ((f: Finding) => Finding) | undefined {
  const gaps = findingAdjuster(options, locale);
  const waive = options.waivers === undefined ? undefined : waiverAdjuster(options.waivers, formOf(evaluation));
  if (gaps === undefined || waive === undefined) return gaps ?? waive;
  return (f) => waive(gaps(f));
}

/**
 * One finding, built field by field (no spreads: this runs for every rule of every form). Key order is the
 * report's.
 */
function buildFinding(
  program: RuleProgram,
  locale: Locale,
  observed: Record<string, unknown>,
  outcome: Outcome,
  /** The full message id (`ruleId#pass`, `ruleId#check-id`, …), one of the rule's {@link RuleMessageIds}. */
  messageId: string,
  message: string,
  data: Record<string, unknown>,
  severity: Severity,
  explanation?: ExplainedCondition[],
  notes?: FindingNote[],
  internalError?: string,
): Finding {
  const { rule, pack } = program.compiled;
  const finding: Mutable<Finding> = {
    ruleId: rule.id,
    pack: pack.name,
    title: rule.title[locale],
    severity,
    redFlag: rule.redFlag === true,
    paths: rule.paths,
    observed,
    basis: rule.basis,
    outcome,
    messageId,
    message,
    data,
  };
  if (explanation !== undefined) finding.explanation = explanation;
  if (notes !== undefined) finding.notes = notes;
  if (internalError !== undefined) finding.internalError = internalError;
  return finding;
}

/** The explanation of one branch: json-rules-engine's when given (async path), else the compiled trace's. */
function explanation(program: RuleProgram, branch: number, factValues: FactValues, explanations: Explanations): ExplainedCondition[] {
  if (explanations !== undefined) return explanations.get(branch) ?? [];
  return program.branches[branch]?.condition.explainValues(factValues).explanation ?? [];
}

/** The branch (index) whose explanation the finding carries (mirrors the order of `decide`), if any. */
function explainedBranch(program: RuleProgram, evaluation: Evaluation, hits: readonly boolean[]): number | undefined {
  const { rule } = program.compiled;
  const hit = (index: number) => index >= 0 && hits[index] === true;
  if (inForce(rule, evaluation.fiscalYear)) return undefined;
  if (rule.notApplicableWhen && hit(program.naIndex)) return undefined;
  if (hit(program.reqIndex)) return program.reqIndex;
  if (rule.indeterminateWhen && hit(program.indIndex)) return program.indIndex;
  for (const index of program.checkIndex) if (hit(index)) return index;
  return undefined;
}

/** Compile packs (with an optional config) into a reusable checker. */
export function createChecker(packs: readonly Pack[], config?: Config, options?: CheckerOptions): Checker {
  return new Checker(packs, config, options);
}
