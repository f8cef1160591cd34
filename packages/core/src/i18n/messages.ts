import type { Locale } from './locale.js';

/** Messages the core itself emits (packs carry their own). */
export const CORE_MESSAGES = {
  'zh-CN': {
    blankFields: '无法判断：{fields}为空',
    notInForce: '本规则自 {from} 起施行，不适用于 {fiscalYear} 年度',
    noLongerInForce: '本规则已于 {until} 废止，不适用于 {fiscalYear} 年度',
    internalError: '规则执行出错（jixiao 内部错误）：{error}',
    noPreviousForm: '不适用：{reason}，无法跨年度核对',
    noPreviousFormReason: '没有同一单位上一年度的表',
    noBatch: '不适用：只检查了一份表，没有同批次的其他表可比',
    blank: '（空）',
    none: '无',
    listSeparator: '、',
    answers: { yes: '是', no: '否', unanswered: '未作答', conflicting: '多选冲突', ambiguous: '无法辨认' },
  },
  en: {
    blankFields: 'Cannot decide: {fields} blank',
    notInForce: 'This rule takes effect on {from}; it does not apply to fiscal year {fiscalYear}',
    noLongerInForce: 'This rule ended on {until}; it does not apply to fiscal year {fiscalYear}',
    internalError: 'The rule failed to run (jixiao internal error): {error}',
    noPreviousForm: 'Not applicable: {reason}, so nothing to check across years',
    noPreviousFormReason: 'there is no form of the same unit for the previous year',
    noBatch: 'Not applicable: a single form was checked, with no other forms of a batch to compare',
    blank: '(blank)',
    none: 'none',
    listSeparator: ', ',
    answers: { yes: 'yes', no: 'no', unanswered: 'unanswered', conflicting: 'conflicting', ambiguous: 'ambiguous' },
  },
} as const satisfies Record<Locale, unknown>;
