/**
 * The real 重庆 部门整体绩效自评表 of examples/t5-chongqing-2021 (T5, Chongqing variant), as .xlsx and as .docx:
 * the figures read and the scoring pack's findings, both written by hand from the published form (README.md
 * there), not from the reader's output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { execute, type CliIo } from '@jixiao/cli';
import { importBuffer } from '@jixiao/import/node';
import { loadChecker } from '../packages/cli/src/packs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const file = (name: string) => fileURLToPath(new URL(`../examples/t5-chongqing-2021/${name}`, import.meta.url));

const EXPECTED_OUTCOMES = {
  'scoring/full-marks-below-target': 'fail',
  'scoring/deviation-reason': 'fail',
  'scoring/execution-score': 'pass',
  'scoring/coefficient-score': 'pass',
  'scoring/score-within-points': 'pass',
  'scoring/execution-rate': 'indeterminate',
  'scoring/points-total': 'fail',
  'scoring/score-total': 'fail',
  'scoring/grade-matches-score': 'indeterminate',
  // The sheet's budget block has no rows by nature and no fund sources (model v3).
  'scoring/budget-by-nature': 'not-applicable',
  'scoring/fund-sources-total': 'not-applicable',
};

describe.each([
  ['form.xlsx', /^部门整体绩效自评表!E\d+$/],
  ['form.docx', /^table 2, row 2, cell 5$/],
])('examples/t5-chongqing-2021/%s', (name, rateCell) => {
  const { checker } = loadChecker({ cwd: ROOT });

  it('reads the budget execution block, the 19 indicators and the claimed total, positions naming the cell', async () => {
    const r = await importBuffer(new Uint8Array(readFileSync(file(name))), { filename: name });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.template?.id).toBe('t5-indicator-form');
    expect(r.evaluation.selfAssessment?.budget).toEqual({ initialBudget: null, annualBudget: null, executed: null, points: 10, rate: 76, score: 7.6 });
    expect(r.evaluation.selfRating).toEqual({ grade: null, score: 97.6 });
    const rows = r.evaluation.selfAssessment?.indicators ?? [];
    expect(rows).toHaveLength(19);
    expect(rows.reduce((s, x) => s + (x.points ?? 0), 0)).toBe(70);
    expect(rows[8]).toEqual({ name: '政府采购执行率', nature: 'quantitative', unit: '%', target: '100%', adjustedTarget: null, actual: '72.74%', points: 2, score: 2, coefficient: 100, core: true });
    expect(rows[9]).toMatchObject({ name: '管理制度健全性', nature: 'qualitative', target: '高', actual: '高', points: 3, score: 3, core: false });
    // 指标性质 written once per group (a merged cell) holds for the rows below it.
    expect(rows[14]).toMatchObject({ name: '党性教育培训次数', nature: 'quantitative', target: '26次', actual: '12次', points: 5, score: 5, core: true });
    expect(r.positions['selfAssessment.budget.rate']?.cell).toMatch(rateCell);
  });

  it('the scoring pack finds the two full-marks rows short of target, and the score check suggests 中 (74.36) beside the claimed 97.6', async () => {
    const r = await importBuffer(new Uint8Array(readFileSync(file(name))), { filename: name });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const result = checker.checkEvaluationSync(r.evaluation, { source: name, ...(r.fieldsNotOnForm ? { fieldsNotOnForm: r.fieldsNotOnForm } : {}) });
    const outcomes = Object.fromEntries(result.findings.filter((f) => f.ruleId.startsWith('scoring/') && f.ruleId !== 'scoring/budget-adjustment').map((f) => [f.ruleId, f.outcome]));
    expect(outcomes).toEqual(EXPECTED_OUTCOMES);
    expect(result.findings.find((f) => f.ruleId === 'scoring/full-marks-below-target')?.message).toContain('#9 政府采购执行率 (100% → 72.74%, 2/2)、#15 党性教育培训次数 (26次 → 12次, 5/5)');
    expect(result.scoreCheck).toEqual({ claimed: { grade: null, score: 97.6 }, recomputed: { score: 74.36, grade: '中' }, movedBy: [{ ruleId: 'scoring/full-marks-below-target', delta: -3.24 }] });
  });
});

describe('the suggested grade in the reports', () => {
  async function report(args: readonly string[]): Promise<string> {
    const out: string[] = [];
    const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)), stderr: () => undefined, cwd: ROOT, env: {}, stdoutIsTTY: false };
    await execute(['check', ...args, '--jobs', '1'], io);
    return out.join('');
  }
  const line = '自评总分 97.6；按表内数字重算 74.36，建议等级 中（调整：scoring/full-marks-below-target -3.24）';

  it.each(['text', 'markdown', 'html'])('%s: beside the claimed score, the recomputed one, the grade it implies and the rule that moved it', async (format) => {
    const text = await report(['examples/t5-chongqing-2021/form.xlsx', '--format', format]);
    expect(text).toContain(line);
    expect(text).not.toContain('[object Object]');
  });

  it('English', async () => {
    expect(await report(['examples/t5-chongqing-2021/form.docx', '--locale', 'en'])).toContain("claimed score 97.6; recomputed from the form's figures 74.36, suggested grade 中 (fair); moved by scoring/full-marks-below-target -3.24");
  });
});
