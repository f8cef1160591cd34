// How a finding explains itself from json-rules-engine's result tree (issue 11, mutation): `leafExplanations` is
// used by the checker's async path and by the differential property's oracle alike, so the property cannot see a
// fault in it. Worked by hand here: the tree below is what `rule.toJSON(false).conditions` gives after a run.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, minimalRule, patchEvaluation } from '@jixiao/testing';
import type { Pack, Rule } from '../pack/schema.js';
import { loadPackFromDir } from '../node/index.js';
import { waiverRefs } from '../waivers/waivers.js';
import { createChecker, leafExplanations } from './checker.js';

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
    expect(leafExplanations(undefined)).toEqual([]);
    expect(leafExplanations({ all: [undefined, 3, 'x'], any: [null], not: undefined })).toEqual([]);
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

// Each checker below is built inside its test: Stryker switches a mutant on while a test runs, so a checker built
// when the file loads would never see a mutant of the constructor (mutation run of 30 Nov, sixth shift).
const demo = (rules: Rule[]): Pack => ({ meta: { name: 'demo', version: '1.0.0', title: { 'zh-CN': '演示', en: 'demo' } }, rules });
const packDir = (name: string) => fileURLToPath(new URL(`../../../../rules/${name}`, import.meta.url));

describe('what a blank required field makes of a rule', () => {
  const needsStaff = minimalRule('demo/needs-staff', { requires: ['staffing.actual', 'staffing.authorized'] });

  it('names the blank fields in the reader\'s words, in both locales', () => {
    const checker = createChecker([demo([needsStaff])]);
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: null, authorized: null } });
    expect(checker.checkEvaluationSync(e).findings[0]).toMatchObject({ outcome: 'indeterminate', messageId: 'demo/needs-staff#blank', message: '无法判断：实有人数、编制人数为空' });
    expect(checker.checkEvaluationSync(e, { locale: 'en' }).findings[0]?.message).toBe('Cannot decide: actual staff, authorized staff blank');
  });

  it('a required field that is a whole group of the form (no path under it): blank is unknown, filled is decided', async () => {
    const checker = createChecker([demo([minimalRule('demo/needs-functions', { requires: ['functions'] })])]);
    const blank = checker.checkEvaluationSync({ ...baseEvaluation(), functions: null }).findings[0];
    expect(blank).toMatchObject({ outcome: 'indeterminate', messageId: 'demo/needs-functions#blank', message: '无法判断：部门职能概述为空', data: { fields: ['functions'] } });
    // The explanation names the field as written, json-rules-engine's (async) as the compiled trace's.
    const explanation = [{ fact: 'functions', operator: 'isBlank', expected: true, actual: null, result: true }];
    expect(blank?.explanation).toEqual(explanation);
    expect((await checker.checkEvaluation({ ...baseEvaluation(), functions: null })).findings[0]?.explanation).toEqual(explanation);
    const filled = checker.checkEvaluationSync({ ...baseEvaluation(), functions: '负责全区司法行政工作', staffing: { authorized: 20, actual: 5 } }).findings[0];
    expect(filled).toMatchObject({ outcome: 'pass', messageId: 'demo/needs-functions#pass' });
  });

  it('an empty `requires` requires nothing: the rule is decided by its checks', () => {
    const checker = createChecker([demo([minimalRule('demo/nothing', { requires: [] })])]);
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 5, authorized: 20 } });
    expect(checker.checkEvaluationSync(e).findings[0]?.messageId).toBe('demo/nothing#pass');
    expect(checker.checkEvaluationSync(patchEvaluation(e, { staffing: { actual: 11 } })).findings[0]?.messageId).toBe('demo/nothing#over');
  });
});

