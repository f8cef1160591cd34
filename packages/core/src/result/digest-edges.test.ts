// The batch digest at two edges its other tests leave open: what a form brief (the summary's row of one form) keeps
// of its result — the optional parts only when the result has them, never as `undefined` keys; of a pack score, its
// pack, total and full points — and unit names that Chinese collation finds equal though they differ (a zero-width
// space pasted with the name). Expected values worked by hand.
import { describe, expect, it } from 'vitest';
import { RATING_RULE, digestBatch, formBrief, type FormBrief } from './digest.js';
import { summarize, type EvaluationResult, type Finding } from './model.js';

describe('a form brief, field by field', () => {
  // A result with nothing optional: no template, score check, pack scores or diagnostics. Values worked by hand.
  const bare: EvaluationResult = { source: 'x.docx', evaluation: { unit: '北塔区司法局', fiscalYear: 2020, selfRating: null }, findings: [], indicators: [], summary: summarize([]) };

  it('has no template, score check or pack scores when the result has none (not even as undefined), and 0 diagnostics without any', () => {
    expect(formBrief(bare)).toStrictEqual({
      source: 'x.docx',
      unit: '北塔区司法局',
      fiscalYear: 2020,
      selfRating: null,
      rules: 0,
      passed: 0,
      notApplicable: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
      indeterminate: 0,
      redFlags: 0,
      waived: 0,
      diagnostics: 0,
      ratingSupported: null,
      failedRules: [],
    });
  });

  it('keeps the template and the score check as they are, and of each pack score its pack, total and full points only', () => {
    const template = { id: 'hunan-2018', score: 0.934 };
    const scoreCheck = { claimed: { grade: '优', score: 92 }, recomputed: { score: 86.91, grade: '良' }, movedBy: [{ ruleId: 'a/one', delta: -5.09 }] };
    const scores = [
      { pack: 'hunan', title: '湖南评分', score: 12.5, earned: 12.5, max: 16, undecided: 0, notApplicable: 0, items: [{ ruleId: 'hunan/a', points: 4.5, max: 8 }, { ruleId: 'hunan/b', points: 8, max: 8 }] },
      { pack: 'other', title: 'Other', score: null, earned: 2, max: 10, undecided: 8, notApplicable: 0, items: [] },
    ];
    const brief = formBrief({ ...bare, template, scoreCheck, scores });
    expect(brief.template).toStrictEqual(template);
    expect(brief.scoreCheck).toStrictEqual(scoreCheck);
    expect(brief.scores).toStrictEqual([
      { pack: 'hunan', score: 12.5, max: 16 },
      { pack: 'other', score: null, max: 10 },
    ]);
  });
});

describe('unit names that collate equal but differ', () => {
  // Intl.Collator('zh-CN') compares 甲 and 甲 followed by U+200B (zero width space) as equal; they are two names.
  const zw = '甲\u200b';
  const brief = (source: string, unit: string, fiscalYear: number): FormBrief => ({ source, unit, fiscalYear, selfRating: null, rules: 1, passed: 1, notApplicable: 0, errors: 0, warnings: 0, infos: 0, indeterminate: 0, redFlags: 0, waived: 0, diagnostics: 0, ratingSupported: null, failedRules: [] });

  it('keep the forms of each name together (甲 before 甲+U+200B, by code units), in any input order', () => {
    const forms = [brief('1.docx', zw, 2020), brief('2.docx', '甲', 2020), brief('3.docx', zw, 2020)];
    const expected = ['2.docx', '1.docx', '3.docx'];
    expect(digestBatch(forms).forms.map((f) => f.source)).toEqual(expected);
    expect(digestBatch([...forms].reverse()).forms.map((f) => f.source)).toEqual(expected);
  });

  it('list the duplicate submissions by name, then year', () => {
    const forms = [brief('1.docx', zw, 2020), brief('2.docx', zw, 2020), brief('3.docx', '甲', 2021), brief('4.docx', '甲', 2021)];
    expect(digestBatch(forms).duplicates.map((d) => [d.unit, d.fiscalYear, d.sources])).toEqual([
      ['甲', 2021, ['3.docx', '4.docx']],
      [zw, 2020, ['1.docx', '2.docx']],
    ]);
  });
});

