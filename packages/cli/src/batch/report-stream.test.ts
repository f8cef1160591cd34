import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportEnd, ReportWriter } from '@jixiao/adapters';
import { digestBatch } from '@jixiao/core';
import type { CliIo } from '../io.js';
import { reportStream, rowFiles } from './report-stream.js';
import { tempDir } from '../../../../test/setup/temp.js';

const utf8 = new TextEncoder();
const dir = tempDir('jixiao-stream-');
/** Where the streams under test keep their temporary files (empty again once each has ended). */
const spoolDir = join(dir, 'spool');
mkdirSync(spoolDir);

/** Collects what the stream sends to stdout, keeping each chunk as it was handed over (the stream must not reuse it). */
function stdoutIo(): CliIo & { chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  return { chunks, stdout: (c) => chunks.push(typeof c === 'string' ? utf8.encode(c) : c), stderr: () => undefined, cwd: '.', env: {}, stdoutIsTTY: false };
}

/**
 * A writer of two sections whose head, glue and tail say what they were told (so a wrong `end` shows); `chunked`:
 * it also gives its glue and tail in pieces, and counts the calls of `glue` and `tail` (a streaming caller should take the pieces).
 */
function probeWriter(headNeedsEnd: boolean, chunked = false): ReportWriter & { tails: number; glues: number } {
  const said = (end: ReportEnd) => `${String(end.digest.unread.length)}/${end.sources.join('|')}/${end.emitted.join(':')}`;
  const pieces = (end: ReportEnd) => ['<tail ', said(end), '>'];
  const writer: ReportWriter & { tails: number; glues: number } = {
    tails: 0,
    glues: 0,
    sections: 2,
    separator: '‖',
    headNeedsEnd,
    head: (end: ReportEnd | undefined) => `<head ${end === undefined ? '-' : said(end)}>`,
    form: () => [],
    glue: (s: number, end: ReportEnd) => {
      writer.glues++;
      return `<glue ${String(s)} ${said(end)}>`;
    },
    tail: (end: ReportEnd) => {
      writer.tails++;
      return pieces(end).join('');
    },
    ...(chunked ? { tailChunks: pieces, glueChunks: (s: number, end: ReportEnd) => ['<glue ', `${String(s)} ${said(end)}`, '>'] } : {}),
  };
  return writer;
}

// Chunks from empty to more than the stream's 1 MiB buffer, ASCII and CJK, given as text or as UTF-8 bytes.
const chunkArb = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('a', '审', '"x"', '€'), fc.integer({ min: 1, max: 600_000 }), fc.boolean()).map(([unit, n, asBytes]) => (asBytes ? utf8.encode(unit.repeat(n)) : unit.repeat(n))),
);
const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder().decode(c));

describe('a streamed report', () => {
  it('has exactly the bytes of head, sections (non-empty chunks joined) and tail, on stdout and in a file, and leaves no temporary file', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(chunkArb, chunkArb), { maxLength: 6 }), fc.boolean(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), (forms, headNeedsEnd, chunked, unreadNames) => {
        const writer = probeWriter(headNeedsEnd, chunked);
        const unread = unreadNames.map((source) => ({ source, reason: 'x' }));
        const partial = { digest: digestBatch([], unread), sources: ['a', 'b'] };
        const sections = [0, 1].map((s) => forms.map((f) => text(f[s] ?? '')).filter((c) => c !== ''));
        const end: ReportEnd = { ...partial, emitted: sections.map((s) => s.length) };
        const want = `${writer.head(headNeedsEnd ? end : undefined)}${sections[0]?.join('‖') ?? ''}${writer.glue(1, end)}${sections[1]?.join('‖') ?? ''}${writer.tail(end)}`;
        writer.tails = 0;
        writer.glues = 0;
        const io = stdoutIo();
        const file = join(dir, 'report.out');
        for (const target of [undefined, file]) {
          const stream = reportStream(writer, target, io, spoolDir);
          for (const f of forms) stream.form(f);
          stream.end(partial);
        }
        expect(Buffer.concat(io.chunks).toString('utf8')).toBe(want);
        expect(readFileSync(file, 'utf8')).toBe(want);
        expect(readdirSync(spoolDir)).toEqual([]);
        // A glue or tail given in pieces is written piece by piece, never joined into one string.
        expect(writer.tails).toBe(chunked ? 0 : 2);
        expect(writer.glues).toBe(chunked ? 0 : 2);
      }),
      { numRuns: 30 },
    );
  });

  it('removes its temporary files when aborted', () => {
    const stream = reportStream(probeWriter(true), join(dir, 'aborted.out'), stdoutIo(), spoolDir);
    stream.form(['x', 'y']);
    stream.abort();
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});

describe('row files (the Excel report\'s spools)', () => {
  // Rows of cells from empty to more than the 1 MiB read buffer, ASCII and CJK (3 UTF-8 bytes: a character cut by
  // the end of a chunk), with the characters JSON escapes (a newline in a cell is not a line of the file).
  const cellArb = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string({ unit: fc.constantFrom('a', '审', '\n', '"', '€', '😀') }),
    fc.tuple(fc.constantFrom('a', '审', '€\n'), fc.integer({ min: 1, max: 500_000 })).map(([unit, n]) => unit.repeat(n)),
  );

  it('give back every row pushed, in order, and leave no temporary file', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 12 }), (rows) => {
        const files = rowFiles(spoolDir);
        const spool = files.spool<unknown[]>('rows');
        for (const row of rows) spool.push(row);
        expect([...spool.rows()]).toEqual(rows);
        files.close();
        expect(readdirSync(spoolDir)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
