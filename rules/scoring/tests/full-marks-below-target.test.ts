import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '@jixiao/core';
import { ruleFinding, testRule } from '@jixiao/testing';
import { metRow, pack, ratingPack, sheetEvaluation } from './pack.js';
import { sheetOnlyProperties } from './shared.js';

const RULE = 'scoring/full-marks-below-target';
const context = [ratingPack];

const rows = (...r: IndicatorRow[]) => sheetEvaluation({ indicators: r }, null);
/** The real Chongqing row: 党性教育培训次数, target 26 次, done 12 次, 得分系数 100 %, scored 5 of 5. */
const training: IndicatorRow = { name: '党性教育培训次数', nature: 'quantitative', unit: '次', target: '26次', actual: '12次', points: 5, score: 5, coefficient: 100, core: true };

testRule(
  pack,
  RULE,
  [
    { name: 'clean sheet: the row short of target scored by its share', evaluation: sheetEvaluation(), outcome: 'pass', message: '没有未完成目标却得满分的定量指标（共 4 项指标）' },
    {
      name: 'Chongqing: 12 of 26 trainings scored 5/5',
      evaluation: rows(training, metRow('播发稿件数量', 10, 10)),
      outcome: 'fail',
      check: 'full-marks',
      severity: 'warning',
      message: '1 项定量指标未达到目标值却得满分：#1 党性教育培训次数 (26次 → 12次, 5/5)；重算总分时按完成比例计分（-2.69 分）',
    },
    { name: 'a cost over its ceiling scored full', evaluation: rows({ name: '成本', target: '≤30万元', actual: '35万元', points: 10, score: 10 }), outcome: 'fail', check: 'full-marks', message: '（-1.43 分）' },
    { name: 'Chongqing: a control rate written as 100% is a ceiling (92% meets it)', evaluation: rows({ name: '财政供养人员控制率', nature: 'quantitative', unit: '%', target: '100%', actual: '92%', points: 2, score: 2 }), outcome: 'pass' },
    { name: 'Chongqing: 预算调整率 3% → 0% and 结转结余率 2% → 0% meet their ceilings', evaluation: rows({ name: '预算调整率', unit: '%', target: '3%', actual: '0%', points: 2, score: 2 }, { name: '结转结余率', unit: '%', target: '2%', actual: '0%', points: 2, score: 2 }), outcome: 'pass' },
    { name: 'a control rate above its ceiling scored full', evaluation: rows({ name: '公用经费控制率', nature: 'quantitative', unit: '%', target: '100%', actual: '104%', points: 2, score: 2 }), outcome: 'fail', check: 'full-marks' },
    { name: 'short but scored below full', evaluation: rows({ ...training, score: 2.31 }), outcome: 'pass' },
    { name: 'qualitative rows are not judged on numbers', evaluation: rows({ ...training, nature: 'qualitative' }), outcome: 'pass' },
    { name: 'no stated nature: comparable numbers make it quantitative', evaluation: rows({ name: 'x', target: '≥95%', actual: '90%', points: 10, score: 10 }), outcome: 'fail', check: 'full-marks' },
    {
      // 12 of 26 and a blank score: full marks or not is unknown.
      name: 'short of target with a blank score',
      evaluation: rows({ ...training, score: null }, metRow('播发稿件数量', 10, 10)),
      outcome: 'indeterminate',
      message: '1 项指标的目标值、完成值、分值或得分为空，无法判断是否未完成目标却得满分：#1 党性教育培训次数',
    },
    { name: 'short of target with blank points', evaluation: rows({ ...training, points: null }), outcome: 'indeterminate', message: '#1 党性教育培训次数' },
    { name: 'full marks and a blank actual', evaluation: rows({ ...training, actual: null }), outcome: 'indeterminate', message: '#1 党性教育培训次数' },
    { name: 'full marks and a blank target, no nature stated', evaluation: rows({ name: 'x', target: null, actual: '90%', points: 10, score: 10 }), outcome: 'indeterminate' },
    { name: 'a blank actual scored below full cannot break the rule', evaluation: rows({ ...training, actual: null, score: 2 }), outcome: 'pass' },
    { name: 'a blank actual on a qualitative row', evaluation: rows({ ...training, nature: 'qualitative', actual: null }), outcome: 'pass' },
    { name: 'a blank actual on a row whose target is words', evaluation: rows({ name: '服务质量', target: '有效提升', actual: null, points: 10, score: 10 }), outcome: 'pass' },
    { name: 'a blank score beside a row that fails', evaluation: rows({ ...training, score: null }, { ...training, name: 'b' }), outcome: 'fail', check: 'full-marks', message: '#2 b' },
    { name: 'a sheet without indicators', evaluation: sheetEvaluation({ totalPoints: 100 }, null), outcome: 'not-applicable' },
    { name: 'a form without a 自评表', outcome: 'not-applicable' },
    { name: 'English message', evaluation: rows(training), locale: 'en', outcome: 'fail', check: 'full-marks', message: 'scored full marks while short of target: #1 党性教育培训次数 (26次 → 12次, 5/5)' },
  ],
  { context },
);

describe(`${RULE} properties`, () => {
  it('fails exactly when a quantitative row short of its target scores its full points; else undecided when a blank leaves that open, naming the rows', async () => {
    const kind = fc.constantFrom('met-full', 'short-full', 'short-partial', 'short-qualitative-full', 'short-score-blank', 'blank-actual-full', 'blank-actual-partial');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(kind, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 8 }), async (spec) => {
        const indicators = spec.map(([k, a, b], i): IndicatorRow => {
          const [lo, hi] = a <= b ? [a, b + 1] : [b, a + 1];
          const name = `r${String(i)}`;
          if (k === 'met-full') return { name, target: `≥${String(lo)}`, actual: String(hi), points: 10, score: 10 };
          if (k === 'short-score-blank') return { name, nature: 'quantitative', target: `≥${String(hi)}`, actual: String(lo), points: 10, score: null };
          if (k === 'blank-actual-full' || k === 'blank-actual-partial') return { name, target: `≥${String(hi)}`, actual: null, points: 10, score: k === 'blank-actual-full' ? 10 : 9.99 };
          return { name, nature: k === 'short-qualitative-full' ? 'qualitative' : 'quantitative', target: `≥${String(hi)}`, actual: String(lo), points: 10, score: k === 'short-partial' ? 9.99 : 10 };
        });
        const f = await ruleFinding(pack, RULE, rows(...indicators), { context });
        const flagged = spec.filter(([k]) => k === 'short-full').length;
        const open = spec.flatMap(([k], i) => (k === 'short-score-blank' || k === 'blank-actual-full' ? [`#${String(i + 1)} r${String(i)}`] : []));
        expect(f.outcome).toBe(flagged > 0 ? 'fail' : open.length > 0 ? 'indeterminate' : 'pass');
        if (flagged === 0) expect(f.data.undecidedRows).toEqual(open);
        if (flagged > 0) expect(f.data.count).toBe(flagged);
      }),
    );
  });

  it('the recomputed total moves by points × (share attained − 1) for a higher-is-better row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 30 }), async (done, points) => {
        // target 100, done `done`: the fair score is points × done / 100, exact in hundredths.
        const f = await ruleFinding(pack, RULE, rows({ name: 'x', nature: 'quantitative', target: '100', actual: String(done), points, score: points }), { context });
        expect(f.data.scoreDelta).toBe((points * done - points * 100) / 100);
      }),
    );
  });

  sheetOnlyProperties(RULE);
});
