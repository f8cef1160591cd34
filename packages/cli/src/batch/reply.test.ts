import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileOutcome } from './check-file.js';
import { packReply, unpackReply } from './reply.js';

const brief = { source: 'a', unit: null, fiscalYear: null, selfRating: null, rules: 0, passed: 0, notApplicable: 0, errors: 0, warnings: 0, infos: 0, indeterminate: 0, redFlags: 0, waived: 0, diagnostics: 0, ratingSupported: null, failedRules: [] };

const chunkArb = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }).map((s) => new TextEncoder().encode(s)));
const outcomeArb: fc.Arbitrary<FileOutcome> = fc.oneof(
  fc.record({ source: fc.string(), chunks: fc.option(fc.array(chunkArb, { minLength: 1, maxLength: 3 }), { nil: undefined }) }).map(({ source, chunks }) => ({
    ok: true as const,
    source,
    brief,
    diagnostics: [],
    importErrors: 0,
    ...(chunks === undefined ? {} : { chunks }),
  })),
  fc.record({ source: fc.string(), reason: fc.string() }).map((o) => ({ ok: false as const, ...o })),
);

describe('worker replies', () => {
  it('give back every outcome in order, each report chunk as the UTF-8 bytes of its text, all in one buffer', () => {
    const utf8 = new TextEncoder();
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 12 }), (outcomes) => {
        const reply = packReply(outcomes);
        const back = unpackReply(structuredClone(reply));
        expect(back).toHaveLength(outcomes.length);
        const buffers = new Set<ArrayBufferLike>();
        for (const [i, o] of outcomes.entries()) {
          const b = back[i];
          if (!o.ok || o.chunks === undefined) {
            expect(b).toEqual(o);
            continue;
          }
          const { chunks, ...rest } = o;
          expect(b).toMatchObject(rest);
          const got = b?.ok === true ? (b.chunks ?? []) : [];
          expect(got).toHaveLength(chunks.length);
          for (const [j, c] of chunks.entries()) {
            const bytes = got[j];
            if (!(bytes instanceof Uint8Array)) throw new Error('expected bytes');
            expect(Buffer.from(bytes)).toEqual(Buffer.from(typeof c === 'string' ? utf8.encode(c) : c));
            buffers.add(bytes.buffer);
          }
        }
        expect(buffers.size).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('fill a spare buffer handed back when it is large enough (same bytes either way), a new one otherwise', () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 12 }), fc.integer({ min: 0, max: 4096 }), (outcomes, spareBytes) => {
        const plain = packReply(outcomes);
        const spare = new ArrayBuffer(spareBytes);
        new Uint8Array(spare).fill(0xff);
        const reused = packReply(outcomes, spare);
        expect(Buffer.from(reused.bytes)).toEqual(Buffer.from(plain.bytes));
        expect(reused.lengths).toEqual(plain.lengths);
        expect(unpackReply(structuredClone(reused)).map((o) => o.source)).toEqual(outcomes.map((o) => o.source));
        let room = 0;
        for (const o of outcomes) if (o.ok) for (const c of o.chunks ?? []) room += typeof c === 'string' ? c.length * 3 : c.length;
        expect(reused.bytes.buffer === spare).toBe(spareBytes >= room);
      }),
    );
  });
});