describe('which branch decides when several hold', () => {
  // Four conditions on four fields, each switched on and off alone: the rule's scope (notApplicableWhen), a required
  // field (requires), its own undecided case (indeterminateWhen) and a failure mode.
  const text = (s: string) => ({ 'zh-CN': s, en: s });
  const rule = minimalRule('demo/order', {
    paths: ['unit.name', 'staffing.authorized', 'staffing.actual', 'income.total'],
    requires: ['staffing.authorized'],
    notApplicableWhen: { when: { all: [{ fact: 'unit', path: 'name', operator: 'equal', value: '不适用单位' }] }, message: text('不适用') },
    indeterminateWhen: { when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: 50 }] }, message: text('无法判断') },
    checks: [{ id: 'over', when: { all: [{ fact: 'income', path: 'total', operator: 'greaterThan', value: 1000 }] }, message: text('超过') }],
  });
  const checker = createChecker([demo([rule])]);
  const cases = [false, true].flatMap((na) => [false, true].flatMap((blank) => [false, true].flatMap((ind) => [false, true].map((fail) => ({ na, blank, ind, fail })))));

  it.each(cases)('scope first, then blanks, then the rule\'s own undecided case, then its failures; a pass only when none holds: %o', async ({ na, blank, ind, fail }) => {
    const e = patchEvaluation(baseEvaluation(), {
      unit: { name: na ? '不适用单位' : '某单位' },
      staffing: { authorized: blank ? null : 20, actual: ind ? 60 : 5 },
      income: { total: fail ? 2000 : 300 },
    });
    // The documented order (examples/hunan-pack/README.md): a form outside the rule's scope is not applicable whatever
    // its values; inside it, an unknown value leaves the rule undecided before any failure mode is looked at.
    const expected = na ? 'demo/order#not-applicable' : blank ? 'demo/order#blank' : ind ? 'demo/order#indeterminate' : fail ? 'demo/order#over' : 'demo/order#pass';
    expect(checker.checkEvaluationSync(e).findings[0]?.messageId).toBe(expected);
    expect((await checker.checkEvaluation(e)).findings[0]?.messageId).toBe(expected);
    expect(checker.checkEvaluationSync(e).findings[0]?.outcome === 'pass').toBe(!na && !blank && !ind && !fail);
  });
});

describe('a note on a finding', () => {
  it('carries its own message, rendered with the rule\'s data', async () => {
    const rule = minimalRule('demo/noted', {
      data: { actual: { ref: 'staffing.actual' } },
      notes: [{ id: 'many', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: 3 }] }, message: { 'zh-CN': '实有 {actual} 人', en: '{actual} staff' } }],
    });
    const checker = createChecker([demo([rule])]);
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 7, authorized: 20 } });
    const expected = [{ messageId: 'demo/noted#many', message: '实有 7 人', data: { actual: 7 } }];
    expect(checker.checkEvaluationSync(e).findings[0]?.notes).toEqual(expected);
    expect((await checker.checkEvaluation(e)).findings[0]?.notes).toEqual(expected);
    expect(checker.checkEvaluationSync(e, { locale: 'en' }).findings[0]?.notes?.[0]?.message).toBe('7 staff');
  });
});

