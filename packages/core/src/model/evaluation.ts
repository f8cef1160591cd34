import { z } from 'zod';
import { ANSWER_RESOLUTIONS, ANSWERS, DISCLOSURE_CHANNELS, GRADES } from './answer.js';
import { FIELD_LABELS, type FieldPath } from './labels.js';
import { isMoney, MAX_MONEY } from './money.js';

/** Canonical model version; bumped only with a migration. */
export const MODEL_VERSION = 1;

function label(path: FieldPath): { title: string; description: string } {
  const l = FIELD_LABELS[path];
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
    modelVersion: z.literal(MODEL_VERSION).optional(),
    fiscalYear: z.number().int().min(1949).max(2200).nullable().meta(label('fiscalYear')),
    unit: z.strictObject({
      name: z.string().max(500).nullable().meta(label('unit.name')),
      code: z.string().max(100).nullable().optional().meta(label('unit.code')),
      classified: z.boolean().nullable().optional().meta(label('unit.classified')),
    }),
    staffing: z.strictObject({
      authorized: count('staffing.authorized'),
      actual: count('staffing.actual'),
      leaderPostsAuthorized: count('staffing.leaderPostsAuthorized').optional(),
      leaderPostsActual: count('staffing.leaderPostsActual').optional(),
    }),
    functions: text('functions'),
    income: z.strictObject({
      localBudget: money('income.localBudget'),
      nonTax: money('income.nonTax'),
      higherLevel: money('income.higherLevel'),
      other: money('income.other'),
      total: money('income.total'),
      carryOver: money('income.carryOver').optional(),
    }),
    expenditure: z.strictObject({
      basic: money('expenditure.basic'),
      project: money('expenditure.project'),
      total: money('expenditure.total'),
      threePublic: money('expenditure.threePublic'),
      threePublicPriorYear: money('expenditure.threePublicPriorYear').optional(),
      vehicleCost: money('expenditure.vehicleCost').optional(),
      vehicleCostPriorYear: money('expenditure.vehicleCostPriorYear').optional(),
    }),
    staffingControl: z.strictObject({ overstaffed: answer('staffingControl.overstaffed') }),
    threePublic: z.strictObject({
      managementRules: answer('threePublic.managementRules'),
      receptionStandard: answer('threePublic.receptionStandard'),
      vehicleCostDeclined: answer('threePublic.vehicleCostDeclined'),
      declined: answer('threePublic.declined'),
    }),
    nonTaxRevenue: z.strictObject({
      targetMet: answer('nonTaxRevenue.targetMet'),
      twoLineManagement: answer('nonTaxRevenue.twoLineManagement'),
      diversion: answer('nonTaxRevenue.diversion'),
    }),
    procurement: z.strictObject({
      planMade: answer('procurement.planMade'),
      required: money('procurement.required'),
      actual: money('procurement.actual'),
    }),
    budgetExecution: z.strictObject({
      supplemented: answer('budgetExecution.supplemented'),
      supplementAmount: money('budgetExecution.supplementAmount'),
      hasSurplus: answer('budgetExecution.hasSurplus'),
      surplusAmount: money('budgetExecution.surplusAmount'),
      initialBudget: money('budgetExecution.initialBudget').optional(),
    }),
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
    }),
    financialManagement: z.strictObject({
      rulesInPlace: answer('financialManagement.rulesInPlace'),
      accountingOffice: answer('financialManagement.accountingOffice'),
      accountantsQualified: answer('financialManagement.accountantsQualified'),
    }),
    fundManagement: z.strictObject({
      rulesInPlace: answer('fundManagement.rulesInPlace'),
      approvalProcedure: answer('fundManagement.approvalProcedure'),
      irregularUse: answer('fundManagement.irregularUse'),
    }),
    assetManagement: z.strictObject({
      rulesInPlace: answer('assetManagement.rulesInPlace'),
      handlingCompliant: answer('assetManagement.handlingCompliant'),
      titleClear: answer('assetManagement.titleClear'),
      recordsMatch: answer('assetManagement.recordsMatch'),
    }),
    duties: z.strictObject({ keyTasksCompleted: answer('duties.keyTasksCompleted') }),
    achievements: text('achievements'),
    selfRating: z.strictObject({
      grade: z.enum(GRADES).nullable().meta(label('selfRating.grade')),
      score: z.number().min(0).max(100).nullable().optional().meta(label('selfRating.score')),
    }),
    problems: text('problems'),
    suggestions: text('suggestions'),
    supervisorOpinion: text('supervisorOpinion'),
    answerResolution: z
      .partialRecord(z.enum(ANSWER_FIELDS), AnswerResolutionSchema)
      .optional()
      .meta({ description: '每个勾选题是如何读出的（导入器记录） / how each answer was read (recorded by importers)' }),
  })
  .meta({
    title: '部门整体支出绩效自评（jixiao 规范模型 v1）',
    description: 'Canonical model of a 部门整体支出绩效自评 submission; amounts in 万元, blank = null.',
  });

export type Evaluation = z.infer<typeof EvaluationSchema>;
export type EvaluationInput = z.input<typeof EvaluationSchema>;
