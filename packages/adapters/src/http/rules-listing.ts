import type { CompiledRule } from '@jixiao/core';

/** The loaded rules as `GET /v1/rules` lists them (and `jixiao rules --format json`, which adds parameter values). */
export function rulesListing(rules: readonly CompiledRule[]) {
  return rules.map(({ rule, pack, severity }) => ({
    id: rule.id,
    pack: { name: pack.name, version: pack.version },
    title: rule.title,
    ...(rule.description === undefined ? {} : { description: rule.description }),
    severity,
    defaultSeverity: rule.severity,
    redFlag: rule.redFlag === true,
    tags: rule.tags ?? [],
    basis: rule.basis,
    paths: rule.paths,
    parameters: (rule.parameters ?? []).map((p) => ({ name: p.name, title: p.title, type: p.type, ...(p.unit === undefined ? {} : { unit: p.unit }) })),
    ...(rule.effective === undefined ? {} : { effective: rule.effective }),
  }));
}
