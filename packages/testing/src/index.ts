/**
 * @jixiao/testing: what pack authors test rules with — schema-valid fast-check arbitraries with knobs, and a
 * strict rule tester.
 */
export {
  answerArb,
  baseEvaluation,
  costControlArb,
  evaluationArb,
  indicatorArb,
  indicatorValueArb,
  isoDateArb,
  moneyArb,
  optionalMoneyArb,
  percentArb,
  resolvedAnswerArb,
  scoreArb,
  selfAssessmentArb,
} from './arbitraries.js';
export type { EvaluationKnobs } from './arbitraries.js';
export { CASE_SOURCE, patchEvaluation, previousForm, ruleFinding, runRule, testRule } from './tester.js';
export type { CrossFormCase, EvaluationPatch, RuleCase, RuleTesterOptions } from './tester.js';
export { answerRuleProperties, withAnswer } from './properties.js';
export { minimalRule } from './rules.js';
export { minimalTemplateYaml } from './templates.js';
