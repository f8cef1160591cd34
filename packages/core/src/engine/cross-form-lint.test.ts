import { describe, expect, it } from 'vitest';
import { factCatalogue } from '../pack/facts.js';
import { lintRuleFacts } from '../pack/lint-facts.js';
import { RuleSchema, type Rule } from '../pack/schema.js';
import { ruleSemanticIssues } from '../pack/validate.js';
import { renderRuleDoc } from '../pack/docs.js';

const rule = (extra: Partial<Rule> & Pick<Rule, 'checks'>): Rule =>
  RuleSchema.parse({
    id: 'my/rule',
    title: { 'zh-CN': '规则', en: 'rule' },
    severity: 'warning',
    basis: [{ instrument: '示例' }],
    paths: ['staffing.actual'],
    pass: { 'zh-CN': '通过', en: 'pass' },
    ...extra,
  });

const catalogue = factCatalogue([]);
const check = (fact: string, path: string, operator = 'greaterThan', value: unknown = 0) => [{ id: 'c', when: { all: [{ fact, path, operator, value }] }, message: { 'zh-CN': '不通过', en: 'fail' } }];

describe('lint of cross-form facts', () => {
  it('history.* needs "requires": ["history.previous"]', () => {
    const without = lintRuleFacts(rule({ checks: check('history', 'previous.staffing.actual') }), catalogue);
    expect(without.map((i) => i.code)).toEqual(['history-without-requirement']);
    const withIt = lintRuleFacts(rule({ requires: ['history.previous'], checks: check('history', 'previous.staffing.actual') }), catalogue);
    expect(withIt).toEqual([]);
  });

  it('batch.* needs "scope": "batch", and its paths are known with their types', () => {
    expect(lintRuleFacts(rule({ checks: check('batch', 'duplicates.count') }), catalogue).map((i) => i.code)).toEqual(['batch-without-scope']);
    expect(lintRuleFacts(rule({ scope: 'batch', checks: check('batch', 'duplicates.count') }), catalogue)).toEqual([]);
    expect(lintRuleFacts(rule({ scope: 'batch', checks: check('batch', 'duplicates.cuont') }), catalogue).map((i) => i.level)).toContain('error');
    expect(lintRuleFacts(rule({ requires: ['history.previous'], checks: check('history', 'change.staffing.actual.absRate') }), catalogue)).toEqual([]);
  });

  it('a cross-form rule cannot run "after" others', () => {
    const issues = ruleSemanticIssues(rule({ scope: 'batch', after: ['x/y'], checks: check('batch', 'size') }), 'my');
    expect(issues.map((i) => i.path)).toContain('after');
  });

  it('docs say where the rule runs and when it does not apply', () => {
    const doc = renderRuleDoc(rule({ requires: ['history.previous'], checks: check('history', 'previous.staffing.actual') }), { name: 'my', version: '0.1.0', title: { 'zh-CN': '包', en: 'pack' } });
    expect(doc).toContain('跨年度');
    expect(doc).toContain('`no-previous-form`');
  });
});
