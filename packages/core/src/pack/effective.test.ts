// Effective dates (issue 6 §5): a rule or a parameter value starts and ends on dates; a form is checked with
// what was in force for its fiscal year; a rule not yet in force is a notice naming the date it takes effect.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { valueInForce } from '../engine/params.js';
import { passingEvaluation } from './cases.js';
import type { Pack, Rule } from './schema.js';

const dateArb = fc.date({ min: new Date(Date.UTC(2010, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const yearArb = fc.integer({ min: 2005, max: 2035 });

function pack(rule: Partial<Rule>): Pack {
  return {
    meta: { name: 'demo', version: '0.1.0', title: { 'zh-CN': '示例', en: 'Demo' } },
    rules: [{
      id: 'demo/limit',
      title: { 'zh-CN': '上限', en: 'Limit' },
      severity: 'warning',
      basis: [{ instrument: 'x' }],
      paths: ['staffing.actual'],
      checks: [{ id: 'over', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: { fact: 'params', path: 'demo.limit' } }] }, message: { 'zh-CN': '超过 {limit}', en: 'above {limit}' } }],
      pass: { 'zh-CN': '未超过 {limit}', en: 'within {limit}' },
      data: { limit: { ref: 'params.demo.limit' } },
      parameters: [{
        name: 'limit',
        title: { 'zh-CN': '上限', en: 'Limit' },
        type: 'integer',
        values: [
          { from: '2000-01-01', until: '2019-12-31', value: 30, basis: 'old' },
          { from: '2020-01-01', value: 20, basis: 'new' },
        ],
      }],
      ...rule,
    }],
  };
}

const form = (fiscalYear: number | null) => ({ ...passingEvaluation(), fiscalYear, staffing: { authorized: 30, actual: 25 } });

describe('effective dates of rules', () => {
  it('a rule not yet in force is not applicable, naming the date it takes effect; in force from its year on', async () => {
    await fc.assert(
      fc.asyncProperty(dateArb, yearArb, async (from, year) => {
        const checker = createChecker([pack({ effective: { from } })]);
        const f = (await checker.checkEvaluation(form(year))).findings[0];
        if (year < Number(from.slice(0, 4))) {
          expect(f).toMatchObject({ outcome: 'not-applicable', messageId: 'demo/limit#not-in-force' });
          expect(f?.message).toContain(from);
          expect(f?.data).toMatchObject({ from, fiscalYear: year });
        } else expect(f?.outcome === 'pass' || f?.outcome === 'fail').toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a rule no longer in force is not applicable, naming the end date', async () => {
    await fc.assert(
      fc.asyncProperty(dateArb, yearArb, async (until, year) => {
        const checker = createChecker([pack({ effective: { until } })]);
        const f = (await checker.checkEvaluation(form(year), { locale: 'en' })).findings[0];
        if (year > Number(until.slice(0, 4))) {
          expect(f).toMatchObject({ outcome: 'not-applicable', messageId: 'demo/limit#no-longer-in-force' });
          expect(f?.message).toContain(until);
        } else expect(f?.outcome).not.toBe('not-applicable');
      }),
      { numRuns: 60 },
    );
  });

  // The fiscal year is a calendar year: a rule is in force for it when its dates meet any day from 1 January to 31 December.
  it.each<[string, { from?: string; until?: string }, number, string | undefined]>([
    ['from the last day of the year', { from: '2021-12-31' }, 2021, undefined],
    ['from the first day of the next year', { from: '2022-01-01' }, 2021, 'demo/limit#not-in-force'],
    ['until the first day of the year', { until: '2021-01-01' }, 2021, undefined],
    ['until the last day of the year before', { until: '2020-12-31' }, 2021, 'demo/limit#no-longer-in-force'],
    ['within the year', { from: '2021-03-01', until: '2021-06-30' }, 2021, undefined],
    ['both ends after the year', { from: '2022-01-01', until: '2022-12-31' }, 2021, 'demo/limit#not-in-force'],
  ])('%s: %j for %i', async (_name, effective, year, notApplicable) => {
    const f = (await createChecker([pack({ effective })]).checkEvaluation(form(year))).findings[0];
    if (notApplicable === undefined) expect(['pass', 'fail']).toContain(f?.outcome);
    else expect(f).toMatchObject({ outcome: 'not-applicable', messageId: notApplicable });
  });

  it('without a fiscal year the rule runs', async () => {
    const checker = createChecker([pack({ effective: { from: '2030-01-01', until: '2031-12-31' } })]);
    expect((await checker.checkEvaluation(form(null))).findings[0]?.outcome).not.toBe('not-applicable');
  });
});

describe('dated parameter values', () => {
  it('the value in force on 31 December of the fiscal year decides the outcome', async () => {
    const checker = createChecker([pack({})]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2000, max: 2030 }), async (year) => {
        const f = (await checker.checkEvaluation(form(year))).findings[0];
        // 25 staff: within the old limit 30, above the new limit 20 (from 2020).
        expect(f?.outcome).toBe(year >= 2020 ? 'fail' : 'pass');
        expect(f?.data.limit).toBe(year >= 2020 ? 20 : 30);
      }),
      { numRuns: 31 },
    );
  });

  it('valueInForce picks the latest value whose period covers 31 December, or none', () => {
    fc.assert(
      fc.property(fc.uniqueArray(dateArb, { minLength: 1, maxLength: 5 }), yearArb, (starts, year) => {
        const values = starts.map((from, i) => ({ from, value: i, basis: 'x' }));
        const day = `${String(year)}-12-31`;
        const expected = [...values].sort((a, b) => a.from.localeCompare(b.from)).filter((v) => v.from <= day).at(-1);
        expect(valueInForce(values, year)).toEqual(expected);
      }),
    );
    expect(valueInForce([{ from: '2020-01-01', until: '2020-06-30', value: 1, basis: 'x' }], 2020)).toBeUndefined();
  });
});
