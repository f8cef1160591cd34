import { Engine } from 'json-rules-engine';
import type { LocalizedText } from '../i18n/locale.js';
import type { Evaluation } from '../model/evaluation.js';
import { formatValidationIssues, validateEvaluation } from '../model/validate.js';
import { createChecker, type Checker } from '../engine/checker.js';
import { ParameterValueError } from '../engine/params.js';
import { parseStrictJson } from './json.js';
import { findingsFact } from '../engine/findings-fact.js';
import { CUSTOM_OPERATORS, resolvePath } from '../engine/operators.js';
import type { Finding, Outcome } from '../result/model.js';
import { caseInputKind, mergePatch, normalizeExpectation, passingEvaluation, type Case, type CaseFile, type NormalizedExpectation } from './cases.js';
import { closest } from './facts.js';
import { positionOf, type LintIssue } from './lint.js';
import type { Config, Pack, Rule } from './schema.js';
import { ruleLeaves } from './validate.js';
import { contextRequirements } from '../engine/scope.js';
import { checkCrossForm } from '../engine/cross-form.js';
import type { CrossFormContext } from '../engine/checker.js';

/** A parsed case file and where it came from. */
export interface LoadedCaseFile {
  readonly file: string;
  readonly content: CaseFile;
  /** Its text, for the line of a problem (see {@link lintCaseFile}). */
  readonly text?: string;
}

export interface CaseRunOptions {
  /** Packs whose rules run too (for rules with `after`); never asserted. */
  readonly context?: readonly Pack[];
  readonly config?: Config;
  /** Read a file named in a case file (`evaluationFile`, `textFile`, `base`), relative to that case file. */
  readonly readFile?: (path: string, caseFile: string) => string;
  /** Turn form text into an evaluation (the importer); without it, text cases are errors. */
  readonly importText?: (text: string, source: string) => Evaluation | Promise<Evaluation>;
}

/** Why one expectation was not met. */
export interface ExpectationFailure {
  readonly ruleId: string;
  readonly expected: NormalizedExpectation;
  /** What the rule reported (absent when the case could not run). */
  readonly actual?: { readonly outcome: Outcome; readonly messageId: string; readonly severity: string; readonly message: string };
  readonly message: LocalizedText;
}

export interface CaseResult {
  readonly file: string;
  readonly name: string;
  /** pass: every expectation met; fail: some not met; error: the case itself is wrong (bad input, unknown rule). */
  readonly status: 'pass' | 'fail' | 'error';
  readonly failures: readonly ExpectationFailure[];
  /** For status error: what is wrong. */
  readonly error?: LocalizedText;
}

/** One outcome branch of a rule (`pass`, `blank`, a check id …) and whether an asserted case reached it. */
export interface BranchCoverage {
  readonly id: string;
  readonly covered: boolean;
}

/** One leaf condition of a rule and whether the cases saw it true and false. */
export interface ConditionCoverage {
  /** Where the condition is in the rule (`checks.0.when.all.1`). */
  readonly path: string;
  /** `staffing.actual greaterThan staffing.authorized`. */
  readonly label: string;
  readonly seenTrue: boolean;
  readonly seenFalse: boolean;
}

export interface RuleCoverage {
  readonly ruleId: string;
  /** Named in at least one case's expectations. */
  readonly tested: boolean;
  /** The cases that ran with an expectation of this rule: how many met it, how many did not (a failing case covers nothing). */
  readonly cases: { readonly passed: number; readonly failed: number };
  readonly branches: readonly BranchCoverage[];
  readonly conditions: readonly ConditionCoverage[];
}

export interface CaseReport {
  readonly cases: readonly CaseResult[];
  readonly coverage: readonly RuleCoverage[];
  readonly totals: { readonly cases: number; readonly passed: number; readonly failed: number; readonly errors: number };
}

