/**
 * Node-only entry (`@jixiao/core/node`): loading packs and configs from the file system. The main entry
 * stays free of Node built-ins so it bundles for a browser.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigSchema, PackManifestSchema, type Config, type Pack, type Rule } from '../pack/schema.js';
import { PackLoadError, sealValidatedPack, validateRule, zodIssues, type PackIssue } from '../pack/validate.js';

/** Largest rule or manifest file read (a pack is data; anything bigger is not a rule file). */
const MAX_PACK_FILE_BYTES = 1_000_000;
const MAX_RULE_FILES = 2_000;

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}

function readJsonFile(file: string, root: string, issues: PackIssue[]): unknown {
  let real: string;
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
  const size = statSync(real).size;
  if (size > MAX_PACK_FILE_BYTES) {
    issues.push({ file, path: '', message: `file is ${String(size)} bytes; a pack file may hold at most ${String(MAX_PACK_FILE_BYTES)}` });
    return undefined;
  }
  const text = readFileSync(real, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    issues.push({ file, path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
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
  const rules: Rule[] = [];
  for (const name of names) {
    const file = join(rulesDir, name);
    const raw = readJsonFile(file, root, issues);
    if (raw === undefined) continue;
    const { rule, issues: ruleIssues } = validateRule(raw, manifest.data.name, file);
    issues.push(...ruleIssues);
    if (rule) {
      if (`${manifest.data.name}/${name.replace(/\.json$/, '')}` !== rule.id) {
        issues.push({ file, ruleId: rule.id, path: 'id', message: `file name must match the rule id (${rule.id.split('/')[1] ?? ''}.json)` });
      }
      rules.push(rule);
    }
  }
  if (issues.length > 0) throw new PackLoadError(dir, issues);
  const { $schema: _s, rules: _r, ...meta } = manifest.data;
  return sealValidatedPack({ meta, rules, source: root });
}

/** Package name for a short pack name: `integrity` → `@jixiao/pack-integrity`. */
export function packPackageName(name: string): string {
  return /^[a-z][a-z0-9-]*$/.test(name) ? `@jixiao/pack-${name}` : name;
}

/**
 * Find a pack's folder from a spec: a folder path, a package name (`@jixiao/pack-staffing`) or a short name
 * (`staffing`). Packages are resolved from `from` (a folder), as Node resolves them.
 */
export function resolvePackDir(spec: string, from: string = process.cwd()): string {
  const asPath = resolve(from, spec);
  if (spec.startsWith('.') || isAbsolute(spec) || (existsSync(asPath) && statSync(asPath).isDirectory())) return asPath;
  const require = createRequire(join(resolve(from), 'noop.js'));
  for (const name of [packPackageName(spec), spec]) {
    try {
      const pkgFile = require.resolve(`${name}/package.json`);
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { jixiao?: { pack?: string } };
      const dir = resolve(pkgFile, '..');
      return pkg.jixiao?.pack === undefined ? dir : resolve(dir, pkg.jixiao.pack, '..');
    } catch {
      // try the next spelling
    }
  }
  throw new PackLoadError(spec, [{ path: '', message: `no pack folder or package named "${spec}" (tried ${packPackageName(spec)})` }]);
}

/** Resolve and load a pack. */
export function loadPack(spec: string, from?: string): Pack {
  return loadPackFromDir(resolvePackDir(spec, from));
}

export class ConfigLoadError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly issues: readonly PackIssue[],
  ) {
    super(`config ${file} is invalid:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigLoadError';
  }
}

/** Read and validate `jixiao.config.json`. */
export function loadConfigFile(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigLoadError(file, [{ path: '', message: 'file not found' }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigLoadError(file, [{ path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigLoadError(file, zodIssues(parsed.error.issues, file));
  return parsed.data;
}
