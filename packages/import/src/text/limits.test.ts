// The readers' limits at their exact edges: a form of 20,000 lines and 100,000 cells is read, one more is refused;
// at most 200 diagnostics, the 200th counting the rest. Figures worked by hand from the limits' definitions (a line
// ends at LF, CR or CRLF; each text of a .docx is a line of its own; a cell ends at a tab or a line end).
import { describe, expect, it } from 'vitest';
import type { ImportDiagnostic } from '../diagnostics.js';
import { beyondForm, capDiagnostics, CELLS, LINES, tooComplex, tooLarge } from './limits.js';

describe('beyondForm', () => {
  it.each<[string, readonly string[], 'lines' | 'cells' | undefined]>([
    ['one empty text: one line', [''], undefined],
    ['no text at all', [], undefined],
    ['19,999 line feeds: 20,000 lines', ['a\n'.repeat(19_999)], undefined],
    ['20,000 line feeds: 20,001 lines', ['a\n'.repeat(20_000)], 'lines'],
    ['19,999 CRLF: 20,000 lines (a CRLF ends one line)', ['a\r\n'.repeat(19_999)], undefined],
    ['20,000 CRLF: 20,001 lines', ['a\r\n'.repeat(20_000)], 'lines'],
    ['20,000 carriage returns alone: 20,001 lines', ['a\r'.repeat(20_000)], 'lines'],
    ['19,999 carriage returns alone: 20,000 lines', ['a\r'.repeat(19_999)], undefined],
    ['20,000 texts (a .docx\'s paragraphs): 20,000 lines', Array<string>(20_000).fill('a'), undefined],
    ['20,001 texts: 20,001 lines', Array<string>(20_001).fill('a'), 'lines'],
    ['10,000 texts of one line feed each: 20,000 lines', Array<string>(10_000).fill('a\n'), undefined],
    ['10,000 texts of one line feed and one more text: 20,001 lines', [...Array<string>(10_000).fill('a\n'), ''], 'lines'],
    ['99,999 tabs on one line: 100,000 cells', ['\t'.repeat(99_999)], undefined],
    ['100,000 tabs on one line: 100,001 cells', ['\t'.repeat(100_000)], 'cells'],
    ['tabs over two texts: 2 lines + 99,998 tabs', ['\t'.repeat(50_000), '\t'.repeat(49_998)], undefined],
    ['tabs over two texts: 2 lines + 99,999 tabs', ['\t'.repeat(50_000), '\t'.repeat(49_999)], 'cells'],
    ['lines and tabs: 10,000 lines + 90,000 tabs', [`${'\t'.repeat(9)}\n`.repeat(10_000).slice(0, -1)], undefined],
    ['lines and tabs: 10,000 lines + 90,001 tabs', [`${'\t'.repeat(9)}\n`.repeat(10_000).slice(0, -1) + '\t'], 'cells'],
    ['too many lines is said first, even with too many cells too', ['\t\n'.repeat(60_000)], 'lines'],
    ['a million line feeds (counted no further than the limit needs)', ['\n'.repeat(1_000_000)], 'lines'],
    ['a million tabs', ['\t'.repeat(1_000_000)], 'cells'],
  ])('%s', (_name, texts, expected) => {
    expect(beyondForm(texts)).toBe(expected);
  });
});

describe('capDiagnostics', () => {
  const diagnostics = (n: number): ImportDiagnostic[] =>
    Array.from({ length: n }, (_, i) => ({ code: `d${i + 1}`, severity: 'warning', message: { 'zh-CN': `第 ${i + 1} 条`, en: `number ${i + 1}` } }));

  it('keeps 200 diagnostics as they are', () => {
    const all = diagnostics(200);
    expect(capDiagnostics(all)).toEqual(all);
    expect(capDiagnostics([])).toEqual([]);
  });

  it('of 201, keeps the first 199 and says the other 2 are not listed', () => {
    const capped = capDiagnostics(diagnostics(201));
    expect(capped).toHaveLength(200);
    expect(capped.slice(0, 199)).toEqual(diagnostics(199));
    expect(capped[199]).toEqual({ code: 'too-many-diagnostics', severity: 'info', message: { 'zh-CN': '另有 2 条提示未列出。', en: '2 more diagnostics are not listed.' } });
  });

  it('of 1,000, keeps the first 199 and says the other 801 are not listed', () => {
    const capped = capDiagnostics(diagnostics(1_000));
    expect(capped.map((d) => d.code)).toEqual([...diagnostics(199).map((d) => d.code), 'too-many-diagnostics']);
    expect(capped[199]?.message).toEqual({ 'zh-CN': '另有 801 条提示未列出。', en: '801 more diagnostics are not listed.' });
  });
});

describe('the refusals', () => {
  it('too large: one error naming the characters, with thousands separators, in both languages', () => {
    expect(tooLarge('json', 4_000_000)).toEqual({
      ok: false,
      kind: 'json',
      diagnostics: [
        {
          code: 'too-large',
          severity: 'error',
          message: { 'zh-CN': '文本超过 4,000,000 个字符，远大于一份表格，不予读取。', en: 'The text is longer than 4,000,000 characters, far beyond a form; it is not read.' },
        },
      ],
    });
  });

  it('too complex: one error with its code, naming the count and what was counted', () => {
    expect(tooComplex('text', 'too-complex', 20_000, LINES)).toEqual({
      ok: false,
      kind: 'text',
      diagnostics: [
        {
          code: 'too-complex',
          severity: 'error',
          message: { 'zh-CN': '这个文件超出了一份表格的规模（超过 20,000 行），疑为恶意构造，不予读取。', en: 'This file is beyond the size of a form (more than 20,000 lines); it is not read.' },
        },
      ],
    });
    expect(tooComplex('docx', 'docx-too-complex', 100_000, CELLS).diagnostics[0]?.message).toEqual({
      'zh-CN': '这个文件超出了一份表格的规模（超过 100,000 个单元格），疑为恶意构造，不予读取。',
      en: 'This file is beyond the size of a form (more than 100,000 cells); it is not read.',
    });
  });
});
