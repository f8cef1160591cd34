import { FIELD_LABELS, FIELD_PATHS, isFieldPath, type AnswerField, type DisclosureChannel, type SourcePosition, type Template } from '@jixiao/core';
import type { ImportDiagnostic } from '../diagnostics.js';
import { YES_NO_WORDS, labelPattern, type ValueType } from './labels.js';
import { compileLabelTrie, joinSplitLabels, posAt, posWith, QUOTE_CHARS, splitCells, type Cell, type LabelTrie } from './cells.js';
import { inferenceNote, isPlaceholder, readEqField, readGlyph, resolveSingle, showPlaceholders, type Mark, type MarkState, type OptionRead, type PlaceholderReading, type Resolution } from './marks.js';
import { parseValue, parseYear, toHalfWidth } from './values.js';

/** A seal annotation closing a unit name: （盖章）, (公章), 【单位公章】 … (only the words of a seal inside the brackets). */
const SEAL_NOTE = /\s*[（(【〔]\s*(?:[盖签公印字及和并、]|单位)*章\s*[)）】〕]$/u;

/** A value blanked out by whoever republished the form (`****`, `＊＊`, `×××`): it states nothing. */
const MASKED = /^[*＊×●○※\s]+$/u;

/**
 * The generic reader of label → value forms: it reads the cells of a document (table cells and the pieces of
 * lines between tabs, in reading order) by a template's labels — cell labels whose value is in the next cell,
 * inline labels, yes/no questions with checkboxes, multi-select choices, free-text blocks, section headings —
 * into canonical field values, with a source position for every field and a diagnostic for everything that could
 * not be read or matched no field.
 *
 * A template is compiled once ({@link compileReader}) into the regexes and lookup tables the reader's hot path
 * uses; template authors never write for speed.
 */

const re = (labels: readonly string[], flags = ''): RegExp => new RegExp(`(?:${[...labels].sort((a, b) => b.length - a.length).map(labelPattern).join('|')})`, flags);
const full = (labels: readonly string[]): RegExp => new RegExp(`^${re(labels).source}[:：]?$`);
const atStart = (labels: readonly string[]): RegExp => new RegExp(`^${re(labels).source}`);

const YEAR_CELL = /^[（(]?\s*([0-9０-９]{4})?\s*年度?\s*[）)]?$/;

function isYearCell(text: string): boolean {
  // Both alternatives need 年度.
  return text.includes('年度') && /[（(].*年度.*[）)]|^[0-9０-９]{4}\s*年度$/.test(text) && YEAR_CELL.test(text);
}

const GAP_CHARS = [' ', '\t', '\u3000'];

/** Characters a match of `labelPattern(label)` can start with (an optional quote or 、 may be absent, then a gap). */
function firstChars(labels: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const label of labels) {
    for (const ch of label) {
      if (ch === '（' || ch === '(' || ch === '）' || ch === ')') {
        for (const b of ch === '（' || ch === '(' ? ['（', '('] : ['）', ')']) out.add(b);
        break;
      }
      if (QUOTE_CHARS.includes(ch) || ch === '、') {
        for (const c of ch === '、' ? ['、', ',', '，'] : QUOTE_CHARS) out.add(c);
        for (const c of GAP_CHARS) out.add(c);
        continue;
      }
      out.add(ch);
      break;
    }
  }
  return out;
}

/** A label whose value sits in the next table cell (or after a colon in its own cell). */
export interface CellLabel {
  /** Absent: a label the model has no field for; its value is read past and dropped. */
  readonly path: string | undefined;
  readonly labels: readonly string[];
  readonly type: ValueType;
  readonly unit: '万元' | '元' | undefined;
  /** Only inside this part of the form (the two 合计 are told apart by their section). */
  readonly section: string | undefined;
}

type Block = Template['blocks'][number];
interface ChoiceOption { readonly word: string; readonly value: DisclosureChannel }

/** A label found in a cell by readLabels. */
type Hit =
  | { readonly start: number; readonly end: number; readonly kind: 'question'; readonly field: AnswerField }
  | { readonly start: number; readonly end: number; readonly kind: 'inline'; readonly spec: CellLabel }
  | { readonly start: number; readonly end: number; readonly kind: 'choice'; readonly path: string; readonly options: readonly ChoiceOption[] }
  | { readonly start: number; readonly end: number; readonly kind: 'cell'; readonly specs: [CellLabel, ...CellLabel[]] };

interface HeadingRe {
  readonly labels: readonly string[];
  readonly section: string | undefined;
  readonly full: RegExp;
  readonly seenKey: string;
}
interface BlockRe {
  readonly block: Block;
  readonly start: RegExp;
  readonly strip: RegExp | undefined;
}

/** The labels of a cell that readLabels reads: left to right, none overlapping, and the text before the first. */
interface LabelsFound {
  readonly hits: readonly Hit[];
  /** For each hit, where the options of a question (or a choice) there end: at the next question or choice, else the end of the text. */
  readonly rawEnds: readonly number[];
  /** The text before the first hit (trimmed), when the first hit does not start the cell, and the heading it is. */
  readonly prefix: string | undefined;
  readonly prefixHeading: HeadingRe | undefined;
  /** What a question or choice hit has (by hit), worked out on first use. */
  readonly details: (QuestionFacts | ChoiceFacts | undefined)[];
}

/** How readCell takes a cell, by its text alone. */
type CellKind =
  | { readonly kind: 'year'; readonly digits: string | undefined }
  | { readonly kind: 'heading'; readonly heading: HeadingRe; readonly titleYear: string | undefined }
  | { readonly kind: 'other'; readonly titleYear: string | undefined; readonly block: BlockRe | undefined };

/**
 * What the reader works out from a cell's text alone, each part computed on first use. The texts of a
 * template's labels and questions recur from one submission to the next, so these are kept by text (a bounded
 * memo per compiled template: short texts only, emptied when full); they are pure functions of the text, so a
 * reading never depends on what was read before.
 */
interface TextFacts {
  kind?: CellKind;
  isLabel?: boolean;
  labels?: LabelsFound;
  /** The memo's generation these were kept in (-1: not kept). */
  readonly generation: number;
  /** A few of the texts looked up next after this one, and their facts (the oldest replaced first). */
  nextTexts?: string[];
  next?: TextFacts[];
  /** Where the next one goes in nextTexts once it is full. */
  nextAt?: number;
}

