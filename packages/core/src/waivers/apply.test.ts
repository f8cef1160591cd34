// Which failure a waiver takes, and what the report says of each waiver, at the edges the other waiver tests leave
// open: a form without a unit name, a finding another waiver file waived, a day written almost as YYYY-MM-DD, an
// expired waiver before a valid one, a waived failure no given waiver covers, a rule run on some forms of a unit.
// Expected values worked by hand from the waiver and the form.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { loadPackFromDir } from '../node/index.js';
import { passingEvaluation } from '../pack/cases.js';
import type { EvaluationResult } from '../result/model.js';
import { waiverRefs, type Waiver } from './waivers.js';
import { applyWaivers, expiredWaiverFindings, waiverAdjuster, waiverReport } from './apply.js';

const staffing = loadPackFromDir(fileURLToPath(new URL('../../../../rules/staffing', import.meta.url)));
const checker = createChecker([staffing]);

/** The staffing pack on a form of `unit`: 25 staff for 22 places fails within-quota (a warning). */
function check(unit: string | null, fiscalYear = 2020): EvaluationResult {
  return checker.checkEvaluationSync({ ...passingEvaluation(), fiscalYear, unit: { name: unit }, staffing: { authorized: 22, actual: 25 }, staffingControl: { overstaffed: 'yes' } });
}

/** A form of `unit` checked by a checker without the staffing pack (the budget pack alone): within-quota never ran on it. */
const budgetChecker = createChecker([loadPackFromDir(fileURLToPath(new URL('../../../../rules/budget', import.meta.url)))]);
const checkWithoutStaffing = (unit: string, fiscalYear = 2021): EvaluationResult => budgetChecker.checkEvaluationSync({ ...passingEvaluation(), fiscalYear, unit: { name: unit } });

const waiver = (w: Partial<Waiver> = {}): Waiver => ({ rule: 'staffing/within-quota', unit: '北塔区司法局', reason: '过渡期', approver: '绩效科', expires: '2021-06-30', ...w });
const quota = (r: EvaluationResult | undefined) => r?.findings.find((f) => f.ruleId === 'staffing/within-quota');

