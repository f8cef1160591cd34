// Issue 15, English available: what the importer made of a legacy .doc's lost symbol `(` was shown in Chinese in
// every report, English ones too ("否☑（推断）", "（符号无法辨认）" in `--locale en` text, HTML, JSON, SARIF, JUnit).
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_MARKS, type EvaluationResult, type Locale, type SourcePosition } from '@jixiao/core';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { FORMATTERS, type FormatName } from '../formats.js';
import { checker, workbookText } from '../../test/results.js';

const NAMES = Object.keys(FORMATTERS) as FormatName[];
const zh = (state: keyof typeof PLACEHOLDER_MARKS) => PLACEHOLDER_MARKS[state]['zh-CN'];

/** Excerpts as the text importer records them (its words are core's table, in zh-CN). */
const POSITIONS: Readonly<Record<string, SourcePosition>> = {
  'staffingControl.overstaffed': { line: 12, column: 1, excerpt: `是否存在超编超配人员：是${zh('empty')} 否${zh('checked')}` },
  'staffing.actual': { line: 8, column: 1, excerpt: `实有人数 96 其他${zh('unknown')}` },
  'staffing.authorized': { line: 8, column: 1, excerpt: `编制人数 55 其他${zh('unknown')}` },
};

/** An overstaffed unit that answered 否: staffing/within-quota and declaration-consistent fail, located at the excerpts. */
async function result(locale: Locale): Promise<EvaluationResult> {
  const e = patchEvaluation(baseEvaluation(), { unit: { name: '南湖区财政局' }, staffing: { authorized: 55, actual: 96 }, staffingControl: { overstaffed: 'no' } });
  return checker().checkEvaluation(e, { source: 'forms/legacy.txt', locale, positions: POSITIONS });
}

async function reportText(name: FormatName, locale: Locale): Promise<string> {
  const out = await FORMATTERS[name]([await result(locale)], { locale, toolVersion: '0.1.0' });
  return typeof out === 'string' ? out : await workbookText(out);
}

/** The formats that show the source excerpt (CSV and xlsx give the place only). */
const WITH_EXCERPT: readonly FormatName[] = ['text', 'json', 'sarif', 'junit', 'markdown', 'html'];

describe('placeholder readings in excerpts', () => {
  it('the formats that show excerpts are the ones this test expects them in', async () => {
    for (const name of NAMES) expect([name, (await reportText(name, 'zh-CN')).includes('（推断）')]).toEqual([name, WITH_EXCERPT.includes(name)]);
  });

  for (const name of NAMES) {
    it(`${name}: an English report words them in English, never （推断） or 符号无法辨认`, async () => {
      const text = await reportText(name, 'en');
      expect(text).not.toContain('推断');
      expect(text).not.toContain('符号无法辨认');
      if (WITH_EXCERPT.includes(name)) {
        // JSON and SARIF escape nothing here: the words are plain text in each.
        expect(text).toContain('是□ (inferred) 否☑ (inferred)');
        expect(text).toContain('其他(symbol not recognised)');
      }
    });

    if (WITH_EXCERPT.includes(name)) {
      it(`${name}: a zh-CN report keeps the Chinese words`, async () => {
        const text = await reportText(name, 'zh-CN');
        expect(text).toContain('是□（推断） 否☑（推断）');
        expect(text).toContain('其他（符号无法辨认）');
        expect(text).not.toContain('(inferred)');
      });
    }
  }
});
