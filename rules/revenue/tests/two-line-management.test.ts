import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'revenue/two-line-management';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { nonTaxRevenue: { twoLineManagement: 'yes' } }, outcome: 'pass', message: '已实行收支两条线管理' },
  { name: 'answered no', patch: { nonTaxRevenue: { twoLineManagement: 'no' } }, outcome: 'fail', check: 'not-applied', severity: 'error', message: '未实行收支两条线管理' },
  { name: 'English message', patch: { nonTaxRevenue: { twoLineManagement: 'no' } }, locale: 'en', outcome: 'fail', check: 'not-applied', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { nonTaxRevenue: { twoLineManagement: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { nonTaxRevenue: { twoLineManagement: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { nonTaxRevenue: { twoLineManagement: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'nonTaxRevenue.twoLineManagement', 'no');
