import type { BlockElement, DocumentElements, ParagraphElement, TableCellElement, TableRowElement } from './elements.js';

/**
 * Text as published → elements. Word's text export writes a table row as its cells separated by tabs, so a line
 * with a tab is a table row (its cells split at the tabs) and adjacent such lines make one table; any other
 * non-blank line is a paragraph. Text copied from a web page often ends each cell with ` |`: when most lines do,
 * `|` separates cells as a tab does. Every element keeps its line and column.
 *
 * A web page's table copied as text pads every row with empty cells to the table's width (a row whose first
 * cells are merged down from the row above has fewer cells of its own) and may break a row over several lines
 * (`序号 | 一级 指标 |`, then `二级 指标 |` …). With `|` as separator, lines whose cells add up to the table's
 * width (the most cells a line has) are one row, and a row's trailing empty cells — the padding — are dropped:
 * a row with fewer cells than the one above lacks the cells merged from above, which the table readers place.
 */
export function partitionText(text: string): DocumentElements {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (cellsClosedByLines(lines)) return { format: 'text', blocks: cellStream(lines) };
  const pipes = pipeSeparated(lines);
  const blocks: BlockElement[] = [];
  let rows: TableRowElement[] | undefined;
  const tables: TableRowElement[][] = [];
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
      // The nothing after a line's closing `|` is no cell.
      if (end >= raw.length && pipes && piece.trim() === '' && cells.length > 0 && raw.trimEnd().endsWith('|')) break;
      cells.push({ paragraphs: piece.trim() === '' ? [] : [{ kind: 'paragraph', text: piece, origin }], origin });
      if (end >= raw.length) break;
      start = end + 1;
    }
    const row: TableRowElement = { cells, origin: { line, column: 1 } };
    if (rows === undefined) {
      rows = [row];
      tables.push(rows);
      blocks.push({ kind: 'table', rows, origin: { line, column: 1 } });
    } else rows.push(row);
  }
  if (pipes) for (const table of tables) table.splice(0, table.length, ...webRows(table));
  return { format: 'text', blocks };
}

/**
 * The rows of a table copied from a web page: consecutive lines whose cells add up to the table's width (the
 * most cells a line has) make one row, and the lines left at the table's end one row cut short; a line that would
 * go past the width stays a row of its own. Each row loses its trailing empty cells (the page's padding).
 */
function webRows(lines: readonly TableRowElement[]): TableRowElement[] {
  const width = Math.max(...lines.map((l) => l.cells.length));
  const out: TableRowElement[] = [];
  let pending: TableRowElement[] = [];
  const flush = (): void => {
    if (pending.length > 0) out.push(unpadded({ cells: pending.flatMap((l) => l.cells), origin: pending[0]?.origin ?? {} }));
    pending = [];
  };
  for (const line of lines) {
    const count = pending.reduce((n, l) => n + l.cells.length, 0);
    if (count + line.cells.length > width) {
      out.push(...pending.map(unpadded));
      pending = [];
    }
    pending.push(line);
    if (pending.reduce((n, l) => n + l.cells.length, 0) === width) flush();
  }
  flush();
  return out;
}

function unpadded(row: TableRowElement): TableRowElement {
  let end = row.cells.length;
  while (end > 1 && row.cells[end - 1]?.paragraphs.length === 0) end--;
  return end === row.cells.length ? row : { ...row, cells: row.cells.slice(0, end) };
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

/** A line that is a `|` alone. */
const CLOSER = /^\s*\|\s*$/;

/**
 * Is the text a web page's table copied one cell at a time, each cell's lines closed by a line that is a `|` alone
 * (`一级指标` / `|` / `二级指标` / `|` …; an empty cell is a `|` right after another)? At least five such lines, and
 * no other line with a `|`.
 */
function cellsClosedByLines(lines: readonly string[]): boolean {
  let closers = 0;
  for (const l of lines) {
    if (CLOSER.test(l)) closers++;
    else if (l.includes('|')) return false;
  }
  return closers >= 5;
}

/**
 * The blocks of a table copied one cell at a time: the lines before the table's first cell are paragraphs; then
 * every cell is the lines up to its closing `|` line (a `|` right after another closes an empty cell), the lines
 * after the last `|` a last cell (the text ends inside it). The copy keeps no row breaks: the cells make one row,
 * which the table readers cut into rows by the header they find in it (template/indicators.ts).
 */
function cellStream(lines: readonly string[]): BlockElement[] {
  const first = lines.findIndex((l) => CLOSER.test(l));
  let start = first - 1;
  while (start >= 0 && (lines[start] ?? '').trim() === '') start--;
  const blocks: BlockElement[] = [];
  for (let i = 0; i < Math.max(start, 0); i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() !== '') blocks.push({ kind: 'paragraph', text: raw, origin: { line: i + 1, column: 1 } });
  }
  const from = Math.max(start, 0);
  const cells: TableCellElement[] = [];
  let pending: ParagraphElement[] = [];
  const close = (line: number): void => {
    cells.push({ paragraphs: pending, origin: pending[0]?.origin ?? { line, column: 1 } });
    pending = [];
  };
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (CLOSER.test(raw)) close(i + 1);
    else if (raw.trim() !== '') pending.push({ kind: 'paragraph', text: raw, origin: { line: i + 1, column: 1 } });
  }
  if (pending.length > 0) close(lines.length);
  blocks.push({ kind: 'table', rows: [{ cells, origin: { line: from + 1, column: 1 } }], origin: { line: from + 1, column: 1 } });
  return blocks;
}
