import { formatMoney, fromCents, parseMoneyText, toCents } from '@jixiao/core';

const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width digits, letters and punctuation to their half-width forms (U+FF01–FF5E), ideographic space to space. */
export function toHalfWidth(text: string): string {
  // Most text has nothing to convert: return it as it is without building copies.
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export type Parsed<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false };

/**
 * `text` without the punctuation after it (any of `marks`) and the spaces around that punctuation (`92.5分 。`,
 * `264.47万元 ；`). A scan from the end: a pattern like `/[\s。]+$/` retries from every start of a long run inside the
 * text (50,000 spaces in a cell took seconds).
 */
function withoutTrailing(text: string, marks: string): string {
  let end = text.length;
  while (end > 0) {
    const ch = text.charAt(end - 1);
    if (!marks.includes(ch) && ch.trim() !== '') break;
    end--;
  }
  return text.slice(0, end);
}

/** 万元 at the end of an amount, with one full stop after it at most: a figure in 万元 (never in 元). */
const IN_WAN_YUAN = /\s*万元[。.]?$/;

/** An amount in 万元 (`267.47`, `74.69万元`, `１２.５`); blank → null; `约300`, `3OO`, `26 4.47` → not ok. */
export function parseAmount(raw: string): Parsed<number> {
  const text = raw.trim().replace(IN_WAN_YUAN, '').trim();
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
  const text = withoutTrailing(toHalfWidth(raw), '。.,，;；').trim();
  if (!/\d/.test(text)) return /^[\s年月日]*$/.test(text) ? { ok: true, value: null } : { ok: false };
  const m = /^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m === null) return { ok: false };
  const iso = `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return { ok: false };
  return { ok: true, value: iso };
}

/** A fiscal year 1949–2200, four digits (`2020`, `２０２０`); not `2e3`, `0x7E4`, `+2020` or `2020.0`, which `Number` reads. */
export function parseYear(raw: string): number | undefined {
  const text = toHalfWidth(raw).trim();
  if (!/^\d{4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1949 && n <= 2200 ? n : undefined;
}

/** A score out of 100 (`92`, `92.5分`, `９２`); blank → null. */
export function parseScore(raw: string): Parsed<number> {
  const text = withoutTrailing(toHalfWidth(raw), '。.,，;；').replace(/\s*分$/, '').trim();
  if (text === '') return { ok: true, value: null };
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(text)) return { ok: false };
  const value = Number(text);
  return value <= 100 ? { ok: true, value } : { ok: false };
}

/**
 * A percentage as written, in percent (`76%`, `76.45％`, `100.00%`, or a bare `76` in a column of percentages) →
 * 76, 76.45, 100; at most two decimals (whole basis points), at most 100,000 %; blank → null.
 */
export function parsePercent(raw: string): Parsed<number> {
  const written = withoutTrailing(toHalfWidth(raw), '。,，;；');
  // The % off the end (the spaces before it go with the trim): `/\s*%$/` retried from every space of a long run.
  const text = (written.endsWith('%') ? written.slice(0, -1) : written).trim();
  if (text === '') return { ok: true, value: null };
  if (!/^\d{1,6}(?:\.\d{1,2})?$/.test(text)) return { ok: false };
  const value = Number(text);
  return value <= 100_000 ? { ok: true, value } : { ok: false };
}

/** A grade 优/良/中/差 (`优`, `等级为“良”`, `优秀` → 优); blank → null. */
export function parseGrade(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  const m = /^[“"「『‘]?\s*([优良中差])/.exec(text) ?? /等[级次]\s*(?:为|是)?\s*[:：]?\s*[“"「『'‘]?\s*([优良中差])/.exec(text);
  return m?.[1] === undefined ? { ok: false } : { ok: true, value: m[1] };
}

/** What {@link parseValue} read, with a note when it converted the figure. */
export type ParsedValue = { readonly ok: true; readonly value: unknown; readonly note?: { readonly zh: string; readonly en: string } } | { readonly ok: false };

/**
 * A value of a template field's type. Amounts are in 万元; one written in 元 (the field's unit is 元, or the
 * figure ends in 元 but not 万元) is converted to 万元, rounded to the cent of 万元 where needed, with a note.
 */
export function parseValue(type: 'count' | 'money' | 'date' | 'year' | 'score' | 'grade' | 'percent', raw: string, unit?: '万元' | '元'): ParsedValue {
  switch (type) {
    case 'money': {
      // The punctuation after the figure goes, with the spaces around it: what is left ends in its unit, if any.
      const text = withoutTrailing(raw, '。；;，,').trim();
      // Ending in 万元 as parseAmount takes it off (`74.69万元.` too): in 万元, whatever the field's unit.
      const inYuan = !IN_WAN_YUAN.test(text) && (unit === '元' || /\d\s*元$/.test(text));
      if (!inYuan) return parseAmount(text);
      const yuan = parseAmount(text.replace(/\s*元$/, ''));
      if (!yuan.ok || yuan.value === null) return yuan;
      const cents = toCents(yuan.value);
      const hundredths = Math.round(cents / 10_000);
      const value = fromCents(hundredths);
      const exact = hundredths * 10_000 === cents;
      return {
        ok: true,
        value,
        note: {
          zh: `金额“${raw.trim()}”以元填写，已换算为 ${formatMoney(value)} 万元${exact ? '' : '（四舍五入到 0.01 万元）'}`,
          en: `the amount "${raw.trim()}" is in 元; converted to ${formatMoney(value)} 万元${exact ? '' : ' (rounded to 0.01 万元)'}`,
        },
      };
    }
    case 'count':
      return parseCount(withoutTrailing(raw, '。；;，,').replace(/\s*[名个]$/, ''));
    case 'date':
      return parseDate(raw);
    case 'year': {
      const text = toHalfWidth(raw).trim().replace(/\s*年度?$/, '');
      if (text === '') return { ok: true, value: null };
      const year = parseYear(text);
      return year === undefined ? { ok: false } : { ok: true, value: year };
    }
    case 'score':
      return parseScore(raw);
    case 'grade':
      return parseGrade(raw);
    case 'percent':
      return parsePercent(raw);
  }
}
