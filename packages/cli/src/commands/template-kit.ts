import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TemplateLoadError, formatTemplateIssue, type Locale } from '@jixiao/core';
import { loadTemplatePath, type TemplateFromFile } from '@jixiao/core/node';
import { importBuffer, shippedTemplates } from '@jixiao/import';
import { EXIT, type CliIo } from '../io.js';

/**
 * Read and validate the templates the paths name (template files, folders, packs carrying templates: the loader
 * of check and import), relative paths from `cwd` (where the command runs): the templates, and every issue as the
 * pack kit prints its own, `file:line:column  错误  message  [path]` in `locale`, the file relative to `cwd`.
 */
export function loadTemplateFiles(paths: readonly string[], cwd: string, locale: Locale = 'zh-CN'): { templates: TemplateFromFile[]; issues: string[] } {
  const templates: TemplateFromFile[] = [];
  const issues: string[] = [];
  for (const path of paths) {
    try {
      templates.push(...loadTemplatePath(path, cwd));
    } catch (error) {
      if (!(error instanceof TemplateLoadError)) throw error;
      issues.push(...error.issues.map((i) => formatTemplateIssue({ ...i, ...(i.file === undefined ? {} : { file: shownPath(i.file, cwd) }) }, locale)));
    }
  }
  return { templates, issues };
}

/** A file as messages name it: relative to where the command runs when it is inside that folder. */
function shownPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * A template file's `$schema` (what gives editors completion) resolved against the template file's folder, as an
 * editor resolves it: a relative one that names no file is a warning (the template itself is still valid).
 */
function schemaWarning(t: TemplateFromFile, cwd: string, locale: Locale): string | undefined {
  const ref = t.template.$schema;
  if (ref === undefined || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return undefined;
  const target = resolve(dirname(t.file), ref);
  if (existsSync(target)) return undefined;
  const message = locale === 'zh-CN' ? `$schema 指向的文件不存在（相对于模板文件所在文件夹）：${ref}，编辑器将无法补全` : `$schema names no file (relative to the template file's folder): ${ref}; editors will not complete`;
  return `${shownPath(t.file, cwd)}  ${locale === 'zh-CN' ? '警告' : 'warning'}  ${message}  [$schema]`;
}

export function templateValidate(paths: readonly string[], io: CliIo, locale: Locale = 'zh-CN'): number {
  const { templates, issues } = loadTemplateFiles(paths, io.cwd, locale);
  if (issues.length > 0) {
    io.stderr(`${issues.join('\n')}\n`);
    return EXIT.usage;
  }
  if (templates.length === 0) {
    io.stderr(locale === 'zh-CN' ? 'jixiao: 没有找到模板文件\n' : 'jixiao: no template file found\n');
    return EXIT.usage;
  }
  for (const t of templates) {
    const warning = schemaWarning(t, io.cwd, locale);
    if (warning !== undefined) io.stderr(`${warning}\n`);
    io.stdout(`✓ ${t.template.id}  ${t.template.title[locale]}  (${shownPath(t.file, io.cwd)})\n`);
  }
  return EXIT.ok;
}

interface CaseExpectation {
  readonly template: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly refused?: string;
}

function valueAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
}

/**
 * Read each case document (`cases/<name>.txt|.docx`) with the folder's templates beside the shipped ones and
 * compare what `cases/<name>.expected.json` states: the template recognised, and each field's value.
 */
