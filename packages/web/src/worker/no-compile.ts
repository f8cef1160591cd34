/**
 * What every check worker holds in place of core's `model/compile.ts` (scripts/build.mjs): zod's schema compiler
 * would add ~7 KB gzip to `worker.js`, which loads with the page, and it never runs there — the workers configure zod
 * `jitless` (their page forbids eval), so core's `validateEvaluation` keeps zod's runtime parser and never asks for a
 * compiled schema. Should it ask, the schema comes back as it is, as `z.compile` hands back a schema it cannot
 * compile: forms are still validated, by the runtime parser.
 */
export function compileSchema<T>(schema: T): T {
  return schema;
}
