import type { DataRef, DataFormat } from '../pack/schema.js';
import { CORE_MESSAGES } from '../i18n/messages.js';
import type { Locale } from '../i18n/locale.js';
import { fieldLabel } from '../model/labels.js';
import { formatMoney, isMoney } from '../model/money.js';
import { formatPercent } from '../indicators/ratio.js';
import { resolvePath } from './operators.js';
import { scaleValue } from '../pack/scale.js';

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

/** Show one value in a locale. */
export function formatValue(v: MessageValue, locale: Locale): string {
  const m = CORE_MESSAGES[locale];
  const { value } = v;
  if (isBlank(value)) return m.blank;
  switch (v.format) {
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
        const label = fieldLabel(path, locale);
        return label === undefined ? path : locale === 'zh-CN' ? `${label}（${path}）` : `${label} (${path})`;
      }).join(m.listSeparator);
    }
    case 'list':
      return Array.isArray(value) ? (value.length === 0 ? m.none : value.map(String).join(m.listSeparator)) : show(value);
    default:
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
export function renderTemplate(template: string, data: Readonly<Record<string, MessageValue>>, locale: Locale): string {
  const parts = parseTemplate(template);
  if (parts.length === 1) return template;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 0) out += part;
    else {
      const v = Object.hasOwn(data, part) ? data[part] : undefined;
      out += v === undefined ? `{${part}}` : formatValue(v, locale);
    }
  }
  return out;
}

/** Raw values for the finding's `data` (JSON-friendly). */
export function rawData(data: Readonly<Record<string, MessageValue>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v.value === undefined ? null : v.value;
  return out;
}
