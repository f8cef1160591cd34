import type * as z from 'zod';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { FIELD_PATHS } from '../model/labels.js';
import { closest } from '../pack/closest.js';
import { packSchemaMessage } from '../pack/schema-messages.js';
import { patternSafetyIssue } from './safe-pattern.js';
import type { Template } from './schema.js';

/** One problem with a template file: where (file, 1-based line and column, path in the template) and what, in zh-CN and English. */
export interface TemplateIssue {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly path: string;
  readonly message: LocalizedText;
}

/** `zh / en` as one text (an Error's message, a log line). */
export const bothLocales = (m: LocalizedText): string => `${m['zh-CN']} / ${m.en}`;

/** A message written `zh / en` in one string (the schema's custom messages) as both locales. */
export function splitLocales(message: string): LocalizedText {
  const at = message.indexOf(' / ');
  return at < 0 ? { 'zh-CN': message, en: message } : { 'zh-CN': message.slice(0, at), en: message.slice(at + 3) };
}

/**
 * A schema problem of a template file in words an author acts on, zh-CN and English, like the pack kit's: a missing
 * translation or field named as such, a wrong type with the value found; a field path that is not in the model
 * with the closest one (never the model's 800-odd paths listed).
 */
export function templateSchemaMessage(issue: z.core.$ZodIssue, root: unknown): LocalizedText {
  if (issue.code === 'invalid_value' && issue.values.length > 20) {
    let value: unknown = root;
    for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    const near = typeof value === 'string' ? closest(value, FIELD_PATHS) : undefined;
    return {
      'zh-CN': `“${shown}”不是规范模型中的字段路径${near === undefined ? '（全部路径：jixiao pack facts）' : `；是否应为 ${near}？`}`,
      en: `"${shown}" is not a field path of the canonical model${near === undefined ? ' (every path: jixiao pack facts)' : `; did you mean ${near}?`}`,
    };
  }
  return packSchemaMessage(issue, root);
}

export class TemplateLoadError extends Error {
  readonly code = 'TEMPLATE_INVALID';
  constructor(
    readonly source: string,
    readonly issues: readonly TemplateIssue[],
  ) {
    super(`template ${source} is invalid:\n${issues.map((i) => `  ${formatTemplateIssue(i)}`).join('\n')}`);
    this.name = 'TemplateLoadError';
  }
}

/**
 * One issue on one line, as the pack kit prints its own: `t1.yaml:12:9  错误  message  [fields.3.labels.0]` in one
 * locale, or — without one — both (`zh / en`, for an Error's message).
 */
export function formatTemplateIssue(i: TemplateIssue, locale?: Locale): string {
  const where = `${i.file ?? ''}${i.line === undefined ? '' : `:${String(i.line)}${i.column === undefined ? '' : `:${String(i.column)}`}`}`;
  const level = locale === 'en' ? 'error' : '错误';
  const message = locale === undefined ? bothLocales(i.message) : i.message[locale];
  return `${where === '' ? '' : `${where}  `}${level}  ${message}${i.path === '' ? '' : `  [${i.path}]`}`;
}

/** Characters a label may have that match nothing by themselves (labelPattern makes them optional). */
const OPTIONAL_CHARS = /^[\s“”"‘’'「」、]*$/u;

export type TemplatePath = readonly (string | number)[];

/** Every regular expression of a template (detection signals, prose), with its path. */
export function templatePatterns(t: Template): { path: TemplatePath; source: string }[] {
  const out: { path: TemplatePath; source: string }[] = [];
  t.detection.signals.forEach((s, i) => {
    if (s.pattern !== undefined) out.push({ path: ['detection', 'signals', i, 'pattern'], source: s.pattern });
  });
  t.prose.forEach((p, i) => {
    if (p.pattern !== undefined) out.push({ path: ['prose', i, 'pattern'], source: p.pattern });
  });
  return out;
}

/** Checks beyond the schema: patterns compile (with a capture group for prose), labels can match, grid cells name columns. */
export function templateSemanticIssues(t: Template): { path: TemplatePath; message: LocalizedText }[] {
  const issues: { path: TemplatePath; message: LocalizedText }[] = [];
  for (const { path, source } of templatePatterns(t)) {
    try {
      // An empty alternative makes every pattern match '': the match's length is 1 + its number of groups.
      const groups = (new RegExp(`${source}|`, 'u').exec('')?.length ?? 1) - 1;
      if (path[0] === 'prose' && groups === 0) issues.push({ path, message: { 'zh-CN': '正则表达式没有捕获组（第一组是值）', en: 'the pattern has no capturing group (the first group is the value)' } });
      const unsafe = patternSafetyIssue(source);
      if (unsafe !== undefined) issues.push({ path, message: { 'zh-CN': `正则表达式可能灾难性回溯：${unsafe}`, en: `the pattern can backtrack catastrophically: ${unsafe}` } });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      issues.push({ path, message: { 'zh-CN': `正则表达式无效：${why}`, en: `invalid regular expression: ${why}` } });
    }
  }
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => { visit(v, [...path, i]); });
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    else if (typeof value === 'string' && (path.at(-2) === 'labels' || path.at(-2) === 'strip' || path.at(-2) === 'after' || path.at(-2) === 'titleLabels') && OPTIONAL_CHARS.test(value)) {
      issues.push({ path, message: { 'zh-CN': '标签只有空白、引号或顿号，会匹配空文本', en: 'the label has only spaces, quotes or 、 and would match empty text' } });
    }
  };
  visit(t, []);
  t.blocks.forEach((b, i) => {
    if (b.read === 'text' && b.path === undefined) issues.push({ path: ['blocks', i, 'path'], message: { 'zh-CN': 'read: text 需要 path（文本写入的字段）', en: 'read: text needs a path (the field the text goes to)' } });
  });
  t.tables.forEach((table, i) => {
    if (table.layout !== 'grid') return;
    const ids = new Set(table.columns.map((c) => c.id));
    table.rows.forEach((row, r) => {
      for (const key of Object.keys(row.cells)) if (!ids.has(key)) issues.push({ path: ['tables', i, 'rows', r, 'cells', key], message: { 'zh-CN': `没有 id 为“${key}”的列`, en: `no column with id "${key}"` } });
    });
  });
  return issues;
}

