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
    /** A change rate over a prior value of 0 (DataRef `zeroBase`): undefined, not unknown. */
    zeroBase: '不适用（上年为 0）',
    none: '无',
    listSeparator: '、',
    /** Between rule titles (format `rules`): a title may hold 、 itself (无截留、坐支、转移非税收入). */
    ruleSeparator: '；',
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
    zeroBase: 'n/a (0 the year before)',
    none: 'none',
    listSeparator: ', ',
    ruleSeparator: '; ',
    answers: { yes: 'yes', no: 'no', unanswered: 'unanswered', conflicting: 'conflicting', ambiguous: 'ambiguous' },
  },
} as const satisfies Record<Locale, unknown>;

/**
 * Why a text is not JSON, by kind (`jsonSyntaxError` classifies V8's message into these): `{quote}` is the stretch
 * of the file at the place (its own line only), `{code}` a character's code point (`U+00A0`).
 */
export const JSON_SYNTAX_MESSAGES = {
  'zh-CN': {
    invalid: '不是有效的 JSON：{reason}',
    empty: '内容为空',
    end: '内容意外结束，最后是「{quote}」',
    unexpected: '此处不应出现「{quote}」',
    unexpectedCharacter: '此处不应出现字符 {code}：「{quote}」',
    trailingComma: '最后一项之后多了逗号：「{quote}」',
    value: '冒号后缺少值：「{quote}」',
    unterminatedString: '字符串缺少结尾的双引号：「{quote}」',
    propertyName: '此处应为带双引号的属性名：「{quote}」',
    colon: '属性名后缺少冒号：「{quote}」',
    commaOrBrace: '此处缺少逗号或 }：「{quote}」',
    commaOrBracket: '此处缺少逗号或 ]：「{quote}」',
    afterEnd: '内容已完整，其后多出「{quote}」',
    escape: '无效的转义：「{quote}」',
    controlCharacter: '字符串中有未转义的控制字符 {code}（换行、制表符须写作 \\n、\\t）：「{quote}」',
    number: '数字不完整：「{quote}」',
    other: '语法错误：「{quote}」',
  },
  en: {
    invalid: 'not valid JSON: {reason}',
    empty: 'the text is empty',
    end: 'the text ends too soon, after “{quote}”',
    unexpected: 'unexpected “{quote}”',
    unexpectedCharacter: 'unexpected character {code}: “{quote}”',
    trailingComma: 'a comma after the last item: “{quote}”',
    value: 'a value missing after the colon: “{quote}”',
    unterminatedString: 'a string without its closing double quote: “{quote}”',
    propertyName: 'a property name in double quotes expected: “{quote}”',
    colon: 'a colon expected after the property name: “{quote}”',
    commaOrBrace: 'a comma or } expected: “{quote}”',
    commaOrBracket: 'a comma or ] expected: “{quote}”',
    afterEnd: 'more text after the end: “{quote}”',
    escape: 'invalid escape: “{quote}”',
    controlCharacter: 'unescaped control character {code} in a string (write a line break as \\n, a tab as \\t): “{quote}”',
    number: 'incomplete number: “{quote}”',
    other: 'syntax error: “{quote}”',
  },
} as const satisfies Record<Locale, unknown>;