/** How many of the texts that followed a text factsOf tries. */
const NEXT_WAYS = 4;
const MEMO_MAX_TEXT = 300;
const MEMO_MAX_ENTRIES = 8_192;
let memoEnabled = true;
/** Every compiled reader's memo, to empty them all (withoutTextMemo). */
const MEMO_CLEARERS = new Set<() => void>();

/** Run `fn` with the memo of cell facts off and emptied (tests compare readings with and without it). */
export function withoutTextMemo<T>(fn: () => T): T {
  for (const clear of MEMO_CLEARERS) clear();
  memoEnabled = false;
  try {
    return fn();
  } finally {
    memoEnabled = true;
  }
}

/** A template compiled for the reader: its regexes, the gates in front of them, and the memo of cell facts. */
export interface CompiledReader {
  readonly template: Template;
  /** The labels whose split halves are joined again (blocks, headings, cell labels). */
  readonly trie: LabelTrie;
  /** Every field the template reads, in the model's order (a missing one is reported). */
  readonly expected: readonly string[];
  factsOf(text: string): TextFacts;
  cellKind(text: string): CellKind;
  findLabels(text: string): LabelsFound;
  isLabelText(text: string): boolean;
}

/** Compile a template's labels into the reader's tables (once per template). */
export function compileReader(template: Template): CompiledReader {
  const HEADINGS = template.headings;
  const BLOCKS = template.blocks;
  const QUESTIONS = template.questions;
  const CHOICES = template.choices;
  const spec = (f: Template['fields'][number]): CellLabel => ({ path: f.path, labels: f.labels, type: f.type, unit: f.unit, section: f.section });
  const CELL_LABELS = template.fields.filter((f) => f.inline !== true).map(spec);
  const INLINE_LABELS = template.fields.filter((f) => f.inline === true).map(spec);
  const TITLE_YEAR = template.fiscalYear === undefined ? undefined : new RegExp(`([0-9０-９]{4})\\s*年度?\\s*${re(template.fiscalYear.titleLabels).source}`);

  /*
   * Cheap gates in front of the label regexes (the reader's hot path): they only skip a regex that cannot match,
   * so every reading is the same as running all of them.
   */

  /** For each label, one character every match of it must contain (the rarest in all labels; never a bracket, quote or 、). */
  const LITERAL_COUNTS = new Map<string, number>();
  for (const label of [...QUESTIONS.flatMap((q) => q.labels), ...INLINE_LABELS.flatMap((l) => l.labels), ...CHOICES.flatMap((c) => c.labels), ...CELL_LABELS.flatMap((c) => c.labels), ...YES_NO_WORDS.map((w) => w.word)]) {
    for (const ch of label) LITERAL_COUNTS.set(ch, (LITERAL_COUNTS.get(ch) ?? 0) + 1);
  }
  function keyChars(labels: readonly string[]): readonly string[] {
    return labels.map((label) => {
      let best: string | undefined;
      for (const ch of label) {
        if ('（(）)、：:'.includes(ch) || QUOTE_CHARS.includes(ch) || /\s/.test(ch)) continue;
        if (best === undefined || (LITERAL_COUNTS.get(ch) ?? 0) < (LITERAL_COUNTS.get(best) ?? 0)) best = ch;
      }
      if (best === undefined) throw new Error(`label without a literal character: ${label}`);
      return best;
    });
  }

  const HEADING_RES: HeadingRe[] = HEADINGS.map((h) => ({ labels: h.labels, section: h.section, full: full(h.labels), seenKey: `heading:${h.labels[0] ?? ''}` }));
  const HEADING_FIRST = firstChars(HEADINGS.flatMap((h) => h.labels));
  const BLOCK_RES: BlockRe[] = BLOCKS.map((block) => ({
    block,
    start: new RegExp(`^${re(block.labels).source}(?:[:：]|$)`),
    strip: block.strip === undefined ? undefined : new RegExp(`^${re(block.strip).source}\\s*[:：]?`),
  }));
  const BLOCK_FIRST = firstChars(BLOCKS.flatMap((b) => b.labels));
  const QUESTION_RES = QUESTIONS.map((q) => ({ field: q.path, re: re(q.labels, 'g'), start: atStart(q.labels), keys: keyChars(q.labels) }));
  const INLINE_RES = INLINE_LABELS.map((l) => ({ spec: l, re: re(l.labels, 'g'), start: atStart(l.labels), keys: keyChars(l.labels) }));
  const CHOICE_RES = CHOICES.map((c) => ({ path: c.path, options: c.options, re: re(c.labels, 'g'), start: atStart(c.labels), keys: keyChars(c.labels) }));
  const CELL_RES = CELL_LABELS.map((c) => ({ spec: c, re: re(c.labels, 'g'), start: new RegExp(`^${re(c.labels).source}(?:[:：\\s]|$)`), keys: keyChars(c.labels) }));
  const LABEL_FIRST_CHARS = new Set([
    ...HEADING_FIRST,
    ...BLOCK_FIRST,
    ...firstChars([...QUESTIONS.flatMap((q) => q.labels), ...INLINE_LABELS.flatMap((l) => l.labels), ...CHOICES.flatMap((c) => c.labels), ...CELL_LABELS.flatMap((c) => c.labels)]),
  ]);
  /** LABEL_FIRST_CHARS by UTF-16 code unit (1: a label may start with it). */
  const LABEL_FIRST = new Uint8Array(0x10000);
  for (const ch of LABEL_FIRST_CHARS) {
    if (ch.length !== 1) throw new Error(`label character outside the BMP: ${ch}`);
    LABEL_FIRST[ch.charCodeAt(0)] = 1;
  }

  /** Key character (UTF-16 code unit) → 1 + its entry in KEY_LISTS: the regexes of findLabels that need it. */
  const KEY_INDEX = new Uint16Array(0x10000);
  const KEY_LISTS: number[][] = [];
  [...QUESTION_RES.map((q) => q.keys), ...INLINE_RES.map((l) => l.keys), ...CHOICE_RES.map((c) => c.keys), ...CELL_RES.map((c) => c.keys)].forEach((keys, index) => {
    for (const ch of keys) {
      const code = ch.charCodeAt(0);
      if (ch.length !== 1) throw new Error(`key character outside the BMP: ${ch}`);
      if (KEY_INDEX[code] === 0) {
        KEY_LISTS.push([]);
        KEY_INDEX[code] = KEY_LISTS.length;
      }
      const list = KEY_LISTS[(KEY_INDEX[code] ?? 0) - 1];
      if (list !== undefined && !list.includes(index)) list.push(index);
    }
  });
  const INLINE_BASE = QUESTION_RES.length;
  const CHOICE_BASE = INLINE_BASE + INLINE_RES.length;
  const CELL_BASE = CHOICE_BASE + CHOICE_RES.length;

  /** Which of findLabels's regexes may match `text` (flags by index: questions, inline labels, choices, cell labels). */
  function possibleLabels(text: string): Uint8Array {
    const flags = new Uint8Array(CELL_BASE + CELL_RES.length);
    for (let i = 0; i < text.length; i++) {
      const entry = KEY_INDEX[text.charCodeAt(i)] ?? 0;
      if (entry !== 0) for (const index of KEY_LISTS[entry - 1] ?? []) flags[index] = 1;
    }
    return flags;
  }

  function headingOf(text: string): HeadingRe | undefined {
    return HEADING_FIRST.has(text.charAt(0)) ? HEADING_RES.find((h) => h.full.test(text)) : undefined;
  }

  /** A cell that is a label of the form (ends a free-text block, and is never taken as a value). */
  function isLabelCell(text: string): boolean {
    if (isYearCell(text)) return true;
    if (LABEL_FIRST[text.charCodeAt(0)] !== 1) return false;
    return (
      HEADING_RES.some((h) => h.full.test(text)) ||
      BLOCK_RES.some((b) => b.start.test(text)) ||
      QUESTION_RES.some((q) => q.start.test(text)) ||
      INLINE_RES.some((l) => l.start.test(text)) ||
      CHOICE_RES.some((c) => c.start.test(text)) ||
      CELL_RES.some((c) => c.start.test(text))
    );
  }

  /** Every label in `text` (a pure function of the text). */
  function findLabels(text: string): LabelsFound {
    const hits: Hit[] = [];
    const possible = possibleLabels(text);
    // Each regex is global: exec from lastIndex 0 to the end is matchAll without its copy of the regex. No label matches ''.
    for (let index = 0; index < QUESTION_RES.length; index++) {
      const q = QUESTION_RES[index];
      if (q === undefined || possible[index] !== 1) continue;
      q.re.lastIndex = 0;
      for (let m = q.re.exec(text); m !== null; m = q.re.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'question', field: q.field });
    }
    for (let index = 0; index < INLINE_RES.length; index++) {
      const l = INLINE_RES[index];
      if (l === undefined || possible[INLINE_BASE + index] !== 1) continue;
      l.re.lastIndex = 0;
      for (let m = l.re.exec(text); m !== null; m = l.re.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'inline', spec: l.spec });
    }
    for (let index = 0; index < CHOICE_RES.length; index++) {
      const c = CHOICE_RES[index];
      if (c === undefined || possible[CHOICE_BASE + index] !== 1) continue;
      c.re.lastIndex = 0;
      for (let m = c.re.exec(text); m !== null; m = c.re.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'choice', path: c.path, options: c.options });
    }
    for (let index = 0; index < CELL_RES.length; index++) {
      const c = CELL_RES[index];
      if (c === undefined || possible[CELL_BASE + index] !== 1) continue;
      c.re.lastIndex = 0;
      for (let m = c.re.exec(text); m !== null; m = c.re.exec(text)) {
        // A table label stands at the start of its cell or after a gap (run-together cells), never mid-sentence.
        if (m.index > 0 && !/[\s，,；;。]/.test(text.charAt(m.index - 1))) continue;
        const start = m.index;
        const end = start + m[0].length;
        const existing = hits.find((h) => h.kind === 'cell' && h.start === start && h.end === end);
        if (existing?.kind === 'cell') existing.specs.push(c.spec);
        else hits.push({ start, end, kind: 'cell', specs: [c.spec] });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: Hit[] = [];
    for (const h of hits) {
      const prev = chosen[chosen.length - 1];
      if (prev === undefined || h.start >= prev.end) chosen.push(h);
    }
    const rawEnds: number[] = [];
    let nextQuestion = text.length;
    for (let index = chosen.length - 1; index >= 0; index--) {
      rawEnds[index] = nextQuestion;
      const kind = chosen[index]?.kind;
      if (kind === 'question' || kind === 'choice') nextQuestion = chosen[index]?.start ?? text.length;
    }
    const first = chosen[0];
    const prefix = first !== undefined && first.start > 0 ? text.slice(0, first.start).trim() : undefined;
    return { hits: chosen, rawEnds, prefix, prefixHeading: prefix === undefined ? undefined : headingOf(prefix), details: [] };
  }

  function cellKind(text: string): CellKind {
    if (isYearCell(text)) return { kind: 'year', digits: YEAR_CELL.exec(text)?.[1] };
    const heading = headingOf(text);
    const titleYear = TITLE_YEAR !== undefined && text.includes('年') ? TITLE_YEAR.exec(text)?.[1] : undefined;
    if (heading !== undefined) return { kind: 'heading', heading, titleYear };
    return { kind: 'other', titleYear, block: BLOCK_FIRST.has(text.charAt(0)) ? BLOCK_RES.find((b) => b.start.test(text)) : undefined };
  }

  const MEMO = new Map<string, TextFacts>();
  /** Bumped whenever the memo is emptied: facts of an older generation are no longer followed to. */
  let generation = 0;
  /** The facts looked up last. */
  let lastFacts: TextFacts | undefined;
  MEMO_CLEARERS.add(() => {
    MEMO.clear();
    generation++;
    lastFacts = undefined;
  });

  /**
   * The facts of `text`. Submissions of one template repeat their labels in the same order, so the text looked
   * up after the last one is most often one of those looked up after it before: these are tried first, by
   * comparing the texts, before the memo (which hashes the text).
   */
  function factsOf(text: string): TextFacts {
    if (!memoEnabled || text.length > MEMO_MAX_TEXT) return { generation: -1 };
    const prev = lastFacts;
    let facts: TextFacts | undefined;
    const texts = prev?.nextTexts;
    if (texts !== undefined) {
      for (let i = 0; i < texts.length; i++) {
        if (texts[i] === text) {
          facts = prev?.next?.[i];
          break;
        }
      }
    }
    if (facts?.generation !== generation) {
      facts = MEMO.get(text);
      if (facts === undefined) {
        if (MEMO.size >= MEMO_MAX_ENTRIES) {
          MEMO.clear();
          generation++;
        }
        facts = { generation };
        MEMO.set(text, facts);
      }
      if (prev !== undefined) {
        const nextTexts = (prev.nextTexts ??= []);
        const next = (prev.next ??= []);
        const at = nextTexts.length < NEXT_WAYS ? nextTexts.length : (prev.nextAt ?? 0);
        nextTexts[at] = text;
        next[at] = facts;
        prev.nextAt = (at + 1) % NEXT_WAYS;
      }
    }
    lastFacts = facts;
    return facts;
  }

  function isLabelText(text: string): boolean {
    // isLabelCell's first two tests, before the memo: most values (figures, names) fail both, and are not kept.
    if (LABEL_FIRST[text.charCodeAt(0)] !== 1 && !text.includes('年度')) return false;
    const facts = factsOf(text);
    return (facts.isLabel ??= isLabelCell(text));
  }

  const trie = compileLabelTrie([...BLOCKS.flatMap((b) => b.labels), ...HEADINGS.flatMap((h) => h.labels), ...CELL_LABELS.flatMap((c) => c.labels)]);
  return { template, trie, expected: expectedFields(template), factsOf, cellKind, findLabels, isLabelText };
}

