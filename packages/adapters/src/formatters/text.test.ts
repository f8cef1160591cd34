import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { exampleResult, manyResults, must } from '../../test/results.js';
import { formatText, oneLine, padEnd } from './text.js';

const ESC = '\u001b';
const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

describe('formatText', () => {
  it('shows failures first with figures and basis, then indeterminate, then a count of passes, then indicators', async () => {
    const [, overstaffed, blanks] = await manyResults();
    const text = formatText([must(overstaffed), must(blanks)], opts);
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    // Errors before warnings, then indeterminate, then the pass count and indicators.
    expect(at('[不通过·错误] staffing/declaration-consistent')).toBeLessThan(at('[不通过·警告] staffing/within-quota'));
    expect(at('实有人数 = 96；编制人数 = 55')).toBeGreaterThan(0);
    expect(at('依据: 《地方各级人民政府机构设置和编制管理条例》 国务院令第486号')).toBeGreaterThan(0);
    expect(at('[无法判断] staffing/within-quota')).toBeGreaterThan(at('[不通过·错误] integrity/required-fields'));
    // Within each form: its failures and undecided findings, then its count of passes, then its indicators.
    const first = text.slice(0, text.indexOf('[不通过·错误] integrity/required-fields'));
    const second = text.slice(first.length);
    expect(first.indexOf('[不通过·警告] staffing/within-quota')).toBeLessThan(first.search(/通过 \d+ 项/));
    expect(first.search(/通过 \d+ 项/)).toBeLessThan(first.indexOf('在职人员控制率  174.55%'));
    expect(second.indexOf('[无法判断] staffing/within-quota')).toBeLessThan(second.search(/通过 \d+ 项/));
    expect(second.search(/通过 \d+ 项/)).toBeGreaterThan(0);
    expect(text).not.toContain('[通过]');
  });

  it('heads each form with its unit, year, claimed grade and file, forms in the order given', async () => {
    const [seed, overstaffed] = await manyResults();
    const again = { ...must(seed), source: 'second.json' };
    const text = formatText([must(seed), must(overstaffed), again], opts);
    expect(text.match(/^北塔区司法局 {2}年度: 2020 {2}自评等级: 优 {2}来源: .*$/gm)).toEqual(['北塔区司法局  年度: 2020  自评等级: 优  来源: examples/beita-justice-2020/evaluation.json', '北塔区司法局  年度: 2020  自评等级: 优  来源: second.json']);
    expect(text.indexOf('来源: second.json')).toBeGreaterThan(text.indexOf('南湖区财政局  年度'));
  });

  it('uses colour only when asked', async () => {
    const results = await manyResults();
    expect(formatText(results, opts)).not.toContain(ESC);
    expect(formatText(results, { ...opts, color: false })).not.toContain(ESC);
    const coloured = formatText(results, { ...opts, color: true });
    expect(coloured).toContain(`${ESC}[31m[不通过·错误]`);
    expect(coloured.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '')).toBe(formatText(results, opts));
  });

  it('aligns the summary table by display width (CJK counts double)', async () => {
    const text = formatText(await manyResults(), opts);
    const lines = text.trimEnd().split('\n');
    const start = lines.findIndex((l) => l.startsWith('汇总（'));
    const table = lines.slice(start + 1, lines.indexOf('', start)).filter((l) => !l.startsWith('─'));
    // The header, a row per form (the nasty unit's on one line too) and the totals.
    expect(table).toHaveLength(6);
    // (The seed's file name has a 2020 in it too: the year is the one between column gaps.)
    const yearColumn = table.filter((l) => / {2}(2020|年度) {2}/.test(l)).map((l) => stringWidth(l.slice(0, l.search(/ {2}(2020|年度) {2}/))));
    expect(yearColumn).toHaveLength(5);
    expect(new Set(yearColumn).size).toBe(1);
  });

  it('keeps one line per field: newlines and terminal escapes in a submission are neutralised', async () => {
    const r = await exampleResult();
    const evil = { ...r, source: `a${ESC}[2Jb\nc`, evaluation: { ...r.evaluation, unit: `x${ESC}]0;pwned\u0007y` } };
    const text = formatText([evil], opts);
    expect(text).not.toContain(ESC);
    expect(text).toContain('a\uFFFD[2Jb⏎c');
  });

  it('says so when there is nothing to report, in either language', () => {
    expect(formatText([], opts)).toBe('未检查任何自评表。\n');
    expect(formatText([], { ...opts, locale: 'en' })).toBe('No forms were checked.\n');
  });

  it('padEnd pads to the display width and oneLine leaves no control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(60), (s, n) => {
        const line = oneLine(s);
        // eslint-disable-next-line no-control-regex -- asserting the absence of control characters
        expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
        expect(stringWidth(padEnd(line, n))).toBe(Math.max(n, stringWidth(line)));
      }),
    );
  });
});
