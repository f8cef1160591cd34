// The counts a report states, on a result made by hand whose every count is different: JUnit's totals and the
// result summary they come from (worked out by hand below, not by the code under test).
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { summarize, type CrossFormReport, type EvaluationResult, type Finding } from '@jixiao/core';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';

const finding = (ruleId: string, outcome: Finding['outcome'], severity: Finding['severity'] = 'warning', extra: Partial<Finding> = {}): Finding => ({
  ruleId, pack: ruleId.split('/')[0] ?? 'p', title: ruleId, outcome, severity, redFlag: false, messageId: `${ruleId}#x`, message: 'm', data: {}, paths: [], observed: {}, basis: [], ...extra,
});

// 11 rules: failures 1 error (a red flag), 2 warnings, 3 info; 1 waived; 1 undecided; 2 not applicable; 1 pass.
const findings = [
  finding('a/error', 'fail', 'error', { redFlag: true }),
  finding('a/warning-1', 'fail', 'warning'),
  finding('a/warning-2', 'fail', 'warning'),
  finding('a/info-1', 'fail', 'info'),
  finding('a/info-2', 'fail', 'info'),
  finding('a/info-3', 'fail', 'info'),
  finding('a/waived', 'fail', 'error', { waiver: { reason: 'r', approver: 'a', expires: '2030-01-01' } }),
  finding('a/undecided', 'indeterminate'),
  finding('a/na-1', 'not-applicable'),
  finding('a/na-2', 'not-applicable'),
  finding('a/pass', 'pass'),
];
// Made inside each test, not at load: a mutation run's per-test coverage then sees which test reached summarize.
const made = (): EvaluationResult => ({
  source: 'x.docx',
  evaluation: { unit: '北塔区司法局', fiscalYear: 2020, selfRating: '优' },
  findings,
  indicators: [],
  summary: summarize(findings),
  diagnostics: [{ code: 'c1', severity: 'warning', message: 'm' }, { code: 'c2', severity: 'info', message: 'm' }],
});

describe('the counts of a report', () => {
  it('summary: each finding once, failures by severity, a waived failure apart', () => {
    expect(made().summary).toEqual({ total: 11, pass: 1, fail: 6, indeterminate: 1, notApplicable: 2, waived: 1, errors: 1, warnings: 2, infos: 3, redFlags: 1 });
  });

  it('JUnit totals: tests are rules plus diagnostics plus unread files; failures the unwaived failures; errors the diagnostics and unread files; skipped the undecided, not applicable and waived', () => {
    const xml = formatJunit([made()], { locale: 'zh-CN', toolVersion: '9.9.9', unread: [{ source: 'bad.docx', reason: '无法读取' }] });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: Record<string, string> };
    const { name, tests, failures, errors, skipped } = doc.testsuites;
    expect({ name, tests, failures, errors, skipped }).toEqual({ name: 'jixiao 9.9.9', tests: '14', failures: '6', errors: '3', skipped: '4' });
  });

  it("JUnit: the form's own suite counts its rules and diagnostics (13), failures 6, errors the 2 diagnostics, skipped 4", () => {
    const xml = formatJunit([made()], { locale: 'zh-CN', toolVersion: '9.9.9' });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' }).parse(xml) as { testsuites: { testsuite: Record<string, string>[] } };
    const { tests, failures, errors, skipped } = doc.testsuites.testsuite[0] ?? {};
    expect({ tests, failures, errors, skipped }).toEqual({ tests: '13', failures: '6', errors: '2', skipped: '4' });
  });

  it('JUnit: cross-form findings count in the totals and in a suite of their own (a failure, an undecided one skipped)', () => {
    const cross = (outcome: 'fail' | 'indeterminate') => ({ source: 'x.docx', unit: '北塔区司法局', fiscalYear: 2020, ruleId: `batch/${outcome}`, title: 't', outcome, ...(outcome === 'fail' ? { severity: 'warning' as const } : {}), redFlag: false, messageId: 'm', message: 'm', data: {}, related: [] });
    const crossForm: CrossFormReport = { summary: summarize([]), history: [], diagnostics: [], findings: [cross('fail'), cross('indeterminate'), cross('indeterminate')] };
    const xml = formatJunit([made()], { locale: 'zh-CN', toolVersion: '9.9.9', crossForm });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' }).parse(xml) as { testsuites: Record<string, string> & { testsuite: Record<string, string>[] } };
    const { tests, failures, errors, skipped } = doc.testsuites;
    // The form: 13 tests, 6 failures, 2 errors, 4 skipped; the cross-form findings: 3 tests, 1 failure, 2 skipped.
    expect({ tests, failures, errors, skipped }).toEqual({ tests: '16', failures: '7', errors: '2', skipped: '6' });
    const suite = doc.testsuites.testsuite[1] ?? {};
    expect([suite.tests, suite.failures, suite.errors, suite.skipped]).toEqual(['3', '1', '0', '2']);
  });

  it('JUnit totals of no form at all are zero', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(formatJunit([], { locale: 'en', toolVersion: '1.0.0' })) as { testsuites: Record<string, string> };
    expect(doc.testsuites).toMatchObject({ tests: '0', failures: '0', errors: '0', skipped: '0' });
  });

  it('SARIF: a failure has its severity\'s level and its message alone when no note came with it; an undecided rule no level; passes and rules that did not apply are not listed', () => {
    const log = JSON.parse(formatSarif([made()], { locale: 'zh-CN', toolVersion: '9.9.9' })) as { runs: { results: { ruleId: string; level?: string; message: { text: string } }[] }[] };
    const byRule = Object.fromEntries((log.runs[0]?.results ?? []).map((r) => [r.ruleId, [r.level ?? 'none', r.message.text]]));
    expect(byRule).toEqual({
      'a/error': ['error', 'm'],
      'a/warning-1': ['warning', 'm'],
      'a/warning-2': ['warning', 'm'],
      'a/info-1': ['note', 'm'],
      'a/info-2': ['note', 'm'],
      'a/info-3': ['note', 'm'],
      'a/waived': ['error', 'm'],
      'a/undecided': ['none', 'm'],
    });
  });

  it('SARIF: a waived failure carries an accepted external suppression with its reason, approver and expiry; nothing else does', () => {
    const log = JSON.parse(formatSarif([made()], { locale: 'zh-CN', toolVersion: '9.9.9' })) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
    const suppressed = Object.fromEntries((log.runs[0]?.results ?? []).filter((r) => r.suppressions !== undefined).map((r) => [r.ruleId, r.suppressions]));
    expect(suppressed).toEqual({ 'a/waived': [{ kind: 'external', status: 'accepted', justification: 'r (a, 2030-01-01)' }] });
  });
});
