import type { AnswerField, DisclosureChannel } from '@jixiao/core';

/**
 * The labels of the 部门整体支出绩效自评基础数据表 and their variants as they appear in submitted forms. A label
 * is matched with optional whitespace between its characters (Word extraction breaks and pads labels), either
 * kind of bracket, and with or without quotes.
 */

/** Build a regex source that matches `label` with optional spaces between characters and bracket/quote variants. */
export function labelPattern(label: string): string {
  return Array.from(label)
    .map((ch) => {
      if (ch === '（' || ch === '(') return '[（(]';
      if (ch === '）' || ch === ')') return '[）)]';
      if ('“”"‘’\'「」'.includes(ch)) return '[“”"‘’\'「」]?';
      if (ch === '、') return '[、,，]?';
      return ch.replace(/[.*+?^${}|[\]\\]/g, '\\$&');
    })
    .join('[ \\t\\u3000]*');
}

/** The yes/no questions: field, label variants (first is the canonical wording used when rendering). */
export const QUESTION_LABELS: readonly { readonly field: AnswerField; readonly labels: readonly string[] }[] = [
  { field: 'staffingControl.overstaffed', labels: ['是否存在超编超配人员', '是否存在超编、超配人员', '是否存在超编人员'] },
  { field: 'threePublic.managementRules', labels: ['是否制定“三公”经费管理办法', '是否制定三公经费管理制度'] },
  { field: 'threePublic.receptionStandard', labels: ['招待费用是否明确招待标准和招待人数', '接待费用是否明确接待标准和接待人数'] },
  { field: 'threePublic.vehicleCostDeclined', labels: ['公务用车购置运行费是否比上年度下降', '公务用车购置及运行费是否比上年度下降', '公务用车购置运行费是否比上年下降'] },
  { field: 'threePublic.declined', labels: ['三公经费是否比上年度下降', '“三公”经费是否比上年度下降', '三公经费是否比上年下降'] },
  { field: 'nonTaxRevenue.targetMet', labels: ['年度非税收入是否完成', '非税收入是否完成'] },
  { field: 'nonTaxRevenue.twoLineManagement', labels: ['是否实行收支两条线管理', '是否实行收支两条线'] },
  { field: 'nonTaxRevenue.diversion', labels: ['有无截留、坐支、转移等现象', '有无截留坐支转移等现象', '是否存在截留、坐支、转移等现象'] },
  { field: 'procurement.planMade', labels: ['年度是否制定了政府采购计划', '是否制定了政府采购计划', '是否制定政府采购计划'] },
  { field: 'budgetExecution.supplemented', labels: ['本年度是否追加了预算', '本年度是否追加预算', '是否追加了预算'] },
  { field: 'budgetExecution.hasSurplus', labels: ['本年度是否有结余', '是否有结余'] },
  { field: 'disclosure.published', labels: ['预决算信息是否公开', '预决算信息是否已公开'] },
  { field: 'financialManagement.rulesInPlace', labels: ['是否制定财务管理、会计核算等制度', '是否制定财务管理和会计核算等制度'] },
  { field: 'financialManagement.accountingOffice', labels: ['会计机构是否按规定设置', '会计机构是否按照规定设置'] },
  { field: 'financialManagement.accountantsQualified', labels: ['会计人员是否持证上岗', '会计人员是否具备专业能力'] },
  { field: 'fundManagement.rulesInPlace', labels: ['是否制定资金管理办法', '是否制定资金管理制度'] },
  { field: 'fundManagement.approvalProcedure', labels: ['资金拨付有完整的审批程序', '资金拨付是否有完整的审批程序', '资金拨付有无完整的审批程序'] },
  { field: 'fundManagement.irregularUse', labels: ['资金使用是否存在违规使用资金、乱发津补贴奖金现象', '是否存在违规使用资金、乱发津补贴奖金现象'] },
  { field: 'assetManagement.rulesInPlace', labels: ['是否制定资产管理制度', '是否制定资产管理办法'] },
  { field: 'assetManagement.handlingCompliant', labels: ['资产管理、保存、处置是否合理规范', '资产管理保存处置是否合理规范'] },
  { field: 'assetManagement.titleClear', labels: ['资产是否产权清晰、两证齐全', '资产是否产权清晰两证齐全'] },
  { field: 'assetManagement.recordsMatch', labels: ['账、表、实、卡是否相符', '账表实卡是否相符'] },
  { field: 'duties.keyTasksCompleted', labels: ['重点工作是否全部完成且质量达标', '重点工作是否全部完成并且质量达标'] },
];

/** Option words of a yes/no question: 是/有 = yes, 否/无 = no (有无截留 … : 有 = yes). */
export const YES_NO_WORDS: readonly { readonly word: string; readonly value: 'yes' | 'no' }[] = [
  { word: '是', value: 'yes' },
  { word: '否', value: 'no' },
  { word: '有', value: 'yes' },
  { word: '无', value: 'no' },
];

