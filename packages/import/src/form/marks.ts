/**
 * Checkbox marks as they appear in Word-extracted text (../shared/domain.md §2) and the resolution algorithm.
 * A mark is classified as checked, empty or unknown; one question's marks are then resolved to an answer.
 */
import { ANSWER_NOTE_WORDS, PLACEHOLDER_MARKS } from '@jixiao/core';

export type MarkState = 'checked' | 'empty' | 'unknown';

export interface Mark {
  readonly state: MarkState;
  /** The mark as written (`eq \o\ac(□,√)`, `□`, `(`, `R` …). */
  readonly raw: string;
  /** Offset in the line where the mark starts / ends. */
  readonly start: number;
  readonly end: number;
  /** A glyph no table knows: classified unknown, and reported. */
  readonly unknownGlyph?: boolean;
  /** ☒ (a crossed box) is read as checked, and noted. */
  readonly crossed?: boolean;
}

/** Characters that mean "ticked" next to an option (the one table: the PDF reader's line rebuilding uses it too). */
export const CHECKED_GLYPHS: ReadonlySet<string> = new Set(['☑', '■', '√', '✓', '✔', '☒']);
/** Characters that mean "empty box". */
export const EMPTY_GLYPHS: ReadonlySet<string> = new Set(['□', '☐']);
/**
 * Letters left when a symbol font is lost (Wingdings 2 R = ☑, T = ☒, P = ✓, £ = □; Wingdings þ = ☑, ¨ = □).
 * Only read as marks inside the options part of a question line, where a mark belongs.
 */
const FONT_LETTERS: Readonly<Record<string, MarkState>> = { R: 'checked', T: 'checked', P: 'checked', '£': 'empty', þ: 'checked', '¨': 'empty' };
/** The placeholder a legacy .doc leaves for every inserted symbol: could be checked or empty. */
const PLACEHOLDER = '(';

/** `eq \o\ac(□,√)`: Word's EQ enclosure field, as its instruction text survives extraction. */
const EQ_FIELD = /eq\s*\\o\s*(?:\\ac\s*)?\(([^()]*)\)/iy;

/** Classify the overlay of an EQ enclosure field. */
function eqState(inner: string): { state: MarkState; unknownGlyph?: boolean; crossed?: boolean } {
  const parts = inner.split(/[,，]/).map((p) => p.trim());
  const overlay = parts.slice(1).join('').trim();
  if (overlay === '') return { state: 'empty' };
  if (CHECKED_GLYPHS.has(overlay)) return overlay === '☒' ? { state: 'checked', crossed: true } : { state: 'checked' };
  return { state: 'unknown', unknownGlyph: true };
}

/** Try to read an EQ field at `index`. */
export function readEqField(text: string, index: number): Mark | undefined {
  EQ_FIELD.lastIndex = index;
  const m = EQ_FIELD.exec(text);
  if (m === null) return undefined;
  const end = index + m[0].length;
  const st = eqState(m[1] ?? '');
  // Spelled out rather than spread (hot path), keys in the same order.
  if (st.unknownGlyph !== undefined) return { state: st.state, unknownGlyph: st.unknownGlyph, raw: m[0], start: index, end };
  if (st.crossed !== undefined) return { state: st.state, crossed: st.crossed, raw: m[0], start: index, end };
  return { state: st.state, raw: m[0], start: index, end };
}

const EQ_FIELDS = new RegExp(EQ_FIELD.source, 'gi');

/**
 * A line as Word shows it: every EQ enclosure field drawn as the box it is (☑ ticked, ☒ crossed, □ empty), one
 * whose overlay no table knows left as written. For excerpts a reviewer reads (`eq \o\ac(□,√)` means nothing to
 * them); the raw text stays in the answer's resolution.
 */
export function showMarks(text: string): string {
  if (!/eq/i.test(text)) return text;
  return text.replace(EQ_FIELDS, (raw, inner: string) => {
    const st = eqState(inner);
    if (st.state === 'unknown') return raw;
    return st.state === 'empty' ? '□' : st.crossed === true ? '☒' : '☑';
  });
}

/**
 * How a lost symbol's placeholder `(` reads in an excerpt, by what the importer made of it: ticked (the one unknown
 * mark of a question with no other tick: 否☑（推断）), taken as empty beside a tick (是□（推断）), or left undecided.
 * A reviewer sees what was read and that it was inferred, never a bare `(` (../shared/domain.md §2). The words are
 * core's table, in zh-CN; a report in another language words them by `localizeExcerpt`.
 */
function placeholderShown(state: MarkState): string {
  return PLACEHOLDER_MARKS[state]['zh-CN'];
}

/** A placeholder mark at `at` (an offset in the text) and what it was taken for. */
export interface PlaceholderReading {
  readonly at: number;
  readonly taken: MarkState;
}

/** Is this mark the placeholder a legacy .doc leaves for a lost symbol? */
export function isPlaceholder(mark: Mark | undefined): boolean {
  return mark?.raw === PLACEHOLDER && mark.state === 'unknown' && mark.unknownGlyph !== true;
}

/**
 * `text[start, end)` with each placeholder of `readings` in it shown as it was read ({@link placeholderShown});
 * every other character as written. For excerpts; the answer's resolution keeps the raw text.
 */
