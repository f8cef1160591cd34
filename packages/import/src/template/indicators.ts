import { INDICATOR_NATURES, type IndicatorRow, type SourcePosition, type TemplateTable } from '@jixiao/core';
import { cellText, type DocumentElements, type TableCellElement, type TableRowElement } from '../document/elements.js';
import { labelPattern } from '../form/labels.js';
import type { FormReader } from '../form/read-form.js';
import { parseValue } from '../form/values.js';
import type { DocumentIndex } from './read-document.js';
import { at } from './rows.js';
import { readCellLines } from './cell-lines.js';
import { readRunTogether, runTogetherHeader } from './run-together.js';

type ListTable = Extract<TemplateTable, { layout: 'indicator-list' }>;
type Key = ListTable['columns'][number]['key'];

/** Most indicator rows read from one table (the model holds at most 2,000). */
const MAX_ROWS = 2_000;

/** A comparator written in its own column (四川式 指标性质: ≥ / ≤ / =). */
const COMPARATOR = /^[≥≤=＝﹦<>＜＞]$/;
/** Columns a merged (vertically spanning) cell leaves blank in the rows below it: read down from the row above. */
const FILL_DOWN: ReadonlySet<Key> = new Set(['level1', 'level2', 'nature']);

/** The grid column each cell of a row starts in (a cell spanning columns moves the next one along). */
function gridColumns(cells: readonly TableCellElement[]): number[] {
  let col = 0;
  return cells.map((c) => {
    const start = col;
    col += c.colSpan ?? 1;
    return start;
  });
}

/** Columns that hold a figure (or nothing) in an indicator row, and the one that holds the indicator's name. */
const FIGURE_KEYS: ReadonlySet<Key> = new Set(['points', 'score']);
const FIGURE = /^[0-9０-９.．]+\s*分?$/;

/**
 * The grid columns of a row with fewer cells than the header (a web page's table leaves out the cells merged
 * down from the row above): the cells left out are the first 一级/二级指标 and 指标性质 columns (read down from the
 * row above), or else the first columns — whichever puts a figure, or nothing, under 分值 and 得分 and no figure
 * under the indicator's name. Null when neither does (a row cut short: its cells stand in the first columns).
 */
function placeMerged(cells: readonly TableCellElement[], width: number, byColumn: ReadonlyMap<number, Key>): number[] | null {
  const missing = width - cells.length;
  const fillDown = [...byColumn.entries()].filter(([, k]) => FILL_DOWN.has(k)).map(([c]) => c).sort((a, b) => a - b).slice(0, missing);
  const leftmost = Array.from({ length: missing }, (_, i) => i);
  const fits = (cols: readonly number[]): boolean =>
    cells.every((cell, i) => {
      const key = byColumn.get(cols[i] ?? -1);
      const text = cellText(cell).replace(/\s+/g, '');
      if (key === 'name') return text !== '' && !FIGURE.test(text);
      return key === undefined || !FIGURE_KEYS.has(key) || text === '' || FIGURE.test(text);
    });
  for (const left of fillDown.length === missing ? [fillDown, leftmost] : [leftmost]) {
    const skip = new Set(left);
    const cols = Array.from({ length: width }, (_, c) => c).filter((c) => !skip.has(c));
    if (fits(cols)) return cols;
  }
  return null;
}

/** A cell holding a figure, or blank. */
const figureOrBlank = (cell: TableCellElement | undefined): boolean => cell !== undefined && (cell.paragraphs.length === 0 || FIGURE.test(cellText(cell).replace(/\s+/g, '')));

/** Paragraphs that may stand between a table and its continuation: a page's footer and the next page's header. */
const MAX_BETWEEN = 3;

/**
 * Whether a row under the header reads as an indicator: the header's width (a web page's row may leave out the
 * cells merged down from above), an indicator's name under 三级指标 and a figure under 分值 or 得分, blanks or
 * figures only under both.
 */
