// How a finding explains itself from json-rules-engine's result tree (issue 11, mutation): `leafExplanations` is
// used by the checker's async path and by the differential property's oracle alike, so the property cannot see a
// fault in it. Worked by hand here: the tree below is what `rule.toJSON(false).conditions` gives after a run.
import { describe, expect, it } from 'vitest';
import { leafExplanations } from './checker.js';

describe('leafExplanations', () => {
  const tree = {
    all: [
      { fact: 'staffing', path: 'actual', operator: 'greaterThan', value: 10, factResult: 12, result: true },
      { any: [{ fact: 'budget', operator: 'equal', value: { fact: 'params', path: 'demo.limit' }, valueResult: 5, result: false }] },
      { not: { fact: 'staffing', path: 'authorized', operator: 'isBlank', value: true, factResult: null, result: true } },
      // An operator that gave something other than a boolean is not explained.
      { fact: 'staffing', path: 'actual', operator: 'custom', value: 1, factResult: 2, result: 'maybe' },
      { fact: 'derived', operator: 'equal', value: { fact: 'params' }, result: true },
      { fact: 'answers', path: 'q1', operator: 'equal', value: { not: 'a reference' }, factResult: 'yes', result: false },
      { fact: 'answers', path: 'q2', operator: 'equal', value: null, factResult: 0, result: false },
    ],
  };

  it('lists every leaf depth-first: the field, the operator, what was expected and found, and whether it held', () => {
    expect(leafExplanations(tree)).toStrictEqual([
      { fact: 'staffing.actual', operator: 'greaterThan', expected: 10, actual: 12, result: true },
      // A value read from another fact: its value is what was expected, and the fact it came from is named.
      { fact: 'budget', operator: 'equal', expected: 5, expectedFact: 'params.demo.limit', actual: null, result: false },
      { fact: 'staffing.authorized', operator: 'isBlank', expected: true, actual: null, result: true },
      // Values the tree drops (undefined) read back as null.
      { fact: 'derived', operator: 'equal', expected: null, expectedFact: 'params', actual: null, result: true },
      // An object without `fact` is a value as written, not a reference.
      { fact: 'answers.q1', operator: 'equal', expected: { not: 'a reference' }, actual: 'yes', result: false },
      { fact: 'answers.q2', operator: 'equal', expected: null, actual: 0, result: false },
    ]);
  });

  it('writes the keys in the order a report shows them', () => {
    const [plain, ref] = leafExplanations({ all: [tree.all[0], tree.all[1]?.any?.[0]] });
    expect(Object.keys(plain ?? {})).toEqual(['fact', 'operator', 'expected', 'actual', 'result']);
    expect(Object.keys(ref ?? {})).toEqual(['fact', 'operator', 'expected', 'expectedFact', 'actual', 'result']);
  });

  it('appends to the list it is given, and finds nothing in what is not a tree', () => {
    const out = [{ fact: 'x', operator: 'equal', expected: 1, actual: 1, result: true }];
    expect(leafExplanations({ any: [tree.all[0]] }, out)).toBe(out);
    expect(out.map((e) => e.fact)).toEqual(['x', 'staffing.actual']);
    expect(leafExplanations(null)).toEqual([]);
    expect(leafExplanations('all')).toEqual([]);
    expect(leafExplanations({ all: 'not a list', any: null })).toEqual([]);
    // A leaf needs a fact, an operator and a boolean result.
    expect(leafExplanations({ fact: 1, operator: 'equal', result: true })).toEqual([]);
    expect(leafExplanations({ fact: 'a', operator: 2, result: true })).toEqual([]);
    expect(leafExplanations({ fact: 'a', operator: 'equal', path: 3, value: 1, factResult: 1, result: false })).toEqual([
      { fact: 'a', operator: 'equal', expected: 1, actual: 1, result: false },
    ]);
  });
});
