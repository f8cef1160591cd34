// Packs, configs and parameters from others: a pack cannot replace another by taking its name, a short name
// means the pack installed with the CLI, a package cannot point outside itself, and a parameter of the wrong type
// or a key written twice is a configuration error (exit 2) — never a silent pass.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '@jixiao/core';
import { minimalRule } from '@jixiao/testing';
import { folders, jixiao, ROOT, SEED } from './cli-run.js';

const { tmp } = folders('jixiao-cli-packs-');

/** A valid pack folder with no rules, named `name`. */
function emptyPack(dir: string, name: string): string {
  mkdirSync(join(dir, 'src/rules'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name, version: '1.0.0', title: { 'zh-CN': '冒名', en: 'impostor' } }));
  return dir;
}

describe('pack identity', () => {
  it('refuses a folder pack that takes the name of a selected pack, naming both sources (the bundled rules used to vanish, exit 1 → 0)', async () => {
    const dir = tmp();
    emptyPack(join(dir, 'fake'), 'integrity');
    const r = await jixiao(dir, ['check', SEED, '--pack', './fake', '--pack', 'standard']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('two selected packs are named integrity');
    expect(r.stderr).toContain(join(dir, 'fake'));
    expect(r.stderr).toContain(join(ROOT, 'rules/integrity'));
    expect(r.stdout).toBe('');
  });

  it('takes the same pack reached twice (the preset and its short name) once', async () => {
    const r = await jixiao(ROOT, ['check', SEED, '--pack', 'standard', '--pack', 'integrity', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ResultDocument;
    expect(doc.results[0]?.findings.filter((f) => f.ruleId === 'integrity/income-total')).toHaveLength(1);
  });

  it('resolves a short name to the installed pack, not to a folder of that name in the working directory', async () => {
    const dir = tmp();
    emptyPack(join(dir, 'integrity'), 'integrity');
    const r = await jixiao(dir, ['check', SEED, '--pack', 'integrity', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ResultDocument;
    expect(doc.results[0]?.findings.find((f) => f.ruleId === 'integrity/income-total')?.outcome).toBe('fail');
    // Written as a path, the folder is meant: its pack is loaded (and has no rules).
    const asPath = await jixiao(dir, ['check', SEED, '--pack', './integrity', '--format', 'json']);
    expect(asPath.code).toBe(0);
    expect((JSON.parse(asPath.stdout) as ResultDocument).results[0]?.findings).toEqual([]);
  });

  it('refuses a package whose jixiao.pack pointer leaves the package', async () => {
    const dir = tmp();
    emptyPack(join(dir, 'outside'), 'outside');
    mkdirSync(join(dir, 'node_modules/escaping-pack'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/escaping-pack/package.json'), JSON.stringify({ name: 'escaping-pack', version: '1.0.0', jixiao: { pack: '../../outside/pack.json' } }));
    const r = await jixiao(dir, ['check', SEED, '--pack', 'escaping-pack']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jixiao.pack points outside its package (../../outside/pack.json)');
  });
});

describe('typed parameters', () => {
  it.each([['"0.05"'], ['"abc"'], ['null'], ['"10%"'], ['[{"from":"2000-01-01","value":"0.05","basis":"x"}]']])(
    'refuses the tolerance %s for a money parameter as a configuration error in zh-CN and en (it used to pass "264.47 与 267.47 相符")',
    async (value) => {
      const dir = tmp();
      writeFileSync(join(dir, 'jixiao.config.json'), `{"packs": ["integrity"], "parameters": {"integrity.incomeTotalTolerance": ${value}}}`);
      const r = await jixiao(dir, ['check', SEED, '--config', 'jixiao.config.json']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('配置无效 jixiao.config.json');
      expect(r.stderr).toMatch(/参数 integrity\.incomeTotalTolerance 的值 .+ 类型错误：应为金额.*例如 0\.05/);
      expect(r.stderr).toMatch(/parameter integrity\.incomeTotalTolerance: .+ is of the wrong type: expected an amount in 万元.*e\.g\. 0\.05/);
    },
  );

  it('still applies a well-typed override', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jixiao.config.json'), JSON.stringify({ packs: ['integrity'], parameters: { 'integrity.incomeTotalTolerance': 5 } }));
    expect((await jixiao(dir, ['check', SEED, '--config', 'jixiao.config.json'])).code).toBe(0);
  });

  it('refuses a pack whose rule declares a value of the wrong type, with the file', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'p/src/rules'), { recursive: true });
    writeFileSync(join(dir, 'p/pack.json'), JSON.stringify({ name: 'typed', version: '1.0.0', title: { 'zh-CN': '类型', en: 'typed' } }));
    // The value '10' is ill-typed on purpose: plain data spread over the minimal rule.
    const rule = {
      ...minimalRule('typed/limit', {
        checks: [{ id: 'over', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: { fact: 'params', path: 'typed.limit' } }] }, message: { 'zh-CN': '超过', en: 'over' } }],
      }),
      parameters: [{ name: 'limit', title: { 'zh-CN': '上限', en: 'limit' }, type: 'integer', values: [{ from: '2000-01-01', value: '10', basis: 'x' }] }],
    };
    writeFileSync(join(dir, 'p/src/rules/limit.json'), JSON.stringify(rule));
    const r = await jixiao(dir, ['check', SEED, '--pack', './p']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/limit\.json typed\/limit at parameters\.0\.values\.0\.value: 参数 limit 的值 "10" 类型错误：应为整数/);
  });
});

describe('keys written twice', () => {
  it('refuses a config with a duplicate key, with the line (JSON.parse would keep the last one in silence)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jixiao.config.json'), '{\n  "packs": ["integrity"],\n  "rules": {\n    "integrity/income-total": "off",\n    "integrity/income-total": "error"\n  }\n}\n');
    const r = await jixiao(dir, ['check', SEED, '--config', 'jixiao.config.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jixiao.config.json:5');
    expect(r.stderr).toContain('key "integrity/income-total" appears twice in the same object (rules)');
  });

  it('refuses a pack rule file with a duplicate key, with file and line', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'p/src/rules'), { recursive: true });
    writeFileSync(join(dir, 'p/pack.json'), '{"name": "dup", "version": "1.0.0", "title": {"zh-CN": "重复", "en": "dup"}, "name": "integrity"}');
    const r = await jixiao(dir, ['check', SEED, '--pack', './p']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pack\.json:1: .*key "name" appears twice/);
  });
});
