import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOST_FAILED_LIMIT, RATING_RULE, attentionRank, digestBatch, formBrief, type FormBrief } from './digest.js';
import type { EvaluationResult, Finding } from './model.js';
import { summarize } from './model.js';

const units = ['北塔区司法局', '南湖区财政局', '西山区教育局', '东城区民政局'];
const briefArb: fc.Arbitrary<FormBrief> = fc.record({
  source: fc.stringMatching(/^[a-z]{1,6}\.docx$/),
  unit: fc.option(fc.constantFrom(...units), { nil: null }),
  fiscalYear: fc.option(fc.integer({ min: 2018, max: 2022 }), { nil: null }),
  selfRating: fc.option(fc.constantFrom('优', '良', '中', '差'), { nil: null }),
  rules: fc.constant(35),
  passed: fc.nat(20),
  notApplicable: fc.nat(2),
  errors: fc.nat(3),
  warnings: fc.nat(3),
  infos: fc.nat(2),
  indeterminate: fc.nat(2),
  redFlags: fc.nat(2),
  waived: fc.nat(2),
  diagnostics: fc.nat(2),
  ratingSupported: fc.constantFrom('pass', 'fail', 'indeterminate', null),
  failedRules: fc.uniqueArray(fc.constantFrom('a/one', 'a/two', 'b/three', 'c/four'), { maxLength: 4 }),
});

describe('the batch digest', () => {
  it('sorts forms by what needs attention (errors, warnings, other findings, clean), then by unit', () => {
    fc.assert(
      fc.property(fc.uniqueArray(briefArb, { maxLength: 20, selector: (b) => b.source }), (briefs) => {
        const { forms } = digestBatch(briefs);
        expect([...forms].sort((a, b) => a.source.localeCompare(b.source))).toEqual([...briefs].sort((a, b) => a.source.localeCompare(b.source)));
        for (let i = 1; i < forms.length; i++) {
          const [a, b] = [forms[i - 1], forms[i]] as [FormBrief, FormBrief];
          expect(attentionRank(a)).toBeLessThanOrEqual(attentionRank(b));
          if (attentionRank(a) === attentionRank(b) && a.unit !== null && b.unit !== null) expect(a.unit.localeCompare(b.unit, 'zh-CN')).toBeLessThanOrEqual(0);
          if (attentionRank(a) === attentionRank(b) && a.unit === null) expect(b.unit).toBeNull();
        }
      }),
    );
    const clean = { errors: 0, warnings: 0, infos: 0, indeterminate: 0, diagnostics: 0 };
    expect(attentionRank({ ...clean, errors: 1 } as FormBrief)).toBe(0);
    expect(attentionRank({ ...clean, warnings: 1 } as FormBrief)).toBe(1);
    expect(attentionRank({ ...clean, diagnostics: 1 } as FormBrief)).toBe(2);
    expect(attentionRank({ ...clean, infos: 1 } as FormBrief)).toBe(2);
    expect(attentionRank({ ...clean, indeterminate: 1 } as FormBrief)).toBe(2);
    expect(attentionRank({ ...clean, errors: 1, warnings: 3, infos: 2 } as FormBrief)).toBe(0);
    expect(attentionRank({ ...clean, warnings: 1, infos: 2, indeterminate: 1 } as FormBrief)).toBe(1);
    expect(attentionRank(clean as FormBrief)).toBe(3);
  });

  it('totals are the column sums, and the rating column counts each form once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(briefArb, { maxLength: 20, selector: (b) => b.source }), (briefs) => {
        const { totals } = digestBatch(briefs);
        const sum = (k: 'errors' | 'warnings' | 'infos' | 'indeterminate' | 'redFlags' | 'waived' | 'diagnostics') => briefs.reduce((n, b) => n + b[k], 0);
        expect(totals).toEqual({
          forms: briefs.length,
          errors: sum('errors'),
          warnings: sum('warnings'),
          infos: sum('infos'),
          indeterminate: sum('indeterminate'),
          redFlags: sum('redFlags'),
          waived: sum('waived'),
          diagnostics: sum('diagnostics'),
          // 是: the rating rule passed; 否: it failed; 无法判断: it ran and was undecided; not counted: it did not run.
          ratingSupported: {
            yes: briefs.filter((b) => b.ratingSupported === 'pass').length,
            no: briefs.filter((b) => b.ratingSupported === 'fail').length,
            unknown: briefs.filter((b) => b.ratingSupported === 'indeterminate').length,
          },
          formsWithErrors: briefs.filter((b) => b.errors > 0).length,
        });
      }),
    );
  });

  it('warns of a unit and year submitted more than once, with every file', () => {
    fc.assert(
      fc.property(fc.uniqueArray(briefArb, { maxLength: 20, selector: (b) => b.source }), (briefs) => {
        const { duplicates } = digestBatch(briefs);
        for (const d of duplicates) {
          const same = briefs.filter((b) => b.unit === d.unit && b.fiscalYear === d.fiscalYear);
          expect(d.sources).toEqual(same.map((b) => b.source).sort());
          expect(d.sources.length).toBeGreaterThan(1);
        }
        const pairs = new Set(briefs.filter((b) => b.unit !== null).map((b) => `${String(b.unit)}/${String(b.fiscalYear)}`));
        const repeated = [...pairs].filter((p) => briefs.filter((b) => `${String(b.unit)}/${String(b.fiscalYear)}` === p).length > 1);
        expect(duplicates).toHaveLength(repeated.length);
      }),
    );
  });

  it('ranks the rules that failed in the most units (a unit counted once however many of its forms failed)', () => {
    const b = (source: string, unit: string | null, failedRules: string[]) => ({ ...fc.sample(briefArb, { numRuns: 1, seed: 1 })[0], source, unit, failedRules }) as FormBrief;
    const digest = digestBatch([b('1', '北塔区司法局', ['a/one', 'a/two']), b('2', '北塔区司法局', ['a/one']), b('3', '南湖区财政局', ['a/two']), b('4', null, ['a/two']), b('5', null, ['c/four'])]);
    expect(digest.mostFailed).toEqual([
      { ruleId: 'a/two', units: 3, forms: 3 },
      { ruleId: 'a/one', units: 1, forms: 2 },
      { ruleId: 'c/four', units: 1, forms: 1 },
    ]);
    const many = Array.from({ length: 15 }, (_, i) => b(String(i), `单位${String(i)}`, [`r/rule-${String(i)}`]));
    expect(digestBatch(many).mostFailed).toHaveLength(MOST_FAILED_LIMIT);
  });

  it('a form brief counts what the result says, and the rating rule outcome when it ran', () => {
    const finding = (ruleId: string, outcome: Finding['outcome'], extra: Partial<Finding> = {}): Finding => ({ ruleId, pack: 'p', title: 't', outcome, severity: 'warning', redFlag: false, messageId: `${ruleId}#x`, message: 'm', data: {}, paths: [], observed: {}, basis: [], ...extra });
    const findings = [finding('a/one', 'fail', { redFlag: true }), finding('a/two', 'fail', { waiver: { reason: 'r', approver: 'a', expires: '2030-01-01' } }), finding(RATING_RULE, 'indeterminate')];
    const result: EvaluationResult = { source: 'x.docx', evaluation: { unit: 'u', fiscalYear: 2020, selfRating: '优' }, findings, indicators: [], summary: summarize(findings), diagnostics: [{ code: 'c', severity: 'info', message: 'm' }] };
    expect(formBrief(result)).toMatchObject({ rules: 3, notApplicable: 0, warnings: 1, waived: 1, redFlags: 1, indeterminate: 1, diagnostics: 1, ratingSupported: 'indeterminate', failedRules: ['a/one'] });
    expect(formBrief({ ...result, findings: [] }).ratingSupported).toBeNull();
  });
});

