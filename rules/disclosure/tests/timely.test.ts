import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { evaluationArb, isoDateArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'disclosure/timely';

testRule(pack, RULE, [
  {
    name: 'seed: 2020-01-17, no 批复日期',
    patch: { disclosure: { date: '2020-01-17' } },
    outcome: 'indeterminate',
    // A blank reads （空） / (blank): the explanation after it stands apart, not as a second bracket ("(blank) (without …").
    message: '公开时间 2020-01-17，批复日期 （空）；无批复日期时只能核对',
  },
  { name: 'no 批复日期, English', patch: { disclosure: { date: '2020-01-17' } }, locale: 'en', outcome: 'indeterminate', message: 'approved (blank); without an approval date only the fiscal year 2020 ± 1 can be checked' },
  { name: '20 days after approval', patch: { disclosure: { approvalDate: '2020-01-21', date: '2020-02-10' } }, outcome: 'pass', message: '20 天，未超过 20 天' },
  {
    name: '21 days after approval',
    patch: { disclosure: { approvalDate: '2020-01-20', date: '2020-02-10' } },
    outcome: 'fail',
    check: 'late',
    severity: 'warning',
    message: '公开时间 2020-02-10 距批复日期 2020-01-20 共 21 天，超过 20 天的期限',
  },
  { name: 'across a leap day: 2020-02-09 → 2020-03-01 is 21 days', patch: { disclosure: { approvalDate: '2020-02-09', date: '2020-03-01' } }, outcome: 'fail', check: 'late', message: '共 21 天' },
  { name: 'no publication date', patch: { disclosure: { date: null } }, outcome: 'fail', check: 'no-date', message: '未填写公开时间' },
  { name: 'no 批复日期, published in 2023 for 2020', patch: { disclosure: { date: '2023-03-01' } }, outcome: 'fail', check: 'outside-window', message: '2023-03-01 不在 2020 年度前后一年之内' },
  { name: 'no 批复日期, published in 2021 for 2020', patch: { disclosure: { date: '2021-06-30' } }, outcome: 'indeterminate' },
  { name: 'no 批复日期, no fiscal year', patch: { fiscalYear: null, disclosure: { date: '2031-01-01' } }, outcome: 'indeterminate' },
  { name: 'not published', patch: { disclosure: { published: 'no', date: null } }, outcome: 'not-applicable' },
  { name: 'classified unit', patch: { unit: { classified: true }, disclosure: { date: null } }, outcome: 'not-applicable' },
  { name: 'published tick unreadable, no date', patch: { disclosure: { published: 'conflicting', date: null } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'English message', patch: { disclosure: { approvalDate: '2020-01-20', date: '2020-02-10' } }, locale: 'en', outcome: 'fail', check: 'late', message: '21 days after approval on 2020-01-20' },
]);

// A jurisdiction allowing 30 days.
testRule(
  pack,
  RULE,
  [{ name: 'deadline 30: 21 days is on time', patch: { disclosure: { approvalDate: '2020-01-20', date: '2020-02-10' } }, outcome: 'pass', message: '未超过 30 天' }],
  { config: { parameters: { 'disclosure.deadlineDays': 30 } } },
);

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

function published(base: Evaluation, date: string | null, approvalDate: string | null, fiscalYear: number | null): Evaluation {
  return { ...base, fiscalYear, unit: { ...base.unit, classified: false }, disclosure: { ...base.disclosure, published: 'yes', date, approvalDate } };
}

describe(`${RULE} properties`, () => {
  it('with a 批复日期: fails exactly when publication comes more than 20 calendar days after it', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), isoDateArb(2019, 2022), fc.integer({ min: -5, max: 60 }), fc.option(fc.integer({ min: 2015, max: 2030 }), { nil: null }), async (base, approval, delay, fiscalYear) => {
        const date = new Date(Date.parse(`${approval}T00:00:00Z`) + delay * DAY).toISOString().slice(0, 10);
        expect(days(approval, date)).toBe(delay);
        const f = await ruleFinding(pack, RULE, published(base, date, approval, fiscalYear));
        expect(f.outcome).toBe(delay > 20 ? 'fail' : 'pass');
        if (delay > 20) expect(f.message).toContain(`共 ${String(delay)} 天`);
      }),
    );
  });

  it('without a 批复日期: undecided inside fiscal year ± 1, fails outside it', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), isoDateArb(), fc.integer({ min: 2015, max: 2030 }), async (base, date, fiscalYear) => {
        const offset = Number(date.slice(0, 4)) - fiscalYear;
        const f = await ruleFinding(pack, RULE, published(base, date, null, fiscalYear));
        expect(f.outcome).toBe(Math.abs(offset) <= 1 ? 'indeterminate' : 'fail');
      }),
    );
  });

  it('fails whenever a published form gives no publication date', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.option(isoDateArb(), { nil: null }), async (base, approval) => {
        const f = await ruleFinding(pack, RULE, published(base, null, approval, base.fiscalYear));
        expect(f.messageId).toBe(`${RULE}#no-date`);
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ extensions: true }), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, fiscalYear: e.fiscalYear, unit: e.unit, disclosure: e.disclosure };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
