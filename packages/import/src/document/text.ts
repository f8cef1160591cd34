import type { BlockElement, DocumentElements, TableCellElement, TableRowElement } from './elements.js';

/**
 * Text as published → elements. Word's text export writes a table row as its cells separated by tabs, so a line
 * with a tab is a table row (its cells split at the tabs) and adjacent such lines make one table; any other
 * non-blank line is a paragraph. Text copied from a web page often ends each cell with ` |`: when most lines do,
 * `|` separates cells as a tab does. Every element keeps its line and column.
 */
export function partitionText(text: string): DocumentElements {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const pipes = pipeSeparated(lines);
  const blocks: BlockElement[] = [];
  let rows: TableRowElement[] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const line = index + 1;
    const separated = raw.includes('\t') || (pipes && raw.includes('|'));
    if (!separated) {
      rows = undefined;
      if (raw.trim() !== '') blocks.push({ kind: 'paragraph', text: raw, origin: { line, column: 1 } });
      continue;
    }
    const cells: TableCellElement[] = [];
    let start = 0;
    for (;;) {
      const end = nextSeparator(raw, start, pipes);
      const piece = raw.slice(start, end);
      const origin = { line, column: start + 1 };
      cells.push({ paragraphs: piece.trim() === '' ? [] : [{ kind: 'paragraph', text: piece, origin }], origin });
      if (end >= raw.length) break;
      start = end + 1;
    }
    const row: TableRowElement = { cells, origin: { line, column: 1 } };
    if (rows === undefined) {
      rows = [row];
      blocks.push({ kind: 'table', rows, origin: { line, column: 1 } });
    } else rows.push(row);
  }
  return { format: 'text', blocks };
}

function nextSeparator(raw: string, from: number, pipes: boolean): number {
  const tab = raw.indexOf('\t', from);
  const pipe = pipes ? raw.indexOf('|', from) : -1;
  const found = tab < 0 ? pipe : pipe < 0 ? tab : Math.min(tab, pipe);
  return found < 0 ? raw.length : found;
}

/** Do most non-blank lines (at least three) end with `|`, as text copied from an HTML table does? */
function pipeSeparated(lines: readonly string[]): boolean {
  let filled = 0;
  let piped = 0;
  for (const l of lines) {
    const t = l.trimEnd();
    if (t === '') continue;
    filled++;
    if (t.endsWith('|')) piped++;
  }
  return piped >= 3 && piped * 2 >= filled;
}
