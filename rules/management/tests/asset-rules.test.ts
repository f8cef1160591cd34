import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/asset-rules';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { assetManagement: { rulesInPlace: 'yes' } }, outcome: 'pass', message: '已制定资产管理制度' },
  { name: 'answered no', patch: { assetManagement: { rulesInPlace: 'no' } }, outcome: 'fail', check: 'no-rules', severity: 'warning', message: '未制定资产管理制度' },
  { name: 'English message', patch: { assetManagement: { rulesInPlace: 'no' } }, locale: 'en', outcome: 'fail', check: 'no-rules', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { assetManagement: { rulesInPlace: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { assetManagement: { rulesInPlace: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { assetManagement: { rulesInPlace: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'assetManagement.rulesInPlace', 'no');
