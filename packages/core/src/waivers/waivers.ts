import * as z from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { MAX_JSON_DEPTH, nestingTooDeepAt, parseStrictJson, tooDeepIssue } from '../pack/json.js';
import { IsoDateSchema } from '../model/evaluation.js';
import { positionOf, type LintIssue } from '../pack/lint.js';
import { yamlSyntaxError } from '../pack/yaml-syntax.js';
import { packSchemaMessage } from '../pack/schema-messages.js';
import type { WaiverRef } from './apply.js';

/**
 * Waivers: a reviewer accepts a rule's failure for one unit (and optionally one fiscal year), with a reason,
 * an approver and an expiry date. A waived failure is counted as waived, not as a failure; an expired waiver
 * no longer waives and is itself a warning; a waiver that waived nothing is reported as unused.
 */

export const WaiverSchema = z.strictObject({
  rule: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: '规则 id 应为 pack/rule-name / rule id must be pack/rule-name' })
    .meta({ description: 'Rule id waived, e.g. staffing/within-quota' }),
  unit: z.string().trim().min(1).meta({ description: '单位名称, exactly as on the form (unit.name)' }),
  year: z.number().int().min(1949).max(2200).optional().meta({ description: 'Fiscal year; without it the waiver covers every year' }),
  reason: z.string().trim().min(1).meta({ description: '豁免理由 (reason)' }),
  approver: z.string().trim().min(1).meta({ description: '批准人 (who approved the waiver)' }),
  expires: IsoDateSchema.meta({ description: 'Last day the waiver is valid (YYYY-MM-DD, inclusive)' }),
  granted: IsoDateSchema.optional().meta({ description: 'Day the waiver was granted' }),
  reference: z.string().optional().meta({ description: '文号 or ticket of the approval' }),
});
export type Waiver = z.infer<typeof WaiverSchema>;

export const WaiverFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    waivers: z.array(WaiverSchema),
  })
  .meta({ title: 'jixiao waiver file', description: 'Rule failures a reviewer waived for a unit (and year), with reason, approver and expiry.' });
export type WaiverFile = z.infer<typeof WaiverFileSchema>;

export interface ParseWaiverOptions {
  /**
   * The ids of the rules loaded: a waiver naming any other rule is an error (a misspelt id, or a pack not selected,
   * would otherwise waive nothing, in silence). Without it, rule ids are checked for their form only.
   */
  readonly rules?: Iterable<string>;
}

/** Parse a waiver file (JSON or YAML text); issues carry the file, line and path. */
export function parseWaiverFile(text: string, file: string, options: ParseWaiverOptions = {}): { ok: true; value: WaiverFile } | { ok: false; issues: LintIssue[] } {
  const deep = nestingTooDeepAt(text, MAX_JSON_DEPTH, { strings: false });
  if (deep !== undefined) {
    const issue = tooDeepIssue(text, deep, MAX_JSON_DEPTH);
    return { ok: false, issues: [{ level: 'error', code: issue.code, file, line: issue.line, column: issue.column, path: '', message: issue.message }] };
  }
  // A waiver file written as JSON is held to JSON (the YAML parser would forgive a trailing comma and word a syntax
  // error in English): its error reads as a config or pack file's does.
  if (/\.json$/i.test(file)) {
    const strict = parseStrictJson(text);
    if (!strict.ok) {
      const { code, line, column, message } = strict.issue;
      return { ok: false, issues: [{ level: 'error', code, file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), path: strict.issue.path ?? '', message }] };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        // Worded by the parser's error code in both languages, never its English (as a JSON syntax error is).
        const { message, line, column } = yamlSyntaxError(e, lineCounter);
        return { level: 'error' as const, code: 'yaml', file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), path: '', message };
      }),
    };
  }
  const root: unknown = doc.toJS();
  const parsed = WaiverFileSchema.safeParse(root);
  if (parsed.success) {
    const unknown = options.rules === undefined ? [] : unknownRules(parsed.data, new Set(options.rules), text, file);
    return unknown.length === 0 ? { ok: true, value: parsed.data } : { ok: false, issues: unknown };
  }
  // One issue per path (a bad date fails both the format and the calendar check).
  const seen = new Set<string>();
  const firstPerPath = parsed.error.issues.filter((i) => {
    const key = i.path.map(String).join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    ok: false,
    issues: firstPerPath.map((i) => {
      const pos = positionOf(text, i.path.filter((p): p is string | number => typeof p !== 'symbol'));
      return {
        level: 'error' as const,
        code: 'schema',
        file,
        ...(pos ?? {}),
        path: i.path.map(String).join('.'),
        // Worded as a pack file's problems are (缺少必填字段“reason”, 类型错误：应为文本，实为数字 2021 …), never zod's English.
        message: packSchemaMessage(i, root),
      };
    }),
  };
}

/** A waiver for a rule that is not loaded: an error at its `rule`. */
function unknownRules(value: WaiverFile, loaded: ReadonlySet<string>, text: string, file: string): LintIssue[] {
  return value.waivers.flatMap((w, i) => {
    if (loaded.has(w.rule)) return [];
    const pos = positionOf(text, ['waivers', i, 'rule']);
    return [
      {
        level: 'error' as const,
        code: 'unknown-rule',
        file,
        ...(pos ?? {}),
        path: `waivers.${String(i)}.rule`,
        message: {
          'zh-CN': `规则 ${w.rule} 未加载（规则编号拼写有误，或未选其规则包）`,
          en: `rule ${w.rule} is not loaded (a misspelt rule id, or its pack is not selected)`,
        },
      },
    ];
  });
}

/** Waivers of a parsed file, with their source and index. */
export function waiverRefs(file: WaiverFile, source: string): WaiverRef[] {
  return file.waivers.map((waiver, index) => ({ waiver, source, index }));
}
