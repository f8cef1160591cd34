import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_FILE, EXAMPLE_POSITIONS, REPO, cases } from './results.js';

describe('test inputs', () => {
  it('hand-made line/column positions point at their excerpt in the seed file', () => {
    const lines = readFileSync(resolve(REPO, EXAMPLE_FILE), 'utf8').split('\n');
    for (const p of Object.values(EXAMPLE_POSITIONS)) {
      if (p.line === undefined || p.column === undefined || p.endColumn === undefined) continue;
      // The seed lines are ASCII here, so code units are columns.
      expect((lines[p.line - 1] ?? '').slice(p.column - 1, p.endColumn - 1)).toBe(p.excerpt);
    }
  });

  it('cover failures, indeterminate findings and passes', async () => {
    const many = (await cases()).find(([name]) => name === 'many forms')?.[1] ?? [];
    const outcomes = new Set(many.flatMap((r) => r.findings.map((f) => f.outcome)));
    expect([...outcomes].sort()).toEqual(['fail', 'indeterminate', 'pass']);
    expect(new Set(many.flatMap((r) => r.findings.filter((f) => f.outcome === 'fail').map((f) => f.severity)))).toEqual(new Set(['error', 'warning']));
  });
});
