import type { Finding, Outcome } from '../result/model.js';

/**
 * The `findings` fact: what a rule that runs `after` others sees of their outcomes (by the checker, from the
 * findings decided so far; by the case runner's coverage, from a result). A waived failure is the reviewer's
 * accepted exception: it is counted apart (`waivedRules`), as the summary counts it, and not among the failures,
 * error failures or red flags.
 */
export function findingsFact(findings: readonly (Finding | undefined)[]) {
  const outcomes: Record<string, Outcome> = {};
  const failedRules: string[] = [];
  const redFlags: string[] = [];
  const errorFailures: string[] = [];
  const waivedRules: string[] = [];
  let evaluated = 0;
  for (const f of findings) {
    if (!f) continue;
    // Rule ids are unique across a checker's packs (pack validation), so each id is counted once.
    outcomes[f.ruleId] = f.outcome;
    evaluated++;
    if (f.outcome !== 'fail') continue;
    if (f.waiver !== undefined) {
      waivedRules.push(f.ruleId);
      continue;
    }
    failedRules.push(f.ruleId);
    if (f.severity === 'error') errorFailures.push(f.ruleId);
    if (f.redFlag) redFlags.push(f.ruleId);
  }
  return {
    outcomes,
    /** How many rules ran before this stage (0: nothing to judge a self-rating against). */
    evaluatedCount: evaluated,
    failedRules,
    errorFailures,
    errorFailureCount: errorFailures.length,
    redFlags,
    redFlagCount: redFlags.length,
    waivedRules,
    waivedCount: waivedRules.length,
  };
}