describe('operators an embedder supplies', () => {
  const divisibleBy = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a % b === 0;
  const leaf = (operator: string, value: unknown) => ({ fact: 'staffing', path: 'actual', operator, value });
  // The operator in every kind of branch and under all, any and not: each must count as known when validating.
  const everywhere = minimalRule('demo/everywhere', {
    notApplicableWhen: { when: { any: [{ not: leaf('divisibleBy', 1000) }, leaf('divisibleBy', 7)] }, message: { 'zh-CN': '不适用', en: 'n/a' } },
    indeterminateWhen: { when: { all: [leaf('divisibleBy', 9)] }, message: { 'zh-CN': '无法判断', en: 'cannot tell' } },
    checks: [{ id: 'even', when: { all: [{ not: { any: [leaf('divisibleBy', 3)] } }, leaf('divisibleBy', 2)] }, message: { 'zh-CN': '偶数', en: 'even' } }],
    notes: [{ id: 'eleven', when: { all: [leaf('divisibleBy', 11)] }, message: { 'zh-CN': '十一的倍数', en: 'a multiple of 11' } }],
  });
  // Not applicable unless a multiple of 1000 and not of 7; undecided for a multiple of 9; fails for an even count not
  // a multiple of 3; noted for a multiple of 11.
  const outcome = (checker: ReturnType<typeof createChecker>, actual: number) =>
    checker.checkEvaluationSync(patchEvaluation(baseEvaluation(), { staffing: { actual, authorized: 9999 } })).findings[0];

  it('count as known in every branch, and decide the outcome', () => {
    const checker = createChecker([demo([everywhere])], {}, { operators: { divisibleBy } });
    expect(outcome(checker, 1001)?.messageId).toBe('demo/everywhere#not-applicable');
    expect(outcome(checker, 7000)?.messageId).toBe('demo/everywhere#not-applicable');
    expect(outcome(checker, 9000)?.messageId).toBe('demo/everywhere#indeterminate');
    expect(outcome(checker, 22000)).toMatchObject({ outcome: 'fail', messageId: 'demo/everywhere#even', notes: [{ messageId: 'demo/everywhere#eleven' }] });
    expect(outcome(checker, 3000)).toMatchObject({ outcome: 'pass' });
    expect(outcome(checker, 3000)?.notes).toBeUndefined();
  });

  it('a rule whose operator throws is an internal error for that form, in both paths; the other rules still run', async () => {
    const boom = minimalRule('demo/boom', { checks: [{ id: 'x', when: { all: [leaf('explodes', 1)] }, message: { 'zh-CN': 'x', en: 'x' } }] });
    const checker = createChecker([demo([boom, minimalRule('demo/fine')])], {}, {
      operators: {
        explodes: () => {
          throw new Error('the operator failed');
        },
      },
    });
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 5, authorized: 20 } });
    const expected = { ruleId: 'demo/boom', outcome: 'indeterminate', messageId: 'demo/boom#internal-error', message: '规则执行出错（jixiao 内部错误）：the operator failed', internalError: 'the operator failed' };
    const sync = checker.checkEvaluationSync(e).findings;
    expect(sync[0]).toMatchObject(expected);
    expect(sync[1]).toMatchObject({ ruleId: 'demo/fine', outcome: 'pass' });
    expect((await checker.checkEvaluation(e)).findings[0]).toMatchObject(expected);
  });

  it('the async path runs a rule whose compiled conditions threw through json-rules-engine again, and that run decides: an operator that fails once gives the finding a healthy one gives', async () => {
    // The first call throws (in the compiled conditions); json-rules-engine's run of the same rule calls it again.
    let calls = 0;
    const failsOnce = (a: unknown, b: unknown) => {
      calls++;
      if (calls === 1) throw new Error('the operator failed once');
      return divisibleBy(a, b);
    };
    const flaky = minimalRule('demo/flaky', { checks: [{ id: 'even', when: { all: [leaf('failsOnce', 2)] }, message: { 'zh-CN': '偶数', en: 'even' } }] });
    const checker = createChecker([demo([flaky])], {}, { operators: { failsOnce } });
    const even = await checker.checkEvaluation(patchEvaluation(baseEvaluation(), { staffing: { actual: 22, authorized: 20 } }));
    expect(even.findings[0]).toMatchObject({ outcome: 'fail', messageId: 'demo/flaky#even', message: '偶数' });
    expect(even.findings[0]?.internalError).toBeUndefined();
    expect(even.findings[0]?.explanation?.[0]).toMatchObject({ fact: 'staffing.actual', operator: 'failsOnce', result: true });
    calls = 0;
    const odd = await checker.checkEvaluation(patchEvaluation(baseEvaluation(), { staffing: { actual: 21, authorized: 20 } }));
    expect(odd.findings[0]).toMatchObject({ outcome: 'pass', messageId: 'demo/flaky#pass' });
  });

  it('the async cross-form check does the same: a batch rule whose compiled conditions threw is decided by json-rules-engine\'s run', async () => {
    let calls = 0;
    const failsOnce = (a: unknown, b: unknown) => {
      calls++;
      if (calls === 1) throw new Error('the operator failed once');
      return divisibleBy(a, b);
    };
    const flaky = minimalRule('demo/flaky-batch', { scope: 'batch', checks: [{ id: 'even', when: { all: [leaf('failsOnce', 2)] }, message: { 'zh-CN': '偶数', en: 'even' } }] });
    const checker = createChecker([demo([flaky])], {}, { operators: { failsOnce } });
    const inBatch = { history: null, batch: { size: 2 } };
    const [even] = await checker.checkCrossForm(patchEvaluation(baseEvaluation(), { staffing: { actual: 22, authorized: 20 } }), inBatch);
    expect(even).toMatchObject({ outcome: 'fail', messageId: 'demo/flaky-batch#even', message: '偶数' });
    expect(even?.internalError).toBeUndefined();
    expect(even?.explanation?.[0]).toMatchObject({ fact: 'staffing.actual', operator: 'failsOnce', result: true });
    calls = 0;
    const [odd] = await checker.checkCrossForm(patchEvaluation(baseEvaluation(), { staffing: { actual: 21, authorized: 20 } }), inBatch);
    expect(odd).toMatchObject({ outcome: 'pass', messageId: 'demo/flaky-batch#pass' });
  });

  it('leave every other check of the pack in place: an unknown operator or a bad field is still refused', () => {
    const unknown = minimalRule('demo/unknown', { checks: [{ id: 'x', when: { all: [leaf('divisibleByy', 2)] }, message: { 'zh-CN': 'x', en: 'x' } }] });
    expect(() => createChecker([demo([unknown])], {}, { operators: { divisibleBy } })).toThrow(/divisibleByy/);
    const fatal = { ...minimalRule('demo/fatal'), severity: 'fatal' } as unknown as Rule;
    expect(() => createChecker([demo([fatal])], {}, { operators: { divisibleBy } })).toThrow(/severity/);
    expect(() => createChecker([demo([fatal])])).toThrow(/severity/);
  });
});

