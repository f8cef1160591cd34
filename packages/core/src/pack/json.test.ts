// Issue 15: a JSON file's syntax error is worded in the report's language (V8's English message classified, never
// passed through), quotes the stretch of the file where it breaks, and says where by line and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../template/load.js';
import { parseWaiverFile } from '../waivers/waivers.js';
import { jsonSyntaxError, parseStrictJson } from './json.js';
import { lintPack } from './lint.js';

/** What `JSON.parse` threw for a text it refuses. */
function thrown(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`JSON.parse accepted ${text}`);
}

const syntax = (text: string) => jsonSyntaxError(text, thrown(text));

describe('a JSON syntax error, in words', () => {
  it.each<[string, string, string, string, number, number]>([
    ['a trailing comma', '{"a": 1,\n}', '不是有效的 JSON：最后一项之后多了逗号：「}」', 'not valid JSON: a comma after the last item: “}”', 2, 1],
    ['a trailing comma in an array', '[1,]', '不是有效的 JSON：最后一项之后多了逗号：「]」', 'not valid JSON: a comma after the last item: “]”', 1, 4],
    ['a word where a value belongs', '{"a": yes}', '不是有效的 JSON：此处不应出现「yes}」', 'not valid JSON: unexpected “yes}”', 1, 7],
    ['a value missing', '{\n  "a": \n}', '不是有效的 JSON：冒号后缺少值：「}」', 'not valid JSON: a value missing after the colon: “}”', 3, 1],
    ['single quotes', "{'a': 1}", "不是有效的 JSON：此处应为带双引号的属性名：「'a': 1}」", "not valid JSON: a property name in double quotes expected: “'a': 1}”", 1, 2],
    ['a missing colon', '{"a" 1}', '不是有效的 JSON：属性名后缺少冒号：「1}」', 'not valid JSON: a colon expected after the property name: “1}”', 1, 6],
    ['a missing comma between properties', '{"a": 1 "b": 2}', '不是有效的 JSON：此处缺少逗号或 }：「"b": 2}」', 'not valid JSON: a comma or } expected: “"b": 2}”', 1, 9],
    ['a missing comma between items', '[1 2]', '不是有效的 JSON：此处缺少逗号或 ]：「2]」', 'not valid JSON: a comma or ] expected: “2]”', 1, 4],
    ['a string not closed', '{"a": "abc', '不是有效的 JSON：字符串缺少结尾的双引号：「{"a": "abc」', 'not valid JSON: a string without its closing double quote: “{"a": "abc”', 1, 11],
    ['the text cut short', '{"a": [1, 2', '不是有效的 JSON：内容意外结束，最后是「{"a": [1, 2」', 'not valid JSON: the text ends too soon, after “{"a": [1, 2”', 1, 12],
    ['an empty file', ' \n ', '不是有效的 JSON：内容为空', 'not valid JSON: the text is empty', 1, 1],
    ['text after the end', '{"a": 1}\n}', '不是有效的 JSON：内容已完整，其后多出「}」', 'not valid JSON: more text after the end: “}”', 2, 1],
    ['a bad escape', '{"a": "C:\\dir"}', '不是有效的 JSON：无效的转义：「\\dir"}」', 'not valid JSON: invalid escape: “\\dir"}”', 1, 10],
    ['a short unicode escape', '"\\u12"', '不是有效的 JSON：无效的转义：「\\u12"」', 'not valid JSON: invalid escape: “\\u12"”', 1, 2],
    ['a line break inside a string', '{"a": "x\ny"}', '不是有效的 JSON：字符串中有未转义的控制字符 U+000A（换行、制表符须写作 \\n、\\t）：「{"a": "x」', 'not valid JSON: unescaped control character U+000A in a string (write a line break as \\n, a tab as \\t): “{"a": "x”', 1, 9],
    ['an incomplete number', '{"a": 1.}', '不是有效的 JSON：数字不完整：「1.}」', 'not valid JSON: incomplete number: “1.}”', 1, 7],
    ['a no-break space between tokens', '{"a":\u00a01}', '不是有效的 JSON：此处不应出现字符 U+00A0：「\u00a01}」', 'not valid JSON: unexpected character U+00A0: “\u00a01}”', 1, 6],
    ['a long line, quoted in part', `{"a": x${'y'.repeat(40)}}`, `不是有效的 JSON：此处不应出现「x${'y'.repeat(15)}…」`, `not valid JSON: unexpected “x${'y'.repeat(15)}…”`, 1, 7],
  ])('%s', (_name, text, zh, en, line, column) => {
    expect(syntax(text)).toMatchObject({ message: { 'zh-CN': zh, en }, line, column });
    // Config, pack, case and template files read through parseStrictJson: the same words, the same place.
    expect(parseStrictJson(text)).toEqual({ ok: false, issue: { code: 'json', message: { 'zh-CN': zh, en }, line, column } });
  });

  it('quotes the bytes the parser stopped at, control characters, overrides and markup included, for the reader to show escaped', () => {
    const text = '{"unit": \u001b[31m\u202e<img src=x onerror="window.owned=1">\u0007}';
    expect(syntax(text)).toMatchObject({ message: { 'zh-CN': '不是有效的 JSON：此处不应出现字符 U+001B：「\u001b[31m\u202e<img src=x…」' }, line: 1, column: 10 });
  });

  it('a waiver file, a template and a pack manifest written as JSON give the same words and place as a config file', () => {
    const text = '{\n  "waivers": [],\n}';
    const zh = '不是有效的 JSON：最后一项之后多了逗号：「}」';
    expect(parseStrictJson(text)).toMatchObject({ ok: false, issue: { message: { 'zh-CN': zh }, line: 3, column: 1 } });
    // The YAML parser these files also go through accepted the comma (a waiver file) or worded the error in English.
    expect(parseWaiverFile(text, 'waivers.json')).toMatchObject({ ok: false, issues: [{ file: 'waivers.json', code: 'json', message: { 'zh-CN': zh }, line: 3, column: 1 }] });
    expect(parseTemplateText(text, 'form.json').issues).toMatchObject([{ file: 'form.json', message: { 'zh-CN': zh }, line: 3, column: 1 }]);
    expect(lintPack({ manifest: { file: 'pack.json', text }, rules: [] }).issues).toMatchObject([{ file: 'pack.json', code: 'json', message: { 'zh-CN': zh }, line: 3, column: 1 }]);
    // YAML stays YAML: the same text named .yaml is read by the YAML parser.
    expect(parseWaiverFile(text, 'waivers.yaml').ok).toBe(true);
  });

  /** A JSON text with one character inserted, removed or replaced: most such texts are refused. */
  const broken = fc
    .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('insert', 'remove', 'replace'), fc.constantFrom(...Array.from('{}[],:"\\ \n\t-.0123456789eEtrufalsn\u00a0\u2028\u001b\u202e/\'x中')))
    .map(([json, at, how, c]) => {
      const i = json.length === 0 ? 0 : at % json.length;
      return how === 'insert' ? json.slice(0, i) + c + json.slice(i) : json.slice(0, i) + (how === 'replace' ? c : '') + json.slice(i + 1);
    });
  const anyText = fc.oneof(broken, fc.string({ unit: fc.constantFrom(...Array.from('{}[],:" \n-1.e\\ut')) }), fc.string());
  const refused = anyText.filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });

  it('for any text JSON.parse refuses: the zh-CN reason has no English sentence, the English none in Chinese, both quote the text, and the line and column are inside it', () => {
    fc.assert(
      fc.property(refused, (text) => {
        const { message, line, column } = syntax(text);
        const zh = message['zh-CN'];
        const en = message.en;
        const quoted = /「([\s\S]*)」/.exec(zh)?.[1];
        // Outside the quote of the file, no English word but "JSON" (and the code point of a character, U+001B).
        const words = zh.replace(/「[\s\S]*」/, '').replace(/U\+[0-9A-F]{4,6}/g, '').replace(/JSON|\\n|\\t/g, '');
        expect(words).not.toMatch(/[A-Za-z]{2,}/);
        expect(zh.startsWith('不是有效的 JSON：')).toBe(true);
        expect(en.replace(/“[\s\S]*”/, '')).not.toMatch(/[\u4e00-\u9fff]/);
        // The quote is the file's own text (at most 16 code points, "…" where cut), the same in both languages.
        if (quoted === undefined) expect(text.trim()).toBe('');
        else {
          expect(text).toContain(quoted.replace(/^…|…$/g, ''));
          expect(en).toContain(`“${quoted}”`);
        }
        const lines = text.split('\n');
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(lines.length);
        expect(column).toBeGreaterThanOrEqual(1);
        expect(column).toBeLessThanOrEqual((lines[line - 1] ?? '').length + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
