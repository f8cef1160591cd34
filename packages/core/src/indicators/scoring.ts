import type { Evaluation, IndicatorRow as Indicator } from '../model/evaluation.js';
import { hundredths, isHundredths, MAX_PERCENT, MAX_SCORE } from '../model/decimal.js';
import { toCents } from '../model/money.js';
import { attainment, parseIndicatorValue, scaleHundredths, type Decimal } from './indicator-value.js';
import { percentOf } from './ratio.js';

/**
 * The arithmetic of a 自评表 (T3/T4/T5), offered to rules as `derived.scoring`: the execution rate and its score
 * recomputed from the form's own figures, the sums of 分值 and 得分, the indicator rows that break a rule (as
 * lists, so a rule over the rows stays a plain comparison of a count), and the total recomputed with every
 * correction the scoring rules make. Exact throughout: money in hundredths of 万元, scores in hundredths of a
 * point, percentages in basis points; a value that cannot be known is null.
 *
 * A few of these depend on local practice, so they read parameters (declared, dated and cited by the `scoring`
 * pack's rules; defaults below when the pack is not loaded): which budget the rate is measured against, the
 * execution rates that earn nothing and full points, and the rounding allowed per scored row.
 */

/** Local choices the arithmetic depends on (`params.scoring.*`). */
export interface ScoringSettings {
  /** 执行率 denominator: 全年预算数 (`annual`) or 年初预算数 (`initial`). */
  readonly rateBase: 'annual' | 'initial';
  /** Execution rate (%) at and above which the budget item earns its full points. */
  readonly fullRate: number;
  /** Execution rate (%) at and below which it earns nothing (linear in between). */
  readonly zeroRate: number;
  /** Rounding allowed per scored row when 得分 are summed (§3: 0.01 × max(1, n − 1)). */
  readonly roundingPerRow: number;
}

export const DEFAULT_SCORING_SETTINGS: ScoringSettings = { rateBase: 'annual', fullRate: 100, zeroRate: 0, roundingPerRow: 0.01 };

/** The parameter names the settings are read from, in pack `scoring`. */
export const SCORING_PARAMETERS = {
  rateBase: 'rateOnInitialBudget',
  fullRate: 'executionFullRate',
  zeroRate: 'executionZeroRate',
  roundingPerRow: 'scoreRoundingPerRow',
} as const satisfies Record<keyof ScoringSettings, string>;

/** Settings from the `params` fact (`{ scoring: { executionFullRate: 100, … } }`); defaults where absent or unusable. */
export function scoringSettings(params: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> | undefined): ScoringSettings {
  const p = params?.scoring ?? {};
  const rate = (name: string, fallback: number) => {
    const v = p[name];
    return isHundredths(v, MAX_PERCENT) && v >= 0 ? v : fallback;
  };
  const base = p[SCORING_PARAMETERS.rateBase];
  const rounding = p[SCORING_PARAMETERS.roundingPerRow];
  const fullRate = rate(SCORING_PARAMETERS.fullRate, DEFAULT_SCORING_SETTINGS.fullRate);
  const zeroRate = rate(SCORING_PARAMETERS.zeroRate, DEFAULT_SCORING_SETTINGS.zeroRate);
  return {
    rateBase: base === true ? 'initial' : 'annual',
    // A zero rate at or above the full rate would make no line: keep the defaults' meaning then.
    fullRate: zeroRate < fullRate ? fullRate : DEFAULT_SCORING_SETTINGS.fullRate,
    zeroRate: zeroRate < fullRate ? zeroRate : DEFAULT_SCORING_SETTINGS.zeroRate,
    roundingPerRow: isHundredths(rounding, MAX_SCORE) && rounding >= 0 ? rounding : DEFAULT_SCORING_SETTINGS.roundingPerRow,
  };
}

/** Indicator rows that break one rule, as `#row name (detail)`, and the rows that could not be decided. */
export interface RowCheck {
  readonly rows: string[];
  readonly count: number;
  /** Rows where a blank or unreadable value leaves the question open: the rule cannot pass while there are any. */
  readonly undecided: number;
  /** Those rows, as `#row name` (the budget item as 预算执行): an undecided finding names them. */
  readonly undecidedRows: string[];
  /**
   * Rows whose target and actual are both written but cannot be compared (different wording or units): not
   * checked, and noted (a comparison the text does not allow, where a blank is a value not given).
   */
  readonly incomparable: number;
  /**
   * The 0-based positions in `selfAssessment.indicators` of the indicator rows listed (the budget item has none): a
   * rule reporting them as data `rowIndexes` keeps its failure when the list was read only in part (see coverage.ts).
   */
  readonly indexes: number[];
}

