import * as z from 'zod';
import { ANSWER_FIELDS } from '../model/evaluation.js';
import { DISCLOSURE_CHANNELS } from '../model/answer.js';
import { FIELD_PATHS, INDICATOR_LABELS, type IndicatorKey } from '../model/labels.js';
import { LocalizedTextSchema } from '../pack/schema.js';

/**
 * A form template as data (../shared/templates.md): how to recognise one of the forms units file, and where its
 * figures, answers and texts sit. The reader that applies a template is generic (`@jixiao/import`); a province
 * adds its form by writing one of these files, with no code. JSON Schema for editors: schema/template.schema.json.
 *
 * Labels are literal text: the reader matches each with optional white space between its characters, either
 * kind of bracket, full- or half-width forms and optional quotes, so `预 算 编 码` and `部门（单位）名称` need no
 * variants of their own. Only `pattern` entries are regular expressions, and a loader rejects one that can
 * backtrack catastrophically.
 */

const LabelSchema = z.string().min(1).max(200).meta({ description: '栏目文字（按字面匹配，字间可有空格） / label text, matched literally (spaces allowed between characters)' });
const LabelsSchema = z.array(LabelSchema).min(1).max(100);
const PatternSchema = z.string().min(1).max(500).meta({ description: '正则表达式（不得有灾难性回溯） / a regular expression (must not backtrack catastrophically)' });
const WeightSchema = z.number().min(0).max(100);

/** Canonical field paths, from the evaluation model (one source of truth). */
export const TemplateFieldPathSchema = z.enum(FIELD_PATHS as [string, ...string[]], { error: '不是规范模型中的字段路径 / not a field path of the canonical model' });

/** What a value is read as. */
export const TEMPLATE_VALUE_TYPES = ['text', 'count', 'money', 'date', 'year', 'score', 'grade', 'percent'] as const;
export const TemplateValueTypeSchema = z.enum(TEMPLATE_VALUE_TYPES);
export type TemplateValueType = (typeof TEMPLATE_VALUE_TYPES)[number];

/** The unit an amount is written in on the form: 万元 (the model's), or 元 (converted, with a note). */
export const MONEY_UNITS = ['万元', '元'] as const;

const FieldBase = {
  path: TemplateFieldPathSchema,
  labels: LabelsSchema,
  type: TemplateValueTypeSchema,
  unit: z.enum(MONEY_UNITS).optional().meta({ description: '表中金额的单位（默认万元） / the unit amounts are written in (default 万元)' }),
};

/** A label whose value is in the next cell, or after a colon in its own cell. */
export const TemplateFieldSchema = z.strictObject({
  ...FieldBase,
  path: TemplateFieldPathSchema.optional().meta({ description: '规范模型的字段路径；省略时读过即弃（如“联系人”，模型中没有的栏目） / canonical path; absent: the value is read past and dropped (a label the model has no field for, e.g. 联系人)' }),
  section: z.string().min(1).optional().meta({ description: '只在该部分内匹配（如两处“合计”） / only inside this section (tells two 合计 apart)' }),
  inline: z.boolean().optional().meta({ description: '值紧跟在同一行的标签之后，标签可在行中任意位置 / the value follows the label on the same line, wherever it stands' }),
});

/** A section heading: recognised and skipped; it may open a section that tells same-named labels apart. */
export const TemplateHeadingSchema = z.strictObject({
  labels: LabelsSchema,
  section: z.string().min(1).optional(),
});

/** A label that opens free text running to the next label. */
export const TemplateBlockSchema = z.strictObject({
  labels: LabelsSchema,
  read: z.enum(['text', 'conclusion', 'problems-and-suggestions']).meta({
    description: 'text: 文本写入 path；conclusion: 等级与得分（selfRating）；problems-and-suggestions: 按“问题：”“建议：”拆分 / how the text is read',
  }),
  path: TemplateFieldPathSchema.optional(),
  strip: LabelsSchema.optional().meta({ description: '文本开头要去掉的字样，如“主管部门（盖章）” / words removed from the start of the text' }),
});

/** A yes/no question with checkboxes (是/否, 有/无). */
export const TemplateQuestionSchema = z.strictObject({
  path: z.enum(ANSWER_FIELDS),
  labels: LabelsSchema,
});

