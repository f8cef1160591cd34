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
    // A test's own limit, not a speed target (speed is measured in `npm run bench`). At load 9.5 on two cores, single
    // runs of the built CLI took 8–17 s and one property 18.7 s where they take 2–6 s alone (2 Dec 2026): a loaded CI
    // machine gets twice the room before a test counts as hung.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
