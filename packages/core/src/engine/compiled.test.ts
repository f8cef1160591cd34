import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, evaluationArb } from '@jixiao/testing';
import { loadPackFromDir } from '../node/index.js';
import type { NestedCondition, Pack, Rule, TopLevelCondition } from '../pack/schema.js';
import type { ExplainedCondition } from '../result/model.js';
import { createChecker, leafExplanations, type Facts } from './checker.js';
import { compileCondition, FactReads, referenceOperators } from './compiled.js';
import { BUILTIN_OPERATORS, CUSTOM_OPERATORS, KNOWN_OPERATORS, resolvePath } from './operators.js';

/**
 * Differential properties: the compiled conditions (the fast path) against json-rules-engine (the reference),
 * on generated condition trees over the facts a real form offers and on generated forms.
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

const PATHS = factPaths({ ...standard.facts(baseEvaluation()), findings: { outcomes: { 'integrity/income-total': 'pass' }, evaluatedCount: 1, failedRules: [], errorFailures: [], errorFailureCount: 0, redFlags: [], redFlagCount: 0 } });
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
const leafArb: fc.Arbitrary<NestedCondition> = fc
  .record({ at: fc.constantFrom(...PATHS), operator: fc.constantFrom(...OPERATORS), value: valueArb })
  .map(({ at, operator, value }) => ({ ...at, operator, value }));

const { node: nodeArb } = fc.letrec<{ node: NestedCondition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leafArb },
    { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: tie('node').map((not) => ({ not })) },
  ),
}));
const topArb: fc.Arbitrary<TopLevelCondition> = fc.oneof(
  fc.array(nodeArb, { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
  fc.array(nodeArb, { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
  nodeArb.map((not) => ({ not })),
);

type Outcome = { ok: true; result: boolean; explanation: ExplainedCondition[] } | { ok: false; message: string };

async function reference(conditions: TopLevelCondition, facts: Facts): Promise<Outcome> {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  engine.addRule({ name: 'r', conditions, event: { type: 'r' } });
  try {
    const { results, failureResults } = await engine.run(facts);
    const r = results[0] ?? failureResults[0];
    if (r === undefined) throw new Error('no result');
    return { ok: true, result: r.result === true, explanation: leafExplanations(r.toJSON(false).conditions) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const operator = referenceOperators();

function compiled(conditions: TopLevelCondition, facts: Facts): Outcome {
  const c = compileCondition(conditions, operator);
  try {
    const test = c.test(facts);
    const { result, explanation } = c.explain(facts);
    expect(result).toBe(test);
    return { ok: true, result, explanation };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
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

describe('the operators compiled conditions call', () => {
  // json-rules-engine's own operator objects, as an engine set up like the checker's reference engines has them.
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  const own = (engine as unknown as { operators: { get(name: string): { evaluate(a: unknown, b: unknown): unknown } | null } }).operators;
  const AWKWARD: unknown[] = [
    NaN, Infinity, -Infinity, 0, -0, 1, 2.5, -3, 1e21, 5e-324, Number.MAX_VALUE, '', '12', '12abc', 'abc', ' 7', 'Infinity', '-0',
    null, undefined, true, false, [], [1], [1, 2], ['12'], [NaN], {}, { a: 1 }, { indexOf: 1 },
  ];

  it('decide as json-rules-engine’s operator objects on awkward values, or throw what they throw', () => {
    for (const name of OPERATORS) {
      const reference = own.get(name);
      if (reference === null) throw new Error(`no operator ${name}`);
      for (const a of AWKWARD) for (const b of AWKWARD) expect(evaluated(operator(name), a, b)).toStrictEqual(evaluated(reference, a, b));
    }
  });

  it('decide as json-rules-engine’s operator objects on any values', () => {
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
});

describe('compiled conditions versus json-rules-engine', () => {
  it('knows every operator json-rules-engine and jixiao define', () => {
    for (const name of [...BUILTIN_OPERATORS, ...Object.keys(CUSTOM_OPERATORS)]) expect(() => operator(name).evaluate(1, [1])).not.toThrow(/Unknown operator/);
  });

  it('gives the same result and explanation on generated condition trees and forms (or both throw)', async () => {
    await fc.assert(
      fc.asyncProperty(topArb, evaluationArb(), async (conditions, evaluation) => {
        const facts = standard.facts(evaluation);
        const expected = await reference(conditions, facts);
        const actual = compiled(conditions, facts);
        expect(actual.ok).toBe(expected.ok);
        if (actual.ok && expected.ok) {
          expect(actual.result).toBe(expected.result);
          expect(json(actual.explanation)).toBe(json(expected.explanation));
          expect(actual.explanation).toEqual(expected.explanation);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same outcome and explanation on leaves that compare two facts', async () => {
    const refLeaf = fc
      .record({ a: fc.constantFrom(...PATHS), b: fc.constantFrom(...PATHS), operator: fc.constantFrom(...OPERATORS) })
      .map(({ a, b, operator }): TopLevelCondition => ({ all: [{ ...a, operator, value: b }] }));
    await fc.assert(
      fc.asyncProperty(refLeaf, evaluationArb(), async (conditions, evaluation) => {
        const facts = standard.facts(evaluation);
        const expected = await reference(conditions, facts);
        const actual = compiled(conditions, facts);
        expect(actual).toEqual(expected.ok ? expected : { ok: false, message: expected.message });
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

describe('the checker on the fast path', () => {
  it('gives the same result whether explanations come from json-rules-engine (async) or the compiled trace (sync)', async () => {
    const ruleArb = fc.record({
      checks: fc.array(topArb, { minLength: 1, maxLength: 3 }),
      guard: fc.option(topArb, { nil: undefined }),
      ind: fc.option(topArb, { nil: undefined }),
      // A rule that runs after the others reads their outcomes (the `findings` fact, read again for its stage).
      after: fc.option(fc.constant(['*']), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(ruleArb, fc.array(evaluationArb(), { minLength: 1, maxLength: 3 }), async ({ checks, guard, ind, after }, evaluations) => {
        const pack: Pack = { meta: { name: 'gen', version: '1.0.0', title: { 'zh-CN': '生成', en: 'generated' } }, rules: [generatedRule('gen/rule', checks, guard, ind, after)] };
        const checker = createChecker([...packs, pack]);
        for (const e of evaluations) {
          const viaEngine = await checker.checkEvaluation(e);
          expect(jsonWithoutErrorText(checker.checkEvaluationSync(e))).toBe(jsonWithoutErrorText(viaEngine));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result both ways on the real packs, for generated forms', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.constantFrom('zh-CN' as const, 'en' as const), async (e, locale) => {
        expect(json(standard.checkEvaluationSync(e, { locale }))).toBe(json(await standard.checkEvaluation(e, { locale })));
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
