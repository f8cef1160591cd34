import { testRule } from '@jixiao/testing';
import { pack, tickAmountProperties } from './pack.js';

const RULE = 'budget/supplement-consistent';

testRule(pack, RULE, [
  { name: 'seed: 否 with 0', patch: { budgetExecution: { supplemented: 'no', supplementAmount: 0 } }, outcome: 'pass', message: '追加金额 0.00 万元' },
  { name: '是 with 12.30', patch: { budgetExecution: { supplemented: 'yes', supplementAmount: 12.3 } }, outcome: 'pass' },
  {
    name: '是 with 0',
    patch: { budgetExecution: { supplemented: 'yes', supplementAmount: 0 } },
    outcome: 'fail',
    check: 'declared-without-amount',
    severity: 'error',
    message: '勾选“是”（追加了预算），但追加金额为 0.00 万元',
  },
  {
    name: '否 with 0.01',
    patch: { budgetExecution: { supplemented: 'no', supplementAmount: 0.01 } },
    outcome: 'fail',
    check: 'denied-with-amount',
    severity: 'error',
    message: '但追加金额为 0.01 万元',
  },
  { name: 'amount blank', patch: { budgetExecution: { supplementAmount: null } }, outcome: 'indeterminate', message: '追加金额' },
  { name: 'unreadable tick', patch: { budgetExecution: { supplemented: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
  { name: 'English message', patch: { budgetExecution: { supplemented: 'no', supplementAmount: 0.01 } }, locale: 'en', outcome: 'fail', check: 'denied-with-amount', message: 'the supplement amount is 0.01' },
]);

tickAmountProperties(RULE, 'supplemented', 'supplementAmount');
