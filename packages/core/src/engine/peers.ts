import { percentOf } from '../indicators/ratio.js';
import { indicatorFacts, INDICATORS } from '../indicators/derive.js';
import type { Locale } from '../i18n/locale.js';
import type { Evaluation } from '../model/evaluation.js';
import { toCents } from '../model/money.js';

/**
 * Where a form's ratio stands among the other forms of the same fiscal year in a batch: a robust statistic, so
 * that one unit's extreme figure does not move the yardstick it is measured with. The modified z-score of
 * Iglewicz and Hoaglin (1993): 0.6745 × (x − median) / MAD, MAD the median of |xᵢ − median|; they suggest
 * |z| > 3.5 as a possible outlier. With MAD = 0 (half the peers or more report the very same figure) the score is
 * undefined and stays null, never an invented scale.
 */

/** A ratio the batch compares across forms, in percent (2 decimals), null when the form does not give it. */
export interface PeerMeasure {
  readonly id: string;
  readonly label: Readonly<Record<Locale, string>>;
  readonly formula: string;
}

/** 三公经费占支出比: the one compared ratio that is not among the report's indicators. */
const THREE_PUBLIC_SHARE: PeerMeasure = { id: 'threePublicShare', label: { 'zh-CN': '三公经费占支出比', en: '"Three public" share of expenditure' }, formula: 'expenditure.threePublic / expenditure.total' };

/** The ratios compared across a batch: every indicator of the report, and the 三公 share. */
export const PEER_MEASURES: readonly PeerMeasure[] = [...INDICATORS.map(({ id, label, formula }) => ({ id, label, formula })), THREE_PUBLIC_SHARE];

/** One form's value of each peer measure (percent, or null). */
export function peerValues(e: Evaluation): Record<string, number | null> {
  const out: Record<string, number | null> = indicatorFacts(e);
  const share = e.expenditure.threePublic;
  const total = e.expenditure.total;
  out[THREE_PUBLIC_SHARE.id] = share === null || total === null || toCents(total) === 0 ? null : percentOf(toCents(share), toCents(total));
  return out;
}

/** The consistency constant of the modified z-score (the 0.75 quantile of the standard normal). */
export const MODIFIED_Z_CONSTANT = 0.6745;

/** Where one value stands among its peers. */
export interface PeerStanding {
  /** This form's value (percent), or null. */
  readonly value: number | null;
  /** How many forms of the same fiscal year give the measure (this one included). */
  readonly count: number;
  readonly median: number | null;
  /** Median absolute deviation from the median (percentage points). */
  readonly mad: number | null;
  /** 0.6745 × (value − median) / MAD, 2 decimals; null without a value, with no peers, or with MAD = 0. */
  readonly robustZ: number | null;
  /** |robustZ| (a rule compares it with one threshold for both tails). */
  readonly absRobustZ: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  // Values are whole basis points (2-decimal percents): the mean of the two middle ones is rounded to them too.
  return n % 2 === 1 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) * 50) / 100;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The median, MAD and range of a list of values (percent). */
export function peerStatistics(values: readonly number[]): { count: number; median: number | null; mad: number | null; min: number | null; max: number | null } {
  const sorted = [...values].sort((a, b) => a - b);
  const m = median(sorted);
  const deviations = m === null ? [] : sorted.map((v) => round2(Math.abs(v - m))).sort((a, b) => a - b);
  return { count: sorted.length, median: m, mad: median(deviations), min: sorted[0] ?? null, max: sorted.at(-1) ?? null };
}

/** One value's standing given its peers' statistics. */
export function standing(value: number | null, stats: ReturnType<typeof peerStatistics>): PeerStanding {
  const { median: m, mad } = stats;
  const robustZ = value === null || m === null || mad === null || mad === 0 ? null : round2((MODIFIED_Z_CONSTANT * (value - m)) / mad);
  return { value, ...stats, robustZ, absRobustZ: robustZ === null ? null : Math.abs(robustZ) };
}
