// The pack authoring kit, in process: errors a policy team can act on (a missing translation, a failing case
// without its check, a misspelt placeholder: each named, in zh-CN and English), `pack validate` making the case
// files' reference checks `pack test` makes and validating the templates a pack carries, `pack init --name`
// used as given or refused, `pack facts`, the scaffolded rule schema offering fact paths, and coverage that
// counts failing cases.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../execute.js';
import type { CliIo } from '../io.js';
import { tempDir } from '../../../../test/setup/temp.js';

const dir = tempDir('jixiao-pack-kit-');

function memoryIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)),
    stderr: (c) => err.push(c),
    cwd,
    env: {},
    stdoutIsTTY: false,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function jixiao(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir);
  const code = await execute(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** A fresh scaffolded pack in `name`, with one file edited by `edit`. */
async function pack(name: string, file?: string, edit?: (text: string) => string): Promise<string> {
  expect((await jixiao(['pack', 'init', name])).code).toBe(0);
  if (file !== undefined && edit !== undefined) writeFileSync(join(dir, name, file), edit(readFileSync(join(dir, name, file), 'utf8')));
  return name;
}

const RULE = 'src/rules/staffing-score.json';
const CASES = 'cases/example.yaml';

describe('pack validate: errors named, in both languages', () => {
  it('a missing translation', async () => {
    const p = await pack('no-en', RULE, (t) => {
      const rule = JSON.parse(t) as { title: Record<string, string> };
      delete rule.title.en;
      return JSON.stringify(rule, null, 2);
    });
    const zh = await jixiao(['pack', 'validate', p]);
    expect(zh.code).toBe(1);
    expect(zh.err).toMatch(/staffing-score\.json:\d+:\d+ {2}错误 {2}缺少英文（en）译文 {2}\[no-en\/staffing-score title\.en\]/);
    expect((await jixiao(['pack', 'validate', p, '--locale', 'en'])).err).toContain('missing the English (en) translation');
  });

  it('a failing case without its check', async () => {
    const p = await pack('no-check', CASES, (t) => t.replace('{ outcome: fail, check: over-quota, message: "113.64%" }', '{ outcome: fail }'));
    const r = await jixiao(['pack', 'validate', p]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/example\.yaml:12:\d+ {2}错误 {2}期望不通过（fail）时须写明 check/);
    expect((await jixiao(['pack', 'validate', p, '--locale', 'en'])).err).toContain('an expected failure must name its check (the failure mode that fires), e.g. { outcome: fail, check: over-quota }');
  });

  it('a misspelt placeholder, with the one it meant', async () => {
    const p = await pack('limt', RULE, (t) => t.replace('超过 {limit}%', '超过 {limt}%'));
    const r = await jixiao(['pack', 'validate', p]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/staffing-score\.json:\d+:\d+ {2}错误 {2}占位符 \{limt\} 在 data 中没有定义；是否应为 \{limit\}？/);
    expect((await jixiao(['pack', 'validate', p, '--locale', 'en'])).err).toContain('placeholder {limt} has no entry in "data"; did you mean {limit}?');
  });
});

describe('pack validate: the case files’ reference checks', () => {
  it('a case naming a check its rule does not have is an error in validate, with its line, as in test', async () => {
    const p = await pack('bad-check', CASES, (t) => t.replace('check: over-quota', 'check: over-quot'));
    const r = await jixiao(['pack', 'validate', p, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/example\.yaml:12:\d+ {2}error {2}rule bad-check\/staffing-score has no check over-quot \(it has: over-quota\); did you mean over-quota\?/);
  });

  it('a case naming a rule the pack does not have, and a file that is not there', async () => {
    const p = await pack('bad-ref', CASES, (t) => t.replace('      bad-ref/staffing-score: indeterminate', '      bad-ref/staffing-scor: indeterminate').replace("    patch: { staffing: { authorized: null } }", '    evaluationFile: missing.json'));
    const r = await jixiao(['pack', 'validate', p, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the pack has no rule bad-ref/staffing-scor; did you mean bad-ref/staffing-score?');
    expect(r.err).toMatch(/example\.yaml:\d+:\d+ {2}error {2}cannot read missing\.json/);
  });
});

describe('pack validate: the templates a pack carries', () => {
  it('are validated as jixiao template validate validates them', async () => {
    const p = await pack('with-templates', 'pack.json', (t) => t.replace('"rules": "src/rules"', '"rules": "src/rules",\n  "templates": "templates"'));
    mkdirSync(join(dir, p, 'templates'));
    writeFileSync(join(dir, p, 'templates', 'bad.json'), JSON.stringify({ id: 'Bad Id' }));
    const r = await jixiao(['pack', 'validate', p, '--locale', 'en']);
    expect(r.code).toBe(1);
    const direct = await jixiao(['template', 'validate', join(dir, p, 'templates'), '--locale', 'en']);
    expect(direct.code).toBe(2);
    for (const line of direct.err.trim().split('\n')) expect(r.err).toContain(line);
    expect(r.err).toContain('the templates the pack carries have errors');
  });
});

describe('pack init --name', () => {
  it('uses a kebab-case name as given', async () => {
    const r = await jixiao(['pack', 'init', 'named', '--name', 'hunan-scoring']);
    expect(r.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'named', 'pack.json'), 'utf8')) as { name: string }).name).toBe('hunan-scoring');
  });

  it.each([['My Pack'], ['123'], ['中文']])('refuses %j with an example, and writes nothing', async (name) => {
    const r = await jixiao(['pack', 'init', `refused-${String(name.length)}`, '--name', name]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--name ${name} 不是有效的规则包名称`);
    expect(r.err).toContain('例如 --name hunan-scoring');
    expect(r.err).toContain('e.g. --name hunan-scoring');
  });
});

describe('pack facts', () => {
  it('lists every fact path with its type and meaning (the pack’s parameters too)', async () => {
    const p = await pack('facts');
    const r = await jixiao(['pack', 'facts', p, '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { path: string; kind: string; nullable: boolean; meaning?: { 'zh-CN': string; en: string } }[];
    const by = new Map(rows.map((x) => [x.path, x]));
    expect(by.get('staffing.actual')).toMatchObject({ kind: 'integer', nullable: true, meaning: { 'zh-CN': '实有人数', en: 'actual staff' } });
    expect(by.get('indicators.staffingControlRate')).toMatchObject({ kind: 'percent', meaning: { 'zh-CN': '在职人员控制率：staffing.actual / staffing.authorized（%）' } });
    expect(by.get('params.facts.staffingRateLimit')).toMatchObject({ kind: 'percent', meaning: { 'zh-CN': '在职人员控制率上限（%）' } });
    expect(by.get('findings.waivedCount')).toMatchObject({ kind: 'integer' });
    expect(rows.filter((x) => x.meaning === undefined).map((x) => x.path)).toEqual([]);
    const text = await jixiao(['pack', 'facts']);
    expect(text.out).toMatch(/\nstaffing\.actual +integer\? +实有人数\n/);
  });

  it('the scaffolded rule schema offers the fact paths to editors', async () => {
    const p = await pack('schema-facts');
    const schema = JSON.parse(readFileSync(join(dir, p, 'schema/rule.schema.json'), 'utf8')) as { properties: { paths: { items: { examples: string[] } } }; $defs: Record<string, unknown> };
    expect(schema.properties.paths.items.examples).toContain('staffing.actual');
    expect(schema.properties.paths.items.examples).toContain('params.schema-facts.staffingRateLimit');
    const text = JSON.stringify(schema.$defs);
    expect(text).toContain('{"if":{"properties":{"fact":{"const":"indicators"}},"required":["fact"]},"then":{"properties":{"path":{"examples":["staffingControlRate"');
  });
});

describe('pack test: coverage counts failing cases', () => {
  it('a rule whose case fails is marked, with its failing count', async () => {
    const p = await pack('failing', CASES, (t) => t.replace('message: "95.45%"', 'message: "96%"'));
    const r = await jixiao(['pack', 'test', p, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Rule coverage: 1/1 rules tested, 1 with failing cases (a failing case covers no branch)');
    expect(r.out).toMatch(/✗ failing\/staffing-score {2}branches 2\/3 {2}conditions \(seen true and false\) 1\/1 {2}cases 3 \(1 failing\) {2}not reached: pass/);
  });
});
