/**
 * No pass from part of an indicator table (issues 11 and 13): a form whose indicator table is cut off (its last row
 * short: the file ends there) or whose rows under the header could not be read gets no pass from a rule over the
 * indicator rows — the rows read all pass, the rows not read could fail. A pass of a rule reading other fields
 * stands. Forms written by hand here, shaped like the real T5 sheets (examples/real/t5-suiyang-taibai-2021).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formGaps, type Locale } from '@jixiao/core';
import { importText } from '@jixiao/import';
import { loadChecker } from '../packages/cli/src/packs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { checker } = loadChecker({ cwd: ROOT });

/** The sheet above the indicator rows, claiming `total`. */
const head = (total: number) => [
  '2023年度部门整体支出绩效自评表',
  '单位名称：某某局',
  `自评总分：${String(total)} 分`,
  '年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
  '100 | 100 | 100 | 10 | 100% | 10 |',
  '一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |',
];
/** Two rows that break no rule: both met, scored within their points. */
const ROWS = ['产出 | 数量 | 培训次数 | ≥10次 | 12次 | 5 | 5 | 无 |', '效益 | 社会 | 满意度 | ≥90% | 95% | 4 | 4 | 无 |'];

const forms = {
  /** The third row ends inside its 实际完成值 (the text stops there). */
  'cut inside a row': [...head(19), ...ROWS, '效益 | 社会 | 覆盖率 | ≥90%'],
  /** The header is there, no row under it. */
  'rows not read': head(10),
};

/** The rules reading the indicator list, by the list they read (every pack loaded by default). */
const overList = checker.rules.filter((c) => c.rule.paths.includes('selfAssessment.indicators')).map((c) => c.rule.id);

function check(lines: string[], locale: Locale) {
  const read = importText(lines.join('\n'));
  if (!read.ok) throw new Error(read.diagnostics.map((d) => d.message.en).join('; '));
  expect(Object.keys(read.unreadable ?? {})).toEqual(['selfAssessment.indicators']);
  return checker.checkEvaluationSync(read.evaluation, { source: 'form.txt', locale, positions: read.positions, ...formGaps(read) });
}

describe.each(Object.entries(forms))('an indicator table read in part (%s)', (_, lines) => {
  it('no rule over the indicator rows passes; the budget rules (other fields) still pass', () => {
    expect(overList).toEqual(expect.arrayContaining(['scoring/deviation-reason', 'scoring/full-marks-below-target', 'scoring/score-within-points', 'scoring/score-total']));
    const result = check(lines, 'zh-CN');
    for (const id of overList) {
      const f = result.findings.find((x) => x.ruleId === id);
      // No 得分系数 column: 重庆's coefficient check has nothing to look at in this template, read or not.
      if (id === 'scoring/coefficient-score' && f?.outcome === 'not-applicable') continue;
      expect([id, f?.outcome]).toEqual([id, 'indeterminate']);
      expect(f?.message).toMatch(/^无法判断：绩效指标表不完整，读到“[^”]+”为止/);
    }
    expect(result.findings.find((f) => f.ruleId === 'scoring/execution-rate')?.outcome).toBe('pass');
    expect(result.findings.find((f) => f.ruleId === 'scoring/execution-score')?.outcome).toBe('pass');
    // Nor is a total recomputed from part of the table (the report's suggested grade).
    expect(result.scoreCheck?.recomputed).toEqual({ score: null, grade: null });
  });
});

