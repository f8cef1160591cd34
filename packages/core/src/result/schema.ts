import { z } from 'zod';
import { LOCALES } from '../i18n/locale.js';
import { LegalBasisSchema, SeveritySchema } from '../pack/schema.js';
import { OUTCOMES } from './model.js';

/**
 * The JSON report (`jixiao check --format json`) as a zod schema; `schema/result.schema.json` is generated
 * from it and real output is validated against that file in tests. Fields are a public contract.
 */
const ExplainedConditionSchema = z.object({
  fact: z.string(),
  operator: z.string(),
  expected: z.unknown(),
  expectedFact: z.string().optional(),
  actual: z.unknown(),
  result: z.boolean(),
});

const NoteSchema = z.object({ messageId: z.string(), message: z.string(), data: z.record(z.string(), z.unknown()) });

export const FindingSchema = z.object({
  ruleId: z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/),
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
  notes: z.array(NoteSchema).optional(),
  internalError: z.string().optional(),
  waiver: z.object({ reason: z.string(), approver: z.string(), expires: z.string(), source: z.string().optional() }).optional(),
});

export const IndicatorSchema = z.object({
  id: z.string(),
  label: z.string(),
  formula: z.string(),
  value: z.number().nullable(),
  display: z.string(),
  reason: z.string().optional(),
});

const count = z.number().int().min(0);
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
});

export const SourcePositionSchema = z.object({
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
  paragraph: z.number().int().min(1).optional(),
  cell: z.string().optional(),
  excerpt: z.string().optional(),
});

export const EvaluationResultSchema = z.object({
  source: z.string(),
  evaluation: z.object({ unit: z.string().nullable(), fiscalYear: z.number().int().nullable(), selfRating: z.string().nullable() }),
  findings: z.array(FindingSchema),
  indicators: z.array(IndicatorSchema),
  summary: ResultSummarySchema,
  positions: z.record(z.string(), SourcePositionSchema).optional(),
});

export const ResultDocumentSchema = z
  .object({
    schemaVersion: z.literal(1),
    tool: z.object({ name: z.literal('jixiao'), version: z.string() }),
    locale: z.enum(LOCALES),
    results: z.array(EvaluationResultSchema),
  })
  .meta({ title: 'jixiao result document v1', description: 'Findings, indicators and counts for each checked evaluation.' });
