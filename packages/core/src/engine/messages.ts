import type { DataRef, DataFormat } from '../pack/schema.js';
import { CORE_MESSAGES } from '../i18n/messages.js';
import type { Locale } from '../i18n/locale.js';
import type { ZodType } from 'zod';
import { ANSWERS } from '../model/answer.js';
import { EvaluationSchema } from '../model/evaluation.js';
import { DISCLOSURE_CHANNEL_LABELS, enumValueLabel, fieldLabel, gradeText } from '../model/labels.js';
import { formatMoney, isMoney } from '../model/money.js';
import { formatPercent } from '../indicators/ratio.js';
import type { FactReads, FactValues } from './compiled.js';
import { resolvePath } from './operators.js';
import { compileScale, scaleValue } from '../pack/scale.js';

/** A rule's title in a locale, by its id (undefined for a rule the checker does not know): format `rules`. */
export type RuleTitles = (ruleId: string, locale: Locale) => string | undefined;

/** A value in a message, with how to show it. */
export interface MessageValue {
  readonly value: unknown;
  readonly format?: DataFormat;
}

/** Read `fact.path.to.value` from the facts of one evaluation. */
export function readRef(facts: Readonly<Record<string, unknown>>, ref: string): unknown {
  return resolvePath(facts, ref);
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * What a message shows in place of a change rate whose prior value is 0 (DataRef `zeroBase`): set in the values
 * given to a compiled template by {@link DataProgram.markZeroBase}, after the finding's data took the null.
 */
export const ZERO_BASE: unique symbol = Symbol('zero base');

/** `String(v)` for a value of any type (numbers, booleans and text as written; anything else as JS shows it). */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'undefined') return String(v);
  if (typeof v === 'function') return '[function]';
  // Arrays join their items as String() does; other objects show as JSON (never "[object Object]").
  return Array.isArray(v) ? v.map(show).join(',') : v === null ? 'null' : JSON.stringify(v);
}

/** Resolve a rule's message data against the facts (raw values plus their formats). */
export function resolveData(
  data: Readonly<Record<string, DataRef>> | undefined,
  facts: Readonly<Record<string, unknown>>,
): Record<string, MessageValue> {
  const out: Record<string, MessageValue> = {};
  if (data === undefined) return out;
  for (const [key, ref] of Object.entries(data)) {
    if ('blankAmong' in ref) out[key] = { value: ref.blankAmong.filter((r) => isBlank(readRef(facts, r))), format: 'fields' };
    else if ('scale' in ref) out[key] = { value: scaleValue(readRef(facts, ref.scale), ref.points), ...(ref.format === undefined ? {} : { format: ref.format }) };
    else out[key] = ref.format === undefined ? { value: readRef(facts, ref.ref) } : { value: readRef(facts, ref.ref), format: ref.format };
  }
  return out;
}

/** A rule's message data compiled once: keys, their formats, and one reader per entry (paths split in advance). */
export interface DataProgram {
  readonly keys: readonly string[];
  readonly formats: readonly (DataFormat | undefined)[];
  /**
   * The raw values, in `keys` order: what `resolveData(data, facts)` holds, from the facts read into the
   * slots of the {@link FactReads} the data was compiled with.
   */
  readonly read: (facts: FactValues) => unknown[];
  /**
   * In `values` (from {@link read}), each rate with a `zeroBase` that is blank while its base is 0 replaced by
   * {@link ZERO_BASE}, for the message; does nothing for a rule without `zeroBase`.
   */
  readonly markZeroBase: (values: unknown[], facts: FactValues) => void;
}

/**
 * Compile a rule's `data` (the same values as {@link resolveData}, as parallel arrays). Each path is a slot
 * of `reads` ({@link FactReads.path}: the walk of {@link readRef}).
 */
export function compileData(data: Readonly<Record<string, DataRef>> | undefined, reads: FactReads): DataProgram {
  const entries = Object.entries(data ?? {});
  const keys = entries.map(([key]) => key);
  const formats = entries.map(([, ref]): DataFormat | undefined => ('blankAmong' in ref ? 'fields' : ref.format));
  const readers = entries.map(([, ref]): ((facts: FactValues) => unknown) => {
    if ('blankAmong' in ref) {
      const among = ref.blankAmong.map((r) => [r, reads.path(r)] as const);
      return (facts) => {
        const blanks: string[] = [];
        for (const [r, slot] of among) if (isBlank(facts[slot])) blanks.push(r);
        return blanks;
      };
    }
    if ('scale' in ref) {
      const slot = reads.path(ref.scale);
      const scale = compileScale(ref.points);
      return (facts) => scale(facts[slot]);
    }
    const slot = reads.path(ref.ref);
    return (facts) => facts[slot];
  });
  const zeroBases = entries.flatMap(([, ref], i) => ('ref' in ref && ref.zeroBase !== undefined ? [[i, reads.path(ref.zeroBase)] as const] : []));
  return {
    keys,
    formats,
    markZeroBase: (values, facts) => {
      for (const [i, slot] of zeroBases) if (isBlank(values[i]) && facts[slot] === 0) values[i] = ZERO_BASE;
    },
    read: (facts) => {
      const values = new Array<unknown>(readers.length);
      for (let i = 0; i < readers.length; i++) values[i] = readers[i]?.(facts);
      return values;
    },
  };
}