const h = (v: number | null | undefined): number | null => (isHundredths(v, Number.MAX_SAFE_INTEGER / 100) ? hundredths(v) : null);
const fromH = (v: number | null): number | null => (v === null ? null : v / 100);
const absH = (v: number | null): number | null => (v === null ? null : Math.abs(v) / 100);

/** How the budget execution item is named among the rows it is listed with. */
const BUDGET_ITEM = '预算执行';

function rowName(row: Indicator, index: number): string {
  const name = row.name ?? row.level2 ?? row.level1 ?? '';
  return name === '' ? `#${String(index + 1)}` : `#${String(index + 1)} ${name}`;
}

function rowCheck(): { rows: string[]; count: number; undecided: number; undecidedRows: string[]; incomparable: number; indexes: number[] } {
  return { rows: [], count: 0, undecided: 0, undecidedRows: [], incomparable: 0, indexes: [] };
}

/** List indicator row `index` as breaking one rule. */
function listRow(check: { rows: string[]; indexes: number[] }, index: number, text: string): void {
  check.rows.push(text);
  check.indexes.push(index);
}

/** Count the row (or the budget item) named `label` as one a blank leaves undecided. */
function openRow(check: { undecided: number; undecidedRows: string[] }, label: string): void {
  check.undecided++;
  check.undecidedRows.push(label);
}

/** `points × fraction` of the execution item: linear from `zeroRate` (0) to `fullRate` (all), in hundredths. */
function executionScore(rateH: number, pointsH: number, s: ScoringSettings): number {
  const full = hundredths(s.fullRate);
  const zero = hundredths(s.zeroRate);
  if (rateH >= full) return pointsH;
  if (rateH <= zero) return 0;
  const n = pointsH * (rateH - zero);
  const d = full - zero;
  const q = Math.floor(Math.abs(n) / d + 0.5);
  return n < 0 ? -q : q;
}

/** What a full-marks row that falls short should have scored: points × attained share (capped at all), in hundredths. */
function proportionalScore(pointsH: number, target: Decimal, actual: Decimal, lowerIsBetter: boolean): number | undefined {
  const share = lowerIsBetter ? scaleHundredths(pointsH, target, actual) : scaleHundredths(pointsH, actual, target);
  if (share === undefined) return undefined;
  return Math.max(0, Math.min(pointsH, share));
}

export interface ScoringFacts {
  /** Has the form a 自评表 section at all? */
  readonly present: boolean;
  readonly budget: {
    readonly present: boolean;
    /** The budget the rate is measured against (per `rateBase`). */
    readonly rateBase: number | null;
    /** 执行数 / rateBase × 100, exact to 2 decimals. */
    readonly rate: number | null;
    /** Stated 执行率 − recomputed (percentage points). */
    readonly rateDifference: number | null;
    readonly rateAbsDifference: number | null;
    /** The rate the score is worked from: recomputed, else the stated one. */
    readonly rateUsed: number | null;
    /** The execution score the local formula gives. */
    readonly expectedScore: number | null;
    /** Stated 得分 − expected. */
    readonly scoreDifference: number | null;
    readonly scoreAbsDifference: number | null;
    /** 年初预算数 + 调整数 − 全年预算数 (null without all three). */
    readonly adjustmentDifference: number | null;
    readonly adjustmentAbsDifference: number | null;
  };
  readonly indicators: {
    readonly count: number;
    /** 得分 above 分值, or below 0 (the budget item, named 预算执行, and every row). */
    readonly outOfRange: RowCheck;
    /** Actual short of target with no 偏差原因. */
    readonly missingReason: RowCheck;
    /** A quantitative row scored its full points while its actual is short of its target. */
    readonly fullMarksShort: RowCheck;
    /** 得分 ≠ 权重 × 得分系数 (重庆); a row whose coefficient, weight or score is blank is undecided. */
    readonly coefficientMismatch: RowCheck;
    /** Rows in a 得分系数 column, its cell filled or blank (0: the sheet has no such column). */
    readonly coefficientRows: number;
  };
  readonly points: {
    /** Σ 分值 of the budget item and every indicator row. */
    readonly sum: number | null;
    readonly blank: number;
    /** Σ − the stated 总分值 (null without a stated one). */
    readonly difference: number | null;
    readonly absDifference: number | null;
  };
  readonly scoreTotal: {
    /** Σ 得分 of the budget item and every indicator row (blanks left out). */
    readonly sum: number | null;
    readonly blank: number;
    /** The stated 总分 (selfRating.score) − Σ. */
    readonly difference: number | null;
    readonly absDifference: number | null;
    /** Rounding allowed: roundingPerRow × max(1, rows − 1). */
    readonly tolerance: number;
  };
  readonly recomputed: {
    /** The total with every correction below (null when a 得分 needed for it is blank). */
    readonly score: number | null;
    /** Budget item: expected − stated 得分 (a blank 得分 counting as 0). */
    readonly executionDelta: number | null;
    /** Rows held to [0, 分值]. */
    readonly withinPointsDelta: number | null;
    /** Full-marks rows short of target, scored by the share attained. */
    readonly fullMarksDelta: number | null;
  };
}

