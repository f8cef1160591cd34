import { mkdirSync, writeFileSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, minimalRule, patchEvaluation } from '@jixiao/testing';
import { PackLoadError, createChecker, type Pack, type Rule } from '../src/index.js';
import { loadPackFromDir } from '../src/node/index.js';
import seed from '../../../examples/beita-justice-2020/evaluation.json' with { type: 'json' };
import { tempDir } from '../../../test/setup/temp.js';

const rulesDir = (name: string) => fileURLToPath(new URL(`../../../rules/${name}`, import.meta.url));
const integrity = loadPackFromDir(rulesDir('integrity'));
const staffing = loadPackFromDir(rulesDir('staffing'));

const testPack = (rules: Rule[]): Pack => ({ meta: { name: 'demo', version: '1.0.0', title: { 'zh-CN': '演示', en: 'demo' } }, rules });

describe('checker', () => {
  it('explains a failure with each condition’s actual and expected value from json-rules-engine', async () => {
    const result = await createChecker([integrity]).check(seed);
    const f = result.findings.find((x) => x.ruleId === 'integrity/income-total');
    expect(f?.outcome).toBe('fail');
    expect(f?.explanation).toEqual([
      {
        fact: 'derived.incomeTotal.absDifference',
        operator: 'moneyGreaterThan',
        expected: 0.03,
        expectedFact: 'params.integrity.incomeTotalTolerance',
        actual: 3,
        result: true,
      },
    ]);
    expect(f?.observed).toEqual({ 'income.localBudget': 267.47, 'income.nonTax': null, 'income.higherLevel': null, 'income.other': null, 'income.total': 264.47 });
    expect(f?.basis.length).toBeGreaterThan(0);
  });

  it('renders the same finding in English on request', async () => {
    const result = await createChecker([integrity]).check(seed, { locale: 'en' });
    const f = result.findings.find((x) => x.ruleId === 'integrity/income-total');
    expect(f?.message).toBe('Total income 264.47 (万元) does not equal the sum of its parts 267.47 (total − parts = -3.00)');
    expect(f?.messageId).toBe('integrity/income-total#mismatch');
    expect(result.indicators[0]).toMatchObject({ label: 'Staffing control rate', display: '95.45%' });
  });

  it('makes blank inputs indeterminate, not pass or fail, and counts them', async () => {
    const e = patchEvaluation(baseEvaluation(), { staffing: { authorized: null, actual: null }, income: { total: null } });
    const result = await createChecker([integrity, staffing]).checkEvaluation(e);
    const outcome = (id: string) => result.findings.find((f) => f.ruleId === id)?.outcome;
    expect(outcome('staffing/within-quota')).toBe('indeterminate');
    expect(outcome('integrity/income-total')).toBe('indeterminate');
    expect(outcome('integrity/required-fields')).toBe('fail');
    expect(outcome('staffing/declaration-consistent')).toBe('indeterminate');
    // The three above; the other four rules (expenditure total, 三公, answers, amounts in 万元) pass.
    expect(result.summary).toMatchObject({ total: 8, indeterminate: 3, fail: 1, pass: 4 });
  });

  it('applies severity overrides and turns rules off from a config', async () => {
    const checker = createChecker([integrity, staffing], { rules: { 'integrity/income-total': 'warning', 'staffing/within-quota': 'off' } });
    const result = await checker.check(seed);
    expect(result.findings.find((f) => f.ruleId === 'integrity/income-total')?.severity).toBe('warning');
    expect(result.findings.some((f) => f.ruleId === 'staffing/within-quota')).toBe(false);
    expect(result.summary.errors).toBe(0);
  });

  it('selects the parameter value in force for the fiscal year, and lets a config override it', async () => {
    const tolerance = (values: { from: string; value: number }[]) =>
      minimalRule('demo/tolerance', {
        checks: [{ id: 'over', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: { fact: 'params', path: 'demo.limit' } }] }, message: { 'zh-CN': '超过 {limit}', en: 'over {limit}' } }],
        data: { limit: { ref: 'params.demo.limit' } },
        parameters: [{ name: 'limit', title: { 'zh-CN': '上限', en: 'limit' }, type: 'integer', values: values.map((v) => ({ ...v, basis: 'test' })) }],
      });
    const checker = createChecker([testPack([tolerance([{ from: '2000-01-01', value: 30 }, { from: '2021-01-01', value: 10 }])])]);
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: 20, authorized: 50 } });
    expect((await checker.checkEvaluation({ ...e, fiscalYear: 2020 })).findings[0]?.outcome).toBe('pass');
    const y2021 = (await checker.checkEvaluation({ ...e, fiscalYear: 2021 })).findings[0];
    expect(y2021?.outcome).toBe('fail');
    expect(y2021?.message).toBe('超过 10');
    const overridden = createChecker([testPack([tolerance([{ from: '2000-01-01', value: 30 }])])], { parameters: { 'demo.limit': 5 } });
    expect((await overridden.checkEvaluation(e)).findings[0]?.message).toBe('超过 5');
  });

  it('lets a rule with `after` read earlier outcomes through the findings fact', async () => {
    const summaryRule = minimalRule('demo/summary', {
      after: ['*'],
      paths: ['selfRating.grade'],
      checks: [{ id: 'errors', when: { all: [{ fact: 'findings', path: 'errorFailureCount', operator: 'greaterThan', value: 0 }] }, message: { 'zh-CN': '有 {n} 项错误：{rules}', en: '{n} errors: {rules}' } }],
      data: { n: { ref: 'findings.errorFailureCount' }, rules: { ref: 'findings.errorFailures', format: 'list' } },
    });
    const result = await createChecker([integrity, testPack([summaryRule])]).check(seed);
    const f = result.findings.find((x) => x.ruleId === 'demo/summary');
    expect(f?.outcome).toBe('fail');
    expect(f?.message).toBe('有 1 项错误：integrity/income-total');
  });

  it('rejects circular `after` dependencies', () => {
    const a = minimalRule('demo/a', { after: ['demo/b'] });
    const b = minimalRule('demo/b', { after: ['demo/a'] });
    expect(() => createChecker([testPack([a, b])])).toThrow(/circular/);
  });

  it('offers the same facts, in the same order, whether or not every group of the form is there', async () => {
    const checker = createChecker([integrity, staffing]);
    const full = baseEvaluation();
    const keys = Object.keys(checker.facts(full));
    expect(keys.slice(-3)).toEqual(['derived', 'indicators', 'params']);
    expect(keys).toContain('staffing');
    expect(keys).not.toContain('answerResolution');
    // A trusted caller may pass a form without a group: its fact is then absent (undefined to rules), not null.
    const { suggestions: _dropped, ...rest } = full;
    const partial = rest as unknown as typeof full;
    const facts = checker.facts(partial);
    expect(Object.keys(facts)).toEqual(keys.filter((k) => k !== 'suggestions'));
    expect(Object.hasOwn(facts, 'suggestions')).toBe(false);
    expect(facts.staffing).toBe(full.staffing);
    expect(checker.checkEvaluationSync(partial)).toEqual(await checker.checkEvaluation(partial));
  });

  it('adds the blank fields to a blank finding’s data only, not to its notes’ data', async () => {
    const needsActual = minimalRule('demo/needs-actual', {
      requires: ['staffing.actual', 'staffing.authorized'],
      data: { actual: { ref: 'staffing.actual' } },
      notes: [{ id: 'always', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'isBlank', value: true }] }, message: { 'zh-CN': '实有 {actual}', en: 'actual {actual}' } }],
    });
    const checker = createChecker([testPack([needsActual])]);
    const e = patchEvaluation(baseEvaluation(), { staffing: { actual: null, authorized: 40 } });
    const f = checker.checkEvaluationSync(e).findings[0];
    expect(f?.outcome).toBe('indeterminate');
    expect(f?.messageId).toBe('demo/needs-actual#blank');
    expect(f?.data).toEqual({ actual: null, fields: ['staffing.actual'] });
    expect(f?.notes?.map((n) => [n.messageId, n.data])).toEqual([['demo/needs-actual#always', { actual: null }]]);
    expect((await checker.checkEvaluation(e)).findings[0]).toEqual(f);
  });

  it('reports a rule not yet in force as not-applicable naming the date', async () => {
    const future = minimalRule('demo/future', { effective: { from: '2025-01-01' } });
    const f = (await createChecker([testPack([future])]).check(seed)).findings[0];
    expect(f?.outcome).toBe('not-applicable');
    expect(f?.message).toContain('2025-01-01');
  });
});

