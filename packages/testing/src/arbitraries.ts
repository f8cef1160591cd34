import fc from 'fast-check';
import {
  ANSWER_FIELDS,
  DISCLOSURE_CHANNELS,
  GRADES,
  fromCents,
  passingEvaluation,
  type Answer,
  type CostControl,
  type Evaluation,
  type IndicatorRow as Indicator,
  type SelfAssessment,
} from '@jixiao/core';

/**
 * fast-check arbitraries that produce schema-valid evaluations, for property tests of rules. Knobs steer
 * generation toward the cases a property is about ("overstaffed", "totals consistent", …).
 */

/** A 2-decimal amount in 万元 built from integer hundredths (never a float artefact). */
export function moneyArb(maxCents = 100_000_000): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: maxCents }).map(fromCents);
}

/** An amount or a blank. */
export function optionalMoneyArb(maxCents?: number): fc.Arbitrary<number | null> {
  return fc.option(moneyArb(maxCents), { nil: null, freq: 5 });
}

export const resolvedAnswerArb: fc.Arbitrary<'yes' | 'no'> = fc.constantFrom('yes', 'no');
export const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 8, arbitrary: resolvedAnswerArb },
  { weight: 1, arbitrary: fc.constantFrom<Answer>('unanswered', 'conflicting', 'ambiguous') },
);

export const isoDateArb = (fromYear = 2015, toYear = 2030): fc.Arbitrary<string> =>
  fc.date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export interface EvaluationKnobs {
  /** true: actual > authorized; false: actual ≤ authorized; undefined: either. */
  readonly overstaffed?: boolean;
  /** true: every total equals its parts exactly (all parts filled in). */
  readonly totalsConsistent?: boolean;
  /** Allow blank (null) values in optional cells (default true). */
  readonly blanks?: boolean;
  /** Only `yes`/`no` answers (default false: unresolved answers appear too). */
  readonly resolvedAnswers?: boolean;
  /** Include the optional extension fields (prior-year figures, approval date …). Default: sometimes. */
  readonly extensions?: boolean;
  /** A fixed fiscal year, or a range (default: 2015–2030, sometimes blank when blanks are allowed). */
  readonly fiscalYear?: number | { readonly min: number; readonly max: number };
  /** Add a 自评表 section (model v2): always (true), never (false, the default) or sometimes ('sometimes'). */
  readonly selfAssessment?: boolean | 'sometimes';
  /** Add the 经费控制 grid (model v2): always, never (the default) or sometimes. */
  readonly costControl?: boolean | 'sometimes';
}

/** A score (分值, 得分) of 2 decimals, in hundredths from 0 to `maxHundredths`. */
export function scoreArb(maxHundredths = 10_000): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: maxHundredths }).map((n) => n / 100);
}

/** A percentage (2 decimals, in percent) from 0 to `maxHundredths / 100`. */
export function percentArb(maxHundredths = 20_000): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: maxHundredths }).map((n) => n / 100);
}

/** An indicator value as written on a form: a number with a comparator and unit, or a qualitative word. */
export const indicatorValueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('', '≥', '≤', '=', '>', '<'), fc.integer({ min: 0, max: 30_000 }), fc.constantFrom(0, 1, 2), fc.constantFrom('', '%', '次', '万元', '篇')).map(([c, n, d, u]) => `${c}${(n / 10 ** d).toFixed(d)}${u}`) },
  { weight: 1, arbitrary: fc.constantFrom('高', '好', '达标', '按时完成', '2018-2022', '') },
);

/** One row of a 自评表 indicator table. */
export function indicatorArb(): fc.Arbitrary<Indicator> {
  return fc
    .record({
      level1: fc.option(fc.constantFrom('产出指标', '效益指标', '满意度指标'), { nil: undefined }),
      level2: fc.option(fc.constantFrom('数量指标', '质量指标', '成本指标', '社会效益指标'), { nil: undefined }),
      name: fc.option(fc.constantFrom('培训次数', '播发稿件数量', '满意度', '成本控制数'), { nil: null, freq: 10 }),
      nature: fc.option(fc.constantFrom('quantitative' as const, 'qualitative' as const), { nil: undefined }),
      unit: fc.option(fc.constantFrom('%', '次', '篇'), { nil: undefined }),
      target: fc.option(indicatorValueArb, { nil: null, freq: 8 }),
      adjustedTarget: fc.option(indicatorValueArb, { nil: undefined, freq: 2 }),
      actual: fc.option(indicatorValueArb, { nil: null, freq: 8 }),
      points: fc.option(scoreArb(3000), { nil: null, freq: 10 }),
      score: fc.option(fc.integer({ min: -200, max: 3200 }).map((n) => n / 100), { nil: null, freq: 10 }),
      coefficient: fc.option(percentArb(10_000), { nil: undefined, freq: 2 }),
      deviationReason: fc.option(fc.constantFrom('未完成：经费压减', '无', '', '/'), { nil: undefined }),
      core: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((r) => {
      const row: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (v !== undefined) row[k] = v;
      return row as Indicator;
    });
}

/** A 自评表 section: a budget execution block and/or indicator rows. */
export function selfAssessmentArb(): fc.Arbitrary<SelfAssessment> {
  const budget = fc.record({
    initialBudget: optionalMoneyArb(10_000_000),
    adjustment: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 }).map(fromCents), { nil: undefined }),
    annualBudget: optionalMoneyArb(10_000_000),
    executed: optionalMoneyArb(12_000_000),
    points: fc.option(scoreArb(2000), { nil: null, freq: 8 }),
    rate: fc.option(percentArb(), { nil: null, freq: 4 }),
    score: fc.option(scoreArb(2000), { nil: null, freq: 8 }),
  });
  return fc
    .record({
      budget: fc.option(budget, { nil: undefined, freq: 4 }),
      indicators: fc.option(fc.array(indicatorArb(), { maxLength: 8 }), { nil: undefined, freq: 6 }),
      totalPoints: fc.option(fc.constantFrom(100, 90, 120), { nil: undefined }),
    })
    .map((r) => {
      const out: SelfAssessment = {};
      if (r.budget !== undefined) {
        const { adjustment, ...rest } = r.budget;
        out.budget = adjustment === undefined ? rest : { ...rest, adjustment };
      }
      if (r.indicators !== undefined) out.indicators = r.indicators;
      if (r.totalPoints !== undefined) out.totalPoints = r.totalPoints;
      return out;
    });
}

