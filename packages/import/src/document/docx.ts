import type { DocxLine } from '../docx/walk.js';
import type { BlockElement, DocumentElements, ElementOrigin, ParagraphElement, TableCellElement, TableElement, TableRowElement } from './elements.js';

/**
 * The .docx walker's lines → elements: lines outside tables are paragraphs; lines inside a table cell (the
 * walker gives its table, row and cell) are that cell's paragraphs, grouped into rows and tables. A blank
 * cell keeps its one empty paragraph. (Spans are not known yet: the walker does not report `w:gridSpan` or
 * `w:vMerge`.)
 */
export function docxElements(lines: readonly DocxLine[]): DocumentElements {
  const blocks: BlockElement[] = [];
  let table: { index: number; rows: TableRowElement[] } | undefined;
  let row: { index: number; cells: TableCellElement[] } | undefined;
  let cell: { index: number; paragraphs: ParagraphElement[] } | undefined;
  for (const l of lines) {
    const { table: t, row: r, cell: c } = l;
    if (t === undefined || r === undefined || c === undefined) {
      table = undefined;
      row = undefined;
      cell = undefined;
      blocks.push({ kind: 'paragraph', text: l.text, origin: { paragraph: l.paragraph } });
      continue;
    }
    const origin: ElementOrigin = { paragraph: l.paragraph, table: t, row: r, cell: c };
    if (table?.index !== t) {
      const rows: TableRowElement[] = [];
      table = { index: t, rows };
      row = undefined;
      const block: TableElement = { kind: 'table', rows, origin: { paragraph: l.paragraph, table: t } };
      blocks.push(block);
    }
    if (row?.index !== r) {
      const cells: TableCellElement[] = [];
      row = { index: r, cells };
      cell = undefined;
      table.rows.push({ cells, origin: { paragraph: l.paragraph, table: t, row: r } });
    }
    if (cell?.index !== c) {
      const paragraphs: ParagraphElement[] = [];
      cell = { index: c, paragraphs };
      row.cells.push({ paragraphs, origin: { paragraph: l.paragraph, table: t, row: r, cell: c } });
    }
    cell.paragraphs.push({ kind: 'paragraph', text: l.text, origin });
  }
  return { format: 'docx', blocks };
}
