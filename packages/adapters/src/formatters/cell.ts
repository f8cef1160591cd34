/**
 * The `cell` of a source position, read back. Importers name a place in a table in one canonical ASCII form — a
 * .docx table cell `table 1, row 3, cell 2`, a workbook cell `Sheet1!B7` (see `@jixiao/import`'s `describeCell`)
 * — and the JSON and SARIF reports carry that string as it is (a public contract). Reports for people word the
 * place in their locale from this reading (`positionText`); this is the one place that form is parsed.
 */
export type CellPlace =
  | { readonly kind: 'table'; readonly table: number; readonly row: number; readonly cell: number }
  | { readonly kind: 'sheet'; readonly sheet: string; readonly ref: string };

const TABLE_CELL = /^table ([1-9]\d*), row ([1-9]\d*), cell ([1-9]\d*)$/;
/** A sheet's name may hold a `!` itself (Excel allows it): the reference is what follows the last one. */
const SHEET_CELL = /^(.+)!([A-Z]{1,3}[1-9]\d*)$/s;

/** The table, row and cell of a .docx cell, or the sheet and reference of a workbook cell; undefined for any other text. */
export function parseCell(cell: string): CellPlace | undefined {
  const t = TABLE_CELL.exec(cell);
  if (t !== null) return { kind: 'table', table: Number(t[1]), row: Number(t[2]), cell: Number(t[3]) };
  const s = SHEET_CELL.exec(cell);
  if (s?.[1] !== undefined && s[2] !== undefined) return { kind: 'sheet', sheet: s[1], ref: s[2] };
  return undefined;
}
