import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  PackLoadError,
  PackMetaSchema,
  factCatalogue,
  factMeaning,
  formatLintIssue,
  isLocale,
  lintCaseFile,
  lintPack,
  parseCaseFile,
  renderCatalogue,
  renderRuleDoc,
  runCases,
  type CaseReport,
  type LintIssue,
  type LoadedCaseFile,
  type Locale,
  type Pack,
  type SourceFile,
} from '@jixiao/core';
import { readTextFileBounded } from '@jixiao/core/node';
import { importText } from '@jixiao/import';
import casesSchema from '@jixiao/core/schema/cases.schema.json' with { type: 'json' };
import packSchema from '@jixiao/core/schema/pack.schema.json' with { type: 'json' };
import ruleSchema from '@jixiao/core/schema/rule.schema.json' with { type: 'json' };
import waiversSchema from '@jixiao/core/schema/waivers.schema.json' with { type: 'json' };
import { packTemplatesDir } from '@jixiao/core/node';
import { CliError, EXIT, type CliIo } from '../io.js';
import { resolvePack } from '../packs.js';
import { loadTemplateFiles } from './template-kit.js';

/**
 * `jixiao pack init|validate|test|docs <dir>`: the authoring kit for policy teams who write a rule pack as
 * JSON/YAML data — scaffold it, lint it against the evaluation model, run its case files, generate its docs.
 * The commands are registered in pack.ts; this module (pack linting, case files, YAML, the JSON Schemas) loads
 * only when one of them runs.
 */

export interface PackFlags {
  locale: string;
}

const CASE_EXTENSIONS = /\.(ya?ml|json)$/i;

function localeOf(flags: PackFlags): Locale {
  if (!isLocale(flags.locale)) throw new CliError(`unknown locale ${flags.locale}`);
  return flags.locale;
}

/** A file of the pack as text: a regular file under the size cap (a folder named `x.json`, a FIFO, `/dev/zero` are not). */
function readText(file: string, shown: string): { text: string } | { issue: LintIssue } {
  const read = readTextFileBounded(file);
  if (read.ok) return { text: read.text };
  return { issue: { level: 'error', code: `file-${read.code}`, file: shown, path: '', message: read.reason } };
}