describe('what a config sets for a rule', () => {
  it('a severity given as `{ severity }` is that severity; `{ severity: off }` leaves the rule out', () => {
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 11, authorized: 20 } });
    const rules = [minimalRule('demo/a'), minimalRule('demo/b')];
    const checker = createChecker([demo(rules)], { rules: { 'demo/a': { severity: 'error' }, 'demo/b': { severity: 'off' } } });
    expect(checker.checkEvaluationSync(e).findings.map((f) => [f.ruleId, f.severity])).toEqual([['demo/a', 'error']]);
  });
});

describe('form rules and cross-form rules', () => {
  it('the form check runs only the form rules, the cross-form check only the cross-form ones', () => {
    const checker = createChecker([loadPackFromDir(packDir('staffing')), loadPackFromDir(packDir('history'))]);
    expect(checker.hasCrossFormRules).toBe(true);
    const e = baseEvaluation();
    const form = checker.checkEvaluationSync(e).findings.map((f) => f.ruleId);
    expect(form.sort()).toEqual(['staffing/declaration-consistent', 'staffing/within-quota']);
    const cross = checker.checkCrossFormSync(e, { history: null, batch: null }).map((f) => f.ruleId);
    expect(cross.length).toBeGreaterThan(0);
    expect(cross.every((id) => id.startsWith('history/'))).toBe(true);
  });

  it('a checker of form rules only has no cross-form rules', () => {
    expect(createChecker([loadPackFromDir(packDir('staffing'))]).hasCrossFormRules).toBe(false);
  });
});

describe('stages: what a rule reading the findings sees', () => {
  const over = (id: string, extra: Partial<Rule> = {}) => minimalRule(id, { severity: 'error', ...extra });
  const listsErrors = minimalRule('demo/s', {
    after: ['demo/a'],
    checks: [{ id: 'errors', when: { all: [{ fact: 'findings', path: 'errorFailureCount', operator: 'greaterThan', value: 0 }] }, message: { 'zh-CN': '{rules}', en: '{rules}' } }],
    data: { rules: { ref: 'findings.errorFailures', format: 'list' } },
  });

  it('the findings of the earlier stages only, never those of its own or a later stage (both paths)', async () => {
    // demo/t fails as demo/a does, but runs after demo/s: demo/s must not count it.
    const checker = createChecker([demo([over('demo/a'), listsErrors, over('demo/t', { after: ['demo/s'] })])]);
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 11, authorized: 20 } });
    const sync = checker.checkEvaluationSync(e).findings;
    expect(sync.map((f) => [f.ruleId, f.outcome, f.message])).toEqual([['demo/a', 'fail', '超过'], ['demo/s', 'fail', 'demo/a'], ['demo/t', 'fail', '超过']]);
    expect((await checker.checkEvaluation(e)).findings).toEqual(sync);
  });

  it('without `after`, the findings are not known yet: blank, never zero', async () => {
    const early = minimalRule('demo/early', { requires: ['findings.errorFailureCount'], checks: [{ id: 'errors', when: { all: [{ fact: 'findings', path: 'errorFailureCount', operator: 'greaterThan', value: 0 }] }, message: { 'zh-CN': 'x', en: 'x' } }] });
    const checker = createChecker([demo([over('demo/a'), early])]);
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 11, authorized: 20 } });
    expect(checker.checkEvaluationSync(e).findings[1]).toMatchObject({ ruleId: 'demo/early', outcome: 'indeterminate', messageId: 'demo/early#blank' });
    expect((await checker.checkEvaluation(e)).findings[1]).toMatchObject({ ruleId: 'demo/early', outcome: 'indeterminate', messageId: 'demo/early#blank' });
  });
});

