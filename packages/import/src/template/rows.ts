import type { SourcePosition } from '@jixiao/core';
import type { DocumentElements } from '../document/elements.js';
import type { DocumentIndex } from './read-document.js';

/** A piece of a row (a table cell, or a run of text between spaces) and where it stands. */
export interface RowToken {
  readonly text: string;
  readonly pos: SourcePosition;
}

/**
 * A row of a document as the table maps read it: a table row (its cells, blank ones kept: their place tells the
 * column), or a line of text cut at runs of white space (text extracted from a PDF runs a table's columns
 * together: `三公经费 29.08 63.46 44.29`).
 */
export interface DocumentRow {
  readonly text: string;
  readonly tokens: readonly RowToken[];
  /** From a table: tokens are cells, in columns. */
  readonly cells: boolean;
}

/** A position in the readers' coordinates: the text's line and column, or (no line) the index of the line. */
function at(index: DocumentIndex, line: number, offset: number): SourcePosition {
  const l = index.lines[line - 1];
  if (l?.origin.line !== undefined) return { line: l.origin.line, column: (l.origin.column ?? 1) + offset };
  return { line, column: offset + 1 };
}

/** Every row of the document in reading order. */
export function documentRows(doc: DocumentElements, index: DocumentIndex): DocumentRow[] {
  const rows: DocumentRow[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const line = index.lineOf.get(block);
      if (line === undefined || block.text.trim() === '') continue;
      const tokens: RowToken[] = [];
      for (const m of block.text.matchAll(/\S+/g)) tokens.push({ text: m[0], pos: { ...at(index, line, m.index), excerpt: m[0] } });
      rows.push({ text: block.text, tokens, cells: false });
      continue;
    }
    for (const row of block.rows) {
      const tokens: RowToken[] = row.cells.map((cell) => {
        const first = cell.paragraphs[0];
        const line = first === undefined ? undefined : index.lineOf.get(first);
        const text = cell.paragraphs.map((p) => p.text.trim()).join('');
        return { text, pos: line === undefined ? {} : { ...at(index, line, first === undefined ? 0 : first.text.length - first.text.trimStart().length), excerpt: text } };
      });
      if (tokens.every((t) => t.text === '')) continue;
      rows.push({ text: tokens.map((t) => t.text).join('\t'), tokens, cells: true });
    }
  }
  return rows;
}
