// Issue 15: a form written as JSON with a syntax error names where it breaks by line and column (第 3 行第 11 列),
// as a pack or a configuration file does, never by V8's character offset ("at position 33").
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, unreadReasonLines } from '../diagnostics.js';
import { importJson } from './import-canonical.js';

describe('invalid JSON form', () => {
  it.each<[string, string, number, number]>([
    // Line 3 is ` "unit": {,}`: the comma at column 11 is where a property name was expected.
    ['a comma where a name belongs', '{\n "fiscalYear": 2020,\n "unit": {,}\n}', 3, 11],
    ['a byte-order mark does not shift the column', '\uFEFF{"fiscalYear": 2020,}', 1, 21],
    // V8 gives no offset for these (Node 20: `Unexpected token '}', ..."b": ⏎}" is not valid JSON`, `Unexpected end of JSON input`).
    ['a value missing before the closing brace', '{\n  "fiscalYear": 2020,\n  "unit": \n}', 4, 1],
    // The place of a text cut short is just after its last character (the trailing space is no part of the JSON).
    ['the text ends inside an object', '{"fiscalYear": 2020, "unit": ', 1, 29],
  ])('%s: line and column, not "position"', (_name, text, line, column) => {
    const r = importJson(text);
    expect(r.ok).toBe(false);
    const d = r.diagnostics[0];
    if (d === undefined) throw new Error('no diagnostic');
    expect(d).toMatchObject({ code: 'json-invalid', severity: 'error', line, column });
    expect(d.message.en).toMatch(/^not valid JSON: /);
    expect(JSON.stringify(d.message)).not.toMatch(/position \d+/);
    // The reason is ours, in Chinese (V8's English message is classified, never passed through), and quotes at most
    // the one line of the file where it breaks (V8 quotes a stretch of it, line breaks and all, for some errors).
    expect(d.message['zh-CN']).toMatch(/^不是有效的 JSON：[^\n]*$/);
    expect(d.message['zh-CN'].replace(/「.*」/, '').replace('JSON', '')).not.toMatch(/[A-Za-z]{2,}/);
    expect(formatDiagnostic(d, 'zh-CN')).toContain(`第 ${String(line)} 行`);
    expect(formatDiagnostic(d, 'en')).toContain(`line ${String(line)}`);
    // A file not read lists this reason with its place: every report's unread section and the workbench's list.
    expect(unreadReasonLines(r.diagnostics, 'zh-CN')).toEqual([`第 ${String(line)} 行第 ${String(column)} 列：${d.message['zh-CN']}`]);
  });
});
