import * as z from 'zod';
import { MAX_SCORE, isHundredths } from '../model/decimal.js';
import { MoneySchema } from '../model/evaluation.js';
import type { FactKind } from './facts.js';

/**
 * The pack contract, as zod schemas: a pack is metadata plus rules; a rule is a json-rules-engine condition
 * tree wrapped in metadata (titles and messages in zh-CN and en, severity, legal basis, parameters).
 * JSON Schemas for editors are generated from these (see schema/).
 */

export const LocalizedTextSchema = z.strictObject({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

const isoDate = z.iso.date();

/**
 * Whether a citation was checked against a published text, when, where, and what was and was not confirmed.
 * Editorial remarks ("the article number is not confirmed") live here, never in the reader-facing `note`: reports
 * show them only when asked (`--verbose`), the generated docs always.
 */
export const CitationCheckSchema = z.strictObject({
  status: z.enum(['verified', 'unverified']).meta({ description: 'verified: the instrument, 文号 and article (when given) were read in a published text; unverified: not (yet) found' }),
  checked: isoDate.meta({ description: 'Date of the check' }),
  source: z.url().optional().meta({ description: 'Where the text was read (a published copy)' }),
  remark: LocalizedTextSchema.optional().meta({ description: 'What the check did and did not confirm (shown with --verbose and in the docs)' }),
});
export type CitationCheck = z.infer<typeof CitationCheckSchema>;

/** A legal instrument a rule rests on. Never invent an article: leave it out when unknown. */
export const LegalBasisSchema = z.strictObject({
  instrument: z.string().min(1).meta({ description: '法规/文件名称 (instrument name)' }),
  number: z.string().min(1).optional().meta({ description: '文号, e.g. 国务院令第486号' }),
  article: z.string().min(1).optional().meta({ description: 'Article, only when known for certain' }),
  effectiveFrom: isoDate.optional(),
  note: LocalizedTextSchema.optional().meta({ description: 'What the instrument says that the rule rests on (reader-facing; no editorial remarks: those go in `verification`)' }),
  verification: CitationCheckSchema.optional(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

/**
 * Plain dotted path into a fact: letters, digits, `_`, `-`, `/`. Anything else (JSONPath `$`, filters `?()`,
 * scripts, brackets) is rejected at load time: rule files from others never run code through JSONPath.
 */
export const SAFE_PATH = /^[A-Za-z][\w/-]*(?:\.[A-Za-z][\w/-]*)*$/;
const SafePathSchema = z.string().regex(SAFE_PATH, {
  error: '路径只能是点分隔的字段名（不允许 JSONPath 表达式） / path must be a plain dotted field path (no JSONPath)',
});
const FactNameSchema = z.string().regex(/^[A-Za-z]\w*$/, { error: 'fact must be a plain identifier' });

/** A reference to a fact value: `staffing.actual` (fact `staffing`, path `actual`). */
export const FactRefSchema = SafePathSchema;

const ConditionValueSchema: z.ZodType = z.union([
  z.null(),
  z.boolean(),
  z.number(),
  z.string(),
  z.array(z.union([z.null(), z.boolean(), z.number(), z.string()])),
  z.strictObject({ fact: FactNameSchema, path: SafePathSchema.optional() }),
]);

export interface LeafCondition {
  fact: string;
  path?: string | undefined;
  operator: string;
  value: unknown;
  name?: string | undefined;
}
export type NestedCondition = LeafCondition | { all: NestedCondition[] } | { any: NestedCondition[] } | { not: NestedCondition };
export type TopLevelCondition = { all: NestedCondition[] } | { any: NestedCondition[] } | { not: NestedCondition };

export const LeafConditionSchema = z.strictObject({
  fact: FactNameSchema,
  path: SafePathSchema.optional(),
  operator: z.string().min(1),
  value: ConditionValueSchema,
  name: z.string().optional(),
});

export const NestedConditionSchema: z.ZodType<NestedCondition> = z.lazy(() =>
  z.union([
    LeafConditionSchema,
    z.strictObject({ all: z.array(NestedConditionSchema).min(1) }),
    z.strictObject({ any: z.array(NestedConditionSchema).min(1) }),
    z.strictObject({ not: NestedConditionSchema }),
  ]),
);

/** json-rules-engine top-level condition (`all`, `any` or `not`). */
export const TopLevelConditionSchema: z.ZodType<TopLevelCondition> = z.union([
  z.strictObject({ all: z.array(NestedConditionSchema).min(1) }),
  z.strictObject({ any: z.array(NestedConditionSchema).min(1) }),
  z.strictObject({ not: NestedConditionSchema }),
]);

/** How a message shows a value; `rules`: a list of rule ids, shown by the rules' titles in the report's language (the finding's `data` keeps the ids). */
export const DATA_FORMATS = ['money', 'integer', 'number', 'percent', 'date', 'answer', 'text', 'fields', 'list', 'grade', 'channels', 'rules'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** A value shown in a message: a fact reference with a display format, or the blank fields among a list. */
export const DataRefSchema = z.union([
  z.strictObject({
    ref: FactRefSchema,
    format: z.enum(DATA_FORMATS).optional(),
    zeroBase: FactRefSchema.optional().meta({
      description:
        'For a change rate: the prior value it is taken over. When the rate is blank and this value is 0 (nothing the year before), the message says the rate does not apply (不适用（上年为 0）) instead of （空）; the finding\'s data keeps null',
    }),
  }),
  z.strictObject({ blankAmong: z.array(FactRefSchema).min(1) }),
  z
    .strictObject({
      scale: FactRefSchema.meta({ description: 'Fact whose value is mapped through the scale, e.g. indicators.staffingControlRate' }),
      points: z
        .array(z.tuple([z.number(), z.number()]))
        .min(2)
        .meta({ description: '[x, y] points, e.g. [[100, 8], [116, 0]]: linear between points, constant beyond the ends' }),
      format: z.enum(DATA_FORMATS).optional(),
    })
    .meta({ description: 'Piecewise-linear scale (scores and deductions): the value at `scale` mapped through `points`, exact to 2 decimals' }),
]);
export type DataRef = z.infer<typeof DataRefSchema>;

export const ParameterValueSchema = z.strictObject({
  from: isoDate.meta({ description: 'First day this value is in force' }),
  until: isoDate.optional().meta({ description: 'Last day this value is in force (inclusive)' }),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]).meta({ description: 'Of the parameter\'s declared type; null only when the parameter is nullable' }),
  basis: z.string().min(1).meta({ description: 'Citation for this value (instrument, 文号, or "jixiao default")' }),
});
export type ParameterValue = z.infer<typeof ParameterValueSchema>;

/**
 * The types a parameter may declare, each with the values it accepts and how a message names it: the one place a
 * parameter's type is defined. A value of another type (`"0.05"` for an amount, `"10%"` for a percentage) would
 * make a rule compare against text and pass in silence, so it is refused when the pack or the config is loaded.
 * `factKind`: what the pack linter takes `params.<pack>.<name>` to be.
 */
export const PARAMETER_TYPES = {
  number: { factKind: 'number', accepts: z.number(), title: { 'zh-CN': '数值', en: 'a number' }, example: '90' },
  integer: { factKind: 'integer', accepts: z.number().int(), title: { 'zh-CN': '整数', en: 'an integer' }, example: '20' },
  money: { factKind: 'money', accepts: MoneySchema, title: { 'zh-CN': '金额（万元，不小于 0，最多两位小数）', en: 'an amount in 万元 (≥ 0, at most 2 decimals)' }, example: '0.05' },
  percent: { factKind: 'percent', accepts: z.number(), title: { 'zh-CN': '百分数（写数字，100 即 100%）', en: 'a percentage, as a number (100 means 100%)' }, example: '100' },
  boolean: { factKind: 'boolean', accepts: z.boolean(), title: { 'zh-CN': '是/否（true 或 false）', en: 'a boolean (true or false)' }, example: 'true' },
  string: { factKind: 'text', accepts: z.string().min(1), title: { 'zh-CN': '文本', en: 'text' }, example: '"湖南省"' },
} as const satisfies Record<string, { factKind: FactKind; accepts: z.ZodType; title: { 'zh-CN': string; en: string }; example: string }>;
export type ParameterType = keyof typeof PARAMETER_TYPES;
export const PARAMETER_TYPE_NAMES = Object.keys(PARAMETER_TYPES) as ParameterType[];

/**
 * Why `value` is not a value of a parameter of type `type` (undefined when it is). `null` means "not set" and is
 * accepted only for a parameter declared `nullable`. `name` is how the message names the parameter.
 */
export function parameterValueProblem(name: string, type: ParameterType, nullable: boolean, value: unknown): { 'zh-CN': string; en: string } | undefined {
  const t = PARAMETER_TYPES[type];
  if (value === null ? nullable : t.accepts.safeParse(value).success) return undefined;
  const shown = value === undefined ? 'undefined' : JSON.stringify(value);
  return {
    'zh-CN': `参数 ${name} 的值 ${shown} 类型错误：应为${t.title['zh-CN']}${nullable ? '或 null（未设置）' : ''}，例如 ${t.example}`,
    en: `parameter ${name}: ${shown} is of the wrong type: expected ${t.title.en}${nullable ? ' or null (not set)' : ''}, e.g. ${t.example}`,
  };
}

export const ParameterSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: '参数名应为 camelCase，例如 staffingRateLimit / parameter name must be camelCase, e.g. staffingRateLimit' }),
    title: LocalizedTextSchema,
    type: z.enum(PARAMETER_TYPE_NAMES),
    nullable: z.boolean().optional().meta({ description: 'Whether null (no value set) is allowed; the rule must then read a null parameter as "not set"' }),
    unit: z.string().optional(),
    values: z.array(ParameterValueSchema).min(1),
  })
  .superRefine((p, ctx) => {
    for (const [i, v] of p.values.entries()) {
      const problem = parameterValueProblem(p.name, p.type, p.nullable === true, v.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: `${problem['zh-CN']} / ${problem.en}` });
    }
  });
