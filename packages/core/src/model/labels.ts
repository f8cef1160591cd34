/**
 * The form's own labels for every canonical field (../shared/domain.md §1). Validation errors, reports and
 * indeterminate findings name a field by its path *and* this label, so a reviewer recognises it.
 * A test keeps this table 1:1 with the leaves of the zod model.
 */
import { GRADES, type AnswerResolutionKind, type DisclosureChannel, type Grade } from './answer.js';
import type { IndicatorNature } from './evaluation.js';

export interface FieldLabel {
  readonly 'zh-CN': string;
  readonly en: string;
}

export const FIELD_LABELS = {
  fiscalYear: { 'zh-CN': '年度', en: 'fiscal year' },
  'unit.name': { 'zh-CN': '单位名称', en: 'unit name' },
  'unit.code': { 'zh-CN': '预算编码', en: 'budget code' },
  'unit.classified': { 'zh-CN': '涉密单位', en: 'classified unit' },
  'staffing.authorized': { 'zh-CN': '编制人数', en: 'authorized staff' },
  'staffing.actual': { 'zh-CN': '实有人数', en: 'actual staff' },
  'staffing.leaderPostsAuthorized': { 'zh-CN': '领导职数（核定）', en: 'authorized leader posts' },
  'staffing.leaderPostsActual': { 'zh-CN': '领导职数（实有）', en: 'actual leader posts' },
  functions: { 'zh-CN': '部门职能概述', en: 'functions' },
  'income.localBudget': { 'zh-CN': '本级财政预算安排', en: 'local budget allocation' },
  'income.nonTax': { 'zh-CN': '非税收入', en: 'non-tax income' },
  'income.higherLevel': { 'zh-CN': '中央省市安排资金', en: 'higher-level funds' },
  'income.other': { 'zh-CN': '其他收入', en: 'other income' },
  'income.total': { 'zh-CN': '年度收入合计', en: 'total income' },
  'income.carryOver': { 'zh-CN': '上年结转', en: 'carry-over from prior year' },
  'expenditure.basic': { 'zh-CN': '基本支出', en: 'basic expenditure' },
  'expenditure.project': { 'zh-CN': '项目支出', en: 'project expenditure' },
  'expenditure.total': { 'zh-CN': '年度支出合计', en: 'total expenditure' },
  'expenditure.threePublic': { 'zh-CN': '其中三公经费支出', en: '"three public" expenditure' },
  'expenditure.threePublicPriorYear': { 'zh-CN': '上年三公经费支出', en: 'prior-year "three public" expenditure' },
  'expenditure.vehicleCost': { 'zh-CN': '公务用车购置运行费', en: 'official vehicle cost' },
  'expenditure.vehicleCostPriorYear': { 'zh-CN': '上年公务用车购置运行费', en: 'prior-year official vehicle cost' },
  'staffingControl.overstaffed': { 'zh-CN': '是否存在超编超配人员', en: 'overstaffed' },
  'threePublic.managementRules': { 'zh-CN': '是否制定“三公”经费管理办法', en: '"three public" management rules in place' },
  'threePublic.receptionStandard': { 'zh-CN': '招待费用是否明确招待标准和招待人数', en: 'reception standard and headcount defined' },
  'threePublic.vehicleCostDeclined': { 'zh-CN': '公务用车购置运行费是否比上年度下降', en: 'vehicle cost declined from prior year' },
  'threePublic.declined': { 'zh-CN': '三公经费是否比上年度下降', en: '"three public" spending declined from prior year' },
  'nonTaxRevenue.targetMet': { 'zh-CN': '年度非税收入是否完成', en: 'non-tax revenue target met' },
  'nonTaxRevenue.twoLineManagement': { 'zh-CN': '是否实行收支两条线管理', en: 'two-line (收支两条线) management' },
  'nonTaxRevenue.diversion': { 'zh-CN': '有无截留、坐支、转移等现象', en: 'withholding, offsetting or diversion' },
  'procurement.planMade': { 'zh-CN': '年度是否制定了政府采购计划', en: 'procurement plan made' },
  'procurement.required': { 'zh-CN': '应采购金额', en: 'amount to be procured' },
  'procurement.actual': { 'zh-CN': '实际采购金额', en: 'amount procured' },
  'budgetExecution.supplemented': { 'zh-CN': '本年度是否追加了预算', en: 'budget supplemented' },
  'budgetExecution.supplementAmount': { 'zh-CN': '追加金额', en: 'supplement amount' },
  'budgetExecution.hasSurplus': { 'zh-CN': '本年度是否有结余', en: 'surplus at year end' },
  'budgetExecution.surplusAmount': { 'zh-CN': '结余金额', en: 'surplus amount' },
  'budgetExecution.initialBudget': { 'zh-CN': '年初预算', en: 'initial budget' },
  'disclosure.published': { 'zh-CN': '预决算信息是否公开', en: 'budget and final accounts published' },
  'disclosure.date': { 'zh-CN': '公开时间', en: 'publication date' },
  'disclosure.channels': { 'zh-CN': '公开方式', en: 'publication channels' },
  'disclosure.approvalDate': { 'zh-CN': '批复日期', en: 'approval date' },
  'financialManagement.rulesInPlace': { 'zh-CN': '是否制定财务管理、会计核算等制度', en: 'financial and accounting rules in place' },
  'financialManagement.accountingOffice': { 'zh-CN': '会计机构是否按规定设置', en: 'accounting office set up as required' },
  'financialManagement.accountantsQualified': { 'zh-CN': '会计人员是否持证上岗', en: 'accountants qualified' },
  'fundManagement.rulesInPlace': { 'zh-CN': '是否制定资金管理办法', en: 'fund management rules in place' },
  'fundManagement.approvalProcedure': { 'zh-CN': '资金拨付有完整的审批程序', en: 'complete approval procedure for disbursements' },
  'fundManagement.irregularUse': { 'zh-CN': '是否存在违规使用资金、乱发津补贴奖金现象', en: 'irregular use of funds or allowances' },
  'assetManagement.rulesInPlace': { 'zh-CN': '是否制定资产管理制度', en: 'asset management rules in place' },
  'assetManagement.handlingCompliant': { 'zh-CN': '资产管理、保存、处置是否合理规范', en: 'asset handling compliant' },
  'assetManagement.titleClear': { 'zh-CN': '资产是否产权清晰、两证齐全', en: 'asset titles clear' },
  'assetManagement.recordsMatch': { 'zh-CN': '账、表、实、卡是否相符', en: 'books, reports, assets and cards match' },
  'duties.keyTasksCompleted': { 'zh-CN': '重点工作是否全部完成且质量达标', en: 'key tasks completed to standard' },
  achievements: { 'zh-CN': '部门主要绩效', en: 'main achievements' },
  'selfRating.grade': { 'zh-CN': '自评等级', en: 'self-rating grade' },
  'selfRating.score': { 'zh-CN': '自评得分', en: 'self-rating score' },
  problems: { 'zh-CN': '问题', en: 'problems' },
  suggestions: { 'zh-CN': '建议', en: 'suggestions' },
  supervisorOpinion: { 'zh-CN': '主管部门意见', en: 'supervising department opinion' },
  'selfAssessment.budget.initialBudget': { 'zh-CN': '年初预算数', en: 'initial budget' },
  'selfAssessment.budget.adjustment': { 'zh-CN': '预算调整数', en: 'budget adjustment' },
  'selfAssessment.budget.annualBudget': { 'zh-CN': '全年预算数', en: 'full-year budget' },
  'selfAssessment.budget.executed': { 'zh-CN': '全年执行数', en: 'full-year execution' },
  'selfAssessment.budget.points': { 'zh-CN': '预算执行分值（执行率权重）', en: 'budget execution points (weight)' },
  'selfAssessment.budget.rate': { 'zh-CN': '预算执行率', en: 'budget execution rate' },
  'selfAssessment.budget.score': { 'zh-CN': '预算执行得分（执行率得分）', en: 'budget execution score' },
  'selfAssessment.budget.basic.initialBudget': { 'zh-CN': '基本支出（年初预算数）', en: 'basic expenditure (initial budget)' },
  'selfAssessment.budget.basic.annualBudget': { 'zh-CN': '基本支出（全年预算数）', en: 'basic expenditure (full-year budget)' },
  'selfAssessment.budget.basic.executed': { 'zh-CN': '基本支出（全年执行数）', en: 'basic expenditure (full-year execution)' },
  'selfAssessment.budget.project.initialBudget': { 'zh-CN': '项目支出（年初预算数）', en: 'project expenditure (initial budget)' },
  'selfAssessment.budget.project.annualBudget': { 'zh-CN': '项目支出（全年预算数）', en: 'project expenditure (full-year budget)' },
  'selfAssessment.budget.project.executed': { 'zh-CN': '项目支出（全年执行数）', en: 'project expenditure (full-year execution)' },
  'selfAssessment.budget.fundSources.total': { 'zh-CN': '按收入性质分（合计）', en: 'by fund source (total)' },
  'selfAssessment.budget.fundSources.generalPublicBudget': { 'zh-CN': '一般公共预算', en: 'general public budget' },
  'selfAssessment.budget.fundSources.governmentFunds': { 'zh-CN': '政府性基金拨款', en: 'government fund allocations' },
  'selfAssessment.budget.fundSources.specialAccountNonTax': { 'zh-CN': '纳入专户管理的非税收入拨款', en: 'non-tax revenue allocated through special accounts' },
  'selfAssessment.budget.fundSources.other': { 'zh-CN': '其他资金', en: 'other funds' },
  'selfAssessment.indicators': { 'zh-CN': '绩效指标', en: 'performance indicators' },
  'selfAssessment.totalPoints': { 'zh-CN': '总分值（满分）', en: 'total points available' },
  'costControl.threePublic.priorYearActual': { 'zh-CN': '三公经费（上年决算）', en: '"three public" expenses (prior-year final accounts)' },
  'costControl.threePublic.budget': { 'zh-CN': '三公经费（本年预算）', en: '"three public" expenses (this year’s budget)' },
  'costControl.threePublic.actual': { 'zh-CN': '三公经费（本年决算）', en: '"three public" expenses (this year’s final accounts)' },
  'costControl.vehicle.priorYearActual': { 'zh-CN': '公务用车购置及运行费（上年决算）', en: 'official vehicle purchase and running (prior-year final accounts)' },
  'costControl.vehicle.budget': { 'zh-CN': '公务用车购置及运行费（本年预算）', en: 'official vehicle purchase and running (this year’s budget)' },
  'costControl.vehicle.actual': { 'zh-CN': '公务用车购置及运行费（本年决算）', en: 'official vehicle purchase and running (this year’s final accounts)' },
  'costControl.overseas.priorYearActual': { 'zh-CN': '因公出国（境）费（上年决算）', en: 'official overseas travel (prior-year final accounts)' },
  'costControl.overseas.budget': { 'zh-CN': '因公出国（境）费（本年预算）', en: 'official overseas travel (this year’s budget)' },
  'costControl.overseas.actual': { 'zh-CN': '因公出国（境）费（本年决算）', en: 'official overseas travel (this year’s final accounts)' },
  'costControl.reception.priorYearActual': { 'zh-CN': '公务接待费（上年决算）', en: 'official reception (prior-year final accounts)' },
  'costControl.reception.budget': { 'zh-CN': '公务接待费（本年预算）', en: 'official reception (this year’s budget)' },
  'costControl.reception.actual': { 'zh-CN': '公务接待费（本年决算）', en: 'official reception (this year’s final accounts)' },
  'costControl.publicFunds.priorYearActual': { 'zh-CN': '公用经费（上年决算）', en: 'public (running) funds (prior-year final accounts)' },
  'costControl.publicFunds.budget': { 'zh-CN': '公用经费（本年预算）', en: 'public (running) funds (this year’s budget)' },
  'costControl.publicFunds.actual': { 'zh-CN': '公用经费（本年决算）', en: 'public (running) funds (this year’s final accounts)' },
  'costControl.procurement.priorYearActual': { 'zh-CN': '政府采购（上年决算）', en: 'government procurement (prior-year final accounts)' },
  'costControl.procurement.budget': { 'zh-CN': '政府采购（本年预算）', en: 'government procurement (this year’s budget)' },
  'costControl.procurement.actual': { 'zh-CN': '政府采购（本年决算）', en: 'government procurement (this year’s final accounts)' },
} as const satisfies Record<string, FieldLabel>;