/** Whether `target` (after symbolic links) lies inside the folder `root`. */
function insideFolder(root: string, target: string): boolean {
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    real = resolve(target);
  }
  const rel = relative(realpathSync(root), real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The pack's manifest and rule files as text (paths shown relative to the working directory), and files it could not read. */
function packSources(dir: string, cwd: string): { manifest: SourceFile; rules: SourceFile[]; issues: LintIssue[] } {
  const manifestPath = join(dir, 'pack.json');
  if (!existsSync(manifestPath)) throw new CliError(`${relative(cwd, dir) || '.'} 中没有 pack.json / no pack.json in ${dir}`);
  const issues: LintIssue[] = [];
  const manifestRead = readText(manifestPath, relative(cwd, manifestPath));
  if ('issue' in manifestRead) throw new CliError(`${relative(cwd, manifestPath)}: ${manifestRead.issue.message['zh-CN']} / ${manifestRead.issue.message.en}`);
  const manifest = { file: relative(cwd, manifestPath), text: manifestRead.text };
  let rulesDir = join(dir, 'src/rules');
  try {
    const raw = JSON.parse(manifest.text) as { rules?: unknown };
    if (typeof raw.rules === 'string') rulesDir = resolve(dir, raw.rules);
  } catch {
    // lintPack reports the bad JSON
  }
  if (!insideFolder(dir, rulesDir)) {
    issues.push({ level: 'error', code: 'outside-pack', file: manifest.file, path: 'rules', message: { 'zh-CN': '规则目录在规则包之外，拒绝读取', en: 'the rules folder lies outside the pack folder: refused' } });
    return { manifest, rules: [], issues };
  }
  const names = existsSync(rulesDir) ? readdirSync(rulesDir).filter((n) => n.endsWith('.json')).sort() : [];
  const rules: SourceFile[] = [];
  for (const n of names) {
    const path = join(rulesDir, n);
    const file = relative(cwd, path);
    if (!insideFolder(dir, path)) {
      issues.push({ level: 'error', code: 'outside-pack', file, path: '', message: { 'zh-CN': '文件在规则包之外（符号链接），拒绝读取', en: 'the file lies outside the pack folder (a symbolic link): refused' } });
      continue;
    }
    const read = readText(path, file);
    if ('issue' in read) issues.push(read.issue);
    else rules.push({ file, text: read.text });
  }
  return { manifest, rules, issues };
}

/**
 * Case files under the cases folder, parsed and schema-checked (issues carry file and line). Symbolic links that
 * lead out of the pack are not followed; a folder or a device named `x.yaml` is an issue, not a crash.
 */
function loadCaseFiles(root: string, cwd: string): { files: LoadedCaseFile[]; issues: LintIssue[] } {
  const casesDir = join(root, 'cases');
  const files: LoadedCaseFile[] = [];
  const issues: LintIssue[] = [];
  const outside = (file: string): LintIssue => ({ level: 'error', code: 'outside-pack', file, path: '', message: { 'zh-CN': '在规则包之外（符号链接），拒绝读取', en: 'lies outside the pack folder (a symbolic link): refused' } });
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((entry) => {
        const p = join(d, entry.name);
        if (!insideFolder(root, p)) {
          issues.push(outside(relative(cwd, p)));
          return [];
        }
        // A symbolic link inside the pack is followed once it is known to stay there; folders are walked.
        if (statSync(p, { throwIfNoEntry: false })?.isDirectory() === true) return entry.isSymbolicLink() ? [] : walk(p);
        return CASE_EXTENSIONS.test(entry.name) ? [p] : [];
      });
  if (!existsSync(casesDir)) return { files, issues };
  if (!insideFolder(root, casesDir)) return { files, issues: [outside(relative(cwd, casesDir))] };
  for (const path of walk(casesDir)) {
    const file = relative(cwd, path);
    const read = readText(path, file);
    if ('issue' in read) {
      issues.push(read.issue);
      continue;
    }
    const parsed = parseCaseFile(read.text, file);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    files.push({ file, content: parsed.value, text: read.text });
  }
  return { files, issues };
}

/**
 * A file a case names (`evaluationFile`, `textFile`, `base`), relative to its case file: read only when it lies
 * inside the pack folder (`../../../etc/passwd` is refused), as a regular file under the size cap.
 */
function caseInputReader(root: string, cwd: string): (path: string, caseFile: string) => string {
  return (path, caseFile) => {
    const file = resolve(cwd, dirname(caseFile), path);
    if (!insideFolder(root, file)) throw new Error(`${path} 在规则包之外，拒绝读取 / ${path} lies outside the pack folder: refused`);
    const read = readTextFileBounded(file);
    if (!read.ok) throw new Error(`${path}: ${read.reason['zh-CN']} / ${read.reason.en}`);
    return read.text;
  };
}

/**
 * The form templates a pack carries (pack.json `templates`), validated as `jixiao template validate` validates them:
 * each problem as `file:line path: message`. None when the pack carries no templates.
 */
function templateIssues(dir: string, cwd: string, locale: Locale): string[] {
  const carried = packTemplatesDir(dir);
  if (carried.dir === undefined && carried.issues.length === 0) return [];
  return loadTemplateFiles([dir], cwd, locale).issues;
}

/**
 * Lint the pack: its manifest and rule files, its case files (schema, then the reference checks `pack test` makes
 * before running a case, and the files they name) and the templates it carries; print issues; return the pack when
 * it has no errors.
 */
function validatePack(dir: string, io: CliIo, locale: Locale, context: readonly Pack[] = []): { pack?: Pack; rules: number; errors: number; warnings: number } {
  const sources = packSources(dir, io.cwd);
  const { pack, issues } = lintPack({ manifest: sources.manifest, rules: sources.rules, context });
  const cases = loadCaseFiles(dir, io.cwd);
  const references = pack === undefined ? [] : cases.files.flatMap((f) => lintCaseFile(pack, f, caseInputReader(dir, io.cwd)));
  const all = [...sources.issues, ...issues, ...cases.issues, ...references];
  for (const i of all) io.stderr(`${formatLintIssue(i, locale)}\n`);
  const templates = templateIssues(dir, io.cwd, locale);
  if (templates.length > 0) io.stderr(`${locale === 'zh-CN' ? '规则包携带的模板有错误' : 'the templates the pack carries have errors'}:\n${templates.join('\n')}\n`);
  const errors = all.filter((i) => i.level === 'error').length + templates.length;
  const warnings = all.length + templates.length - errors;
  return { ...(pack && errors === 0 ? { pack } : {}), rules: pack?.rules.length ?? sources.rules.length, errors, warnings };
}

/** A pack name as `pack init --name` takes it: kebab-case, else a usage error with an example. */
function packName(name: string): string {
  if (PackMetaSchema.shape.name.safeParse(name).success) return name;
  throw new CliError(
    `--name ${name} 不是有效的规则包名称：应为 kebab-case（小写字母开头，只含小写字母、数字和连字符），例如 --name hunan-scoring / ` +
      `--name ${name} is not a valid pack name: it must be kebab-case (a lowercase letter, then lowercase letters, digits and hyphens), e.g. --name hunan-scoring`,
  );
}

function kebab(name: string): string {
  const k = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '');
  return k === '' ? 'my-pack' : k;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

type JsonNode = Record<string, unknown>;

/**
 * The rule schema a pack is scaffolded with, with every fact path a condition can read offered to editors: the
 * `fact` of a condition (and of a `{ fact, path }` value) among the catalogue's facts, its `path` among that fact's
 * paths, and the catalogue's full paths for `paths`, `requires` and `data.*.ref` (as `examples`: editors propose
 * them; `jixiao pack validate` stays the judge, so a parameter added later is no editor error).
 */
export function ruleSchemaWithFacts(pack: Pick<Pack, 'meta' | 'rules'>): JsonNode {
  const schema = structuredClone(ruleSchema) as JsonNode;
  const catalogue = factCatalogue([pack], true);
  // history.previous.* mirrors every other path: offered as `history` + `previous.…` like the rest, not listed twice.
  const paths = [...catalogue.keys()].filter((p) => !p.startsWith('history.previous.') && !p.startsWith('history.change.'));
  const facts = [...new Set(paths.map((p) => p.split('.')[0] ?? p))];
  const byFact = facts.map((fact) => ({
    if: { properties: { fact: { const: fact } }, required: ['fact'] },
    then: { properties: { path: { examples: paths.filter((p) => p.startsWith(`${fact}.`)).map((p) => p.slice(fact.length + 1)) } } },
  }));
  // A condition (or a `{ fact, path }` value) is an object schema with a `fact` and a `path` property.
  const offer = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const child of Object.values(node)) offer(child);
    const props = (node as JsonNode).properties as JsonNode | undefined;
    if (props?.fact === undefined || props.path === undefined || typeof props.fact !== 'object') return;
    (props.fact as JsonNode).examples = facts;
    (node as JsonNode).allOf = byFact;
  };
  offer(schema.$defs);
  const properties = schema.properties as JsonNode;
  for (const key of ['paths', 'requires']) {
    const items = (properties[key] as JsonNode | undefined)?.items as JsonNode | undefined;
    if (items !== undefined) items.examples = paths;
  }
  const dataRef = (((properties.data as JsonNode | undefined)?.additionalProperties as JsonNode | undefined)?.anyOf as JsonNode[] | undefined)?.[0]?.properties as JsonNode | undefined;
  if (dataRef?.ref !== undefined) (dataRef.ref as JsonNode).examples = paths;
  return schema;
}

