import type { Evaluation } from '../model/evaluation.js';
import type { FieldPath } from '../model/labels.js';
import { isMoney, toCents, toSignedCents } from '../model/money.js';
import { sumCheck, type SumCheck } from './sum-check.js';

/**
 * The 自评表's budget execution broken down (model v3), each breakdown against its total (../shared/domain.md §3):
 * - by nature: 基本支出 + 项目支出 = 年度资金总额, in each column the rows give (年初预算数, 全年预算数, 全年执行数);
 * - by fund source (按收入性质分): 一般公共预算 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金 = its total.
 * Offered to rules as `derived.budgetBreakdown`. A part the sheet leaves blank (or does not have) is unknown:
 * known parts above the total fail; parts that reach the total pass (the blanks hold nothing); parts short of it
 * with a blank among them cannot be decided. Exact, in hundredths of 万元.
 */

/** The tolerances, per breakdown, in 万元 (`params.scoring.*`; defaults 0.01 × max(1, n − 1) for n rounded parts). */
export const BREAKDOWN_PARAMETERS = { byNature: 'natureBreakdownTolerance', fundSources: 'fundSourceTolerance' } as const;
const DEFAULT_TOLERANCE = { byNature: 0.01, fundSources: 0.03 } as const;

/** One breakdown of the sheet: how its columns add up. */
export interface BreakdownCheck {
  /** Columns that have a breakdown (a part given or left blank under a total the sheet states). */
  readonly columns: number;
  /** The first column whose parts do not add up to its total beyond the tolerance: that total's field, else null. */
  readonly mismatch: FieldPath | null;
  /** That column's total, the sum of its known parts and total − parts (万元); null without a mismatch. */
  readonly total: number | null;
  readonly partsSum: number | null;
  readonly difference: number | null;
  /** The totals (fields) of the columns that cannot be decided: a blank total, or known parts short of it beside a blank. */
  readonly undecided: FieldPath[];
  readonly undecidedCount: number;
}

interface Column {
  readonly total: FieldPath;
  readonly value: number | null | undefined;
  readonly parts: readonly (number | null | undefined)[];
}

/** The budget execution's columns the 基本支出 / 项目支出 rows break down. */
const BY_NATURE_COLUMNS = ['initialBudget', 'annualBudget', 'executed'] as const;

const given = (v: number | null | undefined): v is number => v !== null && v !== undefined;

function check(columns: readonly Column[], tolerance: number): BreakdownCheck {
  const tol = toCents(tolerance);
  let counted = 0;
  let mismatch: SumCheck | undefined;
  let mismatchTotal: FieldPath | null = null;
  const undecided: FieldPath[] = [];
  for (const column of columns) {
    // A column no part of which is on the sheet is no breakdown; nor is one where nothing is written, total and parts
    // blank (a reader leaves a column the sheet does not have blank: 绥阳县太白镇's T5 has no 全年预算数).
    if (column.parts.every((p) => p === undefined) || (!given(column.value) && !column.parts.some(given))) continue;
    counted++;
    const sum = sumCheck(column.value ?? null, column.parts.map((p) => p ?? null));
    if (sum.difference === null) {
      undecided.push(column.total);
      continue;
    }
    const short = toSignedCents(sum.difference);
    // Known parts above the total fail whatever the blanks hold; short of it, a blank may hold the difference.
    if (short < -tol || (short > tol && sum.blankParts === 0)) {
      if (mismatch === undefined) {
        mismatch = sum;
        mismatchTotal = column.total;
      }
    } else if (short > tol) undecided.push(column.total);
  }
  return {
    columns: counted,
    mismatch: mismatchTotal,
    total: mismatch?.total ?? null,
    partsSum: mismatch?.partsSum ?? null,
    difference: mismatch?.difference ?? null,
    undecided,
    undecidedCount: undecided.length,
  };
}

/** A tolerance parameter's value (万元), or its default when absent or not an amount. */
function tolerance(params: Readonly<Record<string, unknown>> | undefined, which: keyof typeof BREAKDOWN_PARAMETERS): number {
  const v = params?.[BREAKDOWN_PARAMETERS[which]];
  return typeof v === 'number' && isMoney(v) ? v : DEFAULT_TOLERANCE[which];
}

/** The breakdowns of the sheet's budget execution, with the tolerances of `params.scoring` (defaults without). */
export function deriveBudgetBreakdown(e: Evaluation, scoringParams?: Readonly<Record<string, unknown>>): { byNature: BreakdownCheck; fundSources: BreakdownCheck } {
  const b = e.selfAssessment?.budget;
  // A column none of the sheet's rows has is no breakdown (no parts); in a column it has, a row the sheet does not
  // have, beside one it has, is an unknown part (null).
  const rows = [b?.basic, b?.project];
  const byNature = BY_NATURE_COLUMNS.map((col): Column => ({
    total: `selfAssessment.budget.${col}`,
    value: b?.[col],
    parts: rows.every((r) => r?.[col] === undefined) ? [] : rows.map((r) => (r === undefined ? null : r[col])),
  }));
  const f = b?.fundSources;
  const fundSources: Column[] =
    f === undefined
      ? []
      : [{ total: 'selfAssessment.budget.fundSources.total', value: f.total, parts: [f.generalPublicBudget ?? null, f.governmentFunds ?? null, f.specialAccountNonTax ?? null, f.other ?? null] }];
  return { byNature: check(byNature, tolerance(scoringParams, 'byNature')), fundSources: check(fundSources, tolerance(scoringParams, 'fundSources')) };
}
