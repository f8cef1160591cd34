import type { Rule } from '../pack/schema.js';

function matches(pattern: string, ruleId: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return ruleId.startsWith(pattern.slice(0, -1));
  return pattern === ruleId;
}

/**
 * Stage of each rule: rules with `after` run once every rule they name has run, so they can read those
 * outcomes through the `findings` fact. `*` means every rule that itself has no `after`. A cycle is an error.
 */
export function orderStages(rules: readonly Rule[]): Map<string, number> {
  const stage = new Map<string, number>();
  const visiting = new Set<string>();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const deps = (rule: Rule): Rule[] =>
    (rule.after ?? []).flatMap((p) =>
      rules.filter((r) => r.id !== rule.id && matches(p, r.id) && (p !== '*' || r.after === undefined || r.after.length === 0)),
    );
  const visit = (rule: Rule): number => {
    const known = stage.get(rule.id);
    if (known !== undefined) return known;
    if (visiting.has(rule.id)) throw new Error(`rule ${rule.id}: circular "after" dependency`);
    visiting.add(rule.id);
    const s = Math.max(-1, ...deps(rule).map(visit)) + 1;
    visiting.delete(rule.id);
    stage.set(rule.id, (rule.after ?? []).length > 0 ? Math.max(s, 1) : s);
    return stage.get(rule.id) ?? s;
  };
  for (const r of byId.values()) visit(r);
  return stage;
}
