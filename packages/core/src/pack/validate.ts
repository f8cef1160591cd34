import type { z } from 'zod';
import type { LocalizedText } from '../i18n/locale.js';
import { closest } from './closest.js';
import { KNOWN_OPERATORS } from '../engine/operators.js';
import { ruleScope } from '../engine/scope.js';
import { PackSchema, RuleSchema, type LeafCondition, type NestedCondition, type Pack, type PackMeta, type Rule, type TopLevelCondition } from './schema.js';

/** One problem found while loading a pack: which file, which rule, where in it, what. */
export interface PackIssue {
  readonly file?: string | undefined;
  readonly ruleId?: string | undefined;
  /** Path inside the file (`checks.0.when.all.1.operator`). */
  readonly path: string;
  readonly message: string;
  /** The message in zh-CN and English, when the check words it in both (`message` is then the English). */
  readonly text?: LocalizedText;
  /** A corrected value to use instead ("did you mean …"). */
  readonly suggestion?: string;
  /** 1-based line in the file, when the loader knows it. */
  readonly line?: number | undefined;
}

export class PackLoadError extends Error {
  readonly code = 'PACK_INVALID';
  constructor(
    readonly pack: string,
    readonly issues: readonly PackIssue[],
  ) {
    super(
      `pack ${pack} is invalid:\n` +
        issues
          .map((i) => `  ${[i.file === undefined ? undefined : `${i.file}${i.line === undefined ? '' : `:${String(i.line)}`}`, i.ruleId].filter(Boolean).join(' ')}${i.path ? ` at ${i.path}` : ''}: ${i.message}`)
          .join('\n'),
    );
    this.name = 'PackLoadError';
  }
}

export function zodIssues(issues: readonly z.core.$ZodIssue[], file?: string, ruleId?: string): PackIssue[] {
  return issues.map((i) => ({ file, ruleId, path: i.path.map(String).join('.'), message: i.message }));
}

function* leaves(c: TopLevelCondition | NestedCondition, path: string): Generator<[LeafCondition, string]> {
  if ('all' in c) for (const [i, x] of c.all.entries()) yield* leaves(x, `${path}.all.${String(i)}`);
  else if ('any' in c) for (const [i, x] of c.any.entries()) yield* leaves(x, `${path}.any.${String(i)}`);
  else if ('not' in c) yield* leaves(c.not, `${path}.not`);
  else yield [c, path];
}

/** Conditions of a rule with their location in the rule file. */
export function* ruleConditions(rule: Rule): Generator<[TopLevelCondition, string]> {
  if (rule.notApplicableWhen) yield [rule.notApplicableWhen.when, 'notApplicableWhen.when'];
  if (rule.indeterminateWhen) yield [rule.indeterminateWhen.when, 'indeterminateWhen.when'];
  for (const [i, c] of rule.checks.entries()) yield [c.when, `checks.${String(i)}.when`];
  for (const [i, n] of (rule.notes ?? []).entries()) yield [n.when, `notes.${String(i)}.when`];
}

/** Every leaf condition of a rule, with its location. */
export function* ruleLeaves(rule: Rule) {
  for (const [cond, path] of ruleConditions(rule)) yield* leaves(cond, path);
}

