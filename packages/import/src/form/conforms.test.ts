import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDateSchema, validateEvaluation } from '@jixiao/core';
import { evaluationArb } from '@jixiao/testing';
import { conforms, isIsoDate } from './conforms.js';
import { readForm } from './read-form.js';
import { renderFormText } from './render.js';
import { assemble, toEvaluation, type Candidate } from './to-evaluation.js';

/**
 * toEvaluation takes the candidate it assembled as the evaluation when `conforms` says so, instead of parsing it
 * with the model's schema. That is only right when the two agree: conforms must accept exactly what the schema
 * accepts (for these candidates), and the schema's copy of an accepted candidate must equal the candidate, key
 * order included.
 */

const seed = readFileSync(fileURLToPath(new URL('../../../../examples/beita-justice-2020/000_1f3a69e61e56d541.txt', import.meta.url)), 'utf8');
const candidateOf = (text: string): Candidate => assemble(readForm(text.split(/\r\n|\r|\n/)));

/**
 * What conforms accepts the schema accepts, and returns as it is; what the schema accepts conforms accepts too,
 * unless `strictOnPurpose` (undefined in an optional key that assemble never leaves undefined: rejected, so
 * the schema decides). Returns whether the schema accepted it.
 */
function expectAgreement(candidate: Candidate, strictOnPurpose = false): boolean {
  const parsed = validateEvaluation(candidate);
  const fast = conforms(candidate);
  if (fast) {
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(candidate).toStrictEqual(parsed.value);
      expect(JSON.stringify(candidate)).toBe(JSON.stringify(parsed.value));
    }
  } else if (!strictOnPurpose) expect(parsed.ok).toBe(false);
  return parsed.ok;
}

/** Keys the schema makes optional that assemble never sets to undefined (conforms rejects undefined there). */
const NEVER_UNDEFINED = new Set(['modelVersion', 'score', 'raw', 'line', 'note']);

/** Leaves of the candidate, as [group, key] (group undefined: a top-level field). */
const LEAVES: readonly (readonly [string | undefined, string])[] = (() => {
  const out: [string | undefined, string][] = [];
  for (const [key, value] of Object.entries(candidateOf(seed))) {
    if (key === 'answerResolution') continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const inner of Object.keys(value)) out.push([key, inner]);
    else out.push([undefined, key]);
  }
  return out;
})();

const VALUES: readonly unknown[] = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  -1,
  0,
  0.5,
  1.005,
  12.34,
  100,
  100.5,
  1949,
  2200,
  2201,
  10_000_000,
  10_000_001,
  1e13,
  1e13 + 0.5,
  2 ** 53,
  true,
  'yes',
  'no',
  'unanswered',
  'conflicting',
  'ambiguous',
  'maybe',
  '优',
  '差',
  'A',
  '',
  '1',
  'x'.repeat(500),
  'x'.repeat(501),
  'x'.repeat(200_000),
  'x'.repeat(200_001),
  '2020-02-29',
  '2021-02-29',
  '2020-13-01',
  '2020-1-01',
  '0000-02-29',
  ' 2020-01-01',
  [],
  ['portal'],
  ['other', 'portal'],
  ['portal', 'portal'],
  ['portal', 'internal', 'other'],
  ['portal', 'internal', 'other', 'portal'],
  ['web'],
  [null],
  {},
];

function withLeaf(candidate: Candidate, [group, key]: readonly [string | undefined, string], value: unknown): Candidate {
  const copy = structuredClone(candidate) as unknown as Record<string, unknown>;
  const target = group === undefined ? copy : (copy[group] as Record<string, unknown>);
  target[key] = value;
  return copy as unknown as Candidate;
}

describe('isIsoDate', () => {
  it('takes exactly the dates IsoDateSchema takes, over whole years (leap rules included)', () => {
    for (const year of ['0000', '0001', '0004', '1900', '1999', '2000', '2020', '2021', '2100', '2400', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isIsoDate(iso), iso).toBe(IsoDateSchema.safeParse(iso).success);
        }
      }
    }
  });

  it('property: agrees with IsoDateSchema on date-like strings', () => {
    const part = (n: number) => fc.string({ unit: fc.constantFrom(...Array.from('0123456789-/ T:x')), minLength: n - 1, maxLength: n + 1 });
    fc.assert(
      fc.property(fc.tuple(part(4), fc.constantFrom('-', '/', ''), part(2), fc.constantFrom('-', ''), part(2), fc.constantFrom('', 'T00:00:00Z', '\n', ' ')), (pieces) => {
        const text = pieces.join('');
        expect(isIsoDate(text)).toBe(IsoDateSchema.safeParse(text).success);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('conforms', () => {
  it('accepts the seed form, as the schema does, and the schema returns it unchanged', () => {
    expect(expectAgreement(candidateOf(seed))).toBe(true);
  });

  it('property: rendered forms, read back', () => {
    fc.assert(
      fc.property(evaluationArb(), (evaluation) => {
        expect(expectAgreement(candidateOf(renderFormText(evaluation)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('property: one value changed to anything from a pool of good and bad values agrees with the schema', () => {
    const base = candidateOf(seed);
    let accepted = 0;
    let rejected = 0;
    for (const leaf of LEAVES) {
      for (const value of VALUES) {
        if (expectAgreement(withLeaf(base, leaf, value), value === undefined && NEVER_UNDEFINED.has(leaf[1]))) accepted++;
        else rejected++;
      }
    }
    expect(accepted).toBeGreaterThan(LEAVES.length);
    expect(rejected).toBeGreaterThan(LEAVES.length);
  });

  it('property: answer resolutions with a changed how, raw, line or note agree with the schema', () => {
    const base = candidateOf(seed);
    const fields = Object.keys(base.answerResolution ?? {});
    expect(fields.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.constantFrom('how', 'raw', 'line', 'note'), fc.constantFrom(...VALUES, 'explicit', 'inferred', 1, 2.5, 'x'.repeat(2_000), 'x'.repeat(2_001)), (field, key, value) => {
        const copy = structuredClone(base);
        const record = copy.answerResolution as Record<string, Record<string, unknown>>;
        const r = record[field];
        if (r === undefined) throw new Error('no resolution');
        r[key] = value;
        expectAgreement(copy, value === undefined && NEVER_UNDEFINED.has(key));
      }),
      { numRuns: 500 },
    );
  });
});

describe('toEvaluation', () => {
  it('returns the evaluation the schema returns for the assembled candidate', () => {
    fc.assert(
      fc.property(fc.oneof(evaluationArb().map((e) => renderFormText(e)), fc.constant(seed)), (text) => {
        const reading = readForm(text.split(/\r\n|\r|\n/));
        const result = toEvaluation(reading, 'text');
        const parsed = validateEvaluation(assemble(reading));
        expect(result.ok).toBe(parsed.ok);
        if (result.ok && parsed.ok) expect(JSON.stringify(result.evaluation)).toBe(JSON.stringify(parsed.value));
      }),
      { numRuns: 100 },
    );
  });
});
