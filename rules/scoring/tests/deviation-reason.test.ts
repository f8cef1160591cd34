import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '@jixiao/core';
import { ruleFinding, testRule } from '@jixiao/testing';
import { metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/deviation-reason';
const context = [ratingPack];

const short = (name: string, reason?: string): IndicatorRow => ({ name, nature: 'quantitative', unit: '次', target: '26次', actual: '12次', points: 5, score: 2.31, ...(reason === undefined ? {} : { deviationReason: reason }) });
const rows = (...r: IndicatorRow[]) => sheetEvaluation({ indicators: r }, null);

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: the one row short of target gives its reason', evaluation: sheetEvaluation(), outcome: 'pass', message: '未达到目标值的指标都说明了偏差原因（共 4 项指标）' },
    {
      name: 'Chongqing: 12 of 26 trainings, no reason',
      evaluation: rows(short('党性教育培训次数'), metRow('组织宣传活动次数', 10, 10)),
      outcome: 'fail',
      check: 'missing',
      severity: 'warning',
      message: '1 项指标未达到目标值却没有说明偏差原因：#1 党性教育培训次数 (26次 → 12次)',
    },
    { name: '无 is no reason', evaluation: rows(short('a', '无')), outcome: 'fail', check: 'missing' },
    { name: '/ is no reason', evaluation: rows(short('a', ' / ')), outcome: 'fail', check: 'missing' },
    { name: 'a reason given', evaluation: rows(short('a', '培训计划调整，下年补足')), outcome: 'pass' },
    { name: 'a cost kept under its ceiling needs no reason', evaluation: rows({ name: '成本', level2: '成本指标', target: '≤30万元', actual: '28万元', points: 10, score: 10 }), outcome: 'pass' },
    { name: 'a cost over its ceiling', evaluation: rows({ name: '成本', level2: '成本指标', target: '30万元', actual: '35万元', points: 10, score: 8 }), outcome: 'fail', check: 'missing', message: '#1 成本 (30万元 → 35万元)' },
    { name: 'the adjusted target is the one in force', evaluation: rows({ ...short('a'), target: '30次', adjustedTarget: '12次' }), outcome: 'pass' },
    {
      name: 'qualitative rows that differ are not compared, and say so',
      evaluation: rows({ name: '服务质量', nature: 'qualitative', target: '高', actual: '较高', points: 10, score: 9 }),
      outcome: 'pass',
    },
    {
      // Whether 12 of a blank target falls short is unknown, and no reason is given: a reason may be owed.
      name: 'a blank target and no reason',
      evaluation: rows({ ...short('党性教育培训次数'), target: null }, metRow('组织宣传活动次数', 10, 10)),
      outcome: 'indeterminate',
      message: '1 项指标的目标值或完成值为空，又未说明偏差原因，无法判断是否需要说明：#1 党性教育培训次数',
    },
    { name: 'a blank actual and no reason', evaluation: rows({ ...short('a'), actual: '' }), outcome: 'indeterminate', message: '#1 a' },
    { name: 'a blank actual with a reason', evaluation: rows({ ...short('a', '年底前未统计'), actual: null }), outcome: 'pass' },
    { name: 'a blank actual beside a row short with no reason', evaluation: rows({ ...short('a'), actual: null }, short('b')), outcome: 'fail', check: 'missing', message: '#2 b' },
    { name: 'a blank actual, in English', evaluation: rows({ ...short('a'), actual: null }), locale: 'en', outcome: 'indeterminate', message: '1 indicator(s) leave the target or actual blank and give no reason: cannot tell whether one is owed: #1 a' },
    { name: 'a sheet without indicators', evaluation: sheetEvaluation({ budget: { initialBudget: 1, annualBudget: 1, executed: 1, points: 10, rate: 100, score: 10 } }, null), outcome: 'not-applicable' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: rows(short('a')), locale: 'en', outcome: 'fail', check: 'missing', message: '1 indicator(s) fall short of target with no reason given: #1 a (26次 → 12次)' },
  ],
  { context },
);

describe(`${RULE} notes`, () => {
  it('counts the rows it could not compare', async () => {
    const f = await ruleFinding(pack, RULE, rows({ name: '服务质量', nature: 'qualitative', target: '高', actual: '较高', points: 10, score: 9 }), { context });
    expect(f.notes?.map((n) => n.message)).toEqual(['提示：1 项指标的目标值与完成值无法比较（定性表述不同或单位不一致），未核对偏差原因']);
  });
});

describe(`${RULE} properties`, () => {
  it('fails exactly when some row short of its target has no reason, listing those rows; else is undecided when a row with a blank target or actual gives none, naming it', async () => {
    const kind = fc.constantFrom('met', 'short-with-reason', 'short-without', 'qualitative-same', 'blank-without', 'blank-with-reason');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(kind, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 8 }), async (spec) => {
        const indicators = spec.map(([k, a, b], i): IndicatorRow => {
          const [lo, hi] = a <= b ? [a, b + 1] : [b, a + 1];
          const name = `r${String(i)}`;
          if (k === 'met') return { name, target: `≥${String(lo)}`, actual: String(hi), points: 10, score: 10 };
          if (k === 'qualitative-same') return { name, target: '达标', actual: '达标', points: 10, score: 10 };
          // A blank actual (or target): whether the row falls short is unknown.
          if (k === 'blank-without' || k === 'blank-with-reason') return { name, target: a % 2 === 0 ? `≥${String(hi)}` : null, actual: a % 2 === 0 ? null : String(lo), points: 10, score: 5, ...(k === 'blank-with-reason' ? { deviationReason: '原因' } : {}) };
          return { name, target: `≥${String(hi)}`, actual: String(lo), points: 10, score: 5, ...(k === 'short-with-reason' ? { deviationReason: '原因' } : {}) };
        });
        const f = await ruleFinding(pack, RULE, rows(...indicators), { context });
        const missing = spec.flatMap(([k], i) => (k === 'short-without' ? [`#${String(i + 1)} r${String(i)}`] : []));
        const open = spec.flatMap(([k], i) => (k === 'blank-without' ? [`#${String(i + 1)} r${String(i)}`] : []));
        expect(f.outcome).toBe(missing.length > 0 ? 'fail' : open.length > 0 ? 'indeterminate' : 'pass');
        for (const m of missing) expect(f.message).toContain(m);
        if (missing.length === 0) expect(f.data.undecidedRows).toEqual(open);
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
