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

/**
 * Rewords text the importer wrote with a table's zh-CN words into `locale`: each of the table's zh-CN words (longest
 * first, so that no word is cut by a shorter one it starts with) becomes the table's word in `locale`; all else stays.
 */
function rewordFrom(table: Readonly<Record<string, Readonly<Record<Locale, string>>>>): (text: string, locale: Locale) => string {
  const words = Object.values(table);
  const recorded = new RegExp(
    words
      .map((w) => w['zh-CN'])
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  const byRecorded = new Map(words.map((w) => [w['zh-CN'], w]));
  return (text, locale) => (locale === 'zh-CN' ? text : text.replace(recorded, (w) => byRecorded.get(w)?.[locale] ?? w));
}

const rewordMarks = rewordFrom(PLACEHOLDER_MARKS);

/**
 * An excerpt of the source as a reader of `locale` sees it: the placeholder readings the importer wrote in
 * ({@link PLACEHOLDER_MARKS}, in zh-CN) worded in `locale`; the source's own text as written. A zh-CN excerpt is
 * returned as it is. (The same characters written in a source by hand would be worded too: ☑ followed by （推断）
 * is not what a form says.)
 */
export function localizeExcerpt(excerpt: string, locale: Locale): string {
  return rewordMarks(excerpt, locale);
}

/** A source position with its excerpt worded by {@link localizeExcerpt} (the same object when nothing changes). */
export function localizePosition<P extends { readonly excerpt?: string }>(position: P, locale: Locale): P {
  if (position.excerpt === undefined) return position;
  const excerpt = localizeExcerpt(position.excerpt, locale);
  return excerpt === position.excerpt ? position : { ...position, excerpt };
}

/**
 * The words of the note an importer records for an answer it inferred (`answerResolution.<field>.note`,
 * ../shared/domain.md §2): each option with how its mark read, then the option taken —
 * `是：空框 □；否：无法辨认的符号 “(” → 取 否`. The importer writes them in zh-CN; {@link localizeAnswerNote} gives the
 * note in the report's language. The option words and the marks are the form's own and stay as written (a box
 * drawn as Word draws it: ☑ □ ☒, never an EQ field's code). The one table: the importer does not restate them.
 */
export const ANSWER_NOTE_WORDS = {
  checked: { 'zh-CN': '勾选', en: 'ticked' },
  empty: { 'zh-CN': '空框', en: 'empty box' },
  unknown: { 'zh-CN': '无法辨认的符号', en: 'unrecognised symbol' },
  noBox: { 'zh-CN': '无方框', en: 'no box' },
  markBefore: { 'zh-CN': '（标在选项前）', en: ' (before the option)' },
  openQuote: { 'zh-CN': '“', en: '"' },
  closeQuote: { 'zh-CN': '”', en: '"' },
  option: { 'zh-CN': '：', en: ': ' },
  next: { 'zh-CN': '；', en: '; ' },
  taken: { 'zh-CN': ' → 取 ', en: ' → taken: ' },
} as const satisfies Record<string, Record<Locale, string>>;

const rewordNote = rewordFrom(ANSWER_NOTE_WORDS);

/**
 * An inferred answer's note as a reader of `locale` reads it: the importer's words ({@link ANSWER_NOTE_WORDS}) in
 * `locale`, the form's words and marks as written — `是: empty box □; 否: unrecognised symbol "(" → taken: 否`. A
 * zh-CN note is returned as it is. (As for excerpts: the same characters written in an option word would be worded
 * too.)
 */
export function localizeAnswerNote(note: string, locale: Locale): string {
  return rewordNote(note, locale);
}
