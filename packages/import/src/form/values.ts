import { parseMoneyText } from '@jixiao/core';

const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width digits, letters and punctuation to their half-width forms (U+FF01–FF5E), ideographic space to space. */
export function toHalfWidth(text: string): string {
  // Most text has nothing to convert: return it as it is without building copies.
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export type Parsed<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false };

/** An amount in 万元 (`267.47`, `74.69万元`, `１２.５`); blank → null; `约300`, `3OO`, `26 4.47` → not ok. */
export function parseAmount(raw: string): Parsed<number> {
  const text = raw.trim().replace(/\s*万元$/, '').trim();
  if (text === '') return { ok: true, value: null };
  // Space inside a figure is not a separator to drop (core's parser drops it): `26 4.47` may be two figures, or a
  // damaged one, never 264.47.
  if (/\s/.test(text)) return { ok: false };
  const value = parseMoneyText(text);
  return value === undefined ? { ok: false } : { ok: true, value };
}

/** A head count (`22`, `２２人`); blank → null. */
export function parseCount(raw: string): Parsed<number> {
  const text = toHalfWidth(raw).trim().replace(/\s*人$/, '').trim();
  if (text === '') return { ok: true, value: null };
  if (!/^\d{1,8}$/.test(text)) return { ok: false };
  const value = Number(text);
  return value <= 10_000_000 ? { ok: true, value } : { ok: false };
}

/** A date (`2020年 1 月17   日`, `2020-01-17`, `2020.1.17`) → `2020-01-17`; blank (or `年 月 日` with no digits) → null. */
export function parseDate(raw: string): Parsed<string> {
  const text = toHalfWidth(raw).trim().replace(/[。.,，;；]+$/, '').trim();
  if (!/\d/.test(text)) return /^[\s年月日]*$/.test(text) ? { ok: true, value: null } : { ok: false };
  const m = /^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m === null) return { ok: false };
  const iso = `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return { ok: false };
  return { ok: true, value: iso };
}

/** A fiscal year 1949–2200. */
export function parseYear(raw: string): number | undefined {
  const n = Number(toHalfWidth(raw));
  return Number.isInteger(n) && n >= 1949 && n <= 2200 ? n : undefined;
}
