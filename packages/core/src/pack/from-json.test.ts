// The browser-friendly pack loader: JSON values in, a validated frozen pack out, every bad file named.
import { describe, expect, it } from 'vitest';
import manifest from '../../../../rules/budget/pack.json' with { type: 'json' };
import surplus from '../../../../rules/budget/src/rules/surplus-consistent.json' with { type: 'json' };
import { createChecker } from '../engine/checker.js';
import { passingEvaluation } from './cases.js';
import { packFromJson, safePackFromJson } from './from-json.js';
import { PackLoadError } from './validate.js';

describe('packFromJson', () => {
  it('builds a frozen pack that a checker runs', async () => {
    const pack = packFromJson({ manifest, rules: { 'surplus-consistent.json': surplus } });
    expect(pack.meta.name).toBe('budget');
    expect(pack.rules.map((r) => r.id)).toEqual(['budget/surplus-consistent']);
    expect(Object.isFrozen(pack.rules[0])).toBe(true);
    const result = await createChecker([pack]).checkEvaluation(passingEvaluation(), { source: 'x' });
    expect(result.findings.map((f) => [f.ruleId, f.outcome])).toEqual([['budget/surplus-consistent', 'pass']]);
  });

  it('names the file of a rule that breaks the schema, and a file name that does not match the id', () => {
    const broken = { ...surplus, severity: 'fatal' };
    const read = safePackFromJson({ manifest, rules: { 'surplus-consistent.json': broken, 'other.json': surplus }, fileName: (n) => `my-pack/src/rules/${n}` });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toContainEqual(expect.objectContaining({ file: 'my-pack/src/rules/surplus-consistent.json', path: 'severity' }));
    expect(read.issues).toContainEqual(expect.objectContaining({ file: 'my-pack/src/rules/other.json', path: 'id', ruleId: 'budget/surplus-consistent' }));
  });

  it('throws PackLoadError for a manifest that is not one', () => {
    expect(() => packFromJson({ manifest: { name: 'Bad Name' }, rules: {} })).toThrow(PackLoadError);
  });
});
