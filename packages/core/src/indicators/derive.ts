import * as z from 'zod';
import { ANSWER_FIELDS, EvaluationSchema, MoneySchema } from '../model/evaluation.js';
import type { Evaluation } from '../model/evaluation.js';
import { fromCents, toCents } from '../model/money.js';
import type { Locale } from '../i18n/locale.js';
import type { Indicator } from '../result/model.js';
import { FIELD_LABELS, type FieldPath } from '../model/labels.js';
import { formatPercent, percentOf } from './ratio.js';
import { deriveBudgetBreakdown } from './budget-breakdown.js';
import { sumCheck } from './sum-check.js';

export type { SumCheck } from './sum-check.js';
import { deriveScoring, scoringSettings } from './scoring.js';

function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return fromCents(toCents(a) - toCents(b));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Each answer field with its group and key, split once (deriveFacts runs for every form). */
const ANSWER_FIELD_KEYS = ANSWER_FIELDS.map((field) => {
  const [group, key] = field.split('.') as [keyof Evaluation, string];
  return { field, group, key };
});

/** `(current − prior) / prior` in percent, exact to 2 decimals; null without both or with a zero base. */
function changeRate(current: number | null | undefined, prior: number | null | undefined): number | null {
  if (current === null || current === undefined || prior === null || prior === undefined) return null;
  const base = toCents(prior);
  return base === 0 ? null : percentOf(toCents(current) - base, base);
}

/** The schema inside `.nullable()` / `.optional()` wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** Paths of the form's amounts in 万元, read off the model (every field whose schema is {@link MoneySchema}). */
function moneyPathsOf(schema: z.ZodType, prefix: string, out: string[][]): string[][] {
  const s = unwrapped(schema);
  if (s === MoneySchema) out.push(prefix.split('.'));
  else if (s instanceof z.ZodObject) {
    const shape: Readonly<Record<string, z.ZodType>> = s.shape;
    for (const [key, child] of Object.entries(shape)) moneyPathsOf(child, prefix === '' ? key : `${prefix}.${key}`, out);
  }
  return out;
}
const MONEY_PATHS = moneyPathsOf(EvaluationSchema, '', []);

/**
 * The form's amounts compared with one another: the largest against the median of all amounts above zero. An
 * amount thousands of times the others' median was most likely written in 元 instead of 万元 (2,674,700 beside a
 * 338.28 total). Null without at least three amounts above zero (nothing to compare with).
 */
function amountScale(e: Evaluation): { largestPath: string | null; largest: number | null; median: number | null; ratio: number | null } {
  const amounts: { path: string; cents: number }[] = [];
  for (const path of MONEY_PATHS) {
    let v: unknown = e;
    for (const key of path) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string, unknown>)[key];
    if (typeof v === 'number' && v > 0) amounts.push({ path: path.join('.'), cents: toCents(v) });
  }
  if (amounts.length < 3) return { largestPath: null, largest: null, median: null, ratio: null };
  const sorted = amounts.map((a) => a.cents).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // The median of an even count is the lower middle one: an amount of the form itself, in whole cents.
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : (sorted[mid - 1] ?? 0);
  const largest = amounts.reduce((a, b) => (b.cents > a.cents ? b : a));
  return { largestPath: largest.path, largest: fromCents(largest.cents), median: fromCents(median), ratio: Math.floor(largest.cents / median) };
}

/** The `params` fact as the derivations read it: `{ pack: { name: value } }`. */
export type ParamValues = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/**
 * Values derived from the form, computed once per evaluation and offered to rules as the `derived` fact.
 * Everything is exact; a value that cannot be known is null. `params` (the parameters in force) steer the few
 * derivations that follow local practice (`derived.scoring`, see `scoring.ts`); without them, the defaults.
 */
