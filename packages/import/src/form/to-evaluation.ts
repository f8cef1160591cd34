import { ANSWER_FIELDS, FIELD_LABELS, MODEL_VERSION, isFieldPath, validateEvaluation, type AnswerField, type Evaluation } from '@jixiao/core';
import type { ImportDiagnostic, ImportKind, ImportResult } from '../diagnostics.js';
import { conforms } from './conforms.js';
import { FORM_FIELDS, manyKeyRecord, type AnswerRead, type FormReading } from './read-form.js';

/** Fewer recognised labels than this and the file is not taken for the form. */
export const MIN_LABELS = 3;

/** The one sentence for a file that is not the form. */
export function notAForm(kind: ImportKind): ImportResult {
  return {
    ok: false,
    kind,
    diagnostics: [
      {
        code: 'not-a-form',
        severity: 'error',
        message: {
          'zh-CN': '这不是部门整体支出绩效自评表：文件中找不到表中的栏目（如“单位名称”“编制人数”“年度收入”）。',
          en: 'This is not a 部门整体支出绩效自评 form: none of its labels (单位名称, 编制人数, 年度收入 …) were found in the file.',
        },
      },
    ],
  };
}

/** How one answer was read, as the evaluation records it. */
export interface Resolution {
  readonly how: AnswerRead['how'];
  readonly raw: string;
  readonly line: number;
  readonly note?: string;
}

/** The evaluation as toEvaluation assembles it from a reading, before it is checked against the model. */
export function assemble(reading: FormReading) {
  const v = reading.values;
  const get = (path: string): unknown => (v.has(path) ? v.get(path) : null);
  const ans = (path: string): unknown => (v.has(path) ? v.get(path) : 'unanswered');
  // Fresh objects with the schema's keys in its order (the reader's own are left as they are).
  const answerResolution: Partial<Record<AnswerField, Resolution>> = manyKeyRecord();
  let resolved = false;
  for (const f of ANSWER_FIELDS) {
    const a = reading.answers.get(f);
    if (a === undefined) continue;
    answerResolution[f] = a.note === undefined ? { how: a.how, raw: a.raw, line: a.line } : { how: a.how, raw: a.raw, line: a.line, note: a.note };
    resolved = true;
  }
  return {
    modelVersion: MODEL_VERSION,
    fiscalYear: get('fiscalYear'),
    unit: { name: get('unit.name') },
    staffing: { authorized: get('staffing.authorized'), actual: get('staffing.actual') },
    functions: get('functions'),
    income: { localBudget: get('income.localBudget'), nonTax: get('income.nonTax'), higherLevel: get('income.higherLevel'), other: get('income.other'), total: get('income.total') },
    expenditure: { basic: get('expenditure.basic'), project: get('expenditure.project'), total: get('expenditure.total'), threePublic: get('expenditure.threePublic') },
    staffingControl: { overstaffed: ans('staffingControl.overstaffed') },
    threePublic: {
      managementRules: ans('threePublic.managementRules'),
      receptionStandard: ans('threePublic.receptionStandard'),
      vehicleCostDeclined: ans('threePublic.vehicleCostDeclined'),
      declined: ans('threePublic.declined'),
    },
    nonTaxRevenue: { targetMet: ans('nonTaxRevenue.targetMet'), twoLineManagement: ans('nonTaxRevenue.twoLineManagement'), diversion: ans('nonTaxRevenue.diversion') },
    procurement: { planMade: ans('procurement.planMade'), required: get('procurement.required'), actual: get('procurement.actual') },
    budgetExecution: {
      supplemented: ans('budgetExecution.supplemented'),
      supplementAmount: get('budgetExecution.supplementAmount'),
      hasSurplus: ans('budgetExecution.hasSurplus'),
      surplusAmount: get('budgetExecution.surplusAmount'),
    },
    disclosure: { published: ans('disclosure.published'), date: get('disclosure.date'), channels: get('disclosure.channels') },
    financialManagement: {
      rulesInPlace: ans('financialManagement.rulesInPlace'),
      accountingOffice: ans('financialManagement.accountingOffice'),
      accountantsQualified: ans('financialManagement.accountantsQualified'),
    },
    fundManagement: { rulesInPlace: ans('fundManagement.rulesInPlace'), approvalProcedure: ans('fundManagement.approvalProcedure'), irregularUse: ans('fundManagement.irregularUse') },
    assetManagement: {
      rulesInPlace: ans('assetManagement.rulesInPlace'),
      handlingCompliant: ans('assetManagement.handlingCompliant'),
      titleClear: ans('assetManagement.titleClear'),
      recordsMatch: ans('assetManagement.recordsMatch'),
    },
    duties: { keyTasksCompleted: ans('duties.keyTasksCompleted') },
    achievements: get('achievements'),
    selfRating: { grade: get('selfRating.grade'), score: get('selfRating.score') },
    problems: get('problems'),
    suggestions: get('suggestions'),
    supervisorOpinion: get('supervisorOpinion'),
    ...(resolved ? { answerResolution } : {}),
  };
}

/** What {@link assemble} returns. */
export type Candidate = ReturnType<typeof assemble>;

/** Assemble the canonical evaluation from what the form reader found; report labels that were not there. */
export function toEvaluation(reading: FormReading, kind: ImportKind): ImportResult {
  if (reading.labelsFound < MIN_LABELS) return notAForm(kind);
  const v = reading.values;
  const diagnostics: ImportDiagnostic[] = [...reading.diagnostics];
  for (const path of FORM_FIELDS) {
    if (v.has(path)) continue;
    const label = isFieldPath(path) ? FIELD_LABELS[path] : { 'zh-CN': path, en: path };
    diagnostics.push({
      code: 'missing-label',
      severity: 'warning',
      path,
      message: { 'zh-CN': `表中找不到“${label['zh-CN']}”，按空白处理`, en: `the form has no "${label.en}" label; left blank` },
    });
  }
  const candidate = assemble(reading);
  // The reader's values are range-checked as they are read, so the candidate conforms as it is: checked here
  // field by field, it is the evaluation (the model's parse would return an equal copy). Otherwise the model's
  // own validation decides, and names what is wrong.
  if (conforms(candidate)) return { ok: true, kind, evaluation: candidate, diagnostics, positions: reading.positions };
  const checked = validateEvaluation(candidate);
  if (!checked.ok) {
    // Every value was range-checked while reading, so this is a reader bug; still data, never a throw.
    return {
      ok: false,
      kind,
      diagnostics: checked.issues.map((i) => ({ code: 'import-invalid', severity: 'error' as const, path: i.path, message: { 'zh-CN': `导入结果无效：${i.path}：${i.message['zh-CN']}`, en: `imported evaluation is invalid: ${i.path}: ${i.message.en}` } })),
    };
  }
  const evaluation: Evaluation = checked.value;
  return { ok: true, kind, evaluation, diagnostics, positions: reading.positions };
}