/** The files `pack init` writes (relative path → content). */
export function scaffold(name: string): Record<string, string> {
  const rule = {
    $schema: '../../schema/rule.schema.json',
    id: `${name}/staffing-score`,
    title: { 'zh-CN': '在职人员控制率得分', en: 'Staffing control rate score' },
    description: {
      'zh-CN': '示例规则：在职人员控制率不超过 100% 得满分；超过时按每个百分点扣分（请按本地评分办法修改）。',
      en: 'Example rule: a staffing control rate within 100% earns full points; above it, points are deducted per percentage point (adapt to the local scoring rules).',
    },
    severity: 'warning',
    basis: [{ instrument: '预算绩效评价共性指标体系框架', number: '财预〔2013〕53号', note: { 'zh-CN': '在职人员控制率 = 在职人数 / 编制数', en: 'staffing control rate = actual / authorized' } }],
    paths: ['staffing.actual', 'staffing.authorized'],
    requires: ['staffing.actual', 'staffing.authorized'],
    checks: [
      {
        id: 'over-quota',
        when: { all: [{ fact: 'indicators', path: 'staffingControlRate', operator: 'greaterThan', value: { fact: 'params', path: `${name}.staffingRateLimit` } }] },
        message: { 'zh-CN': '在职人员控制率 {rate}，超过 {limit}%', en: 'Staffing control rate {rate} is above {limit}%' },
      },
    ],
    pass: { 'zh-CN': '在职人员控制率 {rate}，未超过 {limit}%', en: 'Staffing control rate {rate} is within {limit}%' },
    data: {
      rate: { ref: 'indicators.staffingControlRate', format: 'percent' },
      limit: { ref: `params.${name}.staffingRateLimit`, format: 'number' },
    },
    parameters: [
      {
        name: 'staffingRateLimit',
        title: { 'zh-CN': '在职人员控制率上限（%）', en: 'Staffing control rate limit (%)' },
        type: 'percent',
        unit: '%',
        values: [{ from: '2013-01-01', value: 100, basis: '财预〔2013〕53号' }],
      },
    ],
  };
  const cases = [
    '# yaml-language-server: $schema=../schema/cases.schema.json',
    '$schema: ../schema/cases.schema.json',
    'description: 示例用例：每个用例在“全部通过”的基准表上打补丁，并写明每条规则的期望结果',
    'cases:',
    '  - name: 21 人 / 22 个编制，未超编',
    '    patch: { staffing: { authorized: 22, actual: 21 } }',
    '    expect:',
    `      ${name}/staffing-score: { outcome: pass, message: "95.45%" }`,
    '  - name: 25 人 / 22 个编制，超编',
    '    patch: { staffing: { authorized: 22, actual: 25 } }',
    '    expect:',
    `      ${name}/staffing-score: { outcome: fail, check: over-quota, message: "113.64%" }`,
    '  - name: 编制人数为空，无法判断',
    '    patch: { staffing: { authorized: null } }',
    '    expect:',
    `      ${name}/staffing-score: indeterminate`,
    '',
  ].join('\n');
  const readme = [
    `# ${name}`,
    '',
    '本规则包由 `jixiao pack init` 生成。/ Scaffolded by `jixiao pack init`.',
    '',
    '```sh',
    `jixiao pack validate .   # 对照评价模型检查规则文件 / lint the rule files against the evaluation model`,
    `jixiao pack test .       # 运行 cases/ 中的用例 / run the case files in cases/`,
    `jixiao pack docs .       # 生成 docs/ / generate docs/`,
    `jixiao check form.json --pack .`,
    '```',
    '',
  ].join('\n');
  return {
    'pack.json': json({
      $schema: './schema/pack.schema.json',
      name,
      version: '0.1.0',
      title: { 'zh-CN': `${name} 规则包`, en: `${name} rule pack` },
      description: { 'zh-CN': '本地评分规则（请修改）', en: 'Local scoring rules (edit me)' },
      rules: 'src/rules',
    }),
    'src/rules/staffing-score.json': json(rule),
    'cases/example.yaml': cases,
    'README.md': readme,
    'schema/pack.schema.json': json(packSchema),
    'schema/rule.schema.json': json(ruleSchemaWithFacts({ meta: { name, version: '0.1.0', title: { 'zh-CN': name, en: name } }, rules: [rule as unknown as Pack['rules'][number]] })),
    'schema/cases.schema.json': json(casesSchema),
    'schema/waivers.schema.json': json(waiversSchema),
  };
}

