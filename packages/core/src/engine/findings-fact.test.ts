import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Finding } from '../result/model.js';
import { findingsFact } from './findings-fact.js';

function finding(ruleId: string, outcome: Finding['outcome'], extra: Partial<Finding> = {}): Finding {
  return { ruleId, pack: 'demo', title: 't', outcome, severity: 'warning', redFlag: false, messageId: `${ruleId}#x`, message: '', data: {}, paths: [], observed: {}, basis: [], ...extra };
}
const waiver = { reason: '已说明', approver: '审核人', expires: '2099-12-31' };

describe('findingsFact: what a rule running `after` others sees', () => {
  it('worked example: failures, error failures, red flags and waived failures counted apart; undecided rules skipped', () => {
    const fact = findingsFact([
      finding('demo/a', 'pass'),
      undefined,
      finding('demo/b', 'fail', { severity: 'error', redFlag: true }),
      finding('demo/c', 'fail', { severity: 'error', waiver }),
      finding('demo/d', 'fail'),
      finding('demo/e', 'indeterminate', { severity: 'error', redFlag: true }),
    ]);
    expect(fact).toEqual({
      outcomes: { 'demo/a': 'pass', 'demo/b': 'fail', 'demo/c': 'fail', 'demo/d': 'fail', 'demo/e': 'indeterminate' },
      evaluatedCount: 5,
      failedRules: ['demo/b', 'demo/d'],
      errorFailures: ['demo/b'],
      errorFailureCount: 1,
      redFlags: ['demo/b'],
      redFlagCount: 1,
      waivedRules: ['demo/c'],
      waivedCount: 1,
    });
  });

  it('nothing decided yet: nothing to judge against', () => {
    expect(findingsFact([undefined, undefined])).toMatchObject({ evaluatedCount: 0, failedRules: [], waivedRules: [], errorFailureCount: 0, redFlagCount: 0, waivedCount: 0 });
  });

  it('property: a waived failure is never a failure, every decided rule is counted once, and the counts are the lists’ lengths', () => {
    const arb = fc.array(
      fc.option(
        fc.record({ outcome: fc.constantFrom(...OUTCOMES), severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const), redFlag: fc.boolean(), waived: fc.boolean() }),
        { nil: undefined },
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const findings = specs.map((s, i) => (s ? finding(`demo/r${i}`, s.outcome, { severity: s.severity, redFlag: s.redFlag, ...(s.waived ? { waiver } : {}) }) : undefined));
        const fact = findingsFact(findings);
        const decided = findings.filter((f) => f !== undefined);
        expect(fact.evaluatedCount).toBe(decided.length);
        expect(Object.keys(fact.outcomes).sort()).toEqual(decided.map((f) => f.ruleId).sort());
        const failing = decided.filter((f) => f.outcome === 'fail');
        expect(fact.waivedRules).toEqual(failing.filter((f) => f.waiver).map((f) => f.ruleId));
        expect(fact.failedRules).toEqual(failing.filter((f) => !f.waiver).map((f) => f.ruleId));
        for (const id of fact.errorFailures) expect(fact.failedRules).toContain(id);
        for (const id of fact.redFlags) expect(fact.failedRules).toContain(id);
        expect(fact.errorFailureCount).toBe(fact.errorFailures.length);
        expect(fact.redFlagCount).toBe(fact.redFlags.length);
        expect(fact.waivedCount).toBe(fact.waivedRules.length);
      }),
      { numRuns: 300 },
    );
  });
});
