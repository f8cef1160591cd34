import type { SourcePosition } from '@jixiao/core';
import type { DocumentLine } from '../document/elements.js';
import { toHalfWidth } from './values.js';

/**
 * The cells of a form's text: pieces of lines between tabs, trimmed, with labels Word extraction split over two
 * cells joined again.
 */

/** A piece of a line between tabs, trimmed; `segments` maps offsets back to lines when labels were joined. */
export interface Cell {
  readonly text: string;
  readonly segments: readonly { readonly offset: number; readonly line: number; readonly column: number }[];
}

export function posAt(cell: Cell, offset: number): { line: number; column: number } {
  let seg = cell.segments[0] ?? { offset: 0, line: 1, column: 1 };
  for (const s of cell.segments) if (s.offset <= offset) seg = s;
  return { line: seg.line, column: seg.column + (offset - seg.offset) };
}

/** `{ ...posAt(cell, offset), excerpt }` without the spread (the reader's hot path). */
export function posWith(cell: Cell, offset: number, excerpt: string): SourcePosition {
  const at = posAt(cell, offset);
  return { line: at.line, column: at.column, excerpt };
}

/** The non-blank pieces of every line between tabs, trimmed, with their line and column (1-based). */
export function splitCells(lines: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    let offset = 0;
    for (;;) {
      const tab = raw.indexOf('\t', offset);
      const end = tab < 0 ? raw.length : tab;
      if (end > offset) {
        const piece = raw.slice(offset, end);
        const rest = piece.trimStart();
        if (rest !== '') cells.push({ text: rest.trimEnd(), segments: [{ offset: 0, line: index + 1, column: offset + piece.length - rest.length + 1 }] });
      }
      if (tab < 0) break;
      offset = tab + 1;
    }
  }
  return cells;
}

/**
 * The cells of a document's lines ({@link documentLines}): splitCells of their texts, placed where they stand — at
 * the text's own line and column when the origin has a line (text, PDF), else at the 1-based index of the line
 * in `lines` (a .docx: the caller maps it to paragraph and cell).
 */
export function cellsOfLines(lines: readonly DocumentLine[]): Cell[] {
  const cells: Cell[] = [];
  for (let index = 0; index < lines.length; index++) {
    const l = lines[index];
    if (l === undefined) continue;
    const raw = l.text;
    const line = l.origin.line ?? index + 1;
    const base = l.origin.line === undefined ? 0 : (l.origin.column ?? 1) - 1;
    let offset = 0;
    for (;;) {
      const tab = raw.indexOf('\t', offset);
      const end = tab < 0 ? raw.length : tab;
      if (end > offset) {
        let from = offset;
        let to = end;
        while (from < to && WHITE[raw.charCodeAt(from)] === 1) from++;
        while (to > from && WHITE[raw.charCodeAt(to - 1)] === 1) to--;
        if (to > from) cells.push({ text: raw.slice(from, to), segments: [{ offset: 0, line, column: base + from + 1 }] });
      }
      if (tab < 0) break;
      offset = tab + 1;
    }
  }
  return cells;
}

/** White space as String.prototype.trim removes it, by UTF-16 code unit (1: white). */
const WHITE = new Uint8Array(0x10000);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) WHITE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) WHITE[c] = 1;

/** Does `trim` remove the code unit `c`? */
export function isWhiteUnit(c: number): boolean {
  return WHITE[c] === 1;
}

/** The quotes labelPattern makes optional (and compact drops). */
export const QUOTE_CHARS = Array.from('“”"‘’\'「」');

