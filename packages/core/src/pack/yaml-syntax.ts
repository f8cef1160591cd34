import type { LineCounter, YAMLError } from 'yaml';
import type { LocalizedText } from '../i18n/locale.js';
import { YAML_SYNTAX_MESSAGES } from '../i18n/messages.js';

type YamlReason = Exclude<keyof (typeof YAML_SYNTAX_MESSAGES)['zh-CN'], 'invalid' | 'other'>;

const isReason = (code: string): code is YamlReason => code !== 'invalid' && code !== 'other' && Object.hasOwn(YAML_SYNTAX_MESSAGES['zh-CN'], code);

/**
 * A YAML parse error for a person, in every report language (as {@link jsonSyntaxError} words JSON's): the kind by
 * the `yaml` package's error code ({@link YAML_SYNTAX_MESSAGES}; a code without a sentence of its own is named in a
 * generic one), never the parser's English; with the line and column (1-based) where the parser found it. An error
 * that is not the parser's (a thrown `Error` without a code) is worded as `other`.
 */
export function yamlSyntaxError(error: unknown, lineCounter: LineCounter): { message: LocalizedText; code: string; line?: number; column?: number } {
  const e = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? (error as Pick<YAMLError, 'code' | 'pos'>) : undefined;
  const code = e?.code ?? 'UNKNOWN';
  const word = (locale: keyof typeof YAML_SYNTAX_MESSAGES): string => {
    const m = YAML_SYNTAX_MESSAGES[locale];
    const reason = isReason(code) ? m[code] : m.other.replace('{code}', code);
    return m.invalid.replace('{reason}', () => reason);
  };
  const at = e === undefined ? undefined : lineCounter.linePos(e.pos[0]);
  return { message: { 'zh-CN': word('zh-CN'), en: word('en') }, code, ...(at === undefined ? {} : { line: at.line, column: at.col }) };
}
