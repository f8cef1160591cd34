import type { Locale } from './locale.js';

/**
 * How a lost symbol's placeholder `(` (a legacy .doc keeps every inserted symbol as one, ../shared/domain.md §2)
 * reads in an excerpt, by what the importer took it for: ticked (the one unreadable mark of a question with no
 * other tick: 否☑（推断）), empty beside a tick (是□（推断）), or left undecided. The importer writes the zh-CN
 * words into the excerpt it records; {@link localizeExcerpt} gives them in the report's language. The one table:
 * neither the importer nor a formatter restates these words.
 */
export const PLACEHOLDER_MARKS = {
  checked: { 'zh-CN': '☑（推断）', en: '☑ (inferred)' },
  empty: { 'zh-CN': '□（推断）', en: '□ (inferred)' },
  unknown: { 'zh-CN': '（符号无法辨认）', en: '(symbol not recognised)' },
} as const satisfies Record<'checked' | 'empty' | 'unknown', Record<Locale, string>>;

/** Any of the zh-CN readings, each escaped for a RegExp. */
const RECORDED_MARK = new RegExp(
  Object.values(PLACEHOLDER_MARKS)
    .map((m) => m['zh-CN'].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const BY_RECORDED: ReadonlyMap<string, Readonly<Record<Locale, string>>> = new Map(Object.values(PLACEHOLDER_MARKS).map((m) => [m['zh-CN'], m]));

/**
 * An excerpt of the source as a reader of `locale` sees it: the placeholder readings the importer wrote in
 * ({@link PLACEHOLDER_MARKS}, in zh-CN) worded in `locale`; the source's own text as written. A zh-CN excerpt is
 * returned as it is. (The same characters written in a source by hand would be worded too: ☑ followed by （推断）
 * is not what a form says.)
 */
export function localizeExcerpt(excerpt: string, locale: Locale): string {
  if (locale === 'zh-CN') return excerpt;
  return excerpt.replace(RECORDED_MARK, (w) => BY_RECORDED.get(w)?.[locale] ?? w);
}

/** A source position with its excerpt worded by {@link localizeExcerpt} (the same object when nothing changes). */
export function localizePosition<P extends { readonly excerpt?: string }>(position: P, locale: Locale): P {
  if (position.excerpt === undefined) return position;
  const excerpt = localizeExcerpt(position.excerpt, locale);
  return excerpt === position.excerpt ? position : { ...position, excerpt };
}
