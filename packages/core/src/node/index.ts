/**
 * Node-only entry (`@jixiao/core/node`): loading packs and configs from the file system. The main entry
 * stays free of Node built-ins so it bundles for a browser.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { LocalizedText } from '../i18n/locale.js';
import { parseStrictJson } from '../pack/json.js';
import { safePackFromJson } from '../pack/from-json.js';
import { ConfigSchema, PackManifestSchema, type Config, type Pack } from '../pack/schema.js';
import { PackLoadError, zodIssues, type PackIssue } from '../pack/validate.js';
import { inside, MAX_DATA_FILE_BYTES, readTextFileBounded } from './read.js';

export { MAX_DATA_FILE_BYTES, readTextFileBounded } from './read.js';
export type { BoundedReadResult } from './read.js';
export { loadTemplatePath, packTemplatesDir, readTemplateFile, TEMPLATE_FILE, type TemplateFromFile } from './templates.js';

/** Largest rule or manifest file read (a pack is data; anything bigger is not a rule file). */
const MAX_PACK_FILE_BYTES = MAX_DATA_FILE_BYTES;
const MAX_RULE_FILES = 2_000;

const both = (t: LocalizedText) => `${t['zh-CN']} / ${t.en}`;

/** Read a pack or config file: a regular file under the cap, strict JSON (no duplicate keys, bounded nesting). */
function readJsonFile(file: string, root: string | undefined, issues: PackIssue[]): unknown {
  let real = file;
  if (root !== undefined) {
    try {
      real = realpathSync(file);
    } catch {
      issues.push({ file, path: '', message: 'file not found' });
      return undefined;
    }
    if (!inside(root, real)) {
      issues.push({ file, path: '', message: 'file lies outside the pack folder (symlink or ".." path): refused' });
      return undefined;
    }
  }
  const read = readTextFileBounded(real, MAX_PACK_FILE_BYTES);
  if (!read.ok) {
    issues.push({ file, path: '', message: both(read.reason) });
    return undefined;
  }
  const parsed = parseStrictJson(read.text);
  if (!parsed.ok) {
    issues.push({ file, path: parsed.issue.path ?? '', ...(parsed.issue.line === undefined ? {} : { line: parsed.issue.line }), message: both(parsed.issue.message) });
    return undefined;
  }
  return parsed.value;
}

/**
 * Load a data-only pack from a folder: `pack.json` plus the rule files in its `rules` folder. Nothing in the
 * folder is executed. Throws PackLoadError naming every bad file and rule.
 */
export function loadPackFromDir(dir: string): Pack {
  const issues: PackIssue[] = [];
  let root: string;
  try {
    root = realpathSync(resolve(dir));
  } catch {
    throw new PackLoadError(dir, [{ path: '', message: 'pack folder not found' }]);
  }
  const manifestFile = join(root, 'pack.json');
  const rawManifest = readJsonFile(manifestFile, root, issues);
  if (rawManifest === undefined) throw new PackLoadError(dir, issues);
  const manifest = PackManifestSchema.safeParse(rawManifest);
  if (!manifest.success) throw new PackLoadError(dir, zodIssues(manifest.error.issues, manifestFile));
  const rulesDir = resolve(root, manifest.data.rules);
  if (!inside(root, rulesDir)) throw new PackLoadError(dir, [{ file: manifestFile, path: 'rules', message: 'rules folder lies outside the pack folder: refused' }]);
  let names: string[];
  try {
    names = readdirSync(rulesDir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new PackLoadError(dir, [{ file: manifestFile, path: 'rules', message: `rules folder ${manifest.data.rules} not found` }]);
  }
  if (names.length > MAX_RULE_FILES) throw new PackLoadError(dir, [{ file: rulesDir, path: '', message: `more than ${String(MAX_RULE_FILES)} rule files` }]);
  const rules: Record<string, unknown> = {};
  for (const name of names) {
    const raw = readJsonFile(join(rulesDir, name), root, issues);
    if (raw !== undefined) rules[name] = raw;
  }
  // The files are read; validating them is the same as for JSON from anywhere else (a browser, a bundler).
  const read = safePackFromJson({ manifest: rawManifest, rules, source: root, fileName: (name) => join(rulesDir, name) });
  if (!read.ok || issues.length > 0) throw new PackLoadError(dir, [...issues, ...(read.ok ? [] : read.issues)]);
  return read.pack;
}

/** Package name for a short pack name: `integrity` → `@jixiao/pack-integrity`. */
export function packPackageName(name: string): string {
  return /^[a-z][a-z0-9-]*$/.test(name) ? `@jixiao/pack-${name}` : name;
}

/** A spec that names a folder rather than a package: `./x`, `../x`, `/abs/x`, `x/y` that is not `@scope/name`. */
function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || (spec.includes('/') && !/^@[^/]+\/[^/]+$/.test(spec)) || spec.includes('\\');
}

