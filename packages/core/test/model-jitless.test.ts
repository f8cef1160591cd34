// zod told to generate no code (the workbench's worker: its page forbids eval): the model is never compiled.
import * as z from 'zod';
import { expect, it } from 'vitest';
import { EvaluationSchema } from '../src/index.js';
import { evaluationSchema, validateEvaluation } from '../src/model/validate.js';
import seed from '../../../examples/beita-justice-2020/evaluation.json' with { type: 'json' };

it('keeps the runtime parser, however many forms, when zod is configured jitless', () => {
  z.config({ jitless: true });
  for (let i = 0; i < 100; i++) expect(validateEvaluation(seed).ok).toBe(true);
  expect(evaluationSchema()).toBe(EvaluationSchema);
  expect(validateEvaluation({ ...seed, income: { ...seed.income, total: 1.234 } }).ok).toBe(false);
});
