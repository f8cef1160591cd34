/**
 * Tests that need a program from the system (Debian's Chromium for the HTML report, LibreOffice for old Word
 * and WPS files) run where it is installed and skip, with a printed notice, where it is not, so that
 * `npm install && npm test` passes on any machine. Under `CI=true` the program is required: a missing one
 * fails the test file (CI installs them, see .ci/run), so a test is never skipped there unnoticed.
 *
 * ```ts
 * const chromium = requireSystemTool('chromium', 'apt-get install chromium fonts-wqy-microhei');
 * describe.skipIf(chromium === undefined)('…', () => { … executablePath: chromium … });
 * ```
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The executable `command` on PATH (as the shell would find it), or undefined. */
export function findOnPath(command: string, path: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, command);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** True when the environment says this is a CI run (`CI=true`, or `CI=1`). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/**
 * The path of `command` when installed. When it is not: under CI, throws (the test file fails, naming the
 * program and how to install it); elsewhere prints a notice to stderr and returns undefined (skip the tests).
 */
export function requireSystemTool(command: string, install: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = findOnPath(command, env.PATH ?? '');
  if (found !== undefined) return found;
  const what = `${command} is not installed (to install it: ${install})`;
  if (isCi(env)) throw new Error(`${what}; it is required when CI=true`);
  // Not console.*: test/setup/fail-on-console.ts fails a test on console output; this notice is meant.
  process.stderr.write(`\n[jixiao tests] skipping the tests that need ${command}: ${what}\n`);
  return undefined;
}
