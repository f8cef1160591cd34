import { visit } from 'jsonc-parser';
import type { LocalizedText } from '../i18n/locale.js';

/**
 * Strict JSON for the files a user or a pack author writes (config, pack manifests and rule files): what
 * `JSON.parse` accepts, minus what it forgives silently. A key written twice in one object (JSON.parse keeps
 * the last one, so a second `"severity"` would quietly win) and nesting deeper than any real file needs (a
 * 60,000-deep `not` would overflow the validator's stack) are errors, each with its line and column.
 */

/** Nesting depth allowed in a config or pack file: the deepest bundled rule nests 9 levels. */
export const MAX_JSON_DEPTH = 64;

/** Why a text is not strict JSON, with where (1-based line and column) when known. */
export interface JsonIssue {
  readonly code: 'json' | 'duplicate-key' | 'too-deep';
  readonly message: LocalizedText;
  readonly line?: number;
  readonly column?: number;
  /** Dotted path of the object holding a duplicate key. */
  readonly path?: string;
}

export type StrictJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: JsonIssue };

/** 1-based line and column (UTF-16 units) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The offset where nesting of `[` and `{` first goes deeper than `max`, scanning once (no recursion). With
 * `strings`, brackets inside JSON strings are skipped (exact for JSON). Without, every bracket counts and the depth
 * never drops below 0: for YAML, where a quote may be plain text, this can only over-count, so nothing deep slips
 * through to a recursive parser (the `yaml` package exhausts its stack on a 60,000-deep flow collection).
 */
export function nestingTooDeepAt(text: string, max: number, options: { strings: boolean } = { strings: true }): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22 && options.strings) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if ((c === 0x7d || c === 0x5d) && depth > 0) depth--;
  }
  return undefined;
}

/** The "too deep" issue for a text whose nesting passes `max` at `offset`. */
export function tooDeepIssue(text: string, offset: number, max: number): JsonIssue {
  return {
    code: 'too-deep',
    ...lineColumn(text, offset),
    message: { 'zh-CN': `嵌套超过 ${String(max)} 层，不予读取`, en: `nested deeper than ${String(max)} levels: not read` },
  };
}

/** The first key written twice in one object, with its offset and the path of the object. */
function firstDuplicateKey(text: string): { key: string; offset: number; path: string } | undefined {
  const keys: Set<string>[] = [];
  let found: { key: string; offset: number; path: string } | undefined;
  visit(text, {
    onObjectBegin: () => {
      keys.push(new Set());
      return found === undefined;
    },
    onObjectEnd: () => {
      keys.pop();
    },
    onObjectProperty: (key, offset, _length, _line, _column, pathSupplier) => {
      const seen = keys.at(-1);
      if (found !== undefined || seen === undefined) return;
      if (seen.has(key)) found = { key, offset, path: pathSupplier().map(String).join('.') };
      seen.add(key);
    },
  });
  return found;
}

/** Where jsonc-parser, held to JSON's own grammar (no comments, no trailing commas), first finds the text broken. */
function firstSyntaxErrorOffset(text: string): number | undefined {
  let offset: number | undefined;
  visit(text, { onError: (_error, at) => { offset ??= at; } }, { disallowComments: true, allowTrailingComma: false });
  return offset;
}

/**
 * What `JSON.parse(text)` threw, for a person: the reason without V8's offset ("… in JSON at position 373"; Node 22
 * adds "(line 3 column 5)") and without the stretch of the file V8 quotes for some errors (`Unexpected token '}',
 * ..."b": ⏎}" is not valid JSON`, line breaks and all), and the line and column where the text breaks: V8's offset
 * when it gives one, else where jsonc-parser finds the first error.
 */
export function jsonSyntaxError(text: string, error: unknown): { reason: string; line?: number; column?: number } {
  const detail = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(detail);
  const offset = at ? Number(at[1]) : firstSyntaxErrorOffset(text);
  const reason = detail.replace(/\s*(?:in JSON )?at position \d+.*$/, '').replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '');
  return { reason, ...(offset === undefined ? {} : lineColumn(text, offset)) };
}

/**
 * Parse strict JSON: `JSON.parse`'s grammar, with duplicate keys and nesting deeper than `maxDepth` refused.
 * A syntax error says where (line and column, not "position 373").
 */
export function parseStrictJson(text: string, maxDepth: number = MAX_JSON_DEPTH): StrictJsonResult {
  const deep = nestingTooDeepAt(text, maxDepth);
  if (deep !== undefined) return { ok: false, issue: tooDeepIssue(text, deep, maxDepth) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { reason, ...where } = jsonSyntaxError(text, error);
    return { ok: false, issue: { code: 'json', ...where, message: { 'zh-CN': `不是有效的 JSON：${reason}`, en: `not valid JSON: ${reason}` } } };
  }
  const dup = firstDuplicateKey(text);
  if (dup !== undefined) {
    const where = dup.path === '' ? '' : ` (${dup.path})`;
    return {
      ok: false,
      issue: {
        code: 'duplicate-key',
        ...lineColumn(text, dup.offset),
        ...(dup.path === '' ? {} : { path: dup.path }),
        message: { 'zh-CN': `键 "${dup.key}" 在同一对象中出现两次${where}`, en: `key "${dup.key}" appears twice in the same object${where}` },
      },
    };
  }
  return { ok: true, value };
}

/** `file:line:column` (as far as known) for messages. */
export function jsonIssueWhere(file: string, issue: Pick<JsonIssue, 'line' | 'column'>): string {
  return `${file}${issue.line === undefined ? '' : `:${String(issue.line)}${issue.column === undefined ? '' : `:${String(issue.column)}`}`}`;
}