/** The fields a template reads (a conclusion block gives the grade; the score is optional), in the model's order. */
export function expectedFields(t: Template): string[] {
  const paths = new Set<string>();
  if (t.fiscalYear !== undefined) paths.add('fiscalYear');
  for (const f of t.fields) if (f.path !== undefined) paths.add(f.path);
  for (const q of t.questions) paths.add(q.path);
  for (const c of t.choices) paths.add(c.path);
  for (const b of t.blocks) {
    if (b.read === 'conclusion') paths.add('selfRating.grade');
    else if (b.read === 'problems-and-suggestions') {
      paths.add('problems');
      paths.add('suggestions');
    } else if (b.path !== undefined) paths.add(b.path);
  }
  for (const table of t.tables) {
    if (table.layout === 'header-value') for (const c of table.columns) if (c.path !== undefined) paths.add(c.path);
    if (table.layout === 'grid') for (const r of table.rows) for (const cell of Object.values(r.cells)) for (const p of typeof cell === 'string' ? [cell] : cell) paths.add(p);
    if (table.layout === 'indicator-list') paths.add('selfAssessment.indicators');
  }
  for (const p of t.prose) paths.add(p.path);
  const order = new Map<string, number>(FIELD_PATHS.map((p, i) => [p, i]));
  return [...paths].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
}
/** Values read from the form, by canonical field path (a Map: a record with this many keys, set by key, costs more). */
export type FormValues = ReadonlyMap<string, unknown>;