/** A multi-select question (公开方式: 门户网站 / 单位内部 / 其它). */
export const TemplateChoiceSchema = z.strictObject({
  path: z.literal('disclosure.channels'),
  labels: LabelsSchema,
  options: z.array(z.strictObject({ word: LabelSchema, value: z.enum(DISCLOSURE_CHANNELS) })).min(1),
});

/** One column of a table map: its header labels, and (header-value tables) the field its value goes to. */
const ColumnSchema = z.strictObject({
  id: z.string().min(1).max(60).optional(),
  labels: LabelsSchema,
});

/**
 * A table read by position: `header-value` — a row of headers then a row of values (编制数 / 实际在职人数 /
 * 控制率 then `143 136 95.10%`); `grid` — rows named by a label × columns named by headers (三公经费 ×
 * 上年决算 / 本年预算 / 本年决算), each named cell going to a field; `indicator-list` — a 自评表's indicator table
 * (a header row naming the columns, then an indicator a row, up to 总分/合计), read into `selfAssessment.indicators`.
 */
export const TemplateTableSchema = z.discriminatedUnion('layout', [
  z.strictObject({
    layout: z.literal('header-value'),
    columns: z.array(ColumnSchema.extend({ path: TemplateFieldPathSchema.optional(), type: TemplateValueTypeSchema.optional(), unit: z.enum(MONEY_UNITS).optional() })).min(1).max(50),
  }),
  z.strictObject({
    layout: z.literal('grid'),
    columns: z.array(ColumnSchema.extend({ id: z.string().min(1).max(60) })).min(1).max(50),
    rows: z
      .array(
        z.strictObject({
          labels: LabelsSchema,
          cells: z
            .record(z.string(), z.union([TemplateFieldPathSchema, z.array(TemplateFieldPathSchema).min(1).max(5)]))
            .meta({ description: '列 id → 字段路径（一格可写入几个路径，如经费控制表的本年决算也是“其中：三公经费”） / column id → field path (or paths: one cell may fill several, e.g. the grid\'s 本年决算 is also this year\'s 三公经费)' }),
          type: TemplateValueTypeSchema.default('money'),
          unit: z.enum(MONEY_UNITS).optional(),
        }),
      )
      .min(1)
      .max(100),
  }),
  z.strictObject({
    layout: z.literal('indicator-list'),
    columns: z
      .array(z.strictObject({ key: z.enum(Object.keys(INDICATOR_LABELS) as [IndicatorKey, ...IndicatorKey[]]), labels: LabelsSchema }))
      .min(2)
      .max(30)
      .meta({ description: '表头栏目 → 指标行的字段；表头单元格归入第一个标签相符的栏目，较具体的标签放前面（调整指标值先于指标值） / header labels → the indicator row key; a header cell goes to the first column whose labels it holds, so list the more specific first' }),
    stop: LabelsSchema.optional().meta({ description: '结束指标表的行首文字（默认 总分、合计）；该行的分值为总分值、得分为自评总分 / the words opening the row that ends the list (default 总分, 合计)' }),
  }),
]);

/**
 * A figure stated in running text: a label, then within `window` characters (not past the end of a sentence)
 * the value, optionally followed by one of `after` (`人`, `名`, `万元`). Or a regular expression whose first
 * capturing group is the value. Read with lower confidence than a table cell (`prose` provenance).
 */
