import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NASTY_UNIT, exampleResult, manyResults } from '../../test/results.js';
import { formatHtml } from './html.js';
import { formatMarkdown, mdCell, mdText } from './markdown.js';

const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

describe('formatMarkdown', () => {
  it('reports one form: failures with values, basis and the source excerpt, passes counted, indicators', async () => {
    const md = formatMarkdown([await exampleResult()], opts);
    expect(md).toContain('## 北塔区司法局 2020');
    expect(md).not.toContain('## 汇总');
    expect(md).toContain('#### \\[不通过·错误\\] 年度收入合计等于各项收入之和 (`integrity/income-total`)');
    // The values a finding read, by the form's labels: the model's paths are not for a zh-CN reader.
    expect(md).toContain('| 字段 | 填报值 |\n| --- | --- |\n| 本级财政预算安排 | 267.47 |');
    expect(md).toContain('| 年度收入合计 | 264.47 |');
    expect(md).not.toMatch(/income\.total|\| path \|/);
    expect(md).toContain('**依据**：《部门整体支出绩效自评基础数据表（表内勾稽关系）》');
    expect(md).toContain('> "localBudget": 267.47');
    expect(md).toContain('**通过 7 项**');
    expect(md).toContain('| 支出收入比 | 127.91% |  |');
  });

  it('lists the rules passed by title, the id beside as a finding\'s heading shows it, the titles those of the HTML report (issue 15)', async () => {
    const result = await exampleResult();
    const md = formatMarkdown([result], opts);
    const line = md.split('\n').find((l) => l.startsWith('**通过 7 项**')) ?? '';
    expect(line).toContain('**通过 7 项**：');
    // Written out, not made from the titles: one pass as a reader sees it.
    expect(line).toContain('实有人数不超过编制人数 (`staffing/within-quota`)');
    const items = line.slice('**通过 7 项**：'.length).split('；');
    expect(items).toHaveLength(7);
    for (const item of items) expect(item).toMatch(/^[^`]+ \(`[a-z-]+\/[a-z-]+`\)$/);
    const titles = items.map((i) => i.replace(/ \(`.*`\)$/, ''));
    const html = formatHtml([result], opts);
    expect(/<p class="pass"><strong>通过 7 项<\/strong>：(.*?)<\/p>/.exec(html)?.[1]?.split('；')).toEqual(titles);
  });

  it('in English, names each value read by its label (the model path only with --verbose); names every column in the report\'s language', async () => {
    const md = formatMarkdown([{ ...(await exampleResult('en')), diagnostics: [{ code: 'leftover-text', severity: 'info', message: 'text matched to no field', line: 90, column: 37 }] }], { ...opts, locale: 'en' });
    expect(md).toContain('| Field | Values |\n| --- | --- |\n| local budget allocation | 267.47 |');
    expect(md).not.toMatch(/income\.localBudget|\| Path \|/);
    const verbose = formatMarkdown([await exampleResult('en')], { ...opts, locale: 'en', verbose: true });
    expect(verbose).toContain('| Field | Path | Value |\n| --- | --- | --- |\n| local budget allocation | income.localBudget | 267.47 |');
    expect(md).toContain('| Severity | Location | Code | Message |');
    expect(md).toContain('| Indicators | Value | Note |');
    const zh = formatMarkdown([{ ...(await exampleResult()), diagnostics: [{ code: 'leftover-text', severity: 'info', message: '未对应任何栏目的文本', line: 90, column: 37 }] }], opts);
    expect(zh).toContain('| 严重程度 | 位置 | 代码 | 说明 |');
  });

  it('adds a summary table for many forms, and keeps a hostile unit name inside its cell', async () => {
    const md = formatMarkdown(await manyResults(), opts);
    expect(md).toContain('## 汇总（已检查 4 份）');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('2020'));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const nasty = rows.find((l) => l.includes('forms/blanks.json'));
    // file, unit, year, template (— for a JSON form), grade, suggested grade (— without a 自评表), errors, warnings, info, undecided, red flags, waived, rating supported (— without the rating pack), diagnostics
    expect(nasty).toBe(`| forms/blanks.json | ${mdCell(NASTY_UNIT)} | 2020 | — | 良 | — | 1 | 0 | 0 | 2 | 0 | 0 | — | 0 |`);
    // Fourteen columns: thirteen unescaped separators inside the row plus the two ends.
    expect(nasty?.match(/(?<!\\)\|/g)).toHaveLength(15);
  });

  it('escapes markup: no cell can break out of its table, no text can open a block', () => {
    expect(mdText('# not a heading')).toBe('\\# not a heading');
    expect(mdText('1. not a list')).toBe('1\\. not a list');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const cell = mdCell(s);
        expect(cell).not.toMatch(/[\r\n]/);
        expect(cell).not.toMatch(/(?<!\\)(?:\\\\)*\|/);
        for (const line of mdText(s).split('\n')) expect(line).not.toMatch(/^\s*(?:[#>+-]|\d+[.)])/);
      }),
    );
  });
});
