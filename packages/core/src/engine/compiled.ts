import { Engine } from 'json-rules-engine';
import type { NestedCondition, TopLevelCondition } from '../pack/schema.js';
import type { ExplainedCondition } from '../result/model.js';
import { CUSTOM_OPERATORS, pathReader, type OperatorFn } from './operators.js';

/**
 * The fast path: json-rules-engine condition trees compiled once into plain synchronous closures with exactly
 * json-rules-engine 7's semantics, so a form is checked without promises, almanacs or per-run deep copies.
 *
 * What "exactly" covers (read from json-rules-engine's `rule.js`, `condition.js`, `almanac.js`):
 * - Operators are json-rules-engine's own operator objects (taken from an engine's operator map), so the
 *   built-ins keep their fact-value validators (`greaterThan` needs `parseFloat` to give a number, `contains`
 *   needs an array) and throw where they throw (`in` against a non-list value).
 * - A fact that does not exist is `undefined` (the checker allows undefined facts). With a `path`, a fact whose
 *   value is not an object is returned as it is; an object goes through the plain-path resolver.
 * - A value `{ fact, path }` is resolved the same way; anything else is compared as written.
 * - `all`/`any` with several children evaluate every child (all conditions share one priority, so there is
 *   no short-circuit: an error in any child is an error of the rule) and compare each child's result with
 *   `=== true`. With one child, the child's own result stands (at the top level even a non-boolean one).
 *   `not` negates its child.
 * - Explanations list the leaves depth-first (`all`, `any`, `not`, then the leaf), each with the resolved
 *   fact and value, exactly as read from json-rules-engine's result tree.
 *
 * The differential property in `compiled.test.ts` checks all of this against json-rules-engine itself on
 * generated condition trees and forms.
 */

/** What a compiled condition reads: the facts of one evaluation, keyed by fact name. */
export type FactTable = Readonly<Record<string, unknown>>;

/** An operator as json-rules-engine runs it: fact-value validator plus callback. */
export interface ReferenceOperator {
  evaluate(factValue: unknown, jsonValue: unknown): unknown;
}

/** A compiled condition: its raw result (as json-rules-engine would set it on the node). */
type Evaluate = (facts: FactTable) => unknown;
/** The same, recording the explanation of every leaf. */
type Trace = (facts: FactTable, out: ExplainedCondition[]) => unknown;

/** One condition tree, compiled. */
export interface CompiledCondition {
  /** `true` when the condition holds (json-rules-engine's `ruleResult.result === true`). */
  readonly test: (facts: FactTable) => boolean;
  /** Evaluate while recording each leaf: the explanation json-rules-engine's result tree gives. */
  readonly explain: (facts: FactTable) => { readonly result: boolean; readonly explanation: ExplainedCondition[] };
  /** Names of the facts the condition reads (for running the reference engine on just those). */
  readonly facts: readonly string[];
}

/** An operator object of json-rules-engine 7 (`operator.js`): `evaluate(a, b)` is `factValueValidator(a) && cb(a, b)`. */
interface EngineOperator extends ReferenceOperator {
  readonly cb: (factValue: unknown, jsonValue: unknown) => unknown;
  readonly factValueValidator: (factValue: unknown) => unknown;
}

interface OperatorMapLike {
  get(name: string): EngineOperator | null;
}

const operatorMap = (engine: Engine): OperatorMapLike =>
  // json-rules-engine keeps its operator map on the engine (`engine.operators`); its typings do not show it.
  (engine as unknown as { operators: OperatorMapLike }).operators;

/** json-rules-engine's built-in operator objects (one shared instance each, added to every engine). */
const DEFAULT_OPERATORS = operatorMap(new Engine([], { allowUndefinedFacts: true }));

/** Built-ins whose fact-value validator is `numberValidator`: `Number.parseFloat(a).toString() !== 'NaN'`. */
const NUMBER_CHECKED = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
/** Built-ins whose validator is `Array.isArray`. */
const ARRAY_CHECKED = new Set(['contains', 'doesNotContain']);
/** Built-ins without a validator (json-rules-engine's default one returns true). */
const UNCHECKED = new Set(['equal', 'notEqual', 'in', 'notIn']);

