import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/accountants-qualified';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { financialManagement: { accountantsQualified: 'yes' } }, outcome: 'pass', message: '会计人员持证上岗' },
  { name: 'answered no', patch: { financialManagement: { accountantsQualified: 'no' } }, outcome: 'fail', check: 'not-qualified', severity: 'warning', message: '会计人员未持证上岗' },
  { name: 'English message', patch: { financialManagement: { accountantsQualified: 'no' } }, locale: 'en', outcome: 'fail', check: 'not-qualified', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { financialManagement: { accountantsQualified: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { financialManagement: { accountantsQualified: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { financialManagement: { accountantsQualified: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'financialManagement.accountantsQualified', 'no');
