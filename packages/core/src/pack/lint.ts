import { LineCounter, parseDocument } from 'yaml';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { factCatalogue } from './facts.js';
import { parseStrictJson } from './json.js';
import { lintRuleFacts } from './lint-facts.js';
import { PackManifestSchema, RuleSchema, type Pack, type Rule } from './schema.js';
import { packScoreIssues, ruleSemanticIssues } from './validate.js';
import { packSchemaMessage } from './schema-messages.js';

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

/** One issue on one line, as `jixiao pack validate` prints it: `file:line:column  错误  message  [rule path]`. */
export function formatLintIssue(i: LintIssue, locale: Locale): string {
  const where = `${i.file}${i.line === undefined ? '' : `:${String(i.line)}${i.column === undefined ? '' : `:${String(i.column)}`}`}`;
  const level = locale === 'zh-CN' ? (i.level === 'error' ? '错误' : '警告') : i.level;
  return `${where}  ${level}  ${i.message[locale]}${i.ruleId === undefined ? '' : `  [${i.ruleId}${i.path ? ` ${i.path}` : ''}]`}`;
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

function parseText(source: SourceFile): { value?: unknown; issue?: LintIssue } {
  const parsed = parseStrictJson(source.text);
  if (parsed.ok) return { value: parsed.value };
  const { code, line, column, message } = parsed.issue;
  return { issue: { level: 'error', code, file: source.file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), path: parsed.issue.path ?? '', message } };
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
      issues.push({ level: 'error', code: 'schema', file: input.manifest.file, ...at(input.manifest, path), path, message: packSchemaMessage(i, manifestRaw.value) });
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
        issues.push({ level: 'error', code: 'schema', file: source.file, ...at(source, path), path, ...(ruleId === undefined ? {} : { ruleId }), message: packSchemaMessage(i, raw.value) });
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
      issues.push({
        level: 'error',
        code: 'semantic',
        file: source.file,
        ...ruleAt(i.path),
        path: i.path,
        ruleId: rule.id,
        message: i.text ?? { 'zh-CN': i.message, en: i.message },
        ...(i.suggestion === undefined ? {} : { suggestion: i.suggestion }),
      });
    }
    const catalogue = (rule.after ?? []).length > 0 ? withFindings : withoutFindings;
    for (const i of lintRuleFacts(rule, catalogue, knownPacks)) issues.push({ ...i, file: source.file, ...ruleAt(i.path), ruleId: rule.id });
  }
  for (const i of packScoreIssues(meta, pack.rules)) issues.push({ level: 'error', code: 'score', file: input.manifest.file, ...at(input.manifest, i.path), path: i.path, message: i.text });
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