export interface AnswerRead {
  readonly how: 'explicit' | 'inferred';
  readonly raw: string;
  readonly line: number;
  readonly note?: string;
}

export interface FormReading {
  /** Field path → value (blank = null); answers are `Answer`s. */
  readonly values: FormValues;
  readonly answers: ReadonlyMap<AnswerField, AnswerRead>;
  readonly positions: Record<string, SourcePosition>;
  readonly diagnostics: ImportDiagnostic[];
  /** How many of the form's labels were recognised. */
  readonly labelsFound: number;
  readonly provenance: ReadonlyMap<string, 'table' | 'prose'>;
}

const MAX_RAW = 2_000;
const TEXT_LIMITS: Readonly<Record<string, number>> = { 'unit.name': 500 };
const DEFAULT_TEXT_LIMIT = 200_000;

export function fieldLabel(path: string): string {
  return isFieldPath(path) ? FIELD_LABELS[path]['zh-CN'] : path;
}
export function fieldLabelEn(path: string): string {
  return isFieldPath(path) ? FIELD_LABELS[path].en : path;
}

/** Option words, longest first (sorted once per word list). */
const SORTED_WORDS = new WeakMap<readonly unknown[], readonly unknown[]>();
function longestFirst<V extends string>(words: readonly { word: string; value: V }[]): readonly { word: string; value: V }[] {
  let sorted = SORTED_WORDS.get(words) as readonly { word: string; value: V }[] | undefined;
  if (sorted === undefined) {
    sorted = [...words].sort((a, b) => b.word.length - a.word.length);
    SORTED_WORDS.set(words, sorted);
  }
  return sorted;
}

type Token<V extends string> = { type: 'option'; word: string; value: V; start: number } | { type: 'mark'; mark: Mark };

/**
 * An empty record for dozens of keys set by key (the positions, the answers' resolutions): V8 turns such a
 * record into a hash table after a dozen keys anyway, copying them; one made a hash table from the start (by
 * deleting keys it was made with) skips the dozen shape changes and the copy. A plain object like any other
 * (same prototype, keys in insertion order).
 */
export function manyKeyRecord<T>(): Record<string, T> {
  const record: Record<string, T | undefined> = { a: undefined, b: undefined };
  delete record.a;
  delete record.b;
  return record as Record<string, T>;
}

export class FormReader {
  readonly values = new Map<string, unknown>();
  readonly answers = new Map<AnswerField, AnswerRead>();
  readonly positions: Record<string, SourcePosition> = manyKeyRecord();
  readonly diagnostics: ImportDiagnostic[] = [];
  readonly seen = new Set<string>();
  /** Fields read by table position or from prose (see the import result's `provenance`). */
  readonly provenance = new Map<string, 'table' | 'prose'>();
  section: string | undefined;

  constructor(
    private readonly r: CompiledReader,
    private readonly cells: readonly Cell[],
  ) {}

  diag(code: string, severity: ImportDiagnostic['severity'], zh: string, en: string, where?: { line: number; column: number }, path?: string): void {
    const d: { -readonly [K in keyof ImportDiagnostic]: ImportDiagnostic[K] } = { code, severity, message: { 'zh-CN': zh, en } };
    if (where !== undefined) {
      d.line = where.line;
      d.column = where.column;
    }
    if (path !== undefined) d.path = path;
    this.diagnostics.push(d);
  }

  /** Record a field once; a second occurrence is reported and ignored. */
  set(path: string, value: unknown, position: SourcePosition): boolean {
    if (this.seen.has(path)) {
      this.diag('duplicate-field', 'warning', `“${fieldLabel(path)}”出现了不止一次，采用第一次的值`, `"${fieldLabelEn(path)}" appears more than once; the first value is kept`, lineCol(position), path);
      return false;
    }
    this.seen.add(path);
    this.values.set(path, value);
    this.positions[path] = position;
    return true;
  }

  read(): void {
    for (let k = 0; k < this.cells.length; k++) {
      k = this.readCell(k);
    }
  }

