import * as z from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { MAX_JSON_DEPTH, nestingTooDeepAt, tooDeepIssue } from './json.js';
import { LOCALES } from '../i18n/locale.js';
import type { Evaluation } from '../model/evaluation.js';
import { OUTCOMES } from '../result/model.js';
import { positionOf, type LintIssue } from './lint.js';
import { yamlSyntaxError } from './yaml-syntax.js';
import { packSchemaMessage } from './schema-messages.js';
import { ConfigSchema, KEBAB_CASE_ERROR, SeveritySchema } from './schema.js';

/**
 * Case files: a pack's test cases as data (JSON or YAML), for policy teams who author packs without writing
 * TypeScript. Each case gives an input (a patch onto the all-pass base evaluation, a whole evaluation, a file,
 * or form text) and the outcome it expects for one or more rules. `jixiao pack test` runs them.
 */

const KebabSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: KEBAB_CASE_ERROR });

const messageFragment = z.string().min(1).meta({ description: 'The rendered message must contain this text (in the case locale)' });

/** What a failing rule must report: the outcome, and the failure mode (check id) that fired. */
const FailExpectationSchema = z.strictObject({
  outcome: z.literal('fail'),
  check: KebabSchema.meta({ description: 'Id of the check (failure mode) that must fire' }),
  severity: SeveritySchema.optional(),
  message: messageFragment.optional(),
});

const OtherExpectationSchema = z.strictObject({
  outcome: z.enum(OUTCOMES.filter((o) => o !== 'fail') as ['pass', 'indeterminate', 'not-applicable']),
  check: KebabSchema.optional().meta({
    description: 'Message id after `#`: `pass`, `blank`, `indeterminate`, `not-applicable`, `not-in-force`, `no-longer-in-force`',
  }),
  message: messageFragment.optional(),
});

/** The expected result of one rule: an outcome (`pass`, …) or an object; a failure must name its check. */
export const CaseExpectationSchema = z.union([
  z.enum(['pass', 'indeterminate', 'not-applicable']),
  FailExpectationSchema,
  OtherExpectationSchema,
]);
export type CaseExpectation = z.infer<typeof CaseExpectationSchema>;

const INPUT_KEYS = ['patch', 'evaluation', 'evaluationFile', 'text', 'textFile'] as const;

export const CaseSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Unique within the file' }),
    description: z.string().optional(),
    patch: z.record(z.string(), z.unknown()).optional().meta({ description: 'Merged onto the base evaluation (objects merge, other values replace)' }),
    evaluation: z.record(z.string(), z.unknown()).optional().meta({ description: 'A whole evaluation (canonical JSON model)' }),
    evaluationFile: z.string().min(1).optional().meta({ description: 'A canonical JSON evaluation file, relative to the case file' }),
    text: z.string().min(1).optional().meta({ description: 'Form text (as extracted from the Word form); needs the importer' }),
    textFile: z.string().min(1).optional().meta({ description: 'A form text file, relative to the case file; needs the importer' }),
    previous: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({
        description:
          'For rules that require `history.previous`: the same unit\'s form for the previous year, as a patch onto the base (its fiscal year is the case\'s minus one and its unit the case\'s unless the patch says otherwise)',
      }),
    batch: z
      .array(z.record(z.string(), z.unknown()))
      .max(1_000)
      .optional()
      .meta({ description: 'For `batch` rules: the other forms of the run, each a patch onto the base' }),
    locale: z.enum(LOCALES).optional().meta({ description: 'Locale of the messages checked (default zh-CN)' }),
    expect: z
      .record(z.string().min(1), CaseExpectationSchema)
      .refine((e) => Object.keys(e).length > 0, { error: '每个用例至少要有一条期望 / a case needs at least one expectation' })
      .meta({ description: 'Rule id (or name within the pack) → expected outcome' }),
  })
  .refine((c) => INPUT_KEYS.filter((k) => c[k] !== undefined).length <= 1, {
    error: `每个用例最多一种输入 / at most one input per case: ${INPUT_KEYS.join(', ')}`,
  });
export type Case = z.infer<typeof CaseSchema>;