/** Rule docs and the catalogue of a pack (relative path under docs/ → content). */
export function packDocs(pack: Pack): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of pack.rules) out[`${rule.id.split('/')[1] ?? rule.id}.md`] = renderRuleDoc(rule, pack.meta);
  out['README.md'] = renderCatalogue([pack], (rule) => `./${rule.id.split('/')[1] ?? rule.id}.md`);
  return out;
}

/** Render a case report like a test runner: files, ✓/✗ per case, failures, coverage, totals. */
export function formatCaseReport(report: CaseReport, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const out: string[] = [];
  let file: string | undefined;
  for (const c of report.cases) {
    if (c.file !== file) {
      file = c.file;
      out.push(c.file);
    }
    const mark = c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '!';
    out.push(`  ${mark} ${c.name}`);
    if (c.error) out.push(`      ${c.error[locale]}`);
    for (const f of c.failures) {
      out.push(`      ${f.ruleId}: ${f.message[locale]}`);
      if (f.actual) out.push(`        ${zh ? '消息' : 'message'}: ${f.actual.message}`);
    }
  }
  out.push('');
  const tested = report.coverage.filter((r) => r.tested).length;
  const failing = report.coverage.filter((r) => r.cases.failed > 0).length;
  out.push(
    zh
      ? `规则覆盖：${String(tested)}/${String(report.coverage.length)} 条规则有用例${failing > 0 ? `，其中 ${String(failing)} 条有失败的用例（失败的用例不计入分支覆盖）` : ''}`
      : `Rule coverage: ${String(tested)}/${String(report.coverage.length)} rules tested${failing > 0 ? `, ${String(failing)} with failing cases (a failing case covers no branch)` : ''}`,
  );
  for (const r of report.coverage) {
    const branches = r.branches.filter((b) => b.covered).length;
    const both = r.conditions.filter((c) => c.seenTrue && c.seenFalse).length;
    const missing = r.branches.filter((b) => !b.covered).map((b) => b.id);
    const { passed, failed } = r.cases;
    const cases = zh ? `用例 ${String(passed + failed)}${failed > 0 ? `（失败 ${String(failed)}）` : ''}` : `cases ${String(passed + failed)}${failed > 0 ? ` (${String(failed)} failing)` : ''}`;
    out.push(
      `  ${r.tested && failed === 0 ? ' ' : '✗'} ${r.ruleId}  ${zh ? '结果分支' : 'branches'} ${String(branches)}/${String(r.branches.length)}  ${zh ? '条件（真/假均出现）' : 'conditions (seen true and false)'} ${String(both)}/${String(r.conditions.length)}  ${cases}${missing.length > 0 ? `  ${zh ? '未覆盖' : 'not reached'}: ${missing.join(', ')}` : ''}`,
    );
    for (const c of r.conditions) {
      if (c.seenTrue && c.seenFalse) continue;
      const seen = c.seenTrue ? (zh ? '只见过真' : 'only true') : c.seenFalse ? (zh ? '只见过假' : 'only false') : zh ? '未求值' : 'never evaluated';
      out.push(`      ${c.path}: ${c.label} — ${seen}`);
    }
  }
  const t = report.totals;
  out.push('');
  out.push(zh ? `用例：${String(t.cases)} 个，通过 ${String(t.passed)}，失败 ${String(t.failed)}，用例错误 ${String(t.errors)}` : `Cases: ${String(t.cases)}, ${String(t.passed)} passed, ${String(t.failed)} failed, ${String(t.errors)} invalid`);
  return `${out.join('\n')}\n`;
}

