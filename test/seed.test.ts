/**
 * The seed form (北塔区司法局, 2020) checked with the standard preset, the way `jixiao check` does it. Every
 * expected outcome below is derived by hand from the form (examples/beita-justice-2020/000_1f3a69e61e56d541.txt,
 * as modelled in evaluation.json) and ../shared/domain.md §3–§5, not copied from the tool's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult, Finding, Outcome, Severity } from '@jixiao/core';
import { execute, type CliIo } from '@jixiao/cli';
import { loadChecker } from '../packages/cli/src/packs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = join(ROOT, 'examples/beita-justice-2020/evaluation.json');

interface Expected {
  readonly outcome: Outcome;
  /** Severity of the failure (only for `fail`). */
  readonly severity?: Severity;
  /** Failure mode (check id) for `fail`. */
  readonly check?: string;
  /** Text the zh-CN message must contain: the figures that decide the outcome. */
  readonly says?: readonly string[];
  /** Why, from the form — documentation for the reader of this test. */
  readonly why: string;
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  // integrity
  'integrity/required-fields': { outcome: 'pass', why: 'unit, year, 22/21 staff, both totals are filled in' },
  'integrity/income-total': {
    outcome: 'fail', severity: 'error', check: 'mismatch', says: ['264.47', '267.47', '-3.00'],
    why: 'parts 267.47 (+ three blanks) already exceed the total 264.47 by 3.00 > tolerance 0.03',
  },
  'integrity/expenditure-total': { outcome: 'pass', why: 'basic 338.28 + blank project = total 338.28 (blank read as nil)' },
  'integrity/three-public-within-expenditure': { outcome: 'pass', why: '三公 0.18 ≤ 338.28' },
  'integrity/amounts-in-wanyuan': { outcome: 'pass', why: 'the largest amount 338.28 is once the median 264.47 of its amounts: one magnitude' },
  'integrity/answers-resolved': { outcome: 'pass', why: 'every question resolves to 是/否 (five of them inferred, §2)' },
  // staffing
  'staffing/within-quota': { outcome: 'pass', says: ['95.45%'], why: '21 actual ≤ 22 authorized' },
  'staffing/declaration-consistent': { outcome: 'pass', why: '超编 = 否 and 21 ≤ 22' },
  // three-public
  'three-public/management-rules': { outcome: 'pass', why: '是' },
  'three-public/reception-standard': { outcome: 'pass', why: '是' },
  'three-public/vehicle-cost-declined': { outcome: 'pass', why: '是, no vehicle figures on this template' },
  'three-public/declined': { outcome: 'pass', why: '是 (inferred); no prior-year figure: declared, not verifiable' },
  // revenue
  'revenue/two-line-management': { outcome: 'pass', why: '是' },
  'revenue/no-diversion': { outcome: 'pass', why: '无' },
  'revenue/non-tax-target-met': { outcome: 'fail', severity: 'warning', check: 'not-met', why: '非税收入完成 = 否 (inferred); 非税收入 blank, not 0, so not n/a' },
  // procurement
  'procurement/plan-in-place': { outcome: 'fail', severity: 'warning', check: 'no-plan', says: ['74.69', '5.67'], why: 'no plan (否, inferred) while 74.69 was to be procured' },
  'procurement/within-plan': { outcome: 'pass', why: '5.67 ≤ 74.69' },
  'procurement/execution-rate': { outcome: 'pass', says: ['7.59%'], why: '5.67 / 74.69 = 7.59%; no threshold by default, the rate is reported' },
  // budget
  'budget/supplement-consistent': { outcome: 'pass', why: '追加 = 否 with 追加金额 0' },
  'budget/surplus-consistent': { outcome: 'pass', why: '结余 = 否 (inferred) with 结余金额 0' },
  'budget/expenditure-within-income': {
    outcome: 'fail', severity: 'warning', check: 'over-income', says: ['338.28', '264.47', '73.81', '127.91%'],
    why: 'spending 338.28 > income 264.47 (no carry-over given): 73.81 over, 338.28 / 264.47 = 127.91%',
  },
  // disclosure
  'disclosure/published': { outcome: 'pass', why: '是' },
  'disclosure/public-channel': { outcome: 'pass', why: '门户网站' },
  'disclosure/timely': { outcome: 'indeterminate', says: ['2020-01-17'], why: 'no 批复日期; 2020-01-17 lies within fiscal year 2020 ± 1' },
  // management
  'management/finance-rules': { outcome: 'pass', why: '是' },
  'management/accounting-office': { outcome: 'pass', why: '是' },
  'management/accountants-qualified': { outcome: 'pass', why: '是' },
  'management/fund-rules': { outcome: 'pass', why: '是' },
  'management/approval-procedure': { outcome: 'pass', why: '有' },
  'management/no-irregular-allowances': { outcome: 'pass', why: '否' },
  'management/asset-rules': { outcome: 'pass', why: '是' },
  'management/asset-handling': { outcome: 'pass', why: '是' },
  'management/asset-title': { outcome: 'pass', why: '是' },
  'management/asset-records': { outcome: 'pass', why: '是' },
  // duties
  'duties/key-tasks-completed': { outcome: 'pass', why: '是' },
  // scoring: the seed has no 自评表 (no budget execution block, no indicator table), so none of it applies
  'scoring/budget-adjustment': { outcome: 'not-applicable', why: 'no 自评表: no 预算调整数' },
  'scoring/budget-by-nature': { outcome: 'not-applicable', why: 'no 自评表: no 基本支出 / 项目支出 rows in a budget execution block' },
  'scoring/coefficient-score': { outcome: 'not-applicable', why: 'no 自评表: no 得分系数' },
  'scoring/deviation-reason': { outcome: 'not-applicable', why: 'no 自评表: no indicator rows' },
  'scoring/execution-rate': { outcome: 'not-applicable', why: 'no 自评表: no budget execution block' },
  'scoring/execution-score': { outcome: 'not-applicable', why: 'no 自评表: no budget execution block' },
  'scoring/full-marks-below-target': { outcome: 'not-applicable', why: 'no 自评表: no indicator rows' },
  'scoring/fund-sources-total': { outcome: 'not-applicable', why: 'no 自评表: no 按收入性质分' },
  'scoring/grade-matches-score': { outcome: 'not-applicable', why: 'no 自评表: nothing scored to recompute a total from' },
  'scoring/points-total': { outcome: 'not-applicable', why: 'no 自评表: no 分值' },
  'scoring/score-total': { outcome: 'not-applicable', why: 'no 自评表: no 得分' },
  'scoring/score-within-points': { outcome: 'not-applicable', why: 'no 自评表: no 得分' },
  // rating
  'rating/self-rating-supported': {
    outcome: 'fail', severity: 'warning', check: 'inflated', says: ['优', '错误级不通过：年度收入合计等于各项收入之和。红旗事项：无'],
    why: 'self-rated 优 while integrity/income-total fails at error (no red flag fails)',
  },
};

