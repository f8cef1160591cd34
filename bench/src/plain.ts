import { deriveFacts, type Evaluation, type Outcome } from '@jixiao/core';

/**
 * The reference limit: rules of the standard preset written by hand as plain TypeScript, computing each rule's
 * outcome from the form (and the same derived facts). No messages, no explanations: only what decides.
 * Covered packs: integrity, staffing, management, duties, revenue (the rest are not hand-written; the bench
 * compares our checker with exactly these packs against these functions).
 */
export const PLAIN_PACKS = ['integrity', 'staffing', 'management', 'duties', 'revenue'] as const;

type Answer = string;
const resolved = (a: Answer) => a === 'yes' || a === 'no';
const cents = (v: number) => Math.round(v * 100);

/** "answer ≠ yes fails; unresolved is indeterminate" (management, duties, revenue). */
const mustBeYes = (a: Answer): Outcome => (!resolved(a) ? 'indeterminate' : a === 'no' ? 'fail' : 'pass');
const mustBeNo = (a: Answer): Outcome => (!resolved(a) ? 'indeterminate' : a === 'yes' ? 'fail' : 'pass');

function sumRule(s: { total: number | null; blankParts: number; difference: number | null; absDifference: number | null }, tolerance: number): Outcome {
  if (s.total === null) return 'indeterminate';
  if (s.blankParts > 0 && s.difference !== null && cents(s.difference) > cents(tolerance)) return 'indeterminate';
  return s.absDifference !== null && cents(s.absDifference) > cents(tolerance) ? 'fail' : 'pass';
}

/** Outcomes of the covered rules for one form, in a fixed order. */
export function plainOutcomes(e: Evaluation): Outcome[] {
  const d = deriveFacts(e);
  const { staffing: s } = e;
  const out: Outcome[] = [];
  // integrity (rules in id order: amounts-in-wanyuan first)
  const ratio = d.amountScale.ratio;
  out.push(ratio === null ? 'not-applicable' : ratio >= 1000 ? 'fail' : 'pass');
  out.push(d.answers.unresolvedCount > 0 ? 'fail' : 'pass');
  out.push(sumRule(d.expenditureTotal, 0.01));
  out.push(sumRule(d.incomeTotal, 0.03));
  out.push(e.unit.name === null || e.fiscalYear === null || s.authorized === null || s.actual === null || e.income.total === null || e.expenditure.total === null ? 'fail' : 'pass');
  const tp = e.expenditure.threePublic;
  const total = e.expenditure.total;
  out.push(tp === null || total === null ? 'indeterminate' : cents(tp) > cents(total) ? 'fail' : 'pass');
  // staffing
  const known = s.actual !== null && s.authorized !== null;
  const over = known && (s.actual ?? 0) > (s.authorized ?? 0);
  const answer = e.staffingControl.overstaffed;
  out.push(!known ? 'indeterminate' : !resolved(answer) ? 'indeterminate' : (answer === 'no' && over) || (answer === 'yes' && !over) ? 'fail' : 'pass');
  out.push(!known ? 'indeterminate' : over ? 'fail' : 'pass');
  // management
  const f = e.financialManagement;
  const m = e.fundManagement;
  const a = e.assetManagement;
  out.push(mustBeYes(f.accountantsQualified), mustBeYes(f.accountingOffice), mustBeYes(m.approvalProcedure), mustBeYes(a.handlingCompliant));
  out.push(mustBeYes(a.recordsMatch), mustBeYes(a.rulesInPlace), mustBeYes(a.titleClear), mustBeYes(f.rulesInPlace), mustBeYes(m.rulesInPlace));
  out.push(mustBeNo(m.irregularUse));
  // duties
  out.push(mustBeYes(e.duties.keyTasksCompleted));
  // revenue
  const r = e.nonTaxRevenue;
  out.push(mustBeNo(r.diversion));
  out.push(e.income.nonTax !== null && cents(e.income.nonTax) === 0 && r.targetMet === 'no' ? 'not-applicable' : mustBeYes(r.targetMet));
  out.push(mustBeYes(r.twoLineManagement));
  return out;
}