/**
 * `op.evaluate` without the validator call where its answer is known: the same result (and the same throw,
 * from the same callback) for every input; `operators.test.ts` compares them on awkward values.
 * - `numberValidator(a)` for a number `a` is `!Number.isNaN(a)`: `String(a)` of a number parses back to a number
 *   (`Infinity` included), only NaN gives NaN. Anything else goes through the validator as before.
 * - An operator added by name (`engine.addOperator(name, fn)`) has the default validator, which returns true.
 */
function fastOperator(name: string, op: EngineOperator, addedByName: boolean): ReferenceOperator {
  if (addedByName || (op === DEFAULT_OPERATORS.get(name) && UNCHECKED.has(name))) return { evaluate: (a, b) => op.cb(a, b) };
  if (op !== DEFAULT_OPERATORS.get(name)) return op;
  if (NUMBER_CHECKED.has(name)) return { evaluate: (a, b) => (typeof a === 'number' ? !Number.isNaN(a) && op.cb(a, b) : op.evaluate(a, b)) };
  if (ARRAY_CHECKED.has(name)) return { evaluate: (a, b) => Array.isArray(a) && op.cb(a, b) };
  return op;
}

/**
 * The operators a checker evaluates with, as json-rules-engine's own operator objects: the built-ins, every
 * entry of {@link CUSTOM_OPERATORS} (so operators added there are picked up) and an embedder's extra ones.
 */
export function referenceOperators(extra: Readonly<Record<string, OperatorFn>> = {}): (name: string) => ReferenceOperator {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const added = { ...CUSTOM_OPERATORS, ...extra };
  for (const [name, fn] of Object.entries(added)) engine.addOperator(name, fn);
  const map = operatorMap(engine);
  const cache = new Map<string, ReferenceOperator>();
  return (name) => {
    let op = cache.get(name);
    if (op === undefined) {
      const found = map.get(name);
      // json-rules-engine rejects the rule at run time with this message; pack validation catches it earlier.
      op = found === null
        ? { evaluate: () => { throw new Error(`Unknown operator: ${name}`); } }
        : fastOperator(name, found, Object.hasOwn(added, name));
      cache.set(name, op);
    }
    return op;
  };
}

/** `almanac.factValue(fact, params, path)` with `allowUndefinedFacts` and the plain-path resolver. */
function factReader(fact: string, path: string | undefined): Evaluate {
  if (path === undefined || path === '') return (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined);
  const read = pathReader(path);
  return (facts) => {
    if (!Object.hasOwn(facts, fact)) return undefined;
    const value = facts[fact];
    return value !== null && typeof value === 'object' ? read(value) : value;
  };
}

function isFactRef(value: unknown): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}

/** `almanac.getValue(value)`: a `{ fact, path }` reference is read, anything else stands as written. */
function valueReader(value: unknown): Evaluate {
  if (isFactRef(value)) return factReader(value.fact, value.path);
  return () => value;
}

type Node = NestedCondition | TopLevelCondition;

interface Compiled {
  readonly run: Evaluate;
  readonly trace: Trace;
}

function collectFacts(node: Node, out: Set<string>): void {
  if ('all' in node) for (const c of node.all) collectFacts(c, out);
  else if ('any' in node) for (const c of node.any) collectFacts(c, out);
  else if ('not' in node) collectFacts(node.not, out);
  else {
    out.add(node.fact);
    if (isFactRef(node.value)) out.add(node.value.fact);
  }
}

