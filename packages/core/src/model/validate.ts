import * as z from 'zod';
import { compileSchema } from './compile.js';
import { EvaluationSchema, type Evaluation } from './evaluation.js';
import { fieldLabel } from './labels.js';
import type { Locale } from '../i18n/locale.js';

/** One problem with a submitted evaluation: where (field path and the form's label) and what. */
export interface ValidationIssue {
  /** Dotted field path, e.g. `income.total`; `(root)` for the document itself. */
  readonly path: string;
  /** The form's Chinese label for the field, when it has one. */
  readonly label: string | undefined;
  readonly code: string;
  readonly message: { readonly 'zh-CN': string; readonly en: string };
}

export type ValidationResult =
  | { readonly ok: true; readonly value: Evaluation }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Thrown by {@link parseEvaluation}; carries every issue, not only the first. */
export class EvaluationValidationError extends Error {
  readonly code = 'EVALUATION_INVALID';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`evaluation is invalid:\n${formatValidationIssues(issues, 'en')}`);
    this.name = 'EvaluationValidationError';
  }
}

function pathOf(segments: readonly PropertyKey[]): string {
  return segments.length === 0 ? '(root)' : segments.map(String).join('.');
}

/** One zod issue in words, zh-CN and English (`issue.input`, when given, tells a wrong type from a missing field). */
export function describeZodIssue(issue: z.core.$ZodIssue): { 'zh-CN': string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { 'zh-CN': '缺少此字段（空白请填 null）', en: 'field is missing (use null for a blank)' };
      return {
        'zh-CN': `类型错误：应为${TYPE_WORDS[issue.expected] ?? issue.expected}，实为${valueWords(issue.input, 'zh-CN')}`,
        en: `wrong type: expected ${issue.expected}, got ${valueWords(issue.input, 'en')}`,
      };
    case 'unrecognized_keys':
      return {
        'zh-CN': `未知字段：${issue.keys.join('、')}`,
        en: `unknown field(s): ${issue.keys.join(', ')}`,
      };
    case 'invalid_value':
      return {
        'zh-CN': `取值无效：应为 ${issue.values.map(String).join(' | ')} 之一`,
        en: `invalid value: expected one of ${issue.values.map(String).join(' | ')}`,
      };
    case 'too_small':
      return { 'zh-CN': `数值过小（最小 ${String(issue.minimum)}）`, en: `too small (minimum ${String(issue.minimum)})` };
    case 'too_big':
      return { 'zh-CN': `数值或长度过大（最大 ${String(issue.maximum)}）`, en: `too big (maximum ${String(issue.maximum)})` };
    default: {
      const [zh, en] = issue.message.split(' / ');
      return { 'zh-CN': zh ?? issue.message, en: en ?? zh ?? issue.message };
    }
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** zh-CN words for the JSON types zod names. */
const TYPE_WORDS: Readonly<Record<string, string>> = { number: '数字', string: '文本', boolean: '布尔值（true/false）', object: '对象', array: '数组', null: 'null' };

/** The value a field holds, as a message names it: its type, and a short text or number as written (`文本 "264.47"`). */
function valueWords(value: unknown, locale: 'zh-CN' | 'en'): string {
  const type = typeName(value);
  const word = locale === 'zh-CN' ? (TYPE_WORDS[type] ?? type) : type;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const shown = JSON.stringify(value);
    return `${word} ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`;
  }
  return word;
}

/** Turn zod issues into field-path issues with the form's labels. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown key, so each names its own path.
      for (const key of issue.keys) {
        const path = pathOf([...issue.path, key]);
        out.push({ path, label: undefined, code: issue.code, message: describeZodIssue({ ...issue, keys: [key] }) });
      }
      continue;
    }
    const path = pathOf(issue.path);
    out.push({ path, label: fieldLabel(path), code: issue.code, message: describeZodIssue(issue) });
  }
  return out;
}

/**
 * How many forms the runtime parser validates in a process before the model's schema is compiled (`z.compile`, zod's
 * own compiler: one generated function checks a whole form). Inside the .docx import, where reading the file has
 * pushed the ~150 schema objects the runtime parser walks out of the CPU's caches, validating costs 0.13–0.20 ms of
 * CPU a form warm with the runtime parser against 0.06 compiled, and 0.76–0.93 against 0.44–0.50 over the first
 * 1,000 forms of a process; compiling costs 41–57 ms of CPU once after the import has run (56–95 in a fresh process),
 * about what the runtime parser spends on its first 10–20 forms (42 ms for 10, 55–72 for 20). So a batch compiles
 * after that, and one form never does (bench/RESULTS.md, "Seventeenth shift").
 */
const COMPILE_AFTER = 16;
let runtimeValidations = 0;
let compiled: typeof EvaluationSchema | undefined;

/**
 * The schema that validates: the runtime parser, then the compiled one. Both are zod's and decide alike: the compiled
 * function only ever passes a form (building the same output); a form it does not pass goes to the runtime parser
 * (zod's fallback), so what is refused, and every issue, is the runtime parser's. Where zod is told to generate no
 * code (`z.config({ jitless: true })`, as the workbench's worker is: its page forbids eval, and the attempt alone
 * would be logged as a violation), the runtime parser stays; where compiling fails, `z.compile` hands back the schema.
 */
// Exported for the tests (which schema is in force), not from the package.
export function evaluationSchema(): typeof EvaluationSchema {
  if (compiled !== undefined) return compiled;
  if (++runtimeValidations <= COMPILE_AFTER || z.config().jitless === true) return EvaluationSchema;
  return (compiled = compileSchema(EvaluationSchema));
}

/** Validate without throwing. */
export function validateEvaluation(input: unknown): ValidationResult {
  // reportInput: a field of the wrong type is told apart from a missing one (its issue carries the value found).
  const parsed = evaluationSchema().safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: toValidationIssues(parsed.error.issues) };
}

/** Validate and return the evaluation, or throw {@link EvaluationValidationError}. */
export function parseEvaluation(input: unknown): Evaluation {
  const result = validateEvaluation(input);
  if (!result.ok) throw new EvaluationValidationError(result.issues);
  return result.value;
}

/** `income.total（年度收入合计）: 缺少此字段` — one line per issue. */
export function formatValidationIssues(issues: readonly ValidationIssue[], locale: Locale = 'zh-CN'): string {
  return issues
    .map((i) => {
      const where = i.label === undefined ? i.path : locale === 'zh-CN' ? `${i.path}（${i.label}）` : `${i.path} (${i.label})`;
      return `${where}: ${i.message[locale]}`;
    })
    .join('\n');
}
