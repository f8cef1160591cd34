// Hostile input: files and packs written by someone else must neither run code, nor escape their folder, nor
// pollute prototypes, nor exhaust memory, and a rule that throws costs only that rule.
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { execute, type CliIo } from '@jixiao/cli';
import { PackLoadError, type ResultDocument } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { baseEvaluation } from '@jixiao/testing';
import { tempDir } from '../setup/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function memoryIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const decoder = new TextDecoder();
  const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : decoder.decode(c)), stderr: (c) => err.push(c), cwd, env: {}, stdoutIsTTY: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function jixiao(cwd: string, args: string[]) {
  const m = memoryIo(cwd);
  const code = await execute(args, m.io);
  return { code, stdout: m.out(), stderr: m.err() };
}

const tmp = () => tempDir('jixiao-hostile-');

const rule = (id: string, leaf: Record<string, unknown>) => ({
  id,
  title: { 'zh-CN': '测试', en: 'test' },
  severity: 'error',
  basis: [{ instrument: '测试' }],
  paths: ['staffing.actual'],
  checks: [{ id: 'bad', when: { all: [leaf] }, message: { 'zh-CN': '不通过', en: 'fails' } }],
  pass: { 'zh-CN': '通过', en: 'passes' },
});

function makePack(dir: string, rules: Record<string, unknown>[], manifest: Record<string, unknown> = {}): string {
  mkdirSync(join(dir, 'src/rules'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'hostile', version: '1.0.0', title: { 'zh-CN': '测试', en: 'test' }, ...manifest }));
  for (const r of rules) writeFileSync(join(dir, `src/rules/${String(r.id).split('/')[1] ?? ''}.json`), JSON.stringify(r));
  return dir;
}