export function showPlaceholders(text: string, start: number, end: number, readings: readonly PlaceholderReading[]): string {
  let out = '';
  let at = start;
  for (const r of [...readings].sort((a, b) => a.at - b.at)) {
    if (r.at < at || r.at >= end || text[r.at] !== PLACEHOLDER) continue;
    out += text.slice(at, r.at) + placeholderShown(r.taken);
    at = r.at + PLACEHOLDER.length;
  }
  return out + text.slice(at, end);
}

/** Is `ch` a symbol that could be a mark but that no table knows (private-use area, other symbols)? */
export function isUnknownGlyph(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xe000 && cp <= 0xf8ff) return true;
  return /^[\p{So}\u25a0-\u25ff\u2610-\u2612]$/u.test(ch) && !CHECKED_GLYPHS.has(ch) && !EMPTY_GLYPHS.has(ch);
}

/** Classify a single character standing where a mark belongs, or undefined when it is not a mark. */
export function readGlyph(ch: string, start: number, allowPlaceholder: boolean): Mark | undefined {
  const end = start + ch.length;
  if (CHECKED_GLYPHS.has(ch)) return ch === '☒' ? { state: 'checked', raw: ch, start, end, crossed: true } : { state: 'checked', raw: ch, start, end };
  if (EMPTY_GLYPHS.has(ch)) return { state: 'empty', raw: ch, start, end };
  const letter = FONT_LETTERS[ch];
  if (letter !== undefined) return { state: letter, raw: ch, start, end, ...(ch === 'T' ? { crossed: true } : {}) };
  if (ch === PLACEHOLDER && allowPlaceholder) return { state: 'unknown', raw: ch, start, end };
  if (isUnknownGlyph(ch)) return { state: 'unknown', raw: ch, start, end, unknownGlyph: true };
  return undefined;
}

/** One option of a question as read from the line, with the mark that belongs to it (if any). */
export interface OptionRead<V extends string> {
  readonly word: string;
  readonly value: V;
  readonly start: number;
  readonly mark: Mark | undefined;
  /** The mark stands before the option word (`(否`). */
  readonly markBefore: boolean;
}

export type Resolution<V extends string> =
  | { readonly kind: 'explicit'; readonly value: V; readonly chosen: OptionRead<V> }
  | { readonly kind: 'inferred'; readonly value: V; readonly chosen: OptionRead<V> }
  | { readonly kind: 'conflicting' | 'unanswered' | 'ambiguous' };

function stateOf(o: OptionRead<string>): MarkState {
  return o.mark?.state ?? 'empty';
}

/**
 * Resolve one single-choice question (../shared/domain.md §2): exactly one checked → it (unknown ones count as
 * empty); none checked, exactly one unknown and the rest empty → the unknown one (inferred); more than one
 * checked → conflicting; nothing marked → unanswered; anything else → ambiguous.
 */
export function resolveSingle<V extends string>(options: readonly OptionRead<V>[]): Resolution<V> {
  const checked = options.filter((o) => stateOf(o) === 'checked');
  const [firstChecked] = checked;
  if (checked.length === 1 && firstChecked !== undefined) return { kind: 'explicit', value: firstChecked.value, chosen: firstChecked };
  if (checked.length > 1) {
    // The same option ticked twice is still one answer.
    const values = new Set(checked.map((o) => o.value));
    if (values.size === 1 && firstChecked !== undefined) return { kind: 'explicit', value: firstChecked.value, chosen: firstChecked };
    return { kind: 'conflicting' };
  }
  const unknown = options.filter((o) => stateOf(o) === 'unknown');
  const [onlyUnknown] = unknown;
  if (unknown.length === 0) return { kind: 'unanswered' };
  if (unknown.length === 1 && onlyUnknown !== undefined) return { kind: 'inferred', value: onlyUnknown.value, chosen: onlyUnknown };
  return { kind: 'ambiguous' };
}

/** Core's words for a note, in zh-CN (the recorded language; `localizeAnswerNote` words them for a report). */
function noteWord(word: keyof typeof ANSWER_NOTE_WORDS): string {
  return ANSWER_NOTE_WORDS[word]['zh-CN'];
}

/**
 * How a mark reads in a note: `空框 □`, `勾选 ☑`, `无法辨认的符号 “(”` — an EQ field as the box Word draws
 * ({@link showMarks}; its code means nothing to a reviewer, and stays in the answer's `raw` text).
 */
export function describeMark(o: OptionRead<string>): string {
  const m = o.mark;
  const before = o.markBefore ? noteWord('markBefore') : '';
  if (m === undefined) return noteWord('noBox');
  const text = m.state === 'unknown' ? `${noteWord('unknown')} ${noteWord('openQuote')}${m.raw}${noteWord('closeQuote')}` : `${noteWord(m.state)} ${showMarks(m.raw)}`;
  return `${text}${before}`;
}

/** The note recorded for an inferred answer: `是：空框 □；否：无法辨认的符号 “(” → 取 否`. */
export function inferenceNote(options: readonly OptionRead<string>[], chosen: OptionRead<string>): string {
  return `${options.map((o) => `${o.word}${noteWord('option')}${describeMark(o)}`).join(noteWord('next'))}${noteWord('taken')}${chosen.word}`;
}