  /** Read cell k; returns the index of the last cell consumed. */
  readCell(k: number): number {
    const cell = this.cells[k];
    if (cell === undefined) return k;
    const text = cell.text;
    const facts = this.r.factsOf(text);
    const kind = (facts.kind ??= this.r.cellKind(text));
    if (kind.kind === 'year') {
      this.readYear(cell, kind.digits);
      return k;
    }
    if (kind.kind === 'heading') {
      const heading = kind.heading;
      if (heading.section !== undefined) this.section = heading.section;
      this.seen.add(heading.seenKey);
      if (kind.titleYear !== undefined && !this.seen.has('fiscalYear')) this.readYear(cell, kind.titleYear);
      return k;
    }
    if (kind.titleYear !== undefined && !this.seen.has('fiscalYear')) {
      this.readYear(cell, kind.titleYear);
      return k;
    }
    if (kind.block !== undefined) return this.readBlock(k, kind.block);
    return this.readLabels(k, (facts.labels ??= this.r.findLabels(text)));
  }

  readYear(cell: Cell, digits: string | undefined): void {
    const pos = posWith(cell, 0, cell.text);
    if (digits === undefined) {
      this.set('fiscalYear', null, pos);
      return;
    }
    const year = parseYear(digits);
    if (year === undefined) this.unreadable('fiscalYear', digits, pos);
    this.set('fiscalYear', year ?? null, pos);
  }

  unreadable(path: string, raw: string, pos: { line?: number; column?: number }, what = '数字'): void {
    const en = what === '日期' ? 'date' : 'figure';
    this.diag(
      what === '日期' ? 'unreadable-date' : 'unreadable-figure',
      'error',
      `无法读取“${fieldLabel(path)}”的${what}“${raw}”，按空白处理`,
      `cannot read the ${en} "${raw}" for "${fieldLabelEn(path)}"; left blank`,
      lineCol(pos),
      path,
    );
  }

  /** A free-text block: label, then everything up to the next label cell. */
  readBlock(k: number, b: BlockRe): number {
    const cell = this.cells[k];
    if (cell === undefined) return k;
    const m = b.start.exec(cell.text);
    const labelEnd = m?.[0].length ?? 0;
    const pieces: { text: string; pos: { line: number; column: number } }[] = [];
    const rest = cell.text.slice(labelEnd).replace(/^[:：\s]+/, '');
    if (rest !== '') pieces.push({ text: rest, pos: posAt(cell, cell.text.length - rest.length) });
    let j = k + 1;
    for (; j < this.cells.length; j++) {
      const next = this.cells[j];
      if (next === undefined || this.r.isLabelText(next.text)) break;
      pieces.push({ text: next.text, pos: posAt(next, 0) });
    }
    const labelPos = posWith(cell, 0, cell.text.slice(0, MAX_RAW));
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    const span = (excerpt: string): SourcePosition =>
      first === undefined || last === undefined ? labelPos : { line: first.pos.line, column: first.pos.column, endLine: last.pos.line, excerpt: excerpt.slice(0, MAX_RAW) };
    const joined = pieces.map((p) => p.text.trim()).filter((t) => t !== '').join('\n');
    switch (b.block.read) {
      case 'conclusion':
        this.readConclusion(joined, first?.pos ?? labelPos, span(joined));
        break;
      case 'problems-and-suggestions':
        this.readProblems(joined, span(joined));
        break;
      case 'text':
        if (b.block.path !== undefined) this.setText(b.block.path, b.strip === undefined ? joined : joined.replace(b.strip, '').trim(), span(joined));
        break;
    }
    return j - 1;
  }

  setText(path: string, text: string, pos: SourcePosition): void {
    // A seal note after the unit's name (`平泉市人民检察院 (公章)`) is where the seal goes, not part of the name.
    const value = path === 'unit.name' ? text.trim().replace(SEAL_NOTE, '') : text.trim();
    const limit = TEXT_LIMITS[path] ?? DEFAULT_TEXT_LIMIT;
    if (value.length > limit) {
      this.diag('value-too-long', 'error', `“${fieldLabel(path)}”超过 ${limit} 个字符，未导入`, `"${fieldLabelEn(path)}" is longer than ${limit} characters; not imported`, lineCol(pos), path);
      this.set(path, null, pos);
      return;
    }
    if (MASKED.test(value)) {
      this.diag('masked-value', 'warning', `“${fieldLabel(path)}”被遮盖（“${value}”），按空白处理`, `"${fieldLabelEn(path)}" is masked ("${value}"): treated as blank`, lineCol(pos), path);
      this.set(path, null, pos);
      return;
    }
    this.set(path, value === '' ? null : value, pos);
  }

