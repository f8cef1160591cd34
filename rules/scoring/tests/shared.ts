import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { evaluationArb, ruleFinding, selfAssessmentArb } from '@jixiao/testing';
import { pack, ratingPack } from './pack.js';

const context = { context: [ratingPack] };

/**
 * Properties every scoring rule has: not applicable on every form without a 自评表 (so the standard preset
 * changes nothing for the forms it checked before), and an outcome that depends only on the sheet (and the
 * self-rating), whatever the rest of the form says.
 */
export function sheetOnlyProperties(ruleId: string): void {
  it('is not applicable on any form without a 自评表', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), async (e) => {
        expect((await ruleFinding(pack, ruleId, e, context)).outcome).toBe('not-applicable');
      }),
      { numRuns: 40 },
    );
  });

  it('decides from the sheet and the self-rating alone, whatever the rest of the form says', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ selfAssessment: true }), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, fiscalYear: e.fiscalYear, selfAssessment: e.selfAssessment, selfRating: e.selfRating };
        expect((await ruleFinding(pack, ruleId, mixed, context)).messageId).toBe((await ruleFinding(pack, ruleId, e, context)).messageId);
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on any sheet', async () => {
    await fc.assert(
      fc.asyncProperty(selfAssessmentArb(), evaluationArb(), async (sheet, e) => {
        const f = await ruleFinding(pack, ruleId, { ...e, selfAssessment: sheet }, context);
        expect(f.internalError).toBeUndefined();
        expect(f.message).not.toMatch(/\{\w+\}/);
      }),
      { numRuns: 40 },
    );
  });
}