describe('explanations from json-rules-engine (async path)', () => {
  it('of a condition on a section the form does not have: the field is blank, as in the compiled trace', async () => {
    const rule = minimalRule('demo/no-grid', { paths: ['costControl.threePublic.actual'], checks: [{ id: 'blank', when: { all: [{ fact: 'costControl', path: 'threePublic.actual', operator: 'isBlank', value: true }] }, message: { 'zh-CN': 'x', en: 'x' } }] });
    const checker = createChecker([demo([rule])]);
    const { costControl: _absent, ...rest } = baseEvaluation();
    const e = rest as ReturnType<typeof baseEvaluation>;
    const explanation = [{ fact: 'costControl.threePublic.actual', operator: 'isBlank', expected: true, actual: null, result: true }];
    expect(checker.checkEvaluationSync(e).findings[0]).toMatchObject({ outcome: 'fail', explanation });
    expect((await checker.checkEvaluation(e)).findings[0]).toMatchObject({ outcome: 'fail', explanation });
  });
});

describe('json-rules-engine reads paths as the compiled conditions do', () => {
  it('never a property of a string or of the prototype: `unit.name.length` is no field, in either path', async () => {
    const rule = minimalRule('demo/length', { paths: ['unit.name'], checks: [{ id: 'blank', when: { all: [{ fact: 'unit', path: 'name.length', operator: 'isBlank', value: true }] }, message: { 'zh-CN': 'x', en: 'x' } }] });
    const checker = createChecker([demo([rule])]);
    const explanation = [{ fact: 'unit.name.length', operator: 'isBlank', expected: true, actual: null, result: true }];
    expect(checker.checkEvaluationSync(baseEvaluation()).findings[0]).toMatchObject({ outcome: 'fail', explanation });
    expect((await checker.checkEvaluation(baseEvaluation())).findings[0]).toMatchObject({ outcome: 'fail', explanation });
  });
});

describe('what the result of one form carries', () => {
  const two = () => createChecker([demo([minimalRule('demo/actual'), minimalRule('demo/authorized', { paths: ['staffing.authorized'], checks: [{ id: 'over', when: { all: [{ fact: 'staffing', path: 'authorized', operator: 'greaterThan', value: 10 }] }, message: { 'zh-CN': '超过', en: 'over' } }] })])]);
  const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 11, authorized: 12 } });

  it('its source ((memory) when not given), the positions given and each finding\'s place in the file', () => {
    const checker = two();
    expect(checker.checkEvaluationSync(e).source).toBe('(memory)');
    expect('positions' in checker.checkEvaluationSync(e)).toBe(false);
    const positions = { 'staffing.actual': { line: 7, column: 3 } };
    const result = checker.checkEvaluationSync(e, { source: 'a.txt', positions });
    expect(result.source).toBe('a.txt');
    expect(result.positions).toBe(positions);
    expect(result.findings[0]?.location).toEqual({ file: 'a.txt', path: 'staffing.actual', line: 7, column: 3 });
    // No position for the authorized staff: that finding has no place.
    expect(result.findings[1] && 'location' in result.findings[1]).toBe(false);
  });

  it('json-rules-engine explains each failing rule by its own condition (async path)', async () => {
    const [actual, authorized] = (await two().checkEvaluation(e)).findings;
    expect(actual?.explanation).toEqual([{ fact: 'staffing.actual', operator: 'greaterThan', expected: 10, actual: 11, result: true }]);
    expect(authorized?.explanation).toEqual([{ fact: 'staffing.authorized', operator: 'greaterThan', expected: 10, actual: 12, result: true }]);
  });
});

