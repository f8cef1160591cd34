import type { Template, TemplateTable } from '@jixiao/core';
import type { DocumentElements } from '../document/elements.js';
import { labelPattern } from '../form/labels.js';
import type { FormReader } from '../form/read-form.js';
import type { DocumentIndex } from './read-document.js';
import { readIndicatorList } from './indicators.js';
import { documentTokens, type Token } from './rows.js';

/**
 * The table maps of a template, read by position over the document's tokens (./rows.ts):
 * - `header-value`: the column headers (at least two of them, in order), then the values, one per column;
 * - `grid`: a header row of column labels, then rows named by a label, each followed by its values.
 * In a table the values are the cells that follow (a blank cell holds its column's place); in text where the
 * columns ran together, the figures that follow — read only when there are exactly as many as columns, since a
 * missing one would shift the rest. A field a labelled cell already gave is not read again.
 */

const alternatives = (labels: readonly string[]): string => labels.map(labelPattern).join('|');

/** A figure as a table holds it: digits (full- or half-width), a decimal part, thousands commas, %, 万元/元/人. */
const FIGURE = /^[（(]?-?[0-9０-９][0-9０-９,，.．]*\s*(?:%|％|万元|元|人|名|分)?[）)]?[。.]?$/;
/** A note of the unit between a label and its figures: `（万元）`, `单位：万元`, `%`. */
const UNIT_NOTE = /^[（(]?(?:(?:金额)?单位[:：])?(?:万元|元|人|%|％)[）)]?$/;
/** A blank cell's text (nothing, or a dash). */
const BLANK = /^[-—–/／\s]*$/;

const isFigure = (t: Token): boolean => FIGURE.test(t.text.trim());
const isValue = (t: Token): boolean => isFigure(t) || (t.cell && BLANK.test(t.text));

/** How many tokens a header may stand apart from the previous one (a unit note, an empty cell between). */
const HEADER_GAP = 3;

/**
 * The columns' headers starting at token `from`: each token names the first column not yet found whose labels
 * it contains (`2017年决算数` names 上年决算 when that column's labels include 决算数 and it comes first).
 * Returns the index of each column's header token, or undefined when fewer than two (or all, for one column) are found.
 */
function headersAt(tokens: readonly Token[], from: number, columns: readonly RegExp[]): { at: Map<number, number>; end: number } | undefined {
  const at = new Map<number, number>();
  let last = from - 1;
  for (let k = from; k < tokens.length && k - last <= HEADER_GAP; k++) {
    const text = tokens[k]?.text ?? '';
    const c = columns.findIndex((re, i) => !at.has(i) && re.test(text));
    if (c < 0) {
      if (k === from) return undefined;
      continue;
    }
    at.set(c, k);
    last = k;
    if (at.size === columns.length) break;
  }
  return at.size >= Math.min(2, columns.length) ? { at, end: last } : undefined;
}

/**
 * The values after token `from` for columns found at `header`: in a table, the cells of the next row in the
 * columns' places (when the rows have the same number of cells) or in order; in text, the next figures in order.
 */
function valuesAfter(tokens: readonly Token[], from: number, header: Map<number, number>, columns: number, between: 'any' | 'unit' = 'any'): (Token | undefined)[] | undefined {
  const order = [...header.entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  const values: Token[] = [];
  // At most two tokens between the headers and the values (a unit note `（万元）`, the value row's label
  // `年度资金总额`); after a grid row's label, only unit notes: other text ends the row (`公用经费 其中:办公经费
  // 14.44 …`: the figures are the next row's, 公用经费 has none).
  const skip = (t: Token): boolean => (between === 'unit' ? UNIT_NOTE.test(t.text.trim()) : !isValue(t));
  let k = from;
  for (let t = tokens[k]; t !== undefined && k - from < 2 && skip(t); t = tokens[++k]);
  for (; k < tokens.length && values.length < order.length; k++) {
    const t = tokens[k];
    if (t === undefined || !isValue(t)) break;
    values.push(t);
    if (t.rowEnd) break;
  }
  // A grid row with no figure at all is blank, as a blank row of a table is.
  if (values.length === 0 && between === 'unit') return Array.from({ length: columns }, () => undefined);
  if (values.length !== order.length) return undefined;
  const out: (Token | undefined)[] = Array.from({ length: columns }, () => undefined);
  order.forEach((c, i) => {
    const v = values[i];
    out[c] = v !== undefined && !BLANK.test(v.text) ? v : undefined;
  });
  return out;
}

export function readTables(reader: FormReader, doc: DocumentElements, index: DocumentIndex, template: Template): void {
  const tokens = documentTokens(doc, index);
  for (const table of template.tables) {
    if (table.layout === 'header-value') readHeaderValue(reader, tokens, table);
    else if (table.layout === 'grid') readGrid(reader, tokens, table);
    else readIndicatorList(reader, doc, index, table);
  }
}

function unplaced(reader: FormReader, what: string, t: Token | undefined): void {
  reader.diag(
    'table-values-unplaced',
    'warning',
    `“${what}”之后的数字个数与栏目数不符，无法确定各数所属栏目，按空白处理`,
    `after "${what}" the number of figures differs from the number of columns: which figure belongs where cannot be told; left blank`,
    t?.pos.line === undefined ? undefined : { line: t.pos.line, column: t.pos.column ?? 1 },
  );
}

/**
 * In a table, the values of a header row are in the next row, each under its header: when both rows have as
 * many cells (a label cell merged down the two rows leaves a blank cell below it, which holds its place), or when
 * the next row has fewer — a web page's table leaves out the cells merged down from above, which stand on its
 * left (`部门(单位)总体资金 | 资金来源 | 年初预算数 …` over `年度资金总额 | 1172.55 …`): its cells move right by as
 * many. Undefined when the headers are not table cells, the next row is longer, or a cell under a header is no figure.
 */
function valuesInPlace(tokens: readonly Token[], header: Map<number, number>, columns: number): (Token | undefined)[] | undefined {
  const heads = [...header.values()];
  if (heads.some((k) => tokens[k]?.col === undefined)) return undefined;
  let end = Math.max(...heads);
  while (end < tokens.length && tokens[end]?.rowEnd !== true) end++;
  const row: Token[] = [];
  for (let k = end + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t?.cell) return undefined;
    row.push(t);
    if (t.rowEnd) break;
  }
  const merged = (tokens[end]?.col ?? -2) + 1 - row.length;
  if (row.length === 0 || merged < 0) return undefined;
  const out: (Token | undefined)[] = Array.from({ length: columns }, () => undefined);
  for (const [c, k] of header) {
    const v = row.find((t) => (t.col ?? -1) + merged === tokens[k]?.col);
    if (v === undefined || !isValue(v)) return undefined;
    out[c] = BLANK.test(v.text) ? undefined : v;
  }
  return out;
}

