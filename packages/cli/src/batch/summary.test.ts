// The end-of-batch summary on standard error words a blank unit, year or grade as the reports do (issue 15, lead's
// review: it said （空） where the reports said （无） and 单位未填).
import { describe, expect, it } from 'vitest';
import type { FormBrief } from '@jixiao/core';
import type { FileOutcome } from './check-file.js';
import { renderSummary } from './summary.js';

function brief(source: string, unit: string | null, fiscalYear: number | null, selfRating: string | null): FormBrief {
  return { source, unit, fiscalYear, selfRating, rules: 1, passed: 1, notApplicable: 0, errors: 0, warnings: 0, infos: 0, indeterminate: 0, redFlags: 0, waived: 0, diagnostics: 0, ratingSupported: null, failedRules: [] };
}

const outcome = (b: FormBrief): FileOutcome => ({ ok: true, source: b.source, brief: b, diagnostics: [], importErrors: 0 });

describe('the per-unit list', () => {
  it.each([
    ['zh-CN', '  a.txt  单位为空 年度为空  自评 （空）  错误 0', '  b.txt  东湖区司法局 年度为空  自评 优'],
    ['en', '  a.txt  unit blank year blank  self-rating (blank)  errors 0', '  b.txt  东湖区司法局 year blank  self-rating 优 (excellent)'],
  ] as const)('%s: a blank unit, year or grade in the reports\' words', (locale, blank, named) => {
    const out = renderSummary([outcome(brief('a.txt', null, null, null)), outcome(brief('b.txt', '东湖区司法局', null, '优'))], [], locale);
    expect(out).toContain(blank);
    expect(out).toContain(named);
  });
});
