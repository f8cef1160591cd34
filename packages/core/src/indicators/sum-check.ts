import { fromCents, toCents } from '../model/money.js';

/** Check of one total against its parts (../shared/domain.md §3); amounts in 万元, exact. */
export interface SumCheck {
  readonly total: number | null;
  /** Sum of the parts that are filled in. */
  readonly partsSum: number;
  readonly parts: number;
  readonly blankParts: number;
  /** total − partsSum (null when the total is blank). */
  readonly difference: number | null;
  readonly absDifference: number | null;
}

/** The total against the sum of its filled-in parts, exactly (in hundredths); a blank part is counted, never read as 0. */
export function sumCheck(total: number | null, parts: readonly (number | null)[]): SumCheck {
  let cents = 0;
  let blank = 0;
  for (const p of parts) {
    if (p === null) blank++;
    else cents += toCents(p);
  }
  const diff = total === null ? null : toCents(total) - cents;
  return {
    total,
    partsSum: fromCents(cents),
    parts: parts.length,
    blankParts: blank,
    difference: diff === null ? null : fromCents(diff),
    absDifference: diff === null ? null : fromCents(Math.abs(diff)),
  };
}