/** Checks beyond the schema: ids in the pack's namespace, operators that exist, placeholders with data. */
export function ruleSemanticIssues(rule: Rule, packName: string, file?: string): PackIssue[] {
  const issues: PackIssue[] = [];
  const at = (path: string, zh: string, en: string, suggestion?: string) =>
    issues.push({ file, ruleId: rule.id, path, message: en, text: { 'zh-CN': zh, en }, ...(suggestion === undefined ? {} : { suggestion }) });
  if (!rule.id.startsWith(`${packName}/`)) at('id', `规则 id 须以“${packName}/”开头`, `rule id must start with "${packName}/"`, `${packName}/${rule.id.split('/').at(-1) ?? rule.id}`);
  for (const [leaf, path] of ruleLeaves(rule)) {
    const known = [...KNOWN_OPERATORS].join(', ');
    if (!KNOWN_OPERATORS.has(leaf.operator)) at(`${path}.operator`, `未知的运算符“${leaf.operator}”（可用：${known}）`, `unknown operator "${leaf.operator}" (known: ${known})`);
  }
  const ids = new Set<string>();
  for (const [i, c] of [...rule.checks, ...(rule.notes ?? [])].entries()) {
    if (ids.has(c.id)) at(`checks.${String(i)}.id`, `检查项 id“${c.id}”重复`, `duplicate check id "${c.id}"`);
    ids.add(c.id);
  }
  const known = new Set(Object.keys(rule.data ?? {}));
  const templates: [string, string][] = [
    ['pass', rule.pass['zh-CN']],
    ['pass', rule.pass.en],
    ...rule.checks.flatMap((c, i): [string, string][] => [[`checks.${String(i)}.message`, c.message['zh-CN']], [`checks.${String(i)}.message`, c.message.en]]),
    ...(rule.notes ?? []).flatMap((c, i): [string, string][] => [[`notes.${String(i)}.message`, c.message['zh-CN']], [`notes.${String(i)}.message`, c.message.en]]),
  ];
  if (rule.notApplicableWhen) templates.push(['notApplicableWhen.message', rule.notApplicableWhen.message['zh-CN']], ['notApplicableWhen.message', rule.notApplicableWhen.message.en]);
  if (rule.indeterminateWhen) templates.push(['indeterminateWhen.message', rule.indeterminateWhen.message['zh-CN']], ['indeterminateWhen.message', rule.indeterminateWhen.message.en]);
  for (const [path, t] of templates) {
    for (const [, key] of t.matchAll(/\{(\w+)\}/g)) {
      if (key === undefined || known.has(key)) continue;
      const s = closest(key, known);
      const data = known.size === 0 ? '' : `（data 中有：${[...known].join('、')}）`;
      at(path, `占位符 {${key}} 在 data 中没有定义${s === undefined ? data : `；是否应为 {${s}}？`}`, `placeholder {${key}} has no entry in "data"${s === undefined ? '' : `; did you mean {${s}}?`}`, s === undefined ? undefined : `{${s}}`);
    }
  }
  if (ruleScope(rule) !== 'form' && (rule.after ?? []).length > 0) at('after', '跨表规则（history 或 batch）不能声明 "after"', 'a cross-form rule (history or batch scope) cannot run "after" other rules');
  const score = rule.score;
  if (score !== undefined && ruleScope(rule) !== 'form') at('score', '跨表规则（history 或 batch）不计分', 'a cross-form rule (history or batch scope) cannot declare a score');
  if (score?.points !== undefined && !known.has(score.points)) {
    const s = closest(score.points, known);
    at('score.points', `得分项 “${score.points}” 在 data 中没有定义${s === undefined ? '' : `；是否应为 “${s}”？`}`, `score.points "${score.points}" has no entry in "data"${s === undefined ? '' : `; did you mean "${s}"?`}`, s);
  }
  for (const [i, c] of rule.checks.entries()) {
    if (c.deduct === undefined) continue;
    const path = `checks.${String(i)}.deduct`;
    if (score === undefined) at(path, '规则没有声明 score（满分），deduct 无从扣起', 'deduct needs the rule to declare its score (score.max)');
    else if (score.points !== undefined) at(path, `得分取自 data.${score.points}，deduct 不起作用；请删去其一`, `the points come from data.${score.points}, so deduct has no effect: remove one of them`);
    else if (c.deduct > score.max) at(path, `扣分 ${String(c.deduct)} 超过本项满分 ${String(score.max)}`, `deduct ${String(c.deduct)} is more than the item's max ${String(score.max)}`);
  }
  const params = new Set<string>();
  for (const [i, p] of (rule.parameters ?? []).entries()) {
    if (params.has(p.name)) at(`parameters.${String(i)}.name`, `参数“${p.name}”重复`, `duplicate parameter "${p.name}"`);
    params.add(p.name);
  }
  return issues;
}

/**
 * A scoring pack's total against its rules: the rules' `score.max` add up to the pack's `score.max` when it states
 * one (in hundredths: exact), and a pack that declares a score has a rule that scores. Path: in the manifest.
 * Checked by `pack validate` on the pack's files (a checker may run some of a pack's rules only: `pack test`,
 * `--rule`, rules turned off).
 */