/**
 * The pack folder of an installed package, looked up from `from` as Node resolves packages; undefined when no
 * such package is installed there. The package's `jixiao.pack` pointer (the manifest, e.g. `pack.json`) must stay
 * inside the package: a pointer that leaves it is refused.
 */
function packageDir(name: string, from: string): string | undefined {
  let pkgFile: string;
  try {
    pkgFile = createRequire(join(resolve(from), 'noop.js')).resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
  const dir = dirname(pkgFile);
  const read = readTextFileBounded(pkgFile);
  const parsed = read.ok ? parseStrictJson(read.text) : undefined;
  if (parsed?.ok !== true) throw new PackLoadError(name, [{ file: pkgFile, path: '', message: read.ok ? both(parsed?.ok === false ? parsed.issue.message : { 'zh-CN': '无法解析', en: 'cannot be parsed' }) : both(read.reason) }]);
  const pointer = (parsed.value as { jixiao?: { pack?: unknown } } | null)?.jixiao?.pack;
  if (pointer === undefined) return dir;
  if (typeof pointer !== 'string' || pointer === '') throw new PackLoadError(name, [{ file: pkgFile, path: 'jixiao.pack', message: 'jixiao.pack 应为清单文件的相对路径 / jixiao.pack must be the relative path of the pack manifest' }]);
  const target = resolve(dir, pointer, '..');
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    real = target;
  }
  if (!inside(realpathSync(dir), real)) {
    throw new PackLoadError(name, [{ file: pkgFile, path: 'jixiao.pack', message: `jixiao.pack 指向包外（${pointer}），拒绝加载 / jixiao.pack points outside its package (${pointer}): refused` }]);
  }
  return target;
}

/** Options of {@link resolvePackDir}. */
export interface ResolvePackOptions {
  /**
   * Folders whose installed packages a short or package name resolves from, in order (default: `from` only). The
   * CLI lists its own install first, so `integrity` means the pack it ships with, whatever folders sit in the
   * working directory.
   */
  readonly packagesFrom?: readonly string[];
}

/**
 * Find a pack's folder from a spec: a folder path (`./my-pack`, `/abs/pack`), a package name
 * (`@jixiao/pack-staffing`) or a short name (`staffing`). Names resolve to installed packages first (from each of
 * `packagesFrom`, as Node resolves them) and only then to a folder of that name under `from`.
 */
export function resolvePackDir(spec: string, from: string = process.cwd(), options: ResolvePackOptions = {}): string {
  const asPath = resolve(from, spec);
  if (isPathSpec(spec)) return asPath;
  for (const root of options.packagesFrom ?? [from]) {
    for (const name of [...new Set([packPackageName(spec), spec])]) {
      const dir = packageDir(name, root);
      if (dir !== undefined) return dir;
    }
  }
  if (statSync(asPath, { throwIfNoEntry: false })?.isDirectory() === true) return asPath;
  throw new PackLoadError(spec, [{ path: '', message: `no pack folder or package named "${spec}" (tried ${packPackageName(spec)})` }]);
}

/** Resolve and load a pack. */
export function loadPack(spec: string, from?: string, options?: ResolvePackOptions): Pack {
  return loadPackFromDir(resolvePackDir(spec, from, options));
}

export class ConfigLoadError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly issues: readonly PackIssue[],
  ) {
    super(`config ${file} is invalid:\n${issues.map((i) => `  ${i.line === undefined ? '' : `${file}:${String(i.line)} `}${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigLoadError';
  }
}

/** Read and validate `jixiao.config.json` (a regular file under the cap, strict JSON). */
export function loadConfigFile(file: string): Config {
  const issues: PackIssue[] = [];
  const raw = readJsonFile(file, undefined, issues);
  if (raw === undefined) throw new ConfigLoadError(file, issues);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigLoadError(file, zodIssues(parsed.error.issues, file));
  return parsed.data;
}