const EMPTY_CHECK: RowCheck = Object.freeze({
  rows: Object.freeze([]) as unknown as string[],
  count: 0,
  undecided: 0,
  undecidedRows: Object.freeze([]) as unknown as string[],
  incomparable: 0,
  indexes: Object.freeze([]) as unknown as number[],
});

/** The facts of a form without a 自评表 (shared: facts are never written to). */
const ABSENT: ScoringFacts = Object.freeze({
  present: false,
  budget: Object.freeze({
    present: false,
    rateBase: null,
    rate: null,
    rateDifference: null,
    rateAbsDifference: null,
    rateUsed: null,
    expectedScore: null,
    scoreDifference: null,
    scoreAbsDifference: null,
    adjustmentDifference: null,
    adjustmentAbsDifference: null,
  }),
  indicators: Object.freeze({ count: 0, outOfRange: EMPTY_CHECK, missingReason: EMPTY_CHECK, fullMarksShort: EMPTY_CHECK, coefficientMismatch: EMPTY_CHECK, coefficientRows: 0 }),
  points: Object.freeze({ sum: null, blank: 0, difference: null, absDifference: null }),
  scoreTotal: Object.freeze({ sum: null, blank: 0, difference: null, absDifference: null, tolerance: 0.01 }),
  recomputed: Object.freeze({ score: null, executionDelta: null, withinPointsDelta: null, fullMarksDelta: null }),
});

/** A row whose actual or target is blank could be quantitative: so stated, or not stated and its target (if any) a number. */
function couldBeQuantitative(row: Indicator, target: string | null | undefined): boolean {
  if (row.nature === 'quantitative') return true;
  if (row.nature === 'qualitative') return false;
  return (target?.trim() ?? '') === '' || parseIndicatorValue(target) !== undefined;
}

function isQuantitative(row: Indicator, target: ReturnType<typeof attainment>): boolean {
  if (row.nature === 'quantitative') return true;
  if (row.nature === 'qualitative') return false;
  return target.kind === 'short';
}