/** Outcome branches a rule can take, as message-id suffixes. */
export function ruleBranches(rule: Rule): string[] {
  const out: string[] = [];
  if (rule.effective?.from !== undefined) out.push('not-in-force');
  if (rule.effective?.until !== undefined) out.push('no-longer-in-force');
  const contexts = contextRequirements(rule);
  if (contexts.includes('history.previous')) out.push('no-previous-form');
  if (contexts.includes('batch')) out.push('no-batch');
  if (rule.notApplicableWhen) out.push('not-applicable');
  if (rule.requires?.some((r) => !contexts.includes(r))) out.push('blank');
  if (rule.indeterminateWhen) out.push('indeterminate');
  for (const c of rule.checks) out.push(c.id);
  out.push('pass');
  return out;
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function leafLabel(leaf: { fact: string; path?: string | undefined; operator: string; value: unknown }): string {
  const ref = (f: string, p?: string) => (p === undefined ? f : `${f}.${p}`);
  const v = leaf.value;
  const value = v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v ? ref(String(v.fact), (v as { path?: string }).path) : JSON.stringify(v);
  return `${ref(leaf.fact, leaf.path)} ${leaf.operator} ${value}`;
}

/** What is wrong with a case before it runs, and where in the case (path under `cases.<index>`). */
interface CaseProblem {
  readonly error: LocalizedText;
  readonly path: readonly (string | number)[];
}

/**
 * The reference checks of a case file, made without running a case (`pack validate` and `pack test` alike): a case
 * name used twice, an input repeated, an expectation naming a rule the pack does not have or a check its rule does
 * not have (with the closest name). For each case, its expectations resolved to rule ids, or its problem.
 */
function caseProblems(content: CaseFile, byId: ReadonlyMap<string, Rule>, shortIds: ReadonlyMap<string, string>): ({ expectations: [string, NormalizedExpectation][] } | CaseProblem)[] {
  const names = new Set<string>();
  const inputs = new Set<string>();
  return content.cases.map((c): { expectations: [string, NormalizedExpectation][] } | CaseProblem => {
    if (names.has(c.name)) return { error: text(`用例名称重复：“${c.name}”`, `duplicate case name "${c.name}"`), path: ['name'] };
    names.add(c.name);
    const inputKey = JSON.stringify([caseInputKind(c), c.patch, c.evaluation, c.evaluationFile, c.text, c.textFile, c.locale ?? 'zh-CN', c.previous, c.batch]);
    if (inputs.has(inputKey)) return { error: text(`用例“${c.name}”与另一用例的输入完全相同`, `case "${c.name}" repeats the input of another case`), path: [caseInputKind(c)] };
    inputs.add(inputKey);
    const expectations: [string, NormalizedExpectation][] = [];
    for (const [ref, e] of Object.entries(c.expect)) {
      const ruleId = byId.has(ref) ? ref : shortIds.get(ref);
      const expectation = normalizeExpectation(e);
      if (ruleId === undefined) {
        const s = closest(ref, [...byId.keys(), ...shortIds.keys()]);
        return { error: text(`规则包中没有规则 ${ref}${s === undefined ? '' : `；是否应为 ${s}？`}`, `the pack has no rule ${ref}${s === undefined ? '' : `; did you mean ${s}?`}`), path: ['expect', ref] };
      }
      const rule = byId.get(ruleId);
      if (rule && expectation.outcome === 'fail' && expectation.check !== undefined && !rule.checks.some((k) => k.id === expectation.check)) {
        const s = closest(expectation.check, rule.checks.map((k) => k.id));
        return {
          error: text(
            `规则 ${ruleId} 没有检查项 ${expectation.check}（有：${rule.checks.map((k) => k.id).join('、')}）${s === undefined ? '' : `；是否应为 ${s}？`}`,
            `rule ${ruleId} has no check ${expectation.check} (it has: ${rule.checks.map((k) => k.id).join(', ')})${s === undefined ? '' : `; did you mean ${s}?`}`,
          ),
          path: ['expect', ref, 'check'],
        };
      }
      expectations.push([ruleId, expectation]);
    }
    return { expectations };
  });
}

/** The rules of a pack by id and by short id (`staffing-score` for `hunan/staffing-score`). */
function ruleIndex(pack: Pack): { byId: Map<string, Rule>; shortIds: Map<string, string> } {
  return { byId: new Map(pack.rules.map((r) => [r.id, r])), shortIds: new Map(pack.rules.map((r) => [r.id.split('/')[1] ?? r.id, r.id])) };
}

/**
 * `pack validate`'s part of the case checks: the reference checks `pack test` makes before running a case (see
 * {@link caseProblems}) and the files a case file names (`base`, `evaluationFile`, `textFile`: read with `readFile`),
 * as lint issues with the file and line.
 */
export function lintCaseFile(pack: Pack, file: LoadedCaseFile, readFile?: (path: string, caseFile: string) => string): LintIssue[] {
  const { byId, shortIds } = ruleIndex(pack);
  const issues: LintIssue[] = [];
  const at = (path: readonly (string | number)[], message: LocalizedText) => {
    const pos = file.text === undefined ? undefined : positionOf(file.text, path);
    issues.push({ level: 'error', code: 'case-reference', file: file.file, ...(pos ?? {}), path: path.join('.'), message });
  };
  for (const [i, problem] of caseProblems(file.content, byId, shortIds).entries()) if ('error' in problem) at(['cases', i, ...problem.path], problem.error);
  if (readFile === undefined) return issues;
  const named: [readonly (string | number)[], string][] = [];
  if (typeof file.content.base === 'string') named.push([['base'], file.content.base]);
  for (const [i, c] of file.content.cases.entries()) {
    if (c.evaluationFile !== undefined) named.push([['cases', i, 'evaluationFile'], c.evaluationFile]);
    if (c.textFile !== undefined) named.push([['cases', i, 'textFile'], c.textFile]);
  }
  for (const [path, name] of named) {
    try {
      const read = readFile(name, file.file);
      if (/\.json$/i.test(name)) parseJsonFile(read);
    } catch (error) {
      // A reader's message may be worded in both languages (`zh / en`): each locale gets its own.
      const [zh = '', en = zh] = describe(error).split(' / ');
      at(path, text(`无法读取 ${name}：${zh}`, `cannot read ${name}: ${en}`));
    }
  }
  return issues;
}

/** One engine per rule in which every leaf condition is a rule of its own: which leaves hold for given facts. */
function leafEngine(rule: Rule): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  for (const [leaf, path] of ruleLeaves(rule)) engine.addRule({ name: path, conditions: { all: [leaf] }, event: { type: path } });
  return engine;
}