export type FieldPath = keyof typeof FIELD_LABELS;

export const FIELD_PATHS = Object.keys(FIELD_LABELS) as FieldPath[];

export function isFieldPath(path: string): path is FieldPath {
  return Object.hasOwn(FIELD_LABELS, path);
}

/**
 * The form's names for the sections of the model, the objects that hold the fields above (the seed form's headings:
 * 基本情况, 年度收入, 三公经费管理情况, …). A message about a whole section (`unit` is a number, `income` is missing)
 * names it by these; the zod model's section titles come from here. A test keeps this table 1:1 with the model's objects.
 */
export const SECTION_LABELS = {
  unit: { 'zh-CN': '单位信息', en: 'unit details' },
  staffing: { 'zh-CN': '人员编制', en: 'staffing' },
  income: { 'zh-CN': '年度收入', en: 'income' },
  expenditure: { 'zh-CN': '年度支出', en: 'expenditure' },
  staffingControl: { 'zh-CN': '财政供养人员控制情况', en: 'staffing control' },
  threePublic: { 'zh-CN': '三公经费管理情况', en: '"three public" management' },
  nonTaxRevenue: { 'zh-CN': '非税收入完成情况', en: 'non-tax revenue' },
  procurement: { 'zh-CN': '政府采购及金额', en: 'government procurement' },
  budgetExecution: { 'zh-CN': '预算执行', en: 'budget execution' },
  disclosure: { 'zh-CN': '预决算信息公开', en: 'budget disclosure' },
  financialManagement: { 'zh-CN': '财务管理', en: 'financial management' },
  fundManagement: { 'zh-CN': '资金管理', en: 'fund management' },
  assetManagement: { 'zh-CN': '资产管理', en: 'asset management' },
  duties: { 'zh-CN': '职责履行', en: 'duties' },
  selfRating: { 'zh-CN': '自评结论', en: 'self-rating' },
  selfAssessment: { 'zh-CN': '自评表', en: 'self-assessment sheet' },
  'selfAssessment.budget': { 'zh-CN': '自评表预算执行', en: 'self-assessment budget execution' },
  'selfAssessment.budget.basic': { 'zh-CN': '预算执行：基本支出', en: 'budget execution: basic expenditure' },
  'selfAssessment.budget.project': { 'zh-CN': '预算执行：项目支出', en: 'budget execution: project expenditure' },
  'selfAssessment.budget.fundSources': { 'zh-CN': '预算执行：按收入性质分', en: 'budget execution by fund source' },
  costControl: { 'zh-CN': '经费控制情况', en: 'cost control' },
  'costControl.threePublic': { 'zh-CN': '三公经费（经费控制情况）', en: '"three public" expenses (cost control)' },
  'costControl.vehicle': { 'zh-CN': '公务用车购置及运行费（经费控制情况）', en: 'official vehicle purchase and running (cost control)' },
  'costControl.overseas': { 'zh-CN': '因公出国（境）费（经费控制情况）', en: 'official overseas travel (cost control)' },
  'costControl.reception': { 'zh-CN': '公务接待费（经费控制情况）', en: 'official reception (cost control)' },
  'costControl.publicFunds': { 'zh-CN': '公用经费（经费控制情况）', en: 'public (running) funds (cost control)' },
  'costControl.procurement': { 'zh-CN': '政府采购（经费控制情况）', en: 'government procurement (cost control)' },
} as const satisfies Record<string, FieldLabel>;

