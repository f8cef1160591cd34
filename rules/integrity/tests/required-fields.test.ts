import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'integrity/required-fields';
const REQUIRED = [
  ['unit', 'name'],
  ['fiscalYear'],
  ['staffing', 'authorized'],
  ['staffing', 'actual'],
  ['income', 'total'],
  ['expenditure', 'total'],
] as const;

testRule(pack, RULE, [
  { name: 'all present', patch: {}, outcome: 'pass' },
  { name: 'unit name and income total blank', patch: { unit: { name: null }, income: { total: null } }, outcome: 'fail', check: 'missing', message: '必填项为空：单位名称、年度收入合计' },
  { name: 'fiscal year blank', patch: { fiscalYear: null }, outcome: 'fail', check: 'missing', message: '必填项为空：年度' },
  { name: 'English', patch: { staffing: { actual: null } }, locale: 'en', outcome: 'fail', check: 'missing', message: 'Required fields are blank: actual staff' },
]);

describe(`${RULE} properties`, () => {
  it('fails naming exactly the blank required fields, and passes when none is blank', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), async (e) => {
        const blank = REQUIRED.filter(([group, key]) => {
          const v = key === undefined ? e[group] : (e[group] as Record<string, unknown>)[key];
          return v === null || v === undefined || v === '';
        });
        const f = await ruleFinding(pack, RULE, e);
        expect(f.outcome).toBe(blank.length > 0 ? 'fail' : 'pass');
        expect(f.data.missing).toEqual(blank.map((p) => p.join('.')));
      }),
    );
  });
});
