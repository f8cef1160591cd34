import { LineCounter, parseDocument } from 'yaml';
import type { LocalizedText } from '../i18n/locale.js';
import { ANSWERS } from '../model/answer.js';
import { KNOWN_OPERATORS } from '../engine/operators.js';
import { closest, factCatalogue, lookupFact, type FactCatalogue, type FactInfo, type FactKind } from './facts.js';
import { PackManifestSchema, RuleSchema, type LeafCondition, type Pack, type Rule } from './schema.js';
import { ruleLeaves, ruleSemanticIssues } from './validate.js';

/**
 * `jixiao pack validate`: every rule file against the rule schema (the published JSON Schema is generated from
 * it) and against the evaluation model — a condition on a fact path that does not exist, or an operator applied
 * to a value of the wrong type, is an error with file, line and a suggestion.
 */

/** One finding of the pack linter. */
export interface LintIssue {
  readonly level: 'error' | 'warning';
  /** Stable code: `schema`, `json`, `unknown-fact`, `operator-type`, `value-type`, `unknown-operator`, … */
  readonly code: string;
  readonly file: string;
  /** 1-based line and column in the file, when known. */
  readonly line?: number;
  readonly column?: number;
  /** Path inside the file (`checks.0.when.all.1.path`). */
  readonly path: string;
  readonly ruleId?: string;
  readonly message: LocalizedText;
  /** A corrected value to use instead ("did you mean …"). */
  readonly suggestion?: string;
}

/** A file as read from disk: its name (for messages) and text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export interface PackLintResult {
  /** The pack, when every file parsed and matched the schema (it may still have lint errors). */
  readonly pack?: Pack;
  readonly issues: readonly LintIssue[];
}

type Segment = string | number;

