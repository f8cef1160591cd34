import type { IndicatorRow, SourcePosition, TemplateTable } from '@jixiao/core';
import { labelPattern } from '../form/labels.js';
import type { FormReader } from '../form/read-form.js';
import { parseValue } from '../form/values.js';
import type { DocumentIndex } from './read-document.js';
import { at } from './rows.js';

type ListTable = Extract<TemplateTable, { layout: 'indicator-list' }>;

/** An indicator's points in brackets after its name: `相关性(5 分)`, `（10分）`. */
const BRACKETED_POINTS = /[(（]\s*([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,2})?)\s*分\s*[)）]/gu;
/** A score standing right after the bracket, before white space or the end. */
const SCORE_AFTER = /^\s*([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,2})?)(?=\s|$)/u;
/** How far apart (characters) the header's indicator and score labels may stand. */
const HEADER_SPAN = 40;
/** The longest text read as an indicator's name; longer text between brackets is not a score sheet's row. */
const MAX_NAME = 40;

const labels = (ls: readonly string[]): string => ls.map(labelPattern).join('|');

/** The document's lines joined by line breaks, where each starts, and the indicator header in it (name … score labels), if any. */
function runTogether(index: DocumentIndex, table: ListTable): { text: string; starts: number[]; header: RegExpExecArray | null } {
  const starts: number[] = [];
  let text = '';
  for (const l of index.lines) {
    starts.push(text.length);
    text += `${l.text}\n`;
  }
  const name = table.columns.find((c) => c.key === 'name');
  const score = table.columns.find((c) => c.key === 'score');
  if (name === undefined || score === undefined) return { text, starts, header: null };
  return { text, starts, header: new RegExp(`(?:${labels(name.labels)})[\\s\\S]{0,${String(HEADER_SPAN)}}?(?:${labels(score.labels)})`, 'u').exec(text) };
}

/** A position in the joined text, as the readers name it: the last line starting at or before the offset (binary search over the lines' starts). */
function positionIn(index: DocumentIndex, starts: readonly number[], offset: number, excerpt: string): SourcePosition {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return at(index, lo + 1, offset - (starts[lo] ?? 0), excerpt);
}

/**
 * The indicator header in running text (its name … score labels, as {@link readRunTogether} looks for them), where
 * no row under it could be read: its columns ran together past telling one figure from the next (a preview's
 * `100%22否`). Undefined when the text has no such header.
 */
export function runTogetherHeader(index: DocumentIndex, table: ListTable): SourcePosition | undefined {
  const { starts, header } = runTogether(index, table);
  return header === null ? undefined : positionIn(index, starts, header.index, header[0].replace(/\s+/g, ' '));
}

/**
 * A score sheet whose columns ran together in running text (a PDF's or a preview's text): after a header naming
 * the indicator and its score (`三级指标 得分`), each indicator is its name with its points in brackets, then its
 * score — `相关性(5 分) 5 明确性(5 分) 5 …`. A name with points and no score after it heads the ones that follow:
 * two in a row are the 一级 and 二级指标 (`部门决 策(25 分) 目标任务(15 分) 相关性(5 分) 5`), one alone a new 二级.
 * Reading stops at 总分/合计 — written as a row, `总分(100 分) 87.5`, it gives the total points and the claimed total —
 * or where the text no longer has that shape; text left after the last indicator that is no total means the sheet
 * goes on past what could be read: the rows read are kept and the list is marked cut short.
 * Returns whether any indicator was read.
 */
