// @jixiao/core must bundle for a browser: no Node built-ins reachable from its main entry.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('bundles for the browser platform without Node built-ins', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
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
  expect(inputs.some((i) => i.includes('src/node/'))).toBe(false);
  expect(inputs.filter((i) => /^node:|^(fs|path|url|module|os)$/.test(i))).toEqual([]);
  expect(result.outputFiles[0]?.text.length ?? 0).toBeGreaterThan(10_000);
  // zod is imported as a namespace (`import * as z`), so a bundler keeps only what is used: its 40-odd message
  // locales are left out but English (`import { z }` kept them all with esbuild: 793 KB minified instead of 449 KB).
  const emitted = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, b]) => b.bytesInOutput > 0).map(([i]) => i));
  expect(emitted.filter((i) => i.includes('zod/v4/locales/') && !/\/(en|index)\.js$/.test(i))).toEqual([]);
});
