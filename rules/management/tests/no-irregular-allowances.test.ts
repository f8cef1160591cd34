import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/no-irregular-allowances';

testRule(pack, RULE, [
  { name: 'answered no', patch: { fundManagement: { irregularUse: 'no' } }, outcome: 'pass', message: '勾选“否”：不存在违规使用资金' },
  { name: 'answered yes', patch: { fundManagement: { irregularUse: 'yes' } }, outcome: 'fail', check: 'irregular-use', severity: 'error', message: '勾选“是”：存在违规使用资金、乱发津补贴奖金现象' },
  { name: 'English message', patch: { fundManagement: { irregularUse: 'yes' } }, locale: 'en', outcome: 'fail', check: 'irregular-use', message: 'Answered yes: ' },
  { name: 'nothing ticked', patch: { fundManagement: { irregularUse: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { fundManagement: { irregularUse: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { fundManagement: { irregularUse: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'fundManagement.irregularUse', 'yes');
