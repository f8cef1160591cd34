import type { LocalizedText } from '../i18n/locale.js';
import { ANSWERS } from '../model/answer.js';
import { KNOWN_OPERATORS } from '../engine/operators.js';
import { closest, lookupFact, type FactCatalogue, type FactInfo, type FactKind } from './facts.js';
import type { LeafCondition, Rule } from './schema.js';
import { ruleLeaves } from './validate.js';
import { ruleScope } from '../engine/scope.js';

/**
 * The model half of the pack linter: a rule's fact paths and operators against the fact catalogue. No file
 * positions and no YAML here, so the CLI can check packs from others at load time without loading the parser.
 */

const NUMERIC: readonly FactKind[] = ['money', 'integer', 'number', 'percent'];
const LIST: readonly FactKind[] = ['list'];

/** Which kinds of fact each operator can be applied to (absent: any). */
const OPERATOR_KINDS: Readonly<Record<string, readonly FactKind[]>> = {
  answerIs: ['answer'],
  answerIsNot: ['answer'],
  moneyEqual: NUMERIC,
  moneyNotEqual: NUMERIC,
  moneyGreaterThan: NUMERIC,
  moneyGreaterThanInclusive: NUMERIC,
  moneyLessThan: NUMERIC,
  moneyLessThanInclusive: NUMERIC,
  lessThan: NUMERIC,
  lessThanInclusive: NUMERIC,
  greaterThan: NUMERIC,
  greaterThanInclusive: NUMERIC,
  containsAny: LIST,
  containsNone: LIST,
  lengthGreaterThan: LIST,
  contains: LIST,
  doesNotContain: LIST,
};

const KIND_TEXT: Record<FactKind, LocalizedText> = {
  money: { 'zh-CN': '金额', en: 'an amount' },
  integer: { 'zh-CN': '整数', en: 'an integer' },
  number: { 'zh-CN': '数值', en: 'a number' },
  percent: { 'zh-CN': '百分比', en: 'a percentage' },
  answer: { 'zh-CN': '勾选答案', en: 'a checklist answer' },
  enum: { 'zh-CN': '枚举值', en: 'an enumerated value' },
  text: { 'zh-CN': '文本', en: 'text' },
  date: { 'zh-CN': '日期', en: 'a date' },
  boolean: { 'zh-CN': '是/否值', en: 'a boolean' },
  list: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '字段组', en: 'a group of fields' },
};

const kindsText = (kinds: readonly FactKind[], locale: 'zh-CN' | 'en') => kinds.map((k) => KIND_TEXT[k][locale]).join(locale === 'zh-CN' ? '、' : ' or ');

export interface RuleIssue {
  readonly level: 'error' | 'warning';
  readonly code: string;
  readonly path: string;
  readonly message: LocalizedText;
  readonly suggestion?: string;
}

/**
 * Check one rule's fact paths and operators against the catalogue. Paths in the result are inside the rule
 * object. Pure: no file positions (see {@link lintPack}).
 */
