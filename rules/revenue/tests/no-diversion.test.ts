import { answerRuleProperties, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'revenue/no-diversion';

testRule(pack, RULE, [
  { name: 'answered no', patch: { nonTaxRevenue: { diversion: 'no' } }, outcome: 'pass', message: '勾选“无”：无截留、坐支、转移等现象' },
  { name: 'answered yes', patch: { nonTaxRevenue: { diversion: 'yes' } }, outcome: 'fail', check: 'diverted', severity: 'error', message: '勾选“有”：存在截留、坐支、转移等现象' },
  { name: 'English message', patch: { nonTaxRevenue: { diversion: 'yes' } }, locale: 'en', outcome: 'fail', check: 'diverted', message: 'Answered yes: ' },
  { name: 'nothing ticked', patch: { nonTaxRevenue: { diversion: 'unanswered' } }, outcome: 'indeterminate', message: '（未作答）' },
  { name: 'both boxes ticked', patch: { nonTaxRevenue: { diversion: 'conflicting' } }, outcome: 'indeterminate', message: '多选冲突' },
  { name: 'unreadable mark', patch: { nonTaxRevenue: { diversion: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
]);

answerRuleProperties(pack, RULE, 'nonTaxRevenue.diversion', 'yes');