/** The 自评表 arithmetic of one evaluation (see the module comment). */
export function deriveScoring(e: Evaluation, settings: ScoringSettings = DEFAULT_SCORING_SETTINGS): ScoringFacts {
  const sheet = e.selfAssessment;
  if (sheet === undefined) return ABSENT;
  const b = sheet.budget;

  const outOfRange = rowCheck();
  // Budget execution.
  let budget: ScoringFacts['budget'] = ABSENT.budget;
  let execution: { stated: number | null; expected: number | null; points: number | null } = { stated: null, expected: null, points: null };
  if (b !== undefined) {
    const base = settings.rateBase === 'initial' ? b.initialBudget : b.annualBudget;
    const rate = base === null || b.executed === null ? null : percentOf(toCents(b.executed), toCents(base));
    const rateH = h(rate);
    const statedRateH = h(b.rate);
    const rateDiff = rateH === null || statedRateH === null ? null : statedRateH - rateH;
    const usedH = rateH ?? statedRateH;
    const pointsH = h(b.points);
    const expectedH = usedH === null || pointsH === null ? null : executionScore(usedH, pointsH, settings);
    const statedScoreH = h(b.score);
    const scoreDiff = expectedH === null || statedScoreH === null ? null : statedScoreH - expectedH;
    const adjustment = b.adjustment ?? null;
    const adjustmentDiff =
      b.initialBudget === null || adjustment === null || b.annualBudget === null
        ? null
        : toCents(b.initialBudget) + Math.sign(adjustment) * toCents(Math.abs(adjustment)) - toCents(b.annualBudget);
    budget = {
      present: true,
      rateBase: base,
      rate,
      rateDifference: fromH(rateDiff),
      rateAbsDifference: absH(rateDiff),
      rateUsed: fromH(usedH),
      expectedScore: fromH(expectedH),
      scoreDifference: fromH(scoreDiff),
      scoreAbsDifference: absH(scoreDiff),
      adjustmentDifference: fromH(adjustmentDiff),
      adjustmentAbsDifference: absH(adjustmentDiff),
    };
    execution = { stated: statedScoreH, expected: expectedH, points: pointsH };
    // The budget item's own 得分 against its 分值 (the recomputed total uses the expected score instead).
    if (statedScoreH !== null && statedScoreH < 0) outOfRange.rows.push(`${BUDGET_ITEM} (${String(b.score)} < 0)`);
    else if (statedScoreH !== null && pointsH !== null && statedScoreH > pointsH) outOfRange.rows.push(`${BUDGET_ITEM} (${String(b.score)} > ${String(b.points)})`);
    else if (statedScoreH === null || pointsH === null) openRow(outOfRange, BUDGET_ITEM);
  }

  // Indicator rows.
  const rows = sheet.indicators ?? [];
  const missingReason = rowCheck();
  const fullMarksShort = rowCheck();
  const coefficientMismatch = rowCheck();
  let coefficientRows = 0;
  let pointsSum = b === undefined ? 0 : (h(b.points) ?? 0);
  let pointsBlank = b?.points === null ? 1 : 0;
  let scoreSum = b === undefined ? 0 : (h(b.score) ?? 0);
  let scoreBlank = b?.score === null ? 1 : 0;
  let scored = b === undefined ? 0 : 1;
  let withinDelta = 0;
  let fullDelta = 0;
  let recomputable = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    const label = rowName(row, i);
    const pointsH = h(row.points);
    const scoreH = h(row.score);
    scored++;
    if (pointsH === null) pointsBlank++;
    else pointsSum += pointsH;
    if (scoreH === null) {
      scoreBlank++;
      recomputable = false;
    } else scoreSum += scoreH;

    // 0 ≤ 得分 ≤ 分值.
    let adjusted = scoreH;
    if (scoreH !== null && scoreH < 0) {
      listRow(outOfRange, i, `${label} (${String(row.score)} < 0)`);
      adjusted = 0;
    } else if (scoreH !== null && pointsH !== null && scoreH > pointsH) {
      listRow(outOfRange, i, `${label} (${String(row.score)} > ${String(row.points)})`);
      adjusted = pointsH;
    } else if (scoreH === null || pointsH === null) openRow(outOfRange, label);
    if (adjusted !== null && scoreH !== null) withinDelta += adjusted - scoreH;

    // Actual against the target in force (调整指标值 when given).
    const target = row.adjustedTarget ?? row.target;
    const att = attainment(target, row.actual, row.unit, row.level2, row.name);
    const detail = `${target ?? '—'} → ${row.actual ?? '—'}`;
    // A blank target or actual: whether the row falls short is unknown (not met, not short).
    const blankSide = (target?.trim() ?? '') === '' || (row.actual?.trim() ?? '') === '';
    const reason = row.deviationReason?.trim() ?? '';
    const noReason = reason === '' || /^[\s/／\\—–-]*$|^无$/.test(reason);
    if (att.kind === 'short') {
      if (noReason) listRow(missingReason, i, `${label} (${detail})`);
    } else if (att.kind === 'unknown' && blankSide) {
      if (noReason) openRow(missingReason, label);
    } else if (att.kind === 'unknown') missingReason.incomparable++;

    // Full marks while short (quantitative rows). A blank leaves it open where the row could be quantitative and
    // short, and could have full marks (its points or score blank, or the score at the points).
    const full = pointsH !== null && scoreH !== null && pointsH > 0 && scoreH >= pointsH;
    const couldBeFull = full || pointsH === null || scoreH === null;
    if (att.kind === 'short' && isQuantitative(row, att)) {
      if (full) {
        listRow(fullMarksShort, i, `${label} (${detail}, ${String(row.score)}/${String(row.points)})`);
        const fair = proportionalScore(pointsH, att.target, att.actual, att.lowerIsBetter);
        if (fair !== undefined && adjusted !== null) fullDelta += fair - adjusted;
      } else if (couldBeFull) openRow(fullMarksShort, label);
    } else if (att.kind === 'unknown' && row.nature !== 'qualitative') {
      if (!blankSide) fullMarksShort.incomparable++;
      else if (couldBeFull && couldBeQuantitative(row, target)) openRow(fullMarksShort, label);
    }

    // 得分 = 权重 × 得分系数, on every row of a sheet with a 得分系数 column (the key is there, given or blank): a
    // blank coefficient is unknown like a blank weight or score, never a row to leave out.
    if (row.coefficient !== undefined) {
      coefficientRows++;
      const coefficientH = h(row.coefficient);
      if (coefficientH !== null && pointsH !== null && scoreH !== null) {
        const expected = Math.floor((pointsH * coefficientH) / 10_000 + 0.5);
        if (expected !== scoreH) listRow(coefficientMismatch, i, `${label} (${String(row.points)} × ${String(row.coefficient)}% ≠ ${String(row.score)})`);
      } else openRow(coefficientMismatch, label);
    }
  }
  outOfRange.count = outOfRange.rows.length;
  missingReason.count = missingReason.rows.length;
  fullMarksShort.count = fullMarksShort.rows.length;
  coefficientMismatch.count = coefficientMismatch.rows.length;

  const anything = scored > 0;
  const statedTotalPointsH = h(sheet.totalPoints);
  const pointsDiff = !anything || statedTotalPointsH === null ? null : pointsSum - statedTotalPointsH;
  const statedScoreH = h(e.selfRating.score);
  const scoreDiff = !anything || statedScoreH === null ? null : statedScoreH - scoreSum;
  // A blank 得分 of the budget item is worked out by its formula too: the whole formula value is the move then.
  const executionDelta = execution.expected === null ? null : execution.expected - (execution.stated ?? 0);
  // The budget item counts with the score its formula gives; without one, with its own score held to [0, 分值].
  let budgetPart: number | null = 0;
  let budgetHeld = 0;
  if (b !== undefined) {
    const { stated, expected, points } = execution;
    if (expected !== null) budgetPart = expected;
    else if (stated !== null) {
      budgetPart = Math.max(0, points === null ? stated : Math.min(points, stated));
      budgetHeld = budgetPart - stated;
    } else budgetPart = null;
  }
  if (budgetPart === null) recomputable = false;
  const indicatorSum = scoreSum - (b === undefined ? 0 : (execution.stated ?? 0));
  const recomputed = !anything || !recomputable || budgetPart === null ? null : budgetPart + indicatorSum + withinDelta + fullDelta;

  return {
    present: true,
    budget,
    indicators: { count: rows.length, outOfRange, missingReason, fullMarksShort, coefficientMismatch, coefficientRows },
    points: { sum: anything ? pointsSum / 100 : null, blank: pointsBlank, difference: fromH(pointsDiff), absDifference: absH(pointsDiff) },
    scoreTotal: {
      sum: anything ? scoreSum / 100 : null,
      blank: scoreBlank,
      difference: fromH(scoreDiff),
      absDifference: absH(scoreDiff),
      tolerance: (hundredths(settings.roundingPerRow) * Math.max(1, scored - 1)) / 100,
    },
    recomputed: {
      score: fromH(recomputed),
      executionDelta: fromH(executionDelta),
      withinPointsDelta: anything ? (withinDelta + budgetHeld) / 100 : null,
      fullMarksDelta: anything ? fullDelta / 100 : null,
    },
  };
}
