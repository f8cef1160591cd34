import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, selfAssessmentArb } from '@jixiao/testing';
import {
  DEFAULT_SCORING_SETTINGS,
  attainment,
  compareDecimal,
  deriveFacts,
  deriveScoring,
  parseEvaluation,
  parseIndicatorValue,
  scoringSettings,
  type Evaluation,
  type IndicatorRow,
  type SelfAssessment,
} from '../src/index.js';
import seed from '../../../examples/beita-justice-2020/evaluation.json' with { type: 'json' };

const withSheet = (selfAssessment: SelfAssessment, score: number | null = null): Evaluation =>
  parseEvaluation({ ...seed, selfAssessment, selfRating: { grade: '优', score } });

const row = (r: Partial<IndicatorRow>): IndicatorRow => ({ name: 'x', target: null, actual: null, points: null, score: null, ...r });

describe('indicator values are read exactly', () => {
  it('reads comparators, numbers and units as written on real forms', () => {
    expect(parseIndicatorValue('≥95%')).toEqual({ comparator: '>=', value: { digits: 95n, scale: 0 }, unit: '%' });
    expect(parseIndicatorValue('≧90%')?.comparator).toBe('>=');
    expect(parseIndicatorValue('2天以内')).toEqual({ comparator: '<=', value: { digits: 2n, scale: 0 }, unit: '天' });
    expect(parseIndicatorValue('不低于 99.5 %')).toEqual({ comparator: '>=', value: { digits: 995n, scale: 1 }, unit: '%' });
    expect(parseIndicatorValue('１，２００篇')).toEqual({ comparator: null, value: { digits: 1200n, scale: 0 }, unit: '篇' });
    expect(parseIndicatorValue('10万元及以上')?.comparator).toBe('>=');
    for (const qualitative of ['高', '按时完成', '2018-2022', '3个月10天', '≥', '']) expect(parseIndicatorValue(qualitative), qualitative).toBeUndefined();
  });

  it('property: any number written with a comparator and a unit reads back as those exact digits', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '≥', '≤', '='), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('', '%', '次', '万元'), (c, n, d, u) => {
        const digits = n.toString().padStart(d + 1, '0');
        const text = d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
        const v = parseIndicatorValue(`${c}${text}${u}`);
        expect(v?.value).toEqual({ digits: n, scale: d });
        expect(v?.unit).toBe(u);
        expect(v?.comparator).toBe({ '': null, '≥': '>=', '≤': '<=', '=': '=' }[c]);
      }),
    );
  });

  it('property: decimals compare as the numbers they write (checked against doubles, exact below 15 digits)', () => {
    const small = fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 })).map(([n, d]) => (n / 10 ** d).toFixed(d));
    fc.assert(
      fc.property(small, small, (a, b) => {
        const x = parseIndicatorValue(a);
        const y = parseIndicatorValue(b);
        if (x === undefined || y === undefined) throw new Error('unreadable');
        expect(Math.sign(compareDecimal(x.value, y.value))).toBe(Math.sign(Number(a) - Number(b)));
      }),
    );
  });

  it('tells met from short: at least, at most, exactly, cost headings, qualitative words', () => {
    expect(attainment('≥95%', '98%').kind).toBe('met');
    expect(attainment('≥95%', '94.99%').kind).toBe('short');
    expect(attainment('26次', '12次').kind).toBe('short');
    expect(attainment('≤30万元', '35万元')).toMatchObject({ kind: 'short', lowerIsBetter: true });
    expect(attainment('30', '35', '万元', '成本指标')).toMatchObject({ kind: 'short', lowerIsBetter: true });
    expect(attainment('30', '35', '万元', '数量指标').kind).toBe('met');
    expect(attainment('=100%', '100%').kind).toBe('met');
    expect(attainment('=100%', '101%').kind).toBe('short');
    expect(attainment('高', '高').kind).toBe('met');
    expect(attainment('高', '较高').kind).toBe('unknown');
    expect(attainment('95%', '20次').kind).toBe('unknown');
    expect(attainment('95', '96%', '%').kind).toBe('met');
    expect(attainment(null, '96%').kind).toBe('unknown');
  });
});

