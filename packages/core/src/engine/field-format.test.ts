// How a form field's value reaches a reader (issue 15): the display format of every field comes from the zod model
// (one source of truth), so every enum and yes/no field of the model is shown by its names, in both locales, with no
// list of paths to keep up to date. The expected words are written by hand from labels.ts's tables and the form.
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { ANSWERS } from '../model/answer.js';
import { EvaluationSchema } from '../model/evaluation.js';
import { ENUM_LABEL_TABLES } from '../model/labels.js';
import { fieldFormat, fieldValueText } from './messages.js';

describe('fieldFormat: read off the model', () => {
  it.each<[string, ReturnType<typeof fieldFormat>]>([
    ['threePublic.declined', 'answer'],
    ['disclosure.published', 'answer'],
    ['disclosure.channels', 'enum'],
    ['selfRating.grade', 'enum'],
    ['selfAssessment.indicators.0.nature', 'enum'],
    ['selfAssessment.indicators.12.nature', 'enum'],
    ['unit.classified', 'boolean'],
    ['selfAssessment.indicators.3.core', 'boolean'],
    ['income.total', undefined],
    ['unit.name', undefined],
    ['selfAssessment.indicators.3.score', undefined],
    ['no.such.path', undefined],
  ])('%s → %s', (path, format) => {
    expect(fieldFormat(path)).toBe(format);
  });

  it.each<[string, unknown, string, string]>([
    // 指标性质 had no display name: a reader saw "quantitative" in a Chinese report.
    ['selfAssessment.indicators.0.nature', 'quantitative', '定量', 'quantitative'],
    ['selfAssessment.indicators.7.nature', 'qualitative', '定性', 'qualitative'],
    ['disclosure.channels', ['portal', 'other'], '门户网站、其它', 'portal website, other'],
    ['disclosure.channels', [], '无', 'none'],
    ['selfRating.grade', '良', '良', '良 (good)'],
    ['unit.classified', false, '否', 'no'],
    ['selfAssessment.indicators.1.core', true, '是', 'yes'],
    ['threePublic.declined', 'conflicting', '多选冲突', 'conflicting'],
    ['selfAssessment.indicators.0.nature', null, '（空）', '(blank)'],
    // A value outside the enum (a hand-written JSON form) is shown as it is, never dropped.
    ['selfAssessment.indicators.0.nature', 'mixed', 'mixed', 'mixed'],
  ])('%s = %j reads %s / %s', (path, value, zh, en) => {
    expect(fieldValueText(path, value, 'zh-CN')).toBe(zh);
    expect(fieldValueText(path, value, 'en')).toBe(en);
  });
});

type JsonNode = Record<string, unknown>;

/** Every leaf of the model's JSON Schema (a route independent of the zod walk messages.ts makes), rows of lists as `0`. */
function leaves(node: JsonNode, path: string, out: [string, JsonNode][]): [string, JsonNode][] {
  const anyOf = node.anyOf as JsonNode[] | undefined;
  const n = anyOf?.find((p) => p.type !== 'null') ?? node;
  const items = n.items as JsonNode | undefined;
  if (n.type === 'object' && n.properties !== undefined) {
    for (const [key, child] of Object.entries(n.properties as Record<string, JsonNode>)) leaves(child, path === '' ? key : `${path}.${key}`, out);
  } else if (n.type === 'array' && items?.type === 'object') leaves(items, `${path}.0`, out);
  else out.push([path, n]);
  return out;
}

const MODEL_LEAVES = leaves(z.toJSONSchema(EvaluationSchema, { io: 'input', unrepresentable: 'any' }) as JsonNode, '', []).filter(([path]) => path !== 'modelVersion' && !path.startsWith('answerResolution'));

describe('every enum and yes/no field of the model has its display', () => {
  const enums = MODEL_LEAVES.flatMap(([path, n]) => {
    const values = (n.enum ?? (n.items as JsonNode | undefined)?.enum) as string[] | undefined;
    return values === undefined || ANSWERS.every((a) => values.includes(a)) ? [] : [[path, values] as const];
  });

  it('finds the enums the model has today (channels, grade, nature)', () => {
    expect(enums.map(([path]) => path).sort()).toEqual(['disclosure.channels', 'selfAssessment.indicators.0.nature', 'selfRating.grade']);
  });

  it.each(enums)('%s: each value by a name in both locales', (path, values) => {
    for (const v of values) {
      const zh = fieldValueText(path, v, 'zh-CN');
      // Named in Chinese, not left as the stored code (a grade is its own word); the English name may be the code's word.
      expect(fieldFormat(path), path).toBe('enum');
      expect(fieldValueText(path, v, 'en')).not.toBe('');
      if (!/^[优良中差]$/.test(v)) expect(zh, `${path} = ${v} (zh-CN)`).not.toBe(v);
      expect(zh).not.toMatch(/[a-z]/);
    }
  });

  it.each(MODEL_LEAVES.filter(([, n]) => n.type === 'boolean'))('%s: a yes/no flag reads 是/否', (path) => {
    expect(fieldValueText(path, true, 'zh-CN')).toBe('是');
    expect(fieldValueText(path, false, 'en')).toBe('no');
  });

  it('answerResolution.how (explicit/inferred) has names too, and no value is named by two tables', () => {
    const how = EvaluationSchema.shape.answerResolution.unwrap().valueType.shape.how.options;
    const named = new Map<string, number>();
    for (const table of ENUM_LABEL_TABLES) for (const key of Object.keys(table)) named.set(key, (named.get(key) ?? 0) + 1);
    for (const v of how) expect(named.get(v), v).toBe(1);
    expect([...named.values()].every((n) => n === 1)).toBe(true);
  });
});
