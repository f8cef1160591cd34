import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Config, Evaluation } from '@jixiao/core';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'procurement/execution-rate';

testRule(pack, RULE, [
  { name: 'seed: 5.67 of 74.69, no threshold: reported only', patch: { procurement: { required: 74.69, actual: 5.67 } }, outcome: 'pass', message: '政府采购执行率 7.59%' },
  { name: 'nothing to procure', patch: { procurement: { required: 0, actual: 0 } }, outcome: 'not-applicable', message: '应采购金额为 0' },
  { name: 'amount procured blank', patch: { procurement: { actual: null } }, outcome: 'indeterminate', message: '实际采购金额' },
  { name: 'English message', patch: { procurement: { required: 74.69, actual: 5.67 } }, locale: 'en', outcome: 'pass', message: 'Procurement execution rate 7.59%' },
  // Rates worked by hand: actual / required × 100, rounded half away from zero to two decimals.
  { name: '1.00 of 3.00 = 33.333…%', patch: { procurement: { required: 3, actual: 1 } }, outcome: 'pass', message: '政府采购执行率 33.33%' },
  { name: '2.00 of 3.00 = 66.666…%', patch: { procurement: { required: 3, actual: 2 } }, outcome: 'pass', message: '政府采购执行率 66.67%' },
  { name: '1.00 of 32.00 = 3.125%, a half: up', patch: { procurement: { required: 32, actual: 1 } }, outcome: 'pass', message: '政府采购执行率 3.13%' },
  { name: '0.01 of 200.00 = 0.005%, a half: up', patch: { procurement: { required: 200, actual: 0.01 } }, outcome: 'pass', message: '政府采购执行率 0.01%' },
  { name: '0.01 of 2000.00 = 0.0005%', patch: { procurement: { required: 2000, actual: 0.01 } }, outcome: 'pass', message: '政府采购执行率 0.00%' },
  { name: '250.00 of 100.00 = 250%', patch: { procurement: { required: 100, actual: 250 } }, outcome: 'pass', message: '政府采购执行率 250.00%' },
  { name: '0.01 of 0.03 = 33.333…%', patch: { procurement: { required: 0.03, actual: 0.01 } }, outcome: 'pass', message: '政府采购执行率 33.33%' },
]);

// A jurisdiction that sets a threshold of 80% in its config.
const THRESHOLD_80: Config = { parameters: { 'procurement.executionThreshold': 80 } };
testRule(
  pack,
  RULE,
  [
    { name: 'threshold 80%: 45.50 of 50.00 = 91.00%', outcome: 'pass', message: '91.00%' },
    {
      name: 'threshold 80%: seed 7.59%',
      patch: { procurement: { required: 74.69, actual: 5.67 } },
      outcome: 'fail',
      check: 'below-threshold',
      severity: 'info',
      message: '政府采购执行率 7.59%（实际采购 5.67 万元 / 应采购 74.69 万元）低于下限 80.00%',
    },
    { name: 'threshold 80%: exactly 80.00%', patch: { procurement: { required: 50, actual: 40 } }, outcome: 'pass' },
  ],
  { config: THRESHOLD_80 },
);

/** Amounts to procure and procured, in whole hundredths. */
const amountsArb = fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 20_000_000 }));
const procured = (base: Evaluation, [required, actual]: readonly [number, number]): Evaluation => ({ ...base, procurement: { ...base.procurement, required: required / 100, actual: actual / 100 } });

/** The rate a message shows (`政府采购执行率 7.59%`), in hundredths of a percent. */
function shownRate(message: string): bigint {
  const m = /执行率 (\d+)\.(\d{2})%/.exec(message);
  if (m === null) throw new Error(`no rate in ${message}`);
  return BigInt(`${m[1] ?? ''}${m[2] ?? ''}`);
}

/** The rate shown is actual / required × 100 to within half of its last digit: |shown × required − actual × 10⁴| × 2 ≤ required. */
function closeToRate(shown: bigint, [required, actual]: readonly [number, number]): boolean {
  const error = shown * BigInt(required) - BigInt(actual) * 10_000n;
  return (error < 0n ? -error : error) * 2n <= BigInt(required);
}

describe(`${RULE} properties`, () => {
  it('without a threshold never fails and always reports the rate', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), amountsArb, async (base, amounts) => {
        const f = await ruleFinding(pack, RULE, procured(base, amounts));
        expect(f.outcome).toBe('pass');
        expect(closeToRate(shownRate(f.message), amounts)).toBe(true);
      }),
    );
  });

  it('with a threshold, fails (info) exactly when the rate shown is below it', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), amountsArb, fc.integer({ min: 0, max: 100 }), async (base, amounts, threshold) => {
        const config: Config = { parameters: { 'procurement.executionThreshold': threshold } };
        const f = await ruleFinding(pack, RULE, procured(base, amounts), { config });
        const shown = shownRate(f.message);
        expect(closeToRate(shown, amounts)).toBe(true);
        expect(f.outcome).toBe(shown < BigInt(threshold) * 100n ? 'fail' : 'pass');
      }),
    );
  });

  it('uses the threshold in force in the form’s fiscal year (dated values)', async () => {
    const config: Config = {
      parameters: {
        'procurement.executionThreshold': [
          { from: '2000-01-01', until: '2019-12-31', value: null, basis: 'test: none before 2020' },
          { from: '2020-01-01', value: 50, basis: 'test: 50% from 2020' },
        ],
      },
    };
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.integer({ min: 2015, max: 2030 }), async (base, fiscalYear) => {
        const e: Evaluation = { ...base, fiscalYear, procurement: { ...base.procurement, required: 100, actual: 10 } };
        expect((await ruleFinding(pack, RULE, e, { config })).outcome).toBe(fiscalYear >= 2020 ? 'fail' : 'pass');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, procurement: e.procurement };
        expect((await ruleFinding(pack, RULE, mixed, { config: THRESHOLD_80 })).outcome).toBe((await ruleFinding(pack, RULE, e, { config: THRESHOLD_80 })).outcome);
      }),
    );
  });
});
