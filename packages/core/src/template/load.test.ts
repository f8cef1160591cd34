import { describe, expect, it } from 'vitest';
import { parseTemplateText } from './load.js';

const VALID = `id: my-form
title: { zh-CN: 某省自评表, en: a province's form }
detection:
  threshold: 2
  signals:
    - labels: [某省部门整体支出绩效自评表]
      weight: 2
fields:
  - path: staffing.authorized
    labels: [核定编制]
    type: count
`;

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
    expect(issues[0]?.message).toContain('invalid regular expression');
  });

  it('wants a capturing group in a prose pattern, and a label that can match something', () => {
    const text = `${VALID}prose:\n  - path: staffing.actual\n    type: count\n    pattern: "实有\\\\d+人"\n`;
    const { issues } = parseTemplateText(text);
    expect(issues).toEqual([expect.objectContaining({ path: 'prose.0.pattern' })]);
    expect(issues[0]?.message).toContain('capturing group');
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
});
