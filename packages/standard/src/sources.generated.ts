// 由规则元数据生成，请勿手工编辑 / generated from rule metadata: do not edit
import type { StandardPackSource } from './source.js';
import pack0 from '@jixiao/pack-batch/pack.json' with { type: 'json' };
import pack0rule0 from '@jixiao/pack-batch/src/rules/copied-narrative.json' with { type: 'json' };
import pack0rule1 from '@jixiao/pack-batch/src/rules/duplicate-submission.json' with { type: 'json' };
import pack0rule2 from '@jixiao/pack-batch/src/rules/peer-outlier.json' with { type: 'json' };
import pack1 from '@jixiao/pack-budget/pack.json' with { type: 'json' };
import pack1rule0 from '@jixiao/pack-budget/src/rules/expenditure-within-income.json' with { type: 'json' };
import pack1rule1 from '@jixiao/pack-budget/src/rules/supplement-consistent.json' with { type: 'json' };
import pack1rule2 from '@jixiao/pack-budget/src/rules/surplus-consistent.json' with { type: 'json' };
import pack2 from '@jixiao/pack-disclosure/pack.json' with { type: 'json' };
import pack2rule0 from '@jixiao/pack-disclosure/src/rules/public-channel.json' with { type: 'json' };
import pack2rule1 from '@jixiao/pack-disclosure/src/rules/published.json' with { type: 'json' };
import pack2rule2 from '@jixiao/pack-disclosure/src/rules/timely.json' with { type: 'json' };
import pack3 from '@jixiao/pack-duties/pack.json' with { type: 'json' };
import pack3rule0 from '@jixiao/pack-duties/src/rules/key-tasks-completed.json' with { type: 'json' };
import pack4 from '@jixiao/pack-history/pack.json' with { type: 'json' };
import pack4rule0 from '@jixiao/pack-history/src/rules/carry-over.json' with { type: 'json' };
import pack4rule1 from '@jixiao/pack-history/src/rules/staffing-change.json' with { type: 'json' };
import pack4rule2 from '@jixiao/pack-history/src/rules/three-public-declined.json' with { type: 'json' };
import pack4rule3 from '@jixiao/pack-history/src/rules/three-public-prior-year.json' with { type: 'json' };
import pack4rule4 from '@jixiao/pack-history/src/rules/vehicle-cost-declined.json' with { type: 'json' };
import pack5 from '@jixiao/pack-integrity/pack.json' with { type: 'json' };
import pack5rule0 from '@jixiao/pack-integrity/src/rules/amounts-in-wanyuan.json' with { type: 'json' };
import pack5rule1 from '@jixiao/pack-integrity/src/rules/answers-resolved.json' with { type: 'json' };
import pack5rule2 from '@jixiao/pack-integrity/src/rules/expenditure-total.json' with { type: 'json' };
import pack5rule3 from '@jixiao/pack-integrity/src/rules/income-total.json' with { type: 'json' };
import pack5rule4 from '@jixiao/pack-integrity/src/rules/required-fields.json' with { type: 'json' };
import pack5rule5 from '@jixiao/pack-integrity/src/rules/three-public-within-expenditure.json' with { type: 'json' };
import pack6 from '@jixiao/pack-management/pack.json' with { type: 'json' };
import pack6rule0 from '@jixiao/pack-management/src/rules/accountants-qualified.json' with { type: 'json' };
import pack6rule1 from '@jixiao/pack-management/src/rules/accounting-office.json' with { type: 'json' };
import pack6rule2 from '@jixiao/pack-management/src/rules/approval-procedure.json' with { type: 'json' };
import pack6rule3 from '@jixiao/pack-management/src/rules/asset-handling.json' with { type: 'json' };
import pack6rule4 from '@jixiao/pack-management/src/rules/asset-records.json' with { type: 'json' };
import pack6rule5 from '@jixiao/pack-management/src/rules/asset-rules.json' with { type: 'json' };
import pack6rule6 from '@jixiao/pack-management/src/rules/asset-title.json' with { type: 'json' };
import pack6rule7 from '@jixiao/pack-management/src/rules/finance-rules.json' with { type: 'json' };
import pack6rule8 from '@jixiao/pack-management/src/rules/fund-rules.json' with { type: 'json' };
import pack6rule9 from '@jixiao/pack-management/src/rules/no-irregular-allowances.json' with { type: 'json' };
import pack7 from '@jixiao/pack-procurement/pack.json' with { type: 'json' };
import pack7rule0 from '@jixiao/pack-procurement/src/rules/execution-rate.json' with { type: 'json' };
import pack7rule1 from '@jixiao/pack-procurement/src/rules/plan-in-place.json' with { type: 'json' };
import pack7rule2 from '@jixiao/pack-procurement/src/rules/within-plan.json' with { type: 'json' };
import pack8 from '@jixiao/pack-rating/pack.json' with { type: 'json' };
import pack8rule0 from '@jixiao/pack-rating/src/rules/self-rating-supported.json' with { type: 'json' };
import pack9 from '@jixiao/pack-revenue/pack.json' with { type: 'json' };
import pack9rule0 from '@jixiao/pack-revenue/src/rules/no-diversion.json' with { type: 'json' };
import pack9rule1 from '@jixiao/pack-revenue/src/rules/non-tax-target-met.json' with { type: 'json' };
import pack9rule2 from '@jixiao/pack-revenue/src/rules/two-line-management.json' with { type: 'json' };
import pack10 from '@jixiao/pack-scoring/pack.json' with { type: 'json' };
import pack10rule0 from '@jixiao/pack-scoring/src/rules/budget-adjustment.json' with { type: 'json' };
import pack10rule1 from '@jixiao/pack-scoring/src/rules/budget-by-nature.json' with { type: 'json' };
import pack10rule2 from '@jixiao/pack-scoring/src/rules/coefficient-score.json' with { type: 'json' };
import pack10rule3 from '@jixiao/pack-scoring/src/rules/deviation-reason.json' with { type: 'json' };
import pack10rule4 from '@jixiao/pack-scoring/src/rules/execution-rate.json' with { type: 'json' };
import pack10rule5 from '@jixiao/pack-scoring/src/rules/execution-score.json' with { type: 'json' };
import pack10rule6 from '@jixiao/pack-scoring/src/rules/full-marks-below-target.json' with { type: 'json' };
import pack10rule7 from '@jixiao/pack-scoring/src/rules/fund-sources-total.json' with { type: 'json' };
import pack10rule8 from '@jixiao/pack-scoring/src/rules/grade-matches-score.json' with { type: 'json' };
import pack10rule9 from '@jixiao/pack-scoring/src/rules/points-total.json' with { type: 'json' };
import pack10rule10 from '@jixiao/pack-scoring/src/rules/score-total.json' with { type: 'json' };
import pack10rule11 from '@jixiao/pack-scoring/src/rules/score-within-points.json' with { type: 'json' };
import pack11 from '@jixiao/pack-staffing/pack.json' with { type: 'json' };
import pack11rule0 from '@jixiao/pack-staffing/src/rules/declaration-consistent.json' with { type: 'json' };
import pack11rule1 from '@jixiao/pack-staffing/src/rules/within-quota.json' with { type: 'json' };
import pack12 from '@jixiao/pack-three-public/pack.json' with { type: 'json' };
import pack12rule0 from '@jixiao/pack-three-public/src/rules/declined.json' with { type: 'json' };
import pack12rule1 from '@jixiao/pack-three-public/src/rules/management-rules.json' with { type: 'json' };
import pack12rule2 from '@jixiao/pack-three-public/src/rules/reception-standard.json' with { type: 'json' };
import pack12rule3 from '@jixiao/pack-three-public/src/rules/vehicle-cost-declined.json' with { type: 'json' };

