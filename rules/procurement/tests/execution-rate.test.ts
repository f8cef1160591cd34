import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent, percentOf, toCents, type Config, type Evaluation } from '@jixiao/core';
import { evaluationArb, moneyArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'procurement/execution-rate';

testRule(pack, RULE, [
  { name: 'seed: 5.67 of 74.69, no threshold: reported only', patch: { procurement: { required: 74.69, actual: 5.67 } }, outcome: 'pass', message: '政府采购执行率 7.59%' },
  { name: 'nothing to procure', patch: { procurement: { required: 0, actual: 0 } }, outcome: 'not-applicable', message: '应采购金额为 0' },
  { name: 'amount procured blank', patch: { procurement: { actual: null } }, outcome: 'indeterminate', message: '实际采购金额' },
  { name: 'English message', patch: { procurement: { required: 74.69, actual: 5.67 } }, locale: 'en', outcome: 'pass', message: 'Procurement execution rate 7.59%' },
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

const amountsArb = fc.tuple(moneyArb(10_000_000).filter((r) => r > 0), moneyArb(20_000_000));
const rateOf = (required: number, actual: number) => percentOf(toCents(actual), toCents(required)) ?? Number.NaN;

describe(`${RULE} properties`, () => {
  it('without a threshold never fails and always reports the rate', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), amountsArb, async (base, [required, actual]) => {
        const f = await ruleFinding(pack, RULE, { ...base, procurement: { ...base.procurement, required, actual } });
        expect(f.outcome).toBe('pass');
        expect(f.message).toContain(formatPercent(rateOf(required, actual)));
      }),
    );
  });

  it('with a threshold, fails (info) exactly when the rate shown is below it', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), amountsArb, fc.integer({ min: 0, max: 100 }), async (base, [required, actual], threshold) => {
        const config: Config = { parameters: { 'procurement.executionThreshold': threshold } };
        const f = await ruleFinding(pack, RULE, { ...base, procurement: { ...base.procurement, required, actual } }, { config });
        expect(f.outcome).toBe(rateOf(required, actual) < threshold ? 'fail' : 'pass');
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