export type Parameter = z.infer<typeof ParameterSchema>;

/** The message of an id that is not kebab-case, zh-CN / English (schema messages are split at ` / `). */
export const KEBAB_CASE_ERROR = '应为 kebab-case（小写字母开头，只含小写字母、数字和连字符），例如 over-quota / must be kebab-case (a lowercase letter, then lowercase letters, digits and hyphens), e.g. over-quota';

const KebabSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: KEBAB_CASE_ERROR });

/** Points of a scoring pack (分值, 扣分): at least 0, at most 1000, at most two decimals (exact in hundredths). */
export const ScorePointsSchema = z
  .number()
  .min(0)
  .max(MAX_SCORE)
  .refine((v) => isHundredths(v, MAX_SCORE), { error: '分值最多两位小数，例如 2.5 / points have at most two decimals, e.g. 2.5' });

export const CheckSchema = z.strictObject({
  id: KebabSchema,
  when: TopLevelConditionSchema,
  message: LocalizedTextSchema,
  severity: SeveritySchema.optional().meta({ description: 'Overrides the rule severity for this failure mode' }),
  deduct: ScorePointsSchema.optional().meta({
    description: "Scoring packs: the points this failure mode takes off the rule's score.max (default: every point). Not with score.points",
  }),
});

/**
 * How a rule's finding adds to its pack's score (a scoring pack: a province's 评分表 as rules). A pass earns `max`, a
 * failure `max` less its failure mode's `deduct` (every point without one); or, with `points`, the value of that
 * `data` entry (a scale, say) whatever the outcome — clamped to 0…max. An undecided rule leaves the total unknown;
 * a rule that does not apply is left out of it.
 */
