import * as z from 'zod';
import { LOCALES } from '../i18n/locale.js';
import { LegalBasisSchema, ParameterValueSchema, SeveritySchema } from '../pack/schema.js';
import { OUTCOMES } from './model.js';
import { REPORT_SCHEMA_VERSION, type ResultDocument } from './report.js';

/**
 * The JSON report (`jixiao check --format json`) as zod schemas; `schema/result.schema.json` (version 2) and
 * `schema/result.v1.schema.json` (the shape before it, for files written by older versions) are generated from
 * them, and real output is validated against the files in tests. Fields are a public contract.
 */
const ExplainedConditionSchema = z.object({
  fact: z.string(),
  operator: z.string(),
  expected: z.unknown(),
  expectedFact: z.string().optional(),
  actual: z.unknown(),
  result: z.boolean(),
});

const RuleIdSchema = z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/);
const WaiverSchema = z.object({ reason: z.string(), approver: z.string(), expires: z.string(), source: z.string().optional() });
const count = z.number().int().min(0);
const EvaluationBriefSchema = z.object({ unit: z.string().nullable(), fiscalYear: z.number().int().nullable(), selfRating: z.string().nullable() });

export const SourcePositionSchema = z.object({
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
  page: z.number().int().min(1).optional(),
  paragraph: z.number().int().min(1).optional(),
  cell: z.string().optional(),
  excerpt: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Version 2 (current)

export const FindingLocationSchema = SourcePositionSchema.omit({ excerpt: true })
  .extend({
    file: z.string().meta({ description: 'The file the form was read from (the result\'s `source`)' }),
    path: z.string().meta({ description: 'The field the finding is about; its excerpt is in the result\'s `positions` under this path' }),
  })
  .meta({
    description:
      'Where the finding points in the submitted file: line/column of text, paragraph/cell of a .docx (`Sheet!B7` in a workbook), page and line of a PDF. Absent when the field it is about has no place in the file (a field the form leaves out)',
  });

export const ResultSummarySchema = z.object({
  total: count,
  pass: count,
  fail: count,
  indeterminate: count,
  notApplicable: count,
  waived: count,
  errors: count,
  warnings: count,
  infos: count,
  redFlags: count.meta({ description: 'Failures of red-flag rules, waived ones excepted' }),
});

export const ScoreCheckSchema = z
  .object({
    claimed: z.object({ grade: z.string().nullable(), score: z.number().nullable() }),
    recomputed: z.object({ score: z.number().nullable(), grade: z.string().nullable() }),
    movedBy: z.array(z.object({ ruleId: RuleIdSchema, delta: z.number() })),
  })
  .meta({ description: 'For a form with a 自评表: the claimed grade and self-score, the total recomputed from the form and its grade, and the rules that moved it' });

export const PackScoreSchema = z
  .object({
    pack: z.string(),
    title: z.string(),
    score: z.number().nullable().meta({ description: 'The total (2 decimals, exact); null while a rule is undecided: it then lies between `earned` and `earned + undecided`' }),
    earned: z.number().meta({ description: 'Points of the decided items' }),
    max: z.number().meta({ description: 'Full points of the items that apply' }),
    undecided: z.number().meta({ description: 'Full points of the undecided items' }),
    notApplicable: z.number().meta({ description: 'Full points of the items that do not apply to the form (outside `max`)' }),
    items: z.array(z.object({ ruleId: RuleIdSchema, points: z.number().nullable(), max: z.number() })),
  })
  .meta({ description: "A scoring pack's total for the form: the points of its rules that declare `score` (pack.json `score`, rule `score`, `checks[].deduct`)" });

export const ResultDiagnosticSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  path: z.string().optional(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
  page: z.number().int().min(1).optional(),
  paragraph: z.number().int().min(1).optional(),
  cell: z.string().optional(),
});

export const UnreadInputSchema = z.object({ source: z.string(), reason: z.string() });

export const ReportRuleSchema = z.object({
  id: RuleIdSchema,
  pack: z.object({ name: z.string(), version: z.string().optional() }),
  title: z.string(),
  description: z.string().optional(),
  severity: SeveritySchema.meta({ description: 'Severity in force; a failing finding carries the one it failed with' }),
  redFlag: z.boolean(),
  tags: z.array(z.string()).optional(),
  basis: z.array(
    z.object({ instrument: z.string(), number: z.string().optional(), article: z.string().optional(), effectiveFrom: z.string().optional(), note: z.string().optional() }),
  ),
  paths: z.array(z.string()).meta({ description: "Form fields the rule reads; a finding's `observed` values are in this order" }),
  parameters: z
    .array(z.object({ name: z.string(), title: z.string(), type: z.string(), unit: z.string().optional(), values: z.array(ParameterValueSchema), configured: z.boolean() }))
    .optional(),
  effective: z.object({ from: z.string().optional(), until: z.string().optional() }).optional(),
});

export const ReportFindingSchema = z.object({
  ruleId: RuleIdSchema.meta({ description: "The rule's id in the report's `rules`" }),
  outcome: z.enum(OUTCOMES),
  severity: SeveritySchema.optional().meta({ description: 'Only on a failure: the severity it failed with' }),
  messageId: z.string().meta({ description: 'The message id within the rule (`pass`, a failure mode id, `indeterminate`, `blank`, …)' }),
  message: z.string(),
  data: z.record(z.string(), z.unknown()),
  observed: z.array(z.unknown()).meta({ description: "The value of each of the rule's `paths`, in that order" }),
  explanation: z.array(ExplainedConditionSchema).optional(),
  notes: z.array(z.object({ messageId: z.string(), message: z.string() })).optional(),
  internalError: z.string().optional(),
  waiver: WaiverSchema.optional(),
  location: FindingLocationSchema.optional(),
});

export const ReportResultSchema = z.object({
  source: z.string(),
  evaluation: EvaluationBriefSchema,
  template: z.object({ id: z.string(), score: z.number().optional(), title: z.string().optional() }).optional(),
  scoreCheck: ScoreCheckSchema.optional(),
  scores: z.array(PackScoreSchema).optional(),
  summary: ResultSummarySchema,
  findings: z.array(ReportFindingSchema),
  indicators: z.array(z.object({ id: z.string(), value: z.number().nullable(), display: z.string(), reason: z.string().optional() })),
  positions: z.record(z.string(), SourcePositionSchema).optional(),
  diagnostics: z.array(ResultDiagnosticSchema).optional(),
});

/** The cross-form section of the report (see `engine/cross-form-report.ts`). */
const CrossFormRelatedSchema = z.object({
  source: z.string(),
  unit: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  relation: z.enum(['previous-year', 'same-unit-year', 'similar-narrative']),
  positions: z.record(z.string(), SourcePositionSchema).optional(),
});

/** What names a cross-form finding or review note: the form it is on and the rule that gave it. */
const CROSS_FORM_ENTRY = {
  source: z.string(),
  unit: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  ruleId: RuleIdSchema,
  title: z.string(),
};

export const CrossFormReportSchema = z
  .object({
    summary: ResultSummarySchema,
    history: z.array(z.object({ source: z.string(), previous: z.string() })),
    diagnostics: z.array(z.object({ code: z.string(), message: z.string(), sources: z.array(z.string()) })),
    findings: z.array(
      z.object({
        ...CROSS_FORM_ENTRY,
        outcome: z.enum(OUTCOMES),
        severity: SeveritySchema.optional(),
        redFlag: z.boolean(),
        messageId: z.string(),
        message: z.string(),
        data: z.record(z.string(), z.unknown()),
        positions: z.record(z.string(), SourcePositionSchema).optional(),
        related: z.array(CrossFormRelatedSchema),
        unlistedRelated: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta({ description: "How many more forms the finding concerns without naming them in `related` (a unit-year's copies past the batch pack's `listedCopies` parameter, default 10); absent when `related` names them all" }),
        notes: z.array(z.object({ messageId: z.string(), message: z.string() })).optional().meta({ description: 'The notes the rule gave with the finding; absent when none' }),
      }),
    ),
    reviewNotes: z
      .array(
        z.object({
          ...CROSS_FORM_ENTRY,
          outcome: z.enum(['pass', 'not-applicable']),
          messageId: z.string(),
          message: z.string(),
        }),
      )
      .optional()
      .meta({ description: 'Notes that came with a cross-form pass or a rule that did not apply (e.g. both years spent nothing): what to review besides the findings; absent when none' }),
  })
  .meta({
    description:
      'Across forms (history and batch rules): failures and undecided findings on each form with the other forms they concern and source positions in both, the forms joined to their previous year, and the joins not made. Present when the run had a cross-form pass (several forms, or --history).',
  });

export const ResultDocumentSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('jixiao'), version: z.string() }),
    locale: z.enum(LOCALES),
    rules: z.array(ReportRuleSchema),
    indicators: z.array(z.object({ id: z.string(), label: z.string(), formula: z.string() })),
    results: z.array(ReportResultSchema),
    unread: z.array(UnreadInputSchema),
    crossForm: CrossFormReportSchema.optional(),
  })
  .meta({
    title: 'jixiao result document v2',
    description: "The rules of the run (once), then each checked form's findings, indicators and counts, and the inputs that were not checked.",
  });