function compileLeaf(leaf: Extract<NestedCondition, { fact: string }>, operator: (name: string) => ReferenceOperator): Compiled {
  const op = operator(leaf.operator);
  const readFact = factReader(leaf.fact, leaf.path);
  const readValue = valueReader(leaf.value);
  const run: Evaluate = (facts) => op.evaluate(readFact(facts), readValue(facts));
  const factName = typeof leaf.path === 'string' ? `${leaf.fact}.${leaf.path}` : leaf.fact;
  const { operator: operatorName, value: written } = leaf;
  const ref = isFactRef(written) ? written : undefined;
  // json-rules-engine's result tree drops undefined values; the explainer reads them back as null. A leaf
  // whose operator returned something other than a boolean is not explained (as before). Key order is the
  // explainer's: fact, operator, expected, [expectedFact], actual, result.
  if (ref === undefined) {
    const trace: Trace = (facts, out) => {
      const actual = readFact(facts);
      const result = op.evaluate(actual, readValue(facts));
      if (typeof result === 'boolean') out.push({ fact: factName, operator: operatorName, expected: written, actual: actual ?? null, result });
      return result;
    };
    return { run, trace };
  }
  const expectedFact = ref.path === undefined ? ref.fact : `${ref.fact}.${ref.path}`;
  const trace: Trace = (facts, out) => {
    const actual = readFact(facts);
    const expected = readValue(facts);
    const result = op.evaluate(actual, expected);
    if (typeof result === 'boolean') out.push({ fact: factName, operator: operatorName, expected: expected ?? null, expectedFact, actual: actual ?? null, result });
    return result;
  };
  return { run, trace };
}

/** `prioritizeAndRun` for one priority set: every child runs; one child's result stands as it is. */
function compileList(children: readonly NestedCondition[], mode: 'all' | 'any', operator: (name: string) => ReferenceOperator): Compiled {
  const compiled = children.map((c) => compileNested(c, operator));
  if (compiled.length === 0) return { run: () => true, trace: () => true };
  if (compiled.length === 1) {
    const [only] = compiled as [Compiled];
    return only;
  }
  const runs = compiled.map((c) => c.run);
  const traces = compiled.map((c) => c.trace);
  if (mode === 'all') {
    return {
      run: (facts) => {
        let ok = true;
        for (const r of runs) if (r(facts) !== true) ok = false;
        return ok;
      },
      trace: (facts, out) => {
        let ok = true;
        for (const t of traces) if (t(facts, out) !== true) ok = false;
        return ok;
      },
    };
  }
  return {
    run: (facts) => {
      let ok = false;
      for (const r of runs) if (r(facts) === true) ok = true;
      return ok;
    },
    trace: (facts, out) => {
      let ok = false;
      for (const t of traces) if (t(facts, out) === true) ok = true;
      return ok;
    },
  };
}

function compileNested(node: NestedCondition, operator: (name: string) => ReferenceOperator): Compiled {
  if ('all' in node || 'any' in node) {
    const inner = 'all' in node ? compileList(node.all, 'all', operator) : compileList(node.any, 'any', operator);
    // A nested boolean node's result is `comparisonValue === true`.
    return { run: (facts) => inner.run(facts) === true, trace: (facts, out) => inner.trace(facts, out) === true };
  }
  if ('not' in node) {
    const inner = compileNested(node.not, operator);
    return { run: (facts) => !(inner.run(facts) as boolean), trace: (facts, out) => !(inner.trace(facts, out) as boolean) };
  }
  return compileLeaf(node, operator);
}

/** Compile a top-level condition (`all`, `any` or `not`), as a rule's `conditions`. */
export function compileCondition(condition: TopLevelCondition, operator: (name: string) => ReferenceOperator): CompiledCondition {
  let top: Compiled;
  if ('all' in condition) top = compileList(condition.all, 'all', operator);
  else if ('any' in condition) top = compileList(condition.any, 'any', operator);
  else {
    const inner = compileNested(condition.not, operator);
    top = { run: (facts) => !(inner.run(facts) as boolean), trace: (facts, out) => !(inner.trace(facts, out) as boolean) };
  }
  const factNames = new Set<string>();
  collectFacts(condition, factNames);
  const { run, trace } = top;
  return {
    test: (facts) => run(facts) === true,
    explain: (facts) => {
      const explanation: ExplainedCondition[] = [];
      const result = trace(facts, explanation) === true;
      return { result, explanation };
    },
    facts: [...factNames],
  };
}