/** Show one value in a locale. */
export function formatValue(v: MessageValue, locale: Locale): string {
  return formatRaw(v.value, v.format, locale);
}

/**
 * How a value is shown: a rule's {@link DataFormat}s, `boolean` (是/否) for the model's yes/no flags, and `enum` for a
 * value (or list of values) of one of the model's other enums, named by its display name ({@link enumValueLabel}).
 */
export type ValueFormat = DataFormat | 'boolean' | 'enum';

/** A zod schema's definition, as far as the walk below reads it. */
interface SchemaDef {
  readonly type: string;
  readonly innerType?: ZodType;
  readonly in?: ZodType;
  readonly shape?: Readonly<Record<string, ZodType>>;
  readonly element?: ZodType;
  readonly entries?: Readonly<Record<string, unknown>>;
}

const defOf = (schema: ZodType): SchemaDef => schema._zod.def;
const WRAPPERS: ReadonlySet<string> = new Set(['optional', 'nullable', 'default', 'readonly', 'pipe']);

/** The format of a leaf of the model: answers, other enums (or lists of them), yes/no flags; undefined for any other. */
function leafFormat(def: SchemaDef): ValueFormat | undefined {
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'array' && def.element !== undefined) return leafFormat(defOf(def.element));
  if (def.type !== 'enum' || def.entries === undefined) return undefined;
  const values = Object.values(def.entries);
  return values.length === ANSWERS.length && ANSWERS.every((a) => values.includes(a)) ? 'answer' : 'enum';
}

/** Walk the model, recording each leaf's format under its path (rows of a list as `*`: `selfAssessment.indicators.*.core`). */
function addFieldFormats(out: Map<string, ValueFormat>, schema: ZodType, path: string): void {
  let def = defOf(schema);
  // Past the wrappers (`.nullable()`, `.optional()`, a refinement's pipe) to the type itself.
  for (let inner = def.innerType ?? def.in; inner !== undefined && WRAPPERS.has(def.type); inner = def.innerType ?? def.in) def = defOf(inner);
  if (def.type === 'object' && def.shape !== undefined) {
    for (const [key, child] of Object.entries(def.shape)) addFieldFormats(out, child, path === '' ? key : `${path}.${key}`);
  } else if (def.type === 'array' && def.element !== undefined && defOf(def.element).type === 'object') {
    addFieldFormats(out, def.element, `${path}.*`);
  } else {
    const format = leafFormat(def);
    if (format !== undefined) out.set(path, format);
  }
}

/**
 * The display format of every field of the model that has one, read off the zod model once, at load: the one source
 * of the model's types, so that a new enum or yes/no field is shown by its names without a change here.
 */
const FIELD_FORMATS: ReadonlyMap<string, ValueFormat> = (() => {
  const out = new Map<string, ValueFormat>();
  addFieldFormats(out, EvaluationSchema, '');
  return out;
})();

const ROW_INDEX = /\.\d+(?=\.|$)/g;

/**
 * How a form field's value is shown to a reader: the checklist answers as 是/否/未作答…, the other enums by their
 * display names (公开方式 as 门户网站…, the 自评等级, 定量/定性), the yes/no flags as 是/否, any other as it is.
 */
export function fieldFormat(path: string): ValueFormat | undefined {
  return FIELD_FORMATS.get(path.replace(ROW_INDEX, '.*'));
}

/** A form field's value as a reader sees it, in the locale ({@link fieldFormat}; blanks as （空）). */
export function fieldValueText(path: string, value: unknown, locale: Locale): string {
  return formatRaw(value, fieldFormat(path), locale);
}

const PREVIOUS_FORM = 'history.previous.';

/**
 * A field of the previous year's form (a history rule's `history.previous.expenditure.vehicleCost`) by its label, in
 * the reader's words: 上年表的公务用车购置运行费 / official-vehicle costs in the previous year's form.
 */
function previousFormLabel(path: string, locale: Locale): string | undefined {
  if (!path.startsWith(PREVIOUS_FORM)) return undefined;
  const label = fieldLabel(path.slice(PREVIOUS_FORM.length), locale);
  if (label === undefined) return undefined;
  return locale === 'zh-CN' ? `上年表的${label}` : `${label} in the previous year's form`;
}

/** One enum value by its display name in the locale, an unknown one as it is. */
function named(value: unknown, names: Readonly<Record<string, Readonly<Record<Locale, string>>>>, locale: Locale): string {
  return typeof value === 'string' && Object.hasOwn(names, value) ? (names[value]?.[locale] ?? value) : show(value);
}

