import { defineConfig } from 'vitest/config';

// One root run over every workspace: tests resolve workspace packages to their sources
// through the `@jixiao/source` export condition, so no build is needed before testing.
export default defineConfig({
  resolve: { conditions: ['@jixiao/source'] },
  ssr: { resolve: { conditions: ['@jixiao/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'rules/*/tests/**/*.test.ts',
      'test/**/*.test.ts',
      'examples/**/*.test.ts',
    ],
    globalSetup: ['./test/setup/build-cli.ts'],
    setupFiles: ['./test/setup/fail-on-console.ts', './test/setup/remove-temp.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
