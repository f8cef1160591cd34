import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/asset-records';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { assetManagement: { recordsMatch: 'yes' } }, outcome: 'pass', message: '账、表、实、卡相符' },
  { name: 'answered no', patch: { assetManagement: { recordsMatch: 'no' } }, outcome: 'fail', check: 'records-mismatch', severity: 'warning', message: '账、表、实、卡不相符' },
  { name: 'English message', patch: { assetManagement: { recordsMatch: 'no' } }, locale: 'en', outcome: 'fail', check: 'records-mismatch', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { assetManagement: { recordsMatch: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { assetManagement: { recordsMatch: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { assetManagement: { recordsMatch: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'assetManagement.recordsMatch', 'no');
