// Bounded reads: a config, a waiver file, a pack's files and its case files are read only as regular files under a
// size cap, nested no deeper than a real file needs, and never from outside the pack. `/dev/zero` used to end in
// std::bad_alloc, a FIFO hung, a folder named x.json or a 60,000-deep `not` was an "internal error", and
// `evaluationFile: ../../../etc/passwd` printed the file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaseFile, parseWaiverFile } from '@jixiao/core';
import { folders, jixiao, SEED } from './cli-run.js';

const { temp, tmp } = folders('jixiao-cli-reads-');

/** A FIFO nobody writes to (reading it without care waits forever). */
function fifo(dir: string, name: string): string {
  const path = join(dir, name);
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error('mkfifo is needed for this test');
  return path;
}

const deepNot = (depth: number) => `${'{"not":'.repeat(depth)}{"fact":"staffing","path":"actual","operator":"greaterThan","value":1}${'}'.repeat(depth)}`;

function packWithRuleText(dir: string, ruleText: string): string {
  mkdirSync(join(dir, 'src/rules'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'deep', version: '1.0.0', title: { 'zh-CN': '深', en: 'deep' } }));
  writeFileSync(join(dir, 'src/rules/r.json'), ruleText);
  return dir;
}

const ruleWith = (when: string) =>
  `{"id":"deep/r","title":{"zh-CN":"深","en":"deep"},"severity":"error","basis":[{"instrument":"测试"}],"paths":["staffing.actual"],"checks":[{"id":"c","when":{"all":[${when}]},"message":{"zh-CN":"不通过","en":"fails"}}],"pass":{"zh-CN":"通过","en":"passes"}}`;

describe('--config and --waivers', () => {
  it.each([
    ['/dev/zero', /not a regular file \(a device, a pipe or a socket\)/],
    ['FIFO', /not a regular file \(a device, a pipe or a socket\)/],
    ['folder.json', /not a regular file \(a folder\)/],
    ['huge.json', /file too large/],
  ])('refuses %s as a config or a waiver file with one clear message (exit 2)', async (what, reason) => {
    const dir = tmp();
    mkdirSync(join(dir, 'folder.json'));
    writeFileSync(join(dir, 'huge.json'), `{"packs":["integrity"],"$schema":"${'x'.repeat(1_100_000)}"}`);
    const path = what === 'FIFO' ? fifo(dir, 'config.json') : what;
    for (const flag of ['--config', '--waivers']) {
      const r = await jixiao(dir, ['check', SEED, flag, path, '--locale', 'en']);
      expect(r.code, `${flag} ${what}`).toBe(2);
      expect(r.stderr, `${flag} ${what}`).toMatch(reason);
      expect(r.stderr).not.toMatch(/internal error|内部错误/);
    }
  });

  it('refuses waiver and case files nested 60,000 deep before the YAML parser sees them (it ran out of memory)', () => {
    const deep = `waivers: ${'['.repeat(60_000)}${']'.repeat(60_000)}`;
    const waivers = parseWaiverFile(deep, 'w.yaml');
    expect(waivers.ok).toBe(false);
    expect(!waivers.ok && waivers.issues[0]?.message.en).toMatch(/nested deeper than 64 levels/);
    const cases = parseCaseFile(`{"cases": ${'{"a":'.repeat(60_000)}1${'}'.repeat(60_000)}}`, 'c.json');
    expect(!cases.ok && cases.issues[0]?.message.en).toMatch(/nested deeper than 64 levels/);
    // Brackets in a reason or a comment do not count against a real file.
    const fine = parseWaiverFile('waivers:\n  - { rule: staffing/within-quota, unit: "北塔区司法局 [[[[", reason: "见附件]]]]]", approver: 张三, expires: 2030-01-01 }\n', 'w.yaml');
    expect(fine.ok).toBe(true);
  });
});

