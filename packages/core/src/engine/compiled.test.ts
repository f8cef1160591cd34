import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it, vi } from 'vitest';
import { baseEvaluation, evaluationArb } from '@jixiao/testing';
import { loadPackFromDir } from '../node/index.js';
import { ORACLE_OPERATORS, conditionValue, walkPath } from '../../test/oracle.js';
import type { Evaluation } from '../model/evaluation.js';
import type { NestedCondition, Pack, Rule, TopLevelCondition } from '../pack/schema.js';
import type { EvaluationResult, ExplainedCondition, Finding, Outcome as RuleOutcome } from '../result/model.js';
import { createChecker, leafExplanations, type Checker, type Facts } from './checker.js';
import { compileCondition, FactReads, fastOperator, referenceOperators, type EngineOperator } from './compiled.js';
import { BUILTIN_OPERATORS, CUSTOM_OPERATORS, KNOWN_OPERATORS } from './operators.js';

/**
 * Differential properties: the compiled conditions (the fast path) against json-rules-engine (the reference),
 * on generated condition trees over the facts a real form offers and on generated forms. The reference engine
 * runs with an independent oracle for jixiao's own operators and the fact-path walk (../../test/oracle.ts,
 * written from their definitions): the engine's versions of those are checked too, not shared by both sides.
 */

const rulesDir = (name: string) => fileURLToPath(new URL(`../../../../rules/${name}`, import.meta.url));
const packs: Pack[] = [loadPackFromDir(rulesDir('integrity')), loadPackFromDir(rulesDir('staffing'))];
const standard = createChecker(packs);

/** Every (fact, path) a form's facts offer, objects and lists included, plus a few that do not exist. */
function factPaths(facts: Facts): { fact: string; path?: string }[] {
  const out: { fact: string; path?: string }[] = [];
  const walk = (fact: string, value: unknown, path: string[]) => {
    out.push(path.length === 0 ? { fact } : { fact, path: path.join('.') });
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (/^[A-Za-z][\w/-]*$/.test(k)) walk(fact, v, [...path, k]);
    }
  };
  for (const [fact, value] of Object.entries(facts)) walk(fact, value, []);
  out.push(
    { fact: 'nothing' },
    { fact: 'nothing', path: 'at.all' },
    { fact: 'staffing', path: 'nope' },
    { fact: 'fiscalYear', path: 'inside' }, // a path into a number: json-rules-engine returns the number
    { fact: 'disclosure', path: 'channels.length' }, // an own property of a list
    { fact: 'constructor' }, // never the object prototype's
    { fact: 'staffing', path: 'constructor' },
  );
  return out;
}

/** A form with every section of model v2, so the 自评表 and 经费控制 paths (lists of rows included) are offered too. */
const SHEET: Evaluation = {
  ...baseEvaluation(),
  selfAssessment: {
    budget: { initialBudget: 100, adjustment: 10, annualBudget: 110, executed: 99, points: 10, rate: 90, score: 10 },
    indicators: [{ name: '培训次数', nature: 'quantitative', target: '26次', actual: '12次', points: 5, score: 6, coefficient: 100 }],
    totalPoints: 100,
  },
  costControl: { threePublic: { priorYearActual: 2, budget: 1.5, actual: 2.5 } },
};
/** Forms for the differential properties: sometimes with a 自评表 and the 经费控制 grid (model v2). */
const formArb = () => evaluationArb({ selfAssessment: 'sometimes', costControl: 'sometimes' });

const PATHS = factPaths({ ...standard.facts(SHEET), findings: { outcomes: { 'integrity/income-total': 'pass' }, evaluatedCount: 1, failedRules: [], errorFailures: [], errorFailureCount: 0, redFlags: [], redFlagCount: 0 } });
const OPERATORS = [...KNOWN_OPERATORS];

const scalarArb = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 5000 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((c) => c / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('yes', 'no', 'unanswered', 'conflicting', 'portal', 'internal', 'other', '', '12', '优', 'x'),
);
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: scalarArb },
  { weight: 2, arbitrary: fc.array(scalarArb, { maxLength: 4 }) },
  { weight: 3, arbitrary: fc.constantFrom(...PATHS) },
);

type Scalar = null | boolean | number | string;
const isScalar = (v: unknown): v is Scalar => v === null || ['boolean', 'number', 'string'].includes(typeof v);

