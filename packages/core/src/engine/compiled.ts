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
 * Every `{ fact, path }` a checker's conditions (and its rules' data) read is read once per form into a slot
 * of a {@link FactReads}; the closures read the slots. Facts are values (nothing here writes to them), so
 * reading a path once or each time it is named gives the same value.
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

/** One form's facts as read by a {@link FactReads}: the value of each slot. */
export type FactValues = readonly unknown[];

/** A compiled condition: its raw result (as json-rules-engine would set it on the node). */
type Evaluate = (values: FactValues) => unknown;
/** The same, recording the explanation of every leaf. */
type Trace = (values: FactValues, out: ExplainedCondition[]) => unknown;

/** The explanation of one condition for one form, and whether it held. */
export interface Explained {
  readonly result: boolean;
  readonly explanation: ExplainedCondition[];
}

/** One condition tree, compiled. */
export interface CompiledCondition {
  /** `true` when the condition holds (json-rules-engine's `ruleResult.result === true`). */
  readonly test: (facts: FactTable) => boolean;
  /** Evaluate while recording each leaf: the explanation json-rules-engine's result tree gives. */
  readonly explain: (facts: FactTable) => Explained;
  /** {@link test} on the facts already read into the slots of the condition's {@link FactReads}. */
  readonly testValues: (values: FactValues) => boolean;
  /** {@link explain} on the facts already read into the slots of the condition's {@link FactReads}. */
  readonly explainValues: (values: FactValues) => Explained;
  /** Names of the facts the condition reads (for running the reference engine on just those). */
  readonly facts: readonly string[];
}

/** An operator object of json-rules-engine 7 (`operator.js`): `evaluate(a, b)` is `factValueValidator(a) && cb(a, b)`. */
export interface EngineOperator extends ReferenceOperator {
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
 *   (`Infinity` included), only NaN gives NaN; and each of the four comparisons is false for NaN, as the validator
 *   makes it: so a number goes to the callback alone. Anything else goes through the validator as before.
 * - An operator added by name (`engine.addOperator(name, fn)`) has the default validator, which returns true.
 * Exported for its tests only.
 */
export function fastOperator(name: string, op: EngineOperator, addedByName: boolean): ReferenceOperator {
  if (addedByName || (op === DEFAULT_OPERATORS.get(name) && UNCHECKED.has(name))) return { evaluate: (a, b) => op.cb(a, b) };
  if (op !== DEFAULT_OPERATORS.get(name)) return op;
  if (NUMBER_CHECKED.has(name)) return { evaluate: (a, b) => (typeof a === 'number' ? op.cb(a, b) : op.evaluate(a, b)) };
  if (ARRAY_CHECKED.has(name)) return { evaluate: (a, b) => Array.isArray(a) && op.cb(a, b) };
  return op;
}

/**
 * The operators a checker evaluates with, as json-rules-engine's own operator objects: the built-ins, every
 * entry of {@link CUSTOM_OPERATORS} (so operators added there are picked up) and an embedder's extra ones.
 */
export function referenceOperators(extra: Readonly<Record<string, OperatorFn>> = {}): (name: string) => ReferenceOperator {
  // An engine only for its operator map (the built-ins, then ours by name); it runs nothing.
  const engine = new Engine();
  const added = { ...CUSTOM_OPERATORS, ...extra };
  for (const [name, fn] of Object.entries(added)) engine.addOperator(name, fn);
  const map = operatorMap(engine);
  // Asked once per leaf while conditions are compiled, never while a form is checked.
  return (name) => {
    const found = map.get(name);
    // json-rules-engine rejects the rule at run time with this message; pack validation catches it earlier.
    return found === null
      ? { evaluate: () => { throw new Error(`Unknown operator: ${name}`); } }
      : fastOperator(name, found, Object.hasOwn(added, name));
  };
}

/**
 * `almanac.factValue(fact, params, path)` with `allowUndefinedFacts` and the plain-path resolver; `path` is never
 * `''` here (json-rules-engine reads an empty path as none: {@link FactReads.condition} passes `undefined`).
 */
function factReader(fact: string, path: string | undefined): (facts: FactTable) => unknown {
  if (path === undefined) return (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined);
  const read = pathReader(path);
  return (facts) => {
    if (!Object.hasOwn(facts, fact)) return undefined;
    const value = facts[fact];
    return value !== null && typeof value === 'object' ? read(value) : value;
  };
}

/**
 * The reads of compiled conditions and rule data, each distinct one a slot: a form's facts are read once into
 * an array ({@link read}) and every closure takes its values from there.
 */
export class FactReads {
  private readonly bySignature = new Map<string, number>();
  private readonly readers: ((facts: FactTable) => unknown)[] = [];
  private readonly factOfSlot: string[] = [];

  private add(signature: string, fact: string, read: (facts: FactTable) => unknown): number {
    let slot = this.bySignature.get(signature);
    if (slot === undefined) {
      slot = this.readers.length;
      this.readers.push(read);
      this.factOfSlot.push(fact);
      this.bySignature.set(signature, slot);
    }
    return slot;
  }

  /** Slot of a condition's `{ fact, path }`: json-rules-engine's `almanac.factValue(fact, params, path)`. */
  condition(fact: string, path: string | undefined): number {
    const p = path === '' ? undefined : path;
    return this.add(`c\u0000${fact}\u0000${p ?? ''}`, fact, factReader(fact, p));
  }

