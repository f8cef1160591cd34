import { ANSWER_RESOLUTIONS, ANSWERS, DISCLOSURE_CHANNELS, GRADES, MODEL_VERSION, isMoney, type AnswerField, type Evaluation } from '@jixiao/core';
import type { Candidate, Resolution } from './to-evaluation.js';

/**
 * The model's checks (EvaluationSchema) for the evaluation toEvaluation assembles, written out field by field:
 * parsing it with zod costs more than reading the form. The candidate's keys are fixed by construction, in the
 * schema's order and without its optional fields, so only the values need checking. Every check here is at
 * least as strict as the schema's (conforms.test.ts holds them side by side), so a candidate that conforms is
 * one the schema accepts and would return an equal copy of; anything else goes to the schema itself.
 */

const ANSWER_SET: ReadonlySet<unknown> = new Set(ANSWERS);
const GRADE_SET: ReadonlySet<unknown> = new Set(GRADES);
const CHANNEL_SET: ReadonlySet<unknown> = new Set(DISCLOSURE_CHANNELS);
const HOW_SET: ReadonlySet<unknown> = new Set(ANSWER_RESOLUTIONS);

/** Longest free text the model takes (unit.name aside). */
const MAX_TEXT = 200_000;
const MAX_UNIT_NAME = 500;
const MAX_COUNT = 10_000_000;
const MAX_RESOLUTION_TEXT = 2_000;

const money = (v: unknown): boolean => v === null || (typeof v === 'number' && isMoney(v));
const count = (v: unknown): boolean => v === null || (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT);
const text = (v: unknown, max = MAX_TEXT): boolean => v === null || (typeof v === 'string' && v.length <= max);
const answer = (v: unknown): boolean => ANSWER_SET.has(v);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written YYYY-MM-DD (proleptic Gregorian, years 0000–9999), as the model's IsoDateSchema takes it. */
export function isIsoDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0));
}

function channels(v: unknown): boolean {
  if (v === null) return true;
  if (!Array.isArray(v) || v.length > DISCLOSURE_CHANNELS.length) return false;
  for (let i = 0; i < v.length; i++) {
    const c: unknown = v[i];
    if (!CHANNEL_SET.has(c)) return false;
    for (let j = 0; j < i; j++) if (v[j] === c) return false;
  }
  return true;
}

/** The answers' resolutions: assemble made each with these keys only, so their values are what is left to check. */
function resolutions(record: Readonly<Partial<Record<AnswerField, Resolution>>>): boolean {
  for (const field in record) {
    const r = record[field as AnswerField];
    if (r === undefined) return false;
    if (!HOW_SET.has(r.how) || typeof r.raw !== 'string' || r.raw.length > MAX_RESOLUTION_TEXT || !Number.isSafeInteger(r.line) || r.line < 1) return false;
    if ('note' in r && (typeof r.note !== 'string' || r.note.length > MAX_RESOLUTION_TEXT)) return false;
  }
  return true;
}

/** Does the assembled candidate conform to the model as it is? (false: let the schema decide and explain.) */
export function conforms(c: Candidate): c is Candidate & Evaluation {
  const fy = c.fiscalYear;
  if (c.modelVersion !== MODEL_VERSION) return false;
  if (fy !== null && !(Number.isSafeInteger(fy) && (fy as number) >= 1949 && (fy as number) <= 2200)) return false;
  if (!text(c.unit.name, MAX_UNIT_NAME) || !count(c.staffing.authorized) || !count(c.staffing.actual) || !text(c.functions)) return false;
  const i = c.income;
  if (!money(i.localBudget) || !money(i.nonTax) || !money(i.higherLevel) || !money(i.other) || !money(i.total)) return false;
  const e = c.expenditure;
  if (!money(e.basic) || !money(e.project) || !money(e.total) || !money(e.threePublic)) return false;
  const t = c.threePublic;
  if (!answer(c.staffingControl.overstaffed) || !answer(t.managementRules) || !answer(t.receptionStandard) || !answer(t.vehicleCostDeclined) || !answer(t.declined)) return false;
  const n = c.nonTaxRevenue;
  if (!answer(n.targetMet) || !answer(n.twoLineManagement) || !answer(n.diversion)) return false;
  const p = c.procurement;
  if (!answer(p.planMade) || !money(p.required) || !money(p.actual)) return false;
  const b = c.budgetExecution;
  if (!answer(b.supplemented) || !money(b.supplementAmount) || !answer(b.hasSurplus) || !money(b.surplusAmount)) return false;
  const d = c.disclosure;
  if (!answer(d.published) || !(d.date === null || (typeof d.date === 'string' && isIsoDate(d.date))) || !channels(d.channels)) return false;
  const f = c.financialManagement;
  if (!answer(f.rulesInPlace) || !answer(f.accountingOffice) || !answer(f.accountantsQualified)) return false;
  const u = c.fundManagement;
  if (!answer(u.rulesInPlace) || !answer(u.approvalProcedure) || !answer(u.irregularUse)) return false;
  const a = c.assetManagement;
  if (!answer(a.rulesInPlace) || !answer(a.handlingCompliant) || !answer(a.titleClear) || !answer(a.recordsMatch) || !answer(c.duties.keyTasksCompleted)) return false;
  const s = c.selfRating;
  if (!text(c.achievements) || !(s.grade === null || GRADE_SET.has(s.grade)) || !(s.score === null || (typeof s.score === 'number' && s.score >= 0 && s.score <= 100))) return false;
  if (!text(c.problems) || !text(c.suggestions) || !text(c.supervisorOpinion)) return false;
  return c.answerResolution === undefined || resolutions(c.answerResolution);
}
