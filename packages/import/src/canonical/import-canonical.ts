import { visit } from 'jsonc-parser';
import { jsonSyntaxError } from '@jixiao/core';
import { failure, type ImportDiagnostic, type ImportResult } from '../diagnostics.js';
import { codeOf, hasUnreadable, MAX_CHARACTER_DIAGNOSTICS } from '../text/characters.js';
import { FORM_LIMITS, tooLarge } from '../text/limits.js';
import { fromValue } from './from-value.js';

/** `income.total`, `disclosure.channels[1]` for a path of keys and indices. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * What `JSON.parse` passes over in silence: a key given twice in one object (the last one wins, so a reviewer and
 * the checker may read different values) and strings holding control characters or unpaired surrogates. One pass
 * of jsonc-parser's visitor over the text (VS Code's JSON scanner), which reports each with its line.
 */
function silentProblems(text: string): ImportDiagnostic[] {
  const problems: ImportDiagnostic[] = [];
  const objects: Set<string>[] = [];
  const add = (d: ImportDiagnostic) => {
    if (problems.length < MAX_CHARACTER_DIAGNOSTICS) problems.push(d);
  };
  const unreadable = (value: string, path: string, line: number, column: number) => {
    const bad = Array.from(value).find((c) => hasUnreadable(c)) ?? '';
    add({
      code: 'unreadable-character',
      severity: 'error',
      path,
      line,
      column,
      message: { 'zh-CN': `${path}：字符串中有不可见的控制字符或残缺字符（${codeOf(bad)}）。`, en: `${path}: the string holds an invisible control character or a broken character (${codeOf(bad)}).` },
    });
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        objects.push(new Set());
      },
      onObjectEnd: () => {
        objects.pop();
      },
      onObjectProperty: (key, _offset, _length, startLine, startCharacter, pathSupplier) => {
        const path = pathText([...pathSupplier(), key]);
        const seen = objects[objects.length - 1];
        if (seen?.has(key) === true) {
          add({
            code: 'json-duplicate-key',
            severity: 'error',
            path,
            line: startLine + 1,
            column: startCharacter + 1,
            message: { 'zh-CN': `${path} 在同一对象中出现了两次（JSON 只保留后一个值，审核人与检查可能读到不同的值）。`, en: `${path} appears twice in one object (JSON keeps only the last value, so a reviewer and the checker may read different values).` },
          });
        }
        seen?.add(key);
        if (hasUnreadable(key)) unreadable(key, path, startLine + 1, startCharacter + 1);
      },
      onLiteralValue: (value: unknown, _offset, _length, startLine, startCharacter, pathSupplier) => {
        if (typeof value === 'string' && hasUnreadable(value)) unreadable(value, pathText(pathSupplier()), startLine + 1, startCharacter + 1);
      },
    },
    { disallowComments: true },
  );
  return problems;
}

/** How deep the scan for silent problems goes in a document the model rejected (the model's own depth is 5). */
const MAX_SCANNED_DEPTH = 64;

/** The deepest nesting of objects and arrays in JSON text (brackets inside strings do not count). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

/**
 * Read the canonical model written as JSON; zod issues become diagnostics with the field path and its Chinese
 * label. A key given twice in one object, or a string with control characters or unpaired surrogates, is an error
 * with its path and line.
 */
export function importJson(text: string): ImportResult {
  if (text.length > FORM_LIMITS.maxCanonicalChars) return tooLarge('json', FORM_LIMITS.maxCanonicalChars);
  let value: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    value = JSON.parse(body);
  } catch (error) {
    // Where the syntax breaks as a line and column (第 3 行第 10 列), not V8's "at position 373".
    const { message, line, column } = jsonSyntaxError(body, error);
    return failure('json', 'json-invalid', message['zh-CN'], message.en, { line, column });
  }
  const result = fromValue(value, 'json');
  // The recursive visitor reads only a document of bounded depth (a form's is 5): one the model rejects is scanned
  // too, so that a key given twice is named first, before the model's complaints about the value that won.
  if (!result.ok && nestingDepth(body) > MAX_SCANNED_DEPTH) return result;
  const problems = silentProblems(body);
  if (result.ok) return problems.length > 0 ? { ok: false, kind: 'json', diagnostics: problems } : result;
  return problems.length > 0 ? { ...result, diagnostics: [...problems, ...result.diagnostics] } : result;
}