describe('the digest, where the input order could decide', () => {
  const brief = (source: string, unit: string, fiscalYear: number, errors = 0, failedRules: string[] = []): FormBrief => ({ source, unit, fiscalYear, selfRating: null, rules: 1, passed: 1, notApplicable: 0, errors, warnings: 0, infos: 0, indeterminate: 0, redFlags: 0, waived: 0, diagnostics: 0, ratingSupported: null, failedRules });

  it('lists duplicate submissions by unit (Chinese collation) and year, whichever forms need attention first', () => {
    // 东城区's and the 2021 forms have errors, so they come first among the forms; the duplicates still go 北 (bei)
    // before 东 (dong), 2020 before 2021.
    const forms = [brief('1.docx', '北塔区司法局', 2020), brief('2.docx', '北塔区司法局', 2020), brief('3.docx', '北塔区司法局', 2021, 1), brief('4.docx', '北塔区司法局', 2021, 1), brief('5.docx', '东城区民政局', 2020, 2), brief('6.docx', '东城区民政局', 2020, 2)];
    expect(digestBatch(forms).duplicates.map((d) => [d.unit, d.fiscalYear])).toEqual([
      ['北塔区司法局', 2020],
      ['北塔区司法局', 2021],
      ['东城区民政局', 2020],
    ]);
  });

  it('ranks a rule failed in more units first, even when another failed in as many forms', () => {
    // z/two: 2 units, 2 forms; a/one: 1 unit, 2 forms.
    const forms = [brief('1.docx', '甲', 2020, 1, ['z/two', 'a/one']), brief('2.docx', '甲', 2021, 1, ['a/one']), brief('3.docx', '乙', 2020, 1, ['z/two'])];
    expect(digestBatch(forms).mostFailed).toEqual([
      { ruleId: 'z/two', units: 2, forms: 2 },
      { ruleId: 'a/one', units: 1, forms: 2 },
    ]);
  });

  it('reads the rating rule from its own finding, wherever it stands, and lists no unread input unless given', () => {
    const finding = (ruleId: string, outcome: Finding['outcome']): Finding => ({ ruleId, pack: 'p', title: 't', outcome, severity: 'warning', redFlag: false, messageId: `${ruleId}#x`, message: 'm', data: {}, paths: [], observed: {}, basis: [] });
    const findings = [finding(RATING_RULE, 'fail'), finding('a/one', 'pass')];
    const result: EvaluationResult = { source: 'x.docx', evaluation: { unit: 'u', fiscalYear: 2020, selfRating: '优' }, findings, indicators: [], summary: summarize(findings) };
    expect(formBrief(result).ratingSupported).toBe('fail');
    expect(digestBatch([]).unread).toEqual([]);
  });
});

describe('forms without a unit name', () => {
  it('come last, by year and file, in any input order', () => {
    const brief = (source: string, fiscalYear: number): FormBrief => ({ source, unit: null, fiscalYear, selfRating: null, rules: 1, passed: 1, notApplicable: 0, errors: 0, warnings: 0, infos: 0, indeterminate: 0, redFlags: 0, waived: 0, diagnostics: 0, ratingSupported: null, failedRules: [] });
    const forms = [brief('c.docx', 2020), brief('b.docx', 2021), brief('a.docx', 2020)];
    for (const input of [forms, [...forms].reverse(), [forms[1], forms[0], forms[2]] as FormBrief[]]) {
      expect(digestBatch(input).forms.map((f) => f.source)).toEqual(['a.docx', 'c.docx', 'b.docx']);
    }
  });
});