  readConclusion(text: string, where: { line?: number; column?: number }, pos: SourcePosition): void {
    const half = toHalfWidth(text);
    const grade =
      /等[级次]\s*(?:为|是)?\s*[:：]?\s*[“"「『'‘]?\s*([优良中差])/.exec(text)?.[1] ??
      /[“"「『‘]\s*([优良中差])\s*[”"」』’]/.exec(text)?.[1] ??
      /^([优良中差])$/.exec(text.trim())?.[1];
    this.set('selfRating.grade', grade ?? null, pos);
    const score = /(?:得分|分数|评分|自评分)\s*(?:为|是)?\s*[:：]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分?/.exec(half)?.[1] ?? /(\d{1,3}(?:\.\d{1,2})?)\s*分/.exec(half)?.[1];
    if (score !== undefined) {
      const n = Number(score);
      if (n >= 0 && n <= 100) this.set('selfRating.score', n, pos);
      else {
        this.unreadable('selfRating.score', score, where);
        this.set('selfRating.score', null, pos);
      }
    } else this.set('selfRating.score', null, pos);
    if (grade === undefined && text.trim() !== '') {
      this.diag('unreadable-grade', 'warning', '自评结论中未找到等级（优/良/中/差）', 'no grade (优/良/中/差) found in the self-rating conclusion', lineCol(where), 'selfRating.grade');
    }
  }

  readProblems(text: string, pos: SourcePosition): void {
    const p = /问题\s*[:：]/.exec(text);
    const afterP = p === null ? 0 : p.index + p[0].length;
    const sRe = /建议\s*[:：]/g;
    sRe.lastIndex = afterP;
    const s = sRe.exec(text);
    let problems: string;
    let suggestions: string;
    if (s !== null) {
      problems = text.slice(afterP, s.index);
      suggestions = text.slice(s.index + s[0].length);
    } else {
      problems = text.slice(afterP);
      suggestions = '';
    }
    if (p === null && s === null && text.trim() !== '') {
      this.diag('no-problems-marker', 'info', '“问题与建议”中没有“问题：”“建议：”标记，全文作为问题导入', 'no 问题：/建议： markers in 问题与建议; the whole text is imported as problems', lineCol(pos), 'problems');
    } else if (p !== null && p.index > 0 && text.slice(0, p.index).trim() !== '') {
      this.leftover(text.slice(0, p.index), lineCol(pos) ?? { line: 1, column: 1 });
    }
    this.setText('problems', problems, pos);
    this.setText('suggestions', suggestions, pos);
  }

  leftover(text: string, where: { line?: number; column?: number }, severity: ImportDiagnostic['severity'] = 'warning'): void {
    const t = text.trim();
    if (t === '' || /^[\s，,；;。.、:：()（）]*$/.test(t)) return;
    const shown = t.length > 80 ? `${t.slice(0, 80)}…` : t;
    this.diag('leftover-text', severity, `未对应任何栏目的文本：“${shown}”`, `text that matches no field: "${shown}"`, lineCol(where));
  }

  /** A cell with labels in it: questions, inline amounts, cell labels (possibly several run together). */
  readLabels(k: number, found: LabelsFound): number {
    const cell = this.cells[k];
    if (cell === undefined) return k;
    const text = cell.text;
    const chosen = found.hits;
    if (chosen.length === 0) {
      this.leftover(text, posAt(cell, 0));
      return k;
    }
    if (found.prefix !== undefined) {
      const heading = found.prefixHeading;
      if (heading?.section !== undefined) this.section = heading.section;
      if (heading === undefined) this.leftover(found.prefix, posAt(cell, 0));
    }
    let last = k;
    for (let index = 0; index < chosen.length; index++) {
      const hit = chosen[index];
      if (hit === undefined) continue;
      const next = chosen[index + 1];
      const segEnd = next?.start ?? text.length;
      if (hit.kind === 'question') {
        let q = found.details[index];
        if (q?.kind !== 'question') found.details[index] = q = questionFacts(text, hit.field, hit.start, hit.end, segEnd, found.rawEnds[index] ?? text.length);
        this.readQuestion(cell, hit.field, q, hit.start);
      } else if (hit.kind === 'choice') {
        let c = found.details[index];
        if (c?.kind !== 'choice') found.details[index] = c = choiceFacts(text, hit.start, hit.end, segEnd, hit.options);
        this.readChoice(cell, hit.path, c, hit.start);
      } else if (hit.kind === 'inline') {
        this.readInline(cell, hit.spec, hit.start, hit.end, segEnd);
      } else {
        const spec = this.pickSpec(hit.specs);
        const raw = text.slice(hit.end, segEnd);
        const value = raw.replace(/^[\s:：]+/, '');
        if (spec.section !== undefined) this.section = spec.section;
        if (value.trim() === '' && next === undefined) {
          // The value sits in the next cell, unless that is a label (then this one is blank).
          const following = this.cells[k + 1];
          if (following !== undefined && !this.r.isLabelText(following.text)) {
            last = k + 1;
            this.readValue(spec, following.text, posWith(following, 0, following.text.slice(0, MAX_RAW)));
            continue;
          }
          this.readValue(spec, '', posWith(cell, hit.start, text.slice(hit.start, segEnd).slice(0, MAX_RAW)));
          continue;
        }
        const offset = hit.end + (raw.length - value.length);
        this.readValue(spec, value, posWith(cell, offset, value.trim().slice(0, MAX_RAW)));
      }
    }
    return last;
  }

  pickSpec(specs: readonly [CellLabel, ...CellLabel[]]): CellLabel {
    const inSection = specs.find((s) => s.section === this.section);
    const unset = specs.find((s) => s.path === undefined || !this.seen.has(s.path));
    return inSection ?? unset ?? specs[0];
  }

  /** Read a value of a field's type (a blank is null; what cannot be read is null with an error). */
  readValue(spec: { readonly path: string | undefined; readonly type: ValueType; readonly unit?: '万元' | '元' | undefined }, raw: string, pos: SourcePosition): void {
    const { path, type } = spec;
    if (path === undefined) return;
    if (type === 'text') {
      this.setText(path, raw, pos);
      return;
    }
    const parsed = parseValue(type, raw, spec.unit);
    if (!parsed.ok) this.unreadable(path, raw.trim(), pos, type === 'date' ? '日期' : '数字');
    else if (parsed.note !== undefined) this.diag('converted-unit', 'info', `“${fieldLabel(path)}”：${parsed.note.zh}`, `"${fieldLabelEn(path)}": ${parsed.note.en}`, lineCol(pos), path);
    this.set(path, parsed.ok ? parsed.value : null, pos);
  }

  readInline(cell: Cell, spec: CellLabel, start: number, end: number, segEnd: number): void {
    const type = spec.type;
    const seg = cell.text.slice(end, segEnd);
    const lead = seg.length - seg.replace(/^[\s:：]+/, '').length;
    const body = seg.slice(lead);
    let valueText = body;
    let rest = '';
    if (type !== 'date') {
      const cut = /[，；;。（(\t]|,(?!\d{3}(?:\D|$))|\s{2,}/.exec(body.replace(/^\s+/, ''));
      const leading = body.length - body.replace(/^\s+/, '').length;
      if (cut !== null) {
        valueText = body.slice(0, leading + cut.index);
        rest = body.slice(leading + cut.index);
      }
    }
    const offset = end + lead;
    this.readValue(spec, valueText, posWith(cell, valueText.trim() === '' ? start : offset, (valueText.trim() === '' ? cell.text.slice(start, segEnd) : valueText.trim()).slice(0, MAX_RAW)));
    if (rest !== '') this.leftover(rest, posAt(cell, offset + valueText.length), 'info');
  }

  /** Report the notes worked out from a cell's text, at their places in the cell. */
  replay(cell: Cell, notes: readonly Note[]): void {
    for (const n of notes) this.diag(n.code, n.severity, n.zh, n.en, posAt(cell, n.offset), n.path);
  }

  readQuestion(cell: Cell, field: AnswerField, q: QuestionFacts, start: number): void {
    const raw = q.raw;
    const where = posAt(cell, start);
    const pos: SourcePosition = { line: where.line, column: where.column, endLine: where.line, endColumn: where.column + raw.length, excerpt: q.shown };
    this.replay(cell, q.notes);
    const r = q.resolution;
    if (r.kind === 'explicit' || r.kind === 'inferred') {
      if (this.set(field, r.value, pos)) {
        this.answers.set(field, r.kind === 'inferred' ? { how: 'inferred', raw, line: where.line, note: q.inference ?? '' } : { how: 'explicit', raw, line: where.line });
      }
      return;
    }
    if (this.set(field, r.kind, pos)) {
      const zh = { conflicting: '勾选了不止一个选项', unanswered: '没有勾选任何选项', ambiguous: '勾选符号无法辨认，无法判断' }[r.kind];
      const en = { conflicting: 'more than one option is ticked', unanswered: 'no option is ticked', ambiguous: 'the marks cannot be told apart' }[r.kind];
      this.diag(`answer-${r.kind}`, 'info', `“${fieldLabel(field)}”：${zh}（${r.kind}）`, `"${fieldLabelEn(field)}": ${en} (${r.kind})`, where, field);
    }
  }

  /** A multi-select question (公开方式): several options may be ticked. */
  readChoice(cell: Cell, path: string, c: ChoiceFacts, start: number): void {
    const raw = c.raw;
    const where = posAt(cell, start);
    const pos: SourcePosition = { line: where.line, column: where.column, endLine: where.line, endColumn: where.column + raw.length, excerpt: c.shown };
    this.replay(cell, c.notes);
    this.set(path, c.channels === null ? null : [...c.channels], pos);
  }
}

/** A diagnostic worked out from a cell's text alone; its line and column come from its offset in the cell. */
interface Note {
  readonly code: string;
  readonly severity: ImportDiagnostic['severity'];
  readonly zh: string;
  readonly en: string;
  readonly offset: number;
  readonly path?: string | undefined;
}

function note(notes: Note[], code: string, severity: ImportDiagnostic['severity'], zh: string, en: string, offset: number, path?: string): void {
  notes.push({ code, severity, zh, en, offset, path });
}

/** FormReader.leftover as a note. */
function leftoverNote(notes: Note[], text: string, offset: number, severity: ImportDiagnostic['severity'] = 'warning'): void {
  const t = text.trim();
  if (t === '' || /^[\s，,；;。.、:：()（）]*$/.test(t)) return;
  const shown = t.length > 80 ? `${t.slice(0, 80)}…` : t;
  note(notes, 'leftover-text', severity, `未对应任何栏目的文本：“${shown}”`, `text that matches no field: "${shown}"`, offset);
}

/** Tokenise the options part of a question: option words and marks, in order; other text is noted. */
function readTokens<V extends string>(text: string, from: number, to: number, words: readonly { word: string; value: V }[], notes: Note[]): Token<V>[] {
  const out: Token<V>[] = [];
  const sorted = longestFirst(words);
  let other = '';
  let otherStart = from;
  const flush = (): void => {
    if (other !== '') leftoverNote(notes, other, otherStart);
    other = '';
  };
  let i = from;
  while (i < to) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 32);
    if (/\s/.test(ch)) {
      i += ch.length;
      continue;
    }
    // An EQ field starts with e or E (`eq \o`, case-insensitive).
    const eq = ch === 'e' || ch === 'E' ? readEqField(text, i) : undefined;
    if (eq !== undefined && eq.end <= to) {
      flush();
      out.push({ type: 'mark', mark: eq });
      i = eq.end;
      continue;
    }
    const word = sorted.find((w) => text.startsWith(w.word, i));
    if (word !== undefined) {
      flush();
      out.push({ type: 'option', word: word.word, value: word.value, start: i });
      i += word.word.length;
      continue;
    }
    if (ch === '(') {
      // `(项目资金)` is a remark; a lone `(` is the placeholder a legacy .doc leaves for a symbol.
      const close = text.slice(i + 1, to).search(/[)）]/);
      const inner = close < 0 ? '' : text.slice(i + 1, i + 1 + close);
      if (close >= 0 && inner.trim() !== '' && !/eq\s*\\o|[□☐☑■√✓✔☒]/i.test(inner) && !words.some((w) => inner.includes(w.word))) {
        if (other === '') otherStart = i;
        other += text.slice(i, i + close + 2);
        i += close + 2;
        continue;
      }
    }
    const isLetter = /[A-Za-z]/.test(ch);
    const standalone = !isLetter || (!/[A-Za-z]/.test(text[i - 1] ?? '') && !/[A-Za-z]/.test(text[i + 1] ?? ''));
    const glyph = standalone ? readGlyph(ch, i, true) : undefined;
    if (glyph !== undefined) {
      flush();
      out.push({ type: 'mark', mark: glyph });
      i += ch.length;
      continue;
    }
    if (/[，,；;、。:：.．]/.test(ch)) {
      flush();
      i += ch.length;
      continue;
    }
    if (other === '') otherStart = i;
    other += ch;
    i += ch.length;
  }
  flush();
  return out;
}

