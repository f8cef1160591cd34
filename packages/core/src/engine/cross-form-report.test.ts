// The cross-form section of a report (issue 11, mutation: crossFormReport was reached only through the adapters' and
// the CLI's tests, outside the mutation run): what a reader must look at — failures first, then undecided findings,
// each in the order the pass gave them — and nothing a reader need not (passes, not-applicable findings).
import { describe, expect, it } from 'vitest';
import type { ResultSummary } from '../result/model.js';
import { baseEvaluation } from '@jixiao/testing';
import { loadPackFromDir } from '../node/index.js';
import { createChecker } from './checker.js';
import { crossFormReport } from './cross-form-report.js';
import { checkCrossForm, type CrossFormFinding, type CrossFormResult } from './cross-form.js';

function finding(source: string, ruleId: string, outcome: CrossFormFinding['outcome'], extra: Partial<CrossFormFinding> = {}): CrossFormFinding {
  const check = outcome === 'fail' ? 'copied' : outcome;
  return {
    source,
    unit: '甲区司法局',
    fiscalYear: 2021,
    ruleId,
    pack: ruleId.split('/')[0] ?? '',
    title: `标题 ${ruleId}`,
    outcome,
    severity: 'warning',
    redFlag: false,
    messageId: `${ruleId}#${check}`,
    message: `${source} ${ruleId} ${outcome}`,
    data: { n: 1 },
    paths: ['expenditure.threePublic'],
    observed: { 'expenditure.threePublic': 2.4 },
    basis: [],
    related: [],
    ...extra,
  };
}

const summary: ResultSummary = { total: 6, pass: 1, fail: 3, indeterminate: 1, notApplicable: 1, waived: 0, errors: 1, warnings: 2, infos: 0, redFlags: 1 };

function result(findings: CrossFormFinding[]): CrossFormResult {
  return {
    findings,
    summary,
    rules: [],
    history: [{ source: 'a-2021.txt', previous: 'a-2020.txt' }],
    diagnostics: [{ code: 'previous-ambiguous', message: '同一单位 2020 年度有 2 份表', sources: ['b1.txt', 'b2.txt'] }],
  };
}

describe('crossFormReport', () => {
  it('shows failures first, then undecided findings, each kind in the order of the pass; passes and not-applicable ones are left out', () => {
    const report = crossFormReport(
      result([
        finding('a.txt', 'history/carry-over', 'indeterminate'),
        finding('a.txt', 'history/three-public-prior-year', 'fail'),
        finding('b.txt', 'batch/duplicate', 'pass'),
        finding('b.txt', 'history/carry-over', 'fail'),
        finding('c.txt', 'history/carry-over', 'not-applicable'),
        finding('c.txt', 'batch/duplicate', 'indeterminate'),
        finding('d.txt', 'batch/duplicate', 'fail'),
      ]),
    );
    expect(report.findings.map((f) => `${f.source} ${f.ruleId} ${f.outcome}`)).toEqual([
      'a.txt history/three-public-prior-year fail',
      'b.txt history/carry-over fail',
      'd.txt batch/duplicate fail',
      'a.txt history/carry-over indeterminate',
      'c.txt batch/duplicate indeterminate',
    ]);
  });

  it('keeps the summary, the history joins and the diagnostics of the pass as they are', () => {
    const report = crossFormReport(result([]));
    expect(report.summary).toEqual(summary);
    expect(report.history).toEqual([{ source: 'a-2021.txt', previous: 'a-2020.txt' }]);
    expect(report.diagnostics).toEqual([{ code: 'previous-ambiguous', message: '同一单位 2020 年度有 2 份表', sources: ['b1.txt', 'b2.txt'] }]);
    expect(report.findings).toEqual([]);
  });

  it('a failure: every field a reader needs, its severity, the message id within the rule, positions and the forms it concerns', () => {
    const related = [{ source: 'a-2020.txt', unit: '甲区司法局', fiscalYear: 2020, relation: 'previous-year' as const, positions: { 'expenditure.threePublic': { line: 38 } } }];
    const [f] = crossFormReport(
      result([finding('a-2021.txt', 'history/three-public-prior-year', 'fail', { severity: 'error', redFlag: true, positions: { 'expenditure.threePublicPriorYear': { line: 40 } }, related, unlistedRelated: 3 })]),
    ).findings;
    expect(f).toStrictEqual({
      source: 'a-2021.txt',
      unit: '甲区司法局',
      fiscalYear: 2021,
      ruleId: 'history/three-public-prior-year',
      title: '标题 history/three-public-prior-year',
      outcome: 'fail',
      severity: 'error',
      redFlag: true,
      messageId: 'copied',
      message: 'a-2021.txt history/three-public-prior-year fail',
      data: { n: 1 },
      positions: { 'expenditure.threePublicPriorYear': { line: 40 } },
      related,
      unlistedRelated: 3,
    });
  });

  it('an undecided finding has no severity; no positions and no unlisted count when the pass gave none', () => {
    const [f] = crossFormReport(result([finding('x.txt', 'batch/duplicate', 'indeterminate', { unit: null, fiscalYear: null })])).findings;
    expect(f).toStrictEqual({
      source: 'x.txt',
      unit: null,
      fiscalYear: null,
      ruleId: 'batch/duplicate',
      title: '标题 batch/duplicate',
      outcome: 'indeterminate',
      redFlag: false,
      messageId: 'indeterminate',
      message: 'x.txt batch/duplicate indeterminate',
      data: { n: 1 },
      related: [],
    });
  });

  it('a message id without a rule prefix is kept whole', () => {
    const [f] = crossFormReport(result([finding('x.txt', 'batch/duplicate', 'fail', { messageId: 'copied' })])).findings;
    expect(f?.messageId).toBe('copied');
  });
});

