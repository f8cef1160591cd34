import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { loadPackFromDir } from '../node/index.js';
import { passingEvaluation } from '../pack/cases.js';
import { ResultSummarySchema } from '../result/schema.js';
import type { EvaluationResult } from '../result/model.js';
import { parseWaiverFile, waiverRefs, type Waiver } from './waivers.js';
import { applyWaivers } from './apply.js';

const staffing = loadPackFromDir(fileURLToPath(new URL('../../../../rules/staffing', import.meta.url)));
const checker = createChecker([staffing]);

async function check(unit: string, year: number, actual: number): Promise<EvaluationResult> {
  const e = { ...passingEvaluation(), fiscalYear: year, unit: { name: unit }, staffing: { authorized: 22, actual }, staffingControl: { overstaffed: actual > 22 ? ('yes' as const) : ('no' as const) } };
  return checker.checkEvaluation(e);
}

const waiver = (w: Partial<Waiver> = {}): Waiver => ({
  rule: 'staffing/within-quota',
  unit: '北塔区司法局',
  reason: '机构改革过渡期，超编人员 2021 年内分流',
  approver: '区财政局绩效科',
  expires: '2021-06-30',
  ...w,
});

describe('parseWaiverFile', () => {
  it('reads YAML and JSON', () => {
    const yaml = `waivers:\n  - rule: staffing/within-quota\n    unit: 北塔区司法局\n    year: 2020\n    reason: 过渡期\n    approver: 绩效科\n    expires: 2021-06-30\n`;
    const y = parseWaiverFile(yaml, 'w.yaml');
    expect(y.ok && y.value.waivers[0]?.year).toBe(2020);
    const j = parseWaiverFile(JSON.stringify({ waivers: [waiver()] }), 'w.json');
    expect(j.ok && j.value.waivers).toHaveLength(1);
  });

  it('reports a missing approver and a bad date with file, line and path', () => {
    const yaml = `waivers:\n  - rule: staffing/within-quota\n    unit: x\n    reason: y\n    expires: 2021-02-30\n`;
    const r = parseWaiverFile(yaml, 'w.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.file, i.path, i.line])).toEqual([
      ['w.yaml', 'waivers.0.approver', 2],
      ['w.yaml', 'waivers.0.expires', 5],
    ]);
  });

  it('reports unparsable text with its line', () => {
    const r = parseWaiverFile('waivers:\n  - rule: [\n', 'w.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'yaml', file: 'w.yaml', line: expect.any(Number) as number });
  });
});

describe('applyWaivers', () => {
  it('waives a failing rule for the unit: counted as waived, not failed', async () => {
    const r = await check('北塔区司法局', 2020, 25);
    expect(r.summary).toMatchObject({ fail: 1, warnings: 1, waived: 0 });
    const { results, report } = applyWaivers([r], waiverRefs({ waivers: [waiver()] }, 'waivers.yaml'), { today: '2021-03-01' });
    const f = results[0]?.findings.find((x) => x.ruleId === 'staffing/within-quota');
    expect(f?.outcome).toBe('fail');
    expect(f?.waiver).toEqual({ reason: waiver().reason, approver: '区财政局绩效科', expires: '2021-06-30', source: 'waivers.yaml' });
    expect(results[0]?.summary).toMatchObject({ fail: 0, warnings: 0, waived: 1, total: 2 });
    expect(ResultSummarySchema.parse(results[0]?.summary)).toBeDefined();
    expect(report.applied.map((a) => a.count)).toEqual([1]);
    expect(report.unused).toEqual([]);
  });

  it('an expired waiver waives nothing and is itself a warning', async () => {
    const r = await check('北塔区司法局', 2020, 25);
    const { results, report } = applyWaivers([r], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2021-07-01', locale: 'en' });
    expect(results[0]?.summary).toMatchObject({ fail: 2, warnings: 2, waived: 0 });
    const expired = results[0]?.findings.find((f) => f.ruleId === 'waiver/expired');
    expect(expired).toMatchObject({ outcome: 'fail', severity: 'warning', messageId: 'waiver/expired#expired' });
    expect(expired?.message).toContain('expired on 2021-06-30');
    expect(report.expired).toHaveLength(1);
  });

  it('reports unused waivers and why: other unit, other year, rule passed, rule not loaded', async () => {
    const r = await check('北塔区司法局', 2020, 21);
    const refs = waiverRefs({ waivers: [waiver({ unit: '双清区财政局' }), waiver({ year: 2019 }), waiver(), waiver({ rule: 'budget/surplus-consistent' })] }, 'w.yaml');
    const { report } = applyWaivers([r], refs, { today: '2021-01-01' });
    expect(report.unused.map((u) => u.why.en)).toEqual([
      'no form of 双清区财政局 was checked',
      'no form of 北塔区司法局 for 2019 was checked',
      'rule staffing/within-quota did not fail for this unit',
      'rule budget/surplus-consistent is not loaded',
    ]);
  });

  it('refuses a today that is not a date', () => {
    expect(() => applyWaivers([], [], { today: 'now' })).toThrow(/YYYY-MM-DD/);
  });

  it('property: waiving never changes outcomes, only moves failures to waived; expiry decides', async () => {
    const results = await Promise.all([check('北塔区司法局', 2020, 25), check('北塔区司法局', 2021, 30), check('双清区财政局', 2020, 40)]);
    fc.assert(
      fc.property(
        fc.array(fc.record({ unit: fc.constantFrom('北塔区司法局', '双清区财政局'), year: fc.option(fc.constantFrom(2020, 2021), { nil: undefined }), rule: fc.constantFrom('staffing/within-quota', 'staffing/declaration-consistent'), expires: fc.constantFrom('2021-01-01', '2022-01-01') }), { maxLength: 4 }),
        fc.constantFrom('2020-12-31', '2021-01-01', '2021-01-02'),
        (ws, today) => {
          const refs = waiverRefs({ waivers: ws.map((w) => waiver({ ...w, ...(w.year === undefined ? { year: undefined } : {}) })) }, 'w');
          const { results: out, report } = applyWaivers(results, refs, { today });
          for (const [i, r] of out.entries()) {
            const before = results[i];
            if (!before) throw new Error('missing');
            const original = r.findings.filter((f) => f.ruleId !== 'waiver/expired');
            expect(original.map((f) => f.outcome)).toEqual(before.findings.map((f) => f.outcome));
            expect(r.summary.fail + r.summary.waived).toBe(r.findings.filter((f) => f.outcome === 'fail').length);
            for (const f of original) if (f.waiver) expect(f.waiver.expires >= today).toBe(true);
          }
          expect(report.expired.every((e) => e.waiver.expires < today)).toBe(true);
          expect(report.applied.length + report.unused.length + report.expired.length).toBe(refs.length);
        },
      ),
    );
  });
});