export function deriveFacts(e: Evaluation, params?: ParamValues) {
  const unresolved: string[] = [];
  const inferred: string[] = [];
  for (const { field, group, key } of ANSWER_FIELD_KEYS) {
    const answer = (e[group] as Record<string, unknown>)[key];
    if (answer !== 'yes' && answer !== 'no') unresolved.push(field);
    else if (e.answerResolution?.[field]?.how === 'inferred') inferred.push(field);
  }
  const carryOver = e.income.carryOver ?? null;
  const available =
    e.income.total === null ? null : fromCents(toCents(e.income.total) + (carryOver === null ? 0 : toCents(carryOver)));
  const date = e.disclosure.date;
  const approval = e.disclosure.approvalDate ?? null;
  const rateBasis = threePublicRateBasis(e);
  return {
    incomeTotal: sumCheck(e.income.total, [e.income.localBudget, e.income.nonTax, e.income.higherLevel, e.income.other]),
    expenditureTotal: sumCheck(e.expenditure.total, [e.expenditure.basic, e.expenditure.project]),
    /** income.total + carryOver (when given): what spending is measured against (以收定支). */
    incomeAvailable: available,
    /** expenditure.total − incomeAvailable. */
    expenditureOverIncome: difference(e.expenditure.total, available),
    /** threePublic − expenditure.total. */
    threePublicOverExpenditure: difference(e.expenditure.threePublic, e.expenditure.total),
    threePublicChange: difference(e.expenditure.threePublic, e.expenditure.threePublicPriorYear),
    /** The 本年 and 上年 三公 figures the change rate is computed from (the form's, else the 经费控制 grid's). */
    threePublicRateBasis: { current: rateBasis.current, prior: rateBasis.prior },
    vehicleCostChange: difference(e.expenditure.vehicleCost, e.expenditure.vehicleCostPriorYear),
    procurementOverPlan: difference(e.procurement.actual, e.procurement.required),
    staffingExcess:
      e.staffing.actual === null || e.staffing.authorized === null ? null : e.staffing.actual - e.staffing.authorized,
    /** Calendar days from 批复 to 公开 (null without both dates). */
    disclosureDelayDays: date === null || approval === null ? null : daysBetween(approval, date),
    /** Year of the publication date minus the fiscal year. */
    disclosureYearOffset: date === null || e.fiscalYear === null ? null : Number(date.slice(0, 4)) - e.fiscalYear,
    /** The 经费控制 grid (T1b): this year's final accounts against the prior year's. */
    costControl: {
      /** 三公经费 本年决算 − 上年决算. */
      threePublicChange: difference(e.costControl?.threePublic?.actual, e.costControl?.threePublic?.priorYearActual),
      threePublicChangeRate: changeRate(e.costControl?.threePublic?.actual, e.costControl?.threePublic?.priorYearActual),
    },
    /** The largest amount against the median of the form's amounts (an amount written in 元, see amountScale). */
    amountScale: amountScale(e),
    /** The 自评表 arithmetic (budget execution, indicator rows, sums, the recomputed total). */
    scoring: deriveScoring(e, scoringSettings(params)),
    /** The 自评表's budget execution by nature (基本支出 + 项目支出) and by fund source, against their totals. */
    budgetBreakdown: deriveBudgetBreakdown(e, params?.scoring),
    answers: {
      unresolved,
      unresolvedCount: unresolved.length,
      inferred,
      inferredCount: inferred.length,
    },
  };
}
export type DerivedFacts = ReturnType<typeof deriveFacts>;

interface IndicatorDef {
  readonly id: string;
  readonly label: Readonly<Record<Locale, string>>;
  readonly formula: string;
  readonly compute: (e: Evaluation) => { value: number } | { reason: Readonly<Record<Locale, string>> };
}

/** A figure the form states: neither blank (null) nor absent from the form's template (undefined). */
const given = (value: number | null | undefined): value is number => value !== null && value !== undefined;

/**
 * The two 三公 figures the change rate is computed from (`threePublicChangeRate`, `derived.threePublicRateBasis`):
 * the form's own 本年 / 上年 figures when it states the prior year; else, when the 经费控制 grid (T1b) has a 三公
 * figure, the grid's 本年决算 / 上年决算 (a T1b form states its prior year only there; its 本年决算 also fills
 * expenditure.threePublic). A message that shows the rate shows these two, so that "上年为 0" is never said beside
 * a blank 上年.
 */
function threePublicRateBasis(e: Evaluation): { current: number | null; prior: number | null; grid: boolean } {
  const grid = e.costControl?.threePublic;
  if (!given(e.expenditure.threePublicPriorYear) && grid !== undefined && (given(grid.actual) || given(grid.priorYearActual))) {
    return { current: grid.actual, prior: grid.priorYearActual, grid: true };
  }
  return { current: e.expenditure.threePublic, prior: e.expenditure.threePublicPriorYear ?? null, grid: false };
}

/** A field's label in both locales, as `blank` and `zero` name it. */
const labelPair = (path: FieldPath): [string, string] => [FIELD_LABELS[path]['zh-CN'], FIELD_LABELS[path].en];

const blank = (what: string, en: string) => ({ reason: { 'zh-CN': `${what}为空`, en: `${en} is blank` } });
const zero = (what: string, en: string) => ({ reason: { 'zh-CN': `${what}为 0，无法计算比率`, en: `${en} is 0: no ratio` } });