export async function templateTest(dir: string, io: CliIo, locale: Locale = 'zh-CN'): Promise<number> {
  const { templates: loaded, issues } = loadTemplateFiles([dir], io.cwd, locale);
  const templates = loaded.map((t) => t.template);
  if (issues.length > 0) {
    io.stderr(`${issues.join('\n')}\n`);
    return EXIT.usage;
  }
  const casesDir = join(resolve(io.cwd, dir), 'cases');
  const docs = existsSync(casesDir) ? readdirSync(casesDir).filter((f) => /\.(?:txt|docx)$/.test(f)).sort() : [];
  if (docs.length === 0) {
    io.stderr(`jixiao: ${casesDir} 中没有用例文档 / no case documents in ${casesDir}\n`);
    return EXIT.usage;
  }
  const all = [...templates, ...shippedTemplates().filter((s) => !templates.some((t) => t.id === s.id))];
  let failed = 0;
  for (const doc of docs) {
    const name = doc.replace(/\.(?:txt|docx)$/, '');
    const expectedFile = join(casesDir, `${name}.expected.json`);
    if (!existsSync(expectedFile)) {
      io.stderr(`  ${doc}: 缺少 ${name}.expected.json / ${name}.expected.json is missing\n`);
      failed++;
      continue;
    }
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as CaseExpectation;
    const r = await importBuffer(new Uint8Array(readFileSync(join(casesDir, doc))), { filename: doc, templates: all });
    const problems: string[] = [];
    if (r.template?.id !== expected.template) problems.push(`template: ${r.template?.id ?? '(none)'} ≠ ${expected.template}`);
    if (expected.refused !== undefined) {
      if (r.ok || r.diagnostics[0]?.code !== expected.refused) problems.push(`refused: ${r.ok ? '(read)' : (r.diagnostics[0]?.code ?? '')} ≠ ${expected.refused}`);
    } else if (!r.ok) problems.push(`not read: ${r.diagnostics[0]?.message['zh-CN'] ?? ''}`);
    else {
      for (const [path, value] of Object.entries(expected.fields ?? {})) {
        const got = valueAt(r.evaluation, path);
        if (JSON.stringify(got) !== JSON.stringify(value)) problems.push(`${path}: ${JSON.stringify(got)} ≠ ${JSON.stringify(value)}`);
      }
    }
    if (problems.length === 0) io.stdout(`✓ ${doc} (${r.template?.id ?? ''}, ${String(r.template?.score ?? 0)})\n`);
    else {
      failed++;
      io.stdout(`✗ ${doc}\n${problems.map((p) => `    ${p}`).join('\n')}\n`);
    }
  }
  io.stdout(`${String(docs.length - failed)}/${String(docs.length)} 个用例通过 / cases passed\n`);
  return failed === 0 ? EXIT.ok : 1;
}

const STARTER = (id: string): string => `# yaml-language-server: $schema=https://jixiao.dev/schema/template.schema.json
# A form template: how to recognise the form, and where its fields sit. See examples/template-tutorial.
id: ${id}
version: 1.0.0
title: { zh-CN: 某省部门整体支出绩效自评表, en: a province's self-evaluation form }
kind: self-evaluation
jurisdiction: [某省]
detection:
  threshold: 4
  signals:
    - labels: [某省部门整体支出绩效自评表]
      weight: 3
    - labels: [核定编制]
    - labels: [实有人数]
fiscalYear:
  titleLabels: [某省部门整体支出绩效自评表]
fields:
  - path: unit.name
    labels: [单位名称（盖章）, 单位名称]
    type: text
  - path: staffing.authorized
    labels: [核定编制, 编制人数]
    type: count
  - path: staffing.actual
    labels: [实有人数]
    type: count
  - path: income.total
    labels: [收入合计]
    type: money
prose:
  - path: selfRating.score
    type: score
    labels: [自评得分]
    after: [分]
`;

const STARTER_CASE = `2021年度某省部门整体支出绩效自评表
单位名称：某某局
核定编制\t30
实有人数\t28
收入合计\t512.30
经自评，自评得分95分。
`;

export function templateInit(dir: string, flags: { id?: string }, io: CliIo): number {
  const root = resolve(io.cwd, dir);
  const id = flags.id ?? (basename(root).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-template');
  if (existsSync(join(root, 'template.yaml'))) {
    io.stderr(`jixiao: ${join(root, 'template.yaml')} 已存在 / already exists\n`);
    return EXIT.usage;
  }
  mkdirSync(join(root, 'cases'), { recursive: true });
  writeFileSync(join(root, 'template.yaml'), STARTER(id));
  writeFileSync(join(root, 'cases', 'example.txt'), STARTER_CASE);
  const expected = { template: id, fields: { fiscalYear: 2021, 'unit.name': '某某局', 'staffing.authorized': 30, 'staffing.actual': 28, 'income.total': 512.3, 'selfRating.score': 95 } };
  writeFileSync(join(root, 'cases', 'example.expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  io.stdout(`已创建 / created ${root}: template.yaml, cases/example.txt, cases/example.expected.json\n下一步 / next: jixiao template validate ${dir} && jixiao template test ${dir}\n`);
  return EXIT.ok;
}