/** A JSON file named by a case file, parsed strictly (duplicate keys and deep nesting refused, with the line). */
function parseJsonFile(text: string): unknown {
  const parsed = parseStrictJson(text);
  if (parsed.ok) return parsed.value;
  const { line, message } = parsed.issue;
  throw new Error(`${line === undefined ? '' : `line ${String(line)}: `}${message['zh-CN']} / ${message.en}`);
}

/**
 * Run a pack's case files: each case's input is checked with the rules it names (all rules of the pack, plus
 * the context packs, when one of them runs `after` others), and each expectation compared with the finding.
 * Also measures coverage: which rules were tested, which outcome branches were reached, and which leaf
 * conditions were seen both true and false.
 */
export async function runCases(pack: Pack, files: readonly LoadedCaseFile[], options: CaseRunOptions = {}): Promise<CaseReport> {
  const { byId, shortIds } = ruleIndex(pack);
  const checkers = new Map<string, Checker>();
  const engines = new Map<string, Engine>();
  const branchesHit = new Map<string, Set<string>>();
  const leavesSeen = new Map<string, { t: boolean; f: boolean }>();
  const tested = new Set<string>();
  const caseCounts = new Map<string, { passed: number; failed: number }>();
  const results: CaseResult[] = [];

  const checkerFor = (ruleIds: readonly string[], config: Config | undefined): Checker => {
    const rules = ruleIds.map((id) => byId.get(id)).filter((r): r is Rule => r !== undefined);
    const all = rules.some((r) => (r.after ?? []).length > 0);
    const key = `${all ? '*' : ruleIds.join(',')}|${JSON.stringify(config ?? {})}`;
    let checker = checkers.get(key);
    if (!checker) {
      const packs = all ? [pack, ...(options.context ?? [])] : [{ ...pack, rules }];
      checker = createChecker(packs, { ...(options.config ?? {}), ...(config ?? {}) });
      checkers.set(key, checker);
    }
    return checker;
  };

  for (const { file, content } of files) {
    let base: unknown = passingEvaluation();
    let baseError: LocalizedText | undefined;
    if (typeof content.base === 'string') {
      try {
        base = parseJsonFile(read(content.base, file));
      } catch (error) {
        baseError = text(`无法读取 base ${content.base}：${describe(error)}`, `cannot read base ${content.base}: ${describe(error)}`);
      }
    } else if (content.base !== undefined) base = content.base;

    const problems = caseProblems(content, byId, shortIds);
    for (const [index, c] of content.cases.entries()) {
      const fail = (error: LocalizedText): void => {
        results.push({ file, name: c.name, status: 'error', failures: [], error });
      };
      const resolved = problems[index];
      if (resolved === undefined) continue;
      if ('error' in resolved) {
        fail(resolved.error);
        continue;
      }
      if (baseError) {
        fail(baseError);
        continue;
      }
      const { expectations } = resolved;
      let evaluation: Evaluation;
      try {
        evaluation = await caseEvaluation(c, base, file);
      } catch (error) {
        fail(text(`输入无效：${describe(error)}`, `invalid input: ${describe(error)}`));
        continue;
      }
      const locale = c.locale ?? 'zh-CN';
      const ruleIds = expectations.map(([id]) => id);
      let checker: Checker;
      try {
        checker = checkerFor(ruleIds, content.config);
      } catch (error) {
        if (!(error instanceof ParameterValueError)) throw error;
        fail(text(`config 无效：${error.issues.map((i) => i.message['zh-CN']).join('；')}`, `invalid config: ${error.issues.map((i) => i.message.en).join('; ')}`));
        continue;
      }
      const source = `${file}#${c.name}`;
      const result = await checker.checkEvaluation(evaluation, { locale, source });
      const findings: Finding[] = [...result.findings];
      // History and batch rules: the cross-form pass over this form, its previous-year form and the batch.
      let crossContext: CrossFormContext | undefined;
      if (ruleIds.some((id) => checker.rules.find((r) => r.rule.id === id)?.scope !== 'form')) {
        let others: { evaluation: Evaluation; source: string; context?: boolean }[];
        try {
          others = crossFormInputs(c, evaluation, base, source);
        } catch (error) {
          fail(text(`输入无效：${describe(error)}`, `invalid input: ${describe(error)}`));
          continue;
        }
        const cross = checkCrossForm(checker, [{ evaluation, source }, ...others], {
          locale,
          keepNotApplicable: true,
          onContext: (s, ctx) => {
            if (s === source) crossContext = ctx;
          },
        });
        findings.push(...cross.findings.filter((f) => f.source === source));
      }
      const failures: ExpectationFailure[] = [];
      for (const [ruleId, expected] of expectations) {
        tested.add(ruleId);
        const finding = findings.find((f) => f.ruleId === ruleId);
        if (!finding) {
          failures.push({ ruleId, expected, message: text(`规则 ${ruleId} 没有结果（是否被配置关闭？）`, `rule ${ruleId} produced no finding (switched off by the config?)`) });
          continue;
        }
        const problem = compare(ruleId, expected, finding);
        const counts = caseCounts.get(ruleId) ?? { passed: 0, failed: 0 };
        caseCounts.set(ruleId, counts);
        if (problem) {
          counts.failed++;
          failures.push(problem);
        } else {
          counts.passed++;
          const hit = branchesHit.get(ruleId) ?? new Set<string>();
          hit.add(finding.messageId.slice(ruleId.length + 1));
          branchesHit.set(ruleId, hit);
        }
        // Condition coverage: evaluate every leaf of the rule on this case's facts.
        const rule = byId.get(ruleId);
        if (!rule) continue;
        let engine = engines.get(ruleId);
        if (!engine) {
          engine = leafEngine(rule);
          engines.set(ruleId, engine);
        }
        const facts = { ...(crossContext === undefined ? checker.facts(evaluation) : checker.crossFacts(evaluation, crossContext)), findings: findingsFact(findings) };
        const run = await engine.run(facts);
        for (const r of run.results) mark(ruleId, r.name, true);
        for (const r of run.failureResults) mark(ruleId, r.name, false);
      }
      results.push({ file, name: c.name, status: failures.length === 0 ? 'pass' : 'fail', failures });
    }
  }

  function mark(ruleId: string, path: string, value: boolean) {
    const key = `${ruleId}|${path}`;
    const seen = leavesSeen.get(key) ?? { t: false, f: false };
    if (value) seen.t = true;
    else seen.f = true;
    leavesSeen.set(key, seen);
  }

  function read(path: string, caseFile: string): string {
    if (!options.readFile) throw new Error(`no file reader to read ${path}`);
    return options.readFile(path, caseFile);
  }

  async function caseEvaluation(c: Case, base: unknown, file: string): Promise<Evaluation> {
    let raw: unknown;
    switch (caseInputKind(c)) {
      case 'text':
      case 'textFile': {
        if (!options.importText) throw new Error('form text needs the importer (@jixiao/import), which is not available here');
        const source = c.textFile ?? `${file}#${c.name}`;
        return options.importText(c.text ?? read(c.textFile ?? '', file), source);
      }
      case 'evaluation':
        raw = c.evaluation;
        break;
      case 'evaluationFile':
        raw = parseJsonFile(read(c.evaluationFile ?? '', file));
        break;
      default:
        raw = mergePatch(base, c.patch ?? {});
    }
    const v = validateEvaluation(raw);
    if (!v.ok) throw new Error(formatValidationIssues(v.issues, 'zh-CN'));
    return v.value;
  }

  /** A case's previous-year form (`previous`, one year before, same unit) and batch (`batch`), validated. */
  function crossFormInputs(c: Case, evaluation: Evaluation, base: unknown, source: string): { evaluation: Evaluation; source: string; context?: boolean }[] {
    const valid = (raw: unknown, what: string): Evaluation => {
      const v = validateEvaluation(raw);
      if (!v.ok) throw new Error(`${what}: ${formatValidationIssues(v.issues, 'zh-CN')}`);
      return v.value;
    };
    const out: { evaluation: Evaluation; source: string; context?: boolean }[] = [];
    if (c.previous !== undefined) {
      const year = evaluation.fiscalYear === null ? null : evaluation.fiscalYear - 1;
      const start = mergePatch(base, { fiscalYear: year, unit: evaluation.unit });
      out.push({ evaluation: valid(mergePatch(start, c.previous), 'previous'), source: `${source}#previous`, context: true });
    }
    for (const [i, p] of (c.batch ?? []).entries()) out.push({ evaluation: valid(mergePatch(base, p), `batch.${String(i)}`), source: `${source}#batch.${String(i + 1)}` });
    return out;
  }

  const coverage: RuleCoverage[] = pack.rules.map((rule) => {
    const hit = branchesHit.get(rule.id) ?? new Set<string>();
    return {
      ruleId: rule.id,
      tested: tested.has(rule.id),
      cases: caseCounts.get(rule.id) ?? { passed: 0, failed: 0 },
      branches: ruleBranches(rule).map((id) => ({ id, covered: hit.has(id) })),
      conditions: [...ruleLeaves(rule)].map(([leaf, path]) => {
        const seen = leavesSeen.get(`${rule.id}|${path}`);
        return { path, label: leafLabel(leaf), seenTrue: seen?.t ?? false, seenFalse: seen?.f ?? false };
      }),
    };
  });
  const count = (s: CaseResult['status']) => results.filter((r) => r.status === s).length;
  return { cases: results, coverage, totals: { cases: results.length, passed: count('pass'), failed: count('fail'), errors: count('error') } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function compare(ruleId: string, expected: NormalizedExpectation, f: Finding): ExpectationFailure | undefined {
  const actual = { outcome: f.outcome, messageId: f.messageId, severity: f.severity, message: f.message };
  const miss = (zh: string, en: string): ExpectationFailure => ({ ruleId, expected, actual, message: text(zh, en) });
  const check = f.messageId.slice(ruleId.length + 1);
  if (f.outcome !== expected.outcome) return miss(`期望 ${expected.outcome}${expected.check ? `（${expected.check}）` : ''}，实为 ${f.outcome}（${check}）`, `expected ${expected.outcome}${expected.check ? ` (${expected.check})` : ''}, got ${f.outcome} (${check})`);
  if (expected.check !== undefined && expected.check !== check) return miss(`期望 ${expected.check}，实为 ${check}`, `expected ${expected.check}, got ${check}`);
  if (expected.severity !== undefined && expected.severity !== f.severity) return miss(`期望严重程度 ${expected.severity}，实为 ${f.severity}`, `expected severity ${expected.severity}, got ${f.severity}`);
  if (expected.message !== undefined && !f.message.includes(expected.message)) return miss(`消息中没有“${expected.message}”`, `the message does not contain "${expected.message}"`);
  if (/\{\w+\}/.test(f.message)) return miss('消息中有未填充的占位符', 'the message has an unfilled placeholder');
  return undefined;
}