function indicatorShaped(row: TableRowElement, header: TableRowElement, byColumn: ReadonlyMap<number, Key>, format: DocumentElements['format']): boolean {
  const width = header.cells.length;
  const cols = row.cells.length === width ? gridColumns(row.cells) : format === 'text' && row.cells.length < width ? placeMerged(row.cells, width, byColumn) : null;
  if (cols === null) return false;
  const under = (key: Key): string | undefined => {
    const i = row.cells.findIndex((_, j) => byColumn.get(cols[j] ?? -1) === key);
    const cell = row.cells[i];
    return cell === undefined ? undefined : cellText(cell).replace(/\s+/g, '');
  };
  const name = under('name') ?? '';
  const figures = (['points', 'score'] as const).map(under);
  return name !== '' && !FIGURE.test(name) && figures.every((t) => t === undefined || t === '' || FIGURE.test(t)) && figures.some((t) => t !== undefined && t !== '');
}

/**
 * The rows of the tables that carry on an indicator table after a break — a page break in a PDF's or a web page's
 * text (its footer and header lines between), a Word table split by a paragraph, the next worksheet: each next
 * table whose first row repeats the header (left out) or reads as an indicator under it. Without them the rows
 * after the break were not read, and no diagnostic said so.
 */
function continuedRows(doc: DocumentElements, from: number, header: TableRowElement, byColumn: ReadonlyMap<number, Key>): TableRowElement[] {
  const out: TableRowElement[] = [];
  const headerText = header.cells.map((c) => cellText(c).replace(/\s+/g, '')).join('|');
  let between = 0;
  for (let b = from + 1; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    if (block === undefined) break;
    if (block.kind !== 'table') {
      if (++between > MAX_BETWEEN) break;
      continue;
    }
    const [first, ...rest] = block.rows;
    if (first === undefined) break;
    if (first.cells.map((c) => cellText(c).replace(/\s+/g, '')).join('|') === headerText) out.push(...rest);
    else if (indicatorShaped(first, header, byColumn, doc.format)) out.push(...block.rows);
    else break;
    between = 0;
  }
  return out;
}

/**
 * The rows of a table copied one cell at a time (text/partition: the copy keeps no row breaks, its cells make one
 * row): the header is the leading cells up to the first figure, naming the columns; a row is known by its
 * indicator's name (text) with figures (or blanks) where the header puts 分值 and 得分, and it ends with the
 * header's last column. Cells merged down from the row above are left out of a row and stand first, so at most as
 * many cells as the columns before the name come before it; the header is as wide as the first row, which has
 * them all. Undefined when the cells do not have that shape (no 三级指标/分值/得分 header, no row under it).
 */
function streamRows(row: TableRowElement | undefined, columns: readonly { key: Key; re: RegExp }[]): { rows: TableRowElement[] } | undefined {
  const cells = row?.cells ?? [];
  const at = new Map<Key, number>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === undefined || figureOrBlank(cell)) break;
    const text = cellText(cell).replace(/\s+/g, '');
    const found = columns.find((c) => !at.has(c.key) && c.re.test(text));
    if (found !== undefined && text.length <= 20) at.set(found.key, i);
  }
  const [n, p, s] = [at.get('name'), at.get('points'), at.get('score')];
  if (n === undefined || p === undefined || s === undefined || p <= n || s <= n) return undefined;
  const filled = (j: number): boolean => (cells[j]?.paragraphs.length ?? 0) > 0;
  // An indicator's name (text), its points (a figure) and its score (a figure, or blank) in their columns.
  const isName = (j: number): boolean => filled(j) && !figureOrBlank(cells[j]) && filled(j + p - n) && figureOrBlank(cells[j + p - n]) && figureOrBlank(cells[j + s - n]);
  let first = Math.max(p, s) + 1 + n;
  while (first < cells.length && !isName(first)) first++;
  if (first >= cells.length) return undefined;
  const width = first - n;
  const rows: TableRowElement[] = [{ cells: cells.slice(0, width), origin: cells[0]?.origin ?? {} }];
  for (let r = width; r < cells.length; ) {
    let j = r;
    while (j <= r + n && j < cells.length && !isName(j)) j++;
    const end = j <= r + n && j < cells.length ? Math.min(j + width - n, cells.length) : cells.length;
    rows.push({ cells: cells.slice(r, end), origin: cells[r]?.origin ?? {} });
    r = end;
  }
  return { rows };
}