/** 公开方式 options. */
export const CHANNEL_WORDS: readonly { readonly word: string; readonly value: DisclosureChannel }[] = [
  { word: '门户网站', value: 'portal' },
  { word: '单位内部', value: 'internal' },
  { word: '其它', value: 'other' },
  { word: '其他', value: 'other' },
];

export type ValueType = 'text' | 'count' | 'money' | 'date';

/** A label whose value sits in the next table cell (or after a colon on the same line). */
export interface CellLabel {
  readonly path: string;
  readonly labels: readonly string[];
  readonly type: ValueType;
  /** Only inside this part of the form (the two 合计 are told apart by their section). */
  readonly section?: 'income' | 'expenditure';
}

export const CELL_LABELS: readonly CellLabel[] = [
  { path: 'unit.name', labels: ['单位名称（盖章）', '单位名称'], type: 'text' },
  { path: 'staffing.authorized', labels: ['编制人数', '编制数'], type: 'count' },
  { path: 'staffing.actual', labels: ['实有人数', '在职人数', '实有数'], type: 'count' },
  {
    path: 'income.localBudget',
    labels: ['区财政预算安排', '县财政预算安排', '市财政预算安排', '本级财政预算安排', '区（本级）财政预算安排', '财政预算安排'],
    type: 'money',
    section: 'income',
  },
  { path: 'income.nonTax', labels: ['非税收入'], type: 'money', section: 'income' },
  { path: 'income.higherLevel', labels: ['中央省市安排资金', '中央、省、市安排资金', '上级安排资金'], type: 'money', section: 'income' },
  { path: 'income.other', labels: ['其他收入', '其它收入'], type: 'money', section: 'income' },
  { path: 'income.total', labels: ['合计'], type: 'money', section: 'income' },
  { path: 'expenditure.basic', labels: ['基本支出'], type: 'money', section: 'expenditure' },
  { path: 'expenditure.project', labels: ['项目支出'], type: 'money', section: 'expenditure' },
  { path: 'expenditure.total', labels: ['合计'], type: 'money', section: 'expenditure' },
  { path: 'expenditure.threePublic', labels: ['其中三公经费支出', '其中：三公经费支出', '三公经费支出'], type: 'money', section: 'expenditure' },
];

/** Labels whose value follows on the same line, anywhere in it (`应采购金额74.69万元，实际采购金额5.67万元`). */
export const INLINE_LABELS: readonly { readonly path: string; readonly labels: readonly string[]; readonly type: ValueType }[] = [
  { path: 'procurement.required', labels: ['应采购金额'], type: 'money' },
  { path: 'procurement.actual', labels: ['实际采购金额'], type: 'money' },
  { path: 'budgetExecution.supplementAmount', labels: ['追加金额'], type: 'money' },
  { path: 'budgetExecution.surplusAmount', labels: ['结余金额'], type: 'money' },
  { path: 'disclosure.date', labels: ['公开时间', '公开日期'], type: 'date' },
];

/** 公开方式: a multi-select question on one line. */
export const CHANNELS_LABELS = ['公开方式'] as const;

/** Labels that open a free-text block running to the next label. */
export const BLOCK_LABELS = {
  functions: ['部门职能概述', '部门职能'],
  achievements: ['部门主要绩效', '主要绩效'],
  conclusion: ['自评结论'],
  problemsAndSuggestions: ['问题与建议', '存在的问题和建议', '存在问题与建议'],
  supervisor: ['主管部门意见'],
} as const;

/** Section headings: recognised and skipped; 年度收入/年度支出 also tell the two 合计 apart. */
export const HEADINGS: readonly { readonly labels: readonly string[]; readonly section?: 'income' | 'expenditure' | 'other' }[] = [
  { labels: ['年度收入（万元）', '年度收入'], section: 'income' },
  { labels: ['年度支出（万元）', '年度支出'], section: 'expenditure' },
  { labels: ['部门整体支出绩效自评基础数据表', '部门整体支出绩效自评表'] },
  { labels: ['附件'] },
  { labels: ['基本情况'], section: 'other' },
  { labels: ['实施情况'], section: 'other' },
  { labels: ['财政供养人员控制情况'] },
  { labels: ['三公经费管理情况', '“三公”经费管理情况'] },
  { labels: ['非税收入完成情况'] },
  { labels: ['政府采购及金额', '政府采购情况'] },
  { labels: ['预算执行', '预算执行情况'] },
  { labels: ['财务管理', '财务管理情况'] },
  { labels: ['资金管理', '资金管理情况'] },
  { labels: ['资产管理', '资产管理情况'] },
  { labels: ['职责履行', '职责履行情况'] },
  { labels: ['（万元）', '万元', '单位：万元'] },
];
