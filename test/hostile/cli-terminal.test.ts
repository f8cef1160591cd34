// Nothing from a form reaches the terminal raw: unit names, file names, diagnostics, waiver lines and summary rows
// are printed with every control character shown (ESC, BEL, OSC, CR, C1, bidi overrides) and cannot forge a line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { execute, type CliIo } from '@jixiao/cli';
import { baseEvaluation } from '@jixiao/testing';

const temp = mkdtempSync(join(tmpdir(), 'jixiao-cli-terminal-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

async function jixiao(cwd: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const decoder = new TextDecoder();
  const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : decoder.decode(c)), stderr: (c) => err.push(c), cwd, env: {}, stdoutIsTTY: false };
  const code = await execute(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Every character a terminal may obey, except the line feeds the CLI lays its own lines out with (checked by code point, not with the code under test). */
function obeyed(text: string): string[] {
  const bad: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control = (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
    const bidi = c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x2028 || c === 0x2029;
    if (control || bidi) bad.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  return bad;
}

const HOSTILE_UNIT = '北塔\u001b[2J\u001b]0;owned\u0007区\r司法局\u202e局法司\u009b31m\n伪造单位 2020  自评 优  错误 0  警告 0';

describe('terminal output', () => {
  const dir = join(temp, 'forms');
  mkdirSync(dir);
  const base = baseEvaluation();
  // Its income total is off by 1 万元, so the waiver below applies and its reason and approver are printed.
  writeFileSync(join(dir, 'a-hostile.json'), JSON.stringify({ ...base, unit: { name: HOSTILE_UNIT }, income: { ...base.income, total: (base.income.total ?? 0) + 1 } }));
  writeFileSync(join(dir, 'b\u001b[31m\n伪造文件.json'), '{"not": "a form"');
  writeFileSync(join(dir, 'waivers.yaml'), `waivers:\n  - rule: integrity/income-total\n    unit: ${JSON.stringify(HOSTILE_UNIT)}\n    reason: "\\e]8;;http://x\\a链接\\e]8;;\\a"\n    approver: "张三\\r李四"\n    expires: 2999-01-01\n`);

  it.each([['text'], ['markdown']])('shows every control character of a form in the %s report and on standard error, obeying none and forging no line', async (format) => {
    const r = await jixiao(dir, ['check', '.', '--format', format, '--waivers', 'waivers.yaml', '--jobs', '1']);
    expect(r.code).toBe(3);
    expect(obeyed(r.stdout)).toEqual([]);
    expect(obeyed(r.stderr)).toEqual([]);
    // (Markdown escapes brackets in its own way; the text report shows the name as it is.)
    if (format === 'text') expect(r.stdout).toContain('北塔\\u001b[2J\\u001b]0;owned\\u0007区\\u000d司法局\\u202e局法司\\u009b31m\\u000a伪造单位');
    for (const text of [r.stdout, r.stderr]) {
      // The forged lines never start a line of their own.
      expect(text.split('\n').some((l) => /^\s*伪造/.test(l))).toBe(false);
    }
    expect(r.stderr).toContain('b\\u001b[31m\\u000a伪造文件.json');
    expect(r.stderr).toContain('\\u001b]8;;http://x\\u0007链接');
    expect(r.stderr).toContain('张三\\u000d李四');
  });

  it('keeps the JSON report exact (JSON escapes what needs escaping)', async () => {
    const r = await jixiao(dir, ['check', 'a-hostile.json', '--format', 'json']);
    expect((JSON.parse(r.stdout) as { results: { evaluation: { unit: string } }[] }).results[0]?.evaluation.unit).toBe(HOSTILE_UNIT);
  });

  it('prints any string from a form on one line with nothing a terminal would obey (property, through the summary)', async () => {
    const unsafe = fc.constantFrom('\u0000', '\u0007', '\u0008', '\n', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009b', '\u009d', '\u200f', '\u202e', '\u2066', '\u2028', '\u2029');
    const name = fc.array(fc.oneof(unsafe, fc.constantFrom('[', ']', ';', '0', 'm', '单', '位', ' ')), { minLength: 1, maxLength: 20 }).map((a) => `单位${a.join('')}`);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(name, async (unit) => {
        const d = join(temp, `p${String(run++)}`);
        mkdirSync(d);
        writeFileSync(join(d, 'a.json'), JSON.stringify({ ...baseEvaluation(), unit: { name: unit } }));
        writeFileSync(join(d, 'b.json'), JSON.stringify(baseEvaluation()));
        const r = await jixiao(d, ['check', '.', '--format', 'text', '--jobs', '1']);
        expect(obeyed(r.stdout + r.stderr)).toEqual([]);
        const rows = r.stderr.split('\n').filter((l) => l.startsWith('  a.json') || l.startsWith('  b.json'));
        expect(rows).toHaveLength(2);
      }),
      { numRuns: 25 },
    );
  });
});