function readHeaderValue(reader: FormReader, tokens: readonly Token[], table: Extract<TemplateTable, { layout: 'header-value' }>): void {
  const columns = table.columns.map((c) => new RegExp(alternatives(c.labels)));
  for (let k = 0; k < tokens.length; k++) {
    const header = headersAt(tokens, k, columns);
    if (header === undefined) continue;
    const values = valuesInPlace(tokens, header.at, table.columns.length) ?? valuesAfter(tokens, header.end + 1, header.at, table.columns.length);
    if (values === undefined) {
      unplaced(reader, tokens[k]?.text ?? '', tokens[header.end + 1]);
      return;
    }
    table.columns.forEach((c, i) => {
      const v = values[i];
      if (c.path === undefined || reader.seen.has(c.path)) return;
      // A blank under a header that is there is read as blank (at the header), not reported as a missing label.
      const head = header.at.get(i);
      if (v === undefined && head === undefined) return;
      const at = v ?? tokens[head ?? -1];
      reader.readValue({ path: c.path, type: c.type ?? 'money', unit: c.unit }, v?.text ?? '', at?.pos ?? {});
      reader.provenance.set(c.path, 'table');
    });
    return;
  }
}

function readGrid(reader: FormReader, tokens: readonly Token[], table: Extract<TemplateTable, { layout: 'grid' }>): void {
  const columns = table.columns.map((c) => new RegExp(alternatives(c.labels)));
  // A row label may be numbered (`1、`, `（一）`) and say `其中：`; it may be cut into up to three tokens.
  const rows = table.rows.map((r) => new RegExp(`^(?:[（(]?[0-9０-９一二三四五六七八九十]{1,3}[）)、.．]?)?(?:其中[:：]?)?(?:${alternatives(r.labels)})[:：]?$`));
  let header: Map<number, number> | undefined;
  const done = new Set<number>();
  for (let k = 0; k < tokens.length; k++) {
    const found = headersAt(tokens, k, columns);
    if (found !== undefined && found.at.size >= 2) {
      header = found.at;
      k = found.end;
      continue;
    }
    if (header === undefined) continue;
    let which = -1;
    let end = k;
    for (let span = 0; span < 3 && which < 0 && k + span < tokens.length; span++) {
      const text = tokens.slice(k, k + span + 1).map((t) => t.text.trim()).join('');
      which = rows.findIndex((re, i) => !done.has(i) && re.test(text));
      end = k + span;
    }
    const spec = table.rows[which];
    if (spec === undefined) continue;
    done.add(which);
    const values = valuesAfter(tokens, end + 1, header, table.columns.length, 'unit');
    if (values === undefined) {
      unplaced(reader, spec.labels[0] ?? '', tokens[k]);
      continue;
    }
    table.columns.forEach((c, i) => {
      const cell = spec.cells[c.id];
      const v = values[i];
      // A column whose header the table does not have is not on the form: its fields are not read (not blank).
      if (cell === undefined || header?.has(i) !== true) return;
      for (const path of typeof cell === 'string' ? [cell] : cell) {
        if (reader.seen.has(path)) continue;
        // A blank cell is read as blank where its row's label stands.
        reader.readValue({ path, type: spec.type, unit: spec.unit }, v?.text ?? '', v?.pos ?? tokens[k]?.pos ?? {});
        reader.provenance.set(path, 'table');
      }
    });
    k = end;
  }
}
