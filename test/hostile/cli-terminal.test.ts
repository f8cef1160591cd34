// Nothing from a form reaches the terminal raw: unit names, file names, diagnostics, waiver lines and summary rows
// are printed with every control character shown (ESC, BEL, OSC, CR, C1, bidi overrides) and cannot forge a line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseEvaluation } from '@jixiao/testing';
import { folders, jixiao } from './cli-run.js';
import { obeyed } from './obeyed.js';

const { temp } = folders('jixiao-cli-terminal-');

/** What a JSON form can still carry in its unit name (the importer refuses C0/C1 controls in it): bidi overrides and isolates, line and paragraph separators. */
const FORM_UNIT = '北塔区\u202e局法司\u2066\u200f司法局\u2028伪造单位 2020  自评 优  错误 0\u2029伪造';
/** What a waiver file can carry: any control character YAML can escape. */
const WAIVER_UNIT = '北塔\u001b[2J\u001b]0;owned\u0007区\r司法局\u009b31m\n伪造单位 2020  自评 优  错误 0';

describe('terminal output', () => {
  const dir = join(temp, 'forms');
  mkdirSync(dir);
  const base = baseEvaluation();
  // Its income total is off by 1 万元, so the waiver below applies and its reason and approver are printed.
  writeFileSync(join(dir, 'a-hostile.json'), JSON.stringify({ ...base, unit: { name: FORM_UNIT }, income: { ...base.income, total: (base.income.total ?? 0) + 1 } }));
  writeFileSync(join(dir, 'b\u001b[31m\n伪造文件.json'), '{"not": "a form"');
  writeFileSync(join(dir, 'c-controls.json'), JSON.stringify({ ...base, unit: { name: WAIVER_UNIT } }));
  const waiver = (unit: string) => `  - rule: integrity/income-total\n    unit: ${JSON.stringify(unit)}\n    reason: "\\e]8;;http://x\\a链接\\e]8;;\\a"\n    approver: "张三\\r李四"\n    expires: 2999-01-01\n`;
  writeFileSync(join(dir, 'waivers.yaml'), `waivers:\n${waiver(FORM_UNIT)}${waiver(WAIVER_UNIT)}`);

  it.each([['text'], ['markdown']])('shows every control character in the %s report and on standard error, obeying none and forging no line', async (format) => {
    const r = await jixiao(dir, ['check', '.', '--format', format, '--waivers', 'waivers.yaml', '--jobs', '1']);
    expect(r.code).toBe(3);
    expect(obeyed(r.stdout)).toEqual([]);
    expect(obeyed(r.stderr)).toEqual([]);
    if (format === 'text') expect(r.stdout).toContain('北塔区\\u202e局法司\\u2066\\u200f司法局\\u2028伪造单位');
    for (const text of [r.stdout, r.stderr]) {
      // The forged lines never start a line of their own.
      expect(text.split('\n').filter((l) => /^\s*伪造/.test(l))).toEqual([]);
    }
    expect(r.stderr).toContain('b\\u001b[31m\\u000a伪造文件.json');
    expect(r.stderr).toContain('\\u001b]8;;http://x\\u0007链接');
    expect(r.stderr).toContain('张三\\u000d李四');
    expect(r.stderr).toContain('北塔\\u001b[2J\\u001b]0;owned\\u0007区\\u000d司法局\\u009b31m\\u000a伪造单位');
  });

  it.each([['text'], ['markdown']])('lists a file not read with each of its reasons on a line of its own in the %s report (never joined by a shown \\u000a)', async (format) => {
    // A JSON form that misses two required sections and has an unknown key: three diagnostics, one reason each.
    const d = join(temp, `unread-${format}`);
    mkdirSync(d);
    writeFileSync(join(d, 'a.json'), JSON.stringify(base));
    const { staffing: _s, income: _i, ...rest } = base;
    writeFileSync(join(d, 'b-missing.json'), JSON.stringify({ ...rest, extra: '\u001b[2J' }));
    const r = await jixiao(d, ['check', '.', '--format', format, '--jobs', '1']);
    expect(r.code).toBe(3);
    expect(obeyed(r.stdout)).toEqual([]);
    expect(r.stdout).not.toContain('\\u000a');
    const reasons = r.stdout.split('\n').filter((l) => l.includes('[schema-'));
    // Text: a line per diagnostic; markdown: the reason cell of the file's row holds all three.
    // Text: a line per diagnostic; markdown: the file's row, its reasons separated by <br> in one cell.
    if (format === 'text') expect(reasons.length).toBe(3);
    else expect(reasons).toEqual([expect.stringMatching(/缺少此字段（空白请填 null）<br>.*<br>/)]);
    // Both missing sections and the unknown key are each named (by label or path, whichever the field has).
    expect(r.stdout.split('缺少此字段').length - 1).toBe(2);
    expect(r.stdout).toContain('未知字段：extra');
  });

  it.each([['text'], ['markdown']])('shows every control character in the cross-form section of a streamed %s report, with the bytes of the report written in one go', async (format) => {
    // Two unit-years submitted twice (a duplicate submission each): control characters in two file names, bidi
    // overrides in the second unit's name.
    const d = join(temp, `cross-${format}`);
    mkdirSync(d);
    const hostile = { ...base, unit: { name: `${base.unit.name ?? ''}\u202e伪造` } };
    writeFileSync(join(d, 'a.json'), JSON.stringify(base));
    writeFileSync(join(d, 'b\u001b]0;owned\u0007.json'), JSON.stringify(base));
    writeFileSync(join(d, 'c\u009b31m.json'), JSON.stringify(hostile));
    writeFileSync(join(d, 'd.json'), JSON.stringify(hostile));
    // A waiver that applies to no form: the report is then made in one go, from every result (the waivers' path).
    writeFileSync(join(temp, `none-${format}.yaml`), 'waivers:\n  - rule: integrity/income-total\n    unit: 不存在的单位\n    reason: 无\n    approver: 张三\n    expires: 2999-01-01\n');
    const streamed = await jixiao(d, ['check', '.', '--format', format, '--jobs', '1']);
    const inOneGo = await jixiao(d, ['check', '.', '--format', format, '--jobs', '1', '--waivers', `../none-${format}.yaml`]);
    expect(streamed.code).toBe(0);
    expect(obeyed(streamed.stdout)).toEqual([]);
    const section = streamed.stdout.slice(streamed.stdout.indexOf('跨表核对'));
    expect(section.split('batch/duplicate-submission')).toHaveLength(5);
    // Each shown as its escape (Markdown escapes the backslash and the bracket once more).
    for (const shown of ['u001b', ']0;owned', 'u0007.json', 'u009b31m.json', 'u202e伪造']) expect(section).toContain(shown);
    expect(streamed.stdout).toBe(inOneGo.stdout);
  });

  it('keeps the JSON report exact (JSON escapes what needs escaping)', async () => {
    const r = await jixiao(dir, ['check', 'a-hostile.json', '--format', 'json']);
    expect((JSON.parse(r.stdout) as { results: { evaluation: { unit: string } }[] }).results[0]?.evaluation.unit).toBe(FORM_UNIT);
  });

  it('prints any unit name on one line with nothing a terminal would obey (property, through the report and the summary)', async () => {
    const unsafe = fc.constantFrom('\u061c', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029');
    const name = fc.array(fc.oneof(unsafe, fc.constantFrom('[', ']', ';', '0', 'm', '单', '位', ' ')), { minLength: 1, maxLength: 20 }).map((a) => `单位${a.join('')}`);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(name, async (unit) => {
        const d = join(temp, `p${String(run++)}`);
        mkdirSync(d);
        writeFileSync(join(d, 'a.json'), JSON.stringify({ ...baseEvaluation(), unit: { name: unit } }));
        writeFileSync(join(d, 'b.json'), JSON.stringify(baseEvaluation()));
        const r = await jixiao(d, ['check', '.', '--format', 'text', '--jobs', '1']);
        expect(r.code).toBe(0);
        expect(obeyed(r.stdout + r.stderr)).toEqual([]);
        const rows = r.stderr.split('\n').filter((l) => l.startsWith('  a.json') || l.startsWith('  b.json'));
        expect(rows).toHaveLength(2);
      }),
      { numRuns: 25 },
    );
  });
});
