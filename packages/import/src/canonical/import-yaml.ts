import { isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { yamlSyntaxError } from '@jixiao/core';
import { failure, type ImportDiagnostic, type ImportResult } from '../diagnostics.js';
import { codeOf, hasUnreadable, MAX_CHARACTER_DIAGNOSTICS } from '../text/characters.js';
import { FORM_LIMITS, TOKENS, tooComplex, tooLarge } from '../text/limits.js';
import { fromValue } from './from-value.js';

// In a module of its own so that the YAML parser loads only when a YAML file is read (see `importBuffer`).

/** Strings (keys and values) holding control characters or unpaired surrogates, with their path and line. */
function unreadableStrings(doc: Document, lines: LineCounter): ImportDiagnostic[] {
  const problems: ImportDiagnostic[] = [];
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string' || !hasUnreadable(node.value) || problems.length >= MAX_CHARACTER_DIAGNOSTICS) return;
      const parts: (string | number)[] = [];
      ancestors.forEach((a, i) => {
        if (isPair(a)) parts.push(isScalar(a.key) ? String(a.key.value) : '?');
        else if (isSeq(a)) parts.push(a.items.indexOf(ancestors[i + 1] ?? node));
      });
      const path = parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
      const at = lines.linePos(node.range?.[0] ?? 0);
      const bad = Array.from(node.value).find((c) => hasUnreadable(c)) ?? '';
      problems.push({
        code: 'unreadable-character',
        severity: 'error',
        path,
        line: at.line,
        column: at.col,
        message: { 'zh-CN': `${path}：字符串中有不可见的控制字符或残缺字符（${codeOf(bad)}）。`, en: `${path}: the string holds an invisible control character or a broken character (${codeOf(bad)}).` },
      });
    },
  });
  return problems;
}

/**
 * Read the canonical model written as YAML: aliases capped (no billion-laughs expansion), a key given twice is
 * refused, and a string with control characters or unpaired surrogates is an error with its path and line.
 */
export function importYaml(text: string): ImportResult {
  if (text.length > FORM_LIMITS.maxCanonicalChars) return tooLarge('yaml', FORM_LIMITS.maxCanonicalChars);
  // YAML's own lexer counts the tokens first, lazily and in little memory: the reader's cost grows with them.
  let tokens = 0;
  for (const _token of new Lexer().lex(text)) if (++tokens > FORM_LIMITS.maxYamlTokens) return tooComplex('yaml', 'too-complex', FORM_LIMITS.maxYamlTokens, TOKENS);
  let value: unknown;
  let doc: Document;
  const lines = new LineCounter();
  try {
    // parseDocument rather than parse: the same reading, but warnings come back as data instead of being printed.
    doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: true, lineCounter: lines });
    const [error] = doc.errors;
    if (error !== undefined) throw error;
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Worded by the parser's error code, with line and column, never its English (as a JSON syntax error is).
    const { message, line, column } = yamlSyntaxError(error, lines);
    return failure('yaml', 'yaml-invalid', message['zh-CN'], message.en, line === undefined ? {} : { line, ...(column === undefined ? {} : { column }) });
  }
  const result = fromValue(value, 'yaml');
  if (!result.ok) return result;
  const problems = unreadableStrings(doc, lines);
  return problems.length > 0 ? { ok: false, kind: 'yaml', diagnostics: problems } : result;
}
