import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack } from '@jixiao/core/node';
import { PackLoadError, ParameterValueError, closest, createChecker, factCatalogue, lintRuleFacts, type Checker, type Config, type Pack, type Severity, type Template } from '@jixiao/core';
import standard from './presets/standard.json' with { type: 'json' };
import { globMatcher } from './batch/collect.js';
import { loadConfig } from './config.js';
import { CliError } from './io.js';
import { selectTemplates } from './templates.js';

/** Where bundled packs are resolved from: the CLI's own install (its dependencies). */
const HERE = dirname(fileURLToPath(import.meta.url));

export interface PackSelection {
  /** `--pack` values (names, package names or folders); replace the config's packs. */
  readonly packs?: readonly string[] | undefined;
  /** `--config` file. */
  readonly configFile?: string | undefined;
  /** `--template` values (template files, folders, packages or ids); replace the config's templates. */
  readonly templates?: readonly string[] | undefined;
  readonly cwd: string;
  /** `--rule` / `--severity`: only the rules they select run. */
  readonly only?: RuleFilter | undefined;
}

/** Which rules run (`--rule`, `--severity`): the others are off, as if the config said so. */
export interface RuleFilter {
  /** Rule ids, pack names (all their rules) or globs (`integrity/*`); each must match a rule. */
  readonly rules?: readonly string[];
  /** Severities in force (after the config). */
  readonly severities?: readonly Severity[];
}

/** `standard` is the preset of the packs this CLI ships; any other spec names one pack. */
function expand(spec: string): string[] {
  return spec === 'standard' ? standard.packs.map((p) => p.package) : [spec];
}

/**
 * Load one pack by spec: a folder path, or a name, which resolves to the packs installed with this CLI first,
 * then to packages installed in the working directory, and only then to a folder of that name there.
 */
export function resolvePack(spec: string, cwd: string): Pack {
  return loadPack(spec, cwd, { packagesFrom: [HERE, cwd] });
}

/**
 * Load the selected packs (the `standard` preset by default) and the config; compile them once. `config` is the
 * configuration in force: the file's, with the rules a filter leaves out turned off. With them, the form templates
 * selected (`--template`, the config's, those the packs carry; undefined: the shipped ones).
 */
export function loadChecker(selection: PackSelection): { checker: Checker; packs: Pack[]; config: Config; warnings: string[]; templates: readonly Template[] | undefined } {
  const config: Config = selection.configFile === undefined ? {} : loadConfig(resolve(selection.cwd, selection.configFile), selection.configFile);
  const specs = selection.packs && selection.packs.length > 0 ? selection.packs : (config.packs ?? ['standard']);
  const packs: Pack[] = [];
  const userPacks: Pack[] = [];
  /** Where each selected pack came from, by name: the same folder twice is one pack, two folders one name an error. */
  const origins = new Map<string, { spec: string; source: string | undefined }>();
  try {
    for (const spec of specs) {
      for (const name of expand(spec)) {
        const pack = resolvePack(name, selection.cwd);
        const known = origins.get(pack.meta.name);
        if (known !== undefined) {
          if (known.source === pack.source) continue;
          throw new CliError(
            `两个所选规则包同名 ${pack.meta.name}：${known.spec}（${known.source ?? '?'}）与 ${spec}（${pack.source ?? '?'}）；请改名或只选其一 / two selected packs are named ${pack.meta.name}: ${known.spec} (${known.source ?? '?'}) and ${spec} (${pack.source ?? '?'}); rename one or select only one`,
          );
        }
        origins.set(pack.meta.name, { spec, source: pack.source });
        packs.push(pack);
        if (spec !== 'standard') userPacks.push(pack);
      }
    }
    assertFactsKnown(userPacks, packs);
    const inForce = selection.only === undefined ? config : onlySelected(config, packs, selection.only);
    const templates = selectTemplates(selection.templates && selection.templates.length > 0 ? selection.templates : (config.templates ?? []), userPacks.map((p) => p.source), selection.cwd);
    const checker = createChecker(packs, inForce);
    return { checker, packs, config: inForce, warnings: unusedSettings(config, packs, checker), templates };
  } catch (error) {
    if (error instanceof PackLoadError) throw new CliError(error.message);
    if (error instanceof ParameterValueError) {
      const where = selection.configFile === undefined ? '' : ` ${selection.configFile}`;
      throw new CliError(`配置无效${where} / invalid configuration${where}:\n${error.issues.map((i) => `  ${i.path}: ${i.message['zh-CN']}\n  ${i.path}: ${i.message.en}`).join('\n')}`);
    }
    if (error instanceof Error && error.message.includes('circular')) throw new CliError(error.message);
    throw error;
  }
}

