import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseStrictJson } from '../pack/json.js';
import { parseTemplateText } from '../template/load.js';
import type { Template } from '../template/schema.js';
import { TemplateLoadError, type TemplateIssue } from '../template/validate.js';
import { inside, readTextFileBounded } from './read.js';

/*
 * Form templates from the file system: a template file, a folder of them, or the templates a rule pack carries
 * beside its rules (pack.json `templates`: a folder relative to the manifest, inside the pack). Read as pack
 * files are: only regular files under the cap, nothing outside the folder (symbolic links and `..` refused), and
 * every template validated by the schema and the pattern checks (a pattern that can backtrack catastrophically
 * is an error with its file and line). Nothing is executed.
 */

/** What a template file's name ends with. */
export const TEMPLATE_FILE = /\.(?:ya?ml|json)$/i;
/** JSON files in a folder that are not templates (a package's, a pack's, a case's expectations). */
const NOT_TEMPLATES = /^(?:package(?:-lock)?\.json|pack\.json|tsconfig.*\.json|.*\.expected\.json|\..*)$/i;
/** Most template files read from one folder. */
const MAX_TEMPLATE_FILES = 200;

/** A template and the file it was read from. */
export interface TemplateFromFile {
  readonly template: Template;
  readonly file: string;
}

/** Read and validate one template file. Never throws: the template, or every issue with its file and line. */
export function readTemplateFile(file: string): { readonly template?: Template; readonly issues: readonly TemplateIssue[] } {
  const read = readTextFileBounded(file);
  if (!read.ok) return { issues: [{ file, path: '', message: read.reason }] };
  return parseTemplateText(read.text, file);
}

/**
 * The folder of templates a pack carries (its pack.json's `templates`), or undefined when the folder is no pack
 * or its manifest names none. A folder that leaves the pack, or that is missing, is an issue.
 */
export function packTemplatesDir(dir: string): { readonly dir?: string; readonly issues: readonly TemplateIssue[] } {
  const manifest = join(dir, 'pack.json');
  if (statSync(manifest, { throwIfNoEntry: false })?.isFile() !== true) return { issues: [] };
  const read = readTextFileBounded(manifest);
  const parsed = read.ok ? parseStrictJson(read.text) : undefined;
  if (parsed?.ok !== true) return { issues: [{ file: manifest, path: '', message: read.ok ? { 'zh-CN': 'pack.json 无法解析', en: 'pack.json cannot be parsed' } : read.reason }] };
  const pointer = (parsed.value as { templates?: unknown } | null)?.templates;
  if (pointer === undefined) return { issues: [] };
  if (typeof pointer !== 'string' || pointer === '') return { issues: [{ file: manifest, path: 'templates', message: { 'zh-CN': 'templates 应为模板文件夹的相对路径', en: 'templates must be the relative path of the templates folder' } }] };
  const target = resolve(dir, pointer);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return { issues: [{ file: manifest, path: 'templates', message: { 'zh-CN': `模板文件夹 ${pointer} 不存在（相对于 pack.json 所在文件夹）`, en: `templates folder ${pointer} not found (relative to the folder of pack.json)` } }] };
  }
  if (!inside(realpathSync(dir), real)) return { issues: [{ file: manifest, path: 'templates', message: { 'zh-CN': `模板文件夹在规则包之外（${pointer}），拒绝加载`, en: `the templates folder lies outside the pack (${pointer}): refused` } }] };
  return { dir: real, issues: [] };
}

/** The template files of a folder: a pack's templates folder, else its `templates/` folder, else its own files. */
function templateFilesOf(dir: string): { files: string[]; issues: TemplateIssue[] } {
  const pack = packTemplatesDir(dir);
  if (pack.issues.length > 0) return { files: [], issues: [...pack.issues] };
  const sub = join(dir, 'templates');
  const folder = pack.dir ?? (statSync(sub, { throwIfNoEntry: false })?.isDirectory() === true ? sub : dir);
  let root: string;
  let names: string[];
  try {
    root = realpathSync(folder);
    names = readdirSync(root).filter((n) => TEMPLATE_FILE.test(n) && !NOT_TEMPLATES.test(n)).sort();
  } catch {
    return { files: [], issues: [{ file: folder, path: '', message: { 'zh-CN': '无法读取文件夹', en: 'the folder cannot be read' } }] };
  }
  if (names.length > MAX_TEMPLATE_FILES) return { files: [], issues: [{ file: folder, path: '', message: { 'zh-CN': `模板文件超过 ${String(MAX_TEMPLATE_FILES)} 个`, en: `more than ${String(MAX_TEMPLATE_FILES)} template files` } }] };
  const files: string[] = [];
  const issues: TemplateIssue[] = [];
  for (const name of names) {
    const file = join(root, name);
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      issues.push({ file, path: '', message: { 'zh-CN': '文件不存在', en: 'file not found' } });
      continue;
    }
    if (!inside(root, real)) issues.push({ file, path: '', message: { 'zh-CN': '文件在模板文件夹之外（符号链接），拒绝读取', en: 'the file lies outside the templates folder (symbolic link): refused' } });
    else files.push(file);
  }
  return { files, issues };
}

/**
 * Load the templates a path names: a template file (JSON or YAML), or a folder (see {@link templateFilesOf}).
 * Throws a TemplateLoadError listing every issue (file, line, path in the template) when any file is bad, or when
 * the path holds no template at all. A relative path is resolved from `from` (default: the process's folder; the
 * CLI gives the folder it runs in); a pack's `templates` folder from the folder of its pack.json.
 */
export function loadTemplatePath(path: string, from: string = process.cwd()): TemplateFromFile[] {
  const full = resolve(from, path);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (stat === undefined) throw new TemplateLoadError(path, [{ file: full, path: '', message: { 'zh-CN': '文件或文件夹不存在', en: 'no such file or folder' } }]);
  const { files, issues } = stat.isDirectory() ? templateFilesOf(full) : { files: [full], issues: [] as TemplateIssue[] };
  const out: TemplateFromFile[] = [];
  for (const file of files) {
    const read = readTemplateFile(file);
    if (read.template === undefined) issues.push(...read.issues);
    else out.push({ template: read.template, file });
  }
  if (issues.length > 0) throw new TemplateLoadError(path, issues);
  if (out.length === 0) throw new TemplateLoadError(path, [{ file: full, path: '', message: { 'zh-CN': `${basename(full)} 中没有模板文件（.json/.yaml）`, en: `no template file (.json/.yaml) in ${basename(full)}` } }]);
  return out;
}