export const RuleScoreSchema = z
  .strictObject({
    max: ScorePointsSchema.refine((v) => v > 0, { error: '满分应大于 0 / max must be more than 0' }).meta({ description: '本项满分（分值） / the full points of this item' }),
    points: z
      .string()
      .regex(/^[a-zA-Z]\w*$/)
      .optional()
      .meta({ description: '得分取自 data 中的这一项（如分段线性刻度） / the data entry whose value is the points earned (e.g. a scale)' }),
  })
  .meta({ description: "Scoring packs: this rule's item in the pack's total (see the pack's `score`)" });

export const GuardSchema = z.strictObject({
  when: TopLevelConditionSchema,
  message: LocalizedTextSchema,
});

export const EffectiveSchema = z.strictObject({ from: isoDate.optional(), until: isoDate.optional() });

export const RuleSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: '规则 id 应为 规则包名/规则名（kebab-case），例如 hunan/staffing-score / rule id must be pack/kebab-name, e.g. hunan/staffing-score' }),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  severity: SeveritySchema,
  redFlag: z.boolean().optional().meta({ description: 'A failure is a red flag for the self-rating (超编, 截留, 未公开 …)' }),
  tags: z.array(z.string()).optional(),
  basis: z.array(LegalBasisSchema).min(1),
  paths: z.array(FactRefSchema).min(1).meta({ description: 'Form fields this rule reads (reported as observed values)' }),
  requires: z.array(FactRefSchema).optional().meta({
    description:
      'Values that must be known; a blank one makes the outcome indeterminate. `history.previous` (the same unit\'s form for the previous fiscal year) makes a cross-form history rule: without that form it is not applicable',
  }),
  scope: z.enum(['form', 'batch']).optional().meta({
    description: '`batch`: a cross-form rule that reads the `batch` fact (this form among every form of the run), checked once the run is known; not applicable to a single form. Default `form`',
  }),
  notApplicableWhen: GuardSchema.optional().meta({
    description:
      'The rule\'s scope: when this holds the rule does not apply, whatever else holds (it is decided first, before `requires`, `indeterminateWhen` and `checks`). Test what the form states (a section or column absent), never a blank: a blank is unknown and belongs in `requires` or `indeterminateWhen`',
  }),
  indeterminateWhen: GuardSchema.optional().meta({
    description: 'The rule cannot be decided (a value unknown): decided after `notApplicableWhen` and `requires`, before `checks`, so a failure mode never hides it',
  }),
  checks: z.array(CheckSchema).min(1),
  pass: LocalizedTextSchema,
  notes: z.array(CheckSchema.omit({ severity: true, deduct: true })).optional(),
  data: z.record(z.string().regex(/^[a-zA-Z]\w*$/), DataRefSchema).optional(),
  parameters: z.array(ParameterSchema).optional(),
  after: z.array(z.string().regex(/^(\*|[a-z][a-z0-9-]*\/(\*|[a-z][a-z0-9-]*))$/)).optional().meta({
    description: 'Rules whose outcomes this rule reads through the `findings` fact: `*`, `pack/*` or a rule id',
  }),
  effective: EffectiveSchema.optional(),
  score: RuleScoreSchema.optional(),
});
export type Rule = z.infer<typeof RuleSchema>;
export type Check = z.infer<typeof CheckSchema>;