export type SectionPath = keyof typeof SECTION_LABELS;

export const SECTION_PATHS = Object.keys(SECTION_LABELS) as SectionPath[];

function isSectionPath(path: string): path is SectionPath {
  return Object.hasOwn(SECTION_LABELS, path);
}

/** The form's labels for the columns of one indicator row (`selfAssessment.indicators.<n>.<key>`). */
export const INDICATOR_LABELS = {
  level1: { 'zh-CN': '一级指标', en: 'level-1 indicator' },
  level2: { 'zh-CN': '二级指标', en: 'level-2 indicator' },
  name: { 'zh-CN': '三级指标（指标名称）', en: 'indicator' },
  nature: { 'zh-CN': '指标性质', en: 'nature (quantitative or qualitative)' },
  unit: { 'zh-CN': '度量单位', en: 'unit' },
  target: { 'zh-CN': '年度指标值（年初指标值）', en: 'target' },
  adjustedTarget: { 'zh-CN': '调整指标值', en: 'adjusted target' },
  actual: { 'zh-CN': '实际完成值', en: 'actual' },
  points: { 'zh-CN': '分值（指标权重）', en: 'points (weight)' },
  score: { 'zh-CN': '得分', en: 'score' },
  coefficient: { 'zh-CN': '得分系数', en: 'score coefficient' },
  deviationReason: { 'zh-CN': '偏差原因及改进措施', en: 'reason for deviation and remedy' },
  core: { 'zh-CN': '是否核心指标', en: 'core indicator' },
} as const satisfies Record<string, FieldLabel>;

