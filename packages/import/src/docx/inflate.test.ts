import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultInflateRaw, fflateInflateRaw, nodeInflateRaw, type InflateRaw } from './inflate.js';

const inflaters: [string, InflateRaw][] = [['fflate', fflateInflateRaw]];
if (nodeInflateRaw !== undefined) inflaters.push(['node:zlib', nodeInflateRaw]);

describe('the inflaters', () => {
  it('in Node, the default is zlib', () => {
    expect(nodeInflateRaw).toBeDefined();
    expect(defaultInflateRaw).toBe(nodeInflateRaw);
  });

  it.each(inflaters)('%s: any data comes back whole at its own size, under a larger limit too, and not at one byte less', (_name, inflate) => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 20_000 }), fc.string({ maxLength: 5_000 }).map((s) => new TextEncoder().encode(s.repeat(7)))), fc.integer({ min: 0, max: 9 }), (data, level) => {
        const packed = deflateSync(data, { level: level as 0 });
        expect(inflate(packed, data.length)).toEqual(data);
        if (data.length > 0) expect(inflate(packed, data.length - 1)).toBeUndefined();
        // A limit above the data's size (a header that overstates it) still gives the data at its own size.
        expect(inflate(packed, data.length + 1 + (data.length % 5_000))).toEqual(data);
      }),
      { numRuns: 60 },
    );
  });

  const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024).fill(0x20), { level: 9 });
  it.each(inflaters)('%s: a bomb (16 MB of spaces in 16 KB) stops at the limit', (_name, inflate) => {
    expect(bomb.length).toBeLessThan(20_000);
    expect(inflate(bomb, 1024 * 1024)).toBeUndefined();
  });

  it.each(inflaters)('%s: bytes after the end of the stream (past its first 4 KB) are ignored, as zlib ignores them', (_name, inflate) => {
    const data = new TextEncoder().encode('部门整体支出绩效自评'.repeat(2_000));
    const packed = deflateSync(data);
    const trailed = new Uint8Array(packed.length + 9_000).fill(0x07);
    trailed.set(packed);
    expect(inflate(trailed, data.length)).toEqual(data);
  });

  it('fflate: an entry that inflates to more or less than declared, or is damaged, gets what the streaming inflater says', () => {
    const data = new TextEncoder().encode('部门整体支出绩效自评'.repeat(2_000));
    const packed = deflateSync(data);
    // Less than declared comes back as it is (zip.ts refuses the size), more than declared not at all.
    expect(fflateInflateRaw(packed, data.length + 1)).toEqual(data);
    expect(fflateInflateRaw(packed, data.length - 1)).toBeUndefined();
    // A stored block longer than the buffer made for the declared size: one go throws, the stream says too large.
    const stored = deflateSync(new Uint8Array(30_000).fill(0x41), { level: 0 });
    expect(fflateInflateRaw(stored, 20_000)).toBeUndefined();
    expect(fflateInflateRaw(stored, 30_000)).toEqual(new Uint8Array(30_000).fill(0x41));
    // A bomb small enough to be tried in one go (8 MB of spaces in 8 KB) still stops at the limit.
    const small = deflateSync(new Uint8Array(8 * 1024 * 1024).fill(0x20), { level: 9 });
    expect(small.length).toBeLessThan(16 * 1024);
    expect(fflateInflateRaw(small, 1024 * 1024)).toBeUndefined();
  });

  it.each(inflaters)('%s: damaged or truncated data throws', (_name, inflate) => {
    const packed = deflateSync(new TextEncoder().encode('部门整体支出绩效自评'.repeat(200)));
    expect(() => inflate(packed.subarray(0, packed.length - 4), 1_000_000)).toThrow();
    expect(() => inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 1_000_000)).toThrow();
  });
});

it('@jixiao/import bundles for the browser platform without Node built-ins', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../index.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    conditions: ['@jixiao/source'],
    logLevel: 'silent',
    metafile: true,
  });
  expect(result.errors).toEqual([]);
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((i) => i.endsWith('docx/inflate.ts'))).toBe(true);
  expect(inputs.filter((i) => /^node:|^(fs|path|url|module|os|zlib)$/.test(i) || i.includes('/core/src/node/'))).toEqual([]);
});