/** What a leaf at `at` reads on these facts, as a condition may write it (a scalar or a list of scalars), else null. */
function heldValue(facts: Facts, at: { fact: string; path?: string }): Scalar | Scalar[] {
  const v = conditionValue(facts, at.fact, at.path);
  if (isScalar(v)) return v;
  // A copy: a rule's condition (from its own file) never shares a list with the form.
  return Array.isArray(v) && v.every(isScalar) ? [...v] : null;
}

/** Operators that read a list, text or a number: half their leaves read a path holding one on the form. */
const READS: readonly [RegExp, (v: unknown) => boolean][] = [
  [/^(contains|doesNotContain|containsAny|containsNone|lengthGreaterThan)$/, Array.isArray],
  [/^answerIs/, (v) => typeof v === 'string'],
  [/^money|Than/, (v) => typeof v === 'number'],
];

/**
 * Leaves over one form's facts. Besides any value, a leaf compares with what the form itself holds: the value
 * at its own path (so `equal`, `answerIs`, `moneyEqual`… hold), a list holding it (`in`, `answerIs` with a
 * list), an item of a list it reads (`contains`, `containsAny`), or what another field holds.
 */
function leafArbFor(facts: Facts): fc.Arbitrary<NestedCondition> {
  const held = PATHS.map((at) => heldValue(facts, at));
  const scalars = [...new Set(held.flat())];
  const anyPath = fc.integer({ min: 0, max: PATHS.length - 1 });
  const pathFor = (operator: string) => {
    const reads = READS.find(([name]) => name.test(operator))?.[1];
    const fitting = reads === undefined ? [] : held.flatMap((v, i) => (reads(v) ? [i] : []));
    return fitting.length === 0 ? anyPath : fc.oneof(anyPath, fc.constantFrom(...fitting));
  };
  return fc.constantFrom(...OPERATORS).chain((operator) =>
    pathFor(operator).chain((i) => {
      const at = PATHS[i] ?? { fact: 'nothing' };
      const own = held[i] ?? null;
      const ways: fc.WeightedArbitrary<unknown>[] = [
        { weight: 2, arbitrary: valueArb },
        { weight: 4, arbitrary: fc.constant(own) },
        { weight: 1, arbitrary: fc.constantFrom(...scalars) },
      ];
      // A list holding the value read (conditions list scalars only), or an item of the list read.
      if (!Array.isArray(own)) ways.push({ weight: 3, arbitrary: fc.tuple(fc.array(fc.constantFrom(...scalars), { maxLength: 3 }), fc.nat()).map(([xs, n]) => xs.toSpliced(n % (xs.length + 1), 0, own)) });
      else if (own.length > 0) ways.push({ weight: 3, arbitrary: fc.constantFrom(...own) });
      return fc.oneof(...ways).map((value): NestedCondition => ({ ...at, operator, value }));
    }),
  );
}

/** Condition trees (`all`, `any`, `not`, a few levels deep) whose leaves are drawn by `leafArb`. */
function treeArb(leafArb: fc.Arbitrary<NestedCondition>): fc.Arbitrary<TopLevelCondition> {
  const { node } = fc.letrec<{ node: NestedCondition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: leafArb },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
      { weight: 1, arbitrary: tie('node').map((not) => ({ not })) },
    ),
  }));
  return fc.oneof(
    fc.array(node, { minLength: 1, maxLength: 4 }).map((all): TopLevelCondition => ({ all })),
    fc.array(node, { minLength: 1, maxLength: 4 }).map((any): TopLevelCondition => ({ any })),
    node.map((not): TopLevelCondition => ({ not })),
  );
}

/** A generated form's facts and a condition tree over them whose leaves often hold on that form. */
const formAndTree = formArb().chain((evaluation) => {
  const facts = standard.facts(evaluation);
  return treeArb(leafArbFor(facts)).map((conditions) => ({ facts, conditions }));
});

/** Every leaf of a condition tree. */
function leaves(node: NestedCondition | TopLevelCondition): Extract<NestedCondition, { fact: string }>[] {
  if ('all' in node) return node.all.flatMap(leaves);
  if ('any' in node) return node.any.flatMap(leaves);
  if ('not' in node) return leaves(node.not);
  return [node];
}

/** JSON text of a value (what every report prints), so `-0`/`0` and key order count as they would there. */
const json = (v: unknown) => JSON.stringify(v);

/**
 * The same, with the text of internal errors blanked: when several conditions of one rule throw different
 * errors, json-rules-engine reports whichever rejects first in its promise scheduling, the compiled trace the
 * first in tree order. That both are internal errors of the same rule is still compared.
 */
