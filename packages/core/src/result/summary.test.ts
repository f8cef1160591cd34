// What a result's summary counts: every finding once, failures by severity, waived failures apart.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { loadPackFromDir } from '../node/index.js';
import { passingEvaluation } from '../pack/cases.js';
import { applyWaivers } from '../waivers/apply.js';
import type { ResultSummary } from './model.js';

const pack = (name: string) => loadPackFromDir(fileURLToPath(new URL(`../../../../rules/${name}`, import.meta.url)));
const packs = [pack('integrity'), pack('staffing')];

/**
 * A unit with 96 staff for 55 posts that declared itself not overstaffed, and whose income total is 3.00 short of
 * its parts: integrity/income-total (error), staffing/declaration-consistent (error) and staffing/within-quota
 * (a warning by default) fail; the other five rules of the two packs pass.
 */
function overstaffed() {
  const e = passingEvaluation();
  return {
    ...e,
    unit: { name: '南湖区财政局' },
    staffing: { authorized: 55, actual: 96 },
    staffingControl: { overstaffed: 'no' as const },
    income: { ...e.income, total: 327.85 }, // parts: 330.85
  };
}

const zero: ResultSummary = { total: 8, pass: 0, fail: 0, indeterminate: 0, notApplicable: 0, waived: 0, errors: 0, warnings: 0, infos: 0, redFlags: 0 };

describe('summary counts', () => {
  it.each<[string, Record<string, 'error' | 'warning' | 'info'>, Partial<ResultSummary>]>([
    // staffing/within-quota is the red-flag rule of the two packs: its failure counts as a red flag whatever its severity.
    ['defaults', {}, { pass: 5, fail: 3, errors: 2, warnings: 1, redFlags: 1 }],
    ['within-quota set to info', { 'staffing/within-quota': 'info' }, { pass: 5, fail: 3, errors: 2, infos: 1, redFlags: 1 }],
    ['income-total set to warning', { 'integrity/income-total': 'warning' }, { pass: 5, fail: 3, errors: 1, warnings: 2, redFlags: 1 }],
    ['both errors set to info', { 'integrity/income-total': 'info', 'staffing/declaration-consistent': 'info' }, { pass: 5, fail: 3, warnings: 1, infos: 2, redFlags: 1 }],
  ])('%s: failures counted by their configured severity (info as info, never as a warning)', async (_, rules, expected) => {
    const result = await createChecker(packs, { rules }).checkEvaluation(overstaffed());
    expect(result.summary).toEqual({ ...zero, ...expected });
  });

  it('a waived failure leaves fail, its severity count and the red flags, and is counted as waived', async () => {
    const result = await createChecker(packs, { rules: { 'staffing/within-quota': 'info' } }).checkEvaluation(overstaffed());
    const waive = (rule: string, index: number) => ({ waiver: { rule, unit: '南湖区财政局', reason: '已核实', approver: '绩效科', expires: '2030-12-31' }, source: 'w.yaml', index });
    const { results } = applyWaivers([result], [waive('staffing/within-quota', 0), waive('integrity/income-total', 1)], { today: '2026-01-01' });
    expect(results[0]?.summary).toEqual({ ...zero, pass: 5, fail: 1, errors: 1, waived: 2 });
  });
});
