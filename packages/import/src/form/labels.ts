import type { TemplateValueType } from '@jixiao/core';

/**
 * How a template's labels are matched: with optional whitespace between their characters (Word extraction and
 * web pages break and pad labels: `预 算 编 码`), either kind of bracket, and with or without quotes. The labels
 * themselves live in the templates (`@jixiao/templates`).
 */

/** Build a regex source that matches `label` with optional spaces between characters and bracket/quote variants. */
export function labelPattern(label: string): string {
  return Array.from(label)
    .map((ch) => {
      if (ch === '（' || ch === '(') return '[（(]';
      if (ch === '）' || ch === ')') return '[）)]';
      if ('“”"‘’\'「」'.includes(ch)) return '[“”"‘’\'「」]?';
      if (ch === '、') return '[、,，]?';
      if (ch === '：' || ch === ':') return '[:：]';
      return ch.replace(/[.*+?^${}|[\]\\]/g, '\\$&');
    })
    .join('[ \\t\\u3000]*');
}

/** Option words of a yes/no question: 是/有 = yes, 否/无 = no (有无截留 … : 有 = yes). */
export const YES_NO_WORDS: readonly { readonly word: string; readonly value: 'yes' | 'no' }[] = [
  { word: '是', value: 'yes' },
  { word: '否', value: 'no' },
  { word: '有', value: 'yes' },
  { word: '无', value: 'no' },
];

/** What a field's value is read as (the template's value types). */
export type ValueType = TemplateValueType;
