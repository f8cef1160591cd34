import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/asset-title';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { assetManagement: { titleClear: 'yes' } }, outcome: 'pass', message: '资产产权清晰、两证齐全' },
  { name: 'answered no', patch: { assetManagement: { titleClear: 'no' } }, outcome: 'fail', check: 'title-unclear', severity: 'warning', message: '资产产权不清晰或两证不齐全' },
  { name: 'English message', patch: { assetManagement: { titleClear: 'no' } }, locale: 'en', outcome: 'fail', check: 'title-unclear', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { assetManagement: { titleClear: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { assetManagement: { titleClear: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { assetManagement: { titleClear: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'assetManagement.titleClear', 'no');