/** The 经费控制 grid: 上年决算 / 本年预算 / 本年决算 of each row, any of them blank. */
export function costControlArb(): fc.Arbitrary<CostControl> {
  const row = fc.record({ priorYearActual: optionalMoneyArb(1_000_000), budget: optionalMoneyArb(1_000_000), actual: optionalMoneyArb(1_000_000) });
  return fc
    .record({
      threePublic: fc.option(row, { nil: undefined, freq: 6 }),
      vehicle: fc.option(row, { nil: undefined }),
      overseas: fc.option(row, { nil: undefined }),
      reception: fc.option(row, { nil: undefined }),
      publicFunds: fc.option(row, { nil: undefined }),
      procurement: fc.option(row, { nil: undefined }),
    })
    .map((r) => {
      const out: CostControl = {};
      for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k as keyof CostControl] = v;
      return out;
    });
}

function optionalSection<T>(knob: boolean | 'sometimes' | undefined, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  if (knob === true) return arb;
  if (knob === 'sometimes') return fc.option(arb, { nil: undefined });
  return fc.constant(undefined);
}

function partsWithTotal(n: number, consistent: boolean | undefined, blanks: boolean) {
  const part = blanks && consistent !== true ? optionalMoneyArb(50_000_000) : moneyArb(50_000_000);
  return fc.tuple(fc.array(part, { minLength: n, maxLength: n }), blanks ? optionalMoneyArb(200_000_000) : moneyArb(200_000_000)).map(([parts, total]) => {
    if (consistent !== true) return { parts, total };
    const cents = parts.reduce<number>((acc, p) => acc + Math.round((p ?? 0) * 100), 0);
    return { parts, total: fromCents(cents) };
  });
}

