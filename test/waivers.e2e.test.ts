// The exit status of `jixiao check --waivers` (built bin): a waived error no longer fails the run; an expired or
// unused waiver leaves the failure standing. Exit codes are a public contract (README: 0 / 1 / 2 / 3).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './setup/temp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const SEED = 'examples/beita-justice-2020/evaluation.json';
const PACKS = ['--pack', 'integrity', '--pack', 'staffing'];

function jixiao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = tempDir('jixiao-waivers-');
function waiverFile(unit: string, rule = 'integrity/income-total'): string {
  const file = join(dir, `${unit}-${rule.replace('/', '_')}.yaml`);
  writeFileSync(file, `waivers:\n  - rule: ${rule}\n    unit: ${unit}\n    year: 2020\n    reason: 合计差额为上年结转，已核实\n    approver: 区财政局绩效科\n    expires: 2030-12-31\n`);
  return file;
}

describe('exit status with waivers (the seed fails one rule at error: integrity/income-total)', () => {
  it('is 1 without waivers', () => {
    expect(jixiao(['check', SEED, ...PACKS]).code).toBe(1);
  });

  it.each([['text'], ['json']])('is 0 once that failure is waived (%s report)', (format) => {
    const r = jixiao(['check', SEED, ...PACKS, '--format', format, '--waivers', waiverFile('北塔区司法局'), '--today', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已豁免 1 项');
  });

  it('is 1 again once the waiver has expired', () => {
    const r = jixiao(['check', SEED, ...PACKS, '--waivers', waiverFile('北塔区司法局'), '--today', '2031-01-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('豁免已过期');
  });

  it('is 1 when the waiver is for another unit', () => {
    const r = jixiao(['check', SEED, ...PACKS, '--waivers', waiverFile('南湖区财政局'), '--today', '2026-01-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未使用的豁免');
  });

  it('is 0 with the rating pack too: the self-rating check no longer counts the waived error', () => {
    const r = jixiao(['check', SEED, ...PACKS, '--pack', 'rating', '--format', 'json', '--waivers', waiverFile('北塔区司法局'), '--today', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { findings: { ruleId: string; outcome: string; message: string }[] }[] };
    expect(doc.results[0]?.findings.find((f) => f.ruleId === 'rating/self-rating-supported')).toMatchObject({ outcome: 'pass', message: expect.stringContaining('错误级不通过 0 项') as string });
  });

  it('is 2 (usage) for a waiver file that is not valid YAML: the kind in Chinese (English with --locale en), with file:line:column, never the parser\'s English (issue 15)', () => {
    const file = join(dir, 'bad-indent.yaml');
    writeFileSync(file, 'waivers:\n  - rule: integrity/income-total\n    unit: 北塔区司法局\n   reason: 合计差额为上年结转\n');
    const zh = jixiao(['check', SEED, ...PACKS, '--waivers', file]);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain(`豁免文件无效 ${file}:\n  ${file}:4:1: 不是有效的 YAML：缺少字符（如列表项前的“- ”、键后的“:”、结尾的引号或括号）`);
    expect(zh.stderr).not.toMatch(/Sequence item|indicator/);
    const en = jixiao(['check', SEED, ...PACKS, '--waivers', file, '--locale', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`${file}:4:1: not valid YAML: a character is missing`);
  });

  it('is 2 (usage) when a waiver names a rule that is not loaded, before any form is checked', () => {
    const misspelt = jixiao(['check', SEED, ...PACKS, '--waivers', waiverFile('北塔区司法局', 'integrity/incme-total'), '--today', '2026-01-01']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toMatch(/integrity_incme-total\.yaml:2:\d+ waivers\.0\.rule: 规则 integrity\/incme-total 未加载/);
    expect(misspelt.stdout).toBe('');
    // A rule of a pack that is not selected is not loaded either.
    expect(jixiao(['check', SEED, ...PACKS, '--waivers', waiverFile('北塔区司法局', 'budget/expenditure-within-income'), '--today', '2026-01-01']).code).toBe(2);
  });
});