export const CaseFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    base: z
      .union([z.string().min(1), z.record(z.string(), z.unknown())])
      .optional()
      .meta({ description: 'Evaluation that patches apply to: an object or a JSON file relative to this file (default: the all-pass base)' }),
    context: z.array(z.string().min(1)).optional().meta({ description: 'Other packs (names or folders) whose rules run too, for rules with "after"' }),
    config: ConfigSchema.omit({ packs: true, $schema: true }).optional().meta({ description: 'Severity and parameter overrides, as in jixiao.config.json' }),
    cases: z.array(CaseSchema).min(1),
  })
  .meta({ title: 'jixiao pack case file', description: 'Test cases of a rule pack: inputs and the outcome expected per rule.' });
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** Which input kind a case uses. */
export function caseInputKind(c: Case): (typeof INPUT_KEYS)[number] | 'base' {
  return INPUT_KEYS.find((k) => c[k] !== undefined) ?? 'base';
}

/** Normalised expectation (shorthand expanded). */
export interface NormalizedExpectation {
  readonly outcome: (typeof OUTCOMES)[number];
  readonly check?: string;
  readonly severity?: z.infer<typeof SeveritySchema>;
  readonly message?: string;
}

export function normalizeExpectation(e: CaseExpectation): NormalizedExpectation {
  return typeof e === 'string' ? { outcome: e } : e;
}

/** An evaluation on which every standard rule passes: the base case patches apply to. */
export function passingEvaluation(): Evaluation {
  const yes = 'yes' as const;
  const no = 'no' as const;
  return {
    fiscalYear: 2020,
    unit: { name: '示例单位' },
    staffing: { authorized: 22, actual: 21 },
    functions: '示例职能',
    income: { localBudget: 300.5, nonTax: 10.25, higherLevel: 20, other: 0.1, total: 330.85 },
    expenditure: { basic: 200.2, project: 100.1, total: 300.3, threePublic: 1.5 },
    staffingControl: { overstaffed: no },
    threePublic: { managementRules: yes, receptionStandard: yes, vehicleCostDeclined: yes, declined: yes },
    nonTaxRevenue: { targetMet: yes, twoLineManagement: yes, diversion: no },
    procurement: { planMade: yes, required: 50, actual: 45.5 },
    budgetExecution: { supplemented: no, supplementAmount: 0, hasSurplus: no, surplusAmount: 0 },
    disclosure: { published: yes, date: '2020-02-10', channels: ['portal'] },
    financialManagement: { rulesInPlace: yes, accountingOffice: yes, accountantsQualified: yes },
    fundManagement: { rulesInPlace: yes, approvalProcedure: yes, irregularUse: no },
    assetManagement: { rulesInPlace: yes, handlingCompliant: yes, titleClear: yes, recordsMatch: yes },
    duties: { keyTasksCompleted: yes },
    achievements: '示例绩效',
    selfRating: { grade: '良', score: null },
    problems: null,
    suggestions: null,
    supervisorOpinion: null,
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep-merge a patch onto a value: objects merge key by key, everything else (null, arrays) replaces. */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = mergePatch(base[k], v);
  return out;
}

/**
 * Parse a case file (YAML or JSON text) and check it against {@link CaseFileSchema}. Issues carry the file,
 * the line and the path of the offending value.
 */
export function parseCaseFile(text: string, file: string): { ok: true; value: CaseFile } | { ok: false; issues: LintIssue[] } {
  const deep = nestingTooDeepAt(text, MAX_JSON_DEPTH, { strings: false });
  if (deep !== undefined) {
    const issue = tooDeepIssue(text, deep, MAX_JSON_DEPTH);
    return { ok: false, issues: [{ level: 'error', code: issue.code, file, line: issue.line, column: issue.column, path: '', message: issue.message }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const { message, line, column } = yamlSyntaxError(e, lineCounter);
        return { level: 'error' as const, code: 'yaml', file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), path: '', message };
      }),
    };
  }
  const raw: unknown = doc.toJS();
  const parsed = CaseFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const seen = new Set<string>();
  const issues: LintIssue[] = [];
  for (const i of parsed.error.issues) {
    const segments = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const path = segments.join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    issues.push({ level: 'error', code: 'schema', file, ...(positionOf(text, segments) ?? {}), path, message: packSchemaMessage(i, raw) });
  }
  return { ok: false, issues };
}