/** A label as it is compared when joining cells: half-width, without white space and quotes. */
export const compact = (s: string): string => toHalfWidth(s).replace(/\s+/g, '').replace(/[“”"'‘’「」]/g, '');

/**
 * `compact` works code unit by code unit: a unit is dropped (white space, a quote, also in full width) or mapped
 * to one unit (full-width forms to half-width). DROPPED marks the units it drops (cells.test.ts checks every one).
 */
const DROPPED = new Uint8Array(0x10000);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) DROPPED[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) DROPPED[c] = 1;
for (const q of QUOTE_CHARS) DROPPED[q.charCodeAt(0)] = 1;

/** What `compact` makes of the code unit `c`: -1 when it drops it, else the unit it keeps. */
export function compactUnit(c: number): number {
  const half = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  return DROPPED[half] === 1 ? -1 : half;
}

/**
 * A trie of the compacted joinable labels, flattened into arrays (the join test walks it for nearly every
 * cell): node 0 is the root, rootNext maps a unit to the root's child (0: none); below the root, the children
 * of node n are childUnit/childNode[childStart[n] .. childStart[n + 1]), and labelEnd[n] is 1 where a label ends.
 */
export interface LabelTrie {
  readonly rootNext: Uint16Array;
  readonly childStart: Int32Array;
  readonly childUnit: Uint16Array;
  readonly childNode: Uint16Array;
  readonly labelEnd: Uint8Array;
  /** First units of the compacted labels, and the quotes `compact` drops (a cell starting with one may compact to ''). */
  readonly mayBegin: Uint8Array;
}

/** Build the trie of labels whose halves joinSplitLabels joins again. */
export function compileLabelTrie(labels: readonly string[]): LabelTrie {
  interface Node {
    readonly next: Map<number, Node>;
    label: boolean;
  }
  const root: Node = { next: new Map(), label: false };
  for (const label of labels) {
    const c = compact(label);
    let node = root;
    for (let i = 0; i < c.length; i++) {
      const unit = c.charCodeAt(i);
      let child = node.next.get(unit);
      if (child === undefined) {
        child = { next: new Map(), label: false };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.label = true;
  }
  // Number the nodes breadth first, then lay out each one's children.
  const nodes: Node[] = [root];
  for (const node of nodes) nodes.push(...node.next.values()); // (the iterator goes on over what is pushed)
  if (nodes.length >= 0x10000) throw new Error('too many trie nodes');
  const id = new Map(nodes.map((node, n) => [node, n]));
  const rootNext = new Uint16Array(0x10000);
  const start = new Int32Array(nodes.length + 1);
  const units: number[] = [];
  const children: number[] = [];
  const ends = new Uint8Array(nodes.length);
  nodes.forEach((node, n) => {
    start[n] = units.length;
    if (node.label) ends[n] = 1;
    for (const [unit, child] of node.next) {
      units.push(unit);
      children.push(id.get(child) ?? 0);
      if (n === 0) rootNext[unit] = id.get(child) ?? 0;
    }
  });
  start[nodes.length] = units.length;
  const mayBegin = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) if (rootNext[unit] !== 0) mayBegin[unit] = 1;
  for (const q of QUOTE_CHARS) mayBegin[q.charCodeAt(0)] = 1;
  return { rootNext, childStart: start, childUnit: Uint16Array.from(units), childNode: Uint16Array.from(children), labelEnd: ends, mayBegin };
}

/** The child of `node` by `unit`, or -1. */
function childOf(t: LabelTrie, node: number, unit: number): number {
  if (node === 0) {
    const child = t.rootNext[unit] ?? 0;
    return child === 0 ? -1 : child;
  }
  const end = t.childStart[node + 1] ?? 0;
  for (let i = t.childStart[node] ?? 0; i < end; i++) if (t.childUnit[i] === unit) return t.childNode[i] ?? -1;
  return -1;
}

/** The trie node compact(text) leads to from `node`, or -1 when no label goes on with it. */
function walk(t: LabelTrie, node: number, text: string): number {
  let at = node;
  for (let i = 0; i < text.length && at >= 0; i++) {
    const unit = compactUnit(text.charCodeAt(i));
    if (unit >= 0) at = childOf(t, at, unit);
  }
  return at;
}

/** Does compact(text), read on from `node`, reach the end of a label (one unit or more below `node`)? */
function reachesLabel(t: LabelTrie, node: number, text: string): boolean {
  let at = node;
  for (let i = 0; i < text.length; i++) {
    const unit = compactUnit(text.charCodeAt(i));
    if (unit < 0) continue;
    at = childOf(t, at, unit);
    if (at < 0) return false;
    if (t.labelEnd[at] === 1) return true;
  }
  return false;
}

/**
 * Can compact(text) begin a joinable label? A cell is trimmed, so its first character is no white space and
 * stays first after compacting unless it is a quote.
 */
function mayBeginLabel(t: LabelTrie, text: string): boolean {
  const c = text.charCodeAt(0);
  return t.mayBegin[c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c] === 1;
}

/**
 * Join labels Word extraction split over two cells (`部门` / `主要绩效`, `年度支出` / `（万元）`): a cell and the
 * next are joined when a label is longer than the cell's compacted text, begins with it, and begins the two
 * compacted together. Both are walked down the trie of compacted labels, without building the compacted text.
 */
export function joinSplitLabels(cells: readonly Cell[], trie: LabelTrie): Cell[] {
  const out: Cell[] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    if (cell === undefined) continue;
    const next = cells[k + 1];
    if (next !== undefined && cell.text.length >= 2 && mayBeginLabel(trie, cell.text)) {
      const here = walk(trie, 0, cell.text);
      if (here >= 0 && reachesLabel(trie, here, next.text)) {
        out.push({ text: cell.text + next.text, segments: [...cell.segments, ...next.segments.map((s) => ({ ...s, offset: s.offset + cell.text.length }))] });
        k++;
        continue;
      }
    }
    out.push(cell);
  }
  return out;
}