describe('the message of a pass taken back', () => {
  it('quotes the cut row and keeps what the rule said of the rows read, in zh-CN and en', () => {
    const zh = (check(forms['cut inside a row'], 'zh-CN')).findings.find((f) => f.ruleId === 'scoring/deviation-reason');
    expect(zh).toMatchObject({ outcome: 'indeterminate', messageId: 'scoring/deviation-reason#unreadable', data: { unreadable: ['selfAssessment.indicators'] } });
    expect(zh?.message).toBe('无法判断：绩效指标表不完整，读到“效益 社会 覆盖率 ≥90%”为止；已读出的部分：1 项指标的目标值或完成值为空，又未说明偏差原因，无法判断是否需要说明：#3 覆盖率');
    const en = (check(forms['cut inside a row'], 'en')).findings.find((f) => f.ruleId === 'scoring/deviation-reason');
    expect(en?.message).toBe('Cannot tell: the performance indicators table is incomplete (read up to "效益 社会 覆盖率 ≥90%"); of the part read: 1 indicator(s) leave the target or actual blank and give no reason: cannot tell whether one is owed: #3 覆盖率');
    expect(en?.location).toMatchObject({ line: 9 });
  });

  it('a table whose rows were not read at all is not "a form without indicators"', () => {
    const f = (check(forms['rows not read'], 'zh-CN')).findings.find((x) => x.ruleId === 'scoring/deviation-reason');
    expect(f?.outcome).toBe('indeterminate');
    expect(f?.message).toBe('无法判断：绩效指标表不完整，读到“一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施”为止');
  });

  it('an error in a row read whole stands (6 of 5 points, a shortfall with no reason); a row cut off before its reason decides nothing', () => {
    const rows = ['产出 | 数量 | 培训次数 | ≥10次 | 8次 | 5 | 6 | |', ROWS[1] ?? ''];
    const byRule = (lines: string[]) => new Map(check(lines, 'zh-CN').findings.map((f) => [f.ruleId, f]));
    const cut = byRule([...head(19), ...rows, '效益 | 社会 | 覆盖率 | ≥90% | 80%']);
    for (const id of ['scoring/score-within-points', 'scoring/full-marks-below-target', 'scoring/deviation-reason']) {
      expect([id, cut.get(id)?.outcome]).toEqual([id, 'fail']);
      expect(cut.get(id)?.message).toContain('#1 培训次数');
      expect(cut.get(id)?.message).toMatch(/（绩效指标表不完整，读到“效益 社会 覆盖率 ≥90% 80%”为止：该行及其后未能检查）$/);
    }
    // The sums stay undecided: the rows not read count in them.
    expect(cut.get('scoring/score-total')?.outcome).toBe('indeterminate');
    // Only the cut row falls short, its reason past the end of the text: that is no failure.
    const onlyCut = byRule([...head(19), ...ROWS, '效益 | 社会 | 覆盖率 | ≥90% | 80%']);
    expect(onlyCut.get('scoring/deviation-reason')).toMatchObject({ outcome: 'indeterminate', messageId: 'scoring/deviation-reason#unreadable' });
  });

  it('a sheet whose indicator table is not found at all: its totals are undecided, not failed on the budget item alone', () => {
    // The budget block read, then no header naming the indicator columns.
    const result = check([...head(19).slice(0, -1), '其他说明 | 无 |'], 'zh-CN');
    for (const id of ['scoring/points-total', 'scoring/score-total', 'scoring/deviation-reason']) {
      const f = result.findings.find((x) => x.ruleId === id);
      expect([id, f?.outcome]).toEqual([id, 'indeterminate']);
      expect(f?.message).toMatch(/^无法判断：绩效指标表未能读出/);
    }
    expect(result.findings.find((f) => f.ruleId === 'scoring/execution-score')?.outcome).toBe('pass');
  });

  it('the same rows in a whole table (ended by its 合计 row) pass', () => {
    const read = importText([...head(19), ...ROWS, '合计 | | | | | 9 | 9 | |'].join('\n'));
    if (!read.ok) throw new Error('not read');
    expect(read.unreadable).toBeUndefined();
    const result = checker.checkEvaluationSync(read.evaluation, { source: 'form.txt', ...formGaps(read) });
    for (const id of ['scoring/deviation-reason', 'scoring/full-marks-below-target', 'scoring/score-within-points', 'scoring/score-total']) expect([id, result.findings.find((f) => f.ruleId === id)?.outcome]).toEqual([id, 'pass']);
  });

  it('a table broken by a page footer is read on after the break: the row there falls short with full marks and no reason', () => {
    const read = importText([...head(23), ...ROWS, '第 1 页 共 2 页', '效益 | 社会 | 覆盖率 | ≥90% | 50% | 4 | 4 | 无 |', '合计 | | | | | 13 | 23 | |'].join('\n'));
    if (!read.ok) throw new Error('not read');
    expect(read.evaluation.selfAssessment?.indicators).toHaveLength(3);
    const result = checker.checkEvaluationSync(read.evaluation, { source: 'form.txt', ...formGaps(read) });
    for (const id of ['scoring/deviation-reason', 'scoring/full-marks-below-target']) expect([id, result.findings.find((f) => f.ruleId === id)?.outcome]).toEqual([id, 'fail']);
  });
});
