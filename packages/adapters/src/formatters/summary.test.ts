// The batch summary a bureau acts on, alike in text, Markdown, HTML and xlsx: a row per form (file, unit, year,
// template, claimed grade, counts, red flags, waived, whether the grade is supported), what needs attention first,
// a totals row, a warning for a unit and year submitted twice, and the rules that failed in the most units.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker, digestBatch, formBrief, type EvaluationResult } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { REPO, checker, exampleEvaluation, exampleResult, loadWorkbook, manyResults, must } from '../../test/results.js';
import { batchRows } from './rows.js';
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
      expect(text).toMatch(/自评等级有据\?/);
    });
  }

  it('says whether each claimed grade is supported when the rating rule ran, and leaves the template column ready (—)', async () => {
    const rating = createChecker(['integrity', 'staffing', 'rating'].map((p) => loadPackFromDir(resolve(REPO, `rules/${p}`))));
    const seed = await rating.checkEvaluation(exampleEvaluation(), { source: 'seed.json' });
    const rows = batchRows(digestBatch([formBrief(seed), formBrief({ ...seed, source: 'named.json', template: { id: 'hunan-2018', score: 0.934 } })]), 'zh-CN');
    const row = (source: string) => rows.find((r) => r[0] === source);
    // The seed claims 优 with an error-level failure: not supported.
    expect(seed.findings.find((f) => f.ruleId === 'rating/self-rating-supported')?.outcome).toBe('fail');
    expect(row('seed.json')?.[3]).toBe('—');
    expect(row('seed.json')?.[11]).toBe('否');
    expect(row('named.json')?.[3]).toBe('hunan-2018 (0.93)');
  });
});
