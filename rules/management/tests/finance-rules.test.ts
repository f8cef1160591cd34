import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/finance-rules';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { financialManagement: { rulesInPlace: 'yes' } }, outcome: 'pass', message: '已制定财务管理、会计核算等制度' },
  { name: 'answered no', patch: { financialManagement: { rulesInPlace: 'no' } }, outcome: 'fail', check: 'no-rules', severity: 'warning', message: '未制定财务管理、会计核算等制度' },
  { name: 'English message', patch: { financialManagement: { rulesInPlace: 'no' } }, locale: 'en', outcome: 'fail', check: 'no-rules', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { financialManagement: { rulesInPlace: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { financialManagement: { rulesInPlace: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { financialManagement: { rulesInPlace: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'financialManagement.rulesInPlace', 'no');
