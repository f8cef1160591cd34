import { PATTERN_INPUT_LIMIT, type Template } from '@jixiao/core';
import { compact, type Cell } from '../form/cells.js';

/**
 * Which template a document is: every template's detection signals are looked for in the document, each found
 * adds its weight; the best score at or above its template's threshold wins (ties: the earlier template). A
 * label is looked for inside each cell (a table cell, a line or a piece of one between tabs), compared compacted
 * (half-width, without white space, quotes and 、，) in cells of up to 300 characters, so `预 算 编 码` and
 * `部门（单位）名称` need no variants, and as written in longer ones (running prose); a pattern runs on the whole
 * text (lines joined by line breaks).
 */

/** A template's score on a document. */
export interface Detection {
  readonly template: Template;
  readonly score: number;
  /** The first label of each signal found (what the score rests on). */
  readonly found: readonly string[];
}

/** A label or text as detection compares it. */
export function squash(text: string): string {
  return compact(text).replace(/[、,，]/g, '');
}

/** Every signal label of a set of templates, and for speed the rarest character of each (a cell without it cannot hold the label). */
interface LabelIndex {
  readonly labels: readonly string[];
  /** Key character (UTF-16 code unit) → 1 + its entry in keyLists: the labels that have it as their key (0: none). */
  readonly keyIndex: Uint16Array;
  readonly keyLists: readonly (readonly number[])[];
  /** Cell text → the labels in it, for texts that recur from form to form (a bounded memo: short texts, emptied when full). */
  readonly memo: Map<string, readonly number[]>;
  /** For each template, its signals: the label ids of each (or its pattern) and weight. */
  readonly signals: readonly (readonly { readonly ids: readonly number[]; readonly pattern: RegExp | undefined; readonly first: string; readonly weight: number }[])[];
}

const INDEXES = new WeakMap<readonly Template[], LabelIndex>();

function labelIndex(templates: readonly Template[]): LabelIndex {
  let index = INDEXES.get(templates);
  if (index !== undefined) return index;
  const labels: string[] = [];
  const idOf = new Map<string, number>();
  const id = (label: string): number => {
    const s = squash(label);
    let n = idOf.get(s);
    if (n === undefined) {
      n = labels.length;
      labels.push(s);
      idOf.set(s, n);
    }
    return n;
  };
  const signals = templates.map((t) =>
    t.detection.signals.map((sig) => ({
      ids: (sig.labels ?? []).map(id),
      pattern: sig.pattern === undefined ? undefined : new RegExp(sig.pattern, 'u'),
      first: sig.labels?.[0] ?? sig.pattern ?? '',
      weight: sig.weight,
    })),
  );
  const counts = new Map<number, number>();
  for (const l of labels) for (let i = 0; i < l.length; i++) counts.set(l.charCodeAt(i), (counts.get(l.charCodeAt(i)) ?? 0) + 1);
  const keyIndex = new Uint16Array(0x10000);
  const keyLists: number[][] = [];
  labels.forEach((l, n) => {
    let key = l.charCodeAt(0);
    for (let i = 1; i < l.length; i++) if ((counts.get(l.charCodeAt(i)) ?? 0) < (counts.get(key) ?? 0)) key = l.charCodeAt(i);
    // A key as the text has it: full-width forms of the half-width key, too.
    for (const k of key >= 0x21 && key <= 0x7e ? [key, key + 0xfee0] : [key]) {
      if (keyIndex[k] === 0) {
        keyLists.push([]);
        keyIndex[k] = keyLists.length;
      }
      keyLists[(keyIndex[k] ?? 1) - 1]?.push(n);
    }
  });
  index = { labels, keyIndex, keyLists, signals, memo: new Map() };
  INDEXES.set(templates, index);
  return index;
}

/** The longest cell whose labels the memo keeps (and that is compared compacted). */
const MAX_SIGNAL_TEXT = 300;
const MEMO_MAX_ENTRIES = 8_192;

/** The labels of the index in one cell's text, as written or (`compacted`) also compacted. */
function labelsIn(text: string, index: LabelIndex, compacted: boolean): readonly number[] {
  const candidates = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const entry = index.keyIndex[text.charCodeAt(i)] ?? 0;
    if (entry !== 0) for (const n of index.keyLists[entry - 1] ?? []) candidates.add(n);
  }
  const out: number[] = [];
  let squashed: string | undefined;
  for (const n of candidates) {
    const label = index.labels[n] ?? '';
    if (text.includes(label) || (compacted && (squashed ??= squash(text)).includes(label))) out.push(n);
  }
  return out;
}

/** Does the text have a key character of any label (else it holds none)? */
function mayHoldLabel(text: string, index: LabelIndex): boolean {
  for (let i = 0; i < text.length; i++) if (index.keyIndex[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/**
 * The longest cell text taken as a piece of a label a page broke over lines: a web page's table copied one cell a
 * line may break a header cell too (`一级` / `指标`, `自评` / `得分`), so two such pieces in a row are looked at joined.
 */
const LABEL_PIECE = 4;

/** Which of the index's labels occur in the cells (and in two short cells in a row, joined). */
function labelsFound(cells: readonly Cell[], index: LabelIndex): Uint8Array {
  const found = new Uint8Array(index.labels.length);
  const memo = index.memo;
  const look = (text: string): void => {
    if (!mayHoldLabel(text, index)) return;
    // A long text (running prose, a PDF's run-together line) is searched as written and not kept.
    if (text.length > MAX_SIGNAL_TEXT) {
      for (const n of labelsIn(text, index, false)) found[n] = 1;
      return;
    }
    let ids = memo.get(text);
    if (ids === undefined) {
      if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
      ids = labelsIn(text, index, true);
      memo.set(text, ids);
    }
    for (const n of ids) found[n] = 1;
  };
  let piece = '';
  for (const cell of cells) {
    look(cell.text);
    const short = cell.text.length <= LABEL_PIECE;
    if (short && piece !== '') look(`${piece}${cell.text}`);
    piece = short ? cell.text : '';
  }
  return found;
}

/** Every template's score, best first (ties keep the templates' order). `text` gives the whole text, for patterns. */
export function scoreTemplates(cells: readonly Cell[], text: () => string, templates: readonly Template[]): Detection[] {
  const index = labelIndex(templates);
  const found = labelsFound(cells, index);
  let raw: string | undefined;
  const out = templates.map((template, t) => {
    let score = 0;
    const names: string[] = [];
    for (const s of index.signals[t] ?? []) {
      const pattern = s.pattern;
      // A template's pattern runs on each line, cut at PATTERN_INPUT_LIMIT characters (see patternSafetyIssue).
      const hit = pattern === undefined ? s.ids.some((n) => found[n] === 1) : (raw ??= text()).split('\n').some((line) => pattern.test(line.slice(0, PATTERN_INPUT_LIMIT)));
      if (hit) {
        score += s.weight;
        names.push(s.first);
      }
    }
    return { template, score: Math.round(score * 100) / 100, found: names };
  });
  return out.map((d, i) => ({ d, i })).sort((a, b) => b.d.score - a.d.score || a.i - b.i).map(({ d }) => d);
}

/** The template a document is read with: the best score at or above its threshold. */
export function bestTemplate(scores: readonly Detection[]): Detection | undefined {
  return scores.find((d) => d.score >= d.template.detection.threshold);
}
