import { defineConfig } from 'tsup';

// Published build: ESM plus declarations. Inside the repo, tests and typecheck read src/ directly.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  target: 'es2022',
  sourcemap: true,
  clean: true,
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  esbuildOptions(options) {
    options.conditions = ['@jixiao/source'];
  },
});