describe('crossFormReport: the notes a rule gives reach the reader (issue 15, lead\'s review)', () => {
  const nothingSpent = (ruleId: string) => [{ messageId: `${ruleId}#nothing-spent`, message: '提示：本年与 2020 年度三公经费均为 0（未开支），无增，也无可再减', data: {} }];

  it('a listed finding carries its notes, each by its id within the rule', () => {
    const [f] = crossFormReport(result([finding('a.txt', 'history/three-public-declined', 'indeterminate', { notes: nothingSpent('history/three-public-declined') })])).findings;
    expect(f?.notes).toEqual([{ messageId: 'nothing-spent', message: '提示：本年与 2020 年度三公经费均为 0（未开支），无增，也无可再减' }]);
  });

  it('the notes of a pass or a rule that did not apply are the review notes, in the order of the pass; none, no key', () => {
    const report = crossFormReport(
      result([
        finding('a.txt', 'history/three-public-declined', 'pass', { notes: nothingSpent('history/three-public-declined') }),
        finding('b.txt', 'batch/duplicate', 'pass'),
        finding('c.txt', 'history/vehicle-cost-declined', 'not-applicable', { unit: null, fiscalYear: null, notes: [{ messageId: 'history/vehicle-cost-declined#x', message: 'x', data: {} }] }),
      ]),
    );
    expect(report.findings).toEqual([]);
    expect(report.reviewNotes).toStrictEqual([
      { source: 'a.txt', unit: '甲区司法局', fiscalYear: 2021, ruleId: 'history/three-public-declined', title: '标题 history/three-public-declined', outcome: 'pass', messageId: 'nothing-spent', message: '提示：本年与 2020 年度三公经费均为 0（未开支），无增，也无可再减' },
      { source: 'c.txt', unit: null, fiscalYear: null, ruleId: 'history/vehicle-cost-declined', title: '标题 history/vehicle-cost-declined', outcome: 'not-applicable', messageId: 'x', message: 'x' },
    ]);
    expect('reviewNotes' in crossFormReport(result([finding('b.txt', 'batch/duplicate', 'pass')]))).toBe(false);
  });
});

describe('the history pack on two forms that spent nothing on 三公 in either year', () => {
  it('the pass carries the rule\'s note, and the report lists it to review', () => {
    const checker = createChecker([loadPackFromDir(new URL('../../../../rules/history', import.meta.url).pathname)]);
    const base = baseEvaluation();
    const form = (fiscalYear: number) => ({ ...base, fiscalYear, threePublic: { ...base.threePublic, declined: 'yes' as const }, expenditure: { ...base.expenditure, threePublic: 0, threePublicPriorYear: null }, costControl: undefined });
    const report = crossFormReport(checkCrossForm(checker, [{ evaluation: form(2020), source: 'a/2020.json' }, { evaluation: form(2021), source: 'a/2021.json' }], { locale: 'zh-CN' }));
    expect(report.findings.every((f) => f.outcome === 'fail' || f.outcome === 'indeterminate')).toBe(true);
    expect(report.reviewNotes).toContainEqual(expect.objectContaining({ source: 'a/2021.json', ruleId: 'history/three-public-declined', outcome: 'pass', messageId: 'nothing-spent', message: '提示：本年与 2020 年度三公经费均为 0（未开支），无增，也无可再减' }));
  });
});
