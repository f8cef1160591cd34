import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadPackFromDir } from '../node/index.js';
import { CaseFileSchema, passingEvaluation, type CaseFile } from './cases.js';
import { ruleBranches, runCases } from './case-runner.js';

const staffing = loadPackFromDir(fileURLToPath(new URL('../../../../rules/staffing', import.meta.url)));
const integrity = loadPackFromDir(fileURLToPath(new URL('../../../../rules/integrity', import.meta.url)));

const cases = (yaml: string): CaseFile => CaseFileSchema.parse(parseYaml(yaml));

describe('case file schema', () => {
  it('requires a failing expectation to name its check', () => {
    expect(CaseFileSchema.safeParse({ cases: [{ name: 'x', expect: { 'staffing/within-quota': 'fail' } }] }).success).toBe(false);
    expect(CaseFileSchema.safeParse({ cases: [{ name: 'x', expect: { 'staffing/within-quota': { outcome: 'fail' } } }] }).success).toBe(false);
    expect(CaseFileSchema.safeParse({ cases: [{ name: 'x', expect: { 'staffing/within-quota': { outcome: 'fail', check: 'over-quota' } } }] }).success).toBe(true);
  });

  it('rejects a case with two inputs or without expectations', () => {
    expect(CaseFileSchema.safeParse({ cases: [{ name: 'x', patch: {}, evaluation: {}, expect: { a: 'pass' } }] }).success).toBe(false);
    expect(CaseFileSchema.safeParse({ cases: [{ name: 'x', expect: {} }] }).success).toBe(false);
  });
});

