import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { documentLines as docxWalkerLines } from '../docx/walk.js';
import { splitCells } from '../form/cells.js';
import { docxElements } from './docx.js';
import { cellText, documentLines, positionOf, type DocumentElements } from './elements.js';
import { partitionText } from './text.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../examples/beita-justice-2020/${name}`, import.meta.url));
const seed = readFileSync(example('000_1f3a69e61e56d541.txt'), 'utf8');

/** The non-blank pieces of the document's lines, trimmed, where they stand in the text (line, column). */
function pieces(doc: DocumentElements): { text: string; line: number; column: number }[] {
  return documentLines(doc).flatMap((l) => {
    const out: { text: string; line: number; column: number }[] = [];
    let offset = 0;
    for (const piece of l.text.split('\t')) {
      const lead = piece.length - piece.trimStart().length;
      if (piece.trim() !== '') {
        const p = positionOf(l.origin, offset + lead);
        out.push({ text: piece.trim(), line: p.line ?? 0, column: p.column ?? 0 });
      }
      offset += piece.length + 1;
    }
    return out;
  });
}

describe('partitionText', () => {
  it('keeps every cell of the seed text where it stands (the same cells as the text reader cuts)', () => {
    const expected = splitCells(seed.split(/\r\n|\r|\n/)).map((c) => ({ text: c.text, line: c.segments[0]?.line, column: c.segments[0]?.column }));
    expect(pieces(partitionText(seed))).toEqual(expected);
  });

  it('makes a line with tabs a table row, adjacent rows one table, other lines paragraphs', () => {
    const doc = partitionText('标题\n编制数\t实际在职人数\t控制率\n143\t136\t95.10%\n\n说明');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = doc.blocks[1];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map(cellText))).toEqual([
      ['编制数', '实际在职人数', '控制率'],
      ['143', '136', '95.10%'],
    ]);
    expect(table.rows[1]?.cells[2]?.origin).toEqual({ line: 3, column: 9 });
  });

  it('splits at | when most lines end with one (text copied from a web page)', () => {
    const doc = partitionText('部门(单位)名称 | 岳阳市某局 |\n人员编制 | 25 |\n实有人数 | 23 |\n');
    const table = doc.blocks[0];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map(cellText).map((t) => t.trim()).filter((t) => t !== ''))).toEqual([
      ['部门(单位)名称', '岳阳市某局'],
      ['人员编制', '25'],
      ['实有人数', '23'],
    ]);
    expect(partitionText('a | b\nc\nd\ne').blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('a web page table: lines whose cells add up to the width are one row, the padding and the nothing after the last | dropped', () => {
    const doc = partitionText('表 | ||||\n序号 | 一级 |\n二级 | 三级 | 得分 |\n1 | 规划 | 目标 | 合理性 | 4 |\n2 | 明确性 | 3 | ||\n3 | 及时性 |');
    const table = doc.blocks[0];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map(cellText).map((t) => t.trim()))).toEqual([
      ['表'],
      ['序号', '一级', '二级', '三级', '得分'],
      ['1', '规划', '目标', '合理性', '4'],
      ['2', '明确性', '3'],
      ['3', '及时性'],
    ]);
    expect(table.rows[1]?.cells[2]?.origin).toEqual({ line: 3, column: 1 });
  });

  it('a web page table copied one cell at a time: each cell closed by a line |, an empty cell a | right after another, one row', () => {
    const doc = partitionText('评分表\n一级指标\n|\n分值\n|\n投 入\n(15分)\n|\n5\n|\n|\n预决算信息');
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '评分表', origin: { line: 1, column: 1 } });
    const table = doc.blocks[1];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map(cellText))).toEqual([['一级指标', '分值', '投 入\n(15分)', '5', '', '预决算信息']]);
    expect(table.rows[0]?.cells[2]?.origin).toEqual({ line: 6, column: 1 });
    // A text with a | anywhere else is not such a copy.
    expect(partitionText('a\n|\nb\n|\nc\n|\nd\n|\ne\n|\nf | g').blocks[0]).toEqual({ kind: 'paragraph', text: 'a', origin: { line: 1, column: 1 } });
    expect(partitionText('x\na\n|\nb\n|\nc\n|\nd\n|\ne\n|\nf').blocks[0]).toEqual({ kind: 'paragraph', text: 'x', origin: { line: 1, column: 1 } });
  });

  it('loses no text of a table copied one cell at a time: its pieces are the text reader’s cells, the | lines left out', () => {
    const unit = fc.constantFrom('a', '编', ' ', '\n|\n', '\n', '1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (body) => {
        const text = `${body}\n|\n|\n|\n|\n|\nz`;
        const kept = text.split('\n').map((l) => (/^\s*\|\s*$/.test(l) ? '' : l));
        const expected = splitCells(kept).map((c) => ({ text: c.text, line: c.segments[0]?.line, column: c.segments[0]?.column }));
        expect(pieces(partitionText(text))).toEqual(expected);
      }),
    );
  });

  it('loses no text: the pieces of any text are the text reader’s cells', () => {
    const unit = fc.constantFrom('a', '编', ' ', '\t', '\n', '\r', '\r\n', '\u3000', '1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const expected = splitCells(text.split(/\r\n|\r|\n/)).map((c) => ({ text: c.text, line: c.segments[0]?.line, column: c.segments[0]?.column }));
        expect(pieces(partitionText(text))).toEqual(expected);
      }),
    );
  });
});

describe('docxElements', () => {
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(example('form.docx'))))['word/document.xml']);
  const lines = docxWalkerLines(xml);

  it('gives back the walker’s lines in order, each with its paragraph and cell', () => {
    const doc = docxElements(lines);
    expect(documentLines(doc).map((l) => ({ text: l.text, ...positionOf(l.origin) }))).toEqual(lines.map((l) => ({ text: l.text, paragraph: l.paragraph, ...(l.cell === undefined ? {} : { cell: `table ${String(l.table)}, row ${String(l.row)}, cell ${String(l.cell)}` }) })));
  });

  it('groups table lines into tables, rows and cells', () => {
    const doc = docxElements(lines);
    const table = doc.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const unitRow = table.rows.find((r) => r.cells.some((c) => cellText(c).startsWith('单位名称')));
    expect(unitRow?.cells.map(cellText)).toContain('北塔区司法局');
  });
});
