/**
 * What several formatters share: the report vocabulary in both locales, the order findings are shown in,
 * legal basis and observed values as text, and where a finding points into the submitted file.
 */
import { CORE_MESSAGES, capExcerpt, cellPlaceText, localizeExcerpt, fieldName, fieldValueText, gradeText, type CitationCheck, type EvaluationResult, type Finding, type Indicator, type FindingWaiver, type LegalBasis, type Locale, type Outcome, type ReportBasis, type ResultDiagnostic, type ScoreCheck, type Severity, type SourcePosition } from '@jixiao/core';

export { findingPosition } from '@jixiao/core';

/**
 * An excerpt of the source as a report shows it: what the importer made of an unreadable mark worded in `locale`
 * (core's `localizeExcerpt`: `否☑（推断）` reads `否☑ (inferred)` in English), then capped.
 */
export function excerptText(excerpt: string, locale: Locale): string {
  return capExcerpt(localizeExcerpt(excerpt, locale));
}

/** An English count with its noun: `1 error`, `4 warnings`. */
function counted(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The report vocabulary. A unit, year or claimed grade the form leaves blank is worded as every blank field is (core's `CORE_MESSAGES.blank`,
 * the word of the findings' values: `单位名称 = （空）`): `（空）` as a value in a cell or after its label, `单位为空` where
 * nothing else names the field (a form's heading, the parentheses after its file name; core's `{fields}为空`). Not
 * `未填`: a year the importer could not read (an import diagnostic) is blank too, and the unit did write one.
 */
export const WORDS = {
  'zh-CN': {
    title: '部门整体支出绩效自评检查报告',
    fail: '不通过', indeterminate: '无法判断', 'not-applicable': '不适用', pass: '通过',
    error: '错误', warning: '警告', info: '提示',
    basis: '依据', observed: '填报值', indicators: '指标', source: '来源', excerpt: '原文',
    unit: '单位', year: '年度', rating: '自评等级', none: '（无）', blank: CORE_MESSAGES['zh-CN'].blank, unitBlank: '单位为空', yearBlank: '年度为空',
    rule: '规则', ruleTitle: '规则名称', outcome: '结果', severity: '严重程度', message: '说明', location: '位置',
    field: '字段', value: '值', notComputed: '无法计算', path: '路径', code: '代码', note: '说明',
    total: '规则数', errors: '错误', warnings: '警告', infos: '提示', passes: '通过', notApplicable: '不适用', failures: '不通过',
    forms: '份自评表', noForms: '未检查任何自评表。', summaryTable: '汇总', findings: '检查结果', redFlag: '红旗',
    waived: '已豁免', waiver: '豁免',
    waiverText: (v: FindingWaiver) => `豁免理由：${v.reason}；批准人：${v.approver}；有效期至 ${v.expires}`,
    passedRules: (n: number) => `通过 ${String(n)} 项`,
    notApplicableRules: (n: number) => `不适用 ${String(n)} 项`,
    summary: (s: EvaluationResult['summary']) =>
      `共 ${String(s.total)} 项：不通过 ${String(s.fail)}（错误 ${String(s.errors)}，警告 ${String(s.warnings)}，提示 ${String(s.infos)}），${s.waived > 0 ? `已豁免 ${String(s.waived)}，` : ''}无法判断 ${String(s.indeterminate)}，不适用 ${String(s.notApplicable)}，通过 ${String(s.pass)}`,
    line: (l: number, c?: number) => (c === undefined ? `第 ${String(l)} 行` : `第 ${String(l)} 行第 ${String(c)} 列`),
    paragraph: (p: number) => `第 ${String(p)} 段`,
    page: (p: number) => `第 ${String(p)} 页`,
    colon: '：', comma: '，', semicolon: '；', enumeration: '、',
    detectionScore: (score: number) => `识别得分 ${String(score)}`,
    parens: (text: string) => `（${text}）`,
    generatedBy: (v: string) => `由 jixiao ${v} 生成`,
    diagnostics: '导入诊断', reviewNotes: '请复核', unread: '未能检查的文件', reason: '原因', file: '文件',
    unreadCount: (n: number) => `${String(n)} 份文件未能检查（原因见下）`,
    template: '模板', suggestedGrade: '建议等级（重算得分）', packScore: '评分（规则包）', dash: '—', redFlags: '红旗', ratingSupported: '自评等级有据？', yes: '是', no: '否', totals: '合计',
    duplicate: (unit: string, year: string, sources: readonly string[]) => `同一单位同一年度提交了 ${String(sources.length)} 份：${unit} ${year}（${sources.join('、')}）`,
    duplicates: '重复提交', mostFailed: '不通过最多的规则', units: '单位数', formCount: '份数',
    checkDate: '检查日期', signOff: '复核意见', reviewer: '复核人（签字）', date: '日期',
    verification: (v: CitationCheck) => `〔${v.status === 'verified' ? '已核实' : '未核实'} ${v.checked}${v.remark === undefined ? '' : `：${v.remark['zh-CN']}`}〕`,
    batch: (forms: number, unread: number) => `已检查 ${String(forms)} 份${unread > 0 ? `，未能检查 ${String(unread)} 份` : ''}`,
  },
  en: {
    title: 'Performance self-evaluation check report',
    fail: 'FAIL', indeterminate: 'INDETERMINATE', 'not-applicable': 'N/A', pass: 'pass',
    error: 'error', warning: 'warning', info: 'info',
    basis: 'Basis', observed: 'Values', indicators: 'Indicators', source: 'Source', excerpt: 'Excerpt',
    unit: 'Unit', year: 'Year', rating: 'Self-rating', none: '(none)', blank: CORE_MESSAGES.en.blank, unitBlank: 'unit blank', yearBlank: 'year blank',
    rule: 'Rule', ruleTitle: 'Title', outcome: 'Outcome', severity: 'Severity', message: 'Message', location: 'Location',
    field: 'Field', value: 'Value', notComputed: 'N/A', path: 'Path', code: 'Code', note: 'Note',
    total: 'Rules', errors: 'Errors', warnings: 'Warnings', infos: 'Info', passes: 'Passed', notApplicable: 'N/A', failures: 'Failed',
    forms: 'forms', noForms: 'No forms were checked.', summaryTable: 'Summary', findings: 'Findings', redFlag: 'red flag',
    waived: 'WAIVED', waiver: 'Waiver',
    waiverText: (v: FindingWaiver) => `reason: ${v.reason}; approved by ${v.approver}; valid until ${v.expires}`,
    passedRules: (n: number) => `${String(n)} passed`,
    notApplicableRules: (n: number) => `${String(n)} not applicable`,
    summary: (s: EvaluationResult['summary']) =>
      `${counted(s.total, 'rule')}: ${String(s.fail)} failed (${counted(s.errors, 'error')}, ${counted(s.warnings, 'warning')}, ${String(s.infos)} info), ${s.waived > 0 ? `${String(s.waived)} waived, ` : ''}${String(s.indeterminate)} indeterminate, ${String(s.notApplicable)} not applicable, ${String(s.pass)} passed`,
    line: (l: number, c?: number) => (c === undefined ? `line ${String(l)}` : `line ${String(l)}, column ${String(c)}`),
    paragraph: (p: number) => `paragraph ${String(p)}`,
    page: (p: number) => `page ${String(p)}`,
    colon: ': ', comma: ', ', semicolon: '; ', enumeration: ', ',
    detectionScore: (score: number) => `detection score ${String(score)}`,
    parens: (text: string) => ` (${text})`,
    generatedBy: (v: string) => `Generated by jixiao ${v}`,
    diagnostics: 'Import diagnostics', reviewNotes: 'To review', unread: 'Files not checked', reason: 'Reason', file: 'File',
    unreadCount: (n: number) => `${String(n)} file(s) could not be checked (reasons below)`,
    template: 'Template', suggestedGrade: 'Suggested grade (recomputed score)', packScore: 'Pack score', dash: '—', redFlags: 'Red flags', ratingSupported: 'Self-rating supported?', yes: 'yes', no: 'no', totals: 'Total',
    duplicate: (unit: string, year: string, sources: readonly string[]) => `${String(sources.length)} forms for the same unit and year: ${unit} ${year} (${sources.join(', ')})`,
    duplicates: 'Submitted twice', mostFailed: 'Rules failed in the most units', units: 'Units', formCount: 'Forms',
    checkDate: 'Checked on', signOff: "Reviewer's opinion", reviewer: 'Reviewer (signature)', date: 'Date',
    verification: (v: CitationCheck) => ` [${v.status === 'verified' ? 'verified' : 'not verified'} ${v.checked}${v.remark === undefined ? '' : `: ${v.remark.en}`}]`,
    batch: (forms: number, unread: number) => `${String(forms)} form(s) checked${unread > 0 ? `, ${String(unread)} not checked` : ''}`,
  },
} as const satisfies Record<Locale, unknown>;

const OUTCOME_ORDER: Record<Outcome, number> = { fail: 0, indeterminate: 1, 'not-applicable': 2, pass: 3 };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A failure a reviewer waived: shown apart and not counted as a failure. */
export function isWaived(f: Finding): f is Finding & { readonly waiver: FindingWaiver } {
  return f.outcome === 'fail' && f.waiver !== undefined;
}

/** An unwaived failure or an indeterminate outcome: what a report lists first. */
export function needsAttention(f: Finding): boolean {
  return (f.outcome === 'fail' && f.waiver === undefined) || f.outcome === 'indeterminate';
}

/** Failures first (errors before warnings before info, waived ones after), then indeterminate, not applicable, passes. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] ||
      Number(isWaived(a)) - Number(isWaived(b)) ||
      (a.outcome === 'fail' ? SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] : 0),
  );
}

/** `不通过·错误`, `无法判断`, …: the outcome with the severity when it failed. */
export function outcomeLabel(f: Finding, locale: Locale): string {
  const w = WORDS[locale];
  if (isWaived(f)) return `${w.waived}·${w.fail}·${w[f.severity]}`;
  return f.outcome === 'fail' ? `${w.fail}·${w[f.severity]}` : w[f.outcome];
}

/**
 * One legal instrument as a citation: `《…》 文号 条款（note）` (a report's basis has its note in one locale already);
 * with `verbose`, how the citation was checked after it: `〔已核实 2026-11-29：remark〕` / ` [verified 2026-11-29: remark]`
 * (the rule's `basis[].verification`; a reader of the plain report never sees these editorial remarks).
 */
export function citation(b: LegalBasis | ReportBasis, locale: Locale, verbose = false): string {
  const parts = [locale === 'zh-CN' ? `《${b.instrument}》` : b.instrument, b.number, b.article].filter((p): p is string => p !== undefined && p !== '');
  const note = typeof b.note === 'string' ? b.note : b.note?.[locale];
  const text = note === undefined ? parts.join(' ') : `${parts.join(' ')}${WORDS[locale].parens(note)}`;
  const check = verbose && 'verification' in b ? b.verification : undefined;
  return check === undefined ? text : `${text}${WORDS[locale].verification(check)}`;
}

export function basisText(basis: readonly (LegalBasis | ReportBasis)[], locale: Locale, verbose = false): string {
  return basis.map((b) => citation(b, locale, verbose)).join(WORDS[locale].semicolon);
}

export interface ObservedEntry {
  readonly path: string;
  readonly label: string;
  readonly value: string;
}

/**
 * The values of the fields a finding read, in the rule's order, with labels (and, with `verbose`, paths beside them);
 * each value as a reader sees it (core's `fieldValueText`: answers as 是/否, 公开方式 as 门户网站, blanks as （空）).
 */
export function observedEntries(f: Finding, locale: Locale, verbose = false): ObservedEntry[] {
  return f.paths.map((path) => ({ path, label: fieldName(path, locale, verbose), value: fieldValueText(path, f.observed[path] ?? null, locale) }));
}

/** `年度收入合计 = 264.47；…` on one line (`年度收入合计（income.total） = 264.47` with `verbose`). */
export function observedText(f: Finding, locale: Locale, verbose = false): string {
  return observedEntries(f, locale, verbose)
    .map((e) => `${e.label} = ${e.value}`)
    .join(WORDS[locale].semicolon);
}

/** Where an import diagnostic is, as a source position. */
export function diagnosticPosition(d: ResultDiagnostic): SourcePosition {
  return {
    ...(d.line === undefined ? {} : { line: d.line }),
    ...(d.column === undefined ? {} : { column: d.column }),
    ...(d.page === undefined ? {} : { page: d.page }),
    ...(d.paragraph === undefined ? {} : { paragraph: d.paragraph }),
    ...(d.cell === undefined ? {} : { cell: d.cell }),
  };
}

/**
 * Where a position is, for people, in the locale: `第 3 行第 5 列`, `第 2 页，第 14 行`, `第 15 段，表 1 第 7 行第 2 格`,
 * `工作表“Sheet1”B7 单元格`; `line 3, column 5`, `paragraph 15, table 1, row 7, cell 2`, `Sheet1!B7`. A cell in a form
 * no importer writes today is shown as it is.
 */
export function positionText(position: SourcePosition, locale: Locale): string {
  const w = WORDS[locale];
  const parts: string[] = [];
  if (position.page !== undefined) parts.push(w.page(position.page));
  if (position.line !== undefined) parts.push(w.line(position.line, position.column));
  if (position.paragraph !== undefined) parts.push(w.paragraph(position.paragraph));
  if (position.cell !== undefined) parts.push(cellPlaceText(position.cell, locale));
  return parts.join(w.comma);
}

/** Unit name, or `（空）`. */
export function unitText(r: EvaluationResult, locale: Locale): string {
  return unitOf(r.evaluation.unit, locale);
}

export function yearText(r: EvaluationResult, locale: Locale): string {
  return yearOf(r.evaluation.fiscalYear, locale);
}

/**
 * An indicator's value as a reader sees it: `95.45%`, or, when it cannot be computed, `无法计算` (`N/A` in English)
 * with its reason beside it. The JSON report keeps the indicator as core gives it (`display: "N/A"`).
 */
export function indicatorValueText(i: Indicator, locale: Locale): string {
  return i.value === null ? WORDS[locale].notComputed : i.display;
}

export function ratingText(r: EvaluationResult, locale: Locale): string {
  return gradeOf(r.evaluation.selfRating, locale);
}

/** A 自评等级 as a reader sees it (`优`, `优 (excellent)`), or `（空）`. */
export function gradeOf(grade: string | null | undefined, locale: Locale): string {
  return grade === null || grade === undefined ? WORDS[locale].blank : gradeText(grade, locale);
}

/**
 * The score check of a form with a 自评表, in one sentence: the unit's claimed score and grade beside the score
 * recomputed from the form's own figures, the grade it implies, and the rules that moved it. Undefined without one.
 */
export function scoreCheckText(check: ScoreCheck | undefined, locale: Locale): string | undefined {
  if (check === undefined) return undefined;
  const w = WORDS[locale];
  const moved = check.movedBy.map((m) => `${m.ruleId} ${m.delta > 0 ? '+' : ''}${String(m.delta)}`).join(w.comma);
  const grade = check.recomputed.grade === null ? (locale === 'zh-CN' ? '—（未加载等级标准）' : '— (no rating bands loaded)') : gradeText(check.recomputed.grade, locale);
  if (locale === 'zh-CN') {
    const claimed = `${check.claimed.score === null ? w.blank : String(check.claimed.score)}${check.claimed.grade === null ? '' : w.parens(gradeText(check.claimed.grade, locale))}`;
    const score = check.recomputed.score === null ? '无法重算（有得分为空）' : String(check.recomputed.score);
    return `自评总分 ${claimed}；按表内数字重算 ${score}，建议等级 ${check.recomputed.score === null ? '—' : grade}${moved === '' ? '' : `（调整：${moved}）`}`;
  }
  // One pair of brackets at a time: `claimed score 97.6, grade 优 (excellent)`, never `97.6 (优 (excellent))`.
  const claimed = `${check.claimed.score === null ? w.blank : String(check.claimed.score)}${check.claimed.grade === null ? '' : `, grade ${gradeText(check.claimed.grade, locale)}`}`;
  const score = check.recomputed.score === null ? 'cannot be recomputed (a score is blank)' : String(check.recomputed.score);
  return `claimed score ${claimed}; recomputed from the form's figures ${score}, suggested grade ${check.recomputed.score === null ? '—' : grade}${moved === '' ? '' : `; moved by ${moved}`}`;
}

/**
 * Each scoring pack's total in one sentence (`湖南式评分：8 / 16 分`): an unknown total says what is earned and what
 * is undecided; full points of rules that do not apply are named apart. Undefined without a scoring pack.
 */
export function packScoreText(scores: EvaluationResult['scores'], locale: Locale): string | undefined {
  if (scores === undefined || scores.length === 0) return undefined;
  const zh = locale === 'zh-CN';
  return scores
    .map((s) => {
      const total = s.score !== null ? String(s.score) : zh ? `无法确定（已得 ${String(s.earned)}，另有 ${String(s.undecided)} 分无法判断）` : `unknown (${String(s.earned)} earned, ${String(s.undecided)} undecided)`;
      const na = s.notApplicable === 0 ? '' : zh ? `（不适用 ${String(s.notApplicable)} 分，不计入）` : ` (${String(s.notApplicable)} not applicable, not counted)`;
      return zh ? `${s.title}：${total} / ${String(s.max)} 分${na}` : `${s.title}: ${total} / ${String(s.max)}${na}`;
    })
    .join(zh ? '；' : '; ');
}

/** A note that came with a finding a report does not show in detail (a pass, a rule that did not apply). */
export interface ReviewNote {
  readonly ruleId: string;
  readonly title: string;
  readonly message: string;
}

/**
 * What a reader must look at besides the findings listed in detail: notes that came with a pass or a rule that did
 * not apply (e.g. "以下答案为推断所得，请复核"). Failures and undecided findings show their notes with them.
 */
export function reviewNotes(r: EvaluationResult): ReviewNote[] {
  const out: ReviewNote[] = [];
  for (const f of r.findings) if (f.outcome === 'pass' || f.outcome === 'not-applicable') for (const n of f.notes ?? []) out.push({ ruleId: f.ruleId, title: f.title, message: n.message });
  return out;
}

/** A rule a form passed, or that did not apply to it: by its title, its id beside. */
export interface SettledRule {
  readonly title: string;
  readonly ruleId: string;
}

/**
 * The rules a form passed (`通过 12 项`, always listed, even when none) and those that did not apply (`不适用 3 项`, when
 * any), each with its heading: HTML and Markdown list them from here alike, by title (a title may hold 、 or a comma
 * itself, 资产管理、保存、处置合理规范: titles are set apart by ；/;).
 */
export function settledRules(r: EvaluationResult, locale: Locale): { readonly outcome: 'pass' | 'not-applicable'; readonly heading: string; readonly rules: readonly SettledRule[] }[] {
  const w = WORDS[locale];
  const of = (outcome: 'pass' | 'not-applicable') => r.findings.filter((f) => f.outcome === outcome).map((f) => ({ title: f.title, ruleId: f.ruleId }));
  const passed = of('pass');
  const notApplicable = of('not-applicable');
  return [
    { outcome: 'pass', heading: w.passedRules(passed.length), rules: passed },
    ...(notApplicable.length > 0 ? [{ outcome: 'not-applicable' as const, heading: w.notApplicableRules(notApplicable.length), rules: notApplicable }] : []),
  ];
}

/** `警告 第 90 行第 37 列 [leftover-text]`: an import diagnostic's severity, place and code, before its message. */
export function diagnosticHead(d: ResultDiagnostic, locale: Locale, verbose = false): string {
  const where = positionText(diagnosticPosition(d), locale);
  return `${WORDS[locale][d.severity]}${where === '' ? '' : ` ${where}`} [${d.code}]${d.path === undefined ? '' : ` ${fieldName(d.path, locale, verbose)}`}`;
}

/** Unit name (or `（空）`), from a result or a batch row. */
export function unitOf(unit: string | null, locale: Locale): string {
  return unit ?? WORDS[locale].blank;
}

/** The fiscal year as text (or `（空）`). */
export function yearOf(fiscalYear: number | null, locale: Locale): string {
  return fiscalYear === null ? WORDS[locale].blank : String(fiscalYear);
}

/** The fiscal year in a table cell: a number a spreadsheet sorts, or `（空）`, never an empty cell. */
export function yearCell(fiscalYear: number | null, locale: Locale): number | string {
  return fiscalYear ?? WORDS[locale].blank;
}

/**
 * A form's unit and year, as its heading (`北塔区司法局 2020`) and inside parentheses after its file name
 * (`a.docx（北塔区司法局 2020）`): a blank says which one it is (`单位为空 2020`, `北塔区司法局 年度为空`,
 * `unit blank year blank`: the blank word after the field's name), never `（空） （空）` nor a bracket nested in the
 * parentheses.
 */
export function formIdentity(unit: string | null, fiscalYear: number | null, locale: Locale): string {
  const w = WORDS[locale];
  return `${unit ?? w.unitBlank} ${fiscalYear === null ? w.yearBlank : String(fiscalYear)}`;
}

/** A check date given as `YYYY-MM-DD`, else a blank to fill in by hand on paper. */
export function checkDateText(date: string | undefined, locale: Locale): string {
  return date ?? (locale === 'zh-CN' ? '____年__月__日' : '____-__-__');
}
