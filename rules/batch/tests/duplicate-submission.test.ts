import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_SOURCE, baseEvaluation, evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'batch/duplicate-submission';

testRule(pack, RULE, [
  { name: 'the same form twice', batch: [{}], outcome: 'fail', check: 'submitted-twice', severity: 'warning', message: '示例单位 2020 年度另有 1 份表：case.batch.1；与本表不同的字段：无' },
  {
    name: 'twice, with other staff figures',
    batch: [{ staffing: { actual: 20 } }],
    outcome: 'fail',
    check: 'submitted-twice',
    message: '与本表不同的字段：实有人数',
  },
  { name: 'the name with a seal and full-width spaces is the same unit', batch: [{ unit: { name: '示例　单位（盖章）' } }], outcome: 'fail', check: 'submitted-twice', message: '与本表不同的字段：单位名称' },
  { name: 'another year of the unit', batch: [{ fiscalYear: 2019 }], outcome: 'pass', message: '只有这一份表' },
  { name: 'another unit', batch: [{ unit: { name: '另一单位' } }], outcome: 'pass' },
  // A blank is unknown: a form that cannot be matched with the others is never taken for the only copy (it passed as
  // "只有这一份表" before, beside a copy of itself with the year filled in).
  { name: 'its year blank, beside the same form with the year', patch: { fiscalYear: null }, batch: [{}], outcome: 'indeterminate', message: '年度' },
  { name: 'its year blank, in a batch of its own copies', patch: { fiscalYear: null }, batch: [{ fiscalYear: null }], outcome: 'indeterminate' },
  { name: 'neither code nor unit name', patch: { unit: { name: null } }, batch: [{}], outcome: 'indeterminate', message: '既无预算编码也无单位名称' },
  { name: 'no unit name, the same budget code twice', patch: { unit: { name: null, code: '906017' } }, batch: [{ unit: { code: '906017' } }], outcome: 'fail', check: 'submitted-twice' },
  { name: 'a single form', outcome: 'not-applicable', check: 'no-batch' },
  { name: 'English message', batch: [{}], locale: 'en', outcome: 'fail', check: 'submitted-twice', message: 'has 1 other form(s) for 2020: case.batch.1; fields that differ from this one: none' },
  {
    name: 'eleven other copies: the first ten (listedCopies) named, one counted',
    batch: Array.from({ length: 11 }, () => ({})),
    outcome: 'fail',
    check: 'submitted-many-times',
    message: '示例单位 2020 年度另有 11 份表，列出前 10 份：case.batch.1、case.batch.10、case.batch.11、case.batch.2、case.batch.3、case.batch.4、case.batch.5、case.batch.6、case.batch.7、case.batch.8，另有 1 份未列出；与本表不同的字段：无',
  },
  { name: 'ten other copies are all named', batch: Array.from({ length: 10 }, () => ({})), outcome: 'fail', check: 'submitted-twice', message: '另有 10 份表：case.batch.1、case.batch.10、case.batch.2' },
  { name: 'English message, copies past the cap', batch: Array.from({ length: 12 }, () => ({})), locale: 'en', outcome: 'fail', check: 'submitted-many-times', message: 'has 12 other form(s) for 2020, the first 10 named: case.batch.1, case.batch.10, case.batch.11, case.batch.12, case.batch.2, case.batch.3, case.batch.4, case.batch.5, case.batch.6, case.batch.7, and 2 more;' },
]);

describe(`${RULE} properties`, () => {
  it('fails exactly when another form of the batch has the same unit and year, listing it', async () => {
    const unitArb = fc.constantFrom('甲单位', '乙单位', '甲 单位（盖章）');
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.array(fc.tuple(unitArb, fc.constantFrom(2019, 2020)), { minLength: 1, maxLength: 4 }), async (e, others) => {
        const form = { ...e, unit: { name: '甲单位' }, fiscalYear: 2020 };
        const batch = others.map(([name, fiscalYear]) => ({ ...baseEvaluation(), unit: { name }, fiscalYear }));
        const f = await ruleFinding(pack, RULE, form, { batch });
        const same = others.map(([name, year], i) => (name !== '乙单位' && year === 2020 ? `${CASE_SOURCE}.batch.${String(i + 1)}` : null)).filter((s) => s !== null);
        expect(f.outcome).toBe(same.length > 0 ? 'fail' : 'pass');
        for (const s of same) expect(f.message).toContain(s);
      }),
      { numRuns: 40 },
    );
  });

  it('names the first batch.listedCopies other copies by file name, counts the rest, and always gives the full count', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), fc.array(fc.constantFrom(2019, 2020), { minLength: 1, maxLength: 7 }), async (listedCopies, years) => {
        const form = { ...baseEvaluation(), unit: { name: '甲单位' }, fiscalYear: 2020 };
        const batch = years.map((fiscalYear) => ({ ...form, fiscalYear }));
        const f = await ruleFinding(pack, RULE, form, { batch, config: { parameters: { 'batch.listedCopies': listedCopies } } });
        // The other copies of 2020, in source order (file names compared code unit by code unit).
        const same = years.flatMap((y, i) => (y === 2020 ? [`${CASE_SOURCE}.batch.${String(i + 1)}`] : [])).sort();
        const named = same.slice(0, listedCopies);
        if (same.length === 0) {
          expect(f.outcome).toBe('pass');
          return;
        }
        expect(f.outcome).toBe('fail');
        expect(f.messageId).toBe(`${RULE}#${same.length > listedCopies ? 'submitted-many-times' : 'submitted-twice'}`);
        expect(f.data).toMatchObject({ count: same.length, listed: named.length, unlisted: same.length - named.length, sources: named });
        for (const s of same) expect(f.message.includes(`${s}、`) || f.message.includes(`${s}，`) || f.message.includes(`${s}；`)).toBe(named.includes(s));
        if (same.length > listedCopies) expect(f.message).toContain(`另有 ${String(same.length - named.length)} 份未列出`);
      }),
      { numRuns: 40 },
    );
  });
});
