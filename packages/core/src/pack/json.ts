import { visit } from 'jsonc-parser';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import { JSON_SYNTAX_MESSAGES } from '../i18n/messages.js';
import { visibleText } from '../i18n/visible.js';
import { capExcerpt } from '../result/report.js';

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

/** What kind of syntax error, as worded in {@link JSON_SYNTAX_MESSAGES}. */
export type JsonSyntaxKind = Exclude<keyof (typeof JSON_SYNTAX_MESSAGES)['en'], 'invalid'>;

/**
 * V8's messages by kind (Node 20 and 22: "Expected ',' or '}' after property value in JSON at position 12"; older
 * ones: "Unexpected token } in JSON at position 8"). A message not listed here is `other`: still worded by us.
 */
const V8_KINDS: readonly (readonly [RegExp, JsonSyntaxKind])[] = [
  [/^Unexpected end of JSON input/, 'end'],
  [/^Unterminated string/, 'unterminatedString'],
  [/^Expected (?:property name or '\}'|double-quoted property name)/, 'propertyName'],
  [/^Expected ':'/, 'colon'],
  [/^Expected ',' or '\}'/, 'commaOrBrace'],
  [/^Expected ',' or '\]'/, 'commaOrBracket'],
  [/^Unexpected non-whitespace character after JSON/, 'afterEnd'],
  [/^Bad (?:escaped character|Unicode escape)/, 'escape'],
  [/^Bad control character/, 'controlCharacter'],
  [/^(?:No number after minus sign|Exponent part is missing a number|Unterminated fractional number)/, 'number'],
  [/^Unexpected (?:token|number|string)/, 'unexpected'],
];

/** Code points of the file a syntax error quotes. */
const QUOTE_LIMIT = 16;

/**
 * The first character outside strings that jsonc-parser takes for whitespace but JSON does not (a no-break space,
 * a vertical tab, U+2028 …): `JSON.parse` stops there, jsonc-parser reads on.
 */
function firstStrayWhitespace(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (/[\s\u200b]/.test(c) && !/[ \t\n\r]/.test(c)) return i;
  }
  return undefined;
}

/** The offset just after the last character that is not JSON whitespace. */
const endOfContent = (text: string): number => text.replace(/[ \t\n\r]+$/, '').length;

/**
 * The stretch of the file a reason quotes: from `offset` to the end of its line, at most {@link QUOTE_LIMIT} code
 * points (`…` when cut); where nothing follows on the line (the text ends there), what precedes it on its line.
 */
function quoteAt(text: string, offset: number, backward: boolean): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const rest = /^[^\n\r]*/.exec(text.slice(offset))?.[0] ?? '';
  if (!backward && rest !== '') return capExcerpt(rest, QUOTE_LIMIT);
  const points = Array.from(text.slice(lineStart, offset).replace(/[ \t]+$/, ''));
  return points.length <= QUOTE_LIMIT ? points.join('') : `…${points.slice(-QUOTE_LIMIT).join('')}`;
}

const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The character before `offset`, whitespace skipped. */
const previousToken = (text: string, offset: number): string => /(\S)\s*$/.exec(text.slice(0, offset))?.[1] ?? '';

/**
 * What `JSON.parse(text)` threw, for a person, in every report language: the kind of error (V8's English message
 * classified, {@link JSON_SYNTAX_MESSAGES}), the stretch of the file where it breaks (one line, at most 16 code
 * points; shown to a person through `visibleText`, as it may hold control characters), and the line and column:
 * V8's offset when it gives one, else where jsonc-parser (or, for whitespace JSON does not allow, our own scan) first
 * finds the text broken; for an unexpected end, the end of the text.
 */
export function jsonSyntaxError(text: string, error: unknown): { message: LocalizedText; kind: JsonSyntaxKind; line: number; column: number } {
  const detail = error instanceof Error ? error.message : String(error);
  let kind: JsonSyntaxKind = V8_KINDS.find(([pattern]) => pattern.test(detail))?.[1] ?? 'other';
  const at = /at position (\d+)/.exec(detail);
  const found = [firstSyntaxErrorOffset(text), firstStrayWhitespace(text)].filter((o): o is number => o !== undefined);
  let offset = at ? Number(at[1]) : found.length > 0 ? Math.min(...found) : undefined;
  if (kind === 'end' || offset === undefined || offset > text.length) offset = endOfContent(text);
  // "Expected ',' or ']'" where nothing follows: the text was cut short, not written wrong.
  else if (offset >= endOfContent(text) && kind !== 'unterminatedString') kind = 'end';
  // V8 stops after the part of a number or an escape it could read: the place and the quote start at the number
  // (`-}`, `1e}`) or at the backslash (`\q`, `\u12"`).
  if (kind === 'number') offset = text.slice(0, offset).search(/[-+0-9.eE]*$/);
  const backslash = text.lastIndexOf('\\', offset);
  if (kind === 'escape' && backslash >= 0 && backslash >= offset - 5) offset = backslash;
  const char = String.fromCodePoint(text.codePointAt(offset) ?? 0x20);
  const before = previousToken(text, offset);
  if (endOfContent(text) === 0) kind = 'empty';
  else if ((kind === 'unexpected' || kind === 'propertyName') && (char === '}' || char === ']') && before === ',') kind = 'trailingComma';
  else if (kind === 'unexpected' && (char === '}' || char === ']' || char === ',') && before === ':') kind = 'value';
  else if (kind === 'unexpected' && offset < text.length && (/\s/.test(char) || visibleText(char) !== char)) kind = 'unexpectedCharacter';
  const quote = quoteAt(text, offset, kind === 'end' || kind === 'unterminatedString');
  const word = (locale: Locale): string => {
    const m = JSON_SYNTAX_MESSAGES[locale];
    const reason = m[kind].replace('{quote}', () => quote).replace('{code}', codePoint(char));
    return m.invalid.replace('{reason}', () => reason);
  };
  return { message: { 'zh-CN': word('zh-CN'), en: word('en') }, kind, ...lineColumn(text, offset) };
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
    const { message, line, column } = jsonSyntaxError(text, error);
    return { ok: false, issue: { code: 'json', message, line, column } };
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