/**
 * {@link formatValue} on a value and its format (no wrapper object: used on the hot path). `ruleTitles` names the
 * rules of a `rules` value; without it (or for a rule it does not know) a rule is shown by its id.
 */
export function formatRaw(value: unknown, format: ValueFormat | undefined, locale: Locale, ruleTitles?: RuleTitles): string {
  const m = CORE_MESSAGES[locale];
  if (value === ZERO_BASE) return m.zeroBase;
  if (isBlank(value)) return m.blank;
  switch (format) {
    case 'rules': {
      const list: readonly unknown[] = Array.isArray(value) ? value : [value];
      return list.length === 0 ? m.none : list.map((id) => (typeof id === 'string' ? (ruleTitles?.(id, locale) ?? id) : show(id))).join(m.ruleSeparator);
    }
    case 'money':
      return typeof value === 'number' && isMoney(Math.abs(value)) ? formatMoney(value) : show(value);
    case 'percent':
      return typeof value === 'number' ? formatPercent(value) : show(value);
    case 'answer':
      return typeof value === 'string' && Object.hasOwn(m.answers, value) ? m.answers[value as keyof typeof m.answers] : show(value);
    case 'fields': {
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) return m.none;
      return list.map((p) => {
        const path = String(p);
        // A reader reads the form's own words, in either locale; the model path is for developers (the finding's
        // `data` keeps it, and `--verbose` reports name it beside each observed value).
        return fieldLabel(path, locale) ?? previousFormLabel(path, locale) ?? path;
      }).join(m.listSeparator);
    }
    case 'list':
      return Array.isArray(value) ? (value.length === 0 ? m.none : value.map(String).join(m.listSeparator)) : show(value);
    case 'channels': {
      const list: readonly unknown[] = Array.isArray(value) ? value : [value];
      return list.length === 0 ? m.none : list.map((c) => named(c, DISCLOSURE_CHANNEL_LABELS, locale)).join(m.listSeparator);
    }
    case 'grade':
      return typeof value === 'string' ? gradeText(value, locale) : show(value);
    case 'boolean':
      return typeof value === 'boolean' ? m.answers[value ? 'yes' : 'no'] : show(value);
    case 'enum': {
      const name = (v: unknown) => (typeof v === 'string' ? (enumValueLabel(v, locale) ?? v) : show(v));
      return Array.isArray(value) ? (value.length === 0 ? m.none : value.map(name).join(m.listSeparator)) : name(value);
    }
    default:
      // A list of records (a 自评表's indicator rows) is shown by its length: the rows themselves are in the form.
      if (Array.isArray(value) && value.some((x) => typeof x === 'object' && x !== null)) return locale === 'zh-CN' ? `${String(value.length)} 项` : `${String(value.length)} rows`;
      if (Array.isArray(value)) return value.map(String).join(m.listSeparator);
      if (typeof value === 'object') return JSON.stringify(value);
      return show(value);
  }
}

/** A template split into text and placeholder names (odd indices), cached per template. */
const PARSED_TEMPLATES = new Map<string, readonly string[]>();
const MAX_CACHED_TEMPLATES = 10_000;

function parseTemplate(template: string): readonly string[] {
  let parts = PARSED_TEMPLATES.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (PARSED_TEMPLATES.size < MAX_CACHED_TEMPLATES) PARSED_TEMPLATES.set(template, parts);
  }
  return parts;
}

/** Fill `{name}` placeholders. Unknown placeholders stay visible (a pack test catches them). */
export function renderTemplate(template: string, data: Readonly<Record<string, MessageValue>>, locale: Locale, ruleTitles?: RuleTitles): string {
  const parts = parseTemplate(template);
  if (parts.length === 1) return template;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 0) out += part;
    else {
      const v = Object.hasOwn(data, part) ? data[part] : undefined;
      out += v === undefined ? `{${part}}` : formatRaw(v.value, v.format, locale, ruleTitles);
    }
  }
  return out;
}

/** A template compiled against a fixed list of data keys: renders from an array of raw values. */
export type CompiledTemplate = (values: readonly unknown[], locale: Locale) => string;

/**
 * Compile `template` for data given as parallel arrays (`keys[i]` has format `formats[i]`): the same text as
 * {@link renderTemplate} with the equivalent record, without building one per finding.
 */
export function compileTemplate(template: string, keys: readonly string[], formats: readonly (DataFormat | undefined)[], ruleTitles?: RuleTitles): CompiledTemplate {
  const parts = parseTemplate(template);
  if (parts.length === 1) return () => template;
  const segments = parts.map((part, i) => {
    if (i % 2 === 0) return part;
    const index = keys.lastIndexOf(part);
    return index < 0 ? `{${part}}` : index;
  });
  return (values, locale) => {
    let out = '';
    for (const s of segments) out += typeof s === 'string' ? s : formatRaw(values[s], formats[s], locale, ruleTitles);
    return out;
  };
}

/** Raw values for the finding's `data` (JSON-friendly). */
export function rawData(data: Readonly<Record<string, MessageValue>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v.value === undefined ? null : v.value;
  return out;
}