/** A `--rule` value as a test of rule ids: a glob, else an id or a pack name. */
function ruleMatcher(spec: string): (id: string) => boolean {
  if (/[*?[]/.test(spec)) return globMatcher(spec);
  return (id) => id === spec || id.startsWith(`${spec}/`);
}

/** The config with every rule the filter leaves out turned off; a `--rule` that matches nothing is an error. */
function onlySelected(config: Config, packs: readonly Pack[], only: RuleFilter): Config {
  const ids = packs.flatMap((p) => p.rules.map((r) => r.id));
  const tests = (only.rules ?? []).map((spec) => {
    const test = ruleMatcher(spec);
    if (!ids.some(test)) {
      const near = closest(spec, ids);
      const hint = near === undefined ? { zh: '', en: '' } : { zh: `；是否指 ${near}？`, en: `; did you mean ${near}?` };
      throw new CliError(`--rule ${spec} 不匹配所选规则包中的任何规则${hint.zh} / --rule ${spec} matches no rule of the selected packs${hint.en}`);
    }
    return test;
  });
  const settings: NonNullable<Config['rules']> = { ...config.rules };
  let kept = 0;
  for (const rule of packs.flatMap((p) => p.rules)) {
    const setting = settings[rule.id];
    const level = typeof setting === 'object' ? setting.severity : setting;
    if (level === 'off') continue;
    const severity = level ?? rule.severity;
    if ((tests.length === 0 || tests.some((t) => t(rule.id))) && (only.severities === undefined || only.severities.includes(severity))) kept++;
    else settings[rule.id] = 'off';
  }
  if (kept === 0) throw new CliError('--rule 与 --severity 没有选中任何规则 / --rule and --severity select no rule');
  return { ...config, rules: settings };
}

/**
 * A pack from outside this install must read facts that exist, with operators that fit them: a condition on
 * `staffing.actaul` would otherwise read nothing and pass in silence. (`jixiao pack validate` gives lines.)
 */
function assertFactsKnown(userPacks: readonly Pack[], all: readonly Pack[]): void {
  if (userPacks.length === 0) return;
  const catalogue = factCatalogue(all, true);
  const names = new Set(all.map((p) => p.meta.name));
  const errors: string[] = [];
  for (const pack of userPacks) {
    for (const rule of pack.rules) {
      for (const issue of lintRuleFacts(rule, catalogue, names)) {
        if (issue.level === 'error') errors.push(`  ${rule.id} ${issue.path}: ${issue.message['zh-CN']} / ${issue.message.en}`);
      }
    }
  }
  if (errors.length > 0) {
    throw new CliError(`规则包读取了不存在的字段或用错了运算符（详见 jixiao pack validate） / a pack reads unknown facts or misuses operators (see jixiao pack validate):\n${errors.join('\n')}`);
  }
}

/** Config entries that match nothing loaded (a typo must not be silently ignored). */
function unusedSettings(config: Config, packs: readonly Pack[], checker: Checker): string[] {
  const ruleIds = new Set(packs.flatMap((p) => p.rules.map((r) => r.id)));
  const warnings: string[] = [];
  for (const id of Object.keys(config.rules ?? {})) {
    if (!ruleIds.has(id)) warnings.push(`配置中的规则 ${id} 未在所选规则包中找到 / config names rule ${id}, which no selected pack defines`);
  }
  for (const id of Object.keys(config.parameters ?? {})) {
    if (!checker.parameters.has(id)) warnings.push(`配置中的参数 ${id} 未被任何规则声明 / config sets parameter ${id}, which no selected rule declares`);
  }
  return warnings;
}