function moneyRatio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  names: { num: [string, string]; den: [string, string] },
  subtractDenominator = false,
) {
  if (numerator === null || numerator === undefined) return blank(...names.num);
  if (denominator === null || denominator === undefined) return blank(...names.den);
  const d = toCents(denominator);
  if (d === 0) return zero(...names.den);
  const n = toCents(numerator) - (subtractDenominator ? d : 0);
  const value = percentOf(n, d);
  return value === null ? zero(...names.den) : { value };
}

/** Derived indicators of ../shared/domain.md §4, in the order reports show them. */
export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: 'staffingControlRate',
    label: { 'zh-CN': '在职人员控制率', en: 'Staffing control rate' },
    formula: 'staffing.actual / staffing.authorized',
    compute: (e) => {
      if (e.staffing.actual === null) return blank('实有人数', 'actual staff');
      if (e.staffing.authorized === null) return blank('编制人数', 'authorized staff');
      const value = percentOf(e.staffing.actual, e.staffing.authorized);
      return value === null ? zero('编制人数', 'authorized staff') : { value };
    },
  },
  {
    id: 'procurementExecutionRate',
    label: { 'zh-CN': '政府采购执行率', en: 'Procurement execution rate' },
    formula: 'procurement.actual / procurement.required',
    compute: (e) =>
      moneyRatio(e.procurement.actual, e.procurement.required, {
        num: ['实际采购金额', 'amount procured'],
        den: ['应采购金额', 'amount to be procured'],
      }),
  },
  {
    id: 'threePublicChangeRate',
    label: { 'zh-CN': '三公经费变动率', en: '"Three public" change rate' },
    formula:
      '(expenditure.threePublic − expenditure.threePublicPriorYear) / expenditure.threePublicPriorYear; where the prior year is ' +
      'blank there and the cost control grid has a 三公 figure, ' +
      '(costControl.threePublic.actual − costControl.threePublic.priorYearActual) / costControl.threePublic.priorYearActual',
    compute: (e) => {
      // A T1b form states its prior-year 三公 figure only in the 经费控制 grid: the rate is then the grid's, both figures
      // from one place, rather than "blank" while the form gives both (three-public/declined reads both places too).
      const basis = threePublicRateBasis(e);
      const labels: { num: [string, string]; den: [string, string] } = basis.grid
        ? { num: labelPair('costControl.threePublic.actual'), den: labelPair('costControl.threePublic.priorYearActual') }
        : { num: ['三公经费支出', '"three public" expenditure'], den: ['上年三公经费支出', 'prior-year "three public" expenditure'] };
      return moneyRatio(basis.current, basis.prior, labels, true);
    },
  },
  {
    id: 'budgetControlRate',
    label: { 'zh-CN': '预算控制率', en: 'Budget control rate' },
    formula: 'budgetExecution.supplementAmount / budgetExecution.initialBudget',
    compute: (e) =>
      moneyRatio(e.budgetExecution.supplementAmount, e.budgetExecution.initialBudget, {
        num: ['追加金额', 'supplement amount'],
        den: ['年初预算', 'initial budget'],
      }),
  },
  {
    id: 'expenditureIncomeRatio',
    label: { 'zh-CN': '支出收入比', en: 'Expenditure to income ratio' },
    formula: 'expenditure.total / income.total',
    compute: (e) =>
      moneyRatio(e.expenditure.total, e.income.total, {
        num: ['年度支出合计', 'total expenditure'],
        den: ['年度收入合计', 'total income'],
      }),
  },
];

/** Indicator values for rules (`indicators` fact): percent or null. */
export function indicatorFacts(e: Evaluation): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const def of INDICATORS) {
    const r = def.compute(e);
    out[def.id] = 'value' in r ? r.value : null;
  }
  return out;
}

/**
 * Indicators as reported, in a locale. `known` are values already computed for this evaluation (the
 * `indicators` fact): those are reused, and only an N/A indicator is computed again, for its reason.
 */
export function computeIndicators(e: Evaluation, locale: Locale = 'zh-CN', known?: Readonly<Record<string, unknown>>): Indicator[] {
  return INDICATORS.map((def) => {
    const value = known?.[def.id];
    const r = typeof value === 'number' ? { value } : def.compute(e);
    if ('value' in r) return { id: def.id, label: def.label[locale], formula: def.formula, value: r.value, display: formatPercent(r.value) };
    return { id: def.id, label: def.label[locale], formula: def.formula, value: null, display: 'N/A', reason: r.reason[locale] };
  });
}
