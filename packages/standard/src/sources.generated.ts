// 由规则元数据生成，请勿手工编辑 / generated from rule metadata: do not edit
import type { StandardPackSource } from './source.js';
import pack0 from '@jixiao/pack-budget/pack.json' with { type: 'json' };
import pack0rule0 from '@jixiao/pack-budget/src/rules/expenditure-within-income.json' with { type: 'json' };
import pack0rule1 from '@jixiao/pack-budget/src/rules/supplement-consistent.json' with { type: 'json' };
import pack0rule2 from '@jixiao/pack-budget/src/rules/surplus-consistent.json' with { type: 'json' };
import pack1 from '@jixiao/pack-disclosure/pack.json' with { type: 'json' };
import pack1rule0 from '@jixiao/pack-disclosure/src/rules/public-channel.json' with { type: 'json' };
import pack1rule1 from '@jixiao/pack-disclosure/src/rules/published.json' with { type: 'json' };
import pack1rule2 from '@jixiao/pack-disclosure/src/rules/timely.json' with { type: 'json' };
import pack2 from '@jixiao/pack-duties/pack.json' with { type: 'json' };
import pack2rule0 from '@jixiao/pack-duties/src/rules/key-tasks-completed.json' with { type: 'json' };
import pack3 from '@jixiao/pack-integrity/pack.json' with { type: 'json' };
import pack3rule0 from '@jixiao/pack-integrity/src/rules/amounts-in-wanyuan.json' with { type: 'json' };
import pack3rule1 from '@jixiao/pack-integrity/src/rules/answers-resolved.json' with { type: 'json' };
import pack3rule2 from '@jixiao/pack-integrity/src/rules/expenditure-total.json' with { type: 'json' };
import pack3rule3 from '@jixiao/pack-integrity/src/rules/income-total.json' with { type: 'json' };
import pack3rule4 from '@jixiao/pack-integrity/src/rules/required-fields.json' with { type: 'json' };
import pack3rule5 from '@jixiao/pack-integrity/src/rules/three-public-within-expenditure.json' with { type: 'json' };
import pack4 from '@jixiao/pack-management/pack.json' with { type: 'json' };
import pack4rule0 from '@jixiao/pack-management/src/rules/accountants-qualified.json' with { type: 'json' };
import pack4rule1 from '@jixiao/pack-management/src/rules/accounting-office.json' with { type: 'json' };
import pack4rule2 from '@jixiao/pack-management/src/rules/approval-procedure.json' with { type: 'json' };
import pack4rule3 from '@jixiao/pack-management/src/rules/asset-handling.json' with { type: 'json' };
import pack4rule4 from '@jixiao/pack-management/src/rules/asset-records.json' with { type: 'json' };
import pack4rule5 from '@jixiao/pack-management/src/rules/asset-rules.json' with { type: 'json' };
import pack4rule6 from '@jixiao/pack-management/src/rules/asset-title.json' with { type: 'json' };
import pack4rule7 from '@jixiao/pack-management/src/rules/finance-rules.json' with { type: 'json' };
import pack4rule8 from '@jixiao/pack-management/src/rules/fund-rules.json' with { type: 'json' };
import pack4rule9 from '@jixiao/pack-management/src/rules/no-irregular-allowances.json' with { type: 'json' };
import pack5 from '@jixiao/pack-procurement/pack.json' with { type: 'json' };
import pack5rule0 from '@jixiao/pack-procurement/src/rules/execution-rate.json' with { type: 'json' };
import pack5rule1 from '@jixiao/pack-procurement/src/rules/plan-in-place.json' with { type: 'json' };
import pack5rule2 from '@jixiao/pack-procurement/src/rules/within-plan.json' with { type: 'json' };
import pack6 from '@jixiao/pack-rating/pack.json' with { type: 'json' };
import pack6rule0 from '@jixiao/pack-rating/src/rules/self-rating-supported.json' with { type: 'json' };
import pack7 from '@jixiao/pack-revenue/pack.json' with { type: 'json' };
import pack7rule0 from '@jixiao/pack-revenue/src/rules/no-diversion.json' with { type: 'json' };
import pack7rule1 from '@jixiao/pack-revenue/src/rules/non-tax-target-met.json' with { type: 'json' };
import pack7rule2 from '@jixiao/pack-revenue/src/rules/two-line-management.json' with { type: 'json' };
import pack8 from '@jixiao/pack-scoring/pack.json' with { type: 'json' };
import pack8rule0 from '@jixiao/pack-scoring/src/rules/budget-adjustment.json' with { type: 'json' };
import pack8rule1 from '@jixiao/pack-scoring/src/rules/coefficient-score.json' with { type: 'json' };
import pack8rule2 from '@jixiao/pack-scoring/src/rules/deviation-reason.json' with { type: 'json' };
import pack8rule3 from '@jixiao/pack-scoring/src/rules/execution-rate.json' with { type: 'json' };
import pack8rule4 from '@jixiao/pack-scoring/src/rules/execution-score.json' with { type: 'json' };
import pack8rule5 from '@jixiao/pack-scoring/src/rules/full-marks-below-target.json' with { type: 'json' };
import pack8rule6 from '@jixiao/pack-scoring/src/rules/grade-matches-score.json' with { type: 'json' };
import pack8rule7 from '@jixiao/pack-scoring/src/rules/points-total.json' with { type: 'json' };
import pack8rule8 from '@jixiao/pack-scoring/src/rules/score-total.json' with { type: 'json' };
import pack8rule9 from '@jixiao/pack-scoring/src/rules/score-within-points.json' with { type: 'json' };
import pack9 from '@jixiao/pack-staffing/pack.json' with { type: 'json' };
import pack9rule0 from '@jixiao/pack-staffing/src/rules/declaration-consistent.json' with { type: 'json' };
import pack9rule1 from '@jixiao/pack-staffing/src/rules/within-quota.json' with { type: 'json' };
import pack10 from '@jixiao/pack-three-public/pack.json' with { type: 'json' };
import pack10rule0 from '@jixiao/pack-three-public/src/rules/declined.json' with { type: 'json' };
import pack10rule1 from '@jixiao/pack-three-public/src/rules/management-rules.json' with { type: 'json' };
import pack10rule2 from '@jixiao/pack-three-public/src/rules/reception-standard.json' with { type: 'json' };
import pack10rule3 from '@jixiao/pack-three-public/src/rules/vehicle-cost-declined.json' with { type: 'json' };

