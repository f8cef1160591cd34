import { ANSWER_FIELDS, EvaluationSchema, FIELD_LABELS, MODEL_VERSION, isFieldPath, validateEvaluation, type AnswerField, type Evaluation, type SourcePosition } from '@jixiao/core';
import type { ImportDiagnostic, ImportKind, ImportResult } from '../diagnostics.js';
import { manyKeyRecord, type AnswerRead, type FormReading } from './read-form.js';
import { showMarks } from './marks.js';

/** How one answer was read, as the evaluation records it. */
export interface Resolution {
  readonly how: AnswerRead['how'];
  readonly raw: string;
  readonly line: number;
  readonly note?: string;
}

/** The parts of a zod schema the model walk needs (zod 4 keeps them in `def`). */
interface SchemaNode {
  readonly def: { readonly type: string; readonly innerType?: SchemaNode; readonly shape?: Readonly<Record<string, SchemaNode>> };
}

/** A field of the model: a leaf, or an object of fields. */
interface ModelNode {
  readonly key: string;
  readonly path: string;
  readonly optional: boolean;
  readonly children: readonly ModelNode[] | undefined;
  /** Every leaf path below an object. */
  readonly leaves: readonly string[];
}

const ANSWER_SET: ReadonlySet<string> = new Set(ANSWER_FIELDS);
/** Keys of the model that are not form fields: set by toEvaluation itself. */
const NOT_FIELDS = new Set(['$schema', 'modelVersion', 'answerResolution']);

function modelNodes(schema: SchemaNode, prefix: string): ModelNode[] {
  const shape = schema.def.shape ?? {};
  return Object.entries(shape)
    .filter(([key]) => prefix !== '' || !NOT_FIELDS.has(key))
    .map(([key, node]) => {
      let inner = node;
      let optional = false;
      while (inner.def.innerType !== undefined && (inner.def.type === 'optional' || inner.def.type === 'nullable' || inner.def.type === 'default')) {
        if (inner.def.type === 'optional' || inner.def.type === 'default') optional = true;
        inner = inner.def.innerType;
      }
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const children = inner.def.type === 'object' ? modelNodes(inner, path) : undefined;
      return { key, path, optional, children, leaves: children === undefined ? [path] : children.flatMap((c) => c.leaves) };
    });
}

/** The canonical model's fields, walked once from its zod schema (the one source of truth). */
let MODEL: readonly ModelNode[] | undefined;
function model(): readonly ModelNode[] {
  return (MODEL ??= modelNodes(EvaluationSchema, ''));
}

/** The model's fields every evaluation has (not optional, nor inside an optional section), in the model's order. */
export function requiredLeafPaths(): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly ModelNode[]): void => {
    for (const n of nodes) {
      if (n.optional) continue;
      if (n.children === undefined) out.push(n.path);
      else walk(n.children);
    }
  };
  walk(model());
  return out;
}

/**
 * The evaluation as the model lays it out, from the values read: every required field (a blank one null, an
 * unread answer `unanswered`), and an optional field or section only where something was read for it.
 */
export function assemble(reading: FormReading): Record<string, unknown> {
  const v = reading.values;
  const build = (nodes: readonly ModelNode[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const n of nodes) {
      if (n.children !== undefined) {
        if (!n.optional || n.leaves.some((leaf) => v.has(leaf))) out[n.key] = build(n.children);
      } else if (v.has(n.path)) out[n.key] = v.get(n.path);
      else if (!n.optional) out[n.key] = ANSWER_SET.has(n.path) ? 'unanswered' : null;
    }
    return out;
  };
  const answerResolution: Partial<Record<AnswerField, Resolution>> = manyKeyRecord();
  let resolved = false;
  for (const f of ANSWER_FIELDS) {
    const a = reading.answers.get(f);
    if (a === undefined) continue;
    answerResolution[f] = a.note === undefined ? { how: a.how, raw: a.raw, line: a.line } : { how: a.how, raw: a.raw, line: a.line, note: a.note };
    resolved = true;
  }
  return { modelVersion: MODEL_VERSION, ...build(model()), ...(resolved ? { answerResolution } : {}) };
}

/**
 * Assemble the canonical evaluation from what the form reader found; report the template's fields that were
 * not there. The model's own validation (zod) checks the result.
 */
export function toEvaluation(reading: FormReading, kind: ImportKind, expected: readonly string[]): ImportResult {
  const v = reading.values;
  const diagnostics: ImportDiagnostic[] = [...reading.diagnostics];
  for (const path of expected) {
    if (v.has(path)) continue;
    const label = isFieldPath(path) ? FIELD_LABELS[path] : { 'zh-CN': path, en: path };
    diagnostics.push({
      code: 'missing-label',
      severity: 'warning',
      path,
      message: { 'zh-CN': `表中找不到“${label['zh-CN']}”，按空白处理`, en: `the form has no "${label.en}" label; left blank` },
    });
  }
  const checked = validateEvaluation(assemble(reading));
  if (!checked.ok) {
    // Every value was range-checked while reading, so this is a reader bug; still data, never a throw.
    return {
      ok: false,
      kind,
      diagnostics: checked.issues.map((i) => ({ code: 'import-invalid', severity: 'error' as const, path: i.path, message: { 'zh-CN': `导入结果无效：${i.path}：${i.message['zh-CN']}`, en: `imported evaluation is invalid: ${i.path}: ${i.message.en}` } })),
    };
  }
  const evaluation: Evaluation = checked.value;
  const positions = excerptsAsShown(reading.positions);
  const unreadable = unreadableValues(diagnostics, positions);
  return {
    ok: true,
    kind,
    evaluation,
    diagnostics,
    positions,
    ...(reading.provenance.size === 0 ? {} : { provenance: Object.fromEntries(reading.provenance) }),
    ...(unreadable === undefined ? {} : { unreadable }),
  };
}

/**
 * Diagnostics that mean "a value was written but could not be read" (it is blank in the evaluation): among them an
 * indicator table a scoring sheet has but that was not found, whose rows could not be read, or whose last row was cut
 * off (the list is not whole).
 */
const UNREADABLE_VALUE = new Set(['unreadable-date', 'unreadable-figure', 'indicator-table-not-read', 'indicator-rows-not-read', 'indicator-table-cut-short']);

/** Path → the text as written, of every value that was there but could not be read. */
function unreadableValues(diagnostics: readonly ImportDiagnostic[], positions: Record<string, SourcePosition>): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const d of diagnostics) {
    if (d.path === undefined || !UNREADABLE_VALUE.has(d.code)) continue;
    out ??= {};
    out[d.path] = positions[d.path]?.excerpt ?? '';
  }
  return out;
}

/** Positions whose excerpts show checkboxes as Word draws them (☑/□), not as the field codes the text export left. */
function excerptsAsShown(positions: Record<string, SourcePosition>): Record<string, SourcePosition> {
  const out: Record<string, SourcePosition> = {};
  for (const [path, p] of Object.entries(positions)) out[path] = p.excerpt === undefined ? p : { ...p, excerpt: showMarks(p.excerpt) };
  return out;
}
