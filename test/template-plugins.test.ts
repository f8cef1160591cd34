// Form templates as plugins at check, import and serve time: `--template <file|folder|package|id>`, the config's
// `templates`, and templates a pack carries beside its rules (one plugin for a province's form and its rules).
// Loaded and validated like packs: a pattern that can backtrack catastrophically is refused with file and line,
// two templates with one id are an error naming both sources, and the templates reach the batch's child
// processes and `jixiao serve`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '@jixiao/core';
import { loadChecker } from '../packages/cli/src/packs.js';
import { collectInputs } from '../packages/cli/src/batch/collect.js';
import type { FileOutcome } from '../packages/cli/src/batch/check-file.js';
import { checkFiles, startPool } from '../packages/cli/src/batch/run.js';
import { startServe } from '../packages/cli/src/commands/serve.js';
import { startServeApp } from '../packages/cli/src/commands/serve-app.js';
import { folders, jixiao, ROOT } from './hostile/cli-run.js';

const { tmp } = folders('jixiao-template-plugins-');
const SEED_TEXT = join(ROOT, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt');

/** A province's form template (YAML): its title, two counts and a score in prose. */
const TEMPLATE = (id: string): string => `id: ${id}
title: { zh-CN: 某省部门整体支出绩效自评表, en: a province's self-evaluation form }
detection:
  threshold: 4
  signals:
    - labels: [某省部门整体支出绩效自评表]
      weight: 3
    - labels: [核定编制]
fiscalYear:
  titleLabels: [某省部门整体支出绩效自评表]
fields:
  - path: unit.name
    labels: [单位名称]
    type: text
  - path: staffing.authorized
    labels: [核定编制]
    type: count
  - path: staffing.actual
    labels: [实有人数]
    type: count
prose:
  - path: selfRating.score
    type: score
    labels: [自评得分]
    after: [分]
`;

/** A document in that form: 31 staff for 30 posts (staffing/within-quota fails). */
const FORM = '2021年度某省部门整体支出绩效自评表\n单位名称：某某局\n核定编制\t30\n实有人数\t31\n经自评，自评得分95分。\n';

/** A folder holding the form (form.txt) and a template folder (my-form/template.yaml) with the given id. */
function setUp(id = 'my-form'): string {
  const dir = tmp();
  mkdirSync(join(dir, 'my-form'));
  writeFileSync(join(dir, 'my-form', 'template.yaml'), TEMPLATE(id));
  writeFileSync(join(dir, 'form.txt'), FORM);
  return dir;
}

function results(stdout: string): ResultDocument['results'] {
  return (JSON.parse(stdout) as ResultDocument).results;
}

describe('templates at check and import time', () => {
  it('check --template <folder> reads a form the shipped templates do not know, and names the template (JSON)', async () => {
    const dir = setUp();
    const without = await jixiao(dir, ['check', 'form.txt', '--format', 'json']);
    expect(without.code).toBe(3);
    expect(without.stderr).toContain('模板未识别');
    const r = await jixiao(dir, ['check', 'form.txt', '--format', 'json', '--template', './my-form']);
    // Read and checked (the failure found is a warning: exit 0).
    expect(r.code).toBe(0);
    const [result] = results(r.stdout);
    expect(result?.template?.id).toBe('my-form');
    expect(result?.findings.find((f) => f.ruleId === 'staffing/within-quota')?.outcome).toBe('fail');
    // The shipped templates are still tried beside it: the seed form is read as before.
    const seed = await jixiao(dir, ['check', SEED_TEXT, '--format', 'json', '--template', './my-form/template.yaml', '--exit-zero']);
    expect(results(seed.stdout)[0]?.template?.id).toBe('t1-checklist');
  });

  it('the config\'s templates, and import --template', async () => {
    const dir = setUp();
    writeFileSync(join(dir, 'jixiao.config.json'), JSON.stringify({ templates: ['./my-form'] }));
    const r = await jixiao(dir, ['check', 'form.txt', '--format', 'json', '--config', 'jixiao.config.json']);
    expect(results(r.stdout)[0]?.template?.id).toBe('my-form');
    const imported = await jixiao(dir, ['import', 'form.txt', '--template', './my-form']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('按模板 my-form 读取');
    expect((JSON.parse(imported.stdout) as { staffing: unknown }).staffing).toEqual({ authorized: 30, actual: 31 });
    const viaConfig = await jixiao(dir, ['import', 'form.txt', '--config', 'jixiao.config.json', '--format', 'json']);
    expect((JSON.parse(viaConfig.stdout) as { template: { id: string } }).template.id).toBe('my-form');
  });

  it('a pack carries its province\'s templates beside its rules (pack.json templates), for check and import', async () => {
    const dir = setUp();
    const pack = join(dir, 'province');
    mkdirSync(join(pack, 'src/rules'), { recursive: true });
    mkdirSync(join(pack, 'forms'));
    writeFileSync(join(pack, 'pack.json'), JSON.stringify({ name: 'province', version: '1.0.0', title: { 'zh-CN': '某省', en: 'a province' }, templates: 'forms' }));
    writeFileSync(join(pack, 'forms', 'my-form.yaml'), TEMPLATE('province-form'));
    const r = await jixiao(dir, ['check', 'form.txt', '--format', 'json', '--pack', 'standard', '--pack', './province']);
    expect(results(r.stdout)[0]?.template?.id).toBe('province-form');
    const imported = await jixiao(dir, ['import', 'form.txt', '--pack', './province']);
    expect(imported.stderr).toContain('province-form');
    // A templates folder that leaves the pack is refused.
    writeFileSync(join(pack, 'pack.json'), JSON.stringify({ name: 'province', version: '1.0.0', title: { 'zh-CN': '某省', en: 'a province' }, templates: '../my-form' }));
    const escaping = await jixiao(dir, ['check', 'form.txt', '--pack', './province']);
    expect(escaping.code).toBe(2);
    expect(escaping.stderr).toContain('the templates folder lies outside the pack (../my-form)');
  });

  it('two templates with one id are an error naming both sources (and a shipped id cannot be taken)', async () => {
    const dir = setUp();
    mkdirSync(join(dir, 'copy'));
    writeFileSync(join(dir, 'copy', 'other.yaml'), TEMPLATE('my-form'));
    const r = await jixiao(dir, ['check', 'form.txt', '--template', './my-form', './copy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('two templates have the id my-form');
    expect(r.stderr).toContain(join(dir, 'my-form', 'template.yaml'));
    expect(r.stderr).toContain(join(dir, 'copy', 'other.yaml'));
    expect(r.stdout).toBe('');
    // The same file reached twice is one template.
    expect((await jixiao(dir, ['check', 'form.txt', '--exit-zero', '--template', './my-form', './my-form/template.yaml'])).code).toBe(0);
    writeFileSync(join(dir, 'copy', 'other.yaml'), TEMPLATE('t1-checklist'));
    const shipped = await jixiao(dir, ['check', 'form.txt', '--template', './copy']);
    expect(shipped.code).toBe(2);
    expect(shipped.stderr).toContain('two templates have the id t1-checklist: the shipped template and');
  });

  it('refuses a hostile template: a catastrophic pattern, with its file and line (exit 2, nothing checked)', async () => {
    const dir = setUp();
    writeFileSync(join(dir, 'my-form', 'template.yaml'), `${TEMPLATE('my-form')}  - path: income.total\n    type: money\n    pattern: "(\\\\d+)+万元"\n`);
    const r = await jixiao(dir, ['check', 'form.txt', '--template', './my-form']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/template\.yaml:28:\d+ {2}错误 {2}.*backtrack catastrophically.*\[prose\.1\.pattern\]/);
    expect(r.stdout).toBe('');
    // As in the config, and for import and serve.
    writeFileSync(join(dir, 'jixiao.config.json'), JSON.stringify({ templates: ['./my-form'] }));
    expect((await jixiao(dir, ['import', 'form.txt', '--config', 'jixiao.config.json'])).stderr).toMatch(/template\.yaml:28:\d+ .*\[prose\.1\.pattern\]/);
    await expect(startServe({ port: '0', host: '127.0.0.1', template: ['./my-form'] }, { stdout: () => undefined, stderr: () => undefined, cwd: dir, env: {}, stdoutIsTTY: false })).rejects.toThrow(/template\.yaml:28:\d+ .*\[prose\.1\.pattern\]/);
  });

  it('an id restricts the shipped templates to those named; an unknown name is an error listing the ids', async () => {
    const only = await jixiao(ROOT, ['check', SEED_TEXT, '--format', 'json', '--template', 't1b-basic-data']);
    expect(only.code).toBe(3);
    expect(only.stderr).toContain('模板未识别');
    const t1 = await jixiao(ROOT, ['check', SEED_TEXT, '--format', 'json', '--template', 't1-checklist', '--exit-zero']);
    expect(results(t1.stdout)[0]?.template?.id).toBe('t1-checklist');
    const unknown = await jixiao(ROOT, ['check', SEED_TEXT, '--template', 't9-nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no template t9-nowhere');
    expect(unknown.stderr).toContain('t1b-basic-data');
  });
});

describe('templates reach the batch\'s child processes and jixiao serve', () => {
  it('a child process reads with the selected templates (this process, given none, cannot read the form)', async () => {
    const dir = setUp();
    mkdirSync(join(dir, 'forms'));
    for (let i = 0; i < 7; i++) writeFileSync(join(dir, 'forms', `form-${String(i)}.txt`), FORM);
    const selection = { packs: ['staffing'], templates: ['./my-form'], cwd: dir };
    const { files } = collectInputs(['forms'], dir, 'en');
    const { checker, templates } = loadChecker(selection);
    expect(templates?.[0]?.id).toBe('my-form');
    const entry = fileURLToPath(new URL('../packages/cli/dist/batch-child.js', import.meta.url));
    const children = startPool(files, 2, true, selection, 'en', entry);
    expect(children).toBeDefined();
    const out: FileOutcome[] = [];
    try {
      // This process is handed no templates (the shipped ones): only a child can read these forms.
      await checkFiles(files, { locale: 'en', selection, checker, shape: {}, onOutcome: (o) => out.push(o) }, children);
    } finally {
      await children?.stop();
    }
    expect(out).toHaveLength(7);
    const readByChild = out.filter((o) => o.ok && o.brief.template?.id === 'my-form');
    expect(readByChild.length).toBeGreaterThan(0);
    // The rest were checked here, without the template: not recognised, never read as something else.
    for (const o of out) if (!(o.ok && o.brief.template?.id === 'my-form')) expect(o.ok ? '' : o.reason).toContain('template not recognised');
  });

  it.each([
    ['in this thread', undefined],
    ['in its reading threads (the bundled entry)', fileURLToPath(new URL('../packages/cli/dist/serve-reader.js', import.meta.url))],
  ])('jixiao serve --template reads with the template %s and names it in the result', async (_where, entry) => {
    const dir = setUp();
    const flags = { port: '0', host: '127.0.0.1', pack: [join(ROOT, 'rules/staffing')], template: ['./my-form'] };
    const { app, url } = await startServeApp(flags, { stdout: () => undefined, stderr: () => undefined, cwd: dir, env: {}, stdoutIsTTY: false }, { entry });
    try {
      const res = await fetch(`${url}/v1/check?format=json&filename=form.txt`, { method: 'POST', body: FORM });
      expect(res.status).toBe(200);
      const doc = (await res.json()) as ResultDocument;
      expect(doc.results[0]?.template?.id).toBe('my-form');
      expect(doc.results[0]?.findings.find((f) => f.ruleId === 'staffing/within-quota')?.outcome).toBe('fail');
    } finally {
      await app.close();
    }
  });
});

describe('the template used is shown where reviewers look', () => {
  it('text, markdown and HTML name it in each form\'s header, JSON in each result, the batch summary in its template column', async () => {
    const dir = setUp();
    writeFileSync(join(dir, 'seed.txt'), readFileSync(SEED_TEXT));
    const args = ['check', 'form.txt', 'seed.txt', '--template', './my-form', '--exit-zero'];
    // my-form scores 4 on this form: its title (3) and 核定编制 (1).
    const text = await jixiao(dir, [...args, '--format', 'text']);
    expect(text.stdout).toContain('模板: 某省部门整体支出绩效自评表；my-form，识别得分 4');
    expect(text.stdout).toMatch(/来源: seed\.txt {2}模板: 部门整体支出绩效自评基础数据表（勾选式）；t1-checklist，识别得分 \d+/);
    const markdown = await jixiao(dir, [...args, '--format', 'markdown']);
    expect(markdown.stdout).toContain('- 模板：某省部门整体支出绩效自评表；my-form，识别得分 4');
    // The batch summary's column: the id alone, so that it sorts and filters.
    expect(markdown.stdout).toMatch(/\| seed\.txt \|[^\n]*\| t1-checklist \|/);
    const html = await jixiao(dir, [...args, '--format', 'html']);
    expect(html.stdout).toContain('<span>模板：某省部门整体支出绩效自评表；my-form，识别得分 4</span>');
    const json = await jixiao(dir, [...args, '--format', 'json']);
    expect(results(json.stdout).map((r) => r.template?.id)).toEqual(['my-form', 't1-checklist']);
    expect(results(json.stdout)[0]?.template?.title).toBe('某省部门整体支出绩效自评表');
    // A canonical JSON form was read with no template: its header says nothing of one.
    const canonical = await jixiao(ROOT, ['check', join(ROOT, 'examples/beita-justice-2020/evaluation.json'), '--exit-zero']);
    expect(canonical.stdout).not.toContain('模板:');
  });
});
