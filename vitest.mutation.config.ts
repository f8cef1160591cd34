import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests Stryker runs for `npm run mutation` (stryker.config.mjs): the unit and property tests that state the
// meaning of the mutated modules, all in process. Stryker reruns, for each mutant, every test that reached it, and
// reloads each test file it runs: so only the tests of these modules, not the whole suite (the rule packs' example
// tables, the CLI/e2e tests, which run the built bin a mutant in the sources does not reach, the browser and
// LibreOffice tests). No global setup: it would build the CLI from the instrumented sources.
export default mergeConfig(
  { ...base, test: { ...base.test, include: [], globalSetup: [] } },
  defineConfig({
    test: {
      // One module graph for all the files of a run: a mutant is switched on at run time, so nothing needs
      // reloading between files (the tests pass in any order: `--sequence.shuffle`).
      isolate: false,
      include: [
        // engine
        'packages/core/test/engine.test.ts',
        'packages/core/src/engine/*.test.ts',
        'packages/core/src/pack/effective.test.ts',
        // the result's score check (checker.ts sets it only when the scoring pack recomputed one)
        'packages/core/test/score-check.test.ts',
        // the cross-form packs' example tables: the only tests that run the batch facts (peers, narratives,
        // duplicates) and the history fact through the cross-form pass with real rules
        'rules/batch/tests/*.test.ts',
        'rules/history/tests/*.test.ts',
        // money, exact decimals, scales
        'packages/core/test/model.test.ts',
        'packages/core/src/model/*.test.ts',
        'packages/core/src/pack/scale.test.ts',
        // checkbox marks
        'packages/import/src/form/marks.test.ts',
        'packages/import/src/form/cells.test.ts',
        'packages/import/src/text/import-text.test.ts',
        // a field's value as read (amounts, 元 → 万元, counts, dates, percentages, grades) and the readers' limits
        'packages/import/src/form/values.test.ts',
        'packages/import/src/text/limits.test.ts',
        // waivers
        'packages/core/src/waivers/*.test.ts',
        'packages/adapters/src/formatters/waivers.test.ts',
        // counting: result summary, batch digest, JUnit totals, SARIF levels
        'packages/core/src/result/*.test.ts',
        'packages/adapters/src/formatters/junit.test.ts',
        'packages/adapters/src/formatters/sarif.test.ts',
        'packages/adapters/src/formatters/summary.test.ts',
        'packages/adapters/src/formatters/counts.test.ts',
      ],
    },
  }),
);
