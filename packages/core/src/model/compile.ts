import * as z from 'zod';

/**
 * zod's schema compiler (`z.compile`), alone in this module so that a bundle which never compiles can hold
 * something else in its place: the workbench's check workers (zod is `jitless` there, their page forbids eval) are
 * built with `packages/web/src/worker/no-compile.ts` instead, which keeps zod's compiler (~7 KB gzip) out of the
 * JavaScript the page loads first. Everywhere else this is `z.compile` itself.
 */
export function compileSchema<T extends z.ZodType>(schema: T): T {
  return z.compile(schema);
}