describe('pack loading', () => {
  function packDir(files: Record<string, string>): string {
    const dir = tempDir('jixiao-pack-');
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  }
  const manifest = JSON.stringify({ name: 'demo', version: '1.0.0', title: { 'zh-CN': '演示', en: 'demo' } });

  it('names the file and the rule of every invalid rule', () => {
    const bad = { ...minimalRule('demo/bad'), severity: 'fatal' };
    const dir = packDir({ 'pack.json': manifest, 'src/rules/bad.json': JSON.stringify(bad), 'src/rules/broken.json': '{ not json' });
    try {
      loadPackFromDir(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PackLoadError);
      const issues = (error as PackLoadError).issues;
      expect(issues).toContainEqual(expect.objectContaining({ file: join(dir, 'src/rules/bad.json'), ruleId: 'demo/bad', path: 'severity' }));
      expect(issues).toContainEqual(expect.objectContaining({ file: join(dir, 'src/rules/broken.json') }));
    }
  });

  it('rejects a JSONPath expression or unknown operator in a condition', () => {
    const jsonpath = minimalRule('demo/jp', { checks: [{ id: 'x', when: { all: [{ fact: 'staffing', path: '$..[?(@.constructor)]', operator: 'equal', value: 1 }] }, message: { 'zh-CN': 'x', en: 'x' } }] });
    const operator = minimalRule('demo/op', { checks: [{ id: 'x', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'eval', value: 1 }] }, message: { 'zh-CN': 'x', en: 'x' } }] });
    const dir = packDir({ 'pack.json': manifest, 'src/rules/jp.json': JSON.stringify(jsonpath), 'src/rules/op.json': JSON.stringify(operator) });
    expect(() => loadPackFromDir(dir)).toThrow(/JSONPath[\s\S]*unknown operator "eval"/);
  });

  it('freezes a loaded pack, so that skipping its second validation is safe', () => {
    expect(Object.isFrozen(staffing)).toBe(true);
    expect(Object.isFrozen(staffing.rules[0]?.checks[0]?.when)).toBe(true);
    expect(() => {
      staffing.rules.push(minimalRule('staffing/intruder'));
    }).toThrow(TypeError);
  });

  it('loads a data-only pack without executing anything in its folder', () => {
    const marker = join(tmpdir(), `jixiao-executed-${String(process.pid)}`);
    const dir = packDir({
      'pack.json': manifest,
      'src/rules/ok.json': JSON.stringify(minimalRule('demo/ok')),
      'index.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`,
      'package.json': JSON.stringify({ name: 'demo', main: 'index.js', scripts: { postinstall: 'node index.js' } }),
    });
    const pack = loadPackFromDir(dir);
    expect(pack.rules.map((r) => r.id)).toEqual(['demo/ok']);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses rule files that are symlinks escaping the pack folder', () => {
    const outside = packDir({ 'secret.json': JSON.stringify(minimalRule('demo/secret')) });
    const dir = packDir({ 'pack.json': manifest });
    mkdirSync(join(dir, 'src/rules'), { recursive: true });
    symlinkSync(join(outside, 'secret.json'), join(dir, 'src/rules/secret.json'));
    expect(() => loadPackFromDir(dir)).toThrow(/outside the pack folder/);
  });
});

