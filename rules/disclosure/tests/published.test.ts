import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { answerArb, evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'disclosure/published';

testRule(pack, RULE, [
  { name: 'seed: 是, 2020-01-17', patch: { disclosure: { date: '2020-01-17' } }, outcome: 'pass', message: '预决算信息已公开（公开时间 2020-01-17）' },
  { name: '否', patch: { disclosure: { published: 'no' } }, outcome: 'fail', check: 'not-published', severity: 'error', message: '勾选“否”：预决算信息未公开' },
  { name: '否 in a classified unit', patch: { disclosure: { published: 'no' }, unit: { classified: true } }, outcome: 'not-applicable', message: '涉密单位' },
  { name: '否, unit marked not classified', patch: { disclosure: { published: 'no' }, unit: { classified: false } }, outcome: 'fail', check: 'not-published' },
  { name: 'nothing ticked', patch: { disclosure: { published: 'unanswered' } }, outcome: 'indeterminate', message: '未作答' },
  { name: 'English message', patch: { disclosure: { published: 'no' } }, locale: 'en', outcome: 'fail', check: 'not-published', message: 'Answered no: budget and final-accounts information is not published' },
]);

describe(`${RULE} properties`, () => {
  it('fails (error, red flag) exactly on 否, passes on 是, is n/a for classified units and undecided otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), answerArb, fc.constantFrom(true, false, null, undefined), async (base, published, classified) => {
        const e: Evaluation = { ...base, unit: { ...base.unit, classified }, disclosure: { ...base.disclosure, published } };
        const f = await ruleFinding(pack, RULE, e);
        const expected = classified === true ? 'not-applicable' : published === 'no' ? 'fail' : published === 'yes' ? 'pass' : 'indeterminate';
        expect(f.outcome).toBe(expected);
        expect(f.redFlag).toBe(true);
        if (expected === 'fail') expect(f.severity).toBe('error');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, unit: e.unit, disclosure: e.disclosure };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