function nature(text: string): IndicatorRow['nature'] | undefined {
  if (text.includes('定量')) return INDICATOR_NATURES[0];
  if (text.includes('定性')) return INDICATOR_NATURES[1];
  return undefined;
}

/**
 * An indicator table (T3/T4/T5): a header row naming the columns (一级指标 … 年度指标值, 实际完成值, 分值/指标
 * 权重, 得分, 偏差原因 …), then one indicator a row, up to a row that opens with 总分/合计 (its 分值 is the total
 * points, its 得分 the claimed total when no labelled 自评总分 gave one) or the end of the table. A header cell
 * names the first column in the template's order whose labels it holds, so list the more specific first
 * (调整指标值 before 指标值, 得分系数 before 得分). Cells a vertically merged cell leaves blank take the row above's
 * 一级/二级指标 and 指标性质. A comparator in the 指标性质 column (四川式 `≥`) and a separate 度量单位 are written
 * into the target as the form shows it (`≥95%`). A row with no figure at all (`指标2：……`) is not an indicator.
 */
export function readIndicatorList(reader: FormReader, doc: DocumentElements, index: DocumentIndex, table: ListTable): void {
  const path = 'selfAssessment.indicators';
  if (reader.seen.has(path)) return;
  const columns = table.columns.map((c) => ({ key: c.key, re: new RegExp(c.labels.map(labelPattern).join('|')) }));
  const stop = new RegExp(`^(?:${(table.stop ?? ['总分', '合计']).map(labelPattern).join('|')})`);
  const where = (cell: TableCellElement | undefined): SourcePosition => {
    const first = cell?.paragraphs[0];
    const line = first === undefined ? undefined : index.lineOf.get(first);
    return line === undefined ? {} : at(index, line, 0, cellText(cell ?? { paragraphs: [], origin: {} }).trim());
  };
  let headerOnly: SourcePosition | undefined;
  for (const [b, table] of doc.blocks.entries()) {
    if (table.kind !== 'table') continue;
    const block = doc.format === 'text' && table.rows.length === 1 ? (streamRows(table.rows[0], columns) ?? table) : table;
    for (let r = 0; r < block.rows.length; r++) {
      const header = block.rows[r];
      if (header === undefined) continue;
      const byColumn = new Map<number, Key>();
      const grid = gridColumns(header.cells);
      header.cells.forEach((cell, i) => {
        const text = cellText(cell).replace(/\s+/g, '');
        const found = columns.find((c) => ![...byColumn.values()].includes(c.key) && c.re.test(text));
        if (found !== undefined && text.length <= 20) byColumn.set(grid[i] ?? i, found.key);
      });
      const keys = new Set(byColumn.values());
      if (byColumn.size < 3 || !keys.has('name') || !(keys.has('score') || keys.has('actual'))) continue;
      const rows: IndicatorRow[] = [];
      const positions: [string, SourcePosition][] = [];
      let cutShort: TableRowElement | undefined;
      let cutRead = false;
      let lastRead: Partial<Record<Key, string>> = {};
      let above: Partial<Record<Key, string>> = {};
      // The rows under the header, and those of the tables that carry the list on after a break.
      const body = [...block.rows.slice(r + 1), ...continuedRows(doc, b, header, byColumn)];
      for (let k = 0; k < body.length && rows.length < MAX_ROWS; k++) {
        const row = body[k];
        if (row === undefined) continue;
        // Only text from a web page leaves merged cells out of a row; other formats keep a blank in their place.
        // A last row that is short with no merged cells to place was cut off: the list is not whole.
        const placed = doc.format === 'text' && row.cells.length < header.cells.length ? placeMerged(row.cells, header.cells.length, byColumn) : undefined;
        if (placed === null && k === body.length - 1) cutShort = row;
        const cols = placed ?? gridColumns(row.cells);
        const texts: Partial<Record<Key, string>> = {};
        const cellOf: Partial<Record<Key, TableCellElement>> = {};
        row.cells.forEach((cell, i) => {
          const key = byColumn.get(cols[i] ?? i);
          if (key === undefined) return;
          texts[key] = cellText(cell).trim();
          cellOf[key] = cell;
        });
        const first = row.cells.map((c) => cellText(c).replace(/\s+/g, '')).find((t) => t !== '') ?? '';
        if (stop.test(first)) {
          readTotal(reader, texts, cellOf, where);
          // The 总分/合计 row closes the list: every indicator is above it, however short the row itself is.
          cutShort = undefined;
          break;
        }
        for (const key of FILL_DOWN) if ((texts[key] ?? '') === '' && above[key] !== undefined) texts[key] = above[key];
        above = texts;
        const figures = [texts.target, texts.actual, texts.points, texts.score].filter((t) => t !== undefined && t !== '' && !/^[-—/…\s]*$/.test(t));
        if ((texts.name ?? '') === '' || figures.length === 0) continue;
        const n = rows.length;
        const item = indicatorRow(reader, texts, cellOf, where, `${path}.${String(n)}`);
        rows.push(item);
        lastRead = texts;
        if (row === cutShort) cutRead = true;
        for (const [key, cell] of Object.entries(cellOf)) positions.push([`${path}.${String(n)}.${key}`, where(cell)]);
      }
      if (cutShort !== undefined && !cutRead && rows.length > 0) {
        // The cut row's figures are past the end of the text: it stays in the list as an indicator whose figures are
        // unknown (its name as far as it goes), so no rule decides for the whole list from the rows above it.
        const name = cutShort.cells.map((c) => cellText(c).trim()).find((t) => t !== '' && !FIGURE.test(t.replace(/\s+/g, '')));
        if (name !== undefined && !stop.test(name.replace(/\s+/g, ''))) {
          const { level1, level2 } = lastRead;
          rows.push({ ...(level1 === undefined ? {} : { level1 }), ...(level2 === undefined ? {} : { level2 }), name, target: null, actual: null, points: null, score: null });
        }
      }
      if (rows.length === 0) {
        headerOnly ??= { ...where(header.cells[0]), excerpt: header.cells.map((c) => cellText(c).replace(/\s+/g, '')).join(' ') };
        continue;
      }
      reader.set(path, rows, where(header.cells[0]));
      reader.provenance.set(path, 'table');
      for (const [p, pos] of positions) reader.positions[p] = pos;
      if (cutShort !== undefined) {
        // The rows read are kept; the list is marked unknown as a whole, so no total is decided from part of it.
        const pos = where(cutShort.cells[0]);
        reader.positions[path] = { ...pos, excerpt: cutShort.cells.map((c) => cellText(c).replace(/\s+/g, '')).join(' ') };
        reader.diag(
          'indicator-table-cut-short',
          'warning',
          `绩效指标表的最后一行“${reader.positions[path].excerpt ?? ''}”不完整（文件在此截断）：已读出的 ${String(rows.length)} 行保留，指标表按不完整处理，合计无法判断`,
          `the indicator table's last row ("${reader.positions[path].excerpt ?? ''}") is cut short (the file ends there): the ${String(rows.length)} rows read are kept, the table is taken as incomplete and its totals cannot be decided`,
          pos.line === undefined ? undefined : { line: pos.line, column: pos.column ?? 1 },
          path,
        );
      }
      return;
    }
  }
  // No table holds the indicators: running text whose columns ran together may, written as `名称(分值 分) 得分`,
  // or a web page's table copied a cell a line.
  if (headerOnly === undefined && (readRunTogether(reader, index, table, path) || readCellLines(reader, index, table, path))) return;
  // Its header in running text with no row read under it: the indicators are unknown, as below a table's header.
  headerOnly ??= runTogetherHeader(index, table);
  if (headerOnly !== undefined) {
    // The table is there (its header row), its rows are not: the indicators are unknown, not absent.
    reader.positions[path] = headerOnly;
    reader.diag(
      'indicator-rows-not-read',
      'warning',
      `绩效指标表只有表头“${headerOnly.excerpt ?? ''}”，其下读不出指标行（文件在此截断，或各栏连在一起）：指标按未知处理`,
      `the indicator table has its header ("${headerOnly.excerpt ?? ''}") but no row below it could be read (the file ends there, or its columns run together): the indicators are unknown`,
      headerOnly.line === undefined ? undefined : { line: headerOnly.line, column: headerOnly.column ?? 1 },
      path,
    );
    return;
  }
  reader.diag(
    'indicator-table-not-read',
    'warning',
    '找不到绩效指标表（表头含指标名称与得分或完成值的表格行）：指标未读取。从 PDF 或网页复制的文字常把各栏连在一起，请提交 Word 或 Excel 原件',
    'no indicator table was found (a table row of headers naming the indicator and its score or actual): the indicators were not read. Text copied from a PDF or a web page often runs the columns together; submit the Word or Excel original',
    undefined,
    path,
  );
}

