import type { SourcePosition } from '@jixiao/core';

/**
 * The document model every input format ends in (partition first, then interpret): blocks in reading order —
 * paragraphs and tables (rows of cells, with row/column spans where the format knows them) — each with the place
 * it came from. Word-extracted text, .docx, and later .xlsx, PDF and converted .doc/.xls are turned into
 * {@link DocumentElements}; form templates and the generic reader see only these, never a file format.
 *
 * Every value here is plain data (no methods, no classes), so a document survives `structuredClone` and JSON.
 */

/**
 * Where an element came from. Each format fills what it knows:
 * - text: `line` and `column` (1-based; UTF-16 code units, as SARIF counts);
 * - .docx: `paragraph` (1-based, in document order, table paragraphs included), and for text inside a table
 *   `table`, `row`, `cell` (1-based; tables numbered in document order);
 * - .xlsx: `sheet` and `ref` (`B7`), with `row`/`cell` the 1-based row and column;
 * - PDF: `page` and `line` (of that page).
 */
export interface ElementOrigin {
  readonly line?: number;
  readonly column?: number;
  readonly paragraph?: number;
  readonly table?: number;
  readonly row?: number;
  readonly cell?: number;
  readonly sheet?: string;
  readonly ref?: string;
  readonly page?: number;
}

/** A paragraph (a line of text, a .docx paragraph, a PDF line). `text` never holds a line break. */
export interface ParagraphElement {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly origin: ElementOrigin;
}

/** A table cell: the paragraphs in it (none when it is blank), and its spans when the format knows them. */
export interface TableCellElement {
  readonly paragraphs: readonly ParagraphElement[];
  readonly origin: ElementOrigin;
  /** Rows the cell spans (merged vertically); absent = 1 or not known. */
  readonly rowSpan?: number;
  /** Columns the cell spans (merged horizontally); absent = 1 or not known. */
  readonly colSpan?: number;
}

export interface TableRowElement {
  readonly cells: readonly TableCellElement[];
  readonly origin: ElementOrigin;
}

export interface TableElement {
  readonly kind: 'table';
  readonly rows: readonly TableRowElement[];
  readonly origin: ElementOrigin;
}

export type BlockElement = ParagraphElement | TableElement;

/** The format a document was partitioned from. */
export type ElementFormat = 'text' | 'docx' | 'xlsx' | 'pdf';

/** A document as blocks in reading order. */
export interface DocumentElements {
  readonly format: ElementFormat;
  readonly blocks: readonly BlockElement[];
}

/** A cell's text: its paragraphs joined by line breaks. */
export function cellText(cell: TableCellElement): string {
  return cell.paragraphs.map((p) => p.text).join('\n');
}

/** One line of a document in reading order, with its origin (what the line-based readers walk). */
export interface DocumentLine {
  readonly text: string;
  readonly origin: ElementOrigin;
}

/**
 * The document's lines in reading order: each paragraph, and inside a table row by row, cell by cell, each
 * paragraph of the cell. Blank table cells give no line.
 */
export function documentLines(doc: DocumentElements): DocumentLine[] {
  const out: DocumentLine[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') out.push({ text: block.text, origin: block.origin });
    else for (const row of block.rows) for (const cell of row.cells) for (const p of cell.paragraphs) out.push({ text: p.text, origin: p.origin });
  }
  return out;
}

/** A table cell as findings name it: `table 1, row 3, cell 2`; an .xlsx cell as `Sheet1!B7`. */
export function describeCell(origin: ElementOrigin): string | undefined {
  if (origin.sheet !== undefined && origin.ref !== undefined) return `${origin.sheet}!${origin.ref}`;
  if (origin.table !== undefined && origin.row !== undefined && origin.cell !== undefined) return `table ${String(origin.table)}, row ${String(origin.row)}, cell ${String(origin.cell)}`;
  return undefined;
}

/**
 * The source position of an offset in a line with this origin (`column` counts from the line's own column):
 * line and column for text (and PDF), paragraph and cell for a .docx, the cell reference for an .xlsx.
 */
export function positionOf(origin: ElementOrigin, offset = 0): SourcePosition {
  const cell = describeCell(origin);
  if (origin.paragraph !== undefined) return cell === undefined ? { paragraph: origin.paragraph } : { paragraph: origin.paragraph, cell };
  if (cell !== undefined) return { cell };
  if (origin.line !== undefined) return { line: origin.line, column: (origin.column ?? 1) + offset };
  return {};
}
