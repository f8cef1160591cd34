import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { answerArb, evaluationArb, moneyArb, ruleFinding } from '@jixiao/testing';

/** This pack, loaded the way the CLI loads it (data only, validated). */
export const pack = loadPackFromDir(fileURLToPath(new URL('..', import.meta.url)));

type BudgetExecution = Evaluation['budgetExecution'];

/**
 * The meaning of a "tick agrees with its amount" rule (追加 / 结余), as properties: 是 ⇔ amount > 0 passes, a
 * blank amount or an unresolved tick is undecided, and nothing outside 预算执行 changes the outcome.
 */
export function tickAmountProperties(ruleId: string, tick: 'supplemented' | 'hasSurplus', amount: 'supplementAmount' | 'surplusAmount'): void {
  const amountArb = fc.oneof(fc.constant(0), moneyArb(10_000_000));
  describe(`${ruleId} properties`, () => {
    it('passes exactly when 是 ⇔ amount > 0; undecided on a blank amount or an unresolved tick', async () => {
      await fc.assert(
        fc.asyncProperty(evaluationArb(), answerArb, fc.option(amountArb, { nil: null }), async (base, answer, value) => {
          const budgetExecution: BudgetExecution = { ...base.budgetExecution, [tick]: answer, [amount]: value };
          const f = await ruleFinding(pack, ruleId, { ...base, budgetExecution });
          if (value === null || (answer !== 'yes' && answer !== 'no')) expect(f.outcome).toBe('indeterminate');
          else expect(f.outcome).toBe((answer === 'yes') === value > 0 ? 'pass' : 'fail');
        }),
      );
    });

    it('does not change when unrelated fields change', async () => {
      await fc.assert(
        fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
          const mixed: Evaluation = { ...other, budgetExecution: e.budgetExecution };
          expect((await ruleFinding(pack, ruleId, mixed)).outcome).toBe((await ruleFinding(pack, ruleId, e)).outcome);
        }),
      );
    });
  });
}
