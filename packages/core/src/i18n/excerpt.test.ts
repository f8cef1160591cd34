import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { checkCrossForm } from '../engine/cross-form.js';
import { loadPackFromDir } from '../node/index.js';
import { passingEvaluation } from '../pack/cases.js';
import type { SourcePosition } from '../result/model.js';
import { reportResult } from '../result/report.js';
import { ANSWER_NOTE_WORDS, PLACEHOLDER_MARKS, localizeAnswerNote, localizeExcerpt, localizePosition } from './excerpt.js';

const recorded = (state: keyof typeof PLACEHOLDER_MARKS) => PLACEHOLDER_MARKS[state]['zh-CN'];
const pack = (name: string) => loadPackFromDir(fileURLToPath(new URL(`../../../../rules/${name}`, import.meta.url)));

describe('localizeExcerpt', () => {
  it('words each reading the importer wrote in English, and leaves a zh-CN excerpt as it is', () => {
    const excerpt = `是否存在超编超配人员：是${recorded('empty')} 否${recorded('checked')}，公开方式：门户网站${recorded('unknown')}`;
    expect(localizeExcerpt(excerpt, 'en')).toBe('是否存在超编超配人员：是□ (inferred) 否☑ (inferred)，公开方式：门户网站(symbol not recognised)');
    expect(localizeExcerpt(excerpt, 'zh-CN')).toBe(excerpt);
  });

  it('changes nothing else of the source: an excerpt without a reading is returned as written, in any locale', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('是', '否', '□', '☑', '（', '）', '(', ')', '推', '断', ' ', '$', '\\') }), (text) => {
        fc.pre(!Object.values(PLACEHOLDER_MARKS).some((m) => text.includes(m['zh-CN'])));
        expect(localizeExcerpt(text, 'en')).toBe(text);
      }),
    );
  });

  it('a position keeps its place; without an excerpt it is the same object', () => {
    const place: SourcePosition = { line: 3, column: 2 };
    expect(localizePosition(place, 'en')).toBe(place);
    expect(localizePosition({ ...place, excerpt: `否${recorded('checked')}` }, 'en')).toEqual({ ...place, excerpt: '否☑ (inferred)' });
  });
});

describe('excerpts in reports', () => {
  const overstaffed = { ...passingEvaluation(), unit: { name: '甲区司法局' }, fiscalYear: 2021, staffing: { authorized: 10, actual: 12 }, staffingControl: { overstaffed: 'no' as const } };
  const positions = { 'staffingControl.overstaffed': { line: 12, excerpt: `是否存在超编超配人员：是□ 否${recorded('checked')}` } };

  it('the JSON report (reportResult) gives them in the report’s locale', async () => {
    const checker = createChecker([pack('staffing')]);
    const en = reportResult(await checker.checkEvaluation(overstaffed, { source: 'a.txt', locale: 'en', positions }), { locale: 'en' });
    expect(en.positions?.['staffingControl.overstaffed']?.excerpt).toBe('是否存在超编超配人员：是□ 否☑ (inferred)');
    const zh = reportResult(await checker.checkEvaluation(overstaffed, { source: 'a.txt', locale: 'zh-CN', positions }), { locale: 'zh-CN' });
    expect(zh.positions?.['staffingControl.overstaffed']?.excerpt).toBe(positions['staffingControl.overstaffed'].excerpt);
  });

  it('a cross-form finding’s positions, in this form and the related one, are worded in the run’s locale', () => {
    const checker = createChecker([pack('history')]);
    const declined = `三公经费是否比上年度下降：是${recorded('checked')} 否□`;
    const run = checkCrossForm(
      checker,
      [
        { source: 'a-2021.txt', evaluation: { ...passingEvaluation(), unit: { name: '甲' }, fiscalYear: 2021, expenditure: { ...passingEvaluation().expenditure, threePublic: 3 } }, positions: { 'threePublic.declined': { line: 30, excerpt: declined } } },
        { source: 'a-2020.txt', context: true, evaluation: { ...passingEvaluation(), unit: { name: '甲' }, fiscalYear: 2020, expenditure: { ...passingEvaluation().expenditure, threePublic: 2 } }, positions: { 'expenditure.threePublic': { line: 38, excerpt: `三公经费 2 其他${recorded('unknown')}` } } },
      ],
      { locale: 'en' },
    );
    const f = run.findings.find((x) => x.ruleId === 'history/three-public-declined');
    expect(f?.outcome).toBe('fail');
    expect(f?.positions?.['threePublic.declined']?.excerpt).toBe('三公经费是否比上年度下降：是☑ (inferred) 否□');
    expect(f?.related[0]?.positions?.['expenditure.threePublic']?.excerpt).toBe('三公经费 2 其他(symbol not recognised)');
  });
});

describe('localizeAnswerNote', () => {
  it('words the importer’s note in English: the form’s option words and marks as written', () => {
    expect(localizeAnswerNote('是：空框 □；否：无法辨认的符号 “(” → 取 否', 'en')).toBe('是: empty box □; 否: unrecognised symbol "(" → taken: 否');
    expect(localizeAnswerNote('是：无法辨认的符号 “(”（标在选项前）；否：勾选 ☑ → 取 否', 'en')).toBe('是: unrecognised symbol "(" (before the option); 否: ticked ☑ → taken: 否');
    expect(localizeAnswerNote('门户网站：无方框；报刊：空框 □ → 取 门户网站', 'en')).toBe('门户网站: no box; 报刊: empty box □ → taken: 门户网站');
    expect(localizeAnswerNote('是：空框 □；否：无法辨认的符号 “(” → 取 否', 'zh-CN')).toBe('是：空框 □；否：无法辨认的符号 “(” → 取 否');
  });

  it('property: any note built from the table reads in English with none of its zh-CN words left', () => {
    const zh = (w: keyof typeof ANSWER_NOTE_WORDS) => ANSWER_NOTE_WORDS[w]['zh-CN'];
    const mark = fc.constantFrom(`${zh('checked')} ☑`, `${zh('empty')} □`, `${zh('unknown')} ${zh('openQuote')}(${zh('closeQuote')}`, zh('noBox'));
    const option = fc.tuple(fc.constantFrom('是', '否', '门户网站', '报刊', '其他'), mark, fc.boolean()).map(([word, m, before]) => `${word}${zh('option')}${m}${before ? zh('markBefore') : ''}`);
    fc.assert(
      fc.property(fc.array(option, { minLength: 1, maxLength: 4 }), fc.constantFrom('是', '否', '门户网站'), (options, taken) => {
        const en = localizeAnswerNote(`${options.join(zh('next'))}${zh('taken')}${taken}`, 'en');
        for (const w of Object.values(ANSWER_NOTE_WORDS)) if (w['zh-CN'].trim() !== '') expect(en).not.toContain(w['zh-CN'].trim());
        expect(en.endsWith(`→ taken: ${taken}`)).toBe(true);
      }),
    );
  });
});
