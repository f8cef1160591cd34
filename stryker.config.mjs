// @ts-check
/**
 * Mutation testing (`npm run mutation`; not part of `npm test`): StrykerJS 9 with its vitest runner over the
 * modules whose meaning the tests must pin down — the rule engine, money and exact decimals, checkbox marks, the
 * values read from a form and the readers' limits, waivers, scales, and the counting behind every report (the result
 * summary, the batch digest, the JUnit totals, the SARIF level). MUTATION.md holds the score per module, the survivors judged equivalent and how to read a run.
 *
 * In place: the workspace packages import each other through node_modules symlinks to the real source folders,
 * so a sandbox copy would test the unmutated sources. Stryker keeps the originals in `.stryker-tmp` and puts
 * them back when it ends; after an interrupted run, `git checkout -- packages` does the same.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  inPlace: true,
  mutate: [
    'packages/core/src/engine/*.ts',
    '!packages/core/src/engine/*.test.ts',
    'packages/core/src/model/money.ts',
    'packages/core/src/model/decimal.ts',
    'packages/core/src/pack/scale.ts',
    // Waivers: the file read (waivers.ts) and which failure a waiver takes, and when (apply.ts).
    'packages/core/src/waivers/waivers.ts',
    'packages/core/src/waivers/apply.ts',
    'packages/import/src/form/marks.ts',
    // A field's value as read from the form (an amount in 万元 or 元, a count, a date, a percentage) and the limits
    // past which a file is refused rather than read.
    'packages/import/src/form/values.ts',
    'packages/import/src/text/limits.ts',
    // The result summary (summarize) and the batch digest: the counts every format prints.
    'packages/core/src/result/model.ts:197-213',
    'packages/core/src/result/digest.ts',
    // The formatters' own counting: JUnit's totals and SARIF's level per outcome and severity.
    'packages/adapters/src/formatters/junit.ts:32-36',
    'packages/adapters/src/formatters/junit.ts:99-111',
    'packages/adapters/src/formatters/sarif.ts:75-97',
  ],
  coverageAnalysis: 'perTest',
  // Mutants only run while a module loads (constant tables) would need a fresh environment and every test each:
  // left out of the run and of the score.
  ignoreStatic: true,
  // vitest strips types without checking them, so Stryker need not add `// @ts-nocheck` to every source file; in place,
  // that rewrote ~380 files for a run and restored them without their mode (the CLI's bin lost its exec bit).
  disableTypeChecks: false,
  // Two shared cores: one worker by default (`npm run mutation -- --concurrency 2` on an idle machine).
  concurrency: 1,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'stryker.incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  cleanTempDir: 'always',
};