function splitPath(path: string): Segment[] {
  return path === '' ? [] : path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * 1-based line and column of the value at `path` in a JSON or YAML text (JSON is YAML, and `yaml` keeps source
 * ranges). When the path does not exist completely, the position of the nearest existing ancestor.
 */
export function positionOf(text: string, path: readonly Segment[]): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node: unknown = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
    if (node !== null && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const offset = node.range[0] as unknown;
      if (typeof offset !== 'number') continue;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return undefined;
}

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

interface RuleIssue {
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
  const names = [...catalogue.keys()];

  /** Resolve a `fact.path` reference; report it when unknown. */
  const resolve = (ref: string, at: string): FactInfo | undefined => {
    const info = lookupFact(catalogue, ref);
    if (info) return info;
    const [fact = '', pack] = ref.split('.');
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
    if ('ref' in d) resolve(d.ref, `data.${key}.ref`);
    else if ('scale' in d) {
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

function parseText(source: SourceFile): { value?: unknown; issue?: LintIssue } {
  try {
    return { value: JSON.parse(source.text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const m = /line (\d+) column (\d+)/.exec(detail);
    return {
      issue: {
        level: 'error',
        code: 'json',
        file: source.file,
        ...(m ? { line: Number(m[1]), column: Number(m[2]) } : {}),
        path: '',
        message: { 'zh-CN': `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` },
      },
    };
  }
}

/** The rule file name a rule id calls for (`hunan/staffing-score` → `staffing-score.json`). */
const expectedFileName = (ruleId: string) => `${ruleId.split('/')[1] ?? ruleId}.json`;

/**
 * Lint a data-only pack from its file texts: the manifest and each rule file. Reports schema errors, unknown
 * fact paths and operators applied to the wrong type, with file, line and a suggestion. `context` packs are
 * packs loaded together with this one (their parameters may be read).
 */
export function lintPack(input: { manifest: SourceFile; rules: readonly SourceFile[]; context?: readonly Pack[] }): PackLintResult {
  const issues: LintIssue[] = [];
  const at = (source: SourceFile, path: string) => {
    const pos = positionOf(source.text, splitPath(path));
    return pos === undefined ? {} : { line: pos.line, column: pos.column };
  };
  const manifestRaw = parseText(input.manifest);
  if (manifestRaw.issue) return { issues: [manifestRaw.issue] };
  const manifest = PackManifestSchema.safeParse(manifestRaw.value);
  if (!manifest.success) {
    for (const i of manifest.error.issues) {
      const path = i.path.map(String).join('.');
      issues.push({ level: 'error', code: 'schema', file: input.manifest.file, ...at(input.manifest, path), path, message: { 'zh-CN': i.message, en: i.message } });
    }
    return { issues };
  }
  const packName = manifest.data.name;
  const rules: { rule: Rule; source: SourceFile }[] = [];
  for (const source of input.rules) {
    const raw = parseText(source);
    if (raw.issue) {
      issues.push(raw.issue);
      continue;
    }
    const parsed = RuleSchema.safeParse(raw.value);
    const ruleId = raw.value !== null && typeof raw.value === 'object' && 'id' in raw.value && typeof raw.value.id === 'string' ? raw.value.id : undefined;
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const path = i.path.map(String).join('.');
        issues.push({ level: 'error', code: 'schema', file: source.file, ...at(source, path), path, ...(ruleId === undefined ? {} : { ruleId }), message: { 'zh-CN': i.message, en: i.message } });
      }
      continue;
    }
    rules.push({ rule: parsed.data, source });
    const base = source.file.split(/[\\/]/).at(-1) ?? source.file;
    if (base !== expectedFileName(parsed.data.id)) {
      issues.push({
        level: 'error',
        code: 'file-name',
        file: source.file,
        ...at(source, 'id'),
        path: 'id',
        ruleId: parsed.data.id,
        message: { 'zh-CN': `文件名须与规则 id 一致：${expectedFileName(parsed.data.id)}`, en: `the file name must match the rule id: ${expectedFileName(parsed.data.id)}` },
        suggestion: expectedFileName(parsed.data.id),
      });
    }
  }
  const { $schema: _s, rules: _r, ...meta } = manifest.data;
  const pack: Pack = { meta, rules: rules.map((r) => r.rule) };
  const context = input.context ?? [];
  const knownPacks = new Set([packName, ...context.map((p) => p.meta.name)]);
  const withoutFindings = factCatalogue([pack, ...context], false);
  const withFindings = factCatalogue([pack, ...context], true);
  const seen = new Map<string, string>();
  for (const { rule, source } of rules) {
    const ruleAt = (path: string) => at(source, path);
    const other = seen.get(rule.id);
    if (other !== undefined) {
      issues.push({ level: 'error', code: 'duplicate-rule', file: source.file, ...ruleAt('id'), path: 'id', ruleId: rule.id, message: { 'zh-CN': `规则 id 与 ${other} 重复`, en: `rule id also used by ${other}` } });
    }
    seen.set(rule.id, source.file);
    // Unknown operators are reported below with a suggestion; the other semantic checks come from the loader.
    for (const i of ruleSemanticIssues(rule, packName, source.file)) {
      if (i.message.startsWith('unknown operator')) continue;
      issues.push({ level: 'error', code: 'semantic', file: source.file, ...ruleAt(i.path), path: i.path, ruleId: rule.id, message: { 'zh-CN': i.message, en: i.message } });
    }
    const catalogue = (rule.after ?? []).length > 0 ? withFindings : withoutFindings;
    for (const i of lintRuleFacts(rule, catalogue, knownPacks)) issues.push({ ...i, file: source.file, ...ruleAt(i.path), ruleId: rule.id });
  }
  const params = new Map<string, string>();
  for (const { rule, source } of rules) {
    for (const [i, p] of (rule.parameters ?? []).entries()) {
      const other = params.get(p.name);
      const path = `parameters.${String(i)}.name`;
      if (other !== undefined && other !== rule.id) {
        issues.push({ level: 'error', code: 'duplicate-parameter', file: source.file, ...at(source, path), path, ruleId: rule.id, message: { 'zh-CN': `参数 ${p.name} 已由规则 ${other} 声明`, en: `parameter ${p.name} is already declared by rule ${other}` } });
      }
      params.set(p.name, rule.id);
    }
  }
  return { pack, issues };
}
