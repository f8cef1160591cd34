import { LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod';
import { MAX_JSON_DEPTH, nestingTooDeepAt, parseStrictJson, tooDeepIssue } from '../pack/json.js';
import { yamlSyntaxError } from '../pack/yaml-syntax.js';
import { TemplateSchema, type Template } from './schema.js';
import { TemplateLoadError, templateSchemaMessage, templateSemanticIssues, type TemplateIssue, type TemplatePath } from './validate.js';

/*
 * Reading template files: JSON or YAML text → a validated template, every issue with its line. (Its own module:
 * the YAML parser loads only where template files are read, not with every use of core.)
 */

/**
 * Parse and validate a template file's text (JSON or YAML; JSON is read as YAML, so both get line numbers).
 * Returns the template, or every issue with its line. Never throws. Whether a pattern can backtrack
 * catastrophically is checked apart (`@jixiao/core/node`'s loader), as that check is slow.
 */
export function parseTemplateText(text: string, file?: string): { readonly template?: Template; readonly issues: readonly TemplateIssue[] } {
  // The YAML parser recurses: a text nested deeper than any template is refused before it runs out of stack.
  const deep = nestingTooDeepAt(text, MAX_JSON_DEPTH, { strings: false });
  if (deep !== undefined) {
    const issue = tooDeepIssue(text, deep, MAX_JSON_DEPTH);
    return { issues: [{ file, line: issue.line, path: '', message: issue.message }] };
  }
  // A template written as JSON is held to JSON: its syntax error reads as a config or pack file's does (the YAML
  // parser, which reads it for the line numbers, would forgive a trailing comma and word the error in English).
  if (file !== undefined && /\.json$/i.test(file)) {
    const strict = parseStrictJson(text);
    if (!strict.ok) return { issues: [{ file, line: strict.issue.line, column: strict.issue.column, path: strict.issue.path ?? '', message: strict.issue.message }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const { message, line, column } = yamlSyntaxError(e, lineCounter);
        return { file, line, column, path: '', message };
      }),
    };
  }
  // Where the value at a path is (or its nearest ancestor that exists): line and column, 1-based.
  const lineOf = (path: TemplatePath): { line?: number; column?: number } => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range !== undefined) {
        const { line, col } = lineCounter.linePos(range[0]);
        return { line, column: col };
      }
    }
    return {};
  };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { issues: [{ file, path: '', message: { 'zh-CN': `无法读取：${why}`, en: `cannot be read: ${why}` } }] };
  }
  const parsed = TemplateSchema.safeParse(raw);
  if (!parsed.success) return { issues: zodTemplateIssues(parsed.error.issues, raw, file, lineOf) };
  const semantic = templateSemanticIssues(parsed.data);
  if (semantic.length > 0) return { issues: semantic.map((i) => ({ file, ...lineOf(i.path), path: i.path.join('.'), message: i.message })) };
  return { template: parsed.data, issues: [] };
}

function zodTemplateIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, file: string | undefined, lineOf: (path: TemplatePath) => { line?: number; column?: number }): TemplateIssue[] {
  return issues.flatMap((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // An unknown key is named at its own place, one issue per key (as the pack kit does).
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => {
        const at = [...path, key];
        return { file, ...lineOf(at), path: at.join('.'), message: { 'zh-CN': `未知字段：${key}`, en: `unknown field: ${key}` } };
      });
    }
    return [{ file, ...lineOf(path), path: path.join('.'), message: templateSchemaMessage(i, raw) }];
  });
}

/** {@link parseTemplateText}, throwing a TemplateLoadError with every issue. */
export function loadTemplateText(text: string, file?: string): Template {
  const { template, issues } = parseTemplateText(text, file);
  if (template === undefined) throw new TemplateLoadError(file ?? 'template', issues);
  return template;
}