export type IndicatorKey = keyof typeof INDICATOR_LABELS;

const INDICATOR_ITEM = /^selfAssessment\.indicators\.(\d+)(?:\.(\w+))?$/;

/** Label of a section, or of a field path (or of its nearest labelled field ancestor), for messages. */
export function fieldLabel(path: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string | undefined {
  const item = INDICATOR_ITEM.exec(path);
  if (item !== null) {
    // `selfAssessment.indicators.2.score` → 绩效指标第 3 行 得分
    const row = Number(item[1]) + 1;
    const key = item[2];
    const column = key !== undefined && Object.hasOwn(INDICATOR_LABELS, key) ? INDICATOR_LABELS[key as IndicatorKey][locale] : undefined;
    const rowText = locale === 'zh-CN' ? `绩效指标第 ${String(row)} 行` : `indicator row ${String(row)}`;
    return column === undefined ? rowText : `${rowText} ${column}`;
  }
  // A section by its own name only: `staffing.note` (no such field) is not named 人员编制.
  if (isSectionPath(path)) return SECTION_LABELS[path][locale];
  let current = path;
  for (;;) {
    if (isFieldPath(current)) return FIELD_LABELS[current][locale];
    const cut = current.lastIndexOf('.');
    if (cut < 0) return undefined;
    current = current.slice(0, cut);
  }
}

/**
 * A field as a reader names it: the form's label in the locale (`年度`, `fiscal year`), the model path only for a
 * field without one; with `verbose`, the path beside the label (`年度（fiscalYear）`, `fiscal year (fiscalYear)`) for
 * whoever maps a report back to the model.
 */
export function fieldName(path: string, locale: 'zh-CN' | 'en', verbose = false): string {
  const label = fieldLabel(path, locale);
  if (label === undefined) return path;
  return verbose ? (locale === 'zh-CN' ? `${label}（${path}）` : `${label} (${path})`) : label;
}

/**
 * What a reader sees for each 公开方式 the model stores (`portal`, `internal`, `other`): the form's own words
 * (../shared/domain.md §1; the seed form's 门户网站 / 单位内部 / 其它), and English. Reports, messages (`format:
 * "channels"`) and the workbench show these; the JSON report keeps the stored value.
 */
export const DISCLOSURE_CHANNEL_LABELS = {
  portal: { 'zh-CN': '门户网站', en: 'portal website' },
  internal: { 'zh-CN': '单位内部', en: 'inside the unit' },
  other: { 'zh-CN': '其它', en: 'other' },
} as const satisfies Record<DisclosureChannel, FieldLabel>;

/** The English meaning of each 自评等级. */
const GRADE_MEANINGS = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' } as const satisfies Record<Grade, string>;

/**
 * What a reader sees for each 自评等级: the form's own word in zh-CN; in English the word with its meaning, so that
 * the term stays recognisable against the form (`优 (excellent)`).
 */
export const GRADE_LABELS: Readonly<Record<Grade, FieldLabel>> = Object.fromEntries(
  GRADES.map((g) => [g, { 'zh-CN': g, en: `${g} (${GRADE_MEANINGS[g]})` }]),
) as Record<Grade, FieldLabel>;

/** A grade as a reader sees it ({@link GRADE_LABELS}); anything else as it is. */
export function gradeText(grade: string, locale: 'zh-CN' | 'en'): string {
  return Object.hasOwn(GRADE_LABELS, grade) ? GRADE_LABELS[grade as Grade][locale] : grade;
}

/**
 * A grade with the score it goes with, in one pair of brackets: `良（86.91）`, `良 (good, 86.91)` (not
 * `良 (good) (86.91)`); a grade that is not one of the four as it is. The score comes as it is to be shown.
 */
export function gradeScoreText(grade: string, score: string, locale: 'zh-CN' | 'en'): string {
  if (locale === 'zh-CN') return `${grade}（${score}）`;
  return Object.hasOwn(GRADE_MEANINGS, grade) ? `${grade} (${GRADE_MEANINGS[grade as Grade]}, ${score})` : `${grade} (${score})`;
}

/** What a reader sees for each 指标性质 the model stores: the form's own words (定量 / 定性), and English. */
export const INDICATOR_NATURE_LABELS = {
  quantitative: { 'zh-CN': '定量', en: 'quantitative' },
  qualitative: { 'zh-CN': '定性', en: 'qualitative' },
} as const satisfies Record<IndicatorNature, FieldLabel>;

/** How an importer read a checklist answer (`answerResolution.<field>.how`): from a mark, or inferred (domain.md §2). */
export const ANSWER_RESOLUTION_LABELS = {
  explicit: { 'zh-CN': '按勾选读取', en: 'read from a mark' },
  inferred: { 'zh-CN': '推断所得', en: 'inferred' },
} as const satisfies Record<AnswerResolutionKind, FieldLabel>;

/**
 * The display names of every enum of the model but the checklist answers (whose words are the core messages'
 * `answers`): one table per enum. A value is named by the table that holds it; no value is in two tables (a test
 * checks it, and that every `z.enum` of the model has its table here).
 */
export const ENUM_LABEL_TABLES: readonly Readonly<Record<string, FieldLabel>>[] = [DISCLOSURE_CHANNEL_LABELS, GRADE_LABELS, INDICATOR_NATURE_LABELS, ANSWER_RESOLUTION_LABELS];

const ENUM_VALUE_LABELS: ReadonlyMap<string, FieldLabel> = new Map(ENUM_LABEL_TABLES.flatMap((table) => Object.entries(table)));

/** An enum value of the model by its display name ({@link ENUM_LABEL_TABLES}); undefined for a value no table names. */
export function enumValueLabel(value: string, locale: 'zh-CN' | 'en'): string | undefined {
  return ENUM_VALUE_LABELS.get(value)?.[locale];
}
