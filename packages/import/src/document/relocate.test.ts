import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseEvaluation } from '@jixiao/testing';
import type { ImportResult } from '../diagnostics.js';
import { relocateRead, type Locate } from './relocate.js';

type Read = Extract<ImportResult, { ok: true }>;

function readWith(positions: Read['positions']): Read {
  return { ok: true, kind: 'docx', evaluation: baseEvaluation(), diagnostics: [], positions };
}

/** A .docx-like placement: line n is paragraph n + 10, in a table cell from line 3 on; line 99 is unknown. */
const docxLike: Locate = (line) => {
  if (line === undefined || line === 99) return {};
  return line < 3 ? { paragraph: line + 10 } : { paragraph: line + 10, cell: `table 1, row ${String(line)}, cell 2` };
};

describe('relocateRead', () => {
  it('places each position in the file and keeps its own excerpt, two positions on one line included', () => {
    const { positions } = relocateRead(
      readWith({
        'unit.name': { line: 4, excerpt: '单位甲' },
        'staffing.authorized': { line: 4, excerpt: '40' },
        fiscalYear: { line: 1 },
        functions: { line: 99, excerpt: '职能' },
      }),
      docxLike,
    );
    // The JSON report writes these as they are: the keys in this order.
    expect(JSON.stringify(positions)).toBe(
      JSON.stringify({
        'unit.name': { paragraph: 14, cell: 'table 1, row 4, cell 2', excerpt: '单位甲' },
        'staffing.authorized': { paragraph: 14, cell: 'table 1, row 4, cell 2', excerpt: '40' },
        fiscalYear: { paragraph: 11 },
        functions: { excerpt: '职能' },
      }),
    );
  });

  it("drops the rebuilt text's line from each answer's resolution", () => {
    const read = readWith({});
    const evaluation: Read['evaluation'] = { ...read.evaluation, answerResolution: { 'threePublic.declined': { how: 'explicit', raw: '☑是', line: 7 } } };
    const out = relocateRead({ ...read, evaluation }, docxLike);
    expect(out.evaluation.answerResolution).toEqual({ 'threePublic.declined': { how: 'explicit', raw: '☑是' } });
  });

  it('property: every position gets its line placed and its excerpt, whatever the other positions on that line hold', () => {
    const position = fc.record({ line: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }), excerpt: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}(\.[a-z0-9]{1,6}){0,3}$/), position), (given) => {
        const { positions } = relocateRead(readWith(given), docxLike);
        expect(Object.keys(positions)).toEqual(Object.keys(given));
        for (const [path, p] of Object.entries(given)) {
          const placed = positions[path];
          const known = p.line !== undefined && p.line !== 99;
          expect(placed?.paragraph).toBe(known ? (p.line ?? 0) + 10 : undefined);
          expect(placed?.cell).toBe(known && (p.line ?? 0) >= 3 ? `table 1, row ${String(p.line)}, cell 2` : undefined);
          expect(placed?.excerpt).toBe(p.excerpt);
          expect(placed !== undefined && 'excerpt' in placed).toBe(p.excerpt !== undefined);
        }
      }),
    );
  });
});
