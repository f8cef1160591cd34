import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'management/asset-handling';

testRule(pack, RULE, [
  { name: 'answered yes', patch: { assetManagement: { handlingCompliant: 'yes' } }, outcome: 'pass', message: '资产管理、保存、处置合理规范' },
  { name: 'answered no', patch: { assetManagement: { handlingCompliant: 'no' } }, outcome: 'fail', check: 'not-compliant', severity: 'warning', message: '资产管理、保存、处置不合理规范' },
  { name: 'English message', patch: { assetManagement: { handlingCompliant: 'no' } }, locale: 'en', outcome: 'fail', check: 'not-compliant', message: 'Answered no: ' },
  { name: 'nothing ticked', patch: { assetManagement: { handlingCompliant: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { assetManagement: { handlingCompliant: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { assetManagement: { handlingCompliant: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'assetManagement.handlingCompliant', 'no');
