import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFinding, selfAssessmentArb, testRule } from '@jixiao/testing';
import { cleanSheet, metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/score-within-points';
const context = [ratingPack];

const rows = (...r: ReturnType<typeof metRow>[]) => sheetEvaluation({ indicators: r }, null);

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet', evaluation: sheetEvaluation(), outcome: 'pass', message: '每项得分都在 0 与其分值之间' },
    {
      name: '32 of 30 points',
      evaluation: rows(metRow('培训次数', 30, 32), metRow('合格率', 30, 30)),
      outcome: 'fail',
      check: 'out-of-range',
      severity: 'error',
      message: '1 项得分超出 0 至分值的范围：#1 培训次数 (32 > 30)；重算总分时按 0 或分值计（-2 分）',
    },
    { name: 'a negative score', evaluation: rows(metRow('培训次数', 30, -1)), outcome: 'fail', check: 'out-of-range', message: '#1 培训次数 (-1 < 0)' },
    { name: 'the budget item above its points', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { score: 12 } } }, outcome: 'fail', check: 'out-of-range', message: '预算执行 (12 > 10)' },
    { name: 'exactly the points, and 0', evaluation: rows(metRow('a', 30, 30), metRow('b', 10, 0)), outcome: 'pass' },
    { name: 'a blank score and nothing out of range', evaluation: rows(metRow('a', 30, 30), { ...metRow('b', 10, 0), score: null }), outcome: 'indeterminate', message: '1 项的得分或分值为空，无法判断：#2 b' },
    { name: 'the budget item blank', evaluation: sheetEvaluation(), patch: { selfAssessment: { budget: { score: null } } }, outcome: 'indeterminate', message: '无法判断：预算执行' },
    { name: 'a blank score beside one out of range', evaluation: rows(metRow('a', 30, 31), { ...metRow('b', 10, 0), points: null }), outcome: 'fail', check: 'out-of-range' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: rows(metRow('培训次数', 30, 32)), locale: 'en', outcome: 'fail', check: 'out-of-range', message: '1 score(s) fall outside 0 to the item' },
  ],
  { context },
);

describe(`${RULE} properties`, () => {
  it('fails exactly when some item scores below 0 or above its points; undecided when none does but one is blank', async () => {
    await fc.assert(
      fc.asyncProperty(selfAssessmentArb(), async (sheet) => {
        const items = [...(sheet.budget === undefined ? [] : [sheet.budget]), ...(sheet.indicators ?? [])];
        const f = await ruleFinding(pack, RULE, { ...sheetEvaluation(), selfAssessment: sheet }, { context });
        if (items.length === 0) {
          expect(f.outcome).toBe('not-applicable');
          return;
        }
        const out = items.filter((i) => i.score !== null && (i.score < 0 || (i.points !== null && i.score > i.points)));
        const blank = items.filter((i) => i.score === null || i.points === null);
        expect(f.outcome).toBe(out.length > 0 ? 'fail' : blank.length > 0 ? 'indeterminate' : 'pass');
        if (out.length > 0) expect(f.data.count).toBe(out.length);
        // Undecided, it names every item left open (the budget item as 预算执行, a row by its number).
        else if (blank.length > 0) expect(f.data.undecidedRows).toHaveLength(blank.length);
      }),
    );
  });

  it('the clean sheet passes with any of its rows scored anywhere from 0 to its points', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100 }), async (i, share) => {
        const sheet = cleanSheet();
        const row = sheet.indicators?.[i];
        if (row?.points === null || row === undefined) throw new Error('clean sheet changed');
        row.score = Math.round(row.points * share) / 100;
        expect((await ruleFinding(pack, RULE, sheetEvaluation(sheet), { context })).outcome).toBe('pass');
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
