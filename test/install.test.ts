// `npm install` leaves every workspace package importable: its `prepare` step builds them all (not the CLI and the
// workbench alone), and each library's built entry imports in plain Node, without the `@jixiao/source` condition
// the tests use, with its documented API.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

/** Workspace packages (under packages/) with a build script, and the file their `import` export points at. */
const built = (['core', 'import', 'templates', 'adapters', 'testing', 'standard'] as const).map((dir) => {
  const pkg = json(`packages/${dir}/package.json`) as { name: string; scripts?: Record<string, string>; exports: { '.': { import: string } } };
  return { dir, name: pkg.name, build: pkg.scripts?.build, entry: join(ROOT, 'packages', dir, pkg.exports['.'].import) };
});

describe('npm install', () => {
  it('builds every workspace package in prepare (turbo run build, with no filter)', () => {
    const prepare = (json('package.json').scripts as Record<string, string>).prepare ?? '';
    expect(prepare).toMatch(/^turbo run build\b/);
    expect(prepare).not.toContain('--filter');
    for (const b of built) expect(b.build, b.name).toBeDefined();
  });

  it.each(built.map((b) => [b.name, b]))('%s imports in plain Node from its built entry', (_name, b) => {
    expect(existsSync(b.entry), b.entry).toBe(true);
    const probe = `const m = await import(${JSON.stringify(b.name)}); console.log(Object.keys(m).length);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThan(0);
  });

  it('the standard preset is a package of its own: checks a form in plain Node', () => {
    const probe = [
      "import { createChecker, parseEvaluation } from '@jixiao/core';",
      "import { standardPacks } from '@jixiao/standard';",
      "import { readFileSync } from 'node:fs';",
      "const e = parseEvaluation(JSON.parse(readFileSync('examples/beita-justice-2020/evaluation.json', 'utf8')));",
      'const r = await createChecker(standardPacks()).checkEvaluation(e);',
      "console.log(r.findings.find((f) => f.ruleId === 'integrity/income-total').outcome);",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('fail');
  }, 30_000);
});