export function lintRuleFacts(rule: Rule, catalogue: FactCatalogue, knownPacks: ReadonlySet<string> = new Set()): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const hasAfter = (rule.after ?? []).length > 0;
  const scope = ruleScope(rule);
  const names = [...catalogue.keys()];

  /** Resolve a `fact.path` reference; report it when unknown. */
  const resolve = (ref: string, at: string): FactInfo | undefined => {
    const [fact = '', pack] = ref.split('.');
    if (fact === 'history' && scope !== 'history') {
      issues.push({
        level: 'error',
        code: 'history-without-requirement',
        path: at,
        message: {
          'zh-CN': `“${ref}”：读取上年表的规则须在 "requires" 中声明 "history.previous"（无上年表时不适用）`,
          en: `"${ref}": a rule that reads the previous year's form must declare "history.previous" in "requires" (it is not applicable without one)`,
        },
      });
      return undefined;
    }
    if (fact === 'batch' && scope !== 'batch') {
      issues.push({
        level: 'error',
        code: 'batch-without-scope',
        path: at,
        message: {
          'zh-CN': `“${ref}”：只有 "scope": "batch" 的规则才能读取 batch（同批次的其他表）`,
          en: `"${ref}": only rules of "scope": "batch" can read the batch fact (the other forms of the run)`,
        },
      });
      return undefined;
    }
    const info = lookupFact(catalogue, ref);
    if (info) return info;
    if (fact === 'findings' && !hasAfter) {
      issues.push({
        level: 'error',
        code: 'findings-without-after',
        path: at,
        message: {
          'zh-CN': `“${ref}”：只有声明了 "after" 的规则才能读取 findings`,
          en: `"${ref}": only rules that declare "after" can read the findings fact`,
        },
      });
      return undefined;
    }
    if (fact === 'params' && pack !== undefined && !knownPacks.has(pack)) {
      issues.push({
        level: 'warning',
        code: 'foreign-param',
        path: at,
        message: {
          'zh-CN': `“${ref}”：参数不是本规则包声明的；请确认声明它的规则包 ${pack} 会一同加载`,
          en: `"${ref}": the parameter is not declared by this pack; make sure pack ${pack}, which declares it, is loaded too`,
        },
      });
      return undefined;
    }
    const suggestion = closest(ref, names);
    issues.push({
      level: 'error',
      code: 'unknown-fact',
      path: at,
      message: {
        'zh-CN': `评价模型中没有“${ref}”${suggestion === undefined ? '' : `；是否应为 ${suggestion}？`}`,
        en: `"${ref}" does not exist in the evaluation model${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
      },
      ...(suggestion === undefined ? {} : { suggestion }),
    });
    return undefined;
  };

  const checkKind = (info: FactInfo, ref: string, operator: string, at: string, code: string) => {
    const kinds = OPERATOR_KINDS[operator];
    if (kinds === undefined || kinds.includes(info.kind)) return;
    issues.push({
      level: 'error',
      code,
      path: at,
      message: {
        'zh-CN': `运算符 ${operator} 只能用于${kindsText(kinds, 'zh-CN')}，而“${ref}”是${KIND_TEXT[info.kind]['zh-CN']}`,
        en: `operator ${operator} applies to ${kindsText(kinds, 'en')}, but "${ref}" is ${KIND_TEXT[info.kind].en}`,
      },
    });
  };

  const checkLeaf = (leaf: LeafCondition, at: string) => {
    if (!KNOWN_OPERATORS.has(leaf.operator)) {
      const suggestion = closest(leaf.operator, KNOWN_OPERATORS);
      issues.push({
        level: 'error',
        code: 'unknown-operator',
        path: `${at}.operator`,
        message: {
          'zh-CN': `未知运算符 ${leaf.operator}${suggestion === undefined ? '' : `；是否应为 ${suggestion}？`}`,
          en: `unknown operator ${leaf.operator}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
        },
        ...(suggestion === undefined ? {} : { suggestion }),
      });
      return;
    }
    const ref = leaf.path === undefined ? leaf.fact : `${leaf.fact}.${leaf.path}`;
    const info = resolve(ref, leaf.path === undefined ? `${at}.fact` : `${at}.path`);
    if (info) {
      if (info.kind === 'object' && leaf.operator !== 'isBlank') {
        issues.push({
          level: 'error',
          code: 'operator-type',
          path: `${at}.path`,
          message: { 'zh-CN': `“${ref}”是一组字段，请写出具体字段`, en: `"${ref}" is a group of fields: name one field` },
        });
      } else checkKind(info, ref, leaf.operator, `${at}.operator`, 'operator-type');
    }
    checkValue(leaf, info, ref, `${at}.value`);
  };

  const checkValue = (leaf: LeafCondition, info: FactInfo | undefined, ref: string, at: string) => {
    const { operator, value } = leaf;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as { fact: string; path?: string };
      const valueRef = v.path === undefined ? v.fact : `${v.fact}.${v.path}`;
      const valueInfo = resolve(valueRef, v.path === undefined ? `${at}.fact` : `${at}.path`);
      if (valueInfo) checkKind(valueInfo, valueRef, operator, at, 'value-type');
      return;
    }
    const bad = (en: string, zh: string, suggestion?: string) =>
      issues.push({ level: 'error', code: 'value-type', path: at, message: { 'zh-CN': zh, en }, ...(suggestion === undefined ? {} : { suggestion }) });
    if (operator === 'isBlank' && typeof value !== 'boolean') bad('isBlank takes true or false', 'isBlank 的取值应为 true 或 false');
    if ((operator === 'answerIs' || operator === 'answerIsNot') && info?.kind === 'answer') {
      for (const a of Array.isArray(value) ? value : [value]) {
        if (typeof a === 'string' && (ANSWERS as readonly string[]).includes(a)) continue;
        const suggestion = typeof a === 'string' ? closest(a, ANSWERS) : undefined;
        bad(
          `${JSON.stringify(a)} is not an answer (${ANSWERS.join(', ')})${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
          `${JSON.stringify(a)} 不是勾选答案（${ANSWERS.join('、')}）${suggestion === undefined ? '' : `；是否应为 ${suggestion}？`}`,
          suggestion,
        );
      }
    }
    const kinds = OPERATOR_KINDS[operator];
    if (kinds === NUMERIC && typeof value !== 'number') bad(`${operator} compares with a number, not ${JSON.stringify(value)}`, `${operator} 的比较值应为数字，而不是 ${JSON.stringify(value)}`);
    if ((operator === 'equal' || operator === 'notEqual' || operator === 'in' || operator === 'notIn') && info?.kind === 'enum' && info.values) {
      for (const x of Array.isArray(value) ? value : [value]) {
        if (x === null || info.values.includes(String(x))) continue;
        const suggestion = closest(String(x), info.values);
        const hint = suggestion === undefined ? ['', ''] : [`; did you mean ${suggestion}?`, `；是否应为 ${suggestion}？`];
        bad(`${JSON.stringify(x)} is not a value of "${ref}" (${info.values.join(', ')})${hint[0] ?? ''}`, `${JSON.stringify(x)} 不是“${ref}”的取值（${info.values.join('、')}）${hint[1] ?? ''}`, suggestion);
      }
    }
  };

  for (const [leaf, at] of ruleLeaves(rule)) checkLeaf(leaf, at);
  for (const [i, p] of rule.paths.entries()) resolve(p, `paths.${String(i)}`);
  for (const [i, p] of (rule.requires ?? []).entries()) resolve(p, `requires.${String(i)}`);
  for (const [key, d] of Object.entries(rule.data ?? {})) {
    if ('ref' in d) {
      resolve(d.ref, `data.${key}.ref`);
      if (d.zeroBase !== undefined) resolve(d.zeroBase, `data.${key}.zeroBase`);
    } else if ('scale' in d) {
      const info = resolve(d.scale, `data.${key}.scale`);
      if (info && !NUMERIC.includes(info.kind)) {
        issues.push({
          level: 'error',
          code: 'value-type',
          path: `data.${key}.scale`,
          message: { 'zh-CN': `刻度只能用于数值，而“${d.scale}”是${KIND_TEXT[info.kind]['zh-CN']}`, en: `a scale needs a number, but "${d.scale}" is ${KIND_TEXT[info.kind].en}` },
        });
      }
    } else for (const [i, p] of d.blankAmong.entries()) resolve(p, `data.${key}.blankAmong.${String(i)}`);
  }
  return issues;
}

