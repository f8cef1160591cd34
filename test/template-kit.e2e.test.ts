/** `jixiao template init | validate | test` through the built CLI: a province writes its form as a template, no code. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('jixiao template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-template-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const form = join(dir, 'my-form');
  beforeAll(() => {
    expect(run('template', 'init', form, '--id', 'my-form').status).toBe(0);
  });

  it('init scaffolds a template and a case that validate and pass', () => {
    const validated = run('template', 'validate', form);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain('✓ my-form');
    const tested = run('template', 'test', form);
    expect(tested.stdout).toContain('1/1');
    expect(tested.status).toBe(0);
  });

  it('validate names an unknown field path and a catastrophic pattern with file and line, exit 2', () => {
    const file = join(form, 'template.yaml');
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, text.replace('path: staffing.actual', 'path: staffing.actaul'));
      const unknown = run('template', 'validate', form);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/template\.yaml:24:\d+ {2}错误 {2}“staffing\.actaul”不是规范模型中的字段路径；是否应为 staffing\.actual？ {2}\[fields\.2\.path\]/);
      writeFileSync(file, `${text}  - path: income.total\n    type: money\n    pattern: "(\\\\d+)+万元"\n`);
      const catastrophic = run('template', 'validate', form);
      expect(catastrophic.status).toBe(2);
      expect(catastrophic.stderr).toMatch(/template\.yaml:\d+:\d+ {2}错误 {2}正则表达式可能灾难性回溯.*\[prose\.1\.pattern\]/);
    } finally {
      writeFileSync(file, text);
    }
  });

  it('test reports a field read wrong, exit 1', () => {
    const expected = join(form, 'cases', 'example.expected.json');
    const original = readFileSync(expected, 'utf8');
    try {
      writeFileSync(expected, original.replace('"staffing.actual": 28', '"staffing.actual": 27'));
      const r = run('template', 'test', form);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('staffing.actual: 28 ≠ 27');
    } finally {
      writeFileSync(expected, original);
    }
  });
});
