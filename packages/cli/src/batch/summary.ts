import type { Locale } from '@jixiao/core';
import { formIdentity, gradeOf } from '@jixiao/adapters';
import type { FileOutcome } from './check-file.js';
import { byPath, type IgnoredInput, type IgnoreReason, type SkippedInput } from './collect.js';
import { terminalText } from '../terminal.js';

/** A reason's lines (it may hold several diagnostics), each shown as one line. */
const indent = (text: string, pad: string) => text.split('\n').map((l) => `${pad}${terminalText(l)}`).join('\n');

/** Every path that was not checked (collection skips and unreadable files), sorted by path. */
export function unreadableList(outcomes: readonly FileOutcome[], skipped: readonly SkippedInput[]): SkippedInput[] {
  const list: SkippedInput[] = [...skipped];
  for (const o of outcomes) if (!o.ok) list.push({ source: o.source, reason: o.reason });
  return list.sort((a, b) => byPath(a.source, b.source));
}

const IGNORE_WORDS: Readonly<Record<IgnoreReason, { 'zh-CN': string; en: string }>> = {
  hidden: { 'zh-CN': '隐藏文件或文件夹', en: 'hidden files or folders' },
  'lock-file': { 'zh-CN': 'Office 锁定文件', en: 'Office lock files' },
  pattern: { 'zh-CN': '--ignore', en: '--ignore' },
};

/** `已忽略 4 个（隐藏文件或文件夹 2，Office 锁定文件 1，--ignore 1）`: what was left out on purpose, by reason. */
function ignoredLine(ignored: readonly IgnoredInput[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  const counts = (Object.keys(IGNORE_WORDS) as IgnoreReason[]).map((why) => [why, ignored.filter((i) => i.why === why).length] as const).filter(([, n]) => n > 0);
  const parts = counts.map(([why, n]) => `${IGNORE_WORDS[why][locale]} ${String(n)}`).join(zh ? '，' : ', ');
  return zh ? `已忽略 ${String(ignored.length)} 个（${parts}）` : `${String(ignored.length)} ignored (${parts})`;
}

/**
 * The end-of-batch summary: forms checked, forms not read (each with its reason), paths left out on purpose (by
 * reason: hidden, Office lock files, `--ignore`), and per form the unit, the
 * fiscal year, the self-rating it claims, and its errors, warnings and indeterminate rules. Sorted by path, so
 * the same inputs give the same text.
 */
export function renderSummary(outcomes: readonly FileOutcome[], skipped: readonly SkippedInput[], locale: Locale, ignored: readonly IgnoredInput[] = []): string {
  const zh = locale === 'zh-CN';
  const unread = unreadableList(outcomes, skipped);
  const checked = outcomes.filter((o) => o.ok);
  const lines: string[] = [];
  lines.push(zh ? `汇总：已检查 ${String(checked.length)} 份，无法读取 ${String(unread.length)} 份` : `Summary: ${String(checked.length)} form(s) checked, ${String(unread.length)} not read`);
  if (ignored.length > 0) lines.push(ignoredLine(ignored, locale));
  if (unread.length > 0) {
    lines.push(zh ? '无法读取：' : 'Not read:');
    for (const u of unread) lines.push(`  ${terminalText(u.source)}`, indent(u.reason, '    '));
  }
  if (checked.length > 0) {
    lines.push(zh ? '各单位：' : 'Per unit:');
    for (const o of checked) {
      const s = o.brief;
      // Worded as the reports word them: `单位为空 2020`, a blank grade `（空）`.
      const unit = terminalText(formIdentity(s.unit, s.fiscalYear, locale));
      const grade = terminalText(gradeOf(s.selfRating, locale));
      const source = terminalText(o.source);
      lines.push(
        zh
          ? `  ${source}  ${unit}  自评 ${grade}  错误 ${String(s.errors)}  警告 ${String(s.warnings)}  无法判断 ${String(s.indeterminate)}`
          : `  ${source}  ${unit}  self-rating ${grade}  errors ${String(s.errors)}  warnings ${String(s.warnings)}  indeterminate ${String(s.indeterminate)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
