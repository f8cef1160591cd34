import type { SourcePosition } from '@jixiao/core';
import type { DocumentElements } from '../document/elements.js';
import type { DocumentIndex } from './read-document.js';

/**
 * A document as the table maps read it: a stream of tokens in reading order — each table cell (a blank one too:
 * its place tells the column), and in text the runs between white space (text extracted from a PDF runs a
 * table's columns, and often its rows, together: `三公经费 29.08 63.46 44.29 1、公务用车…`).
 */
export interface Token {
  readonly text: string;
  readonly pos: SourcePosition;
  /** A table cell (not a run of text). */
  readonly cell: boolean;
  /** The last cell of its table row. */
  readonly rowEnd: boolean;
  /** A table cell's 0-based place in its row. */
  readonly col?: number;
}

/** A position in the readers' coordinates: the text's line and column, or (no line) the index of the line. */
export function at(index: DocumentIndex, line: number, offset: number, excerpt: string): SourcePosition {
  const l = index.lines[line - 1];
  if (l?.origin.line !== undefined) return { line: l.origin.line, column: (l.origin.column ?? 1) + offset, excerpt };
  return { line, column: offset + 1, excerpt };
}

/** The document's tokens; a figure a PDF broke over two lines (`95.` then `10%`) is joined again. */
export function documentTokens(doc: DocumentElements, index: DocumentIndex): Token[] {
  const tokens: Token[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const line = index.lineOf.get(block);
      if (line === undefined) continue;
      for (const m of block.text.matchAll(/\S+/g)) tokens.push({ text: m[0], pos: at(index, line, m.index, m[0]), cell: false, rowEnd: false });
      continue;
    }
    for (const row of block.rows) {
      row.cells.forEach((cell, c) => {
        const first = cell.paragraphs[0];
        const line = first === undefined ? undefined : index.lineOf.get(first);
        const text = cell.paragraphs.map((p) => p.text.trim()).join('');
        const lead = first === undefined ? 0 : first.text.length - first.text.trimStart().length;
        tokens.push({ text, pos: line === undefined ? {} : at(index, line, lead, text), cell: true, rowEnd: c === row.cells.length - 1, col: c });
      });
    }
  }
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t === undefined) continue;
    if (!t.cell && next !== undefined && !next.cell && /\d[.．]$/.test(t.text) && /^\d+%?$/.test(next.text)) {
      out.push({ ...t, text: t.text + next.text, pos: { ...t.pos, excerpt: t.text + next.text } });
      i++;
    } else out.push(t);
  }
  return out;
}
