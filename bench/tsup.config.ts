import { defineConfig } from 'tsup';

// The benchmark is bundled like the CLI: workspace packages inlined from their TypeScript sources, third-party
// dependencies loaded from node_modules. Output goes to bench/out (git-ignored, never part of `npm test`).
export default defineConfig({
  // The PDF reader's thread loads its own entry, found beside the bundle (as the CLI's is).
  entry: { bench: 'bench/src/bench.ts', xlsx: 'bench/src/xlsx.ts', stages: 'bench/src/stages.ts', 'pdf-worker': 'packages/import/src/node/pdf-worker.js' },
  outDir: 'bench/out',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: true,
  dts: false,
  splitting: false,
  noExternal: [/^@jixiao\//],
  external: [/^(?!@jixiao\/|\.|\/)/],
  esbuildOptions(options) {
    options.conditions = ['@jixiao/source'];
  },
});
