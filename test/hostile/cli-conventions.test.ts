// The conventions users of ESLint, Spectral or conftest expect from a checker: --quiet, --max-warnings, --fail-on,
// --rule/--severity, --ignore (dotfiles and Office lock files skipped by default, and counted), `jixiao rules`,
// --print-config, and configuration errors that say what is allowed (zh-CN and en) and where (line and column).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema, type ResultDocument } from '@jixiao/core';
import { folders, jixiao, ROOT, SEED } from './cli-run.js';

const { tmp } = folders('jixiao-cli-conventions-');

const json = (stdout: string) => JSON.parse(stdout) as ResultDocument;

// The seed form fails 1 error-level rule (integrity/income-total) and 4 warning-level ones, and no info-level one.
describe('which failures make exit 1', () => {
  it('--fail-on: error by default; warning and info lower the bar', async () => {
    const onlyWarnings = ['check', SEED, '--severity', 'warning'];
    expect((await jixiao(ROOT, onlyWarnings)).code).toBe(0);
    expect((await jixiao(ROOT, [...onlyWarnings, '--fail-on', 'error'])).code).toBe(0);
    expect((await jixiao(ROOT, [...onlyWarnings, '--fail-on', 'warning'])).code).toBe(1);
    expect((await jixiao(ROOT, [...onlyWarnings, '--fail-on', 'info'])).code).toBe(1);
    // No info-level rule fails: info still counts only what fails.
    expect((await jixiao(ROOT, ['check', SEED, '--severity', 'info', '--fail-on', 'info'])).code).toBe(0);
    // An info-level failure (a config makes the failing error rule info) counts only with --fail-on info.
    const dir = tmp();
    writeFileSync(join(dir, 'info.json'), JSON.stringify({ rules: { 'integrity/income-total': 'info' } }));
    const onlyInfo = ['check', SEED, '--config', 'info.json', '--rule', 'integrity/income-total'];
    expect((await jixiao(dir, onlyInfo)).code).toBe(0);
    expect((await jixiao(dir, [...onlyInfo, '--fail-on', 'warning'])).code).toBe(0);
    expect((await jixiao(dir, [...onlyInfo, '--fail-on', 'info'])).code).toBe(1);
    const bad = await jixiao(ROOT, ['check', SEED, '--fail-on', 'fatal']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error, warning, info/);
  });

  it('--max-warnings N: more than N warning-level failures make exit 1, saying so', async () => {
    const onlyWarnings = ['check', SEED, '--severity', 'warning'];
    const warnings = json((await jixiao(ROOT, [...onlyWarnings, '--format', 'json'])).stdout).results[0]?.summary.warnings ?? 0;
    expect(warnings).toBeGreaterThan(1);
    expect((await jixiao(ROOT, [...onlyWarnings, '--max-warnings', String(warnings)])).code).toBe(0);
    const over = await jixiao(ROOT, [...onlyWarnings, '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`警告级不通过 ${String(warnings)} 项，超过 --max-warnings ${String(warnings - 1)}`);
    expect((await jixiao(ROOT, [...onlyWarnings, '--max-warnings', '0'])).code).toBe(1);
    for (const value of ['-1', 'many', '1.5', '']) expect((await jixiao(ROOT, [...onlyWarnings, '--max-warnings', value])).code, value).toBe(2);
  });

  it('--exit-zero still yields to an unreadable input (exit 3)', async () => {
    expect((await jixiao(ROOT, ['check', SEED, '--fail-on', 'info', '--max-warnings', '0', '--exit-zero'])).code).toBe(0);
    expect((await jixiao(ROOT, ['check', SEED, 'missing.json', '--exit-zero'])).code).toBe(3);
  });
});

describe('--quiet, --rule, --severity', () => {
  it('--quiet keeps only the failures in the report, with the same counts', async () => {
    const full = json((await jixiao(ROOT, ['check', SEED, '--format', 'json'])).stdout).results[0];
    const quiet = await jixiao(ROOT, ['check', SEED, '--format', 'json', '--quiet']);
    expect(quiet.code).toBe(1);
    const result = json(quiet.stdout).results[0];
    expect(full?.findings.some((f) => f.outcome !== 'fail')).toBe(true);
    expect(result?.findings.map((f) => f.ruleId)).toEqual(full?.findings.filter((f) => f.outcome === 'fail').map((f) => f.ruleId));
    expect(result?.summary).toEqual(full?.summary);
    const text = await jixiao(ROOT, ['check', SEED, '--quiet']);
    expect(text.stdout).toContain('integrity/income-total');
    expect(text.stdout).not.toContain('[无法判断]');
  });

  it('--rule runs only the named rules (an id, a pack name or a glob); --severity only rules of those severities', async () => {
    const ids = async (...args: string[]) => {
      const r = await jixiao(ROOT, ['check', SEED, '--format', 'json', ...args]);
      return json(r.stdout).results[0]?.findings.map((f) => f.ruleId) ?? [];
    };
    expect(await ids('--rule', 'integrity/income-total')).toEqual(['integrity/income-total']);
    const integrity = await ids('--rule', 'integrity');
    expect(integrity.length).toBeGreaterThan(1);
    expect(integrity.every((id) => id.startsWith('integrity/'))).toBe(true);
    expect(await ids('--rule', 'integrity/*')).toEqual(integrity);
    expect((await ids('--rule', 'integrity/income-total,procurement/plan-in-place')).sort()).toEqual(['integrity/income-total', 'procurement/plan-in-place']);
    const warnings = json((await jixiao(ROOT, ['check', SEED, '--format', 'json', '--severity', 'warning'])).stdout);
    expect(warnings.rules.length).toBeGreaterThan(0);
    expect(warnings.rules.every((r) => r.severity === 'warning')).toBe(true);
  });

  it('a --rule that matches nothing, or an unknown --severity, is a usage error (never a check of nothing that passes)', async () => {
    const typo = await jixiao(ROOT, ['check', SEED, '--rule', 'integrity/income-totl']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--rule integrity/income-totl');
    expect(typo.stderr).toContain('integrity/income-total');
    const severity = await jixiao(ROOT, ['check', SEED, '--severity', 'fatal']);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toContain('error、warning、info');
    expect(severity.stderr).toContain('error, warning, info');
  });
});

describe('--ignore, dotfiles and Office lock files', () => {
  function batch(): string {
    const dir = tmp();
    mkdirSync(join(dir, 'forms/drafts'), { recursive: true });
    mkdirSync(join(dir, 'forms/.git'));
    copyFileSync(SEED, join(dir, 'forms/a.json'));
    copyFileSync(SEED, join(dir, 'forms/.hidden.json'));
    copyFileSync(SEED, join(dir, 'forms/.git/b.json'));
    copyFileSync(SEED, join(dir, 'forms/drafts/c.json'));
    writeFileSync(join(dir, 'forms/~$a.docx'), 'owner');
    return dir;
  }

  it('skips dotfiles, dot folders and ~$ lock files in a folder, and what --ignore names; the summary counts them', async () => {
    const dir = batch();
    const r = await jixiao(dir, ['check', 'forms', '--ignore', 'drafts', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).results.map((x) => x.source)).toEqual(['forms/a.json']);
    expect(json(r.stdout).unread).toEqual([]);
    expect(r.stderr).toContain('已忽略 4 个');
    expect(r.stderr).toMatch(/隐藏文件或文件夹 2.*Office 锁定文件 1.*--ignore 1/);
    const en = await jixiao(dir, ['check', 'forms', '--ignore', 'forms/drafts/**', '--locale', 'en']);
    expect(en.stderr).toMatch(/4 ignored \(hidden files or folders 2, Office lock files 1, --ignore 1\)/);
  });

  it('a glob skips them too; a file named on the command line is read whatever its name', async () => {
    const dir = batch();
    const glob = await jixiao(dir, ['check', 'forms/**/*.json', '--format', 'json']);
    expect(json(glob.stdout).results.map((x) => x.source)).toEqual(['forms/a.json', 'forms/drafts/c.json']);
    const named = await jixiao(dir, ['check', 'forms/.hidden.json', 'forms/~$a.docx', '--format', 'json']);
    expect(json(named.stdout).results.map((x) => x.source)).toEqual(['forms/.hidden.json']);
    expect(json(named.stdout).unread.map((u) => u.source)).toEqual(['forms/~$a.docx']);
    expect(named.code).toBe(3);
    // --ignore applies to named files as well.
    const ignored = await jixiao(dir, ['check', 'forms/a.json', 'forms/~$a.docx', '--ignore', '~$*', '--format', 'json']);
    expect(ignored.code).toBe(1);
    expect(json(ignored.stdout).unread).toEqual([]);
  });

  it('nothing to check — an empty folder, or every file skipped — is exit 2 with what was skipped, never a clean exit 0', async () => {
    const dir = batch();
    mkdirSync(join(dir, 'empty'));
    const empty = await jixiao(dir, ['check', 'empty']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/没有可检查的文件：empty（文件夹为空）/);
    const skipped = await jixiao(dir, ['check', 'forms', '--ignore', '*.json', '--locale', 'en']);
    expect(skipped.code).toBe(2);
    expect(skipped.stderr).toMatch(/nothing to check in forms \(5 skipped/);
    // A glob that matches nothing is still an unreadable input (exit 3), as before.
    expect((await jixiao(dir, ['check', 'none/*.docx'])).code).toBe(3);
  });
});

describe('jixiao rules', () => {
  it('lists the rules check runs, with severity and parameters in force; zh-CN by default, English with --locale en', async () => {
    const report = json((await jixiao(ROOT, ['check', SEED, '--format', 'json'])).stdout);
    const zh = await jixiao(ROOT, ['rules']);
    expect(zh.code).toBe(0);
    for (const rule of report.rules) expect(zh.stdout).toContain(rule.id);
    expect(zh.stdout).toMatch(/^integrity\/income-total +错误 +年度收入合计等于各项收入之和$/m);
    expect(zh.stdout).toMatch(/^ +参数 integrity\.incomeTotalTolerance +收入合计容差（万元） = 0\.03 万元$/m);
    expect(zh.stdout).toContain(`共 ${String(report.rules.length)} 条规则`);
    const en = await jixiao(ROOT, ['rules', '--locale', 'en']);
    expect(en.stdout).toMatch(/^integrity\/income-total +error +Total income equals the sum of its parts$/m);
    const listed = JSON.parse((await jixiao(ROOT, ['rules', '--format', 'json'])).stdout) as { id: string; severity: string }[];
    expect(listed.map((r) => r.id)).toEqual(report.rules.map((r) => r.id));
  });

  it('shows what the config changed, and takes the same filters as check', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jixiao.config.json'), JSON.stringify({ rules: { 'integrity/income-total': 'warning' }, parameters: { 'integrity.incomeTotalTolerance': 0.05 } }));
    const r = await jixiao(dir, ['rules', '--config', 'jixiao.config.json', '--rule', 'integrity/income-total']);
    expect(r.stdout).toMatch(/^integrity\/income-total +警告（默认错误） /m);
    expect(r.stdout).toContain('= 0.05 万元（配置设定）');
    expect(r.stdout).toContain('共 1 条规则');
  });
});

describe('--print-config', () => {
  it('prints the configuration in force as a config file that gives the same report', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jixiao.config.json'), JSON.stringify({ packs: ['standard'], rules: { 'procurement/plan-in-place': 'off' }, parameters: { 'integrity.incomeTotalTolerance': 0.05 } }));
    const printed = await jixiao(dir, ['check', '--print-config', '--config', 'jixiao.config.json']);
    expect(printed.code).toBe(0);
    const config = ConfigSchema.parse(JSON.parse(printed.stdout));
    expect(config.rules?.['procurement/plan-in-place']).toBe('off');
    expect(config.rules?.['integrity/income-total']).toBe('error');
    expect(config.parameters?.['integrity.incomeTotalTolerance']).toEqual([expect.objectContaining({ value: 0.05 })]);
    writeFileSync(join(dir, 'printed.json'), printed.stdout);
    const original = await jixiao(dir, ['check', SEED, '--config', 'jixiao.config.json', '--format', 'json']);
    const again = await jixiao(dir, ['check', SEED, '--config', 'printed.json', '--format', 'json']);
    // The same findings; only the rule list's `configured` marks differ (every parameter is now set by a config).
    expect(again.code).toBe(original.code);
    expect(json(again.stdout).results).toEqual(json(original.stdout).results);
    expect(json(again.stdout).rules.map((r) => [r.id, r.severity])).toEqual(json(original.stdout).rules.map((r) => [r.id, r.severity]));
    // With a filter, the rules it leaves out are off.
    const filtered = ConfigSchema.parse(JSON.parse((await jixiao(dir, ['check', '--print-config', '--rule', 'integrity/income-total'])).stdout));
    expect(Object.entries(filtered.rules ?? {}).filter(([, s]) => s !== 'off')).toEqual([['integrity/income-total', 'error']]);
  });

  it('check without paths (and without --print-config) is a usage error', async () => {
    const r = await jixiao(ROOT, ['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/paths/);
  });
});

describe('configuration errors say what is allowed, in zh-CN and en', () => {
  const run = async (text: string) => {
    const dir = tmp();
    writeFileSync(join(dir, 'jixiao.config.json'), text);
    return jixiao(dir, ['check', SEED, '--config', 'jixiao.config.json']);
  };

  it('invalid JSON: the line and column', async () => {
    const r = await run('{\n  "packs": ["standard"],\n  "rules": {},\n}\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jixiao.config.json:4:1: 不是有效的 JSON');
    expect(r.stderr).toContain('not valid JSON');
    expect(r.stderr).not.toMatch(/position \d+/);
  });

  it('a rule setting, a locale, an unknown key, a wrong type: each with the allowed values', async () => {
    const r = await run(JSON.stringify({ rules: { 'integrity/income-total': 'eror' }, locale: 'fr', colour: 1, packs: 'standard' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('配置无效 jixiao.config.json / invalid configuration jixiao.config.json');
    expect(r.stderr).toContain('rules.integrity/income-total: 值 "eror" 无效，应为 "off"、"error"、"warning"、"info"，或对象 / invalid value "eror"; expected "off", "error", "warning", "info", or object');
    expect(r.stderr).toContain('locale: 值 "fr" 无效，可选："zh-CN"、"en" / invalid value "fr"; allowed: "zh-CN", "en"');
    expect(r.stderr).toMatch(/未知的键 "colour"；可用的键：.*packs.*rules.*parameters.*locale/);
    expect(r.stderr).toContain('packs: 类型错误：应为数组，实为字符串 / wrong type: expected array, got string');
  });

  it('a parameter name that is not pack.parameterName says so with an example', async () => {
    const r = await run(JSON.stringify({ parameters: { tolerance: 1 } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('integrity.incomeTotalTolerance');
  });
});

describe('exit codes are documented', () => {
  it('in jixiao --help and in the README', async () => {
    const help = (await jixiao(ROOT, ['--help'])).stdout;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of ['0', '1', '2', '3']) {
      expect(help).toMatch(new RegExp(`^  ${code}  `, 'm'));
      expect(readme).toMatch(new RegExp(`^\\| \\*\\*${code}\\*\\* \\|`, 'm'));
    }
  });
});
