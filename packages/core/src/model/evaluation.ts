import * as z from 'zod';
import { ANSWER_RESOLUTIONS, ANSWERS, DISCLOSURE_CHANNELS, GRADES } from './answer.js';
import { isHundredths, MAX_PERCENT, MAX_SCORE } from './decimal.js';
import { FIELD_LABELS, INDICATOR_LABELS, SECTION_LABELS, type FieldPath, type IndicatorKey, type SectionPath } from './labels.js';
import { isMoney, MAX_MONEY } from './money.js';

/**
 * Canonical model version. Version 2 added the optional 自评表 sections (`selfAssessment`: budget execution,
 * indicators, total points) and the 经费控制 grid (`costControl`: 上年决算 / 本年预算 / 本年决算). Version 3 (2 Dec 2026)
 * added, within the 自评表's budget execution, its rows by nature (`basic` 基本支出, `project` 项目支出: 年初预算数 /
 * 全年预算数 / 全年执行数) and the budget by fund source (`fundSources`, 按收入性质分: 一般公共预算, 政府性基金拨款,
 * 纳入专户管理的非税收入拨款, 其他资金). Each version only adds optional fields (nothing was renamed or removed), so a
 * document of an earlier version is valid as it is and every version is accepted.
 */
export const MODEL_VERSION = 3;
/** Every model version a document may declare. */
export const MODEL_VERSIONS = [1, 2, 3] as const;

function label(path: FieldPath | SectionPath): { title: string; description: string } {
  const l = path in SECTION_LABELS ? SECTION_LABELS[path as SectionPath] : FIELD_LABELS[path as FieldPath];
  return { title: l['zh-CN'], description: `${l['zh-CN']} (${l.en})` };
}

/** 万元, ≥ 0, at most two decimals. */
export const MoneySchema = z
  .number({ error: '应为金额数字（万元） / expected an amount in 万元' })
  .refine(isMoney, {
    error: '金额须为不小于 0、最多两位小数的数（万元） / must be a non-negative amount with at most 2 decimals',
  })
  .meta({ minimum: 0, maximum: MAX_MONEY, multipleOf: 0.01 });

const money = (path: FieldPath) => MoneySchema.nullable().meta(label(path));
const count = (path: FieldPath) =>
  z.number({ error: '应为整数 / expected an integer' }).int().min(0).max(10_000_000).nullable().meta(label(path));
const text = (path: FieldPath) => z.string().max(200_000).nullable().meta(label(path));

export const AnswerSchema = z.enum(ANSWERS, {
  error: '应为 yes | no | unanswered | conflicting | ambiguous 之一',
});
const answer = (path: FieldPath) => AnswerSchema.meta(label(path));

/** Points (分值, 权重, 得分): at most two decimals; signed, so that a negative 得分 on a form can be reported. */
export const ScoreSchema = z
  .number({ error: '应为分数 / expected a score' })
  .refine((v) => isHundredths(v, MAX_SCORE), {
    error: `分数最多两位小数，绝对值不超过 ${String(MAX_SCORE)} / a score has at most 2 decimals and |score| ≤ ${String(MAX_SCORE)}`,
  })
  .meta({ minimum: -MAX_SCORE, maximum: MAX_SCORE, multipleOf: 0.01, 'x-unit': '分' });

/** A percentage in percent (76.5 = 76.5 %), ≥ 0, at most two decimals (whole basis points). */
export const PercentSchema = z
  .number({ error: '应为百分数 / expected a percentage' })
  .refine((v) => v >= 0 && isHundredths(v, MAX_PERCENT), {
    error: '百分数以“%”为单位，不小于 0，最多两位小数（76.5 即 76.5%） / a percentage in percent, ≥ 0, at most 2 decimals (76.5 means 76.5%)',
  })
  .meta({ minimum: 0, maximum: MAX_PERCENT, multipleOf: 0.01, 'x-unit': '%' });

/** An amount that may be negative (调减): 万元, at most two decimals. */
export const SignedMoneySchema = z
  .number({ error: '应为金额数字（万元） / expected an amount in 万元' })
  .refine((v) => isMoney(Math.abs(v)), { error: '金额最多两位小数（万元） / an amount has at most 2 decimals' })
  .meta({ minimum: -MAX_MONEY, maximum: MAX_MONEY, multipleOf: 0.01 });

