import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/approval-procedure';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { fundManagement: { approvalProcedure: 'yes' } }, outcome: 'pass', message: '勾选“有”：资金拨付有完整的审批程序' },
  { name: 'answered no', patch: { fundManagement: { approvalProcedure: 'no' } }, outcome: 'fail', check: 'no-procedure', severity: 'warning', message: '勾选“无”：资金拨付无完整的审批程序' },
  { name: 'English message', patch: { fundManagement: { approvalProcedure: 'no' } }, locale: 'en', outcome: 'fail', check: 'no-procedure', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { fundManagement: { approvalProcedure: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { fundManagement: { approvalProcedure: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { fundManagement: { approvalProcedure: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'fundManagement.approvalProcedure', 'no');
