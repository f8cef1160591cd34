import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '../text/import-text.js';

/**
 * Real published documents (examples/real, as published, never tidied) that an earlier reader refused or misread:
 * the figures each states, written by hand from the document (its expected.json says where each stands).
 */
const real = (path: string): string => readFileSync(fileURLToPath(new URL(`../../../../examples/real/${path}`, import.meta.url)), 'utf8');

function read(path: string) {
  const r = importText(real(path));
  if (!r.ok) throw new Error(`not read: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return r;
}

describe('real documents once refused or misread', () => {
  it('大英县总工会: a score sheet copied a cell a line, every cell broken over lines, is read (it was refused)', () => {
    const r = read('t3-daying-union-2020/daying-union-2020-score-sheet.txt');
    expect(r.template?.id).toBe('t3-score-sheet');
    expect(r.evaluation.fiscalYear).toBe(2020);
    expect(r.evaluation.selfAssessment?.indicators?.map((i) => [i.name, i.points, i.score])).toEqual([
      ['目标制定', 10, 9],
      ['目标实现', 10, 8],
      ['编制准确', 10, 9.8],
    ]);
    // The excerpt ends inside the sheet: the rows are kept, the list is not whole.
    expect(r.diagnostics.filter((d) => d.code === 'indicator-table-cut-short')).toHaveLength(1);
  });

  it('重庆 preview: the total and the budget row glued by the preview (`O76%107.6`) are read; the glued indicator rows are unknown (it was refused)', () => {
    const r = read('t5-indicator-form/chongqing-2021-media-centre.txt');
    expect(r.template?.id).toBe('t5-indicator-form');
    expect(r.evaluation.selfRating.score).toBe(97.6);
    expect(r.evaluation.selfAssessment?.budget).toMatchObject({ rate: 76, points: 10, score: 7.6, initialBudget: null, annualBudget: null, executed: null });
    expect(r.provenance?.['selfAssessment.budget.score']).toBe('prose');
    expect(r.evaluation.selfAssessment?.indicators).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.code === 'indicator-rows-not-read')).toHaveLength(1);
  });

  it('南县住建局 2018: the unit of a title with a space before 绩效, and a quota of 249 posts (个) (both were blank)', () => {
    const r = read('t6-nanxian-housing-2018/nanxian-housing-2018.txt');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2018, unit: { name: '南县住房和城乡建设局' }, staffing: { authorized: 249, actual: 246 } });
  });

  it('寻甸: 编制 stated by category only (行政 39, 事业 5) is read as their sum, 44, with a note (39 was read, then blank)', () => {
    const r = read('t6-xundian-party-office-2023/xundian-party-office-2023.txt');
    expect(r.evaluation.staffing).toMatchObject({ authorized: 44, actual: 32 });
    expect(r.diagnostics.filter((d) => d.code === 'prose-figures-summed').map((d) => d.message['zh-CN'])).toEqual(['“行政编制39”“事业编制5”：按类别给出，句中没有合计，“编制人数”读作各类之和 44（从正文读出，置信度低于表格）']);
  });

  it('湖南省人民检察院 2017: a quota stated as a total before its breakdown by unit and category (614; 455 政法专项, 13 事业 …) is the total', () => {
    const r = read('t6-hunan-procuratorate-2017/hunan-procuratorate-2017.txt');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2017, unit: { name: '湖南省人民检察院' }, staffing: { authorized: 614, actual: null } });
  });

  it('a 妇联 2024 report republished with its name masked (`****`): the year of `2024年度****部门…` is read, the mask is no unit (it was read as the unit, the year blank)', () => {
    const r = read('t6-masked-womens-federation-2024/masked-womens-federation-2024.txt');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2024, unit: { name: null }, staffing: { authorized: 6, actual: 6 }, expenditure: { basic: 148.26 } });
    expect(r.diagnostics.filter((d) => d.code === 'masked-value').map((d) => [d.path, d.line, d.message['zh-CN']])).toEqual([['unit.name', 2, '“单位名称”被遮盖（“****”），按空白处理']]);
  });

  it('衡山县贯塘乡 2023: the unit of a T1b published with its 自评表 is the 自评表 cell `预算部门、单位名称` (it was blank)', () => {
    const r = read('t1b-hengshan-guantang-2023/hengshan-guantang-2023.txt');
    expect(r.template?.id).toBe('t1b-basic-data');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2023, unit: { name: '衡山县贯塘乡人民政府' }, staffing: { authorized: 46, actual: 50 } });
  });

  it('衡山县贯塘乡 2023: the 自评表 after the T1b gives its budget block and the spending by nature (all were blank)', () => {
    const r = read('t1b-hengshan-guantang-2023/hengshan-guantang-2023.txt');
    expect(r.evaluation.selfAssessment?.budget).toMatchObject({ initialBudget: 861.1, annualBudget: 2030.12, executed: 2030.12, points: 10, rate: 100, score: 10 });
    // `按支出性质分:1925.67` / `其中:基本支出:900.47` / `项目支出:1025.20`; the grid's `项目支出:` row (874.20 / 308.17 / 1025.20) is no such line.
    expect(r.evaluation.expenditure).toMatchObject({ total: 1925.67, basic: 900.47, project: 1025.2 });
  });

  it('耒阳市第四中学: a 专项资金绩效自评价报告 (the funds of one project) is refused as a 项目支出 self-evaluation (it was not-a-form)', () => {
    const r = importText(real('t7-leiyang-no4-special-funds-2022/leiyang-no4-special-funds-2022.txt'));
    expect(r.ok).toBe(false);
    expect(r.template?.id).toBe('t7-project-expenditure');
    expect(r.diagnostics[0]?.code).toBe('project-expenditure-form');
  });
});
