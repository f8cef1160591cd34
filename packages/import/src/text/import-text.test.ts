import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from './import-text.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../examples/beita-justice-2020/${name}`, import.meta.url));

describe('importText on the seed form', () => {
  const seed = readFileSync(example('000_1f3a69e61e56d541.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(example('evaluation.json'), 'utf8')) as Record<string, unknown>;
  delete expected.$schema;

  it('reproduces the hand-checked evaluation.json exactly', () => {
    const result = importText(seed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.evaluation).toEqual(expected);
  });
});
