import type { Locale } from '../i18n/locale.js';
import { hundredths } from '../model/decimal.js';
import type { PackMeta, Rule } from '../pack/schema.js';
import type { Finding, PackScore, PackScoreItem } from './model.js';

/**
 * Pack scores: a scoring pack (a province's 评分表 as rules) declares in its metadata how each rule's finding adds
 * to a score — `score.max`, the item's full points, and either `score.points` (a `data` entry, usually a scale,
 * giving the points earned) or a deduction per failure mode (`checks[].deduct`; a failure mode without one takes
 * every point) — and the engine totals them per pack, exactly: every sum in integer hundredths.
 *
 * - a pass earns `max` (or its `points` value), a failure `max − deduct` (or its `points` value), never below 0 or
 *   above `max`; a waived failure keeps its points (a waiver says a failure is accepted, not that the form's figures
 *   differ);
 * - an undecided rule's points are unknown: the total is then unknown too (`score` null) and lies between `earned`
 *   and `earned + undecided`;
 * - a rule that does not apply counts neither way: its full points are `notApplicable`, outside `max`.
 */

/** A rule that declares a score, with its pack. */
export interface ScoredRule {
  readonly rule: Rule;
  readonly pack: PackMeta;
}

/** The points one finding earns, in hundredths: null when unknown (undecided, or its points value is blank). */
function itemPoints(f: Finding, rule: Rule, max: number): number | null {
  const score = rule.score;
  if (score === undefined) return null;
  if (f.outcome === 'indeterminate') return null;
  let points: number;
  if (score.points !== undefined) {
    const v = f.data[score.points];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    points = Math.round(v * 100);
  } else if (f.outcome === 'fail') {
    const check = rule.checks.find((c) => `${rule.id}#${c.id}` === f.messageId);
    points = check?.deduct === undefined ? 0 : max - hundredths(check.deduct);
  } else points = max;
  return Math.min(max, Math.max(0, points));
}

/** Each scoring pack's total for one form's findings, in the order the packs were given; none without scored rules. */
export function packScores(findings: readonly Finding[], scored: readonly ScoredRule[], locale: Locale): PackScore[] {
  const byRule = new Map<string, Finding>();
  for (const f of findings) byRule.set(f.ruleId, f);
  const packs = new Map<string, { meta: PackMeta; items: PackScoreItem[]; earned: number; max: number; undecided: number; notApplicable: number }>();
  for (const { rule, pack } of scored) {
    const f = byRule.get(rule.id);
    if (f === undefined || rule.score === undefined) continue;
    let total = packs.get(pack.name);
    if (total === undefined) {
      total = { meta: pack, items: [], earned: 0, max: 0, undecided: 0, notApplicable: 0 };
      packs.set(pack.name, total);
    }
    const max = hundredths(rule.score.max);
    if (f.outcome === 'not-applicable') {
      total.notApplicable += max;
      continue;
    }
    const points = itemPoints(f, rule, max);
    total.max += max;
    if (points === null) total.undecided += max;
    else total.earned += points;
    total.items.push({ ruleId: rule.id, points: points === null ? null : points / 100, max: max / 100 });
  }
  return [...packs.values()].map((t) => ({
    pack: t.meta.name,
    title: t.meta.score?.title?.[locale] ?? t.meta.title[locale],
    score: t.undecided === 0 ? t.earned / 100 : null,
    earned: t.earned / 100,
    max: t.max / 100,
    undecided: t.undecided / 100,
    notApplicable: t.notApplicable / 100,
    items: t.items,
  }));
}
