// Issue 15, English available: a form's one-line summary counts in English grammar, "1 error", not "1 errors"
// (npm start --locale en printed "46 rules: 5 failed (1 errors, 4 warnings, 0 info)").
import { describe, expect, it } from 'vitest';
import type { ResultSummary } from '@jixiao/core';
import { WORDS } from './common.js';

const base: ResultSummary = { total: 46, pass: 30, fail: 5, indeterminate: 1, notApplicable: 10, waived: 0, errors: 1, warnings: 4, infos: 0, redFlags: 0 };

describe('the English summary line', () => {
  it('says 1 error and 4 warnings', () => {
    expect(WORDS.en.summary(base)).toBe('46 rules: 5 failed (1 error, 4 warnings, 0 info), 1 indeterminate, 10 not applicable, 30 passed');
  });

  it('says 1 rule and 1 warning, 0 errors', () => {
    expect(WORDS.en.summary({ ...base, total: 1, pass: 0, fail: 1, indeterminate: 0, notApplicable: 0, errors: 0, warnings: 1 })).toBe('1 rule: 1 failed (0 errors, 1 warning, 0 info), 0 indeterminate, 0 not applicable, 0 passed');
  });
});
