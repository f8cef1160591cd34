import type { AnswerField, Evaluation, Template } from '@jixiao/core';
import { formatMoney } from '@jixiao/core';
import { shippedTemplate } from '../template/registry.js';

/**
 * Render an evaluation as the form's text, the way Word extraction lays it out (one table cell per line, a tab
 * before it), with a choice of checkbox encodings, label variants and spacing. It is the inverse of the text
 * reader, used by round-trip tests and to render example forms.
 */

/** How a mark is written: an EQ field, a glyph, a symbol-font letter, or the legacy `(` placeholder. */
export type MarkEncoding = string;

export interface FormTextStyle {
  /** Marks for a ticked box, used in turn question by question (`eq \o\ac(□,√)`, `☑`, `R` …). */
  readonly checked: readonly MarkEncoding[];
  /** Marks for an empty box (`eq \o\ac(□)`, `□`, `£` …). */
  readonly empty: readonly MarkEncoding[];
  /** The mark for an unreadable box (`(`). */
  readonly unknown: MarkEncoding;
  /** Per question in turn: the mark stands before its option (`(否`) instead of after (`否(`). */
  readonly markBefore: readonly boolean[];
  /** Per question in turn: write a yes/no answer the inferred way (unreadable box on the answer, empty box on the other). */
  readonly inferred: readonly boolean[];
  /** Separators after a question label, in turn (`：`, `:`, ``). */
  readonly colons: readonly string[];
  /** Spacing between options, in turn. */
  readonly gaps: readonly string[];
  /** Which label variant to use (index, wrapped). */
  readonly labelVariant: number;
  /** Write digits full-width (２２, ２６７．４７). */
  readonly fullWidthDigits: boolean;
}

export const FORM_TEXT_STYLE_DEFAULT: FormTextStyle = {
  checked: ['eq \\o\\ac(□,√)'],
  empty: ['□'],
  unknown: '(',
  markBefore: [false],
  inferred: [false],
  colons: ['：'],
  gaps: ['    '],
  labelVariant: 0,
  fullWidthDigits: false,
};

const pick = <T,>(list: readonly T[], i: number, fallback: T): T => (list.length === 0 ? fallback : (list[i % list.length] ?? fallback));

function variant(labels: readonly string[], n: number): string {
  return labels[n % labels.length] ?? labels[0] ?? '';
}

/** 有/无 for the two questions the form words that way, 是/否 elsewhere. */
const HAS_WORDS: ReadonlySet<AnswerField> = new Set(['nonTaxRevenue.diversion', 'fundManagement.approvalProcedure']);

function t1Template(): Template {
  const t1 = shippedTemplate('t1-checklist');
  if (t1 === undefined) throw new Error('the t1-checklist template is not shipped');
  return t1;
}