describe('pack files', () => {
  it('refuses a rule nested 60,000 levels deep with the file and line, in check and in pack validate (it was an internal error)', async () => {
    const dir = packWithRuleText(join(tmp(), 'p'), ruleWith(deepNot(60_000)));
    const r = await jixiao(dir, ['check', SEED, '--pack', '.']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\.json:1: .*nested deeper than 64 levels/);
    const v = await jixiao(dir, ['pack', 'validate', '.', '--locale', 'en']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/src\/rules\/r\.json:1:\d+ {2}error {2}nested deeper than 64 levels/);
    expect(v.stderr + r.stderr).not.toMatch(/internal error|内部错误/);
  });

  it('still reads a rule nested as deep as real rules are', async () => {
    const dir = packWithRuleText(join(tmp(), 'p'), ruleWith(deepNot(20)));
    const r = await jixiao(dir, ['check', SEED, '--pack', '.', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('reports a folder or a FIFO named like a rule file as what it is, in check and in pack validate', async () => {
    for (const kind of ['folder', 'fifo']) {
      const dir = packWithRuleText(join(tmp(), 'p'), ruleWith('{"fact":"staffing","path":"actual","operator":"greaterThan","value":1}'));
      if (kind === 'folder') mkdirSync(join(dir, 'src/rules/x.json'));
      else fifo(join(dir, 'src/rules'), 'x.json');
      const reason = kind === 'folder' ? 'not a regular file (a folder)' : 'not a regular file (a device, a pipe or a socket)';
      const r = await jixiao(dir, ['check', SEED, '--pack', '.']);
      expect(r.code, kind).toBe(2);
      expect(r.stderr, kind).toContain(`x.json: 不是普通文件`);
      expect(r.stderr, kind).toContain(reason);
      const v = await jixiao(dir, ['pack', 'validate', '.', '--locale', 'en']);
      expect(v.code, kind).toBe(1);
      expect(v.stderr, kind).toContain(`src/rules/x.json  error  ${reason}`);
    }
  });
});

describe('pack test and case files', () => {
  /** A scaffolded pack (jixiao pack init) whose case file is replaced by `cases`. */
  async function packWithCases(cases: string): Promise<string> {
    const dir = join(tmp(), 'p');
    expect((await jixiao(temp, ['pack', 'init', dir])).code).toBe(0);
    writeFileSync(join(dir, 'cases/example.yaml'), cases);
    return dir;
  }
  const expectation = (file: string) => `cases:\n  - name: 外部文件\n    evaluationFile: ${file}\n    expect:\n      p/staffing-score: pass\n`;

  it('refuses a report path in a folder that does not exist, or naming a folder, before checking (xlsx crashed with exit 1)', async () => {
    const dir = tmp();
    for (const format of ['xlsx', 'json']) {
      const missing = await jixiao(dir, ['check', SEED, '--format', format, '-o', 'nowhere/report.out']);
      expect(missing.code, format).toBe(2);
      expect(missing.stderr, format).toMatch(/无法写入报告 .*nowhere[/\\]report\.out：文件夹 .*nowhere 不存在/);
    }
    mkdirSync(join(dir, 'taken'));
    const folder = await jixiao(dir, ['check', SEED, '--format', 'xlsx', '-o', 'taken']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/这是一个文件夹/);
  });

  it('never reads a case input outside the pack (evaluationFile: ../../../etc/passwd used to print it)', async () => {
    const dir = await packWithCases(expectation('../../../../../../../../etc/passwd'));
    // pack validate refuses it with its line (the reference checks pack test makes first), and pack test too.
    const v = await jixiao(dir, ['pack', 'validate', '.', '--locale', 'en']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/cases\/\S+:\d+:\d+ {2}error {2}cannot read \S+: \S+ lies outside the pack folder: refused/);
    const r = await jixiao(dir, ['pack', 'test', '.', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lies outside the pack folder: refused');
    expect(v.stdout + v.stderr + r.stdout + r.stderr).not.toContain('root:');
  });

  it('does not follow a symbolic link out of the pack, for a case input or a case file', async () => {
    const outside = join(tmp(), 'secret.json');
    writeFileSync(outside, JSON.stringify({ secret: 'do-not-print' }));
    const dir = await packWithCases(expectation('linked.json'));
    symlinkSync(outside, join(dir, 'cases/linked.json'));
    const r = await jixiao(dir, ['pack', 'validate', '.', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cases\/linked\.json {2}error {2}lies outside the pack folder/);
    const t = await jixiao(dir, ['pack', 'test', '.', '--locale', 'en']);
    expect(t.code).toBe(1);
    expect(t.stdout + t.stderr).not.toContain('do-not-print');
  });

  it('reports a FIFO among the case files instead of waiting for it', async () => {
    const dir = await packWithCases(expectation('x.json'));
    fifo(join(dir, 'cases'), 'stuck.yaml');
    const r = await jixiao(dir, ['pack', 'validate', '.', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cases/stuck.yaml  error  not a regular file');
  });
});
