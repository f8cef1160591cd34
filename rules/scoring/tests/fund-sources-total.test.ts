import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCents, type SelfAssessment } from '@jixiao/core';
import { ruleFinding, testRule } from '@jixiao/testing';
import { cleanSheet, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/fund-sources-total';
const context = [ratingPack];

type FundSources = NonNullable<NonNullable<SelfAssessment['budget']>['fundSources']>;

function withSources(fundSources: FundSources) {
  const sheet = cleanSheet();
  return sheetEvaluation({ ...sheet, budget: { ...cleanSheet().budget, fundSources } as NonNullable<SelfAssessment['budget']> });
}

// 衡山县贯塘乡 2023 (examples/real/t1b-hengshan-guantang-2023): 按收入性质分 2030.12, the special-account line blank.
const hengshan: FundSources = { total: 2030.12, generalPublicBudget: 1325.68, governmentFunds: 118.82, specialAccountNonTax: null, other: 585.62 };

testRule(
  pack,
  RULE,
  [
    { name: '衡山县贯塘乡: 1325.68 + 118.82 + 585.62 = 2030.12, one line blank', evaluation: withSources(hengshan), outcome: 'pass', message: '按收入性质分的各项资金之和与合计 2030.12 万元相符' },
    {
      name: 'every line given and short of the total',
      evaluation: withSources({ ...hengshan, specialAccountNonTax: 0, other: 558.62 }),
      outcome: 'fail',
      check: 'mismatch',
      severity: 'error',
      message: '按收入性质分的各项资金之和 2003.12 万元与合计 2030.12 万元不符（合计 − 各项之和 = 27.00 万元）',
    },
    { name: 'a blank line and the rest short of the total: undecided', evaluation: withSources({ ...hengshan, other: 500 }), outcome: 'indeterminate' },
    { name: 'the known lines above the total fail whatever the blank holds', evaluation: withSources({ ...hengshan, other: 600 }), outcome: 'fail', check: 'mismatch' },
    { name: 'within rounding of four parts (0.03)', evaluation: withSources({ ...hengshan, specialAccountNonTax: 0, other: 585.59 }), outcome: 'pass' },
    { name: 'a blank total', evaluation: withSources({ ...hengshan, total: null }), outcome: 'indeterminate' },
    { name: 'no breakdown by fund source', evaluation: sheetEvaluation(), outcome: 'not-applicable' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: withSources({ ...hengshan, specialAccountNonTax: 0, other: 558.62 }), locale: 'en', outcome: 'fail', check: 'mismatch', message: 'The fund sources sum to 2003.12 (万元), not their total 2030.12 (total − parts = 27.00)' },
  ],
  { context },
);

const centsArb = fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null, freq: 4 });

describe(`${RULE} properties`, () => {
  it('known sources above the total fail; short of it fail only with every source given; within 0.03 passes; a blank total is undecided', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(centsArb, { minLength: 4, maxLength: 4 }), fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), centsArb, async (parts, off, freeTotal) => {
        const known = parts.reduce<number>((a, p) => a + (p ?? 0), 0);
        // Near the sum often (off), anywhere otherwise.
        const total = off === null ? freeTotal : Math.max(0, known + off);
        const [generalPublicBudget, governmentFunds, specialAccountNonTax, other] = parts.map((c) => (c === null ? null : fromCents(c)));
        const f = await ruleFinding(pack, RULE, withSources({ total: total === null ? null : fromCents(total), generalPublicBudget, governmentFunds, specialAccountNonTax, other }), { context });
        const blank = parts.includes(null);
        const want = total === null ? 'indeterminate' : known - total > 3 ? 'fail' : total - known > 3 ? (blank ? 'indeterminate' : 'fail') : 'pass';
        expect(f.outcome).toBe(want);
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
