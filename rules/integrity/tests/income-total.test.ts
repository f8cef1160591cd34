import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, moneyArb, ruleFinding, testRule } from '@jixiao/testing';
import type { Evaluation } from '@jixiao/core';
import { pack } from './pack.js';

const RULE = 'integrity/income-total';

testRule(pack, RULE, [
  {
    name: 'seed: parts 267.47, total 264.47',
    patch: { income: { localBudget: 267.47, nonTax: null, higherLevel: null, other: null, total: 264.47 } },
    outcome: 'fail',
    check: 'mismatch',
    severity: 'error',
    message: '收入合计 264.47 万元与各项之和 267.47 万元不符',
  },
  { name: '0.1 + 0.2 = 0.3', patch: { income: { localBudget: 0.1, nonTax: 0.2, higherLevel: 0, other: 0, total: 0.3 } }, outcome: 'pass' },
  { name: 'blanks read as nil when the known parts sum to the total', patch: { income: { localBudget: 100, nonTax: null, higherLevel: null, other: null, total: 100 } }, outcome: 'pass' },
  { name: 'rounding within 0.03 for four parts', patch: { income: { localBudget: 10.01, nonTax: 10.01, higherLevel: 10.01, other: 0, total: 30 } }, outcome: 'pass' },
  { name: 'off by 0.04', patch: { income: { localBudget: 10, nonTax: 10, higherLevel: 10, other: 0.04, total: 30 } }, outcome: 'fail', check: 'mismatch' },
  { name: 'known parts short of the total with blanks', patch: { income: { localBudget: 100, nonTax: null, higherLevel: 20, other: null, total: 150 } }, outcome: 'indeterminate', message: '2 个分项为空' },
  { name: 'known parts already above the total with blanks', patch: { income: { localBudget: 160, nonTax: null, higherLevel: null, other: null, total: 150 } }, outcome: 'fail', check: 'mismatch' },
  { name: 'total blank', patch: { income: { total: null } }, outcome: 'indeterminate', message: '年度收入合计' },
]);

const withIncome = (e: Evaluation, parts: (number | null)[], total: number | null): Evaluation => {
  const [localBudget = null, nonTax = null, higherLevel = null, other = null] = parts;
  return { ...e, income: { localBudget, nonTax, higherLevel, other, total } };
};

describe(`${RULE} properties`, () => {
  it('passes for all amounts with ≤ 2 decimals whose parts sum exactly to the total (no float drift)', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.array(moneyArb(), { minLength: 4, maxLength: 4 }), async (e, parts) => {
        // The total is the float sum a spreadsheet would show, re-read with two decimals.
        const floatSum = Number(parts.reduce((a, b) => a + b, 0).toFixed(2));
        expect((await ruleFinding(pack, RULE, withIncome(e, parts, floatSum))).outcome).toBe('pass');
      }),
    );
  });

  it('fails whenever all parts are filled in and differ from the total by more than 0.03', async () => {
    // Parts drawn in whole hundredths; the total is off by `off` hundredths.
    const cents = fc.integer({ min: 0, max: 100_000_000 });
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.array(cents, { minLength: 4, maxLength: 4 }), fc.integer({ min: 4, max: 1_000_000 }), fc.boolean(), async (e, parts, off, up) => {
        const sum = parts.reduce((a, p) => a + p, 0);
        fc.pre(up || sum >= off);
        const f = await ruleFinding(pack, RULE, withIncome(e, parts.map((p) => p / 100), (up ? sum + off : sum - off) / 100));
        expect(f.outcome).toBe('fail');
        expect(f.message).toContain(`各项之和 ${String(Math.trunc(sum / 100))}.${String(sum % 100).padStart(2, '0')} 万元`);
      }),
    );
  });

  it('is never pass or fail when the total is blank', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), async (e) => {
        expect((await ruleFinding(pack, RULE, { ...e, income: { ...e.income, total: null } })).outcome).toBe('indeterminate');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        expect((await ruleFinding(pack, RULE, { ...other, income: e.income })).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
