import { patternSafetyIssue } from './safe-pattern.js';
import type { Template } from './schema.js';

/** One problem with a template file: where (file, 1-based line, path in the template) and what. */
export interface TemplateIssue {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly path: string;
  readonly message: string;
}

export class TemplateLoadError extends Error {
  readonly code = 'TEMPLATE_INVALID';
  constructor(
    readonly source: string,
    readonly issues: readonly TemplateIssue[],
  ) {
    super(`template ${source} is invalid:\n${issues.map(formatTemplateIssue).join('\n')}`);
    this.name = 'TemplateLoadError';
  }
}

/** `t1.yaml:12 fields.3.labels.0: …` */
export function formatTemplateIssue(i: TemplateIssue): string {
  const where = `${i.file ?? ''}${i.line === undefined ? '' : `:${String(i.line)}`}`;
  return `  ${where === '' ? '' : `${where} `}${i.path === '' ? '(root)' : i.path}: ${i.message}`;
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
export function templateSemanticIssues(t: Template): { path: TemplatePath; message: string }[] {
  const issues: { path: TemplatePath; message: string }[] = [];
  for (const { path, source } of templatePatterns(t)) {
    try {
      // An empty alternative makes every pattern match '': the match's length is 1 + its number of groups.
      const groups = (new RegExp(`${source}|`, 'u').exec('')?.length ?? 1) - 1;
      if (path[0] === 'prose' && groups === 0) issues.push({ path, message: '正则表达式没有捕获组（第一组是值） / the pattern has no capturing group (the first group is the value)' });
      const unsafe = patternSafetyIssue(source);
      if (unsafe !== undefined) issues.push({ path, message: `正则表达式可能灾难性回溯 / the pattern can backtrack catastrophically: ${unsafe}` });
    } catch (error) {
      issues.push({ path, message: `正则表达式无效 / invalid regular expression: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => { visit(v, [...path, i]); });
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    else if (typeof value === 'string' && (path.at(-2) === 'labels' || path.at(-2) === 'strip' || path.at(-2) === 'after' || path.at(-2) === 'titleLabels') && OPTIONAL_CHARS.test(value)) {
      issues.push({ path, message: '标签只有空白、引号或顿号，会匹配空文本 / the label has only spaces, quotes or 、 and would match empty text' });
    }
  };
  visit(t, []);
  t.blocks.forEach((b, i) => {
    if (b.read === 'text' && b.path === undefined) issues.push({ path: ['blocks', i, 'path'], message: 'read: text 需要 path / read: text needs a path' });
  });
  t.tables.forEach((table, i) => {
    if (table.layout !== 'grid') return;
    const ids = new Set(table.columns.map((c) => c.id));
    table.rows.forEach((row, r) => {
      for (const key of Object.keys(row.cells)) if (!ids.has(key)) issues.push({ path: ['tables', i, 'rows', r, 'cells', key], message: `没有 id 为“${key}”的列 / no column with id "${key}"` });
    });
  });
  return issues;
}