describe('a value written but not readable is unknown, never "not filled in"', () => {
  const rating = loadPackFromDir(rulesDir('rating'));
  const disclosure = loadPackFromDir(rulesDir('disclosure'));
  const checker = createChecker([integrity, disclosure, rating]);
  // The seed with a wrong income total (an error failure) and its 公开时间 unreadable (blank in the evaluation).
  const form = patchEvaluation(baseEvaluation(), { disclosure: { date: null }, income: { total: 300 } });
  const unreadable = { 'disclosure.date': '2022年13月40日', 'income.total': '三百' };

  it('makes the failure of a rule that reads it indeterminate, quoting what was written', () => {
    const plain = checker.checkEvaluationSync(form);
    expect(plain.findings.find((f) => f.ruleId === 'disclosure/timely')?.outcome).toBe('fail');
    const told = checker.checkEvaluationSync(form, { unreadable });
    const timely = told.findings.find((f) => f.ruleId === 'disclosure/timely');
    expect(timely).toMatchObject({ outcome: 'indeterminate', messageId: 'disclosure/timely#unreadable', message: '无法判断：公开时间无法识别：“2022年13月40日”' });
    const en = checker.checkEvaluationSync(form, { unreadable, locale: 'en' }).findings.find((f) => f.ruleId === 'disclosure/timely');
    expect(en?.message).toMatch(/^Cannot tell: .* could not be read: "2022年13月40日"$/);
  });

  it('and a rule reading the earlier outcomes (the self-rating check) no longer counts that failure', () => {
    const plain = checker.checkEvaluationSync(form);
    expect(plain.findings.find((f) => f.ruleId === 'integrity/income-total')?.outcome).toBe('fail');
    // The message names the failing rule by its title; its data keeps the id.
    const rating = (r: typeof plain) => r.findings.find((f) => f.ruleId === 'rating/self-rating-supported');
    expect(rating(plain)?.message).toContain('年度收入合计等于各项收入之和');
    expect(rating(plain)?.data.errors).toEqual(['integrity/income-total']);
    const told = checker.checkEvaluationSync(form, { unreadable });
    expect(told.findings.find((f) => f.ruleId === 'integrity/income-total')?.outcome).toBe('indeterminate');
    expect(rating(told)?.message ?? '').not.toContain('年度收入合计等于各项收入之和');
    expect(rating(told)?.data.errors).toEqual([]);
  });

  it('leaves passes and rules that do not read it alone', () => {
    const told = checker.checkEvaluationSync(baseEvaluation(), { unreadable: { 'disclosure.date': 'x' } });
    const plain = checker.checkEvaluationSync(baseEvaluation());
    for (const f of told.findings) {
      const before = plain.findings.find((g) => g.ruleId === f.ruleId);
      if (!f.paths.includes('disclosure.date') || before?.outcome === 'pass' || before?.outcome === 'not-applicable') expect(f, f.ruleId).toEqual(before);
    }
  });
});