// What the schema accepts fits the report's TypeScript type: a compile error here means the two drifted apart.
true satisfies z.output<typeof ResultDocumentSchema> extends ResultDocument ? true : false;

// ---------------------------------------------------------------------------------------------------------------
// Version 1 (jixiao before the v2 report): kept to validate files written then. See docs/json-report.md.

const FindingV1Schema = z.object({
  ruleId: RuleIdSchema,
  pack: z.string(),
  title: z.string(),
  outcome: z.enum(OUTCOMES),
  severity: SeveritySchema,
  redFlag: z.boolean(),
  messageId: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()),
  paths: z.array(z.string()),
  observed: z.record(z.string(), z.unknown()),
  basis: z.array(LegalBasisSchema),
  explanation: z.array(ExplainedConditionSchema).optional(),
  notes: z.array(z.object({ messageId: z.string(), message: z.string(), data: z.record(z.string(), z.unknown()) })).optional(),
  internalError: z.string().optional(),
  waiver: WaiverSchema.optional(),
});

export const ResultDocumentV1Schema = z
  .object({
    schemaVersion: z.literal(1),
    tool: z.object({ name: z.literal('jixiao'), version: z.string() }),
    locale: z.enum(LOCALES),
    results: z.array(
      z.object({
        source: z.string(),
        evaluation: EvaluationBriefSchema,
        findings: z.array(FindingV1Schema),
        indicators: z.array(z.object({ id: z.string(), label: z.string(), formula: z.string(), value: z.number().nullable(), display: z.string(), reason: z.string().optional() })),
        summary: z.object({ total: count, pass: count, fail: count, indeterminate: count, notApplicable: count, waived: count, errors: count, warnings: count, infos: count }),
        // v1 reports were written before PDF pages: its schema stays as it was published.
        positions: z.record(z.string(), SourcePositionSchema.omit({ page: true })).optional(),
      }),
    ),
  })
  .meta({ title: 'jixiao result document v1', description: 'Superseded by v2 (result.schema.json); kept to validate reports written before it.' });
