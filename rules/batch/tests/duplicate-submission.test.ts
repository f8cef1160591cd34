import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_SOURCE, baseEvaluation, evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'batch/duplicate-submission';

testRule(pack, RULE, [
  { name: 'the same form twice', batch: [{}], outcome: 'fail', check: 'submitted-twice', severity: 'warning', message: '示例单位 2020 年度另有 1 份表：case.batch.1；与本表不同的字段 0 个：无' },
  {
    name: 'twice, with other staff figures',
    batch: [{ staffing: { actual: 20 } }],
    outcome: 'fail',
    check: 'submitted-twice',
    message: '与本表不同的字段 1 个：实有人数',
  },
  { name: 'the name with a seal and full-width spaces is the same unit', batch: [{ unit: { name: '示例　单位（盖章）' } }], outcome: 'fail', check: 'submitted-twice', message: '与本表不同的字段 1 个：单位名称' },
  { name: 'another year of the unit', batch: [{ fiscalYear: 2019 }], outcome: 'pass', message: '只有这一份表' },
  { name: 'another unit', batch: [{ unit: { name: '另一单位' } }], outcome: 'pass' },
  { name: 'a single form', outcome: 'not-applicable', check: 'no-batch' },
  { name: 'English message', batch: [{}], locale: 'en', outcome: 'fail', check: 'submitted-twice', message: 'has 1 other form(s) for 2020: case.batch.1' },
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
});
