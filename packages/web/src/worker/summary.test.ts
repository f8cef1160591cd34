// The dashboard's row of a form is the CLI's batch-summary row: the same columns (the pack score with a scoring
// pack), the same words, and in the form view each scoring pack's total and every item's points.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChecker, digestBatch, formBrief, parseEvaluation, type EvaluationResult, type Locale } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { batchHeaders, batchRows } from '@jixiao/adapters';
import { standardPacks } from '@jixiao/standard';
import { summaryColumns, summaryRow } from './summary.js';
import { findingsOf, scoresOf } from './view.js';

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));
const HUNAN = resolve(REPO, 'examples/hunan-pack');
const SAMPLE = resolve(HUNAN, 'forms/sample-2018.json');

async function checked(withHunan: boolean, locale: Locale = 'zh-CN'): Promise<EvaluationResult> {
  const packs = withHunan ? [...standardPacks(), loadPackFromDir(HUNAN)] : standardPacks();
  return createChecker(packs).checkEvaluation(parseEvaluation(JSON.parse(readFileSync(SAMPLE, 'utf8'))), { source: 'forms/sample-2018.json', locale });
}

/** The form's row as the dashboard shows it: its columns' headers and cells. */
function dashboardRow(result: EvaluationResult, locale: Locale) {
  const row = summaryRow(formBrief(result), locale);
  const shown = summaryColumns(locale).filter((c) => row.columns.includes(c.id));
  return { headers: shown.map((c) => c.label), cells: shown.map((c) => row.cells[c.id]), row };
}

describe('the dashboard row of a form', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`has the CLI batch summary's columns and cells (${locale}), the pack score with a scoring pack only`, async () => {
      for (const withHunan of [false, true]) {
        const result = await checked(withHunan, locale);
        const digest = digestBatch([formBrief(result)]);
        const { headers, cells } = dashboardRow(result, locale);
        expect(headers).toEqual(batchHeaders(locale, digest));
        expect(cells).toEqual(batchRows(digest, locale)[0]);
        expect(headers.includes(locale === 'zh-CN' ? '评分（规则包）' : 'Pack score')).toBe(withHunan);
      }
    });
  }

  it('shows the pack score as the summary does and sorts it by its points; the rating column in words', async () => {
    const { headers, row } = dashboardRow(await checked(true), 'zh-CN');
    expect(headers).toEqual(['文件', '单位', '年度', '模板', '自评等级', '建议等级（重算得分）', '评分（规则包）', '错误', '警告', '提示', '无法判断', '红旗', '已豁免', '自评等级有据？', '导入诊断']);
    // The sample earns the staffing item's 8 points and loses the 三公 item's 8 (examples/hunan-pack/README.md).
    expect(row.cells.packScore).toBe('8/16');
    expect(row.keys.packScore).toBe(8);
    expect(row.cells.unit).toBe('示例县某局');
    expect(row.keys.fiscalYear).toBe('2018');
    expect(['是', '否', '无法判断']).toContain(row.cells.ratingSupported);
  });

  it('says each scoring pack’s total in the form view, and each item’s points on its finding', async () => {
    const result = await checked(true);
    expect(scoresOf(result, 'zh-CN')).toContain('湖南式评分（在职人员控制率、三公经费变动率）：8 / 16 分');
    expect(scoresOf(await checked(true, 'en'), 'en')).toContain('Hunan-style score (staffing control, 三公 change): 8 / 16');
    const points = Object.fromEntries(findingsOf(result, 'zh-CN').flatMap((f) => (f.points === undefined ? [] : [[f.ruleId, f.points]])));
    expect(points).toEqual({ 'hunan/staffing-control-score': { points: 8, max: 8 }, 'hunan/three-public-change-score': { points: 0, max: 8 } });
    expect(scoresOf(await checked(false), 'zh-CN').some((l) => l.includes('/ 16 分'))).toBe(false);
  });
});
