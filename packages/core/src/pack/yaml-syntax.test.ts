// A YAML syntax error is worded by the parser's error code in zh-CN and English, never in the parser's English
// (issue 15, lead's review); a code without a sentence of its own is named in a generic one.
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { yamlSyntaxError } from './yaml-syntax.js';

function firstError(text: string) {
  const lineCounter = new LineCounter();
  const [error] = parseDocument(text, { prettyErrors: false, lineCounter, uniqueKeys: true }).errors;
  if (error === undefined) throw new Error('no error');
  return yamlSyntaxError(error, lineCounter);
}

describe('yamlSyntaxError', () => {
  it.each([
    ['a: "x\\q"', 'BAD_DQ_ESCAPE', 1, 6, '双引号字符串中有无效的转义'],
    ['a: b: c', 'BLOCK_AS_IMPLICIT_KEY', 1, 4, '此处不能再嵌套键值或列表'],
    ['--- a\n--- b', 'MULTIPLE_DOCS', 2, 1, '文件中有多个 YAML 文档'],
    ['a: &x &y 1', 'MULTIPLE_ANCHORS', 1, 7, '一个值只能有一个锚点'],
  ])('%j: %s at %i:%i', (text, code, line, column, zh) => {
    const e = firstError(text);
    expect(e).toMatchObject({ code, line, column });
    expect(e.message['zh-CN'].startsWith(`不是有效的 YAML：${zh}`)).toBe(true);
    expect(e.message.en).toMatch(/^not valid YAML: /);
  });

  it('a code without a sentence of its own: the generic one with the code; a thrown error without a code: the same, no place', () => {
    const lineCounter = new LineCounter();
    parseDocument('a: 1\n', { lineCounter });
    expect(yamlSyntaxError({ code: 'RESOURCE_EXHAUSTION', pos: [0, 1] }, lineCounter)).toEqual({
      code: 'RESOURCE_EXHAUSTION',
      line: 1,
      column: 1,
      message: { 'zh-CN': '不是有效的 YAML：语法错误（YAML 错误代码 RESOURCE_EXHAUSTION）', en: 'not valid YAML: syntax error (YAML error code RESOURCE_EXHAUSTION)' },
    });
    expect(yamlSyntaxError(new Error('Excessive alias count'), lineCounter)).toEqual({
      code: 'UNKNOWN',
      message: { 'zh-CN': '不是有效的 YAML：语法错误（YAML 错误代码 UNKNOWN）', en: 'not valid YAML: syntax error (YAML error code UNKNOWN)' },
    });
  });

  it('never the parser\'s English', () => {
    for (const text of ['a: [1, 2', 'a:\n\t- b', 'a: 1\na: 2', '- a\nb: 1']) {
      const e = firstError(text);
      expect(`${e.message['zh-CN']} ${e.message.en}`).not.toMatch(/must|allowed|Unexpected|unique|indicator/);
    }
  });
});