/** Render the form text of `e`. */
export function renderFormText(e: Evaluation, style: FormTextStyle = FORM_TEXT_STYLE_DEFAULT): string {
  // The labels are the T1 template's (the form this renders), so the reader's round trip uses one source.
  const t1 = t1Template();
  let q = 0;
  const digits = (s: string): string => (style.fullWidthDigits ? s.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))) : s);
  const money = (v: number | null): string => (v === null ? '' : digits(formatMoney(v).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1')));
  const count = (v: number | null): string => (v === null ? '' : digits(String(v)));
  const cellLabel = (path: string): string => variant(t1.fields.find((c) => c.path === path && c.inline !== true)?.labels ?? [path], style.labelVariant);
  const box = (state: 'checked' | 'empty' | 'unknown', i: number): string =>
    state === 'checked' ? pick(style.checked, i, '☑') : state === 'empty' ? pick(style.empty, i, '□') : style.unknown;

  function options(words: readonly string[], states: readonly ('checked' | 'empty' | 'unknown')[], i: number): string {
    const before = pick(style.markBefore, i, false);
    const gap = pick(style.gaps, i, ' ');
    return words
      .map((w, k) => {
        const mark = box(states[k] ?? 'empty', i + k);
        const spaced = mark.length > 1 ? ` ${mark} ` : mark;
        return before ? `${spaced}${w}` : `${w}${spaced}`;
      })
      .join(gap)
      .trim();
  }

  function question(field: AnswerField): string {
    const i = q++;
    const spec = t1.questions.find((l) => l.path === field);
    const label = variant(spec?.labels ?? [field], style.labelVariant);
    const words = HAS_WORDS.has(field) ? ['有', '无'] : ['是', '否'];
    const value = fieldValue(e, field);
    const inferred = pick(style.inferred, i, false);
    const hit = inferred ? 'unknown' : 'checked';
    const states: ('checked' | 'empty' | 'unknown')[] =
      value === 'yes' ? [hit, 'empty'] : value === 'no' ? ['empty', hit] : value === 'conflicting' ? ['checked', 'checked'] : value === 'ambiguous' ? ['unknown', 'unknown'] : ['empty', 'empty'];
    return `${label}${pick(style.colons, i, '：')}${options(words, states, i)}`;
  }

  const d = e.disclosure.date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.disclosure.date);
  const date = d === null ? '    年   月   日' : digits(`${d[1] ?? ''}年 ${String(Number(d[2]))} 月${String(Number(d[3]))}   日`);
  const channelWords = ['门户网站', '单位内部', '其它'];
  const channelValues = ['portal', 'internal', 'other'] as const;
  const channelStates = channelValues.map((c) => (e.disclosure.channels?.includes(c) === true ? ('checked' as const) : ('empty' as const)));
  const cell = (s: string | null): string => `\t${s ?? ''}`;
  const text = (s: string | null): string => s ?? '';
  const achievements = (e.achievements ?? '').split('\n').map((l) => `\t${l}`).join('\n\n');
  const rating = `${e.fiscalYear === null ? '' : digits(String(e.fiscalYear))}年度部门整体支出绩效自评等级“${e.selfRating.grade ?? ''}”。${e.selfRating.score === null || e.selfRating.score === undefined ? '' : `自评得分${String(e.selfRating.score)}分。`}`;

  const lines = [
    '附件',
    '',
    '部门整体支出绩效自评基础数据表',
    '',
    cell(`（${e.fiscalYear === null ? '    ' : digits(String(e.fiscalYear))}年度）`),
    '',
    cell('基本情况'),
    cell(cellLabel('unit.name')),
    cell(e.unit.name),
    '',
    cell(cellLabel('staffing.authorized')),
    cell(count(e.staffing.authorized)),
    cell(cellLabel('staffing.actual')),
    cell(count(e.staffing.actual)),
    '',
    cell('部门职能概述'),
    cell(text(e.functions)),
    '',
    cell('年度收入（万元）'),
    cell(cellLabel('income.localBudget')),
    cell(money(e.income.localBudget)),
    cell(cellLabel('income.nonTax')),
    cell(money(e.income.nonTax)),
    cell('合计'),
    cell(money(e.income.total)),
    '',
    cell(cellLabel('income.higherLevel')),
    cell(money(e.income.higherLevel)),
    cell(cellLabel('income.other')),
    cell(money(e.income.other)),
    '',
    cell('年度支出'),
    '',
    '（万元）',
    cell(cellLabel('expenditure.basic')),
    cell(money(e.expenditure.basic)),
    cell(cellLabel('expenditure.project')),
    cell(money(e.expenditure.project)),
    cell('合计'),
    cell(money(e.expenditure.total)),
    '',
    cell(cellLabel('expenditure.threePublic')),
    cell(money(e.expenditure.threePublic)),
    '',
    cell('实施情况'),
    cell('财政供养人员控制情况'),
    cell(question('staffingControl.overstaffed')),
    '',
    cell('三公经费管理情况'),
    cell(question('threePublic.managementRules')),
    question('threePublic.receptionStandard'),
    question('threePublic.vehicleCostDeclined'),
    question('threePublic.declined'),
    '',
    cell('非税收入完成情况'),
    cell(question('nonTaxRevenue.targetMet')),
    question('nonTaxRevenue.twoLineManagement'),
    question('nonTaxRevenue.diversion'),
    '',
    cell('政府采购及金额'),
    cell(question('procurement.planMade')),
    `应采购金额${money(e.procurement.required)}万元，实际采购金额${money(e.procurement.actual)}万元`,
    '',
    cell('预算执行'),
    cell(`${question('budgetExecution.supplemented')}， 追加金额${money(e.budgetExecution.supplementAmount)}万元`),
    `${question('budgetExecution.hasSurplus')}，结余金额${money(e.budgetExecution.surplusAmount)}万元`,
    question('disclosure.published'),
    `公开时间:${date}`,
    `公开方式:${options(channelWords, channelStates, q++)}`,
    '',
    cell('财务管理'),
    cell(question('financialManagement.rulesInPlace')),
    question('financialManagement.accountingOffice'),
    question('financialManagement.accountantsQualified'),
    '',
    cell('资金管理'),
    cell(question('fundManagement.rulesInPlace')),
    question('fundManagement.approvalProcedure'),
    question('fundManagement.irregularUse'),
    '',
    cell('资产管理'),
    cell(question('assetManagement.rulesInPlace')),
    question('assetManagement.handlingCompliant'),
    question('assetManagement.titleClear'),
    question('assetManagement.recordsMatch'),
    '',
    cell('职责履行'),
    cell(question('duties.keyTasksCompleted')),
    '',
    cell('部门'),
    '',
    '主要绩效',
    achievements,
    '',
    cell('自评结论'),
    cell(rating),
    '',
    cell('问题与建议'),
    cell(`问题：${text(e.problems)}建议：${text(e.suggestions)}`),
    '',
    cell('主管部门意见'),
    cell(`主管部门（盖章）：${text(e.supervisorOpinion)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function fieldValue(e: Evaluation, field: AnswerField): string {
  const [group, key] = field.split('.') as [string, string];
  const g = (e as unknown as Record<string, Record<string, unknown>>)[group];
  const v = g?.[key];
  return typeof v === 'string' ? v : 'unanswered';
}
