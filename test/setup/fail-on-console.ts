// A test fails on stray console output (as Zod's scripts/fail-on-console.ts does): library code
// never prints, so anything written to the console during a test is a bug.
import { afterEach, vi } from 'vitest';

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let printed: string[] = [];

for (const method of methods) {
  vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    printed.push(`console.${method}: ${args.map(String).join(' ')}`);
  });
}

afterEach(() => {
  const seen = printed;
  printed = [];
  if (seen.length > 0) throw new Error(`Unexpected console output during the test:\n${seen.join('\n')}`);
});
