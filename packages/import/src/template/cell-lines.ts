import type { IndicatorRow, SourcePosition, TemplateTable } from '@jixiao/core';
import { labelPattern } from '../form/labels.js';
import type { FormReader } from '../form/read-form.js';
import { parseValue } from '../form/values.js';
import type { DocumentIndex } from './read-document.js';
import { at } from './rows.js';
import { markCutShort } from './run-together.js';

type ListTable = Extract<TemplateTable, { layout: 'indicator-list' }>;

/** A score or points figure alone on its line (`10`, `9.8`, `5分`). */
const FIGURE = /^[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,2})?\s*分?$/u;
/** The longest line taken as a piece of a header label a page broke over lines (`一级` / `指标`, `自评` / `得分`). */
const LABEL_PIECE = 4;
/** The longest header cell (a header label with its note, `分值(10分)`). */
const MAX_HEADER = 20;
/** The longest line taken as an indicator's name. */
const MAX_NAME = 40;
/** At most this many header cells between the 分值 and 得分 headers (指标解释, 计分标准 …). */
const MAX_BETWEEN = 6;

const alternatives = (labels: readonly string[], anchored = false): RegExp => new RegExp(`${anchored ? '^' : ''}(?:${labels.map(labelPattern).join('|')})`, 'u');

/**
 * A score sheet copied from a web page a cell a line (the blank lines between them are dropped with the other
 * blank lines), its cells broken over lines too (`一级` / `指标`, `自评` / `得分`): no cell marks and no row breaks
 * (大英县总工会). Its header is found by its labels, two short lines in a row looked at joined: the 分值 header, the
 * headers after it (指标解释, 计分标准 …) and the 得分 header tell how many lines of text stand between an
 * indicator's points and its score. Each row under the header is then an indicator's name (a line of text), its
 * points (a figure), that many lines of text and its score (a figure); lines that do not take that shape (the
 * merged 一级/二级指标 cells broken over lines before a row, a 备注) are passed over, so the levels are not read.
 * Reading stops at a 总分/合计 line (with its points and score, when it has the shape of a row). A sheet whose text
 * ends before that line went on past what could be read: the rows read are kept and the list is marked cut short.
 * Returns whether any indicator was read.
 */
