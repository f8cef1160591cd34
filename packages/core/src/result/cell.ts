import type { Locale } from '../i18n/locale.js';

/**
 * The `cell` of a source position, read back. Importers name a place in a table in one canonical ASCII form — a
 * .docx table cell `table 1, row 3, cell 2`, a workbook cell `Sheet1!B7` (see `@jixiao/import`'s `describeCell`)
 * — and the JSON and SARIF reports carry that string as it is (a public contract). Text for people words the
 * place in its locale from this reading ({@link cellPlaceText}: the reports' positions, the importers' diagnostics);
 * this is the one place that form is parsed and worded. It lives in core because both the adapters and the
 * importers word it.
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

const CELL_WORDS = {
  'zh-CN': {
    tableCell: (table: number, row: number, cell: number) => `表 ${String(table)} 第 ${String(row)} 行第 ${String(cell)} 格`,
    sheetCell: (sheet: string, ref: string) => `工作表“${sheet}”${ref} 单元格`,
  },
  en: {
    tableCell: (table: number, row: number, cell: number) => `table ${String(table)}, row ${String(row)}, cell ${String(cell)}`,
    sheetCell: (sheet: string, ref: string) => `${sheet}!${ref}`,
  },
} as const satisfies Record<Locale, unknown>;

/** A cell in the reader's words: `表 1 第 7 行第 2 格`, `工作表“Sheet1”B7 单元格`; any other text as it is. */
export function cellPlaceText(cell: string, locale: Locale): string {
  const place = parseCell(cell);
  if (place === undefined) return cell;
  const w = CELL_WORDS[locale];
  return place.kind === 'table' ? w.tableCell(place.table, place.row, place.cell) : w.sheetCell(place.sheet, place.ref);
}