const jsonWithoutErrorText = (v: unknown) =>
  JSON.stringify(v, (key, value: unknown) => (key === 'internalError' || (key === 'error' && typeof value === 'string') ? '…' : value))
    .replace(/(#internal-error","message":")[^"]*/g, '$1…');

/** `evaluate(a, b)` of an operator: its result, or the text of what it threw. */
function evaluated(op: { evaluate(a: unknown, b: unknown): unknown }, a: unknown, b: unknown): { result: unknown } | { threw: string } {
  try {
    return { result: op.evaluate(a, b) };
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

type Outcome = { ok: true; result: boolean; explanation: ExplainedCondition[] } | { ok: false; message: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** json-rules-engine 7 with the oracle's operators and path walk (not the engine's own). */
function oracleEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: walkPath });
  for (const [name, fn] of Object.entries(ORACLE_OPERATORS)) engine.addOperator(name, fn);
  return engine;
}

async function reference(conditions: TopLevelCondition, facts: Facts): Promise<Outcome> {
  const engine = oracleEngine();
  engine.addRule({ name: 'r', conditions, event: { type: 'r' } });
  let run: Awaited<ReturnType<Engine['run']>>;
  try {
    run = await engine.run(facts);
  } catch (error) {
    return { ok: false, message: errorText(error) };
  }
  const r = run.results[0] ?? run.failureResults[0];
  if (r === undefined) throw new Error('json-rules-engine gave no result');
  return { ok: true, result: r.result === true, explanation: leafExplanations(r.toJSON(false).conditions) };
}

const operator = referenceOperators();

/** What `fn` returned, or the text of what it threw. */
function attempt<T>(fn: () => T): { value: T } | { threw: string } {
  try {
    return { value: fn() };
  } catch (error) {
    return { threw: errorText(error) };
  }
}

/** The compiled condition, both ways (test and explain), which must agree: the same result or the same error. */
function compiled(conditions: TopLevelCondition, facts: Facts): Outcome {
  const c = compileCondition(conditions, operator);
  const tested = attempt(() => c.test(facts));
  const explained = attempt(() => c.explain(facts));
  if ('threw' in tested || 'threw' in explained) {
    expect(explained).toEqual(tested);
    return { ok: false, message: 'threw' in tested ? tested.threw : '' };
  }
  expect(explained.value.result).toBe(tested.value);
  return { ok: true, ...explained.value };
}

/**
 * Both sides agree: the same result and explanation, or both throw. When they throw, each reports the error of a
 * leaf that throws on its own (json-rules-engine reports whichever leaf's promise rejects first, the compiled
 * trace the first in tree order), so when every throwing leaf throws the same error, both report exactly it.
 */
async function expectSame(conditions: TopLevelCondition, facts: Facts): Promise<Outcome> {
  const expected = await reference(conditions, facts);
  const actual = compiled(conditions, facts);
  if (expected.ok || actual.ok) {
    expect(actual).toEqual(expected);
    expect(json(actual)).toBe(json(expected));
    return expected;
  }
  const thrown = new Set<string>();
  for (const leaf of leaves(conditions)) {
    const alone = await reference({ all: [leaf] }, facts);
    if (!alone.ok) thrown.add(alone.message);
  }
  expect(thrown).toContain(expected.message);
  expect(thrown).toContain(actual.message);
  if (thrown.size === 1) expect(actual.message).toBe(expected.message);
  return expected;
}

describe('the operators compiled conditions call', () => {
  // json-rules-engine's own operator objects for its built-ins; the oracle's for jixiao's (never the engine's own).
  const own = (oracleEngine() as unknown as { operators: { get(name: string): { evaluate(a: unknown, b: unknown): unknown } | null } }).operators;

  it('have an oracle for every jixiao operator', () => {
    expect(Object.keys(ORACLE_OPERATORS).sort()).toEqual(Object.keys(CUSTOM_OPERATORS).sort());
  });

  const AWKWARD: unknown[] = [
    NaN, Infinity, -Infinity, 0, -0, 1, 2.5, -3, 1e21, 5e-324, Number.MAX_VALUE, '', '12', '12abc', 'abc', ' 7', 'Infinity', '-0',
    0.1, 0.3, 0.1 + 0.2, 264.47, 264.470001, -3.01, 1.005, 1e13, 1e13 + 0.01, 1e13 + 1, 123456789012.35, 'yes', ['yes', 'no'], ['portal'],
    null, undefined, true, false, [], [1], [1, 2], ['12'], [NaN], {}, { a: 1 }, { indexOf: 1 },
  ];

  it('decide as json-rules-engine’s built-ins and the oracle’s jixiao operators on awkward values, or throw what they throw', () => {
    for (const name of OPERATORS) {
      const reference = own.get(name);
      if (reference === null) throw new Error(`no operator ${name}`);
      for (const a of AWKWARD) for (const b of AWKWARD) expect(evaluated(operator(name), a, b)).toStrictEqual(evaluated(reference, a, b));
    }
  });

  it('decide as json-rules-engine’s built-ins and the oracle’s jixiao operators on any values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPERATORS), fc.anything(), fc.anything(), (name, a, b) => {
        const reference = own.get(name);
        expect(reference).not.toBeNull();
        if (reference !== null) expect(evaluated(operator(name), a, b)).toStrictEqual(evaluated(reference, a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('are an embedder’s own where it supplies one with a built-in name', () => {
    const mine = referenceOperators({ greaterThan: (a, b) => a === b, contains: () => true });
    expect(mine('greaterThan').evaluate(1, 1)).toBe(true);
    expect(mine('greaterThan').evaluate(2, 1)).toBe(false);
    expect(mine('contains').evaluate('not a list', 1)).toBe(true);
    expect(operator('contains').evaluate('not a list', 1)).toBe(false);
  });
});

describe('fact reads', () => {
  it('give one slot to each distinct read, and read a fact again only where asked', () => {
    const reads = new FactReads();
    const actual = reads.condition('staffing', 'actual');
    expect(reads.condition('staffing', 'actual')).toBe(actual);
    expect(reads.condition('staffing', '')).toBe(reads.condition('staffing', undefined));
    // A condition's path into a number is the number (json-rules-engine); a data path through it is undefined.
    const intoNumber = reads.condition('fiscalYear', 'inside');
    const dataIntoNumber = reads.path('fiscalYear.inside');
    const count = reads.path('findings.evaluatedCount');
    expect(new Set([actual, intoNumber, dataIntoNumber, count]).size).toBe(4);
    expect(reads.size).toBe(5);
    const staffing = { actual: 3 };
    const values = reads.read({ staffing, fiscalYear: 2020 });
    expect(values[actual]).toBe(3);
    expect(values[intoNumber]).toBe(2020);
    expect(values[dataIntoNumber]).toBeUndefined();
    expect(values[count]).toBeUndefined();
    reads.reread(values, { findings: { evaluatedCount: 7 } }, 'findings');
    expect(values[count]).toBe(7);
    expect(values[actual]).toBe(3);
  });

  it('never read inherited properties', () => {
    const reads = new FactReads();
    const slots = [reads.condition('constructor', undefined), reads.condition('staffing', 'constructor'), reads.path('staffing.toString'), reads.path('staffing.__proto__'), reads.condition('list', 'length')];
    const values = reads.read({ staffing: { actual: 1 }, list: [1, 2] });
    expect(slots.map((s) => values[s])).toStrictEqual([undefined, undefined, undefined, undefined, 2]);
  });

  it('read every path a form offers as the oracle reads it, for conditions and for data', () => {
    fc.assert(
      fc.property(formArb(), (evaluation) => {
        const facts = standard.facts(evaluation);
        const reads = new FactReads();
        const slots = PATHS.map((at) => [reads.condition(at.fact, at.path), reads.path(at.path === undefined ? at.fact : `${at.fact}.${at.path}`)] as const);
        const values = reads.read(facts);
        PATHS.forEach((at, i) => {
          const [condition, data] = slots[i] ?? [-1, -1];
          expect(values[condition]).toStrictEqual(conditionValue(facts, at.fact, at.path));
          expect(values[data]).toStrictEqual(walkPath(facts, at.path === undefined ? at.fact : `${at.fact}.${at.path}`));
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('compiled conditions versus json-rules-engine', () => {
  it('knows every operator json-rules-engine and jixiao define', () => {
    for (const name of [...BUILTIN_OPERATORS, ...Object.keys(CUSTOM_OPERATORS)]) expect(() => operator(name).evaluate(1, [1])).not.toThrow(/Unknown operator/);
  });

  // Leaves whose operator asks whether the form holds a value: with values drawn from the form's own facts,
  // they hold often (with values drawn blind, a handful in a thousand did).
  const ASKING = ['equal', 'in', 'contains', 'answerIs'];

  it('gives the same result and explanation on generated condition trees and forms (or both throw)', async () => {
    const asked = { leaves: 0, held: 0 };
    await fc.assert(
      fc.asyncProperty(formAndTree, async ({ facts, conditions }) => {
        const outcome = await expectSame(conditions, facts);
        if (!outcome.ok) return;
        for (const leaf of outcome.explanation) {
          if (!ASKING.includes(leaf.operator)) continue;
          asked.leaves++;
          if (leaf.result) asked.held++;
        }
      }),
      { numRuns: 400 },
    );
    // Measured: ~30–36 % of ~150–190 such leaves hold (before: 1–2 of ~130–160).
    expect(asked.leaves).toBeGreaterThan(80);
    expect(asked.held / asked.leaves).toBeGreaterThan(0.15);
  });

  it('gives the same outcome and explanation on leaves that compare two facts', async () => {
    const refLeaf = fc
      .record({ a: fc.constantFrom(...PATHS), b: fc.constantFrom(...PATHS), operator: fc.constantFrom(...OPERATORS) })
      .map(({ a, b, operator }): TopLevelCondition => ({ all: [{ ...a, operator, value: b }] }));
    await fc.assert(
      fc.asyncProperty(refLeaf, formArb(), async (conditions, evaluation) => {
        await expectSame(conditions, standard.facts(evaluation));
      }),
      { numRuns: 300 },
    );
  });
});

function generatedRule(id: string, checks: TopLevelCondition[], guard?: TopLevelCondition, ind?: TopLevelCondition, after?: readonly string[]): Rule {
  const text = { 'zh-CN': '测试', en: 'test' };
  return {
    id,
    title: text,
    severity: 'warning',
    basis: [{ instrument: '测试' }],
    paths: ['staffing.actual'],
    requires: ['staffing.authorized'],
    ...(guard ? { notApplicableWhen: { when: guard, message: text } } : {}),
    ...(ind ? { indeterminateWhen: { when: ind, message: text } } : {}),
    checks: checks.map((when, i) => ({ id: `c${String(i)}`, when, message: text })),
    notes: [{ id: 'n', when: checks[0] ?? { all: [{ fact: 'x', operator: 'equal', value: 1 }] }, message: text }],
    pass: text,
    ...(after ? { after: [...after] } : {}),
  };
}

/** What a finding decided: its outcome, message id and the ids of the notes it carries. */
function decision(f: Finding | undefined): { outcome: RuleOutcome | undefined; messageId: string | undefined; notes: string[] } {
  return { outcome: f?.outcome, messageId: f?.messageId, notes: f?.notes?.map((n) => n.messageId) ?? [] };
}

/** The `findings` fact a rule with `after` reads: the outcomes of the rules of the stages before its own. */
function findingsFactOf(earlier: readonly Finding[]) {
  const failed = earlier.filter((f) => f.outcome === 'fail');
  const errorFailures = failed.filter((f) => f.severity === 'error').map((f) => f.ruleId);
  const redFlags = failed.filter((f) => f.redFlag).map((f) => f.ruleId);
  return {
    outcomes: Object.fromEntries(earlier.map((f) => [f.ruleId, f.outcome])),
    evaluatedCount: earlier.length,
    failedRules: failed.map((f) => f.ruleId),
    errorFailures,
    errorFailureCount: errorFailures.length,
    redFlags,
    redFlagCount: redFlags.length,
  };
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * One rule decided by json-rules-engine's own run (with the oracle's operators and path walk), from the rule
 * contract: every branch runs, and one that throws makes the rule an internal error; else a rule not in force
 * for the fiscal year is not applicable; else the first of these decides: not-applicable, a required field
 * blank, indeterminate, the checks in their order; else it passes. Notes whose condition holds are attached.
 */
async function engineDecision(rule: Rule, facts: Facts, fiscalYear: number | null): Promise<ReturnType<typeof decision>> {
  const id = (suffix: string) => `${rule.id}#${suffix}`;
  const engine = oracleEngine();
  const branches: [string, TopLevelCondition][] = [];
  if (rule.notApplicableWhen) branches.push(['na', rule.notApplicableWhen.when]);
  if (rule.indeterminateWhen) branches.push(['ind', rule.indeterminateWhen.when]);
  for (const c of rule.checks) branches.push([`check:${c.id}`, c.when]);
  for (const n of rule.notes ?? []) branches.push([`note:${n.id}`, n.when]);
  for (const [name, conditions] of branches) engine.addRule({ name, conditions, event: { type: name } });
  let held: Set<string>;
  try {
    held = new Set((await engine.run(facts)).results.filter((r) => r.result).map((r) => r.name));
  } catch {
    return { outcome: 'indeterminate', messageId: id('internal-error'), notes: [] };
  }
  const { from, until } = rule.effective ?? {};
  if (fiscalYear !== null && from !== undefined && from > `${String(fiscalYear)}-12-31`) return { outcome: 'not-applicable', messageId: id('not-in-force'), notes: [] };
  if (fiscalYear !== null && until !== undefined && until < `${String(fiscalYear)}-01-01`) return { outcome: 'not-applicable', messageId: id('no-longer-in-force'), notes: [] };
  const notes = (rule.notes ?? []).filter((n) => held.has(`note:${n.id}`)).map((n) => id(n.id));
  if (held.has('na')) return { outcome: 'not-applicable', messageId: id('not-applicable'), notes };
  const required = (ref: string) => {
    const [fact = '', ...path] = ref.split('.');
    return conditionValue(facts, fact, path.join('.'));
  };
  if ((rule.requires ?? []).some((ref) => blank(required(ref)))) return { outcome: 'indeterminate', messageId: id('blank'), notes };
  if (held.has('ind')) return { outcome: 'indeterminate', messageId: id('indeterminate'), notes };
  const check = rule.checks.find((c) => held.has(`check:${c.id}`));
  if (check !== undefined) return { outcome: 'fail', messageId: id(check.id), notes };
  return { outcome: 'pass', messageId: id('pass'), notes };
}

/** Every rule of a result against json-rules-engine's own run on the facts of the rule's stage. */
async function expectEngineDecisions(checker: Checker, evaluation: Evaluation, result: EvaluationResult): Promise<void> {
  const facts = checker.facts(evaluation);
  for (const { rule, stage, scope } of checker.rules) {
    if (scope !== 'form') continue; // history and batch rules run in the cross-form pass (cross-form.test.ts)
    const earlier = result.findings.filter((f) => (checker.rules.find((r) => r.rule.id === f.ruleId)?.stage ?? 0) < stage);
    const seen = stage === 0 ? facts : { ...facts, findings: findingsFactOf(earlier) };
    expect(decision(result.findings.find((f) => f.ruleId === rule.id)), rule.id).toEqual(await engineDecision(rule, seen, evaluation.fiscalYear));
  }
}

describe('the checker on the fast path', () => {
  it('gives the same result whether explanations come from json-rules-engine (async) or the compiled trace (sync), and the outcomes json-rules-engine’s own run gives', async () => {
    // Conditions drawn over the first form's facts (they often hold there), checked on it and on others.
    const caseArb = formArb().chain((first) => {
      const top = treeArb(leafArbFor(standard.facts(first)));
      return fc.record({
        evaluations: fc.array(formArb(), { maxLength: 2 }).map((more) => [first, ...more]),
        checks: fc.array(top, { minLength: 1, maxLength: 3 }),
        guard: fc.option(top, { nil: undefined }),
        ind: fc.option(top, { nil: undefined }),
        // A rule that runs after the others reads their outcomes (the `findings` fact, read again for its stage).
        after: fc.option(fc.constant(['*']), { nil: undefined }),
      });
    });
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ checks, guard, ind, after, evaluations }) => {
        const pack: Pack = { meta: { name: 'gen', version: '1.0.0', title: { 'zh-CN': '生成', en: 'generated' } }, rules: [generatedRule('gen/rule', checks, guard, ind, after)] };
        const checker = createChecker([...packs, pack]);
        for (const e of evaluations) {
          const viaEngine = await checker.checkEvaluation(e);
          expect(jsonWithoutErrorText(checker.checkEvaluationSync(e))).toBe(jsonWithoutErrorText(viaEngine));
          await expectEngineDecisions(checker, e, viaEngine);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result both ways on every real pack, for generated forms, and the outcomes json-rules-engine’s own run gives', async () => {
    const all = createChecker(readdirSync(rulesDir('.')).map((name) => loadPackFromDir(rulesDir(name))));
    await fc.assert(
      fc.asyncProperty(formArb(), fc.constantFrom('zh-CN' as const, 'en' as const), async (e, locale) => {
        const viaEngine = await all.checkEvaluation(e, { locale });
        expect(json(all.checkEvaluationSync(e, { locale }))).toBe(json(viaEngine));
        await expectEngineDecisions(all, e, viaEngine);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a rule that throws at run time', () => {
  const demo = (rules: Rule[]): Pack => ({ meta: { name: 'demo', version: '1.0.0', title: { 'zh-CN': '演示', en: 'demo' } }, rules });
  const text = { 'zh-CN': '测试', en: 'test' };
  const throwing: Rule = {
    id: 'demo/explodes',
    title: text,
    severity: 'error',
    basis: [{ instrument: '测试' }],
    paths: ['staffing.actual'],
    checks: [{ id: 'boom', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'explodes', value: 1 }] }, message: text }],
    pass: text,
  };
  const checker = createChecker([...packs, demo([throwing])], {}, {
    operators: {
      explodes: () => {
        throw new Error('operator exploded');
      },
    },
  });

  it('is that rule’s internal error for that form, and every other rule still runs (async and sync alike)', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), async (e) => {
        const plain = await standard.checkEvaluation(e);
        for (const result of [await checker.checkEvaluation(e), checker.checkEvaluationSync(e)]) {
          const bad = result.findings.find((f) => f.ruleId === 'demo/explodes');
          expect(bad?.outcome).toBe('indeterminate');
          expect(bad?.internalError).toBe('operator exploded');
          expect(bad?.messageId).toBe('demo/explodes#internal-error');
          expect(json(result.findings.filter((f) => f.ruleId !== 'demo/explodes'))).toBe(json(plain.findings));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('reports json-rules-engine’s own error for a built-in operator used on the wrong type (in against a number)', async () => {
    const wrongType: Rule = { ...throwing, id: 'demo/in-number', checks: [{ id: 'boom', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'in', value: 5 }] }, message: text }] };
    const c = createChecker([...packs, demo([wrongType])]);
    const result = await c.checkEvaluation(baseEvaluation());
    const bad = result.findings.find((f) => f.ruleId === 'demo/in-number');
    expect(bad?.internalError).toMatch(/indexOf is not a function/);
    expect(result.findings.filter((f) => f.ruleId !== 'demo/in-number').every((f) => f.internalError === undefined)).toBe(true);
    expect(c.checkEvaluationSync(baseEvaluation()).findings.find((f) => f.ruleId === 'demo/in-number')?.internalError).toBe(bad?.internalError);
  });

  it('still rejects an operator nobody supplied', () => {
    expect(() => createChecker([demo([throwing])])).toThrow(/unknown operator "explodes"/);
  });
});

// Issue 11, mutation: what the differential properties do not reach (validated packs never have these), stated as
// json-rules-engine 7 behaves (each checked against its run when written).
describe('compiled conditions: edges the packs never reach', () => {
  const operator = referenceOperators();

  it('an unknown operator throws what json-rules-engine throws', () => {
    expect(() => operator('nope').evaluate(1, 1)).toThrow('Unknown operator: nope');
    expect(() => compileCondition({ all: [{ fact: 'a', operator: 'nope', value: 1 }] }, operator).test({ a: 1 })).toThrow('Unknown operator: nope');
  });

  it('empty lists hold, at the top and nested; `not` of one does not', () => {
    expect(compileCondition({ all: [] }, operator).test({})).toBe(true);
    expect(compileCondition({ any: [] }, operator).test({})).toBe(true);
    expect(compileCondition({ all: [{ any: [] }] }, operator).test({})).toBe(true);
    expect(compileCondition({ not: { all: [] } }, operator).test({})).toBe(false);
    expect(compileCondition({ any: [] }, operator).explain({})).toEqual({ result: true, explanation: [] });
  });

  it('a fact is read from the facts table itself, never from its prototype', () => {
    const c = compileCondition({ all: [{ fact: 'constructor', path: 'name', operator: 'equal', value: 'Object' }, { fact: 'toString', operator: 'equal', value: null }] }, operator);
    expect(c.explain({})).toEqual({
      result: false,
      explanation: [
        { fact: 'constructor.name', operator: 'equal', expected: 'Object', actual: null, result: false },
        { fact: 'toString', operator: 'equal', expected: null, actual: null, result: false },
      ],
    });
  });

  it('a leaf whose operator gives something other than a boolean is not explained (as json-rules-engine drops it)', () => {
    const maybe = (name: string) => (name === 'maybe' ? { evaluate: () => 'maybe' } : operator(name));
    const c = compileCondition(
      { any: [{ fact: 'a', operator: 'maybe', value: 1 }, { fact: 'a', operator: 'maybe', value: { fact: 'b' } }, { fact: 'a', operator: 'equal', value: { fact: 'b' } }] },
      maybe,
    );
    expect(c.explain({ a: 1, b: 1 })).toEqual({ result: true, explanation: [{ fact: 'a', operator: 'equal', expected: 1, expectedFact: 'b', actual: 1, result: true }] });
  });

  it('an empty path reads the fact whole, as json-rules-engine does (not its "" property)', () => {
    // json-rules-engine 7 on { a: { '': 7 } }: `a` with path '' is { '': 7 }, so `equal 7` is false, `notEqual 7` true.
    const leaf = (name: string) => compileCondition({ all: [{ fact: 'a', path: '', operator: name, value: 7 }] }, operator);
    expect(leaf('equal').test({ a: { '': 7 } })).toBe(false);
    expect(leaf('notEqual').test({ a: { '': 7 } })).toBe(true);
  });

  it('a leaf whose value is undefined compares with undefined, as json-rules-engine does (no fact reference)', () => {
    // json-rules-engine 7's run (checked by a script): `a equal undefined` holds for {} and fails for { a: 1 } and
    // { a: null }. An undefined value is no `{ fact }` reference: it must not be looked into.
    const leaf = compileCondition({ all: [{ fact: 'a', operator: 'equal', value: undefined }] }, operator);
    expect(leaf.test({})).toBe(true);
    expect(leaf.test({ a: 1 })).toBe(false);
    expect(leaf.test({ a: null })).toBe(false);
  });
});

// The fast path of `fastOperator`: json-rules-engine's own operator, without the fact-value check where its answer
// is known. Counted on the built-in operator objects themselves (one shared instance each, in every engine).
describe('an operator runs without the value check only where its answer is known', () => {
  const builtIn = (name: string) => (new Engine() as unknown as { operators: { get(n: string): EngineOperator } }).operators.get(name);
  /** The operator's result, and how many times the built-in's fact-value check ran for it. */
  const run = (name: string, a: unknown, b: unknown) => {
    const check = vi.spyOn(builtIn(name), 'factValueValidator');
    try {
      return { result: referenceOperators()(name).evaluate(a, b), checked: check.mock.calls.length };
    } finally {
      check.mockRestore();
    }
  };

  it('equal, notEqual, in and notIn have no check: their callback alone', () => {
    expect(run('equal', 1, 1)).toEqual({ result: true, checked: 0 });
    expect(run('notEqual', 1, 1)).toEqual({ result: false, checked: 0 });
    expect(run('in', 1, [2, 1])).toEqual({ result: true, checked: 0 });
    expect(run('notIn', 1, [2])).toEqual({ result: true, checked: 0 });
  });

  it('the four comparisons skip the number check for a number, NaN too (every comparison of NaN is false, as the check makes it), and keep it for anything else', () => {
    expect(run('greaterThan', 2, 1)).toEqual({ result: true, checked: 0 });
    expect(run('lessThan', Infinity, 1)).toEqual({ result: false, checked: 0 });
    expect(run('greaterThanInclusive', NaN, -1)).toEqual({ result: false, checked: 0 });
    expect(run('lessThanInclusive', NaN, NaN)).toEqual({ result: false, checked: 0 });
    expect(run('greaterThan', '2', 1)).toEqual({ result: true, checked: 1 });
    // null > -1 is true in JavaScript; the check (parseFloat(null) is NaN) makes it false.
    expect(run('greaterThan', null, -1)).toEqual({ result: false, checked: 1 });
  });

  it('contains and doesNotContain test for a list themselves', () => {
    expect(run('contains', [1, 2], 2)).toEqual({ result: true, checked: 0 });
    expect(run('contains', 'a2', '2')).toEqual({ result: false, checked: 0 });
    expect(run('doesNotContain', 'a2', 'x')).toEqual({ result: false, checked: 0 });
  });

  it('an operator added by name is its callback alone (its check is json-rules-engine’s default, always true); any other operator object, under a built-in’s name too, runs as it is', () => {
    const own: EngineOperator = { cb: (a, b) => `cb ${String(a)} ${String(b)}`, factValueValidator: () => false, evaluate: () => 'evaluate' };
    expect(fastOperator('mine', own, true).evaluate(1, 2)).toBe('cb 1 2');
    expect(fastOperator('mine', own, false).evaluate(1, 2)).toBe('evaluate');
    expect(fastOperator('equal', own, false).evaluate(1, 2)).toBe('evaluate');
    expect(fastOperator('greaterThan', own, false).evaluate(1, 2)).toBe('evaluate');
    expect(fastOperator('contains', own, false).evaluate([1], 2)).toBe('evaluate');
  });
});