function loadContext(specs: readonly string[], from: string): Pack[] {
  try {
    return specs.map((s) => resolvePack(s, from));
  } catch (error) {
    if (error instanceof PackLoadError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * `jixiao pack facts [dir]`: every fact path a rule condition can read (the pack's own parameters too, with a
 * pack), with its type, whether it may be blank, its allowed values and its meaning; as text or JSON.
 */
export function packFacts(dir: string | undefined, flags: PackFlags & { format: string }, io: CliIo): number {
  const locale = localeOf(flags);
  let packs: Pack[] = [];
  if (dir !== undefined) {
    const { pack } = validatePack(resolve(io.cwd, dir), io, locale);
    if (!pack) return EXIT.failures;
    packs = [pack];
  }
  const catalogue = factCatalogue(packs, true);
  const rows = [...catalogue].map(([path, info]) => {
    const meaning = factMeaning(path, catalogue, packs);
    return { path, kind: info.kind, nullable: info.nullable, origin: info.origin, ...(info.values === undefined ? {} : { values: info.values }), ...(meaning === undefined ? {} : { meaning }) };
  });
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  const zh = locale === 'zh-CN';
  const width = Math.min(48, Math.max(...rows.map((r) => r.path.length)));
  const lines = rows.map((r) => {
    const type = `${r.kind}${r.nullable ? '?' : ''}`;
    const values = r.values === undefined ? '' : ` ${zh ? '可取' : 'one of'}: ${r.values.join(' | ')}`;
    return `${r.path.padEnd(width)}  ${type.padEnd(9)}  ${r.meaning?.[locale] ?? ''}${values}`;
  });
  const head = zh
    ? `${String(rows.length)} 个事实路径（类型后的 ? 表示可为空白 null；findings 仅供声明 after 的规则，history 与 batch 仅供跨表规则）`
    : `${String(rows.length)} fact paths (? after a type: may be blank, null; findings only for rules with "after", history and batch only for cross-form rules)`;
  io.stdout(`${head}\n${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** `jixiao pack init <dir>`. */
export function packInit(dir: string, flags: { name?: string }, io: CliIo): number {
  const root = resolve(io.cwd, dir);
  if (existsSync(root) && readdirSync(root).length > 0) throw new CliError(`${dir} 不是空目录 / ${dir} is not empty`);
  // A name given is used as given (or refused); without one, the folder's name made kebab-case.
  const name = flags.name === undefined ? kebab(basename(root)) : packName(flags.name);
  const files = scaffold(name);
  const lint = lintPack({ manifest: { file: 'pack.json', text: files['pack.json'] ?? '' }, rules: [{ file: 'src/rules/staffing-score.json', text: files['src/rules/staffing-score.json'] ?? '' }] });
  if (lint.pack) for (const [p, content] of Object.entries(packDocs(lint.pack))) files[`docs/${p}`] = content;
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  io.stdout(`${Object.keys(files).sort().map((p) => `  ${join(dir, p)}`).join('\n')}\n已创建规则包 ${name} / created pack ${name}\n`);
  return EXIT.ok;
}

/** `jixiao pack validate <dir>`. */
export function packValidate(dir: string, flags: PackFlags & { context?: string[] }, io: CliIo): number {
  const locale = localeOf(flags);
  const root = resolve(io.cwd, dir);
  const { rules, errors, warnings } = validatePack(root, io, locale, loadContext(flags.context ?? [], io.cwd));
  io.stdout(
    locale === 'zh-CN'
      ? `${errors === 0 ? '✓' : '✗'} ${dir}：${String(rules)} 条规则，${String(errors)} 个错误，${String(warnings)} 个警告\n`
      : `${errors === 0 ? '✓' : '✗'} ${dir}: ${String(rules)} rules, ${String(errors)} errors, ${String(warnings)} warnings\n`,
  );
  return errors === 0 ? EXIT.ok : EXIT.failures;
}

/** `jixiao pack test <dir>`. */
export async function packTest(dir: string, flags: PackFlags, io: CliIo): Promise<number> {
  const locale = localeOf(flags);
  const root = resolve(io.cwd, dir);
  const casesDir = join(root, 'cases');
  const { files, issues } = loadCaseFiles(root, io.cwd);
  const specs = [...new Set(files.flatMap((f) => f.content.context ?? []))];
  const context = loadContext(specs, root);
  const { pack: p, errors } = validatePack(root, io, locale, context);
  if (!p || errors > 0 || issues.length > 0) {
    io.stderr(locale === 'zh-CN' ? '规则包或用例文件有错误，请先修正（jixiao pack validate） / fix the errors first\n' : 'the pack or its case files have errors: fix them first (jixiao pack validate)\n');
    return EXIT.failures;
  }
  if (files.length === 0) throw new CliError(`${relative(io.cwd, casesDir)} 中没有用例文件 / no case files in ${casesDir}`);
  const report = await runCases({ ...p, source: root }, files, {
    context,
    readFile: caseInputReader(root, io.cwd),
    importText: (text) => {
      const r = importText(text);
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message[locale]).join('; '));
      return r.evaluation;
    },
  });
  io.stdout(formatCaseReport(report, locale));
  return report.totals.failed + report.totals.errors === 0 ? EXIT.ok : EXIT.failures;
}

/** `jixiao pack docs <dir> [--check]`. */
export function packDocsCommand(dir: string, flags: PackFlags & { check?: boolean }, io: CliIo): number {
  const locale = localeOf(flags);
  const root = resolve(io.cwd, dir);
  const { pack: p } = validatePack(root, io, locale);
  if (!p) return EXIT.failures;
  const stale: string[] = [];
  for (const [name, content] of Object.entries(packDocs(p))) {
    const file = join(root, 'docs', name);
    if (flags.check === true) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(relative(io.cwd, file));
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    io.stdout(`  ${relative(io.cwd, file)}\n`);
  }
  if (flags.check === true && stale.length > 0) {
    io.stderr(`${stale.map((s) => `${s}: ${locale === 'zh-CN' ? '不是最新，请运行 jixiao pack docs' : 'stale: run jixiao pack docs'}`).join('\n')}\n`);
    return EXIT.failures;
  }
  return EXIT.ok;
}