describe('the batch digest, worked by hand', () => {
  // A generated brief with what these examples decide set by hand (nothing to look at but what they name).
  const [base] = fc.sample(briefArb, { numRuns: 1, seed: 7 });
  const b = (source: string, unit: string | null, fiscalYear: number | null, failedRules: string[] = []): FormBrief => {
    if (base === undefined) throw new Error('no sample');
    return { ...base, source, unit, fiscalYear, failedRules, errors: 0, warnings: 0, infos: 0, indeterminate: 0, diagnostics: 0 };
  };

  it('a unit name is the same with spaces around it; each twice-submitted unit-year lists its files in order, units in Chinese collation, years ascending', () => {
    const digest = digestBatch([b('d.docx', '北塔区司法局', 2021), b('c.docx', '北塔区司法局 ', 2021), b('b.docx', '北塔区司法局', 2020), b('a.docx', ' 北塔区司法局', 2020), b('z.docx', '东城区民政局', 2020), b('y.docx', '东城区民政局', 2020), b('x.docx', '东城区民政局', 2019)]);
    expect(digest.duplicates).toEqual([
      { unit: '北塔区司法局', fiscalYear: 2020, sources: ['a.docx', 'b.docx'] },
      { unit: '北塔区司法局', fiscalYear: 2021, sources: ['c.docx', 'd.docx'] },
      { unit: '东城区民政局', fiscalYear: 2020, sources: ['y.docx', 'z.docx'] },
    ]);
  });

  it('forms without a unit name are never duplicates, and each counts as a unit of its own in the most-failed rules', () => {
    const digest = digestBatch([b('1', null, 2020, ['a/one']), b('2', null, 2020, ['a/one']), b('3', '  ', 2020, ['a/one', 'b/two']), b('4', '北塔区司法局', 2020, ['b/two']), b('5', '北塔区司法局', 2021, ['b/two'])]);
    expect(digest.duplicates).toEqual([]);
    expect(digest.mostFailed).toEqual([
      { ruleId: 'a/one', units: 3, forms: 3 },
      { ruleId: 'b/two', units: 2, forms: 3 },
    ]);
  });

  it('most-failed ties: more forms first, then the rule id', () => {
    const digest = digestBatch([b('1', '甲', 2020, ['c/three', 'b/two']), b('2', '甲', 2021, ['b/two']), b('3', '乙', 2020, ['a/one', 'c/three', 'b/two'])]);
    expect(digest.mostFailed.map((m) => [m.ruleId, m.units, m.forms])).toEqual([
      ['b/two', 2, 3],
      ['c/three', 2, 2],
      ['a/one', 1, 1],
    ]);
  });

  it('forms of the same attention and unit: by year (none last), then by file', () => {
    const digest = digestBatch([b('b.docx', '北塔区司法局', null), b('c.docx', '北塔区司法局', 2021), b('z.docx', '北塔区司法局', 2020), b('a.docx', '北塔区司法局', 2020)]);
    expect(digest.forms.map((f) => f.source)).toEqual(['a.docx', 'z.docx', 'c.docx', 'b.docx']);
  });
});
