// The batch summary a bureau acts on, alike in text, Markdown, HTML and xlsx: a row per form (file, unit, year,
// template, claimed grade, counts, red flags, waived, whether the grade is supported), what needs attention first,
// a totals row, a warning for a unit and year submitted twice, and the rules that failed in the most units.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker, digestBatch, formBrief, type EvaluationResult } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { REPO, checker, exampleEvaluation, exampleResult, loadWorkbook, manyResults, must } from '../../test/results.js';
import { BATCH_COLUMNS, batchRows, batchTotals, templateScoreText, type BatchColumn } from './rows.js';
import { formatHtml } from './html.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';
import { formatXlsx } from './xlsx.js';

const opts = { locale: 'zh-CN', toolVersion: '0.1.0', rules: checker().rules, unread: [{ source: 'forms/x.doc', reason: '不支持的文件类型' }] } as const;

/** The four test forms and the seed again under another name (the same unit and year twice). */
async function batch(): Promise<EvaluationResult[]> {
  return [...(await manyResults()), { ...(await exampleResult()), source: 'forms/again.json' }];
}

/** The order rows appear in: for each file, where it first shows in the summary part of the report. */
function order(report: string, files: readonly string[]): string[] {
  return [...files].sort((a, b) => report.indexOf(a) - report.indexOf(b));
}