/** A schema-valid evaluation. */
export function evaluationArb(knobs: EvaluationKnobs = {}): fc.Arbitrary<Evaluation> {
  const blanks = knobs.blanks ?? true;
  const answer = knobs.resolvedAnswers === true ? resolvedAnswerArb : answerArb;
  const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => (blanks ? fc.option(arb, { nil: null, freq: 6 }) : arb);
  const staffing = fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })).map(([a, b]) => {
    if (knobs.overstaffed === true) return { authorized: Math.min(a, b), actual: Math.max(a, b) + (a === b ? 1 : 0) };
    if (knobs.overstaffed === false) return { authorized: Math.max(a, b), actual: Math.min(a, b) };
    return { authorized: a, actual: b };
  });
  const answers = fc.tuple(...ANSWER_FIELDS.map(() => answer));
  const ext = fc.record({
    threePublicPriorYear: optionalMoneyArb(10_000_000),
    vehicleCost: optionalMoneyArb(10_000_000),
    vehicleCostPriorYear: optionalMoneyArb(10_000_000),
    carryOver: optionalMoneyArb(10_000_000),
    initialBudget: optionalMoneyArb(200_000_000),
    approvalDate: fc.option(isoDateArb(), { nil: null }),
    classified: fc.option(fc.boolean(), { nil: null }),
  });
  return fc
    .record({
      fiscalYear:
        typeof knobs.fiscalYear === 'number'
          ? fc.constant(knobs.fiscalYear)
          : knobs.fiscalYear === undefined
            ? maybe(fc.integer({ min: 2015, max: 2030 }))
            : fc.integer(knobs.fiscalYear),
      name: maybe(fc.constantFrom('北塔区司法局', '双清区财政局', '大祥区教育局', 'Test Unit')),
      staffing: blanks ? fc.option(staffing, { nil: null, freq: 8 }) : staffing,
      income: partsWithTotal(4, knobs.totalsConsistent, blanks),
      expenditure: partsWithTotal(2, knobs.totalsConsistent, blanks),
      threePublic: blanks ? optionalMoneyArb(1_000_000) : moneyArb(1_000_000),
      answers,
      procurement: fc.tuple(optionalMoneyArb(10_000_000), optionalMoneyArb(10_000_000)),
      supplementAmount: optionalMoneyArb(10_000_000),
      surplusAmount: optionalMoneyArb(10_000_000),
      disclosureDate: maybe(isoDateArb()),
      channels: fc.option(fc.subarray([...DISCLOSURE_CHANNELS]), { nil: null, freq: 8 }),
      grade: maybe(fc.constantFrom(...GRADES)),
      score: fc.option(fc.integer({ min: 0, max: 10000 }).map((n) => n / 100), { nil: null }),
      text: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      ext: knobs.extensions === true ? ext : knobs.extensions === false ? fc.constant(undefined) : fc.option(ext, { nil: undefined }),
      selfAssessment: optionalSection(knobs.selfAssessment, selfAssessmentArb()),
      costControl: optionalSection(knobs.costControl, costControlArb()),
    })
    .map((g): Evaluation => {
      const a = Object.fromEntries(ANSWER_FIELDS.map((f, i) => [f, g.answers[i] ?? 'unanswered'])) as Record<(typeof ANSWER_FIELDS)[number], Answer>;
      const [localBudget = null, nonTax = null, higherLevel = null, other = null] = g.income.parts;
      const [basic = null, project = null] = g.expenditure.parts;
      const e: Evaluation = {
        fiscalYear: g.fiscalYear,
        unit: { name: g.name },
        staffing: g.staffing ?? { authorized: null, actual: null },
        functions: g.text,
        income: { localBudget, nonTax, higherLevel, other, total: g.income.total },
        expenditure: { basic, project, total: g.expenditure.total, threePublic: g.threePublic },
        staffingControl: { overstaffed: a['staffingControl.overstaffed'] },
        threePublic: {
          managementRules: a['threePublic.managementRules'],
          receptionStandard: a['threePublic.receptionStandard'],
          vehicleCostDeclined: a['threePublic.vehicleCostDeclined'],
          declined: a['threePublic.declined'],
        },
        nonTaxRevenue: {
          targetMet: a['nonTaxRevenue.targetMet'],
          twoLineManagement: a['nonTaxRevenue.twoLineManagement'],
          diversion: a['nonTaxRevenue.diversion'],
        },
        procurement: { planMade: a['procurement.planMade'], required: g.procurement[0], actual: g.procurement[1] },
        budgetExecution: {
          supplemented: a['budgetExecution.supplemented'],
          supplementAmount: g.supplementAmount,
          hasSurplus: a['budgetExecution.hasSurplus'],
          surplusAmount: g.surplusAmount,
        },
        disclosure: { published: a['disclosure.published'], date: g.disclosureDate, channels: g.channels },
        financialManagement: {
          rulesInPlace: a['financialManagement.rulesInPlace'],
          accountingOffice: a['financialManagement.accountingOffice'],
          accountantsQualified: a['financialManagement.accountantsQualified'],
        },
        fundManagement: {
          rulesInPlace: a['fundManagement.rulesInPlace'],
          approvalProcedure: a['fundManagement.approvalProcedure'],
          irregularUse: a['fundManagement.irregularUse'],
        },
        assetManagement: {
          rulesInPlace: a['assetManagement.rulesInPlace'],
          handlingCompliant: a['assetManagement.handlingCompliant'],
          titleClear: a['assetManagement.titleClear'],
          recordsMatch: a['assetManagement.recordsMatch'],
        },
        duties: { keyTasksCompleted: a['duties.keyTasksCompleted'] },
        achievements: g.text,
        selfRating: { grade: g.grade, score: g.score },
        problems: g.text,
        suggestions: null,
        supervisorOpinion: null,
      };
      if (g.ext) {
        e.expenditure.threePublicPriorYear = g.ext.threePublicPriorYear;
        e.expenditure.vehicleCost = g.ext.vehicleCost;
        e.expenditure.vehicleCostPriorYear = g.ext.vehicleCostPriorYear;
        e.income.carryOver = g.ext.carryOver;
        e.budgetExecution.initialBudget = g.ext.initialBudget;
        e.disclosure.approvalDate = g.ext.approvalDate;
        e.unit.classified = g.ext.classified;
      }
      if (g.selfAssessment !== undefined) e.selfAssessment = g.selfAssessment;
      if (g.costControl !== undefined) e.costControl = g.costControl;
      return e;
    });
}

/** A complete evaluation on which every standard rule passes: the base that example cases patch. */
export function baseEvaluation(): Evaluation {
  // The same base the case files of `jixiao pack test` patch (core owns it so the CLI needs no fast-check).
  return passingEvaluation();
}