describe('prototype pollution', () => {
  it('leaves Object.prototype alone after __proto__ and constructor keys go through the whole CLI path', async () => {
    const dir = tmp();
    const form = JSON.stringify(baseEvaluation()).slice(0, -1);
    // Written as text: JSON.parse turns "__proto__" into an own property, which a careless merge would follow.
    writeFileSync(join(dir, 'top.json'), `${form},"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}}}`);
    writeFileSync(join(dir, 'nested.json'), form.replace('"staffing":{', '"staffing":{"__proto__":{"polluted":"nested"},') + '}');
    writeFileSync(join(dir, 'answers.json'), form.replace('"answerResolution"', '"x"') + ',"answerResolution":{"__proto__":{"polluted":"answers"}}}');
    for (const format of ['json', 'text', 'sarif', 'csv', 'html']) {
      const r = await jixiao(dir, ['check', '.', '--format', format, '--jobs', '1']);
      expect(r.code).toBe(3); // unknown keys make the forms invalid: each is listed with its reason
      expect(r.stderr).toMatch(/top\.json/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('oversized and deeply nested JSON', () => {
  it('refuses a 100 MB file with a clear reason instead of reading it', async () => {
    const dir = tmp();
    const fd = openSync(join(dir, 'huge.json'), 'w');
    const chunk = `"${'x'.repeat(1024 * 1024 - 3)}",`;
    writeSync(fd, '[');
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    writeSync(fd, '0]');
    closeSync(fd);
    const r = await jixiao(dir, ['check', 'huge.json', '--locale', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/huge\.json[\s\S]*too large/);
  });

  it('reports a JSON nested 200,000 levels deep as unreadable, and goes on with the next file', async () => {
    const dir = tmp();
    const depth = 200_000;
    writeFileSync(join(dir, 'a-deep.json'), `${'['.repeat(depth)}${']'.repeat(depth)}`);
    writeFileSync(join(dir, 'b-deep-object.json'), `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    writeFileSync(join(dir, 'c-good.json'), JSON.stringify(baseEvaluation()));
    const r = await jixiao(dir, ['check', '.', '--format', 'json', '--locale', 'en']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as ResultDocument;
    expect(doc.results.map((x) => x.source)).toEqual(['c-good.json']);
    expect(r.stderr).toMatch(/a-deep\.json\n {4}\S/);
    expect(r.stderr).toMatch(/b-deep-object\.json\n {4}\S/);
  });
});

describe('packs from others', () => {
  const jsonPaths = ['$..actual', '$.staffing[?(@.actual > 1)]', 'actual[(@.length-1)]', '..actual', "a['b']", '@.x', 'a.b()'];

  it.each(jsonPaths)('rejects the JSONPath expression %s in a condition path at load time', (expr) => {
    const dir = makePack(tmp(), [rule('hostile/path', { fact: 'staffing', path: expr, operator: 'equal', value: 1 })]);
    expect(() => loadPackFromDir(dir)).toThrow(PackLoadError);
    expect(() => loadPackFromDir(dir)).toThrow(/JSONPath/);
  });

  it('rejects a JSONPath expression in a compared fact reference, and the CLI refuses the pack', async () => {
    const dir = makePack(tmp(), [rule('hostile/ref', { fact: 'staffing', path: 'actual', operator: 'equal', value: { fact: 'staffing', path: '$..[?(@.constructor)]' } })]);
    expect(() => loadPackFromDir(dir)).toThrow(/JSONPath/);
    const r = await jixiao(ROOT, ['check', 'examples/beita-justice-2020/evaluation.json', '--pack', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/JSONPath/);
  });

  it('refuses a rules folder outside the pack (a ".." path)', () => {
    const root = tmp();
    makePack(join(root, 'outside'), [rule('hostile/ok', { fact: 'staffing', path: 'actual', operator: 'equal', value: 1 })]);
    const dir = makePack(join(root, 'pack'), [], { rules: '../outside/src/rules' });
    expect(() => loadPackFromDir(dir)).toThrow(/outside the pack folder/);
  });

  it('refuses a rule file that is a symbolic link to a file outside the pack', () => {
    const root = tmp();
    makePack(join(root, 'outside'), [rule('hostile/linked', { fact: 'staffing', path: 'actual', operator: 'equal', value: 1 })]);
    const dir = makePack(join(root, 'pack'), []);
    symlinkSync(join(root, 'outside/src/rules/linked.json'), join(dir, 'src/rules/linked.json'));
    expect(() => loadPackFromDir(dir)).toThrow(/outside the pack folder/);
  });

  it('refuses a rules folder that is a symbolic link out of the pack', () => {
    const root = tmp();
    makePack(join(root, 'outside'), [rule('hostile/linked', { fact: 'staffing', path: 'actual', operator: 'equal', value: 1 })]);
    const dir = join(root, 'pack');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'hostile', version: '1.0.0', title: { 'zh-CN': '测试', en: 'test' } }));
    symlinkSync(join(root, 'outside/src/rules'), join(dir, 'src/rules'));
    expect(() => loadPackFromDir(dir)).toThrow(PackLoadError);
  });
});

describe('a rule that throws at run time', () => {
  it('is reported as that rule’s internal error for that form, while every other rule still runs', async () => {
    // `in` against a number: json-rules-engine calls `value.indexOf`, which throws.
    const dir = makePack(tmp(), [
      rule('hostile/throws', { fact: 'staffing', path: 'actual', operator: 'in', value: 5 }),
      rule('hostile/fine', { fact: 'staffing', path: 'actual', operator: 'greaterThan', value: 1_000_000 }),
    ]);
    const r = await jixiao(ROOT, ['check', 'examples/beita-justice-2020/evaluation.json', '--pack', 'standard', '--pack', dir, '--format', 'json', '--locale', 'en']);
    const doc = JSON.parse(r.stdout) as ResultDocument;
    const [result] = doc.results;
    const bad = result?.findings.find((f) => f.ruleId === 'hostile/throws');
    expect(bad?.outcome).toBe('indeterminate');
    expect(bad?.internalError).toMatch(/indexOf is not a function/);
    expect(result?.findings.find((f) => f.ruleId === 'hostile/fine')?.outcome).toBe('pass');
    const others = result?.findings.filter((f) => !f.ruleId.startsWith('hostile/')) ?? [];
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((f) => f.internalError === undefined)).toBe(true);
    // The same form without the hostile pack gives the same findings for every other rule.
    const plain = JSON.parse((await jixiao(ROOT, ['check', 'examples/beita-justice-2020/evaluation.json', '--format', 'json', '--locale', 'en'])).stdout) as ResultDocument;
    expect(others).toEqual(plain.results[0]?.findings);
    expect(readFileSync(join(dir, 'pack.json'), 'utf8')).toContain('hostile');
  });
});
