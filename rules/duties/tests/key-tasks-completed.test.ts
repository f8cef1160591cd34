import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'duties/key-tasks-completed';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { duties: { keyTasksCompleted: 'yes' } }, outcome: 'pass', message: '重点工作全部完成且质量达标' },
  { name: 'answered no', patch: { duties: { keyTasksCompleted: 'no' } }, outcome: 'fail', check: 'not-completed', severity: 'warning', message: '重点工作未全部完成或质量未达标' },
  { name: 'English message', patch: { duties: { keyTasksCompleted: 'no' } }, locale: 'en', outcome: 'fail', check: 'not-completed', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { duties: { keyTasksCompleted: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { duties: { keyTasksCompleted: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { duties: { keyTasksCompleted: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'duties.keyTasksCompleted', 'no');
