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

/**
 * Why a text is not YAML, by the `yaml` package's error code (`yamlSyntaxError` words an error with it): the common
 * codes each a sentence, any other `other` with the code. The line and column are given beside the message.
 */
export const YAML_SYNTAX_MESSAGES = {
  'zh-CN': {
    invalid: '不是有效的 YAML：{reason}',
    BAD_INDENT: '缩进不正确，或方括号、花括号未闭合',
    TAB_AS_INDENT: '不能用制表符缩进，请改用空格',
    DUPLICATE_KEY: '同一层级中有重复的键',
    MISSING_CHAR: '缺少字符（如列表项前的“- ”、键后的“:”、结尾的引号或括号）',
    BAD_DQ_ESCAPE: '双引号字符串中有无效的转义',
    BLOCK_AS_IMPLICIT_KEY: '此处不能再嵌套键值或列表（冒号后的值可能须另起一行并缩进）',
    MULTILINE_IMPLICIT_KEY: '键必须写在同一行内',
    UNEXPECTED_TOKEN: '此处不应出现这些内容（多为缩进或冒号、短横线放错了位置）',
    MULTIPLE_DOCS: '文件中有多个 YAML 文档（以 --- 分隔），只能有一个',
    BAD_SCALAR_START: '值不能以这个字符开头，请给值加上引号',
    BLOCK_IN_FLOW: '方括号或花括号内不能使用分行缩进的写法',
    BAD_ALIAS: '别名（*名称）无效或引用了不存在的锚点',
    MULTIPLE_ANCHORS: '一个值只能有一个锚点（&名称）',
    MULTIPLE_TAGS: '一个值只能有一个标签（!标签）',
    KEY_OVER_1024_CHARS: '键超过 1024 个字符',
    other: '语法错误（YAML 错误代码 {code}）',
  },
  en: {
    invalid: 'not valid YAML: {reason}',
    BAD_INDENT: 'wrong indentation, or an unclosed bracket or brace',
    TAB_AS_INDENT: 'tabs cannot indent; use spaces',
    DUPLICATE_KEY: 'a key appears twice at the same level',
    MISSING_CHAR: 'a character is missing (such as "- " before a list item, ":" after a key, a closing quote or bracket)',
    BAD_DQ_ESCAPE: 'an invalid escape in a double-quoted string',
    BLOCK_AS_IMPLICIT_KEY: 'no nested mapping or list here (the value after the colon may need its own indented line)',
    MULTILINE_IMPLICIT_KEY: 'a key must be on one line',
    UNEXPECTED_TOKEN: 'unexpected content here (often indentation, or a colon or dash out of place)',
    MULTIPLE_DOCS: 'the file holds several YAML documents (separated by ---); only one is allowed',
    BAD_SCALAR_START: 'a value cannot start with this character; quote the value',
    BLOCK_IN_FLOW: 'no indented block style inside brackets or braces',
    BAD_ALIAS: 'an alias (*name) is invalid or names no anchor',
    MULTIPLE_ANCHORS: 'a value can have only one anchor (&name)',
    MULTIPLE_TAGS: 'a value can have only one tag (!tag)',
    KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
    other: 'syntax error (YAML error code {code})',
  },
} as const satisfies Record<Locale, unknown>;
