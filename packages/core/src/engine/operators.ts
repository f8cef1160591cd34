import { compareMoney, isMoney } from '../model/money.js';

/**
 * Custom json-rules-engine operators. Money operators compare 2-decimal amounts exactly in hundredths and
 * are false when either side is blank (a blank is unknown, never 0); rules state blanks explicitly with
 * `isBlank` or `requires`.
 */
export type OperatorFn = (factValue: unknown, expected: unknown) => boolean;

const isBlankValue = (v: unknown): boolean => v === null || v === undefined || v === '';

/** Signed money (derived differences may be negative): |v| must be a 2-decimal amount. */
const isSignedMoney = (v: unknown): v is number => typeof v === 'number' && isMoney(Math.abs(v));

function money(test: (cmp: number) => boolean): OperatorFn {
  return (a, b) => isSignedMoney(a) && isSignedMoney(b) && test(compareMoney(a, b));
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

export const CUSTOM_OPERATORS: Readonly<Record<string, OperatorFn>> = {
  /** `value: true` → the fact is blank (null, missing or empty text); `value: false` → it is filled in. */
  isBlank: (v, expected) => isBlankValue(v) === (expected !== false),
  /** The answer is one of the given answers (`"yes"` or `["no", "unanswered"]`). */
  answerIs: (v, expected) => typeof v === 'string' && asList(expected).includes(v),
  /** The answer is none of the given answers. A missing answer is not "none of". */
  answerIsNot: (v, expected) => typeof v === 'string' && !asList(expected).includes(v),
  moneyEqual: money((c) => c === 0),
  moneyNotEqual: money((c) => c !== 0),
  moneyGreaterThan: money((c) => c > 0),
  moneyGreaterThanInclusive: money((c) => c >= 0),
  moneyLessThan: money((c) => c < 0),
  moneyLessThanInclusive: money((c) => c <= 0),
  /** The list fact holds at least one of the given values. */
  containsAny: (v, expected) => Array.isArray(v) && asList(expected).some((x) => v.includes(x)),
  /** The list fact holds none of the given values (a blank list is not "none"). */
  containsNone: (v, expected) => Array.isArray(v) && !asList(expected).some((x) => v.includes(x)),
  /** The list fact has more than `expected` items. */
  lengthGreaterThan: (v, expected) => Array.isArray(v) && typeof expected === 'number' && v.length > expected,
};

/** json-rules-engine's own operators. */
export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

export const KNOWN_OPERATORS: ReadonlySet<string> = new Set([...BUILTIN_OPERATORS, ...Object.keys(CUSTOM_OPERATORS)]);

/** Split paths, cached: rules name a bounded set of paths, read for every form. */
const SPLIT_PATHS = new Map<string, readonly string[]>();
const MAX_CACHED_PATHS = 10_000;

function splitPath(path: string): readonly string[] {
  let keys = SPLIT_PATHS.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (SPLIT_PATHS.size < MAX_CACHED_PATHS) SPLIT_PATHS.set(path, keys);
  }
  return keys;
}

/**
 * A reader for one dotted path, split once: the same walk as {@link resolvePath}, for paths known in advance
 * (a rule's data, observed fields and requirements are read for every form).
 */
export function pathReader(path: string): (value: unknown) => unknown {
  const keys = path.split('.');
  const step = (value: unknown, key: string): unknown =>
    value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  const [a = '', b = '', c = ''] = keys;
  // Unrolled for the usual depths (`staffing.actual`, `derived.incomeTotal.difference`).
  if (keys.length === 1) return (value) => step(value, a);
  if (keys.length === 2) return (value) => step(step(value, a), b);
  if (keys.length === 3) return (value) => step(step(step(value, a), b), c);
  return (value) => {
    let current: unknown = value;
    for (const key of keys) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

/**
 * Plain own-property walk used as json-rules-engine's `pathResolver` (instead of JSONPath): no code runs,
 * no prototype is reached, and it is ~3× faster.
 */
export function resolvePath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of splitPath(path)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