// From the mutation run of checker.ts:601-730 (how a rule is decided).
describe('how one rule is decided', () => {
  const leaf = (path: string, operator: string, value: unknown) => ({ fact: 'staffing', path, operator, value });
  const x = { 'zh-CN': 'x', en: 'x' };

  it('an indeterminate case that is the rule\'s first branch (no guard, nothing required) still counts', () => {
    const undecided = minimalRule('demo/undecided', { indeterminateWhen: { when: { all: [leaf('actual', 'greaterThan', 3)] }, message: x } });
    const f = createChecker([demo([undecided])]).checkEvaluationSync(patchEvaluation(baseEvaluation(), { staffing: { actual: 20, authorized: 30 } })).findings[0];
    expect(f).toMatchObject({ outcome: 'indeterminate', messageId: 'demo/undecided#indeterminate' });
  });

  it('a required field written as an empty text, or in a section the form lacks, is blank; the explanation lists only the blank ones', async () => {
    const rule = minimalRule('demo/needs', { requires: ['functions', 'costControl.threePublic.actual', 'staffing.actual'] });
    const checker = createChecker([demo([rule])]);
    const { costControl: _absent, ...rest } = { ...baseEvaluation(), functions: '' };
    const e = rest as ReturnType<typeof baseEvaluation>;
    const f = checker.checkEvaluationSync(e).findings[0];
    expect(f).toMatchObject({ outcome: 'indeterminate', data: { fields: ['functions', 'costControl.threePublic.actual'] } });
    expect(f?.explanation?.map((c) => c.fact)).toEqual(['functions', 'costControl.threePublic.actual']);
    expect((await checker.checkEvaluation(e)).findings[0]).toEqual(f);
  });

  it('a failure mode\'s own severity, unless the config sets the rule\'s', () => {
    const rule = minimalRule('demo/graded', { severity: 'warning', checks: [{ id: 'over', severity: 'error', when: { all: [leaf('actual', 'greaterThan', 10)] }, message: x }] });
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 11, authorized: 20 } });
    expect(createChecker([demo([rule])]).checkEvaluationSync(e).findings[0]?.severity).toBe('error');
    expect(createChecker([demo([rule])], { rules: { 'demo/graded': 'info' } }).checkEvaluationSync(e).findings[0]?.severity).toBe('info');
  });

  it('a finding carries an explanation, notes or an internal error only when it has one', () => {
    const f = createChecker([demo([minimalRule('demo/plain')])]).checkEvaluationSync(patchEvaluation(baseEvaluation(), { staffing: { actual: 5, authorized: 20 } })).findings[0];
    expect(f?.outcome).toBe('pass');
    expect(Object.keys(f ?? {}).filter((k) => ['explanation', 'notes', 'internalError', 'location'].includes(k))).toEqual([]);
  });

  it('a cross-form rule without a previous-year form says why, in both locales', () => {
    const checker = createChecker([loadPackFromDir(packDir('history'))]);
    const e = { ...baseEvaluation(), fiscalYear: 2021 };
    const carry = (locale: 'zh-CN' | 'en') => checker.checkCrossFormSync(e, { history: null, batch: null }, { locale }).find((f) => f.ruleId === 'history/carry-over');
    expect(carry('zh-CN')).toMatchObject({ outcome: 'not-applicable', messageId: 'history/carry-over#no-previous-form', message: '不适用：没有同一单位上一年度的表，无法跨年度核对', data: { fiscalYear: 2021, reason: '没有同一单位上一年度的表' } });
    expect(carry('en')?.message).toBe('Not applicable: there is no form of the same unit for the previous year, so nothing to check across years');
  });

  it('a batch rule on a single form says so in both locales; its data holds the year and no reason of its own', () => {
    const checker = createChecker([loadPackFromDir(packDir('batch'))]);
    const e = { ...baseEvaluation(), fiscalYear: 2021 };
    const single = (locale: 'zh-CN' | 'en') => checker.checkCrossFormSync(e, { history: null, batch: null }, { locale }).find((f) => f.ruleId === 'batch/duplicate-submission');
    expect(single('zh-CN')).toMatchObject({ outcome: 'not-applicable', messageId: 'batch/duplicate-submission#no-batch', message: '不适用：只检查了一份表，没有同批次的其他表可比' });
    expect(single('zh-CN')?.data).toStrictEqual({ fiscalYear: 2021, reason: '' });
    expect(single('en')?.message).toBe('Not applicable: a single form was checked, with no other forms of a batch to compare');
  });

  it('waivers still apply when the form also has unreadable fields', () => {
    const checker = createChecker([demo([minimalRule('demo/actual')])]);
    const e = patchEvaluation(baseEvaluation(), { unit: { name: '甲单位' }, staffing: { actual: 11, authorized: 20 } });
    const waivers = { refs: waiverRefs({ waivers: [{ rule: 'demo/actual', unit: '甲单位', reason: '已核实', approver: '绩效科', expires: '2099-12-31' }] }, 'w.yaml'), today: '2021-01-01' };
    const result = checker.checkEvaluationSync(e, { waivers, unreadable: { 'staffing.authorized': '二十' } });
    expect(result.summary).toMatchObject({ fail: 0, waived: 1 });
  });
});
