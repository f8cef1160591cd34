import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { baseEvaluation, evaluationArb, optionalMoneyArb, previousForm, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'history/three-public-prior-year';

testRule(pack, RULE, [
  {
    name: 'stated 1.80, the 2019 form says 1.80',
    patch: { expenditure: { threePublicPriorYear: 1.8 } },
    previous: { expenditure: { threePublic: 1.8 } },
    outcome: 'pass',
    message: '与 2019 年度表一致',
  },
  {
    name: 'stated 1.80, the 2019 form says 2.40',
    patch: { expenditure: { threePublicPriorYear: 1.8 } },
    previous: { expenditure: { threePublic: 2.4 } },
    outcome: 'fail',
    check: 'three-public-total',
    severity: 'warning',
    message: '本表所填上年三公经费 1.80 万元，与 2019 年度表所填三公经费 2.40 万元不一致',
  },
  {
    name: 'grid: reception 0.30 stated, 0.35 in the 2019 grid',
    patch: { costControl: { reception: { priorYearActual: 0.3, budget: null, actual: 0.2 } } },
    previous: { costControl: { reception: { priorYearActual: null, budget: null, actual: 0.35 } } },
    outcome: 'fail',
    check: 'reception-grid',
    message: '经费控制表公务接待费上年决算 0.30 万元，与 2019 年度表所填公务接待费本年决算 0.35 万元不一致',
  },
  {
    name: 'vehicle costs 0.90 stated, 0.90 in 2019, total blank there',
    patch: { expenditure: { threePublicPriorYear: 1.8, vehicleCostPriorYear: 0.9 } },
    previous: { expenditure: { threePublic: null, vehicleCost: 0.9 } },
    outcome: 'pass',
  },
  { name: 'no prior-year figure on this form', previous: { expenditure: { threePublic: 2.4 } }, outcome: 'not-applicable', check: 'not-applicable' },
  { name: 'no previous form', patch: { expenditure: { threePublicPriorYear: 1.8 } }, outcome: 'not-applicable', check: 'no-previous-form', message: '没有同一单位上一年度的表' },
  {
    name: 'English message',
    patch: { expenditure: { threePublicPriorYear: 1.8 } },
    previous: { expenditure: { threePublic: 2.4 } },
    locale: 'en',
    outcome: 'fail',
    check: 'three-public-total',
    message: 'but the 2019 form states its "three public" expenses as 2.40',
  },
]);

/** The pairs the rule compares: this form's prior-year figure, and the previous form's own. */
const PAIRS = [
  ['expenditure.threePublicPriorYear', 'expenditure.threePublic'],
  ['costControl.threePublic.priorYearActual', 'costControl.threePublic.actual'],
  ['expenditure.vehicleCostPriorYear', 'expenditure.vehicleCost'],
  ['costControl.vehicle.priorYearActual', 'costControl.vehicle.actual'],
  ['costControl.overseas.priorYearActual', 'costControl.overseas.actual'],
  ['costControl.reception.priorYearActual', 'costControl.reception.actual'],
] as const;

function get(e: Evaluation, path: string): number | null {
  let at: unknown = e;
  for (const k of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined;
  return typeof at === 'number' ? at : null;
}

const gridRow = (priorYearActual: number | null, actual: number | null) => ({ priorYearActual, budget: null, actual });
const amounts = fc.array(optionalMoneyArb(100_000), { minLength: 12, maxLength: 12 });

/** A form and its previous-year form with the six compared figures drawn (some equal, some blank, some not). */
const pairArb = fc.tuple(evaluationArb(), amounts, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([e, v, same]) => {
  const mine = (i: number) => v[i] ?? null;
  const theirs = (i: number) => (same[i] === true ? mine(i) : (v[i + 6] ?? null));
  const current: Evaluation = {
    ...e,
    fiscalYear: 2021,
    // Forms are joined by unit: an unnamed unit has no history (see identity.test.ts).
    unit: { name: '示例单位' },
    expenditure: { ...e.expenditure, threePublicPriorYear: mine(0), vehicleCostPriorYear: mine(2) },
    costControl: { threePublic: gridRow(mine(1), null), vehicle: gridRow(mine(3), null), overseas: gridRow(mine(4), null), reception: gridRow(mine(5), null), publicFunds: gridRow(null, null), procurement: gridRow(null, null) },
  };
  const previous: Evaluation = {
    ...previousForm(current, {}),
    expenditure: { ...baseEvaluation().expenditure, threePublic: theirs(0), vehicleCost: theirs(2) },
    costControl: { threePublic: gridRow(null, theirs(1)), vehicle: gridRow(null, theirs(3)), overseas: gridRow(null, theirs(4)), reception: gridRow(null, theirs(5)), publicFunds: gridRow(null, null), procurement: gridRow(null, null) },
  };
  return { current, previous };
});

describe(`${RULE} properties`, () => {
  it('fails exactly when some figure stated on both forms differs, naming the first such pair; n/a when no pair is stated on both', async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, async ({ current, previous }) => {
        const f = await ruleFinding(pack, RULE, current, { previous });
        const both = PAIRS.filter(([a, b]) => get(current, a) !== null && get(previous, b) !== null);
        const differing = both.filter(([a, b]) => get(current, a) !== get(previous, b));
        if (both.length === 0) expect(f.messageId).toBe(`${RULE}#not-applicable`);
        else if (differing.length === 0) expect(f.outcome).toBe('pass');
        else {
          expect(f.outcome).toBe('fail');
          const first = PAIRS.findIndex((p) => p === differing[0]);
          expect(f.messageId).toBe(`${RULE}#${pack.rules.find((r) => r.id === RULE)?.checks[first]?.id ?? ''}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is never a pass without a previous form', async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, async ({ current }) => {
        expect((await ruleFinding(pack, RULE, current)).outcome).toBe('not-applicable');
      }),
      { numRuns: 30 },
    );
  });
});
