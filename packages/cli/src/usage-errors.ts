/**
 * Commander's usage errors (an unknown option, a value outside an option's choices, a missing argument …) in
 * Chinese first, the English original after it, as every other message of the CLI reads. Commander words its
 * errors in English only and offers no message table; its few fixed sentences are recognised here and anything
 * else is passed on unchanged, so a newer commander can only lose the Chinese half, never the message.
 */

interface UsagePattern {
  readonly english: RegExp;
  /** The Chinese sentence from the English one's groups (an optional group that did not match is undefined). */
  readonly chinese: (group: (index: number) => string | undefined) => string;
}

/** `（是否想用 --format？）` for commander's "(Did you mean --format?)", when it made a guess. */
const guessed = (guess: string | undefined) => (guess === undefined ? '' : `（是否想用 ${guess}？）`);

/** Each sentence as commander 14 writes it (lib/command.js), after its `error: ` prefix. */
const PATTERNS: readonly UsagePattern[] = [
  { english: /^unknown option '([^']*)'(?:\s*\(Did you mean (\S+)\?\))?$/, chinese: (g) => `未知选项 ${g(1) ?? ''}${guessed(g(2))}` },
  { english: /^unknown command '([^']*)'(?:\s*\(Did you mean (\S+)\?\))?$/, chinese: (g) => `未知命令 ${g(1) ?? ''}${guessed(g(2))}` },
  {
    english: /^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/,
    chinese: (g) => `选项 ${g(1) ?? ''} 的值 ${g(2) ?? ''} 无效，可选：${(g(3) ?? '').split(', ').join('、')}`,
  },
  { english: /^option '([^']*)' argument '([^']*)' is invalid\.\s*(.*)$/, chinese: (g) => `选项 ${g(1) ?? ''} 的值 ${g(2) ?? ''} 无效${g(3) === '' ? '' : `：${g(3) ?? ''}`}` },
  { english: /^option '([^']*)' argument missing$/, chinese: (g) => `选项 ${g(1) ?? ''} 缺少取值` },
  { english: /^missing required argument '([^']*)'$/, chinese: (g) => `缺少必需的参数 ${g(1) ?? ''}` },
  { english: /^required option '([^']*)' not specified$/, chinese: (g) => `缺少必需的选项 ${g(1) ?? ''}` },
  {
    english: /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    chinese: (g) => `${g(1) === undefined ? '' : `命令 ${g(1) ?? ''} 的`}参数过多：应为 ${g(2) ?? ''} 个，实为 ${g(3) ?? ''} 个`,
  },
  { english: /^(.*) cannot be used with (.*)$/, chinese: (g) => `${g(1) ?? ''} 不能与 ${g(2) ?? ''} 同时使用` },
];

/** One usage error as the CLI prints it: `错误：… / error: …` (the input as it is when commander's wording is not known). */
export function bilingualUsageError(message: string): string {
  const text = message.replace(/\n+$/, '');
  const english = /^error: (.*)$/s.exec(text)?.[1];
  if (english === undefined) return message;
  for (const pattern of PATTERNS) {
    const match = pattern.english.exec(english);
    if (match !== null) return `错误：${pattern.chinese((i) => match[i])} / ${text}\n`;
  }
  return message;
}
