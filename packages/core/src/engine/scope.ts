import type { Rule } from '../pack/schema.js';

/**
 * Where a rule runs. `form`: with each form on its own (the default). `history`: a rule that requires
 * `history.previous` (the same unit's form for fiscal year − 1) and `batch`: a rule of `"scope": "batch"` (it sees
 * the form among every form of the run) are cross-form rules: checked once the whole run is known.
 */
export type RuleScope = 'form' | 'history' | 'batch';

/** The required references that name a cross-form context rather than a value: without one, not applicable. */
export const CONTEXT_REQUIREMENTS: readonly string[] = ['history.previous', 'batch'];

/** The facts only cross-form rules can read. */
export const CROSS_FORM_FACTS = ['history', 'batch'] as const;

export function ruleScope(rule: Pick<Rule, 'scope' | 'requires'>): RuleScope {
  if (rule.scope === 'batch') return 'batch';
  return (rule.requires ?? []).includes('history.previous') ? 'history' : 'form';
}

/** The contexts a rule requires: its `history.previous` and `batch` requirements, and `batch` for a batch rule. */
export function contextRequirements(rule: Pick<Rule, 'scope' | 'requires'>): string[] {
  const out = (rule.requires ?? []).filter((r) => CONTEXT_REQUIREMENTS.includes(r));
  if (rule.scope === 'batch' && !out.includes('batch')) out.push('batch');
  return out;
}
