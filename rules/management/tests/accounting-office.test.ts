import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/accounting-office';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { financialManagement: { accountingOffice: 'yes' } }, outcome: 'pass', message: '会计机构按规定设置' },
  { name: 'answered no', patch: { financialManagement: { accountingOffice: 'no' } }, outcome: 'fail', check: 'not-set-up', severity: 'warning', message: '会计机构未按规定设置' },
  { name: 'English message', patch: { financialManagement: { accountingOffice: 'no' } }, locale: 'en', outcome: 'fail', check: 'not-set-up', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { financialManagement: { accountingOffice: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { financialManagement: { accountingOffice: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { financialManagement: { accountingOffice: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'financialManagement.accountingOffice', 'no');