function number(reader: FormReader, type: 'score' | 'percent', raw: string | undefined, pos: SourcePosition, path: string): number | null {
  if (raw === undefined) return null;
  const parsed = parseValue(type, raw);
  if (!parsed.ok) {
    reader.unreadable(path, raw, pos);
    return null;
  }
  return typeof parsed.value === 'number' ? parsed.value : null;
}

function indicatorRow(reader: FormReader, t: Partial<Record<Key, string>>, cellOf: Partial<Record<Key, TableCellElement>>, where: (c: TableCellElement | undefined) => SourcePosition, path: string): IndicatorRow {
  const text = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);
  const comparator = t.nature !== undefined && COMPARATOR.test(t.nature) ? t.nature : '';
  const unit = t.unit ?? '';
  // A bare figure in a form with a 度量单位 column is written with its unit (`95` + `%` → `95%`), as the form reads.
  const withUnit = (v: string | undefined): string | null => (v === undefined || v === '' ? null : /^[0-9.]+$/.test(v) && unit !== '' ? `${v}${unit}` : v);
  const target = withUnit(t.target);
  const core = t.core === undefined ? undefined : t.core.startsWith('是') ? true : t.core.startsWith('否') ? false : null;
  return {
    ...(t.level1 === undefined ? {} : { level1: text(t.level1) }),
    ...(t.level2 === undefined ? {} : { level2: text(t.level2) }),
    name: text(t.name),
    ...(t.nature === undefined || comparator !== '' ? {} : { nature: nature(t.nature) ?? null }),
    ...(t.unit === undefined ? {} : { unit: text(t.unit) }),
    target: target === null ? null : `${comparator}${target}`,
    ...(t.adjustedTarget === undefined ? {} : { adjustedTarget: withUnit(t.adjustedTarget) }),
    actual: withUnit(t.actual),
    points: number(reader, 'score', t.points, where(cellOf.points), `${path}.points`),
    score: number(reader, 'score', t.score, where(cellOf.score), `${path}.score`),
    ...(t.coefficient === undefined ? {} : { coefficient: number(reader, 'percent', t.coefficient, where(cellOf.coefficient), `${path}.coefficient`) }),
    ...(t.deviationReason === undefined ? {} : { deviationReason: text(t.deviationReason) }),
    ...(core === undefined ? {} : { core }),
  };
}

/** The 总分/合计 row: its 分值 is the total points; its 得分 the claimed total, unless a labelled 自评总分 gave it. */
function readTotal(reader: FormReader, t: Partial<Record<Key, string>>, cellOf: Partial<Record<Key, TableCellElement>>, where: (c: TableCellElement | undefined) => SourcePosition): void {
  if (t.points !== undefined && t.points !== '' && !reader.seen.has('selfAssessment.totalPoints')) reader.readValue({ path: 'selfAssessment.totalPoints', type: 'score' }, t.points, where(cellOf.points));
  if (t.score !== undefined && t.score !== '' && !reader.seen.has('selfRating.score')) reader.readValue({ path: 'selfRating.score', type: 'score' }, t.score, where(cellOf.score));
}