describe('runCases', () => {
  it('reports passing and failing expectations like a test runner, with branch and condition coverage', async () => {
    const file = cases(`
cases:
  - name: 21 of 22
    expect: { within-quota: { outcome: pass, message: "95.45%" } }
  - name: 96 of 55
    patch: { staffing: { authorized: 55, actual: 96 } }
    expect:
      staffing/within-quota: { outcome: fail, check: over-quota, severity: warning, message: "实有人数 96 人" }
      declaration-consistent: { outcome: fail, check: denied-but-over }
  - name: wrong expectation
    patch: { staffing: { authorized: 55, actual: 56 } }
    expect: { within-quota: pass }
`);
    const report = await runCases(staffing, [{ file: 'cases/a.yaml', content: file }]);
    expect(report.totals).toEqual({ cases: 3, passed: 2, failed: 1, errors: 0 });
    const failed = report.cases[2];
    expect(failed?.failures[0]).toMatchObject({ ruleId: 'staffing/within-quota', actual: { outcome: 'fail', messageId: 'staffing/within-quota#over-quota' } });
    expect(failed?.failures[0]?.message.en).toBe('expected pass, got fail (over-quota)');
    const quota = report.coverage.find((c) => c.ruleId === 'staffing/within-quota');
    expect(quota?.tested).toBe(true);
    expect(quota?.branches).toEqual([
      { id: 'blank', covered: false },
      { id: 'over-quota', covered: true },
      { id: 'pass', covered: true },
    ]);
    expect(quota?.conditions).toEqual([{ path: 'checks.0.when.all.0', label: 'staffing.actual greaterThan staffing.authorized', seenTrue: true, seenFalse: true }]);
    const decl = report.coverage.find((c) => c.ruleId === 'staffing/declaration-consistent');
    // Asserted by one case only: each of its conditions was seen one way.
    expect(decl?.conditions.filter((c) => c.seenTrue && c.seenFalse)).toEqual([]);
    expect(decl?.conditions.find((c) => c.path === 'checks.0.when.all.1')).toMatchObject({ seenTrue: true, seenFalse: false });
  });

  it('makes a wrong case an error: unknown rule or check (with a suggestion), duplicate name or input, invalid input', async () => {
    const file = cases(`
cases:
  - name: a
    expect: { within-qouta: pass }
  - name: b
    patch: { staffing: { actual: 30 } }
    expect: { within-quota: { outcome: fail, check: over-qouta } }
  - name: c
    patch: { staffing: { actual: -1 } }
    expect: { within-quota: pass }
  - name: c
    expect: { within-quota: pass }
  - name: d
    patch: { staffing: { actual: -1 } }
    expect: { within-quota: pass }
  - name: e
    text: "单位名称：x"
    expect: { within-quota: pass }
`);
    const report = await runCases(staffing, [{ file: 'c.yaml', content: file }]);
    expect(report.cases.map((c) => [c.name, c.status])).toEqual([['a', 'error'], ['b', 'error'], ['c', 'error'], ['c', 'error'], ['d', 'error'], ['e', 'error']]);
    expect(report.cases[0]?.error?.en).toContain('did you mean within-quota?');
    expect(report.cases[1]?.error?.en).toContain('did you mean over-quota?');
    expect(report.cases[2]?.error?.['zh-CN']).toContain('staffing.actual');
    expect(report.cases[3]?.error?.en).toContain('duplicate case name');
    expect(report.cases[4]?.error?.en).toContain('repeats the input');
    expect(report.cases[5]?.error?.en).toContain('importer');
    expect(report.totals.errors).toBe(6);
  });

  it('reads evaluation files and form text through the given reader and importer', async () => {
    const file = cases(`
base: base.json
cases:
  - name: from base file
    expect: { within-quota: { outcome: fail, check: over-quota } }
  - name: from a file
    evaluationFile: form.json
    expect: { within-quota: pass }
  - name: from text
    text: "96/55"
    expect: { within-quota: { outcome: fail, check: over-quota, message: "96" } }
`);
    const over = { ...passingEvaluation(), staffing: { authorized: 55, actual: 96 } };
    const files: Record<string, string> = { 'base.json': JSON.stringify(over), 'form.json': JSON.stringify(passingEvaluation()) };
    const report = await runCases(staffing, [{ file: 'x/cases.yaml', content: file }], {
      readFile: (path) => files[path] ?? '',
      importText: (t) => {
        const [actual, authorized] = t.split('/').map(Number);
        return { ...passingEvaluation(), staffing: { actual: actual ?? null, authorized: authorized ?? null } };
      },
    });
    expect(report.cases.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('runs the pack and its context when a named rule reads other outcomes (after)', async () => {
    const summary = {
      ...staffing,
      rules: [
        ...staffing.rules,
        {
          id: 'staffing/no-red-flags',
          title: { 'zh-CN': '无红旗', en: 'No red flags' },
          severity: 'info' as const,
          basis: [{ instrument: 'x' }],
          paths: ['staffing.actual'],
          after: ['*'],
          checks: [{ id: 'flagged', when: { all: [{ fact: 'findings', path: 'redFlagCount', operator: 'greaterThan', value: 0 }] }, message: { 'zh-CN': '有红旗', en: 'red flags' } }],
          pass: { 'zh-CN': '无', en: 'none' },
        },
      ],
    };
    const report = await runCases(summary, [{ file: 'f', content: cases(`
cases:
  - name: overstaffed raises a flag
    patch: { staffing: { authorized: 1, actual: 2 } }
    expect: { no-red-flags: { outcome: fail, check: flagged } }
  - name: clean
    expect: { no-red-flags: pass }
`) }], { context: [integrity] });
    expect(report.totals.passed).toBe(2);
    expect(report.coverage.find((c) => c.ruleId === 'staffing/no-red-flags')?.conditions[0]).toMatchObject({ seenTrue: true, seenFalse: true });
  });

  it('property: a case expecting exactly what the rule reports passes; any other outcome fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.constantFrom('pass', 'indeterminate', 'not-applicable' as const), async (authorized, actual, other) => {
        const over = actual > authorized;
        const patch = { staffing: { authorized, actual } };
        const right = over ? { outcome: 'fail' as const, check: 'over-quota' } : ('pass' as const);
        const report = await runCases(staffing, [{ file: 'p', content: { cases: [
          { name: 'right', patch, expect: { 'within-quota': right } },
          { name: 'wrong', patch, locale: 'en', expect: { 'within-quota': over ? other : other === 'pass' ? 'indeterminate' : other } },
        ] } }]);
        expect(report.cases.map((c) => c.status)).toEqual(['pass', 'fail']);
      }),
      { numRuns: 30 },
    );
  });

  it('lists every branch of a rule', () => {
    const rule = staffing.rules.find((r) => r.id === 'staffing/declaration-consistent');
    expect(rule && ruleBranches({ ...rule, effective: { from: '2021-01-01' } })).toEqual(['not-in-force', 'blank', 'indeterminate', 'denied-but-over', 'declared-but-within', 'pass']);
  });
});
