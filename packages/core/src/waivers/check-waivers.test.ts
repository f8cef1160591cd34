// Waivers given to the checker (CheckOptions.waivers) apply as each rule is decided: the self-rating check, which
// runs after every other rule and counts their error-level failures and red flags, no longer counts a waived one.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { loadPackFromDir } from '../node/index.js';
import { passingEvaluation } from '../pack/cases.js';
import type { EvaluationResult } from '../result/model.js';
import { applyWaivers, waiverReport, type CheckWaivers } from './apply.js';
import { parseWaiverFile, waiverRefs, type Waiver } from './waivers.js';

const pack = (name: string) => loadPackFromDir(fileURLToPath(new URL(`../../../../rules/${name}`, import.meta.url)));
const checker = createChecker([pack('integrity'), pack('staffing'), pack('rating')]);

/** Self-rated 优 with an income total 3.00 short of its parts: integrity/income-total fails at error. */
function inflated(unit = '北塔区司法局') {
  const e = passingEvaluation();
  return { ...e, fiscalYear: 2020, unit: { name: unit }, selfRating: { grade: '优' as const, score: null }, income: { ...e.income, total: e.income.total === null ? null : e.income.total - 3 } };
}

const waiver = (w: Partial<Waiver> = {}): Waiver => ({ rule: 'integrity/income-total', unit: '北塔区司法局', reason: '上年结转，已核实', approver: '绩效科', expires: '2021-06-30', ...w });
const given = (ws: Waiver[], today = '2021-01-01'): CheckWaivers => ({ refs: waiverRefs({ waivers: ws }, 'w.yaml'), today });
const rating = (r: EvaluationResult) => r.findings.find((f) => f.ruleId === 'rating/self-rating-supported');

describe('waivers in the checker', () => {
  it('the self-rating check no longer counts a waived error (the only one): it passes, saying 0', async () => {
    const without = await checker.checkEvaluation(inflated());
    expect(rating(without)).toMatchObject({ outcome: 'fail', data: { errorCount: 1, errors: ['integrity/income-total'] } });
    const waived = await checker.checkEvaluation(inflated(), { waivers: given([waiver()]) });
    expect(waived.findings.find((f) => f.ruleId === 'integrity/income-total')).toMatchObject({ outcome: 'fail', waiver: { approver: '绩效科', source: 'w.yaml' } });
    expect(rating(waived)).toMatchObject({ outcome: 'pass', data: { errorCount: 0, errors: [] } });
    expect(rating(waived)?.message).toContain('错误级不通过 0 项');
    expect(waived.summary).toMatchObject({ fail: 0, errors: 0, warnings: 0, waived: 1 });
  });

  it('the synchronous checker gives the same result', async () => {
    const options = { waivers: given([waiver()]) };
    expect(checker.checkEvaluationSync(inflated(), options)).toEqual(await checker.checkEvaluation(inflated(), options));
  });

  it('applying the same waivers after the check (applyWaivers) leaves the self-rating failure standing: the reason for the option', async () => {
    const after = applyWaivers([await checker.checkEvaluation(inflated())], given([waiver()]).refs, { today: '2021-01-01' }).results[0];
    expect(after && rating(after)?.outcome).toBe('fail');
  });

  it('a waiver of another unit, of another year, or expired waives nothing; the expired one adds its warning', async () => {
    for (const w of [waiver({ unit: '双清区财政局' }), waiver({ year: 2019 })]) {
      const r = await checker.checkEvaluation(inflated(), { waivers: given([w]) });
      expect(rating(r)?.outcome).toBe('fail');
      expect(r.summary.waived).toBe(0);
    }
    const expired = await checker.checkEvaluation(inflated(), { waivers: given([waiver()], '2021-07-01') });
    expect(rating(expired)?.outcome).toBe('fail');
    expect(expired.findings.filter((f) => f.ruleId === 'waiver/expired').map((f) => f.data.rule)).toEqual(['integrity/income-total']);
  });

  it('gives what applyWaivers gives after the check, the self-rating aside, and the same report', async () => {
    const ws = [waiver(), waiver({ rule: 'staffing/within-quota', expires: '2020-12-31' }), waiver({ unit: '双清区财政局' })];
    const forms = [inflated(), inflated('双清区财政局'), inflated('南湖区财政局')];
    const during = await Promise.all(forms.map((e) => checker.checkEvaluation(e, { waivers: given(ws) })));
    const after = applyWaivers(await Promise.all(forms.map((e) => checker.checkEvaluation(e))), given(ws).refs, { today: '2021-01-01' });
    const others = (r: { findings: readonly { ruleId: string }[] }) => r.findings.filter((f) => f.ruleId !== 'rating/self-rating-supported');
    expect(during.map(others)).toEqual(after.results.map(others));
    expect(waiverReport(during, given(ws).refs, '2021-01-01')).toEqual(after.report);
    expect(after.report.applied.map((a) => [a.index, a.count])).toEqual([
      [0, 1],
      [2, 1],
    ]);
  });

  it('refuses a day that is not YYYY-MM-DD', async () => {
    await expect(checker.checkEvaluation(inflated(), { waivers: given([waiver()], '1/1/2021') })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('property: the self-rating check counts exactly the error failures and red flags no waiver covers', () => {
    const rules = ['integrity/income-total', 'staffing/declaration-consistent', 'staffing/within-quota'];
    fc.assert(
      fc.property(fc.subarray(rules), (waivedRules) => {
        const e = { ...inflated(), staffing: { authorized: 22, actual: 25 }, staffingControl: { overstaffed: 'no' as const } };
        const r = checker.checkEvaluationSync(e, { waivers: given(waivedRules.map((rule) => waiver({ rule }))) });
        const standing = r.findings.filter((f) => f.outcome === 'fail' && f.waiver === undefined && f.ruleId !== 'rating/self-rating-supported');
        const errors = standing.filter((f) => f.severity === 'error').map((f) => f.ruleId);
        expect(rating(r)).toMatchObject({ data: { errorCount: errors.length, errors, redFlagCount: standing.filter((f) => f.redFlag).length } });
        expect(rating(r)?.outcome).toBe(errors.length + standing.filter((f) => f.redFlag).length > 0 ? 'fail' : 'pass');
      }),
    );
  });
});

describe('parseWaiverFile with the rules loaded', () => {
  const yaml = 'waivers:\n  - rule: integrity/income-total\n    unit: x\n    reason: y\n    approver: z\n    expires: 2021-01-01\n  - rule: integrity/incme-total\n    unit: x\n    reason: y\n    approver: z\n    expires: 2021-01-01\n';

  it('a waiver for a rule that is not loaded is an error at its line, in both languages', () => {
    const r = parseWaiverFile(yaml, 'w.yaml', { rules: checker.rules.map((x) => x.rule.id) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        level: 'error',
        code: 'unknown-rule',
        file: 'w.yaml',
        line: 7,
        column: expect.any(Number) as number,
        path: 'waivers.1.rule',
        message: { 'zh-CN': '规则 integrity/incme-total 未加载（规则编号拼写有误，或未选其规则包）', en: 'rule integrity/incme-total is not loaded (a misspelt rule id, or its pack is not selected)' },
      },
    ]);
  });

  it('without the rules, only the form of an id is checked', () => {
    expect(parseWaiverFile(yaml, 'w.yaml').ok).toBe(true);
  });
});