describe('the batch summary', () => {
  const files = ['forms/blanks.json', 'examples/beita-justice-2020/evaluation.json', 'forms/again.json', 'forms/南湖区 财政局.json', 'C:\\forms\\西山.json'];
  const cases = [
    ['text', (r: EvaluationResult[]) => { const t = formatText(r, opts); return Promise.resolve(t.slice(t.indexOf('汇总（'))); }],
    ['markdown', (r: EvaluationResult[]) => Promise.resolve(formatMarkdown(r, opts).split('\n## 北塔区司法局')[0] ?? '')],
    ['html', (r: EvaluationResult[]) => Promise.resolve(formatHtml(r, opts).split('<section class="form"')[0] ?? '')],
    ['xlsx', async (r: EvaluationResult[]) => {
      const out: string[] = [];
      must((await loadWorkbook(await formatXlsx(r, opts))).getWorksheet('汇总')).eachRow((row) => out.push((row.values as unknown[]).join(',')));
      return out.join('\n');
    }],
  ] as const;

  for (const [format, summary] of cases) {
    it(`${format}: lists the forms with errors first, by unit (the clean one last), with totals, the twice-submitted unit-year and the most-failed rules`, async () => {
      const text = (await summary(await batch())).replace(/\\\\/g, '\\');
      for (const f of files) expect(text, f).toContain(f);
      // 北塔 (twice, errors) before 南湖 (errors and a warning), both before 西山 (clean); 北塔's two by file.
      const shown = order(text, files.slice(1));
      expect(shown).toEqual(files.slice(1));
      expect(text).toContain('合计（已检查 5 份，未能检查 1 份）');
      expect(text).toContain('同一单位同一年度提交了 2 份：北塔区司法局 2020（examples/beita-justice-2020/evaluation.json、forms/again.json）');
      expect(text).toContain('不通过最多的规则');
      expect(text).toContain('年度收入合计等于各项收入之和');
      expect(text).toMatch(/自评等级有据？/);
    });
  }

  it('words the totals cell in the reader\'s language, with that language\'s brackets', async () => {
    const digest = digestBatch((await batch()).map(formBrief), opts.unread);
    expect(batchTotals(digest, 'zh-CN')[0]).toBe('合计（已检查 5 份，未能检查 1 份）');
    expect(batchTotals(digest, 'en')[0]).toBe('Total (5 form(s) checked, 1 not checked)');
  });

  it('says whether each claimed grade is supported when the rating rule ran, and names the template when the importer did (— otherwise)', async () => {
    const rating = createChecker(['integrity', 'staffing', 'rating'].map((p) => loadPackFromDir(resolve(REPO, `rules/${p}`))));
    const seed = await rating.checkEvaluation(exampleEvaluation(), { source: 'seed.json' });
    const rows = batchRows(digestBatch([formBrief(seed), formBrief({ ...seed, source: 'named.json', template: { id: 'hunan-2018', score: 0.934 } })]), 'zh-CN');
    const cell = (source: string, column: BatchColumn) => rows.find((r) => r[0] === source)?.[BATCH_COLUMNS.indexOf(column)];
    // The seed claims 优 with an error-level failure: not supported.
    expect(seed.findings.find((f) => f.ruleId === 'rating/self-rating-supported')?.outcome).toBe('fail');
    expect(cell('seed.json', 'template')).toBe('—');
    expect(cell('seed.json', 'ratingSupported')).toBe('否');
    expect(cell('named.json', 'template')).toBe('hunan-2018');
    // No 自评表 on the seed: nothing to recompute a grade from.
    expect(cell('seed.json', 'suggestedGrade')).toBe('—');
  });

  it('names the template in a form\'s header by its title, then its id and detection score (the id and score alone for a result without a title)', () => {
    const titled = { template: { id: 't1-checklist', score: 21, title: '部门整体支出绩效自评基础数据表（勾选式）' } };
    expect(templateScoreText(titled, 'zh-CN')).toBe('部门整体支出绩效自评基础数据表（勾选式）；t1-checklist，识别得分 21');
    expect(templateScoreText({ template: { ...titled.template, title: '部门整体支出绩效自评基础数据表 (checklist)' } }, 'en')).toBe('部门整体支出绩效自评基础数据表 (checklist); t1-checklist, detection score 21');
    expect(templateScoreText({ template: { id: 'hunan-2018', score: 0.934 } }, 'zh-CN')).toBe('hunan-2018，识别得分 0.93');
    expect(templateScoreText({ template: { id: 'hunan-2018' } }, 'en')).toBe('hunan-2018');
    expect(templateScoreText({}, 'zh-CN')).toBe('—');
  });

  it('puts the grade of the recomputed self-score beside the claimed one, in every format', async () => {
    // A Chongqing-style 自评表: budget 7.6 of 10 (76 % executed), a row scored 5/5 for 12 of 26 trainings, the rest
    // 77 of 85; claimed 优 89.6. Full marks below target cost the row 2.69: 86.91, which is 良 by the bands 90/80/60.
    const packs = ['integrity', 'staffing', 'scoring', 'rating'].map((p) => loadPackFromDir(resolve(REPO, `rules/${p}`)));
    const scored = await createChecker(packs).checkEvaluation(
      {
        ...exampleEvaluation(),
        selfRating: { grade: '优', score: 89.6 },
        selfAssessment: {
          budget: { initialBudget: null, annualBudget: null, executed: null, points: 10, rate: 76, score: 7.6 },
          indicators: [
            { name: '党性教育培训次数', nature: 'quantitative', unit: '次', target: '26次', actual: '12次', points: 5, score: 5 },
            { name: '其余指标', target: '≥1', actual: '1', points: 85, score: 77 },
          ],
        },
      },
      { source: 'forms/scored.json' },
    );
    expect(scored.scoreCheck?.recomputed).toEqual({ score: 86.91, grade: '良' });
    const results = [scored, await exampleResult()];
    const [row] = batchRows(digestBatch(results.map(formBrief)), 'zh-CN').filter((r) => r[0] === 'forms/scored.json');
    expect(row?.[BATCH_COLUMNS.indexOf('selfRating')]).toBe('优');
    expect(row?.[BATCH_COLUMNS.indexOf('suggestedGrade')]).toBe('良（86.91）');
    for (const [format, summary] of cases) expect(await summary(results), format).toContain('良（86.91）');
    expect(batchRows(digestBatch([formBrief(scored)]), 'en')[0]?.[BATCH_COLUMNS.indexOf('suggestedGrade')]).toBe('良 (good, 86.91)');
  });
});
