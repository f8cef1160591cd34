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
