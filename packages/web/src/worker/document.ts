/**
 * The whole form as the reader saw it, for the form view: the importer's document model (paragraphs and tables
 * in reading order, each with its origin) reduced to text, each element that a field was read from carrying the
 * key of that place (as in view.ts), so findings are marked on the very cell they are about.
 */
import type { Locale, SourcePosition } from '@jixiao/core';
import { cellText, decodeText, describeCell, partitionDocx, partitionText, partitionXlsx, pdfLines, type DocumentElements, type ElementOrigin, type ImportKind, type PdfText, type SourcePositions } from '@jixiao/import';
import type { BlockView } from './protocol.js';
import { placeKey } from './view.js';

/** The document of a .docx, a workbook or a text file (canonical JSON and YAML have none: the view lists their places). */
export async function documentOf(kind: ImportKind, bytes: Uint8Array): Promise<DocumentElements | undefined> {
  if (kind === 'xlsx') {
    const read = await partitionXlsx(bytes);
    return read.ok ? read.document : undefined;
  }
  if (kind === 'docx') {
    const read = partitionDocx(bytes);
    return read.ok ? read.document : undefined;
  }
  if (kind === 'text') {
    const text = decodeText(bytes);
    return text === undefined ? undefined : partitionText(text);
  }
  return undefined;
}

/**
 * Keys of the places fields were read from: a .docx cell or paragraph by its own key; a text cell when a field's
 * column lies inside it (a text table row is one line, so the line alone would not say which cell).
 */
function keyOf(origin: ElementOrigin, end: number | undefined, byLine: ReadonlyMap<number, readonly SourcePosition[]>): string | undefined {
  const cell = describeCell(origin);
  if (cell !== undefined) return `cell:${cell}`;
  if (origin.paragraph !== undefined) return `paragraph:${String(origin.paragraph)}`;
  if (origin.line === undefined) return undefined;
  const start = origin.column ?? 1;
  const hit = (byLine.get(origin.line) ?? []).some((p) => (p.column ?? 1) >= start && (end === undefined || (p.column ?? 1) < end));
  return hit ? `line:${String(origin.line)}` : undefined;
}

export function documentView(doc: DocumentElements, positions: SourcePositions): BlockView[] {
  const byLine = new Map<number, SourcePosition[]>();
  for (const p of Object.values(positions)) if (p.line !== undefined) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  return doc.blocks.map((block): BlockView => {
    if (block.kind === 'paragraph') {
      const key = keyOf(block.origin, undefined, byLine);
      return { kind: 'paragraph', text: block.text, ...(key === undefined ? {} : { key }) };
    }
    return {
      kind: 'table',
      // A workbook's table is a sheet: named by it, each cell by its reference. Only column spans are shown: the
      // rows below a vertically merged cell keep a blank cell in its place (as a Word table does), so values keep
      // their columns, and a row span would push them right.
      ...(block.origin.sheet === undefined ? {} : { caption: block.origin.sheet }),
      rows: block.rows.map((row) => ({
        cells: row.cells.map((cell, i) => {
          const key = keyOf(cell.origin, row.cells[i + 1]?.origin.column, byLine);
          const ref = cell.origin.ref === undefined ? undefined : describeCell(cell.origin);
          return { text: cellText(cell), ...(key === undefined ? {} : { key }), ...(ref === undefined ? {} : { ref }), ...(cell.colSpan === undefined ? {} : { colSpan: cell.colSpan }) };
        }),
      })),
    };
  });
}

/**
 * A PDF as the reader rebuilt it: a table per page, a row per line (its cells side by side), each line that a field
 * was read from carrying the key of that place (`page:1, line:12`, as positions in PDFs are page and line).
 */
export function pdfView(text: PdfText, locale: Locale): BlockView[] {
  const pages = new Map<number, BlockView & { kind: 'table' }>();
  const rows = new Map<number, { cells: { text: string; key?: string }[] }[]>();
  for (const line of pdfLines(text.pages)) {
    let list = rows.get(line.page);
    if (list === undefined) {
      rows.set(line.page, (list = []));
      pages.set(line.page, { kind: 'table', caption: locale === 'en' ? `Page ${String(line.page)}` : `第 ${String(line.page)} 页`, rows: list });
    }
    const key = placeKey({ page: line.page, line: line.line });
    list.push({ cells: [{ text: line.cells.join('\u2003'), ...(key === undefined ? {} : { key }) }] });
  }
  return [...pages.values()];
}
