// jixiao template validate (issue 12 item 6 / issue 15 pack kit): messages like the pack kit's — `file:line:column
// 错误 message [path]`, zh-CN by default and English with --locale en — and paths resolved where the command runs
// (not where the process started); a template's own `$schema` resolved against the template file's folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalTemplateYaml } from '@jixiao/testing';
import { execute } from '../execute.js';
import type { CliIo } from '../io.js';
import { tempDir } from '../../../../test/setup/temp.js';

const root = tempDir('jixiao-template-kit-');

async function jixiao(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)), stderr: (c) => err.push(c), cwd, env: {}, stdoutIsTTY: false };
  const code = await execute(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

const TEMPLATE = (path: string, schema = '../schema/template.schema.json') => minimalTemplateYaml({ path, schema });

function project(name: string, template: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'forms'), { recursive: true });
  mkdirSync(join(dir, 'schema'), { recursive: true });
  writeFileSync(join(dir, 'schema', 'template.schema.json'), '{}');
  writeFileSync(join(dir, 'forms', 'template.yaml'), template);
  return dir;
}

describe('jixiao template validate', () => {
  it('resolves a relative path where the command runs, and names files from there', async () => {
    const dir = project('ok', TEMPLATE('staffing.authorized'));
    // The process runs elsewhere (the repository): the path is the project's own.
    expect(process.cwd()).not.toBe(dir);
    const r = await jixiao(dir, ['template', 'validate', 'forms/template.yaml']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('✓ my-form  某省自评表  (forms/template.yaml)\n');
  });

  it('words an error in zh-CN with file, line and column, and in English with --locale en', async () => {
    const dir = project('typo', TEMPLATE('staffing.authorised'));
    const zh = await jixiao(dir, ['template', 'validate', 'forms']);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe('forms/template.yaml:10:11  错误  “staffing.authorised”不是规范模型中的字段路径；是否应为 staffing.authorized？  [fields.0.path]\n');
    const en = await jixiao(dir, ['template', 'validate', 'forms', '--locale', 'en']);
    expect(en.err).toBe('forms/template.yaml:10:11  error  "staffing.authorised" is not a field path of the canonical model; did you mean staffing.authorized?  [fields.0.path]\n');
  });

  it("resolves the template's $schema against the template file's folder: one that names no file is a warning", async () => {
    const dir = project('schema', TEMPLATE('staffing.authorized', '../../schema/template.schema.json'));
    const r = await jixiao(dir, ['template', 'validate', 'forms/template.yaml']);
    expect(r.code).toBe(0);
    // ../../schema from forms/ leaves the project; ../schema (the scaffold's own layout) is found, as above.
    expect(r.err).toBe('forms/template.yaml  警告  $schema 指向的文件不存在（相对于模板文件所在文件夹）：../../schema/template.schema.json，编辑器将无法补全  [$schema]\n');
  });

  it('template init and test work where the command runs', async () => {
    const dir = join(root, 'kit');
    mkdirSync(dir);
    expect((await jixiao(dir, ['template', 'init', 'my-form'])).code).toBe(0);
    const tested = await jixiao(dir, ['template', 'test', 'my-form']);
    expect(tested.err).toBe('');
    expect(tested.out).toContain('1/1');
    expect(tested.code).toBe(0);
  });
});
