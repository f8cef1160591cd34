/**
 * The importers write a table cell's place as canonical ASCII (`table 1, row 7, cell 2` from the .docx walker,
 * `Sheet1!B7` from the workbook reader) and the reports read it back in one place (`@jixiao/adapters`' parseCell)
 * to word it for people. A cell the reader no longer understands would reach a zh-CN report as English again:
 * these tests hold the writers and the reader together.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCell, positionText } from '@jixiao/adapters';
import { describeCell } from '@jixiao/import';
import { importBuffer } from '@jixiao/import/node';

const file = (name: string) => fileURLToPath(new URL(`../examples/t5-chongqing-2021/${name}`, import.meta.url));

describe('every cell the importers write is read back', () => {
  it.each([
    ['form.docx', 'table'],
    ['form.xlsx', 'sheet'],
  ])('examples/t5-chongqing-2021/%s: each position with a cell parses, and the zh-CN report words it without English', async (name, kind) => {
    const r = await importBuffer(new Uint8Array(readFileSync(file(name))), { filename: name });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const cells = Object.values(r.positions).flatMap((p) => (p.cell === undefined ? [] : [p]));
    expect(cells.length).toBeGreaterThan(20);
    for (const p of cells) {
      expect(parseCell(p.cell ?? ''), p.cell).toMatchObject({ kind });
      expect(positionText(p, 'zh-CN'), p.cell).not.toMatch(/table|row|cell|!/);
    }
  });

  it('describeCell and parseCell agree on any table cell and any sheet cell Excel allows', () => {
    const n = fc.integer({ min: 1, max: 100_000 });
    // Excel: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe.
    const sheet = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]]/.test(s) && !s.startsWith("'") && !s.endsWith("'"));
    const ref = fc.tuple(fc.stringMatching(/^[A-Z]{1,3}$/), fc.integer({ min: 1, max: 1_048_576 })).map(([c, r]) => `${c}${String(r)}`);
    fc.assert(
      fc.property(n, n, n, (table, row, cell) => {
        expect(parseCell(describeCell({ table, row, cell }) ?? '')).toEqual({ kind: 'table', table, row, cell });
      }),
    );
    fc.assert(
      fc.property(sheet, ref, (name, at) => {
        expect(parseCell(describeCell({ sheet: name, ref: at }) ?? '')).toEqual({ kind: 'sheet', sheet: name, ref: at });
      }),
    );
  });
});
