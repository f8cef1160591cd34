import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerField, Evaluation, Pack } from '@jixiao/core';
import { evaluationArb, resolvedAnswerArb } from './arbitraries.js';
import { ruleFinding } from './tester.js';

/** The form group a checklist question sits in (`duties` for `duties.keyTasksCompleted`). */
type Group = AnswerField extends `${infer G}.${string}` ? G & keyof Evaluation : never;

/** The evaluation with one checklist answer replaced. */
export function withAnswer(e: Evaluation, field: AnswerField, answer: Evaluation['duties']['keyTasksCompleted']): Evaluation {
  const [group, key] = field.split('.') as [Group, string];
  return { ...e, [group]: { ...e[group], [key]: answer } };
}

/**
 * The meaning of a checklist rule, as properties over generated evaluations: the answer `failOn` fails at
 * the rule's severity, the other answer passes, an unresolved answer is indeterminate, and nothing outside
 * the question's group (plus `keep`) changes the outcome.
 */
export function answerRuleProperties(rulePack: Pack, ruleId: string, field: AnswerField, failOn: 'yes' | 'no'): void {
  const rule = rulePack.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const group = field.split('.')[0] as Group;
  describe(`${ruleId} properties`, () => {
    it(`fails at ${rule.severity} exactly when the answer is ${failOn === 'yes' ? '是/有' : '否/无'}, passes on the other`, async () => {
      await fc.assert(
        fc.asyncProperty(evaluationArb(), resolvedAnswerArb, async (e, answer) => {
          const f = await ruleFinding(rulePack, ruleId, withAnswer(e, field, answer));
          expect(f.outcome).toBe(answer === failOn ? 'fail' : 'pass');
          if (answer === failOn) expect(f.severity).toBe(rule.severity);
        }),
      );
    });

    it('is indeterminate, never pass or fail, on an unresolved answer', async () => {
      await fc.assert(
        fc.asyncProperty(evaluationArb(), fc.constantFrom('unanswered', 'conflicting', 'ambiguous' as const), async (e, answer) => {
          const f = await ruleFinding(rulePack, ruleId, withAnswer(e, field, answer));
          expect(f.outcome).toBe('indeterminate');
          expect(f.message).toContain(answer === 'unanswered' ? '未作答' : answer === 'conflicting' ? '多选冲突' : '无法辨认');
        }),
      );
    });

    it('does not change when unrelated fields change', async () => {
      await fc.assert(
        fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
          const mixed = { ...other, [group]: e[group] };
          expect((await ruleFinding(rulePack, ruleId, mixed)).outcome).toBe((await ruleFinding(rulePack, ruleId, e)).outcome);
        }),
      );
    });
  });
}