  /** Slot of a dotted path walked from the facts table itself, own properties only (a rule's data). */
  path(path: string): number {
    return this.add(`p\u0000${path}`, path.split('.')[0] ?? '', pathReader(path));
  }

  /** How many slots there are. */
  get size(): number {
    return this.readers.length;
  }

  /** Every slot, read from one form's facts. */
  read(facts: FactTable): unknown[] {
    return this.readers.map((read) => read(facts));
  }

  /** Read again, in place, the slots of one fact, from `facts` (which holds that fact as it now is). */
  reread(values: unknown[], facts: FactTable, fact: string): void {
    this.readers.forEach((read, i) => {
      if (this.factOfSlot[i] === fact) values[i] = read(facts);
    });
  }
}

function isFactRef(value: unknown): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
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

function compileLeaf(leaf: Extract<NestedCondition, { fact: string }>, operator: (name: string) => ReferenceOperator, reads: FactReads): Compiled {
  const op = operator(leaf.operator);
  const a = reads.condition(leaf.fact, leaf.path);
  const factName = typeof leaf.path === 'string' ? `${leaf.fact}.${leaf.path}` : leaf.fact;
  const { operator: operatorName, value: written } = leaf;
  // json-rules-engine's result tree drops undefined values; the explainer reads them back as null. A leaf
  // whose operator returned something other than a boolean is not explained (as before). Key order is the
  // explainer's: fact, operator, expected, [expectedFact], actual, result.
  if (!isFactRef(written)) {
    // `almanac.getValue(value)`: anything but a `{ fact, path }` reference stands as written.
    return {
      run: (values) => op.evaluate(values[a], written),
      trace: (values, out) => {
        const actual = values[a];
        const result = op.evaluate(actual, written);
        if (typeof result === 'boolean') out.push({ fact: factName, operator: operatorName, expected: written, actual: actual ?? null, result });
        return result;
      },
    };
  }
  const b = reads.condition(written.fact, written.path);
  const expectedFact = written.path === undefined ? written.fact : `${written.fact}.${written.path}`;
  return {
    run: (values) => op.evaluate(values[a], values[b]),
    trace: (values, out) => {
      const actual = values[a];
      const expected = values[b];
      const result = op.evaluate(actual, expected);
      if (typeof result === 'boolean') out.push({ fact: factName, operator: operatorName, expected: expected ?? null, expectedFact, actual: actual ?? null, result });
      return result;
    },
  };
}

/** `prioritizeAndRun` for one priority set: every child runs; one child's result stands as it is. */
function compileList(children: readonly NestedCondition[], mode: 'all' | 'any', operator: (name: string) => ReferenceOperator, reads: FactReads): Compiled {
  const compiled = children.map((c) => compileNested(c, operator, reads));
  if (compiled.length === 0) return { run: () => true, trace: () => true };
  if (compiled.length === 1) {
    const [only] = compiled as [Compiled];
    return only;
  }
  const runs = compiled.map((c) => c.run);
  const traces = compiled.map((c) => c.trace);
  if (mode === 'all') {
    return {
      run: (values) => {
        let ok = true;
        for (const r of runs) if (r(values) !== true) ok = false;
        return ok;
      },
      trace: (values, out) => {
        let ok = true;
        for (const t of traces) if (t(values, out) !== true) ok = false;
        return ok;
      },
    };
  }
  return {
    run: (values) => {
      let ok = false;
      for (const r of runs) if (r(values) === true) ok = true;
      return ok;
    },
    trace: (values, out) => {
      let ok = false;
      for (const t of traces) if (t(values, out) === true) ok = true;
      return ok;
    },
  };
}

function compileNested(node: NestedCondition, operator: (name: string) => ReferenceOperator, reads: FactReads): Compiled {
  if ('all' in node || 'any' in node) {
    const inner = 'all' in node ? compileList(node.all, 'all', operator, reads) : compileList(node.any, 'any', operator, reads);
    // A nested boolean node's result is `comparisonValue === true`.
    return { run: (values) => inner.run(values) === true, trace: (values, out) => inner.trace(values, out) === true };
  }
  if ('not' in node) {
    const inner = compileNested(node.not, operator, reads);
    return { run: (values) => !(inner.run(values) as boolean), trace: (values, out) => !(inner.trace(values, out) as boolean) };
  }
  return compileLeaf(node, operator, reads);
}

/**
 * Compile a top-level condition (`all`, `any` or `not`), as a rule's `conditions`. Its reads are slots of
 * `reads` (a checker shares one among all its conditions).
 */
export function compileCondition(condition: TopLevelCondition, operator: (name: string) => ReferenceOperator, reads: FactReads = new FactReads()): CompiledCondition {
  let top: Compiled;
  if ('all' in condition) top = compileList(condition.all, 'all', operator, reads);
  else if ('any' in condition) top = compileList(condition.any, 'any', operator, reads);
  else {
    const inner = compileNested(condition.not, operator, reads);
    top = { run: (values) => !(inner.run(values) as boolean), trace: (values, out) => !(inner.trace(values, out) as boolean) };
  }
  const factNames = new Set<string>();
  collectFacts(condition, factNames);
  const { run, trace } = top;
  const testValues = (values: FactValues) => run(values) === true;
  const explainValues = (values: FactValues): Explained => {
    const explanation: ExplainedCondition[] = [];
    const result = trace(values, explanation) === true;
    return { result, explanation };
  };
  return {
    test: (facts) => testValues(reads.read(facts)),
    explain: (facts) => explainValues(reads.read(facts)),
    testValues,
    explainValues,
    facts: [...factNames],
  };
}
