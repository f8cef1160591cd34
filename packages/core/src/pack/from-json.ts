import { PackManifestSchema, type Pack, type Rule } from './schema.js';
import { PackLoadError, sealValidatedPack, validateRule, zodIssues, type PackIssue } from './validate.js';

/** A data-only pack as parsed JSON values: its manifest (`pack.json`) and its rule files by file name. */
export interface PackJson {
  /** The parsed `pack.json`. */
  readonly manifest: unknown;
  /** The parsed rule files, by file name (`income-total.json`); the name must match the rule id. */
  readonly rules: Readonly<Record<string, unknown>>;
  /** Where the pack came from (a folder, a package name, an upload), for messages. Default: the pack's name. */
  readonly source?: string;
  /** How to name a rule file in issues (default: the file name itself). */
  readonly fileName?: (name: string) => string;
}

/**
 * Build a pack from parsed JSON (a browser, a bundler's JSON import, a zip read in memory): the manifest and each
 * rule are validated as `loadPackFromDir` validates files on disk (schema, semantics, file name = rule id), and
 * the result is frozen. Throws {@link PackLoadError} naming every bad file and rule; nothing is executed.
 *
 * @example
 * import manifest from '@jixiao/pack-budget/pack.json' with { type: 'json' };
 * import rule from '@jixiao/pack-budget/src/rules/surplus-consistent.json' with { type: 'json' };
 * const pack = packFromJson({ manifest, rules: { 'surplus-consistent.json': rule } });
 * const checker = createChecker([pack]);
 */
export function packFromJson(input: PackJson): Pack {
  const fileName = input.fileName ?? ((name: string) => name);
  const manifest = PackManifestSchema.safeParse(input.manifest);
  const label = input.source ?? (manifest.success ? manifest.data.name : 'pack.json');
  if (!manifest.success) throw new PackLoadError(label, zodIssues(manifest.error.issues, fileName('pack.json')));
  const issues: PackIssue[] = [];
  const rules: Rule[] = [];
  for (const name of Object.keys(input.rules).sort()) {
    const file = fileName(name);
    const { rule, issues: ruleIssues } = validateRule(input.rules[name], manifest.data.name, file);
    issues.push(...ruleIssues);
    if (!rule) continue;
    const base = name.split(/[\\/]/).at(-1) ?? name;
    if (`${manifest.data.name}/${base.replace(/\.json$/, '')}` !== rule.id) {
      issues.push({ file, ruleId: rule.id, path: 'id', message: `file name must match the rule id (${rule.id.split('/')[1] ?? ''}.json)` });
    }
    rules.push(rule);
  }
  if (issues.length > 0) throw new PackLoadError(label, issues);
  const { $schema: _s, rules: _r, templates: _t, ...meta } = manifest.data;
  return sealValidatedPack({ meta, rules, ...(input.source === undefined ? {} : { source: input.source }) });
}

/** {@link packFromJson} without throwing: the pack, or the issues that stop it. */
export function safePackFromJson(input: PackJson): { ok: true; pack: Pack } | { ok: false; issues: readonly PackIssue[] } {
  try {
    return { ok: true, pack: packFromJson(input) };
  } catch (error) {
    if (error instanceof PackLoadError) return { ok: false, issues: error.issues };
    throw error;
  }
}