describe('derived.scoring', () => {
  it('a real Chongqing form: 执行率 76% with a weight of 10 earns 7.6; 12 of 26 trainings scored 5/5 is full marks short of target', () => {
    const d = deriveScoring(
      withSheet(
        {
          budget: { initialBudget: null, annualBudget: null, executed: null, points: 10, rate: 76, score: 7.6 },
          indicators: [
            row({ name: '党性教育培训次数', nature: 'quantitative', unit: '次', target: '26次', actual: '12次', points: 5, score: 5, coefficient: 100, core: true }),
            row({ name: '播发稿件数量', unit: '篇', target: '2200篇', actual: '2859篇', points: 10, score: 10, coefficient: 100 }),
          ],
        },
        22.6,
      ),
    );
    expect(d.budget).toMatchObject({ rate: null, rateUsed: 76, expectedScore: 7.6, scoreDifference: 0 });
    expect(d.indicators.fullMarksShort.rows).toEqual(['#1 党性教育培训次数 (26次 → 12次, 5/5)']);
    expect(d.indicators.missingReason.rows).toEqual(['#1 党性教育培训次数 (26次 → 12次)']);
    expect(d.indicators.coefficientMismatch.count).toBe(0);
    expect(d.scoreTotal).toMatchObject({ sum: 22.6, difference: 0 });
    // 5 × 12 / 26 = 2.3077 → 2.31: the recomputed total loses 2.69.
    expect(d.recomputed).toMatchObject({ score: 19.91, fullMarksDelta: -2.69, withinPointsDelta: 0, executionDelta: 0 });
  });

  it('a real Guizhou form measures the rate against 年初预算数: 1268.72 / 1172.55 = 108.20 %, held at the full 10 points', () => {
    const e = withSheet({ budget: { initialBudget: 1172.55, annualBudget: null, executed: 1268.72, points: 10, rate: null, score: 10 } });
    expect(deriveScoring(e).budget.rate).toBeNull();
    const d = deriveScoring(e, { ...DEFAULT_SCORING_SETTINGS, rateBase: 'initial' });
    expect(d.budget).toMatchObject({ rateBase: 1172.55, rate: 108.2, expectedScore: 10, scoreDifference: 0 });
  });

  it('rounds the execution score half away from zero, and follows a local line from 60 % (nothing) to 100 % (full)', () => {
    const e = withSheet({ budget: { initialBudget: 1000, adjustment: -100, annualBudget: 1000, executed: 875.5, points: 10, rate: 87.5, score: 8.8 } });
    expect(deriveScoring(e).budget).toMatchObject({ rate: 87.55, rateDifference: -0.05, rateAbsDifference: 0.05, expectedScore: 8.76, scoreDifference: 0.04, adjustmentDifference: -100 });
    const local = deriveScoring(e, scoringSettings({ scoring: { executionZeroRate: 60, executionFullRate: 100 } }));
    // (87.55 − 60) / 40 × 10 = 6.8875 → 6.89
    expect(local.budget.expectedScore).toBe(6.89);
  });

  it('holds 得分 to [0, 分值], checks 权重 × 得分系数, and sums 分值 and 得分', () => {
    const d = deriveScoring(
      withSheet(
        {
          budget: { initialBudget: 100, annualBudget: 100, executed: 100, points: 10, rate: 100, score: 10 },
          indicators: [
            row({ name: 'a', target: '≥95%', actual: '98%', points: 30, score: 32 }),
            row({ name: 'b', target: '高', actual: '高', points: 30, score: -1 }),
            row({ name: 'c', target: '≥95%', actual: '90%', points: 20, score: 10, coefficient: 80, deviationReason: '受疫情影响' }),
            row({ name: 'd', target: '≥95%', actual: '95%', points: null, score: 8 }),
          ],
          totalPoints: 100,
        },
        59,
      ),
    );
    expect(d.indicators.outOfRange).toEqual({ rows: ['#1 a (32 > 30)', '#2 b (-1 < 0)'], count: 2, undecided: 1, undecidedRows: ['#4 d'], incomparable: 0, indexes: [0, 1] });
    expect(d.indicators.coefficientMismatch.rows).toEqual(['#3 c (20 × 80% ≠ 10)']);
    expect(d.indicators.coefficientRows).toBe(1);
    expect(d.indicators.missingReason.count).toBe(0);
    expect(d.points).toEqual({ sum: 90, blank: 1, difference: -10, absDifference: 10 });
    expect(d.scoreTotal).toEqual({ sum: 59, blank: 0, difference: 0, absDifference: 0, tolerance: 0.04 });
    expect(d.recomputed).toEqual({ score: 58, executionDelta: 0, withinPointsDelta: -1, fullMarksDelta: 0 });
  });

  it('holds the budget item to its 分值 too, and without a rate keeps its own score within [0, 分值] in the total', () => {
    const d = deriveScoring(withSheet({ budget: { initialBudget: null, annualBudget: null, executed: null, points: 10, rate: null, score: 12 }, indicators: [row({ points: 90, score: 80 })] }));
    expect(d.indicators.outOfRange.rows).toEqual(['预算执行 (12 > 10)']);
    expect(d.recomputed).toEqual({ score: 90, executionDelta: null, withinPointsDelta: -2, fullMarksDelta: 0 });
  });

  it('a form without a 自评表 has no scoring figures at all, and the seed derives as before', () => {
    const d = deriveFacts(parseEvaluation(seed));
    expect(d.scoring.present).toBe(false);
    expect(d.scoring.recomputed.score).toBeNull();
    expect(d.costControl).toEqual({ threePublicChange: null, threePublicChangeRate: null });
  });

  it('the 经费控制 grid gives the 三公 change from 决算 to 决算', () => {
    const d = deriveFacts(parseEvaluation({ ...seed, costControl: { threePublic: { priorYearActual: 32, budget: 63.46, actual: 30.5 } } }));
    expect(d.costControl).toEqual({ threePublicChange: -1.5, threePublicChangeRate: -4.69 });
  });

  it('property: never throws, never NaN, and every number is exact to two decimals', () => {
    const numbers = (v: unknown, out: number[] = []): number[] => {
      if (typeof v === 'number') out.push(v);
      else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
      return out;
    };
    fc.assert(
      fc.property(evaluationArb({ selfAssessment: true }), (e) => {
        for (const n of numbers(deriveScoring(e))) {
          expect(Number.isFinite(n)).toBe(true);
          expect(Math.round(n * 100) / 100).toBe(n);
        }
      }),
    );
  });

  it('property: the recomputed total lies between 0 and Σ 分值 when every row has its 分值 and 得分', () => {
    fc.assert(
      fc.property(selfAssessmentArb(), (sheet) => {
        const d = deriveScoring(withSheet(sheet));
        const rows = sheet.indicators ?? [];
        const complete = rows.every((r) => r.points !== null && r.score !== null) && (sheet.budget === undefined || (sheet.budget.points !== null && sheet.budget.score !== null));
        if (!complete || d.recomputed.score === null || d.points.sum === null) return;
        expect(d.recomputed.score).toBeGreaterThanOrEqual(0);
        expect(d.recomputed.score).toBeLessThanOrEqual(d.points.sum + 1e-9);
      }),
    );
  });

  it('property: a row is out of range exactly when its 得分 is below 0 or above its 分值', () => {
    fc.assert(
      fc.property(selfAssessmentArb(), (sheet) => {
        const items = [...(sheet.budget === undefined ? [] : [sheet.budget]), ...(sheet.indicators ?? [])];
        const bad = items.filter((r) => r.score !== null && (r.score < 0 || (r.points !== null && r.score > r.points)));
        expect(deriveScoring(withSheet(sheet)).indicators.outOfRange.count).toBe(bad.length);
      }),
    );
  });

  it('property: the execution score is within half a hundredth of min(rate, 100 %) × 分值, never above 分值, and grows with the rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 3000 }), (r1, r2, p) => {
        const score = (rate: number) =>
          deriveScoring(withSheet({ budget: { initialBudget: null, annualBudget: null, executed: null, points: p / 100, rate: rate / 100, score: null } })).budget.expectedScore ?? Number.NaN;
        const exact = (p * Math.min(r1, 10_000)) / 10_000; // hundredths of a point, as a rational
        expect(Math.abs(score(r1) * 100 - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(score(r1)).toBeLessThanOrEqual(p / 100);
        if (r1 <= r2) expect(score(r1)).toBeLessThanOrEqual(score(r2));
      }),
    );
  });
});