/** Give each option the mark directly before it (if free) or directly after it. */
function pairOptions<V extends string>(tokens: readonly Token<V>[], notes: Note[]): OptionRead<V>[] {
  const used = new Set<number>();
  const options: OptionRead<V>[] = [];
  tokens.forEach((t, idx) => {
    if (t.type !== 'option') return;
    const prev = tokens[idx - 1];
    const next = tokens[idx + 1];
    let mark: Mark | undefined;
    let before = false;
    if (prev?.type === 'mark' && !used.has(idx - 1)) {
      mark = prev.mark;
      before = true;
      used.add(idx - 1);
    } else if (next?.type === 'mark' && !used.has(idx + 1)) {
      mark = next.mark;
      used.add(idx + 1);
    }
    options.push({ word: t.word, value: t.value, start: t.start, mark, markBefore: before });
  });
  tokens.forEach((t, idx) => {
    if (t.type === 'mark' && !used.has(idx)) {
      note(notes, 'stray-mark', 'warning', `勾选符号“${t.mark.raw}”不属于任何选项`, `the mark "${t.mark.raw}" belongs to no option`, t.mark.start);
    }
  });
  for (const o of options) {
    const m = o.mark;
    if (m?.unknownGlyph === true) {
      const cp = (m.raw.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      note(notes, 'unknown-glyph', 'warning', `选项“${o.word}”旁的符号“${m.raw}”（U+${cp}）无法识别，按“无法辨认”处理`, `the symbol "${m.raw}" (U+${cp}) next to "${o.word}" is not a known checkbox glyph; read as unknown`, m.start);
    }
    if (m?.crossed === true) {
      note(notes, 'crossed-box', 'info', `选项“${o.word}”标为 ${m.raw}（打叉的方框），按已勾选处理`, `"${o.word}" is marked ${m.raw} (a crossed box), read as checked`, m.start);
    }
  }
  return options;
}

/** A yes/no question as its cell's text has it: the raw text, the notes on its options, and the answer. */
interface QuestionFacts {
  readonly kind: 'question';
  readonly raw: string;
  /** The raw text for excerpts: a lost symbol's placeholder `(` shown as it was read (`否☑（推断）`). */
  readonly shown: string;
  readonly notes: readonly Note[];
  readonly resolution: Resolution<'yes' | 'no'>;
  /** The note of an inferred answer. */
  readonly inference: string | undefined;
}

/**
 * `raw` (the trimmed `text[start, end)`, cut at MAX_RAW) with the placeholders among `options` shown as they were
 * read (`taken`: what each placeholder's option was taken for).
 */
function shownText<V extends string>(text: string, start: number, end: number, raw: string, options: readonly OptionRead<V>[], taken: (o: OptionRead<V>) => MarkState): string {
  const readings: PlaceholderReading[] = [];
  for (const o of options) if (o.mark !== undefined && isPlaceholder(o.mark)) readings.push({ at: o.mark.start, taken: taken(o) });
  if (readings.length === 0) return raw;
  const slice = text.slice(start, end);
  const rawStart = start + slice.length - slice.trimStart().length;
  return showPlaceholders(text, rawStart, rawStart + raw.length, readings);
}

function questionFacts(text: string, field: AnswerField, start: number, end: number, segEnd: number, rawEnd: number): QuestionFacts {
  const raw = text.slice(start, rawEnd).trim().slice(0, MAX_RAW);
  const notes: Note[] = [];
  const options = pairOptions(readTokens(text, end, segEnd, YES_NO_WORDS, notes), notes);
  if (options.length === 0) {
    note(notes, 'no-options', 'warning', `“${fieldLabel(field)}”后没有 是/否 选项，按未作答处理`, `no 是/否 options after "${fieldLabelEn(field)}"; read as unanswered`, start, field);
  } else {
    const values = new Set(options.map((o) => o.value));
    if (values.size < 2) note(notes, 'option-missing', 'warning', `“${fieldLabel(field)}”只有一个选项`, `"${fieldLabelEn(field)}" has only one option`, start, field);
    for (const o of options) if (o.mark === undefined) note(notes, 'option-without-box', 'warning', `选项“${o.word}”旁没有方框，按空框处理`, `no box next to "${o.word}"; read as empty`, o.start, field);
  }
  const resolution = resolveSingle(options);
  // An unreadable mark is the answer when it is inferred, taken as empty beside a tick, else left undecided.
  const taken = (o: OptionRead<'yes' | 'no'>): MarkState => (resolution.kind === 'inferred' && o === resolution.chosen ? 'checked' : resolution.kind === 'explicit' ? 'empty' : 'unknown');
  const shown = shownText(text, start, rawEnd, raw, options, taken);
  return { kind: 'question', raw, shown, notes, resolution, inference: resolution.kind === 'inferred' ? inferenceNote(options, resolution.chosen) : undefined };
}

/** 公开方式 as its cell's text has it: the raw text, the notes, and the channels ticked (null: none read). */
interface ChoiceFacts {
  readonly kind: 'choice';
  readonly raw: string;
  /** The raw text for excerpts, placeholders shown as read (see {@link QuestionFacts}). */
  readonly shown: string;
  readonly notes: readonly Note[];
  readonly channels: readonly DisclosureChannel[] | null;
}

function choiceFacts(text: string, start: number, end: number, segEnd: number, words: readonly ChoiceOption[]): ChoiceFacts {
  const raw = text.slice(start, segEnd).trim().slice(0, MAX_RAW);
  const notes: Note[] = [];
  const options = pairOptions(readTokens(text, end, segEnd, words, notes), notes);
  const checked = options.filter((o) => o.mark?.state === 'checked');
  const unknown = options.filter((o) => o.mark?.state === 'unknown');
  let channels: DisclosureChannel[] | null;
  if (checked.length > 0) {
    channels = [...new Set(checked.map((o) => o.value))];
    for (const o of unknown) note(notes, 'unknown-taken-as-empty', 'info', `公开方式“${o.word}”的符号“${o.mark?.raw ?? ''}”无法辨认，按未勾选处理`, `the mark next to channel "${o.word}" cannot be read; taken as not ticked`, o.start, 'disclosure.channels');
  } else if (unknown.length === 1 && unknown[0] !== undefined) {
    channels = [unknown[0].value];
    note(notes, 'inferred-channel', 'info', `公开方式：${inferenceNote(options, unknown[0])}`, `publication channel inferred: only "${unknown[0].word}" has an unreadable mark, the others are empty`, start, 'disclosure.channels');
  } else {
    channels = null;
    if (unknown.length > 1) note(notes, 'channels-unreadable', 'warning', '公开方式的勾选符号无法辨认，按空白处理', 'the publication channel marks cannot be read; left blank', start, 'disclosure.channels');
    else if (options.length > 0) note(notes, 'channels-unanswered', 'info', '公开方式未勾选任何选项，按空白处理', 'no publication channel is ticked; left blank', start, 'disclosure.channels');
  }
  if (channels !== null) channels.sort((a, b) => CHANNEL_ORDER.indexOf(a) - CHANNEL_ORDER.indexOf(b));
  const [onlyUnknown] = unknown;
  const taken = (o: OptionRead<DisclosureChannel>): MarkState => (checked.length > 0 ? 'empty' : unknown.length === 1 && o === onlyUnknown ? 'checked' : 'unknown');
  const shown = shownText(text, start, segEnd, raw, options, taken);
  return { kind: 'choice', raw, shown, notes, channels };
}

const CHANNEL_ORDER: readonly DisclosureChannel[] = ['portal', 'internal', 'other'];

function lineCol(pos: { line?: number; column?: number } | undefined): { line: number; column: number } | undefined {
  if (pos?.line === undefined) return undefined;
  return { line: pos.line, column: pos.column ?? 1 };
}

/** Read cells (in reading order) with a compiled template; the reader is returned for further passes (tables, prose). */
export function readCells(r: CompiledReader, cells: readonly Cell[]): FormReader {
  const reader = new FormReader(r, joinSplitLabels(cells, r.trie));
  reader.read();
  return reader;
}

/** What a reading found, for assembling the evaluation. */
export function readingOf(reader: FormReader): FormReading {
  return { values: reader.values, answers: reader.answers, positions: reader.positions, diagnostics: reader.diagnostics, labelsFound: reader.seen.size, provenance: reader.provenance };
}

/** Read lines of text with a compiled template (tests and the round-trip property read text this way). */
export function readForm(r: CompiledReader, lines: readonly string[]): FormReading {
  return readingOf(readCells(r, splitCells(lines)));
}
