import type { Locale } from './locale.js';

/** Messages the core itself emits (packs carry their own). */
export const CORE_MESSAGES = {
  'zh-CN': {
    blankFields: '无法判断：{fields}为空',
    notInForce: '本规则自 {from} 起施行，不适用于 {fiscalYear} 年度',
    noLongerInForce: '本规则已于 {until} 废止，不适用于 {fiscalYear} 年度',
    internalError: '规则执行出错（jixiao 内部错误）：{error}',
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
    blank: '(blank)',
    none: 'none',
    listSeparator: ', ',
    answers: { yes: 'yes', no: 'no', unanswered: 'unanswered', conflicting: 'conflicting', ambiguous: 'ambiguous' },
  },
} as const satisfies Record<Locale, unknown>;
