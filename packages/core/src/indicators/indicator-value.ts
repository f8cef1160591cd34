/**
 * An indicator's target or actual as written on a 自评表 (`≥95%`, `2200篇`, `≤30万元`, `按时完成`), read exactly:
 * a comparator, a decimal number (digits and scale, never a float) and a unit. Text that holds no single number
 * (`高`, `按时完成`, `2018-2022`) is qualitative: only equal texts can be compared.
 */

/** How a target is meant: at least (`≥`), at most (`≤`), exactly (`=`), strictly above or below. */
export type Comparator = '>=' | '<=' | '=' | '>' | '<';

/** A decimal read from text: `digits / 10^scale`, exact. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

export interface IndicatorValue {
  /** The comparator written before the number (null: none written). */
  readonly comparator: Comparator | null;
  readonly value: Decimal;
  /** What follows the number (`%`, `篇`, `万元`), normalised; '' when nothing does. */
  readonly unit: string;
}

/** Words and signs for a comparator, longest first (a prefix or a suffix of the number). */
const PREFIXES: readonly [string, Comparator][] = [
  ['大于等于', '>='],
  ['大于或等于', '>='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['达到', '>='],
  ['小于等于', '<='],
  ['小于或等于', '<='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['控制在', '<='],
  ['>=', '>='],
  ['<=', '<='],
  ['≥', '>='],
  ['≧', '>='],
  ['≤', '<='],
  ['≦', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['等于', '='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];
const SUFFIXES: readonly [string, Comparator][] = [
  ['及以上', '>='],
  ['及以下', '<='],
  ['以上', '>='],
  ['以内', '<='],
  ['以下', '<='],
];

const NUMBER = /^(\d+)(?:\.(\d+))?/;
const MAX_DIGITS = 30;

function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．]/g, '.')
    .replace(/[％]/g, '%')
    .replace(/[＝]/g, '=')
    .replace(/[＞]/g, '>')
    .replace(/[＜]/g, '<')
    .replace(/(\d)[,，](?=\d{3}(?:\D|$))/g, '$1')
    .replace(/\s+/g, '');
}

/** Read a target or actual; undefined when the text is not one number with an optional comparator and unit. */
export function parseIndicatorValue(text: string | null | undefined): IndicatorValue | undefined {
  if (text === null || text === undefined) return undefined;
  let rest = normalise(text);
  let comparator: Comparator | null = null;
  for (const [word, c] of PREFIXES) {
    if (rest.startsWith(word)) {
      comparator = c;
      rest = rest.slice(word.length);
      break;
    }
  }
  const m = NUMBER.exec(rest);
  if (m === null) return undefined;
  const whole = m[1] ?? '';
  const fraction = m[2] ?? '';
  if (whole.length + fraction.length > MAX_DIGITS) return undefined;
  let unit = rest.slice(m[0].length);
  for (const [word, c] of SUFFIXES) {
    if (unit.endsWith(word)) {
      if (comparator !== null && comparator !== c) return undefined;
      comparator = c;
      unit = unit.slice(0, -word.length);
      break;
    }
  }
  // A second number (`2018-2022`, `3个月10天`) or a sign left over: not a single value.
  if (/\d/.test(unit) || /^[-+.]/.test(unit)) return undefined;
  return { comparator, value: { digits: BigInt(`${whole}${fraction}`), scale: fraction.length }, unit };
}

/** Compare two exact decimals: negative, zero or positive. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.digits * 10n ** BigInt(scale - a.scale);
  const y = b.digits * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `round(points × numerator / denominator)` in hundredths, half away from zero (points in hundredths). */
export function scaleHundredths(points: number, numerator: Decimal, denominator: Decimal): number | undefined {
  if (denominator.digits === 0n) return undefined;
  // points × (n / 10^sn) / (d / 10^sd) = points × n × 10^sd / (d × 10^sn)
  const n = BigInt(points) * numerator.digits * 10n ** BigInt(denominator.scale);
  const d = denominator.digits * 10n ** BigInt(numerator.scale);
  const negative = n < 0n;
  const absN = negative ? -n : n;
  let q = absN / d;
  if ((absN % d) * 2n >= d) q += 1n;
  return Number(negative ? -q : q);
}

/**
 * Indicators of a 部门整体 self-evaluation whose target is a ceiling even when the form writes no `≤` (重庆式
 * forms write `100%` for 财政供养人员控制率, `3%` for 预算调整率): control, adjustment, carry-over, change and
 * complaint or error rates.
 */
const CEILING_NAMES = /控制率|调整率|结转结余率|结余率|变动率|超支率|投诉率|差错率|事故率/;

/** Is lower better for this target? `≤`/`<` say so; a plain number under a 成本 (cost) heading, or named as a ceiling rate, too. */
export function lowerIsBetter(target: IndicatorValue, level2: string | null | undefined, name?: string | null): boolean {
  if (target.comparator === '<=' || target.comparator === '<') return true;
  if (target.comparator === null) return level2?.includes('成本') === true || CEILING_NAMES.test(name ?? '');
  return false;
}

/** Unit of a value, falling back to the row's 度量单位 when the cell has none. */
function unitOf(v: IndicatorValue, rowUnit: string | null | undefined): string {
  return v.unit !== '' ? v.unit : normalise(rowUnit ?? '');
}

export type Attainment =
  /** The actual meets the target. */
  | { readonly kind: 'met' }
  /** The actual falls short of the target (for `=`: differs from it; `lowerIsBetter` then says it is above). */
  | { readonly kind: 'short'; readonly lowerIsBetter: boolean; readonly target: Decimal; readonly actual: Decimal }
  /** Cannot be told from the text (qualitative and different, units differ, blank). */
  | { readonly kind: 'unknown' };

/**
 * Does `actualText` meet `targetText`? Numbers are compared exactly when both are numbers in the same unit;
 * a target of `=` is missed by any other value; texts that are equal meet (qualitative `高` / `高`).
 */
export function attainment(targetText: string | null | undefined, actualText: string | null | undefined, rowUnit?: string | null, level2?: string | null, name?: string | null): Attainment {
  if (targetText === null || targetText === undefined || actualText === null || actualText === undefined) return { kind: 'unknown' };
  const t = normalise(targetText);
  const a = normalise(actualText);
  if (t === '' || a === '') return { kind: 'unknown' };
  const target = parseIndicatorValue(t);
  const actual = parseIndicatorValue(a);
  if (target === undefined || actual === undefined) return t === a ? { kind: 'met' } : { kind: 'unknown' };
  if (unitOf(target, rowUnit) !== unitOf(actual, rowUnit)) return { kind: 'unknown' };
  const c = compareDecimal(actual.value, target.value);
  let lower = lowerIsBetter(target, level2, name);
  let met: boolean;
  switch (target.comparator) {
    case '=':
      met = c === 0;
      lower = c > 0;
      break;
    case '>':
      met = c > 0;
      break;
    case '<':
      met = c < 0;
      break;
    default:
      met = lower ? c <= 0 : c >= 0;
  }
  return met ? { kind: 'met' } : { kind: 'short', lowerIsBetter: lower, target: target.value, actual: actual.value };
}