describe('a form without a unit name', () => {
  it('is no unit a waiver names: its failure stands, and the waiver is unused for want of a form of its unit', () => {
    const r = check(null);
    expect(quota(r)?.outcome).toBe('fail');
    const { results, report } = applyWaivers([r], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2021-01-01' });
    expect(quota(results[0])).toEqual(quota(r));
    expect(results[0]?.summary).toEqual(r.summary);
    expect(report.applied).toEqual([]);
    expect(report.unused.map((u) => u.why)).toEqual([{ 'zh-CN': '没有检查 北塔区司法局的自评表', en: 'no form of 北塔区司法局 was checked' }]);
  });

  it('gets no adjuster and no expired-waiver warning', () => {
    const given = { refs: waiverRefs({ waivers: [waiver(), waiver({ expires: '2020-06-30' })] }, 'w.yaml'), today: '2021-01-01' };
    expect(waiverAdjuster(given, { unit: null, fiscalYear: 2020 })).toBeUndefined();
    expect(waiverAdjuster(given, { unit: undefined, fiscalYear: 2020 })).toBeUndefined();
    expect(expiredWaiverFindings(given, { unit: null, fiscalYear: 2020 }, check(null).findings, 'en')).toEqual([]);
  });
});

describe('a waiver with a year', () => {
  it.each<[number | undefined, number, boolean]>([
    [2020, 2020, true],
    [2020, 2021, false],
    [undefined, 2021, true],
    [undefined, 2020, true],
  ])('for the year %s, on a form of %s: waives %s', (year, fiscalYear, waives) => {
    const w = year === undefined ? waiver() : waiver({ year });
    const { results, report } = applyWaivers([check('北塔区司法局', fiscalYear)], waiverRefs({ waivers: [w] }, 'w.yaml'), { today: '2021-01-01' });
    expect(quota(results[0])?.waiver !== undefined).toBe(waives);
    expect(report.applied.map((a) => a.count)).toEqual(waives ? [1] : []);
  });
});

describe('the report', () => {
  it('counts for a waiver file only the failures its own waivers took, not those another file waived', () => {
    // Checked with w.yaml's waiver, then given v.yaml's (the same rule and unit): the failure keeps w.yaml's waiver.
    const once = applyWaivers([check('北塔区司法局')], waiverRefs({ waivers: [waiver({ approver: '甲' })] }, 'w.yaml'), { today: '2021-01-01' });
    const v = waiverRefs({ waivers: [waiver({ approver: '丙' })] }, 'v.yaml');
    const twice = applyWaivers(once.results, v, { today: '2021-01-01' });
    expect(twice.report.applied).toEqual([]);
    expect(twice.report.unused.map((u) => [u.source, u.index])).toEqual([['v.yaml', 0]]);
    expect(waiverReport(once.results, v, '2021-01-01').applied).toEqual([]);
  });

  it('counts two failures of one waiver as 2', () => {
    const refs = waiverRefs({ waivers: [waiver()] }, 'w.yaml');
    const { report } = applyWaivers([check('北塔区司法局'), check('北塔区司法局', 2021)], refs, { today: '2021-01-01' });
    expect(report.applied.map((a) => [a.source, a.index, a.count])).toEqual([['w.yaml', 0, 2]]);
  });
});

describe('the day of the check', () => {
  it.each(['2021-01-011', ' 2021-01-01', '2021-01-01x', 'x2021-01-01', '2021-1-01', ''])('refuses %j, everywhere it is given', (today) => {
    expect(() => applyWaivers([], [], { today })).toThrow(`today must be YYYY-MM-DD, got ${today}`);
    expect(() => waiverReport([], [], today)).toThrow(/YYYY-MM-DD/);
    expect(() => waiverAdjuster({ refs: [], today }, { unit: '北塔区司法局', fiscalYear: 2020 })).toThrow(/YYYY-MM-DD/);
  });
});

describe('an expired waiver', () => {
  it('never takes a failure, even listed before a valid one: the valid one is credited, the expired one reported expired', () => {
    // w.yaml: #0 expired on 2020-06-30, #1 valid to 2021-06-30, the same rule and unit; checked on 2021-01-01.
    const refs = waiverRefs({ waivers: [waiver({ approver: '甲', expires: '2020-06-30' }), waiver({ approver: '乙' })] }, 'w.yaml');
    const { results, report } = applyWaivers([check('北塔区司法局')], refs, { today: '2021-01-01' });
    expect(quota(results[0])?.waiver).toEqual({ reason: '过渡期', approver: '乙', expires: '2021-06-30', source: 'w.yaml' });
    expect(report.applied.map((a) => [a.index, a.waiver.approver, a.count])).toEqual([[1, '乙', 1]]);
    expect(report.expired.map((e) => e.index)).toEqual([0]);
    expect(report.unused).toEqual([]);
  });

  it('is not credited with a failure another waiver of its file took', () => {
    // Checked with the valid waiver; the report is then asked of the expired one alone (the same file and unit).
    const once = applyWaivers([check('北塔区司法局')], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2021-01-01' });
    const report = waiverReport(once.results, waiverRefs({ waivers: [waiver({ expires: '2020-06-30' })] }, 'w.yaml'), '2021-01-01');
    expect(report.applied).toEqual([]);
    expect(report.expired.map((e) => [e.source, e.index])).toEqual([['w.yaml', 0]]);
    expect(report.unused).toEqual([]);
  });
});

describe('a waived failure that none of the given waivers covers', () => {
  it('is counted for none of them, and each says why it waived nothing (no exception)', () => {
    // Waived by w.yaml's within-quota waiver; the report is asked of a waiver of a rule no form ran.
    const once = applyWaivers([check('北塔区司法局')], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2021-01-01' });
    const other = waiverRefs({ waivers: [waiver({ rule: 'staffing/no-such-rule' })] }, 'w.yaml');
    const report = waiverReport(once.results, other, '2021-01-01');
    expect(report.applied).toEqual([]);
    expect(report.expired).toEqual([]);
    expect(report.unused.map((u) => u.why)).toEqual([{ 'zh-CN': '规则 staffing/no-such-rule 未加载', en: 'rule staffing/no-such-rule is not loaded' }]);
    expect(waiverReport(once.results, [], '2021-01-01')).toEqual({ applied: [], expired: [], unused: [] });
  });
});

describe('what the report counts', () => {
  it('only failures that carry a waiver: a failure checked without the waivers is not counted, and does not throw', () => {
    // The form checked without waivers: its within-quota failure stands, no `waiver` on it.
    const r = check('北塔区司法局');
    expect(quota(r)?.waiver).toBeUndefined();
    const report = waiverReport([r], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), '2021-01-01');
    expect(report.applied).toEqual([]);
    expect(report.unused.map((u) => [u.source, u.index])).toEqual([['w.yaml', 0]]);
  });

  it('says a rule is not loaded only when it ran on no form of the unit', () => {
    // Two forms of the unit: 2020's checked with the staffing pack (within-quota passed: 20 staff for 22 places),
    // 2021's without it. The rule ran for the unit and did not fail: that is the reason, not "not loaded".
    const passed = checker.checkEvaluationSync({ ...passingEvaluation(), fiscalYear: 2020, unit: { name: '北塔区司法局' }, staffing: { authorized: 22, actual: 20 } });
    expect(quota(passed)?.outcome).toBe('pass');
    const without = checkWithoutStaffing('北塔区司法局');
    expect(quota(without)).toBeUndefined();
    const refs = waiverRefs({ waivers: [waiver()] }, 'w.yaml');
    const why = (results: EvaluationResult[]) => waiverReport(results, refs, '2021-01-01').unused.map((u) => u.why.en);
    expect(why([passed, without])).toEqual(['rule staffing/within-quota did not fail for this unit']);
    expect(why([without, passed])).toEqual(['rule staffing/within-quota did not fail for this unit']);
    expect(why([without])).toEqual(['rule staffing/within-quota is not loaded']);
  });
});