/** Every pack of the standard preset: its package, its parsed `pack.json` and its rule files by name. */
export const STANDARD_PACK_SOURCES: readonly StandardPackSource[] = [
  {
    package: '@jixiao/pack-batch',
    manifest: pack0,
    rules: {
      'copied-narrative.json': pack0rule0,
      'duplicate-submission.json': pack0rule1,
      'peer-outlier.json': pack0rule2,
    },
  },
  {
    package: '@jixiao/pack-budget',
    manifest: pack1,
    rules: {
      'expenditure-within-income.json': pack1rule0,
      'supplement-consistent.json': pack1rule1,
      'surplus-consistent.json': pack1rule2,
    },
  },
  {
    package: '@jixiao/pack-disclosure',
    manifest: pack2,
    rules: {
      'public-channel.json': pack2rule0,
      'published.json': pack2rule1,
      'timely.json': pack2rule2,
    },
  },
  {
    package: '@jixiao/pack-duties',
    manifest: pack3,
    rules: {
      'key-tasks-completed.json': pack3rule0,
    },
  },
  {
    package: '@jixiao/pack-history',
    manifest: pack4,
    rules: {
      'carry-over.json': pack4rule0,
      'staffing-change.json': pack4rule1,
      'three-public-declined.json': pack4rule2,
      'three-public-prior-year.json': pack4rule3,
      'vehicle-cost-declined.json': pack4rule4,
    },
  },
  {
    package: '@jixiao/pack-integrity',
    manifest: pack5,
    rules: {
      'amounts-in-wanyuan.json': pack5rule0,
      'answers-resolved.json': pack5rule1,
      'expenditure-total.json': pack5rule2,
      'income-total.json': pack5rule3,
      'required-fields.json': pack5rule4,
      'three-public-within-expenditure.json': pack5rule5,
    },
  },
  {
    package: '@jixiao/pack-management',
    manifest: pack6,
    rules: {
      'accountants-qualified.json': pack6rule0,
      'accounting-office.json': pack6rule1,
      'approval-procedure.json': pack6rule2,
      'asset-handling.json': pack6rule3,
      'asset-records.json': pack6rule4,
      'asset-rules.json': pack6rule5,
      'asset-title.json': pack6rule6,
      'finance-rules.json': pack6rule7,
      'fund-rules.json': pack6rule8,
      'no-irregular-allowances.json': pack6rule9,
    },
  },
  {
    package: '@jixiao/pack-procurement',
    manifest: pack7,
    rules: {
      'execution-rate.json': pack7rule0,
      'plan-in-place.json': pack7rule1,
      'within-plan.json': pack7rule2,
    },
  },
  {
    package: '@jixiao/pack-rating',
    manifest: pack8,
    rules: {
      'self-rating-supported.json': pack8rule0,
    },
  },
  {
    package: '@jixiao/pack-revenue',
    manifest: pack9,
    rules: {
      'no-diversion.json': pack9rule0,
      'non-tax-target-met.json': pack9rule1,
      'two-line-management.json': pack9rule2,
    },
  },
  {
    package: '@jixiao/pack-scoring',
    manifest: pack10,
    rules: {
      'budget-adjustment.json': pack10rule0,
      'budget-by-nature.json': pack10rule1,
      'coefficient-score.json': pack10rule2,
      'deviation-reason.json': pack10rule3,
      'execution-rate.json': pack10rule4,
      'execution-score.json': pack10rule5,
      'full-marks-below-target.json': pack10rule6,
      'fund-sources-total.json': pack10rule7,
      'grade-matches-score.json': pack10rule8,
      'points-total.json': pack10rule9,
      'score-total.json': pack10rule10,
      'score-within-points.json': pack10rule11,
    },
  },
  {
    package: '@jixiao/pack-staffing',
    manifest: pack11,
    rules: {
      'declaration-consistent.json': pack11rule0,
      'within-quota.json': pack11rule1,
    },
  },
  {
    package: '@jixiao/pack-three-public',
    manifest: pack12,
    rules: {
      'declined.json': pack12rule0,
      'management-rules.json': pack12rule1,
      'reception-standard.json': pack12rule2,
      'vehicle-cost-declined.json': pack12rule3,
    },
  },
];
