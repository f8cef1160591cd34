import { describe, expect, it } from 'vitest';
import type { FormReading } from './read-form.js';
import { toEvaluation } from './to-evaluation.js';

function reading(values: readonly (readonly [string, unknown])[]): FormReading {
  return { values: new Map(values), answers: new Map(), positions: {}, diagnostics: [], labelsFound: values.length, provenance: new Map() };
}

describe('toEvaluation: the model (zod) validates what the reader assembled', () => {
  it('refuses a form the model refuses, also once zod has compiled the model (after the first forms of a process)', () => {
    const good = reading([
      ['unit.name', '某单位'],
      ['income.total', 12.34],
    ]);
    for (let i = 0; i < 150; i++) expect(toEvaluation(good, 'docx', []).ok).toBe(true);
    const bad: readonly (readonly [string, unknown])[] = [
      ['income.total', 1.234],
      ['income.total', -1],
      ['staffing.authorized', 2.5],
      ['fiscalYear', 1800],
      ['disclosure.date', '2021-02-30'],
      ['disclosure.channels', ['portal', 'portal']],
      ['unit.name', 42],
      ['threePublic.declined', 'maybe'],
    ];
    for (const [path, value] of bad) {
      const result = toEvaluation(reading([[path, value]]), 'docx', []);
      expect(result.ok, `${path} = ${JSON.stringify(value)}`).toBe(false);
      expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'import-invalid', severity: 'error', path }));
    }
  });
});