export const PackMetaSchema = z.strictObject({
  name: KebabSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/, { error: '版本号应为 semver，例如 0.1.0 / version must be semver, e.g. 0.1.0' }),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  score: z
    .strictObject({
      title: LocalizedTextSchema.optional().meta({ description: '报告中总分的名称（默认用规则包标题） / what reports call the total (default: the pack title)' }),
      max: ScorePointsSchema.optional().meta({ description: '总满分：各规则 score.max 之和须等于它 / the full marks: the rules\' score.max must add up to it' }),
    })
    .optional()
    .meta({ description: 'A scoring pack: reports total the points of its rules that declare `score`' }),
});
export type PackMeta = z.infer<typeof PackMetaSchema>;

/** `pack.json` in a pack folder: metadata plus where the rule files are. */
export const PackManifestSchema = PackMetaSchema.extend({
  $schema: z.string().optional(),
  rules: z.string().default('src/rules').meta({ description: 'Folder of rule JSON files, relative to the manifest' }),
  templates: z.string().min(1).optional().meta({ description: 'Folder of form template files (JSON/YAML) the pack carries beside its rules, relative to the manifest' }),
}).strict();
export type PackManifest = z.infer<typeof PackManifestSchema>;

export const PackSchema = z.strictObject({
  meta: PackMetaSchema,
  rules: z.array(RuleSchema),
  /** Where the pack was loaded from (a folder or package name), for messages. */
  source: z.string().optional(),
});
export type Pack = z.infer<typeof PackSchema>;

export const RuleSettingSchema = z.union([
  z.enum(['off', ...SEVERITIES]),
  z.strictObject({ severity: z.enum(['off', ...SEVERITIES]) }),
]);

/** `jixiao.config.json`: which packs, severity overrides, parameter values per jurisdiction/year. */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  packs: z.array(z.string().min(1)).optional().meta({ description: 'Pack names, package names, folders, or the `standard` preset' }),
  templates: z.array(z.string().min(1)).optional().meta({ description: 'Form templates used beside the shipped ones: template files, folders or packages; a shipped or added template id restricts detection to the ids named' }),
  rules: z.record(z.string(), RuleSettingSchema).optional(),
  parameters: z
    .record(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][A-Za-z0-9]*$/), z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(ParameterValueSchema).min(1)]))
    .optional()
    .meta({ description: 'Override `pack.parameterName`: a plain value (in force always) or dated values' }),
  locale: z.enum(['zh-CN', 'en']).optional(),
  verbose: z
    .boolean()
    .optional()
    .meta({ description: 'As `jixiao check --verbose`: reports name each field with its model path beside its label, and each citation with how it was checked (verified or not, date, remark); import diagnostics name the model path too' }),
});
export type Config = z.infer<typeof ConfigSchema>;
