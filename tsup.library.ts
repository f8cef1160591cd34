import { defineConfig } from 'tsup';

/**
 * The published build of a library package: ESM plus declarations. Inside the repo, tests and typecheck read
 * `src/` directly (the `@jixiao/source` condition); only the CLI's own bundle is needed to run anything.
 */
export function libraryConfig(entry: Record<string, string>, options: { readonly noExternal?: (string | RegExp)[] } = {}) {
  return defineConfig({
    ...options,
    entry,
    format: ['esm'],
    target: 'es2022',
    sourcemap: true,
    clean: true,
    // TypeScript 6 deprecates options tsup 8.5's declaration build still sets (../shared/toolchain.md).
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    esbuildOptions(options) {
      options.conditions = ['@jixiao/source'];
    },
  });
}