export const TemplateProseSchema = z
  .strictObject({
    path: TemplateFieldPathSchema,
    type: TemplateValueTypeSchema,
    unit: z.enum(MONEY_UNITS).optional(),
    labels: LabelsSchema.optional(),
    window: z.number().int().min(0).max(60).default(12),
    after: LabelsSchema.optional().meta({ description: '紧跟数值的字样（人、名、万元…），给出时必须出现 / words that must follow the value when given' }),
    notWith: LabelsSchema.optional().meta({
      description:
        '数值之后同一分句（到下一个逗号、分号或句号）中或紧随其后的“其中……”分解中若出现这些字样，该数不是此栏（如“现有编制人员205人。其中……退休75人”：含离退休人员的人数不是编制数；“编制63人，在职57人、离退休94人”的离退休在另一分句，不算），不读 / words that, later in the same clause (up to the next comma, semicolon or full stop) or in the breakdown after it (其中…), show the figure is another count (a headcount with retirees is no quota; retirees in a clause of their own are not): it is not read',
    }),
    categories: LabelsSchema.optional().meta({
      description:
        '分类字样（如 行政、事业、工勤）：数值所属的标签前紧接其一（“行政编制39名”），而同一句中另一类也给了数（“事业编制5名”）时，各数只是分类数、句中没有合计：各类并列（之间无“其中”“含”，不在括号内，每类一次，数后有 after 所列单位）的计数读作其和（39 + 5 → 44，另有说明；文中另写了合计时以合计为准），否则不读；“核定编制44名，其中行政编制39名”照读 44 / category words (行政, 事业, 工勤): when one stands right before the label of the figure (`行政编制39名`) and the same sentence gives another category a figure too (`事业编制5名`), the figures are per category with no total stated: a count given side by side (no 其中/含 between, none in brackets, each category once, each with a unit from after) is read as their sum (39 + 5 → 44, noted; a total stated elsewhere wins), otherwise none is read (`核定编制44名，其中行政编制39名` still reads 44)',
    }),
    pattern: PatternSchema.optional(),
  })
  .refine((p) => (p.labels === undefined) !== (p.pattern === undefined), { error: '须给出 labels 或 pattern 之一（不能都有或都没有） / give either labels or pattern (one, not both)' })
  .refine((p) => p.categories === undefined || p.labels !== undefined, { error: 'categories 只用于 labels 规则 / categories go with labels, not a pattern' });

/** A signal of detection: a label (found anywhere, or as a title/heading), or a pattern; each found adds its weight. */
export const TemplateSignalSchema = z
  .strictObject({
    labels: LabelsSchema.optional(),
    pattern: PatternSchema.optional(),
    weight: WeightSchema.default(1),
  })
  .refine((s) => (s.labels === undefined) !== (s.pattern === undefined), { error: '须给出 labels 或 pattern 之一（不能都有或都没有） / give either labels or pattern (one, not both)' });

export const TEMPLATE_KINDS = ['self-evaluation', 'scoring', 'project-expenditure'] as const;

export const TemplateSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors' }),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,60}$/, { error: '模板 id 只能用小写字母、数字和连字符 / id: lowercase letters, digits, hyphens' })
      .meta({ description: '稳定的 ASCII id，如 hunan-checklist / stable ASCII id' }),
    version: z.string().regex(/^\d+\.\d+\.\d+$/).optional(),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    kind: z.enum(TEMPLATE_KINDS).default('self-evaluation').meta({
      description: 'self-evaluation: 部门整体支出绩效自评（读取字段）；scoring: 自评表/得分表（识别，读取见后续版本）；project-expenditure: 项目支出绩效自评（不是本表，拒绝并说明）',
    }),
    jurisdiction: z.array(z.string().min(1)).optional().meta({ description: '适用地区，如 湖南省 / where the template is used' }),
    years: z.strictObject({ from: z.number().int().min(1949).max(2200).optional(), to: z.number().int().min(1949).max(2200).optional() }).optional(),
    detection: z.strictObject({
      signals: z.array(TemplateSignalSchema).min(1).max(200),
      threshold: z.number().positive().max(10_000).meta({ description: '得分（找到的信号权重之和）达到此值才采用本模板 / the score (sum of weights of signals found) needed' }),
    }),
    fiscalYear: z
      .strictObject({ titleLabels: LabelsSchema.meta({ description: '标题中年份之后的字样，如“部门整体支出绩效” / words after the year in the title' }) })
      .optional(),
    headings: z.array(TemplateHeadingSchema).max(200).default([]),
    fields: z.array(TemplateFieldSchema).max(500).default([]),
    blocks: z.array(TemplateBlockSchema).max(100).default([]),
    questions: z.array(TemplateQuestionSchema).max(200).default([]),
    choices: z.array(TemplateChoiceSchema).max(20).default([]),
    tables: z.array(TemplateTableSchema).max(50).default([]),
    prose: z.array(TemplateProseSchema).max(200).default([]),
  })
  .meta({ title: 'jixiao 表单模板 / form template', description: 'How to recognise one template of the 部门整体支出绩效自评 forms and where its fields sit.' });

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateInput = z.input<typeof TemplateSchema>;
export type TemplateField = z.infer<typeof TemplateFieldSchema>;
export type TemplateTable = z.infer<typeof TemplateTableSchema>;
export type TemplateProse = z.infer<typeof TemplateProseSchema>;

/** Identity, for type inference in TypeScript-authored templates. */
export function defineTemplate(template: TemplateInput): TemplateInput {
  return template;
}
