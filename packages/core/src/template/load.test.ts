import { describe, expect, it } from 'vitest';
import { minimalTemplateYaml } from '@jixiao/testing';
import { parseTemplateText } from './load.js';

const VALID = minimalTemplateYaml();

describe('parseTemplateText', () => {
  it('reads a valid YAML template, with the schema defaults filled in', () => {
    const { template, issues } = parseTemplateText(VALID, 'my.yaml');
    expect(issues).toEqual([]);
    expect(template?.kind).toBe('self-evaluation');
    expect(template?.questions).toEqual([]);
  });

  it('names an unknown canonical path with its file and line', () => {
    const { template, issues } = parseTemplateText(VALID.replace('staffing.authorized', 'staffing.authorised'), 'my.yaml');
    expect(template).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ file: 'my.yaml', line: 9, path: 'fields.0.path' })]);
  });

  it('names a regular expression that does not compile, with its line', () => {
    const text = `${VALID}prose:\n  - path: staffing.actual\n    type: count\n    pattern: "实有(\\\\d+"\n`;
    const { issues } = parseTemplateText(text, 'my.yaml');
    expect(issues).toEqual([expect.objectContaining({ line: 15, path: 'prose.0.pattern' })]);
    expect(issues[0]?.message.en).toContain('invalid regular expression');
    expect(issues[0]?.message['zh-CN']).toContain('正则表达式无效');
  });

  it('wants a capturing group in a prose pattern, and a label that can match something', () => {
    const text = `${VALID}prose:\n  - path: staffing.actual\n    type: count\n    pattern: "实有\\\\d+人"\n`;
    const { issues } = parseTemplateText(text);
    expect(issues).toEqual([expect.objectContaining({ path: 'prose.0.pattern' })]);
    expect(issues[0]?.message.en).toContain('capturing group');
    expect(parseTemplateText(VALID.replace('[核定编制]', '["  "]')).issues).toEqual([expect.objectContaining({ path: 'fields.0.labels.0', line: 10 })]);
  });

  it('reads JSON too (JSON is YAML), with lines', () => {
    const json = JSON.stringify({ id: 'x', title: { 'zh-CN': 'x', en: 'x' }, detection: { threshold: 1, signals: [{ labels: ['x'] }] }, fields: [{ path: 'nope', labels: ['a'], type: 'text' }] }, null, 2);
    const { issues } = parseTemplateText(json, 'x.json');
    expect(issues).toEqual([expect.objectContaining({ path: 'fields.0.path', line: 19 })]);
  });

  it('reports text that is not JSON or YAML at its line', () => {
    const { issues } = parseTemplateText('id: a\ntitle: [unclosed\n', 'bad.yaml');
    expect(issues[0]).toMatchObject({ file: 'bad.yaml', path: '' });
    expect(issues[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('words schema problems in zh-CN and English, like the pack kit, with line and column', () => {
    const typo = parseTemplateText(VALID.replace('staffing.authorized', 'staffing.authorised'), 'my.yaml').issues[0];
    // zod alone listed the model's 800-odd paths ("Invalid option: expected one of …"), in English only.
    expect(typo).toEqual({
      file: 'my.yaml',
      line: 9,
      column: 11,
      path: 'fields.0.path',
      message: { 'zh-CN': '“staffing.authorised”不是规范模型中的字段路径；是否应为 staffing.authorized？', en: '"staffing.authorised" is not a field path of the canonical model; did you mean staffing.authorized?' },
    });
    const noEnglish = parseTemplateText(VALID.replace("title: { zh-CN: 某省自评表, en: a province's form }", 'title: { zh-CN: 某省自评表 }')).issues;
    expect(noEnglish).toEqual([expect.objectContaining({ path: 'title.en', line: 2, message: { 'zh-CN': '缺少英文（en）译文', en: 'missing the English (en) translation' } })]);
    const wrongType = parseTemplateText(VALID.replace('threshold: 2', 'threshold: "2"')).issues;
    expect(wrongType).toEqual([expect.objectContaining({ path: 'detection.threshold', line: 4, message: { 'zh-CN': '类型错误：应为数字，实为文本 "2"', en: 'wrong type: expected number, got string "2"' } })]);
    const unknownKey = parseTemplateText(`${VALID}colour: red\n`).issues;
    expect(unknownKey).toEqual([expect.objectContaining({ path: 'colour', line: 12, message: { 'zh-CN': '未知字段：colour', en: 'unknown field: colour' } })]);
    const both = parseTemplateText(VALID.replace('    - labels: [某省部门整体支出绩效自评表]', '    - labels: [某省部门整体支出绩效自评表]\n      pattern: "自评"')).issues;
    expect(both).toEqual([expect.objectContaining({ path: 'detection.signals.0', message: { 'zh-CN': '须给出 labels 或 pattern 之一（不能都有或都没有）', en: 'give either labels or pattern (one, not both)' } })]);
  });
});
