import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { baseEvaluation, ruleFinding, testRule, type EvaluationPatch } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'batch/peer-outlier';

/** Five other units of 2020 with staffing control rates 90, 95, 100, 95, 90 % (median 95, MAD 5). */
const PEERS: EvaluationPatch[] = [
  [18, 20],
  [19, 20],
  [20, 20],
  [19, 20],
  [18, 20],
].map(([actual, authorized], i) => ({ unit: { name: `单位${String(i + 1)}` }, staffing: { actual, authorized } }));

testRule(pack, RULE, [
  { name: 'the seed’s 95.45% among them', batch: PEERS, outcome: 'pass', message: '在职人员控制率 95.45%（中位数 95.00%）' },
  {
    name: '200%: z = 0.6745 × (200 − 95) / 5 = 14.16',
    patch: { staffing: { authorized: 10, actual: 20 } },
    batch: PEERS,
    outcome: 'fail',
    check: 'staffing-control-rate',
    severity: 'info',
    message: '在职人员控制率 200.00% 远离同年度其他单位：6 份表的中位数 95.00%，范围 90.00%–200.00%，稳健 z 值 14.16（超过 ±3.5），请核实',
  },
  { name: 'four forms are too few', patch: { staffing: { authorized: 10, actual: 20 } }, batch: PEERS.slice(0, 3), outcome: 'not-applicable', check: 'not-applicable', message: '只有 4 份表（少于 5 份）' },
  { name: 'a single form', outcome: 'not-applicable', check: 'no-batch' },
  { name: 'English message', patch: { staffing: { authorized: 10, actual: 20 } }, batch: PEERS, locale: 'en', outcome: 'fail', check: 'staffing-control-rate', message: 'median 95.00% over 6 forms, range 90.00%–200.00%, robust z 14.16' },
]);

describe(`${RULE} properties`, () => {
  it('flags exactly the forms whose staffing control rate is beyond 3.5 robust z from the median of the year (MAD 0: never)', async () => {
    const rates = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 5, maxLength: 9 });
    await fc.assert(
      fc.asyncProperty(rates, fc.integer({ min: 0, max: 80 }), async (actuals, mine) => {
        // 20 posts each: the rate is 5 × actual percent, so the statistics are exact in integers here.
        const form: Evaluation = { ...baseEvaluation(), unit: { name: '甲单位' }, staffing: { authorized: 20, actual: mine } };
        const batch = actuals.map((actual, i) => ({ ...baseEvaluation(), unit: { name: `单位${String(i)}` }, staffing: { authorized: 20, actual } }));
        const all = [mine, ...actuals].map((a) => 5 * a).sort((x, y) => x - y);
        const mid = (xs: number[]) => (xs.length % 2 === 1 ? (xs[(xs.length - 1) / 2] ?? 0) : ((xs[xs.length / 2 - 1] ?? 0) + (xs[xs.length / 2] ?? 0)) / 2);
        const median = mid(all);
        const mad = mid(all.map((x) => Math.abs(x - median)).sort((x, y) => x - y));
        const z = mad === 0 ? 0 : (0.6745 * Math.abs(5 * mine - median)) / mad;
        const f = await ruleFinding(pack, RULE, form, { batch });
        // Away from the 2-decimal rounding edge, the rule must agree with the definition.
        if (Math.abs(z - 3.5) < 0.01) return;
        if (z > 3.5) expect(f.messageId).toBe(`${RULE}#staffing-control-rate`);
        else expect(f.messageId).not.toBe(`${RULE}#staffing-control-rate`);
      }),
      { numRuns: 60 },
    );
  });

  it('one extreme peer does not hide another: the yardstick is the median, not the mean', async () => {
    const extreme = { ...baseEvaluation(), unit: { name: '极端单位' }, staffing: { authorized: 1, actual: 100 } };
    const f = await ruleFinding(pack, RULE, { ...baseEvaluation(), staffing: { authorized: 10, actual: 20 } }, { batch: [...PEERS.map((p, i) => ({ ...baseEvaluation(), unit: { name: `单位${String(i)}` }, staffing: p.staffing as Evaluation['staffing'] })), extreme] });
    expect(f.messageId).toBe(`${RULE}#staffing-control-rate`);
  });
});
