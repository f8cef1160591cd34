// Vitest global setup: build the CLI bundle once before any test file runs, so end-to-end tests always run the
// current sources and never race each other rebuilding (and cleaning) packages/cli/dist.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent', '-w', '@jixiao/cli'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: 'ignore',
  });
}
