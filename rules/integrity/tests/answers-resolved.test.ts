import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { ANSWER_FIELDS, type Evaluation } from '@jixiao/core';
import { pack } from './pack.js';

const RULE = 'integrity/answers-resolved';

testRule(pack, RULE, [
  { name: 'all answered', patch: {}, outcome: 'pass' },
  { name: 'two boxes ticked', patch: { threePublic: { declined: 'conflicting' } }, outcome: 'fail', check: 'unresolved', severity: 'error', message: '1 个勾选题未能读出唯一答案：三公经费是否比上年度下降' },
  { name: 'nothing ticked, unreadable mark', patch: { duties: { keyTasksCompleted: 'unanswered' }, disclosure: { published: 'ambiguous' } }, outcome: 'fail', check: 'unresolved', message: '2 个勾选题' },
]);

const answerOf = (e: Evaluation, field: string) => {
  const [group = '', key = ''] = field.split('.');
  return (e[group as keyof Evaluation] as Record<string, unknown>)[key];
};

describe(`${RULE} properties`, () => {
  it('fails exactly when some answer is unanswered, conflicting or ambiguous, and lists them', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), async (e) => {
        const unresolved = ANSWER_FIELDS.filter((f) => answerOf(e, f) !== 'yes' && answerOf(e, f) !== 'no');
        const f = await ruleFinding(pack, RULE, e);
        expect(f.outcome).toBe(unresolved.length > 0 ? 'fail' : 'pass');
        expect(f.data.unresolved).toEqual(unresolved);
      }),
    );
  });

  it('adds a note listing inferred answers, without changing the outcome', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb({ resolvedAnswers: true }), fc.subarray([...ANSWER_FIELDS], { minLength: 1 }), async (e, inferred) => {
        const answerResolution = Object.fromEntries(inferred.map((f) => [f, { how: 'inferred' as const }]));
        const f = await ruleFinding(pack, RULE, { ...e, answerResolution });
        expect(f.outcome).toBe('pass');
        expect(f.notes?.[0]?.message).toContain(`${String(inferred.length)} 个答案为推断所得`);
      }),
    );
  });
});
