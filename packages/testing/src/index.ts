/**
 * @jixiao/testing: what pack authors test rules with — schema-valid fast-check arbitraries with knobs, and a
 * strict rule tester.
 */
export { answerArb, baseEvaluation, evaluationArb, isoDateArb, moneyArb, optionalMoneyArb, resolvedAnswerArb } from './arbitraries.js';
export type { EvaluationKnobs } from './arbitraries.js';
export { patchEvaluation, ruleFinding, runRule, testRule } from './tester.js';
export type { EvaluationPatch, RuleCase, RuleTesterOptions } from './tester.js';
export { answerRuleProperties, withAnswer } from './properties.js';