/** Every pack of the standard preset: its package, its parsed `pack.json` and its rule files by name. */
export const STANDARD_PACK_SOURCES: readonly StandardPackSource[] = [
  {
    package: '@jixiao/pack-budget',
    manifest: pack0,
    rules: {
      'expenditure-within-income.json': pack0rule0,
      'supplement-consistent.json': pack0rule1,
      'surplus-consistent.json': pack0rule2,
    },
  },
  {
    package: '@jixiao/pack-disclosure',
    manifest: pack1,
    rules: {
      'public-channel.json': pack1rule0,
      'published.json': pack1rule1,
      'timely.json': pack1rule2,
    },
  },
  {
    package: '@jixiao/pack-duties',
    manifest: pack2,
    rules: {
      'key-tasks-completed.json': pack2rule0,
    },
  },
  {
    package: '@jixiao/pack-integrity',
    manifest: pack3,
    rules: {
      'amounts-in-wanyuan.json': pack3rule0,
      'answers-resolved.json': pack3rule1,
      'expenditure-total.json': pack3rule2,
      'income-total.json': pack3rule3,
      'required-fields.json': pack3rule4,
      'three-public-within-expenditure.json': pack3rule5,
    },
  },
  {
    package: '@jixiao/pack-management',
    manifest: pack4,
    rules: {
      'accountants-qualified.json': pack4rule0,
      'accounting-office.json': pack4rule1,
      'approval-procedure.json': pack4rule2,
      'asset-handling.json': pack4rule3,
      'asset-records.json': pack4rule4,
      'asset-rules.json': pack4rule5,
      'asset-title.json': pack4rule6,
      'finance-rules.json': pack4rule7,
      'fund-rules.json': pack4rule8,
      'no-irregular-allowances.json': pack4rule9,
    },
  },
  {
    package: '@jixiao/pack-procurement',
    manifest: pack5,
    rules: {
      'execution-rate.json': pack5rule0,
      'plan-in-place.json': pack5rule1,
      'within-plan.json': pack5rule2,
    },
  },
  {
    package: '@jixiao/pack-rating',
    manifest: pack6,
    rules: {
      'self-rating-supported.json': pack6rule0,
    },
  },
  {
    package: '@jixiao/pack-revenue',
    manifest: pack7,
    rules: {
      'no-diversion.json': pack7rule0,
      'non-tax-target-met.json': pack7rule1,
      'two-line-management.json': pack7rule2,
    },
  },
  {
    package: '@jixiao/pack-scoring',
    manifest: pack8,
    rules: {
      'budget-adjustment.json': pack8rule0,
      'coefficient-score.json': pack8rule1,
      'deviation-reason.json': pack8rule2,
      'execution-rate.json': pack8rule3,
      'execution-score.json': pack8rule4,
      'full-marks-below-target.json': pack8rule5,
      'grade-matches-score.json': pack8rule6,
      'points-total.json': pack8rule7,
      'score-total.json': pack8rule8,
      'score-within-points.json': pack8rule9,
    },
  },
  {
    package: '@jixiao/pack-staffing',
    manifest: pack9,
    rules: {
      'declaration-consistent.json': pack9rule0,
      'within-quota.json': pack9rule1,
    },
  },
  {
    package: '@jixiao/pack-three-public',
    manifest: pack10,
    rules: {
      'declined.json': pack10rule0,
      'management-rules.json': pack10rule1,
      'reception-standard.json': pack10rule2,
      'vehicle-cost-declined.json': pack10rule3,
    },
  },
];
