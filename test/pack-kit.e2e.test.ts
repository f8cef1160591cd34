// The pack authoring kit through the built CLI: init → edit → validate → test → docs → use, and the example
// provincial pack in examples/hunan-pack loaded by path, with waivers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema } from '@jixiao/core';
import { tempDir } from './setup/temp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const HUNAN = join(ROOT, 'examples/hunan-pack');

function jixiao(args: string[], cwd = ROOT) {
  // Another test file (cli.e2e) rebuilds the bundle in parallel, and tsup empties dist/ first: while the bundle
  // is missing, wait for it rather than fail on a half-written dist/.
  for (let attempt = 0; ; attempt++) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const missing = r.status !== 0 && /ERR_MODULE_NOT_FOUND|Cannot find module/.test(r.stderr) && r.stderr.includes('dist');
    if (!missing || attempt >= 40) return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

/** Newest modification time of the sources bundled into the bin. */
// The bundle is built once for the whole run by test/setup/build-cli.ts.

// Each test runs the built CLI two to five times, one after the other on the pack the first one made (so they cannot be
// split): up to 3.2 s in the merge train, 11.5-29.9 s beside three busy loops (load 9.5), against the 30 s default.
// A chain of steps on one pack: kept in order under `--sequence.shuffle` (seed 1812 ran them out of order and failed).
describe('jixiao pack: init → validate → test → docs → check', { timeout: 120_000, shuffle: false }, () => {
  const tmp = tempDir('jixiao-pack-');
  const dir = join(tmp, 'yueyang');

  it('scaffolds a data-only pack that validates, passes its own cases and has current docs', () => {
    const init = jixiao(['pack', 'init', dir]);
    expect(init.code, init.stderr).toBe(0);
    for (const f of ['pack.json', 'src/rules/staffing-score.json', 'cases/example.yaml', 'docs/staffing-score.md', 'schema/rule.schema.json', 'schema/cases.schema.json']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect((JSON.parse(readFileSync(join(dir, 'src/rules/staffing-score.json'), 'utf8')) as { $schema: string }).$schema).toBe('../../schema/rule.schema.json');
    expect(jixiao(['pack', 'validate', dir]).code).toBe(0);
    const test = jixiao(['pack', 'test', dir, '--locale', 'en']);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('Cases: 3, 3 passed, 0 failed, 0 invalid');
    expect(test.stdout).toContain('Rule coverage: 1/1 rules tested');
    expect(jixiao(['pack', 'docs', dir, '--check']).code).toBe(0);
    expect(jixiao(['pack', 'init', dir]).code).toBe(2); // not empty
  });

  it('reports a misspelt fact path with file, line and suggestion, and refuses to test', () => {
    const file = join(dir, 'src/rules/staffing-score.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"path": "staffingControlRate"', '"path": "staffingControlRat"'));
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('staffingControlRat"')) + 1;
    const r = jixiao(['pack', 'validate', dir, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`staffing-score.json:${String(line)}:`);
    expect(r.stderr).toContain('did you mean indicators.staffingControlRate?');
    expect(jixiao(['pack', 'test', dir]).code).toBe(1);
    writeFileSync(file, text);
  });

  it('fails a case whose expectation is wrong, like a test runner, and marks docs stale after an edit', () => {
    const cases = join(dir, 'cases/example.yaml');
    writeFileSync(cases, readFileSync(cases, 'utf8').replace('message: "95.45%"', 'message: "96%"'));
    const r = jixiao(['pack', 'test', dir, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ 21 人 / 22 个编制，未超编');
    expect(r.stdout).toContain('the message does not contain "96%"');
    const rule = join(dir, 'src/rules/staffing-score.json');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('在职人员控制率得分', '在职人员控制率评分'));
    expect(jixiao(['pack', 'docs', dir, '--check']).code).toBe(1);
    expect(jixiao(['pack', 'docs', dir]).code).toBe(0);
    expect(readFileSync(join(dir, 'docs/staffing-score.md'), 'utf8')).toContain('在职人员控制率评分');
  });
});

// Runs of the built CLI too: up to 16.6 s a test beside three busy loops (load 9.5); the same limit as above.
describe('examples/hunan-pack', { timeout: 120_000 }, () => {
  it('validates and passes its case files with full branch and condition coverage', () => {
    expect(jixiao(['pack', 'validate', 'examples/hunan-pack']).code).toBe(0);
    const r = jixiao(['pack', 'test', 'examples/hunan-pack', '--locale', 'en']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Cases: (\d+), \1 passed, 0 failed, 0 invalid/);
    expect(r.stdout).toContain('hunan/staffing-control-score  branches 5/5  conditions (seen true and false) 3/3');
    expect(r.stdout).toContain('hunan/three-public-change-score  branches 5/5  conditions (seen true and false) 3/3');
    expect(jixiao(['pack', 'docs', 'examples/hunan-pack', '--check']).code).toBe(0);
  });

  it('scores the 2018 sample through `jixiao check --pack ./examples/hunan-pack`', () => {
    const r = jixiao(['check', 'examples/hunan-pack/forms/sample-2018.json', '--pack', './examples/hunan-pack', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = ResultDocumentSchema.parse(JSON.parse(r.stdout));
    const byRule = Object.fromEntries((doc.results[0]?.findings ?? []).map((f) => [f.ruleId, f]));
    expect(byRule['hunan/staffing-control-score']).toMatchObject({ outcome: 'pass', data: { rate: 95.1, points: 8 } });
    expect(byRule['hunan/three-public-change-score']).toMatchObject({ outcome: 'fail', messageId: 'no-points', data: { rate: 98.31, points: 0 } });
  });

  it('waives a failure for the unit until the expiry date, then warns; reports unused waivers', () => {
    const args = ['check', 'examples/hunan-pack/forms/sample-2018.json', '--pack', './examples/hunan-pack', '--waivers', 'examples/hunan-pack/waivers.yaml', '--format', 'json', '--locale', 'en'];
    const before = jixiao([...args, '--today', '2019-12-31']);
    expect(before.code, before.stderr).toBe(0);
    const waived = ResultDocumentSchema.parse(JSON.parse(before.stdout)).results[0];
    expect(waived?.summary).toMatchObject({ waived: 1, fail: 0, warnings: 0 });
    expect(waived?.findings.find((f) => f.ruleId === 'hunan/three-public-change-score')?.waiver?.expires).toBe('2019-12-31');
    expect(before.stderr).toContain('1 finding(s) waived');

    const after = jixiao([...args, '--today', '2020-01-01']);
    const expired = ResultDocumentSchema.parse(JSON.parse(after.stdout)).results[0];
    expect(expired?.summary).toMatchObject({ waived: 0, fail: 2, warnings: 2 });
    expect(expired?.findings.map((f) => f.ruleId)).toContain('waiver/expired');
    expect(after.stderr).toContain('warning: waiver expired on 2019-12-31');

    const other = jixiao(['check', 'examples/beita-justice-2020/evaluation.json', '--pack', './examples/hunan-pack', '--waivers', 'examples/hunan-pack/waivers.yaml', '--today', '2019-01-01', '--locale', 'en', '--format', 'json']);
    expect(other.stderr).toContain('unused waiver: hunan/three-public-change-score @ 示例县某局 2018 — no form of 示例县某局 for 2018 was checked');
  });

  it('its files match the published JSON Schemas (editors validate them the same way)', () => {
    const compile = (json: object) => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      return ajv.compile(json);
    };
    const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'packages/core/schema', name), 'utf8')) as object;
    const check = (name: string, data: unknown) => {
      const validate = compile(schema(name));
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    };
    check('pack.schema.json', JSON.parse(readFileSync(join(HUNAN, 'pack.json'), 'utf8')));
    for (const r of ['staffing-control-score', 'three-public-change-score']) check('rule.schema.json', JSON.parse(readFileSync(join(HUNAN, 'src/rules', `${r}.json`), 'utf8')));
    for (const c of ['staffing-control-score', 'three-public-change-score']) check('cases.schema.json', parseYaml(readFileSync(join(HUNAN, 'cases', `${c}.yaml`), 'utf8')));
    check('waivers.schema.json', parseYaml(readFileSync(join(HUNAN, 'waivers.yaml'), 'utf8')));
    const bad = compile(schema('cases.schema.json'));
    expect(bad({ cases: [{ name: 'x', expect: { 'a/b': { outcome: 'fail' } } }] })).toBe(false);
  });

  it('keeps its copy of the seed form text (a case reads it: a pack reads no file outside its folder) equal to the seed', () => {
    expect(readFileSync(join(HUNAN, 'forms/beita-justice-2020.txt'))).toEqual(readFileSync(join(ROOT, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt')));
  });

  it('validates and tests from a copy outside the repository (the pack needs no file outside its folder)', () => {
    const copy = join(tempDir('jixiao-hunan-'), 'hunan');
    cpSync(HUNAN, copy, { recursive: true });
    expect(jixiao(['pack', 'validate', copy], tmpdir()).code).toBe(0);
    expect(jixiao(['pack', 'test', copy], tmpdir()).code).toBe(0);
  });
});
