import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackLoadError, TemplateLoadError, type Template } from '@jixiao/core';
import { ConfigLoadError, TEMPLATE_FILE, loadConfigFile, loadTemplatePath, packTemplatesDir, resolvePackDir, type TemplateFromFile } from '@jixiao/core/node';
import { shippedTemplates } from '@jixiao/import';
import { CliError } from './io.js';

/**
 * Form templates as plugins at check, import and serve time: `--template <id|file|folder|package>` (or the
 * config's `templates`), and the templates a selected pack carries beside its rules (pack.json `templates`), so a
 * province ships its form and its rules as one plugin. Files, folders and packages add templates to the shipped
 * ones (theirs are tried first, so they win a tie); an id (of a shipped template, or of one added) restricts the
 * shipped templates to the ids named. Every template is validated as `jixiao template validate` does (a pattern
 * that can backtrack catastrophically is refused with its file and line); two templates with one id are an
 * error naming both sources.
 */

/** Where packages are resolved from first: the CLI's own install (as for packs). */
const HERE = dirname(fileURLToPath(import.meta.url));

/** A spec that names a file or folder rather than an id or a package (as for packs, plus a template file name). */
function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || (spec.includes('/') && !/^@[^/]+\/[^/]+$/.test(spec)) || spec.includes('\\') || TEMPLATE_FILE.test(spec);
}

function invalid(error: unknown): never {
  if (error instanceof TemplateLoadError) throw new CliError(`模板无效 / invalid template: ${error.message}`);
  throw error;
}

/**
 * The templates to read forms with: undefined when nothing was selected (the shipped ones, the importer's default),
 * else the added templates then the shipped ones (restricted to the ids named, when any).
 * `packDirs`: the folders of the selected packs from outside this install (each may carry templates).
 */
export function selectTemplates(specs: readonly string[], packDirs: readonly (string | undefined)[], cwd: string): readonly Template[] | undefined {
  const shipped = shippedTemplates();
  const shippedIds = new Set(shipped.map((t) => t.id));
  const added: TemplateFromFile[] = [];
  const named: string[] = [];
  const add = (loaded: readonly TemplateFromFile[], via: string): void => {
    for (const t of loaded) {
      const known = added.find((a) => a.template.id === t.template.id);
      if (known?.file === t.file) continue;
      if (known !== undefined || shippedIds.has(t.template.id)) {
        const [zh, en] = known === undefined ? ['jixiao 自带的模板', 'the shipped template'] : [known.file, known.file];
        throw new CliError(
          `两个模板 id 相同 ${t.template.id}：${zh} 与 ${t.file}（${via}）；请改 id 或只选其一 / two templates have the id ${t.template.id}: ${en} and ${t.file} (${via}); change one id or select only one`,
        );
      }
      added.push(t);
    }
  };
  try {
    for (const dir of packDirs) {
      if (dir === undefined) continue;
      const pack = packTemplatesDir(dir);
      if (pack.issues.length > 0) throw new TemplateLoadError(dir, pack.issues);
      if (pack.dir !== undefined) add(loadTemplatePath(pack.dir), dir);
    }
    for (const spec of specs) {
      if (isPathSpec(spec)) add(loadTemplatePath(resolve(cwd, spec)), spec);
      else if (shippedIds.has(spec)) named.push(spec);
      else {
        let dir: string | undefined;
        try {
          dir = resolvePackDir(spec, cwd, { packagesFrom: [HERE, cwd] });
        } catch (error) {
          if (!(error instanceof PackLoadError)) throw error;
        }
        // Not a package or folder: the id of a template added by another spec, or nothing.
        if (dir === undefined) named.push(spec);
        else add(loadTemplatePath(dir), spec);
      }
    }
  } catch (error) {
    invalid(error);
  }
  const unknown = named.filter((id) => !shippedIds.has(id) && !added.some((a) => a.template.id === id));
  if (unknown.length > 0) {
    throw new CliError(
      `找不到模板 ${unknown.join('、')}：既不是模板文件、文件夹或包，也不是已知模板 id（${[...shippedIds].join('、')}） / no template ${unknown.join(', ')}: not a template file, folder or package, nor a known template id (${[...shippedIds].join(', ')})`,
    );
  }
  if (added.length === 0 && named.length === 0) return undefined;
  const chosen = named.filter((id) => shippedIds.has(id));
  return [...added.map((a) => a.template), ...(chosen.length === 0 ? shipped : shipped.filter((t) => chosen.includes(t.id)))];
}

/** What selects templates: `--template` values, the config file, `--pack` values (their templates). */
export interface TemplateSelection {
  readonly templates?: readonly string[] | undefined;
  readonly packs?: readonly string[] | undefined;
  readonly configFile?: string | undefined;
  readonly cwd: string;
}

/**
 * The templates selected for a command that compiles no packs (`jixiao import`): `--template` values or else the
 * config's `templates`, plus those carried by the packs selected (`--pack` or the config's packs).
 */
export function loadTemplateSelection(selection: TemplateSelection): readonly Template[] | undefined {
  let config: { packs?: string[]; templates?: string[] } = {};
  try {
    if (selection.configFile !== undefined) config = loadConfigFile(resolve(selection.cwd, selection.configFile));
  } catch (error) {
    if (error instanceof ConfigLoadError) throw new CliError(error.message);
    throw error;
  }
  const packs = (selection.packs && selection.packs.length > 0 ? selection.packs : (config.packs ?? [])).filter((s) => s !== 'standard');
  let dirs: string[];
  try {
    dirs = packs.map((spec) => resolvePackDir(spec, selection.cwd, { packagesFrom: [HERE, selection.cwd] }));
  } catch (error) {
    if (error instanceof PackLoadError) throw new CliError(error.message);
    throw error;
  }
  return selectTemplates(selection.templates && selection.templates.length > 0 ? selection.templates : (config.templates ?? []), dirs, selection.cwd);
}
