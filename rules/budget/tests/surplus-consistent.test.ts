import { testRule } from '@jixiao/testing';
import { pack, tickAmountProperties } from './pack.js';

const RULE = 'budget/surplus-consistent';

testRule(pack, RULE, [
  { name: 'seed: 否 with 0', patch: { budgetExecution: { hasSurplus: 'no', surplusAmount: 0 } }, outcome: 'pass', message: '结余金额 0.00 万元' },
  { name: '是 with 12.30', patch: { budgetExecution: { hasSurplus: 'yes', surplusAmount: 12.3 } }, outcome: 'pass' },
  {
    name: '是 with 0',
    patch: { budgetExecution: { hasSurplus: 'yes', surplusAmount: 0 } },
    outcome: 'fail',
    check: 'declared-without-amount',
    severity: 'error',
    message: '勾选“是”（有结余），但结余金额为 0.00 万元',
  },
  {
    name: '否 with 0.01',
    patch: { budgetExecution: { hasSurplus: 'no', surplusAmount: 0.01 } },
    outcome: 'fail',
    check: 'denied-with-amount',
    severity: 'error',
    message: '但结余金额为 0.01 万元',
  },
  { name: 'amount blank', patch: { budgetExecution: { surplusAmount: null } }, outcome: 'indeterminate', message: '结余金额' },
  { name: 'unreadable tick', patch: { budgetExecution: { hasSurplus: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
  { name: 'English message', patch: { budgetExecution: { hasSurplus: 'no', surplusAmount: 0.01 } }, locale: 'en', outcome: 'fail', check: 'denied-with-amount', message: 'the surplus amount is 0.01' },
]);

tickAmountProperties(RULE, 'hasSurplus', 'surplusAmount');
