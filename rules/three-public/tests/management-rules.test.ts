import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'three-public/management-rules';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { threePublic: { managementRules: 'yes' } }, outcome: 'pass', message: '已制定“三公”经费管理办法' },
  { name: 'answered no', patch: { threePublic: { managementRules: 'no' } }, outcome: 'fail', check: 'no-policy', severity: 'warning', message: '未制定“三公”经费管理办法' },
  { name: 'English message', patch: { threePublic: { managementRules: 'no' } }, locale: 'en', outcome: 'fail', check: 'no-policy', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { threePublic: { managementRules: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { threePublic: { managementRules: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { threePublic: { managementRules: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'threePublic.managementRules', 'no');
