import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'three-public/reception-standard';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { threePublic: { receptionStandard: 'yes' } }, outcome: 'pass', message: '已明确招待标准和招待人数' },
  { name: 'answered no', patch: { threePublic: { receptionStandard: 'no' } }, outcome: 'fail', check: 'no-standard', severity: 'warning', message: '招待费用未明确招待标准和招待人数' },
  { name: 'English message', patch: { threePublic: { receptionStandard: 'no' } }, locale: 'en', outcome: 'fail', check: 'no-standard', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { threePublic: { receptionStandard: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { threePublic: { receptionStandard: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { threePublic: { receptionStandard: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'threePublic.receptionStandard', 'no');
