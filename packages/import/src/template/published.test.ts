import { describe, expect, it } from 'vitest';
import { importText } from '../text/import-text.js';

/** Small texts in each way forms are published (../shared/templates.md), read through detection and the templates. */

function read(text: string) {
  const r = importText(text);
  if (!r.ok) throw new Error(`not read: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return r;
}

describe('text as published', () => {
  it('a web page, one cell per line ending in " |", spaced labels and (单位) in the title (T2)', () => {
    const r = read(['岳阳市2019年度部门(单位)整体支出 |', '绩效评价自评报告 |', '部门(单位)名称: 某某局 |', '预 算 编 码: 123001 |', '一、部门(单位)基本概况 |', '人员编制 |', '３０ |', '实有人数 |', '28 |'].join('\n'));
    expect(r.template?.id).toBe('t2-yueyang-report');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2019, unit: { name: '某某局', code: '123001' }, staffing: { authorized: 30, actual: 28 } });
    expect(r.positions['staffing.authorized']).toMatchObject({ line: 7 });
  });

  it('PDF text: columns and rows run together, a figure broken over two lines (T1b)', () => {
    const r = read('部门整体支出绩效评价基础数据表 财政供养人员情况 编制数 实际在职人数 控制率\n\n50 47 94.\n\n00% 经费控制情况 上年决算数 本年预算数 本年决算数 三公经费 10.5 9 8.25\n\n政府采购金额 100 120 90');
    expect(r.template?.id).toBe('t1b-basic-data');
    expect(r.evaluation.staffing).toEqual({ authorized: 50, actual: 47 });
    // The grid lands in costControl (上年决算 / 本年预算 / 本年决算); 本年决算 is also this year's 三公经费.
    expect(r.evaluation.costControl?.threePublic).toEqual({ priorYearActual: 10.5, budget: 9, actual: 8.25 });
    expect(r.evaluation.costControl?.procurement).toEqual({ priorYearActual: 100, budget: 120, actual: 90 });
    expect(r.evaluation.expenditure.threePublic).toBe(8.25);
    expect(r.evaluation.expenditure.threePublicPriorYear).toBeUndefined();
    expect(r.evaluation.procurement).toMatchObject({ required: 120, actual: 90 });
    expect(r.provenance).toMatchObject({ 'staffing.actual': 'table', 'expenditure.threePublic': 'table', 'costControl.threePublic.priorYearActual': 'table' });
  });

  it('a grid row with no figures is blank, never given the next row\'s (公用经费 其中:办公经费 …)', () => {
    const r = read('部门整体支出绩效评价基础数据表 编制数 实际在职人数 控制率 50 47 94.00% 经费控制情况 上年决算数 本年预算数 本年决算数 2、出国经费 3、公务接待 1.5 2 1.2 公用经费 其中:办公经费 14.44 10 0.68');
    expect(r.evaluation.costControl?.overseas).toEqual({ priorYearActual: null, budget: null, actual: null });
    expect(r.evaluation.costControl?.reception).toEqual({ priorYearActual: 1.5, budget: 2, actual: 1.2 });
    expect(r.evaluation.costControl?.publicFunds).toEqual({ priorYearActual: null, budget: null, actual: null });
    expect(r.diagnostics.filter((d) => d.code === 'table-values-unplaced')).toEqual([]);
  });

  it('a row whose figures cannot be placed is left blank, with a warning (never shifted into the wrong column)', () => {
    const r = read('部门整体支出绩效评价基础数据表 财政供养人员情况 编制数 实际在职人数 控制率 50 47 94.00% 经费控制情况 上年决算数 本年预算数 本年决算数 三公经费 10.5 8.25 政府采购金额 100 120 90');
    expect(r.evaluation.expenditure.threePublic).toBeNull();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'table-values-unplaced', severity: 'warning' }));
  });

  it('a narrative report: figures from prose, marked prose, 万元。 and amounts in 元 converted with a note (T6)', () => {
    const r = read(
      [
        '某某局2021年度部门整体支出绩效自评报告',
        '一、部门概况',
        '本单位核定编制１５名，实有在职人员14人。',
        '二、部门收支情况',
        '2021年度收入合计350.5万元。支出合计3,405,000元，其中基本支出200万元，项目支出140.5万元；三公经费支出2.3万元，比上年下降。',
        '三、绩效自评情况',
        '经自评，综合评分92分，自评等级为“优”。',
        '四、存在的问题',
      ].join('\n'),
    );
    expect(r.template?.id).toBe('t6-narrative-report');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2021, staffing: { authorized: 15, actual: 14 }, selfRating: { grade: '优', score: 92 } });
    expect(r.evaluation.income.total).toBe(350.5);
    expect(r.evaluation.expenditure).toMatchObject({ total: 340.5, basic: 200, project: 140.5, threePublic: 2.3 });
    expect(r.provenance?.['staffing.authorized']).toBe('prose');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'converted-unit', path: 'expenditure.total' }));
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'read-from-prose', path: 'income.total' }));
  });

  it('a self-evaluation no template knows: its own message, with the labels found', () => {
    const r = importText('某县部门整体支出绩效自评登记卡\n一、单位名称：某某局\n二、编制人数：20\n本表为本县自定格式。');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('template-not-recognised');
    expect(r.diagnostics[0]?.message['zh-CN']).toMatch(/^部门整体支出绩效自评（模板未识别：找到的栏目 .*单位名称/);
    expect(r.diagnostics[0]?.message.en).toContain('jixiao template init');
  });

  it('a text that is no self-evaluation at all stays not-a-form', () => {
    const r = importText('会议纪要\n时间：2021年3月\n参加人员：张三、李四');
    expect(r.diagnostics[0]?.code).toBe('not-a-form');
  });
});
