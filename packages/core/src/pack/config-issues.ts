import type { LocalizedText } from '../i18n/locale.js';
import { ConfigSchema } from './schema.js';

/**
 * A config's schema problem in the reader's words, zh-CN and English, with what would be accepted: a wrong value
 * with the allowed ones, an unknown key with the known keys, a wrong type with the expected type. One wording for
 * the CLI's `--config` and the workbench's config picker (browser-safe).
 */

/** The parts of a zod issue read here (zod 4's issue shapes). */
export interface ConfigZodIssue {
  readonly code: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly pattern?: string;
  readonly errors?: readonly (readonly ConfigZodIssue[])[];
  readonly issues?: readonly ConfigZodIssue[];
}

const TYPE_NAMES: Readonly<Record<string, string>> = { object: '对象', array: '数组', string: '字符串', number: '数值', boolean: '布尔值（true/false）', null: 'null' };
const typeName = (t: string) => TYPE_NAMES[t] ?? t;
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const shownValue = (v: unknown) => {
  const text = v === undefined ? 'undefined' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const list = (items: readonly unknown[], zh: boolean) => items.map((v) => JSON.stringify(v)).join(zh ? '、' : ', ');

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** One schema problem of the config `root` (the parsed JSON) in both languages, with what is allowed. */
export function explainConfigIssue(issue: ConfigZodIssue, root: unknown): LocalizedText {
  return explain(issue, valueAt(root, issue.path.map(String)));
}

function explain(issue: ConfigZodIssue, value: unknown): LocalizedText {
  switch (issue.code) {
    case 'invalid_value': {
      const values = issue.values ?? [];
      return { 'zh-CN': `值 ${shownValue(value)} 无效，可选：${list(values, true)}`, en: `invalid value ${shownValue(value)}; allowed: ${list(values, false)}` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      const known = issue.path.length === 0 ? Object.keys(ConfigSchema.shape) : [];
      const allowed = known.length === 0 ? { zh: '', en: '' } : { zh: `；可用的键：${known.join('、')}`, en: `; known keys: ${known.join(', ')}` };
      return { 'zh-CN': `未知的键 ${list(keys, true)}${allowed.zh}`, en: `unknown key ${list(keys, false)}${allowed.en}` };
    }
    case 'invalid_type': {
      const expected = issue.expected ?? '?';
      const actual = typeOf(value);
      return { 'zh-CN': `类型错误：应为${typeName(expected)}，实为${typeName(actual)}`, en: `wrong type: expected ${expected}, got ${actual}` };
    }
    case 'invalid_union': {
      // What each alternative would accept: its allowed values, or its type.
      const values = new Set<unknown>();
      const types = new Set<string>();
      for (const branch of issue.errors ?? []) {
        for (const sub of branch) {
          if (sub.code === 'invalid_value' && sub.path.length === 0) for (const v of sub.values ?? []) values.add(v);
          else if (sub.code === 'invalid_type' && sub.path.length === 0 && sub.expected !== undefined) types.add(sub.expected);
          else if (sub.path.length > 0) types.add('object');
        }
      }
      const zh = [...(values.size > 0 ? [list([...values], true)] : []), ...[...types].map(typeName)].join('，或');
      const en = [...(values.size > 0 ? [list([...values], false)] : []), ...types].join(', or ');
      return { 'zh-CN': `值 ${shownValue(value)} 无效，应为 ${zh}`, en: `invalid value ${shownValue(value)}; expected ${en}` };
    }
    case 'invalid_key': {
      const pattern = (issue.issues ?? []).find((i) => i.pattern !== undefined)?.pattern;
      const key = String(issue.path.at(-1) ?? '');
      const form = issue.path[0] === 'parameters' ? { zh: '，应为 规则包名.参数名（如 integrity.incomeTotalTolerance）', en: ', expected pack.parameterName (e.g. integrity.incomeTotalTolerance)' } : { zh: '', en: '' };
      const rule = pattern === undefined ? { zh: '', en: '' } : { zh: `（格式 ${pattern}）`, en: ` (pattern ${pattern})` };
      return { 'zh-CN': `键 ${JSON.stringify(key)} 的格式不对${form.zh}${rule.zh}`, en: `key ${JSON.stringify(key)} is malformed${form.en}${rule.en}` };
    }
    case 'too_small':
      if (issue.origin === 'string') return { 'zh-CN': '不能为空字符串', en: 'must not be an empty string' };
      return { 'zh-CN': `至少应有 ${String(issue.minimum ?? 1)} 项`, en: `needs at least ${String(issue.minimum ?? 1)} item(s)` };
    default:
      return { 'zh-CN': `无效：${issue.message}`, en: issue.message };
  }
}
