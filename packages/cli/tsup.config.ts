import { defineConfig } from 'tsup';

// The CLI is the one thing that must be bundled: workspace packages are inlined from source (through the
// `@jixiao/source` condition), third-party dependencies stay external and load from node_modules.
export default defineConfig({
  // The batch pool's worker threads load their own entry, next to the CLI bundle.
  entry: { index: 'src/index.ts', 'batch-worker': 'src/batch/worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  dts: false,
  splitting: false,
  noExternal: [/^@jixiao\/(core|adapters|import|testing)/],
  // Every other bare import (zod, json-rules-engine, commander, …) is a runtime dependency.
  external: [/^(?!@jixiao\/|\.|\/)/],
  esbuildOptions(options) {
    options.conditions = ['@jixiao/source'];
  },
});
