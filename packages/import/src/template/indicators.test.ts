import { describe, expect, it } from 'vitest';
import { formGaps } from '@jixiao/core';
import { parsePercent } from '../form/values.js';
import { importText } from '../text/import-text.js';

const row = (...cells: string[]) => cells.join('\t');

/** A 部门整体支出绩效自评表 (T5) as Word's text export writes it: a table row a line, cells between tabs. */
const FORM = [
  '2021年度部门整体支出绩效自评表',
  row('部门名称', '某某县水利局'),
  row('项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'),
  row('年度资金总额', '880', '900', '810', '10', '90%', '9'),
  row('一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '分值', '得分', '偏差原因及改进措施'),
  row('产出指标', '数量指标', '完成灌区改造数量', '≥', '2', '个', '1', '20', '20', ''),
  row('', '', '指标2：……', '', '', '', '', '', '', ''),
  row('', '质量指标', '工程验收合格率', '=', '100', '%', '100', '20', '20', ''),
  row('效益指标', '社会效益指标', '受益人口', '≥', '5', '万人', '5.2', '30', '28', '部分项目延期'),
  row('满意度指标', '服务对象满意度指标', '满意度', '≥', '90', '%', '95', '20', '20', ''),
  row('总分', '', '', '', '', '', '', '100', '97', ''),
].join('\n');

describe('the indicator list of a 自评表 (T5, from text with its columns between tabs)', () => {
  const r = importText(FORM);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));

  it('is recognised as the T5 form and reads its budget execution block under its headers', () => {
    expect(r.template?.id).toBe('t5-indicator-form');
    expect(r.evaluation.unit.name).toBe('某某县水利局');
    expect(r.evaluation.selfAssessment?.budget).toEqual({ initialBudget: 880, annualBudget: 900, executed: 810, points: 10, rate: 90, score: 9 });
  });

  it('reads one indicator a row: merged 一级指标 cells taken from the row above, a comparator column and a 度量单位 written into the values, a row without figures skipped', () => {
    expect(r.evaluation.selfAssessment?.indicators).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '完成灌区改造数量', unit: '个', target: '≥2个', actual: '1个', points: 20, score: 20, deviationReason: null },
      { level1: '产出指标', level2: '质量指标', name: '工程验收合格率', unit: '%', target: '=100%', actual: '100%', points: 20, score: 20, deviationReason: null },
      { level1: '效益指标', level2: '社会效益指标', name: '受益人口', unit: '万人', target: '≥5万人', actual: '5.2万人', points: 30, score: 28, deviationReason: '部分项目延期' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', unit: '%', target: '≥90%', actual: '95%', points: 20, score: 20, deviationReason: null },
    ]);
  });

  it('reads the 总分 row: its 分值 as the total points, its 得分 as the claimed total', () => {
    expect(r.evaluation.selfAssessment?.totalPoints).toBe(100);
    expect(r.evaluation.selfRating.score).toBe(97);
  });

  it('names the line and column of each cell read, and marks the list as read by table position', () => {
    expect(r.positions['selfAssessment.indicators.2.score']).toMatchObject({ line: 9, excerpt: '28' });
    expect(r.positions['selfAssessment.budget.rate']).toMatchObject({ line: 4, excerpt: '90%' });
    expect(r.provenance?.['selfAssessment.indicators']).toBe('table');
  });

  it('an unreadable score is an error naming the row and column, and stays blank', () => {
    const bad = importText(FORM.replace(row('30', '28'), row('30', '二十八')));
    if (!bad.ok) throw new Error(JSON.stringify(bad.diagnostics));
    expect(bad.evaluation.selfAssessment?.indicators?.[2]?.score).toBeNull();
    expect(bad.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path, d.line])).toEqual([['unreadable-figure', 'selfAssessment.indicators.2.score', 9]]);
  });

  it('text whose columns run together (PDF or web text): the budget figures, in order after their headers, are read; the indicator list is not, and a warning says its rows are unknown', () => {
    const run = importText(FORM.replaceAll('\t', ' '));
    if (!run.ok) throw new Error(JSON.stringify(run.diagnostics));
    expect(run.evaluation.selfAssessment?.budget?.executed).toBe(810);
    expect(run.evaluation.selfAssessment?.indicators).toBeUndefined();
    // The header is there in the running text (三级指标 … 得分), its rows are not: unknown, not absent.
    expect(run.diagnostics.filter((d) => d.code.startsWith('indicator-')).map((d) => [d.code, d.severity])).toEqual([['indicator-rows-not-read', 'warning']]);
    expect(formGaps(run).unreadable?.['selfAssessment.indicators']).toMatch(/^三级指标/);
  });

  it('web text: a 合计 row the text ends in, its blank cells left out, closes the list (it is not a row cut short)', () => {
    const lines = ['2021年度部门整体支出绩效自评表', '部门名称：某某县水利局', '年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |', '100 | 100 | 100 | 50 | 100% | 50 |', '一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因及改进措施 |', '产出 | 数量 | 灌区改造 | ≥2个 | 2个 | 50 | 50 | 无 |'];
    const whole = importText([...lines, '合计 | | | | | 50 | 50 | |'].join('\n'));
    if (!whole.ok) throw new Error(JSON.stringify(whole.diagnostics));
    expect(whole.evaluation.selfAssessment).toMatchObject({ totalPoints: 50, indicators: [{ name: '灌区改造', points: 50, score: 50 }] });
    expect(whole.diagnostics.map((d) => d.code)).not.toContain('indicator-table-cut-short');
    expect(whole.unreadable).toBeUndefined();
    // The same short last line that is an indicator row is a row cut short: the list is not whole.
    const cut = importText([...lines, '效益 | 社会 | 受益人口 | ≥5万人'].join('\n'));
    if (!cut.ok) throw new Error(JSON.stringify(cut.diagnostics));
    expect(Object.keys(cut.unreadable ?? {})).toEqual(['selfAssessment.indicators']);
  });

  it('a scoring form from which nothing at all can be read is refused with its own message, never checked as blank', () => {
    const run = importText('部门整体支出绩效自评表\n年初预算数全年预算数全年执行数分值执行率得分 88090081010 90%9\n三级指标 年度指标值 实际完成值 偏差原因及改进措施 总分');
    expect(run.ok).toBe(false);
    expect(run.diagnostics.map((d) => d.code)).toEqual(['scoring-template-not-read']);
  });
});

describe('parsePercent', () => {
  it('reads a percentage in percent, at most two decimals; blank is null, anything else unreadable', () => {
    expect(['76%', '76.45％', '100.00%', '0', ' 90 ', ''].map((t) => parsePercent(t))).toEqual([
      { ok: true, value: 76 },
      { ok: true, value: 76.45 },
      { ok: true, value: 100 },
      { ok: true, value: 0 },
      { ok: true, value: 90 },
      { ok: true, value: null },
    ]);
    for (const t of ['76.456%', '约80%', '-5%', '8O%']) expect(parsePercent(t).ok, t).toBe(false);
  });
});
