import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalRule } from '@jixiao/testing';
import type { Rule } from '../pack/schema.js';
import { orderStages } from './stages.js';

const rule = (id: string, after?: string[]): Rule => minimalRule(id, after === undefined ? {} : { after });

/** What the pack schema says a pattern in `after` names: `*` every rule without `after`, `pack/*` every rule of that pack, else one id. */
function named(pattern: string, other: Rule, self: Rule): boolean {
  if (other.id === self.id) return false;
  if (pattern === '*') return (other.after ?? []).length === 0;
  if (pattern.endsWith('/*')) return other.id.split('/')[0] === pattern.split('/')[0];
  return other.id === pattern;
}

describe('orderStages: the order `after` asks for', () => {
  it('puts rules without `after` in stage 0 and a rule after them in stage 1', () => {
    const stages = orderStages([rule('demo/a'), rule('demo/b'), rule('demo/last', ['*'])]);
    expect(Object.fromEntries(stages)).toEqual({ 'demo/a': 0, 'demo/b': 0, 'demo/last': 1 });
  });

  it('chains stages: a rule after a rule with `after` comes one stage later', () => {
    const stages = orderStages([rule('demo/c', ['demo/b']), rule('demo/b', ['demo/a']), rule('demo/a')]);
    expect(Object.fromEntries(stages)).toEqual({ 'demo/a': 0, 'demo/b': 1, 'demo/c': 2 });
  });

  it('reads `pack/*` as every rule of that pack and nothing else, the rule itself excepted', () => {
    const stages = orderStages([
      rule('demo/a'),
      rule('demo/b', ['demo/a']),
      rule('demox/c'),
      rule('other/d', ['other/e']),
      rule('other/e'),
      rule('demo/z', ['demo/*']),
      rule('report/r', ['demo/*']),
    ]);
    // demo/z after demo/a (0) and demo/b (1), not after itself; report/r likewise after demo/z (2).
    expect(stages.get('demo/z')).toBe(2);
    expect(stages.get('report/r')).toBe(3);
    // `demox/c` does not belong to pack `demo`: a rule after it alone would run in stage 1, here it is stage 0.
    expect(stages.get('demox/c')).toBe(0);
    expect(stages.get('other/d')).toBe(1);
  });

  it('reads `demo/*` as pack `demo` only: not a pack whose name begins the same way', () => {
    const stages = orderStages([rule('demo/a'), rule('demox/b', ['demo/a']), rule('demox/c', ['demox/b']), rule('report/r', ['demo/*'])]);
    expect(Object.fromEntries(stages)).toEqual({ 'demo/a': 0, 'demox/b': 1, 'demox/c': 2, 'report/r': 1 });
  });

  it('a rule after a rule whose `after` names nothing selected still runs after it, whichever comes first in the list', () => {
    const stages = orderStages([rule('demo/b', ['demo/a']), rule('demo/a', ['gone/rule'])]);
    expect(Object.fromEntries(stages)).toEqual({ 'demo/a': 1, 'demo/b': 2 });
  });

  it('reads `*` as the rules without `after` only: two `*` rules do not wait for each other', () => {
    const stages = orderStages([rule('demo/a'), rule('demo/x', ['*']), rule('demo/y', ['*'])]);
    expect(stages.get('demo/x')).toBe(1);
    expect(stages.get('demo/y')).toBe(1);
  });

  it('runs a rule whose `after` names no selected rule after the first stage all the same', () => {
    expect(orderStages([rule('demo/a', ['gone/rule'])]).get('demo/a')).toBe(1);
    expect(orderStages([rule('demo/a', ['demo/*'])]).get('demo/a')).toBe(1);
  });

  it('refuses a cycle, naming a rule on it', () => {
    expect(() => orderStages([rule('demo/a', ['demo/b']), rule('demo/b', ['demo/c']), rule('demo/c', ['demo/a'])])).toThrow(
      /rule demo\/[abc]: circular "after" dependency/,
    );
    expect(() => orderStages([rule('demo/a', ['other/*']), rule('other/b', ['demo/*'])])).toThrow(/circular/);
  });

  // Acyclic by construction: rule i names only rules before it (by id or by its pack), or `*`.
  const packs = ['p', 'q', 'r'] as const;
  const rulesArb = fc
    .array(fc.record({ pack: fc.constantFrom(...packs), picks: fc.array(fc.nat(), { maxLength: 3 }), star: fc.boolean(), wildcard: fc.boolean() }), {
      minLength: 1,
      maxLength: 12,
    })
    .map((specs) => {
      const rules: Rule[] = [];
      specs.forEach((s, i) => {
        const earlier = rules.slice(0, i);
        const after = new Set<string>();
        for (const p of s.picks) {
          const picked = earlier[p % Math.max(earlier.length, 1)];
          if (picked) after.add(picked.id);
        }
        if (s.star) after.add('*');
        // A pack wildcard only for a pack that has no rule yet besides earlier ones and is not the rule's own pack.
        const other = packs.find((p) => p !== s.pack);
        if (s.wildcard && other !== undefined && earlier.some((r) => r.id.startsWith(`${other}/`))) after.add(`${other}/*`);
        rules.push(rule(`${s.pack}/r${i}`, after.size > 0 ? [...after] : undefined));
      });
      return rules;
    })
    // A later rule of pack `other` would make the wildcard name a rule after this one: keep only orders without that.
    .filter((rules) =>
      rules.every((r, i) => (r.after ?? []).filter((p) => p.endsWith('/*')).every((p) => !rules.slice(i + 1).some((later) => named(p, later, r)))),
    );

  it('property: every rule runs after every rule it names, as early as that allows; no `after` means stage 0', () => {
    fc.assert(
      fc.property(rulesArb, (rules) => {
        const stages = orderStages(rules);
        expect(stages.size).toBe(rules.length);
        for (const r of rules) {
          const s = stages.get(r.id) ?? NaN;
          const after = r.after ?? [];
          if (after.length === 0) {
            expect(s).toBe(0);
            continue;
          }
          const deps = rules.filter((d) => after.some((p) => named(p, d, r)));
          for (const d of deps) expect(s).toBeGreaterThan(stages.get(d.id) ?? NaN);
          // As early as allowed: stage 1, or one stage after its latest dependency.
          expect(s === 1 || deps.some((d) => stages.get(d.id) === s - 1)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