export function readRunTogether(reader: FormReader, index: DocumentIndex, table: ListTable, path: string): boolean {
  const { text, starts, header } = runTogether(index, table);
  if (header === null) return false;
  const stop = new RegExp(`^(?:${labels(table.stop ?? ['总分', '合计'])})`, 'u');
  const where = (offset: number, excerpt: string): SourcePosition => positionIn(index, starts, offset, excerpt);
  const figure = (raw: string, pos: SourcePosition, p: string): number | null => {
    const parsed = parseValue('score', raw);
    if (!parsed.ok || typeof parsed.value !== 'number') {
      reader.unreadable(p, raw, pos);
      return null;
    }
    return parsed.value;
  };
  const rows: IndicatorRow[] = [];
  const positions: [string, SourcePosition][] = [];
  let heads: string[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  let from = header.index + header[0].length;
  const marks = new RegExp(BRACKETED_POINTS.source, 'gu');
  marks.lastIndex = from;
  for (let m = marks.exec(text); m !== null && rows.length < 2_000; m = marks.exec(text)) {
    const raw = text.slice(from, m.index);
    const label = raw.replace(/\s+/g, '');
    if (label === '' || label.length > MAX_NAME || /[0-9０-９]/.test(label)) break;
    const after = SCORE_AFTER.exec(text.slice(m.index + m[0].length));
    if (stop.test(label)) {
      // The total written as a row, `总分(100 分) 87.5`: its points are the total points, its score the claimed total.
      if (after?.[1] !== undefined && rows.length > 0) {
        if (!reader.seen.has('selfAssessment.totalPoints')) reader.readValue({ path: 'selfAssessment.totalPoints', type: 'score' }, m[1] ?? '', where(m.index, m[0]));
        if (!reader.seen.has('selfRating.score')) reader.readValue({ path: 'selfRating.score', type: 'score' }, after[1], where(m.index + m[0].length + after[0].length - after[1].length, after[1]));
        from = m.index + m[0].length + after[0].length;
      }
      break;
    }
    from = m.index + m[0].length + (after?.[0].length ?? 0);
    marks.lastIndex = from;
    if (after?.[1] === undefined) {
      heads.push(label);
      continue;
    }
    if (heads.length >= 2) [level1, level2] = [heads[0] ?? null, heads[heads.length - 1] ?? null];
    else if (heads.length === 1) level2 = heads[0] ?? null;
    heads = [];
    const n = `${path}.${String(rows.length)}`;
    const namePos = where(m.index - raw.trimStart().length, label);
    const pointsPos = where(m.index, m[0]);
    const scorePos = where(m.index + m[0].length + after[0].length - after[1].length, after[1]);
    rows.push({ level1, level2, name: label, target: null, actual: null, points: figure(m[1] ?? '', pointsPos, `${n}.points`), score: figure(after[1], scorePos, `${n}.score`) });
    positions.push([`${n}.name`, namePos], [`${n}.points`, pointsPos], [`${n}.score`, scorePos]);
  }
  if (rows.length === 0) return false;
  reader.set(path, rows, where(header.index, header[0]));
  reader.provenance.set(path, 'table');
  for (const [p, pos] of positions) reader.positions[p] = pos;
  const rest = text.slice(from).replace(/\s+/g, '');
  if (rest !== '' && !stop.test(rest)) markCutShort(reader, path, where(from, rest.slice(0, 20)), rows.length);
  return true;
}

/**
 * A score sheet read from text up to where it stops having the shape of its rows (at `pos`, whose excerpt is the
 * text there), with no 总分/合计 row after: the rows read are kept and the list is marked cut short (unknown as a
 * whole), so no total is decided from part of it.
 */
export function markCutShort(reader: FormReader, path: string, pos: SourcePosition, rows: number): void {
  const shown = pos.excerpt ?? '';
  reader.positions[path] = pos;
  reader.diag(
    'indicator-table-cut-short',
    'warning',
    `得分表在“${shown}”处不再是一行一个指标的样子，其后也没有总分/合计行（文件在此截断，或各栏错乱）：已读出的 ${String(rows)} 行保留，指标表按不完整处理，合计无法判断`,
    `the score sheet stops having the shape of one indicator a row at "${shown}", with no total row after it (the file ends there, or its columns are jumbled): the ${String(rows)} rows read are kept, the table is taken as incomplete and its totals cannot be decided`,
    pos.line === undefined ? undefined : { line: pos.line, column: pos.column ?? 1 },
    path,
  );
}
