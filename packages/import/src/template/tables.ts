import type { SourcePosition, Template, TemplateTable } from '@jixiao/core';
import type { DocumentElements } from '../document/elements.js';
import { labelPattern } from '../form/labels.js';
import type { FormReader } from '../form/read-form.js';
import { toHalfWidth } from '../form/values.js';
import type { DocumentIndex } from './read-document.js';
import { documentRows, type DocumentRow, type RowToken } from './rows.js';

/**
 * The table maps of a template (`header-value` and `grid`), read by position over the document's rows: in a
 * table, by the column a header stands in; in text where the columns ran together, by the order of the figures
 * — and only when the row has as many figures as there are columns, since a missing one would shift the rest.
 * A value a labelled cell already gave is not read again.
 */

const labelsRe = (labels: readonly string[]): RegExp => new RegExp(labels.map(labelPattern).join('|'));

/** A figure as a table cell holds it: digits (full- or half-width), a decimal part, thousands commas, %, 万元/元/人. */
const FIGURE = /^[（(]?-?[0-9０-９][0-9０-９,，.．]*\s*(?:%|％|万元|元|人|名)?[）)]?[。.]?$/;
/** A blank cell's text (nothing, or a dash). */
const BLANK = /^[-—–/／\s]*$/;

function isFigure(t: RowToken): boolean {
  return FIGURE.test(t.text.trim());
}

/** Text where a PDF broke a figure over two lines (`95.` / `10%`) is joined again. */
function joinBrokenFigures(rows: readonly DocumentRow[]): DocumentRow[] {
  const out: DocumentRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    const next = rows[i + 1];
    const last = row.tokens[row.tokens.length - 1];
    const head = next?.tokens[0];
    if (!row.cells && next !== undefined && !next.cells && last !== undefined && head !== undefined && /\d[.．]$/.test(last.text) && /^\d+%?$/.test(head.text)) {
      const joined: RowToken = { text: last.text + head.text, pos: last.pos };
      out.push({ ...row, tokens: [...row.tokens.slice(0, -1), joined, ...next.tokens.slice(1)], text: `${row.text}${next.text}` });
      i++;
      continue;
    }
    out.push(row);
  }
  return out;
}

/** Where each column's header stands in a row: by token index; columns matched left to right, each header to the first free column it names. */
function headerColumns(row: DocumentRow, columns: readonly { readonly labels: readonly string[] }[]): Map<number, number> | undefined {
  const res = columns.map((c) => labelsRe(c.labels));
  const found = new Map<number, number>();
  const taken = new Set<number>();
  // A header may be spread over the row's tokens (text cut at spaces): look in each token, then in pairs.
  row.tokens.forEach((t, k) => {
    const text = t.text;
    const column = res.findIndex((re, c) => !taken.has(c) && re.test(text));
    if (column >= 0) {
      found.set(column, k);
      taken.add(column);
    }
  });
  return found.size >= Math.min(2, columns.length) ? found : undefined;
}

/** The values of a row for the columns: by header position in a table, else the row's figures in order (all or none). */
function rowValues(row: DocumentRow, from: number, header: { row: DocumentRow; at: Map<number, number> }, count: number): (RowToken | undefined)[] | undefined {
  if (row.cells && header.row.cells && row.tokens.length === header.row.tokens.length) {
    return Array.from({ length: count }, (_, c) => {
      const k = header.at.get(c);
      return k === undefined ? undefined : row.tokens[k];
    });
  }
  const figures = row.tokens.slice(from).filter((t) => !BLANK.test(t.text));
  if (!figures.every(isFigure)) return undefined;
  const order = [...header.at.entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  if (figures.length !== order.length) return undefined;
  const out: (RowToken | undefined)[] = Array.from({ length: count }, () => undefined);
  order.forEach((c, i) => {
    out[c] = figures[i];
  });
  return out;
}

export function readTables(reader: FormReader, doc: DocumentElements, index: DocumentIndex, template: Template): void {
  const rows = joinBrokenFigures(documentRows(doc, index));
  for (const table of template.tables) {
    if (table.layout === 'header-value') readHeaderValue(reader, rows, table);
    else readGrid(reader, rows, table);
  }
}

function readHeaderValue(reader: FormReader, rows: readonly DocumentRow[], table: Extract<TemplateTable, { layout: 'header-value' }>): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    const at = headerColumns(row, table.columns);
    if (at === undefined) continue;
    // The value row: the next row with a figure in it.
    const valueRow = rows.slice(r + 1, r + 4).find((v) => v.tokens.some(isFigure));
    if (valueRow === undefined) continue;
    const values = rowValues(valueRow, 0, { row, at }, table.columns.length);
    if (values === undefined) {
      reader.diag('table-values-unplaced', 'warning', '表头之后一行的数字个数与栏目数不符，无法确定各数所属栏目，按空白处理', 'the row after the headers has a different number of figures than columns: which figure belongs where cannot be told; left blank', lineCol(valueRow.tokens[0]?.pos));
      return;
    }
    table.columns.forEach((c, i) => {
      const v = values[i];
      if (c.path === undefined || v === undefined || reader.seen.has(c.path)) return;
      reader.readValue({ path: c.path, type: c.type ?? 'money', unit: c.unit }, v.text, v.pos);
      reader.provenance.set(c.path, 'table');
    });
    return;
  }
}

function readGrid(reader: FormReader, rows: readonly DocumentRow[], table: Extract<TemplateTable, { layout: 'grid' }>): void {
  let header: { row: DocumentRow; at: Map<number, number> } | undefined;
  const rowRes = table.rows.map((r) => new RegExp(`^(?:[（(]?[0-9０-９一二三四五六七八九十]+[）)、.．]?\\s*)?(?:其中[:：]?\\s*)?(?:${r.labels.map(labelPattern).join('|')})`));
  const done = new Set<number>();
  for (const row of rows) {
    const at = headerColumns(row, table.columns);
    if (at !== undefined && at.size >= 2) {
      header = { row, at };
      continue;
    }
    if (header === undefined) continue;
    const text = toHalfWidth(row.tokens.map((t) => t.text).join(' ')).trim();
    const which = rowRes.findIndex((re, i) => !done.has(i) && re.test(text));
    const spec = table.rows[which];
    if (spec === undefined) continue;
    done.add(which);
    // The values follow the label: in a table, the cells after it; in text, the figures after the label's tokens.
    const labelTokens = row.cells ? 1 : Math.max(1, row.tokens.findIndex(isFigure));
    const values = rowValues(row, labelTokens, header, table.columns.length);
    if (values === undefined) {
      reader.diag('table-values-unplaced', 'warning', `“${spec.labels[0] ?? ''}”一行的数字个数与栏目数不符，无法确定各数所属栏目，按空白处理`, `the row "${spec.labels[0] ?? ''}" has a different number of figures than columns: which figure belongs where cannot be told; left blank`, lineCol(row.tokens[0]?.pos));
      continue;
    }
    table.columns.forEach((c, i) => {
      const path = spec.cells[c.id];
      const v = values[i];
      if (path === undefined || v === undefined || reader.seen.has(path)) return;
      reader.readValue({ path, type: spec.type, unit: spec.unit }, v.text, v.pos);
      reader.provenance.set(path, 'table');
    });
  }
}

function lineCol(pos: SourcePosition | undefined): { line: number; column: number } | undefined {
  return pos?.line === undefined ? undefined : { line: pos.line, column: pos.column ?? 1 };
}
