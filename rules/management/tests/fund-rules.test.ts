import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/fund-rules';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { fundManagement: { rulesInPlace: 'yes' } }, outcome: 'pass', message: '已制定资金管理办法' },
  { name: 'answered no', patch: { fundManagement: { rulesInPlace: 'no' } }, outcome: 'fail', check: 'no-rules', severity: 'warning', message: '未制定资金管理办法' },
  { name: 'English message', patch: { fundManagement: { rulesInPlace: 'no' } }, locale: 'en', outcome: 'fail', check: 'no-rules', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { fundManagement: { rulesInPlace: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { fundManagement: { rulesInPlace: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { fundManagement: { rulesInPlace: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'fundManagement.rulesInPlace', 'no');