export function packScoreIssues(meta: PackMeta, rules: readonly Rule[]): { path: string; text: LocalizedText }[] {
  const declared = meta.score;
  if (declared === undefined) return [];
  const scored = rules.filter((r) => r.score !== undefined);
  if (scored.length === 0) return [{ path: 'score', text: { 'zh-CN': '规则包声明了 score，但没有一条规则声明 score（满分）', en: 'the pack declares a score, but none of its rules declares one (score.max)' } }];
  if (declared.max === undefined) return [];
  const sum = scored.reduce((n, r) => n + Math.round((r.score?.max ?? 0) * 100), 0) / 100;
  if (sum === declared.max) return [];
  return [
    {
      path: 'score.max',
      text: {
        'zh-CN': `总满分 ${String(declared.max)} 与各规则满分之和 ${String(sum)} 不符（${scored.map((r) => `${r.id} ${String(r.score?.max)}`).join('，')}）`,
        en: `the full marks ${String(declared.max)} differ from the sum of the rules' max, ${String(sum)} (${scored.map((r) => `${r.id} ${String(r.score?.max)}`).join(', ')})`,
      },
    },
  ];
}

/** Validate a rule object (as read from a file). */
export function validateRule(raw: unknown, packName: string, file?: string): { rule?: Rule; issues: PackIssue[] } {
  const ruleId = raw !== null && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
  const parsed = RuleSchema.safeParse(raw);
  if (!parsed.success) return { issues: zodIssues(parsed.error.issues, file, ruleId) };
  return { rule: parsed.data, issues: ruleSemanticIssues(parsed.data, packName, file) };
}

/** Validate a whole pack object; returns issues (empty when valid). */
/** Packs a loader has already validated rule by rule, frozen so they cannot change afterwards. */
const SEALED = new WeakSet<object>();

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * Mark a pack whose every rule was validated on load (schema and semantics, with file names): it is frozen, and
 * compiling it later skips validating it a second time (only the cross-rule checks run again).
 */
export function sealValidatedPack(pack: Pack): Pack {
  deepFreeze(pack);
  SEALED.add(pack);
  return pack;
}

export function packIssues(pack: unknown): PackIssue[] {
  const sealed = pack !== null && typeof pack === 'object' && SEALED.has(pack);
  const parsed = sealed ? { success: true as const, data: pack as Pack } : PackSchema.safeParse(pack);
  if (!parsed.success) return zodIssues(parsed.error.issues);
  const issues: PackIssue[] = [];
  const seen = new Set<string>();
  const paramNames = new Set<string>();
  for (const rule of parsed.data.rules) {
    if (seen.has(rule.id)) issues.push({ ruleId: rule.id, path: 'id', message: 'duplicate rule id' });
    seen.add(rule.id);
    if (!sealed) issues.push(...ruleSemanticIssues(rule, parsed.data.meta.name));
    for (const p of rule.parameters ?? []) {
      if (paramNames.has(p.name)) issues.push({ ruleId: rule.id, path: 'parameters', message: `parameter "${p.name}" is declared by two rules of the pack` });
      paramNames.add(p.name);
    }
  }
  return issues;
}

/** Throw PackLoadError unless every pack is valid and pack names and rule ids are unique across packs. */
export function assertPacksValid(packs: readonly Pack[]): void {
  const ids = new Map<string, string>();
  const names = new Map<string, Pack>();
  for (const pack of packs) {
    const issues = packIssues(pack);
    const same = names.get(pack.meta.name);
    if (same !== undefined) {
      issues.push({ path: 'meta.name', message: `两个规则包同名 ${pack.meta.name}（${same.source ?? '?'} 与 ${pack.source ?? '?'}）/ two packs are named ${pack.meta.name} (${same.source ?? '?'} and ${pack.source ?? '?'})` });
    }
    names.set(pack.meta.name, pack);
    for (const rule of pack.rules) {
      const other = ids.get(rule.id);
      if (other !== undefined) issues.push({ ruleId: rule.id, path: 'id', message: `rule id also defined by pack ${other}` });
      ids.set(rule.id, pack.meta.name);
    }
    if (issues.length > 0) throw new PackLoadError(pack.source ?? pack.meta.name, issues);
  }
}