const score = (path: FieldPath) => ScoreSchema.nullable().meta(label(path));
const percent = (path: FieldPath) => PercentSchema.nullable().meta(label(path));

function itemLabel(key: IndicatorKey): { title: string; description: string } {
  const l = INDICATOR_LABELS[key];
  return { title: l['zh-CN'], description: `${l['zh-CN']} (${l.en})` };
}

/** 指标性质: 定量 (quantitative) or 定性 (qualitative). */
export const INDICATOR_NATURES = ['quantitative', 'qualitative'] as const;
export type IndicatorNature = (typeof INDICATOR_NATURES)[number];

/**
 * One row of a 自评表's indicator table (T3/T4/T5). Target and actual are kept as written (`≥95%`, `2200篇`,
 * `按时完成`): core reads their comparator, number and unit exactly when it needs them (`indicators/scoring.ts`),
 * so the model holds one version of each value.
 */
export const IndicatorRowSchema = z
  .strictObject({
    level1: z.string().max(500).nullable().optional().meta(itemLabel('level1')),
    level2: z.string().max(500).nullable().optional().meta(itemLabel('level2')),
    name: z.string().max(2_000).nullable().meta(itemLabel('name')),
    nature: z.enum(INDICATOR_NATURES).nullable().optional().meta(itemLabel('nature')),
    unit: z.string().max(50).nullable().optional().meta(itemLabel('unit')),
    target: z.string().max(2_000).nullable().meta(itemLabel('target')),
    adjustedTarget: z.string().max(2_000).nullable().optional().meta(itemLabel('adjustedTarget')),
    actual: z.string().max(2_000).nullable().meta(itemLabel('actual')),
    points: ScoreSchema.nullable().meta(itemLabel('points')),
    score: ScoreSchema.nullable().meta(itemLabel('score')),
    coefficient: PercentSchema.nullable().optional().meta(itemLabel('coefficient')),
    deviationReason: z.string().max(20_000).nullable().optional().meta(itemLabel('deviationReason')),
    core: z.boolean().nullable().optional().meta(itemLabel('core')),
  })
  .meta({ title: '绩效指标', description: '自评表绩效指标的一行 (one row of the indicator table)' });
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

/**
 * One row of the 自评表's budget execution by nature (T5: `基本支出 | 985.19 | 914.97`): its 年初预算数, 全年预算数 and
 * 全年执行数, each absent when the sheet has no such column, null when the cell is blank (model v3).
 */
function budgetRow(row: 'basic' | 'project') {
  return z
    .strictObject({
      initialBudget: money(`selfAssessment.budget.${row}.initialBudget`).optional(),
      annualBudget: money(`selfAssessment.budget.${row}.annualBudget`).optional(),
      executed: money(`selfAssessment.budget.${row}.executed`).optional(),
    })
    .meta(label(`selfAssessment.budget.${row}`))
    .optional();
}

/** 上年决算 / 本年预算 / 本年决算 of one row of the 经费控制 grid (T1b). */
function controlRow(row: 'threePublic' | 'vehicle' | 'overseas' | 'reception' | 'publicFunds' | 'procurement') {
  return z
    .strictObject({
      priorYearActual: money(`costControl.${row}.priorYearActual`),
      budget: money(`costControl.${row}.budget`),
      actual: money(`costControl.${row}.actual`),
    })
    .meta(label(`costControl.${row}`))
    .optional();
}

/** A calendar date written YYYY-MM-DD (a real date: no 2021-02-30). */
export const IsoDateSchema = z.iso.date({ error: '应为日期 YYYY-MM-DD / expected a date YYYY-MM-DD' }).refine(
  (value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  },
  { error: '不是有效日期 / not a real calendar date' },
);

/** Answer field paths (the checklist questions). */
export const ANSWER_FIELDS = [
  'staffingControl.overstaffed',
  'threePublic.managementRules',
  'threePublic.receptionStandard',
  'threePublic.vehicleCostDeclined',
  'threePublic.declined',
  'nonTaxRevenue.targetMet',
  'nonTaxRevenue.twoLineManagement',
  'nonTaxRevenue.diversion',
  'procurement.planMade',
  'budgetExecution.supplemented',
  'budgetExecution.hasSurplus',
  'disclosure.published',
  'financialManagement.rulesInPlace',
  'financialManagement.accountingOffice',
  'financialManagement.accountantsQualified',
  'fundManagement.rulesInPlace',
  'fundManagement.approvalProcedure',
  'fundManagement.irregularUse',
  'assetManagement.rulesInPlace',
  'assetManagement.handlingCompliant',
  'assetManagement.titleClear',
  'assetManagement.recordsMatch',
  'duties.keyTasksCompleted',
] as const satisfies readonly FieldPath[];
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** How one answer was read: explicit (a mark was seen) or inferred (§2 step 3), with the raw text. */
export const AnswerResolutionSchema = z.strictObject({
  how: z.enum(ANSWER_RESOLUTIONS),
  raw: z.string().max(2_000).optional(),
  line: z.number().int().min(1).optional(),
  note: z.string().max(2_000).optional(),
});

