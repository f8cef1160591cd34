import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentLines } from '../document/elements.js';
import { partitionText } from '../document/text.js';
import { shippedTemplate } from '../template/registry.js';
import { cellsOfLines, compact, compactUnit, compileLabelTrie, isWhiteUnit, joinSplitLabels, splitCells, type Cell } from './cells.js';

/** splitCells as it was first written (split at tabs, trim each piece). */
function splitCellsReference(lines: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  lines.forEach((raw, index) => {
    let offset = 0;
    for (const piece of raw.split('\t')) {
      const lead = piece.length - piece.trimStart().length;
      const text = piece.trim();
      if (text !== '') cells.push({ text, segments: [{ offset: 0, line: index + 1, column: offset + lead + 1 }] });
      offset += piece.length + 1;
    }
  });
  return cells;
}

const t1 = shippedTemplate('t1-checklist');
if (t1 === undefined) throw new Error('no t1-checklist template');
/** The labels the T1 template's reader joins (blocks, headings, cell labels). */
const JOINABLE = [...t1.blocks.flatMap((b) => b.labels), ...t1.headings.flatMap((h) => h.labels), ...t1.fields.filter((f) => f.inline !== true).flatMap((c) => c.labels)];
const trie = compileLabelTrie(JOINABLE);

/** joinSplitLabels as it was first written: compact both cells, compare with every compacted label. */
function joinSplitLabelsReference(cells: readonly Cell[]): Cell[] {
  const labels = JOINABLE.map(compact);
  const out: Cell[] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    if (cell === undefined) continue;
    const next = cells[k + 1];
    if (next !== undefined && cell.text.length >= 2) {
      const here = compact(cell.text);
      const joined = here + compact(next.text);
      if (labels.some((c) => c.length > here.length && c.startsWith(here) && joined.startsWith(c))) {
        out.push({ text: cell.text + next.text, segments: [...cell.segments, ...next.segments.map((s) => ({ ...s, offset: s.offset + cell.text.length }))] });
        k++;
        continue;
      }
    }
    out.push(cell);
  }
  return out;
}

/** Full-width forms of ASCII (U+FF01–FF5E), as some forms have their brackets and digits. */
const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spaces = ['\t', ' ', '\u3000', '\u00a0', '\u2003', '\u200a', '\u202f', '\ufeff', '\u2028', '\v', '\f'];
const fragment = fc.oneof(
  fc.constantFrom(...JOINABLE),
  fc.tuple(fc.constantFrom(...JOINABLE), fc.nat(20), fc.boolean()).map(([label, cut, head]) => {
    const at = cut % (label.length + 1);
    return head ? label.slice(0, at) : label.slice(at);
  }),
  fc.constantFrom(...JOINABLE).map(fullWidth),
  fc.constantFrom(...spaces, '“', '”', '"', '＂', "'", '＇', '‘', '’', '「', '」', '（', '）', '(', ')', '：', '1', '１'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const cellText = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
/** A label split in two consecutive cells at any point, either part padded with spaces, quotes or more text. */
const splitLabel = fc
  .tuple(fc.constantFrom(...JOINABLE), fc.nat(20), fc.boolean(), fc.array(fc.oneof(fc.constantFrom(...spaces, '“', '＂', '」'), cellText), { maxLength: 2 }), fc.array(fc.oneof(fc.constantFrom(...spaces, '“', '（', '）'), cellText), { maxLength: 2 }))
  .map(([label, cut, wide, head, tail]) => {
    const text = wide ? fullWidth(label) : label;
    const at = cut % (text.length + 1);
    return [`${text.slice(0, at)}${head.join('')}`, `${tail.join('')}${text.slice(at)}${tail.join('')}`];
  });
const cellTexts = fc.array(fc.oneof(cellText.map((t) => [t]), splitLabel), { maxLength: 8 }).map((groups) => groups.flat());

describe('compactUnit', () => {
  it('is what compact makes of every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const unit = compactUnit(c);
      expect(unit === -1 ? '' : String.fromCharCode(unit), `U+${c.toString(16)}`).toBe(compact(String.fromCharCode(c)));
    }
  });
});

describe('splitCells', () => {
  it('property: the same cells as splitting at tabs and trimming each piece', () => {
    const line = fc.array(fc.oneof(fragment, fc.constantFrom('\t', '\t\t', ' \t ')), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(splitCells(lines)).toEqual(splitCellsReference(lines));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isWhiteUnit', () => {
  it('is what trim removes, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(isWhiteUnit(c), `U+${c.toString(16)}`).toBe(ch.trim() === '');
    }
  });
});

describe('cellsOfLines of a partitioned text', () => {
  it('gives each cell its line and column', () => {
    expect(cellsOfLines(documentLines(partitionText('a\t b \r\n\r\u3000c\n\t\td')))).toEqual([
      { text: 'a', segments: [{ offset: 0, line: 1, column: 1 }] },
      { text: 'b', segments: [{ offset: 0, line: 1, column: 4 }] },
      { text: 'c', segments: [{ offset: 0, line: 3, column: 2 }] },
      { text: 'd', segments: [{ offset: 0, line: 4, column: 3 }] },
    ]);
  });

  it('property: the same cells as splitCells of the lines (split at \\r\\n, \\r or \\n)', () => {
    const text = fc.array(fc.oneof(fragment, fc.constantFrom('\t', '\n', '\r', '\r\n', '\n\r', ' \t ', '\r\r\n')), { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(cellsOfLines(documentLines(partitionText(t)))).toEqual(splitCells(t.split(/\r\n|\r|\n/)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('joinSplitLabels', () => {
  it('joins a label split over two cells, and nothing else', () => {
    const cells = splitCells(['部门', '主要绩效', '年度支出', '（万元）', '合计', '100']);
    expect(joinSplitLabels(cells, trie).map((c) => c.text)).toEqual(['部门主要绩效', '年度支出（万元）', '合计', '100']);
    expect(joinSplitLabels(cells, trie)[0]?.segments).toEqual([
      { offset: 0, line: 1, column: 1 },
      { offset: 2, line: 2, column: 1 },
    ]);
  });

  it('property: the same cells as comparing the compacted texts with every compacted label', () => {
    fc.assert(
      fc.property(cellTexts, (texts) => {
        const cells = splitCells(texts.map((t) => t.replace(/\t/g, ' ')));
        expect(joinSplitLabels(cells, trie)).toEqual(joinSplitLabelsReference(cells));
      }),
      { numRuns: 3000 },
    );
  });
});