export function readCellLines(reader: FormReader, index: DocumentIndex, table: ListTable, path: string): boolean {
  const byKey = (key: string): RegExp | undefined => {
    const column = table.columns.find((c) => c.key === key);
    return column === undefined ? undefined : alternatives(column.labels);
  };
  const [name, points, score] = [byKey('name'), byKey('points'), byKey('score')];
  if (name === undefined || points === undefined || score === undefined) return false;
  // The lines with text (a copy in another format may keep the page's blank lines as empty paragraphs), and where each stands.
  const kept = index.lines.map((l, i) => ({ text: l.text.replace(/\s+/g, ''), at: i })).filter((l) => l.text !== '');
  const lines = kept.map((l) => l.text);
  const header = headerOf(lines, { name, points, score });
  if (header === undefined) return false;
  const stop = alternatives(table.stop ?? ['总分', '合计'], true);
  const text = (i: number): boolean => (lines[i] ?? '') !== '' && !FIGURE.test(lines[i] ?? '');
  const figure = (i: number): boolean => FIGURE.test(lines[i] ?? '');
  /** An indicator's row at line i: its name, points, the lines between and its score. */
  const rowAt = (i: number): boolean => {
    if (!text(i) || (lines[i] ?? '').length > MAX_NAME || !figure(i + 1) || !figure(i + 2 + header.between)) return false;
    for (let j = i + 2; j < i + 2 + header.between; j++) if (!text(j)) return false;
    return true;
  };
  const where = (i: number): SourcePosition => {
    const line = kept[i]?.at ?? 0;
    return at(index, line + 1, 0, (index.lines[line]?.text ?? '').trim());
  };
  const value = (i: number, p: string): number | null => {
    const parsed = parseValue('score', lines[i] ?? '');
    if (parsed.ok && typeof parsed.value === 'number') return parsed.value;
    reader.unreadable(p, lines[i] ?? '', where(i));
    return null;
  };
  const rows: IndicatorRow[] = [];
  const positions: [string, SourcePosition][] = [];
  let stopped = false;
  let i = header.end;
  for (; i < lines.length && rows.length < 2_000; i++) {
    if (stop.test(lines[i] ?? '')) {
      stopped = true;
      if (rows.length > 0 && rowAt(i)) {
        if (!reader.seen.has('selfAssessment.totalPoints')) reader.readValue({ path: 'selfAssessment.totalPoints', type: 'score' }, lines[i + 1] ?? '', where(i + 1));
        if (!reader.seen.has('selfRating.score')) reader.readValue({ path: 'selfRating.score', type: 'score' }, lines[i + 2 + header.between] ?? '', where(i + 2 + header.between));
      }
      break;
    }
    // A figure outside a row is a row that does not take the shape (a cell broken over lines, a blank score left
    // out): the rows from there on cannot be told apart, so the list ends there, cut short.
    if (figure(i)) break;
    if (!rowAt(i)) continue;
    const n = `${path}.${String(rows.length)}`;
    const scoreAt = i + 2 + header.between;
    rows.push({ level1: null, level2: null, name: lines[i] ?? null, target: null, actual: null, points: value(i + 1, `${n}.points`), score: value(scoreAt, `${n}.score`) });
    positions.push([`${n}.name`, where(i)], [`${n}.points`, where(i + 1)], [`${n}.score`, where(scoreAt)]);
    i = scoreAt;
  }
  if (rows.length === 0) return false;
  reader.set(path, rows, where(header.start));
  reader.provenance.set(path, 'table');
  for (const [p, pos] of positions) reader.positions[p] = pos;
  if (!stopped) {
    const last = Math.min(i, lines.length - 1);
    markCutShort(reader, path, { ...where(last), excerpt: lines[last] ?? '' }, rows.length);
  }
  return true;
}

/**
 * The header of a score sheet a cell a line: the 分值 header, then within a few cells the 得分 header, each a short
 * line or two short lines joined (`自评` / `得分`), and the indicator's name header (三级指标) among the cells
 * around them. Gives the line the header starts on, the line after its 得分 header, and how many header cells stand
 * between 分值 and 得分.
 */
function headerOf(lines: readonly string[], labels: { name: RegExp; points: RegExp; score: RegExp }): { start: number; end: number; between: number } | undefined {
  // Header cells: each line, or two short lines joined where together they make a label.
  const cells: { text: string; start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [a, b] = [lines[i] ?? '', lines[i + 1] ?? ''];
    const joined = a + b;
    if (a.length <= LABEL_PIECE && b.length <= LABEL_PIECE && b !== '' && Object.values(labels).some((re) => re.test(joined) && !re.test(a))) {
      cells.push({ text: joined, start: i, end: i + 2 });
      i++;
    } else cells.push({ text: a, start: i, end: i + 1 });
  }
  const isHeader = (c: { text: string } | undefined, re: RegExp): boolean => c !== undefined && c.text.length <= MAX_HEADER && re.test(c.text);
  for (let p = 0; p < cells.length; p++) {
    if (!isHeader(cells[p], labels.points)) continue;
    for (let s = p + 1; s <= p + 1 + MAX_BETWEEN && s < cells.length; s++) {
      if (FIGURE.test(cells[s]?.text ?? '')) break;
      if (!isHeader(cells[s], labels.score)) continue;
      const around = cells.slice(Math.max(0, p - MAX_BETWEEN), s + 1 + 2 * MAX_BETWEEN);
      if (!around.some((c) => isHeader(c, labels.name))) break;
      return { start: cells[p]?.start ?? 0, end: cells[s]?.end ?? 0, between: s - p - 1 };
    }
  }
  return undefined;
}
