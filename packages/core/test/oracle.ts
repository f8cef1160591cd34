/**
 * An independent oracle for the engine's own parts: jixiao's custom operators and the plain fact-path walk,
 * written from their definitions (../shared/domain.md §1 and §3; the operator contract in the pack docs), not
 * from the engine's code, and kept small enough to check by eye. Differential properties run json-rules-engine
 * with these and the checker with its own: a bug on either side shows as a difference.
 */
import { MAX_MONEY } from '../src/model/money.js';

/** Blank: null, missing, or empty text (a blank is unknown, never 0). */
const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The values a condition lists: a list as it is, one value as a list of one. */
const listed = (expected: unknown): readonly unknown[] => (Array.isArray(expected) ? expected : [expected]);

/**
 * An amount in exact hundredths: a finite number whose decimal form has at most two decimals (signed, since
 * derived differences can be negative), at most {@link MAX_MONEY} 万元 either way; otherwise undefined.
 */
export function hundredths(v: unknown): bigint | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(v));
  if (m === null) return undefined;
  const [, sign, units = '', decimals = ''] = m;
  const cents = BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (cents > BigInt(MAX_MONEY) * 100n) return undefined;
  return sign === '-' ? -cents : cents;
}

/** A money comparison: false when either side is not an amount (a blank is never 0). */
function money(holds: (a: bigint, b: bigint) => boolean) {
  return (fact: unknown, expected: unknown): boolean => {
    const a = hundredths(fact);
    const b = hundredths(expected);
    return a !== undefined && b !== undefined && holds(a, b);
  };
}

export const ORACLE_OPERATORS: Readonly<Record<string, (fact: unknown, expected: unknown) => boolean>> = {
  // `value: false` asks for a filled-in fact; any other value for a blank one.
  isBlank: (fact, expected) => (expected === false ? !blank(fact) : blank(fact)),
  // An answer is text; answerIs / answerIsNot: among the listed answers or not. Anything else is neither.
  answerIs: (fact, expected) => typeof fact === 'string' && listed(expected).includes(fact),
  answerIsNot: (fact, expected) => typeof fact === 'string' && !listed(expected).includes(fact),
  moneyEqual: money((a, b) => a === b),
  moneyNotEqual: money((a, b) => a !== b),
  moneyGreaterThan: money((a, b) => a > b),
  moneyGreaterThanInclusive: money((a, b) => a >= b),
  moneyLessThan: money((a, b) => a < b),
  moneyLessThanInclusive: money((a, b) => a <= b),
  // List facts: holds one of the listed values / none of them / more than n items. A blank list holds nothing.
  containsAny: (fact, expected) => Array.isArray(fact) && listed(expected).some((x) => fact.includes(x)),
  containsNone: (fact, expected) => Array.isArray(fact) && listed(expected).every((x) => !fact.includes(x)),
  lengthGreaterThan: (fact, expected) => Array.isArray(fact) && typeof expected === 'number' && fact.length > expected,
};

/**
 * A dotted path walked through own properties only (`staffing.actual`, `channels.length`): nothing inherited
 * (`constructor`, `__proto__`, `toString`) and nothing through a non-object is ever reached.
 */
export function walkPath(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * What a condition leaf reads, as json-rules-engine 7 documents it: the fact's value; with a path, an object
 * value is walked ({@link walkPath}) and any other value is taken as it is.
 */
export function conditionValue(facts: Readonly<Record<string, unknown>>, fact: string, path?: string): unknown {
  const value = Object.prototype.hasOwnProperty.call(facts, fact) ? facts[fact] : undefined;
  if (path === undefined || path === '' || typeof value !== 'object' || value === null) return value;
  return walkPath(value, path);
}
