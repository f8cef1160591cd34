// Issue 15 (pack kit): a scoring pack declares its score and every report totals it — JSON (valid against
// result.schema.json), text, Markdown and HTML beside each form, and the batch summary (xlsx read back with
// exceljs). examples/hunan-pack declares 8 points for each of its two rules (pack.json score.max 16).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '@jixiao/core';
import { folders, jixiao, ROOT } from './hostile/cli-run.js';

const { tmp } = folders('jixiao-pack-score-');
const PACK = ['--pack', './examples/hunan-pack'];
// 2018 sample: 在职 136 / 编制 143 = 95.10 % → 8 points; 三公 63.46 against 32.00 the year before, +98.31 % → 0 points.
const SAMPLE = 'examples/hunan-pack/forms/sample-2018.json';
// The seed form: 21 / 22 = 95.45 % → 8 points; no prior-year 三公 figure, so that item is undecided.
const SEED = 'examples/beita-justice-2020/evaluation.json';

describe('a scoring pack total in every report', () => {
  it('JSON: the total, its items and the full marks, valid against the published schema', async () => {
    const r = await jixiao(ROOT, ['check', SAMPLE, SEED, ...PACK, '--format', 'json', '--exit-zero']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ResultDocument;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'packages/core/schema/result.schema.json'), 'utf8')) as object);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const bySource = Object.fromEntries(doc.results.map((x) => [x.source, x.scores]));
    expect(bySource[SAMPLE]).toEqual([
      {
        pack: 'hunan',
        title: '湖南式评分（在职人员控制率、三公经费变动率）',
        score: 8,
        earned: 8,
        max: 16,
        undecided: 0,
        notApplicable: 0,
        items: [
          { ruleId: 'hunan/staffing-control-score', points: 8, max: 8 },
          { ruleId: 'hunan/three-public-change-score', points: 0, max: 8 },
        ],
      },
    ]);
    expect(bySource[SEED]?.[0]).toMatchObject({ score: null, earned: 8, undecided: 8, max: 16 });
  });

  it('text, Markdown and HTML: a line beside each form, a column in the batch summary', async () => {
    const text = (await jixiao(ROOT, ['check', SAMPLE, SEED, ...PACK, '--exit-zero'])).stdout;
    expect(text).toContain('湖南式评分（在职人员控制率、三公经费变动率）：8 / 16 分');
    expect(text).toContain('湖南式评分（在职人员控制率、三公经费变动率）：无法确定（已得 8，另有 8 分无法判断） / 16 分');
    expect(text).toContain('评分（规则包）');
    const en = (await jixiao(ROOT, ['check', SAMPLE, ...PACK, '--locale', 'en', '--exit-zero'])).stdout;
    expect(en).toContain('Hunan-style score (staffing control, 三公 change): 8 / 16');
    const md = (await jixiao(ROOT, ['check', SAMPLE, SEED, ...PACK, '--format', 'markdown', '--exit-zero'])).stdout;
    expect(md).toContain('- 湖南式评分（在职人员控制率、三公经费变动率）：8 / 16 分');
    expect(md).toMatch(/\| 评分（规则包） \|/);
    expect(md).toMatch(/\| 8\/16 \|/);
    expect(md).toMatch(/\| \?\/16 \|/);
    const html = (await jixiao(ROOT, ['check', SAMPLE, SEED, ...PACK, '--format', 'html', '--exit-zero'])).stdout;
    expect(html).toContain('<p class="pack-score">湖南式评分（在职人员控制率、三公经费变动率）：8 / 16 分</p>');
  });

  it('xlsx: the summary sheet has the pack score column', async () => {
    const dir = tmp();
    const out = join(dir, 'review.xlsx');
    const r = await jixiao(ROOT, ['check', SAMPLE, SEED, ...PACK, '--format', 'xlsx', '--output', out, '--exit-zero']);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('评分（规则包）') + 1;
    expect(column).toBeGreaterThan(0);
    const cells = [2, 3].map((row) => sheet?.getRow(row).getCell(column).value);
    expect(cells.sort()).toEqual(['8/16', '?/16']);
  });

  it('a batch without a scoring pack keeps its summary as it was (no empty column)', async () => {
    const text = (await jixiao(ROOT, ['check', SAMPLE, SEED, '--exit-zero'])).stdout;
    expect(text).not.toContain('评分（规则包）');
    expect(text).not.toContain('湖南式评分');
  });
});