let result: EvaluationResult;
const finding = (id: string): Finding => {
  const f = result.findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`no finding for ${id}`);
  return f;
};

beforeAll(async () => {
  const { checker } = loadChecker({ cwd: ROOT });
  result = await checker.check(JSON.parse(readFileSync(SEED, 'utf8')), { source: SEED, locale: 'zh-CN' });
});

describe('seed form: every rule of the standard preset, rule by rule (domain.md §5)', () => {
  it('runs exactly the rules pinned here', () => {
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [id, e] of Object.entries(EXPECTED)) {
    it(`${id}: ${e.outcome}${e.severity ? ` (${e.severity})` : ''} — ${e.why}`, () => {
      const f = finding(id);
      expect(f.outcome, f.message).toBe(e.outcome);
      if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
      if (e.check !== undefined) expect(f.messageId).toBe(`${id}#${e.check}`);
      for (const text of e.says ?? []) expect(f.message).toContain(text);
    });
  }

  it('says the 三公 decline is declared, not verified', () => {
    expect(finding('three-public/declined').notes?.map((n) => n.message).join('\n')).toContain('无法以数字核实');
  });

  it('counts one error and four warnings, one indeterminate, twelve not applicable (the 自评表 rules), the rest passed', () => {
    expect(result.summary).toMatchObject({ total: 48, fail: 5, errors: 1, warnings: 4, infos: 0, indeterminate: 1, notApplicable: 12, pass: 30 });
  });

  it('reports the indicators: 在职人员控制率 95.45%, 政府采购执行率 7.59%, the others N/A or computed exactly', () => {
    const byId = Object.fromEntries(result.indicators.map((i) => [i.id, i]));
    expect(byId.staffingControlRate?.display).toBe('95.45%');
    expect(byId.procurementExecutionRate?.display).toBe('7.59%');
    expect(byId.expenditureIncomeRatio?.display).toBe('127.91%');
    expect(byId.threePublicChangeRate?.value).toBeNull();
    expect(byId.budgetControlRate?.value).toBeNull();
  });
});

describe('jixiao check: the zh-CN text report of the seed', () => {
  let report = '';
  let code = -1;

  beforeAll(async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (chunk) => out.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)),
      stderr: (chunk) => err.push(chunk),
      cwd: ROOT,
      env: {},
      stdoutIsTTY: false,
    };
    code = await execute(['check', SEED], io);
    report = out.join('');
    expect(err.join('')).toBe('');
  });

  it('exits 1: a rule fails at error severity', () => {
    expect(code).toBe(1);
  });

  it('lists the failures first, the error before the warnings, each with its figures', () => {
    const lines = report.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    const failures = ['integrity/income-total', 'revenue/non-tax-target-met', 'procurement/plan-in-place', 'budget/expenditure-within-income', 'rating/self-rating-supported'];
    const positions = failures.map(at);
    for (const [i, p] of positions.entries()) expect(p, `${failures[i] ?? ''} is listed`).toBeGreaterThanOrEqual(0);
    const firstOther = at('disclosure/timely');
    expect(firstOther, 'the indeterminate rule is listed').toBeGreaterThan(Math.max(...positions));
    const error = at('integrity/income-total');
    expect(Math.min(...positions)).toBe(error);
    // the message line right under each failure carries its figures
    expect(lines[error + 1]).toContain('264.47');
    expect(lines[error + 1]).toContain('267.47');
    expect(lines[at('procurement/plan-in-place') + 1]).toContain('74.69');
    expect(lines[at('budget/expenditure-within-income') + 1]).toContain('338.28');
    // passing rules are not listed one by one (only notes of passes may appear, after the findings)
    expect(lines.some((l) => l.includes('management/asset-records'))).toBe(false);
  });

  it('then shows the indicators, 95.45% and 7.59%', () => {
    const lastFailure = report.lastIndexOf('rating/self-rating-supported');
    const staffing = report.indexOf('95.45%');
    const procurement = report.indexOf('7.59%', lastFailure);
    expect(staffing).toBeGreaterThan(lastFailure);
    expect(procurement).toBeGreaterThan(lastFailure);
    expect(report.slice(lastFailure)).toMatch(/在职人员控制率\s+95\.45%/);
    expect(report.slice(lastFailure)).toMatch(/政府采购执行率\s+7\.59%/);
  });
});