export const EvaluationSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors' }),
    modelVersion: z.literal(MODEL_VERSIONS).optional().meta({ description: '模型版本（1、2 或 3） / model version (1, 2 or 3)' }),
    fiscalYear: z.number().int().min(1949).max(2200).nullable().meta(label('fiscalYear')),
    unit: z.strictObject({
      name: z.string().max(500).nullable().meta(label('unit.name')),
      code: z.string().max(100).nullable().optional().meta(label('unit.code')),
      classified: z.boolean().nullable().optional().meta(label('unit.classified')),
    }).meta(label('unit')),
    staffing: z.strictObject({
      authorized: count('staffing.authorized'),
      actual: count('staffing.actual'),
      leaderPostsAuthorized: count('staffing.leaderPostsAuthorized').optional(),
      leaderPostsActual: count('staffing.leaderPostsActual').optional(),
    }).meta(label('staffing')),
    functions: text('functions'),
    income: z.strictObject({
      localBudget: money('income.localBudget'),
      nonTax: money('income.nonTax'),
      higherLevel: money('income.higherLevel'),
      other: money('income.other'),
      total: money('income.total'),
      carryOver: money('income.carryOver').optional(),
    }).meta(label('income')),
    expenditure: z.strictObject({
      basic: money('expenditure.basic'),
      project: money('expenditure.project'),
      total: money('expenditure.total'),
      threePublic: money('expenditure.threePublic'),
      threePublicPriorYear: money('expenditure.threePublicPriorYear').optional(),
      vehicleCost: money('expenditure.vehicleCost').optional(),
      vehicleCostPriorYear: money('expenditure.vehicleCostPriorYear').optional(),
    }).meta(label('expenditure')),
    staffingControl: z.strictObject({ overstaffed: answer('staffingControl.overstaffed') }).meta(label('staffingControl')),
    threePublic: z.strictObject({
      managementRules: answer('threePublic.managementRules'),
      receptionStandard: answer('threePublic.receptionStandard'),
      vehicleCostDeclined: answer('threePublic.vehicleCostDeclined'),
      declined: answer('threePublic.declined'),
    }).meta(label('threePublic')),
    nonTaxRevenue: z.strictObject({
      targetMet: answer('nonTaxRevenue.targetMet'),
      twoLineManagement: answer('nonTaxRevenue.twoLineManagement'),
      diversion: answer('nonTaxRevenue.diversion'),
    }).meta(label('nonTaxRevenue')),
    procurement: z.strictObject({
      planMade: answer('procurement.planMade'),
      required: money('procurement.required'),
      actual: money('procurement.actual'),
    }).meta(label('procurement')),
    budgetExecution: z.strictObject({
      supplemented: answer('budgetExecution.supplemented'),
      supplementAmount: money('budgetExecution.supplementAmount'),
      hasSurplus: answer('budgetExecution.hasSurplus'),
      surplusAmount: money('budgetExecution.surplusAmount'),
      initialBudget: money('budgetExecution.initialBudget').optional(),
    }).meta(label('budgetExecution')),
    disclosure: z.strictObject({
      published: answer('disclosure.published'),
      date: IsoDateSchema.nullable().meta(label('disclosure.date')),
      channels: z
        .array(z.enum(DISCLOSURE_CHANNELS))
        .max(3)
        .refine((list) => new Set(list).size === list.length, { error: '公开方式重复 / duplicate channel' })
        .nullable()
        .meta(label('disclosure.channels')),
      approvalDate: IsoDateSchema.nullable().optional().meta(label('disclosure.approvalDate')),
    }).meta(label('disclosure')),
    financialManagement: z.strictObject({
      rulesInPlace: answer('financialManagement.rulesInPlace'),
      accountingOffice: answer('financialManagement.accountingOffice'),
      accountantsQualified: answer('financialManagement.accountantsQualified'),
    }).meta(label('financialManagement')),
    fundManagement: z.strictObject({
      rulesInPlace: answer('fundManagement.rulesInPlace'),
      approvalProcedure: answer('fundManagement.approvalProcedure'),
      irregularUse: answer('fundManagement.irregularUse'),
    }).meta(label('fundManagement')),
    assetManagement: z.strictObject({
      rulesInPlace: answer('assetManagement.rulesInPlace'),
      handlingCompliant: answer('assetManagement.handlingCompliant'),
      titleClear: answer('assetManagement.titleClear'),
      recordsMatch: answer('assetManagement.recordsMatch'),
    }).meta(label('assetManagement')),
    duties: z.strictObject({ keyTasksCompleted: answer('duties.keyTasksCompleted') }).meta(label('duties')),
    achievements: text('achievements'),
    selfRating: z.strictObject({
      grade: z.enum(GRADES).nullable().meta(label('selfRating.grade')),
      score: z.number().min(0).max(100).nullable().optional().meta(label('selfRating.score')),
    }).meta(label('selfRating')),
    problems: text('problems'),
    suggestions: text('suggestions'),
    supervisorOpinion: text('supervisorOpinion'),
    selfAssessment: z
      .strictObject({
        budget: z
          .strictObject({
            initialBudget: money('selfAssessment.budget.initialBudget'),
            adjustment: SignedMoneySchema.nullable().optional().meta(label('selfAssessment.budget.adjustment')),
            annualBudget: money('selfAssessment.budget.annualBudget'),
            executed: money('selfAssessment.budget.executed'),
            points: score('selfAssessment.budget.points'),
            rate: percent('selfAssessment.budget.rate'),
            score: score('selfAssessment.budget.score'),
            basic: budgetRow('basic'),
            project: budgetRow('project'),
            fundSources: z
              .strictObject({
                total: money('selfAssessment.budget.fundSources.total'),
                generalPublicBudget: money('selfAssessment.budget.fundSources.generalPublicBudget').optional(),
                governmentFunds: money('selfAssessment.budget.fundSources.governmentFunds').optional(),
                specialAccountNonTax: money('selfAssessment.budget.fundSources.specialAccountNonTax').optional(),
                other: money('selfAssessment.budget.fundSources.other').optional(),
              })
              .meta(label('selfAssessment.budget.fundSources'))
              .optional(),
          })
          .meta(label('selfAssessment.budget'))
          .optional(),
        indicators: z.array(IndicatorRowSchema).max(2_000).optional().meta(label('selfAssessment.indicators')),
        totalPoints: score('selfAssessment.totalPoints').optional(),
      })
      .optional()
      .meta({ title: SECTION_LABELS.selfAssessment['zh-CN'], description: `${SECTION_LABELS.selfAssessment['zh-CN']}（预算执行、绩效指标、总分；模型 v2） / the ${SECTION_LABELS.selfAssessment.en} (model v2)` }),
    costControl: z
      .strictObject({
        threePublic: controlRow('threePublic'),
        vehicle: controlRow('vehicle'),
        overseas: controlRow('overseas'),
        reception: controlRow('reception'),
        publicFunds: controlRow('publicFunds'),
        procurement: controlRow('procurement'),
      })
      .optional()
      .meta({ title: SECTION_LABELS.costControl['zh-CN'], description: `${SECTION_LABELS.costControl['zh-CN']}：上年决算 / 本年预算 / 本年决算（模型 v2） / ${SECTION_LABELS.costControl.en} grid (model v2)` }),
    answerResolution: z
      .partialRecord(z.enum(ANSWER_FIELDS), AnswerResolutionSchema)
      .optional()
      .meta({ description: '每个勾选题是如何读出的（导入器记录） / how each answer was read (recorded by importers)' }),
  })
  .meta({
    title: '部门整体支出绩效自评（jixiao 规范模型 v3）',
    description: 'Canonical model of a 部门整体支出绩效自评 submission; amounts in 万元, blank = null.',
  });

export type Evaluation = z.infer<typeof EvaluationSchema>;
export type EvaluationInput = z.input<typeof EvaluationSchema>;
export type SelfAssessment = NonNullable<Evaluation['selfAssessment']>;
export type CostControl = NonNullable<Evaluation['costControl']>;
