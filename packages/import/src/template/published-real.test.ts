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
});
