// How a rule's message shows its values (issue 11, mutation: messages.ts had no tests of its own; the packs' example
// tables reach it only through whole rules). Every expected text below is written by hand from the house style:
// a blank is （空） / (blank), never 0; money in 万元 with two decimals; answers and field names in the reader's words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataFormat, DataRef } from '../pack/schema.js';
import type { Locale } from '../i18n/locale.js';
import { FactReads } from './compiled.js';
import { compileData, compileTemplate, formatRaw, formatValue, rawData, readRef, renderTemplate, resolveData, type MessageValue } from './messages.js';

describe('formatRaw: one value in a message', () => {
  it.each<[string, unknown, DataFormat | undefined, Locale, string]>([
    // A blank is unknown, in every format: never 0, never an empty string.
    ['null money', null, 'money', 'zh-CN', '（空）'],
    ['undefined number', undefined, 'number', 'en', '(blank)'],
    ['empty text', '', 'text', 'zh-CN', '（空）'],
    ['null fields', null, 'fields', 'en', '(blank)'],
    ['zero money is a figure', 0, 'money', 'zh-CN', '0.00'],
    // Money: 万元 with exactly two decimals; a value that is not an amount of hundredths is shown as it is.
    ['money', 267.47, 'money', 'zh-CN', '267.47'],
    ['whole money', 5, 'money', 'en', '5.00'],
    ['one decimal', 0.5, 'money', 'zh-CN', '0.50'],
    ['negative money (a difference)', -12.5, 'money', 'zh-CN', '-12.50'],
    ['float drift is not an amount', 0.1 + 0.2, 'money', 'zh-CN', '0.30000000000000004'],
    ['money written as text', '26 4.47', 'money', 'zh-CN', '26 4.47'],
    ['money as a list', [1, 2], 'money', 'zh-CN', '1,2'],
    ['money as nested lists', [[1, 2], [3]], 'money', 'zh-CN', '1,2,3'],
    ['money as an object', { a: 1 }, 'money', 'en', '{"a":1}'],
    ['money as a list holding null', [null, 1], 'money', 'en', 'null,1'],
    ['money as a function', () => 1, 'money', 'en', '[function]'],
    ['money as a boolean', false, 'money', 'en', 'false'],
    ['money as a bigint', 10n, 'money', 'en', '10'],
    // Not a number a form can give, but never shown as "null" (which reads as a blank) or as nothing.
    ['NaN money', Number.NaN, 'money', 'zh-CN', 'NaN'],
    ['infinite money', -Infinity, 'money', 'zh-CN', '-Infinity'],
    ['money as a list holding undefined', [undefined, 1], 'money', 'en', 'undefined,1'],
    ['money as a symbol', Symbol('x'), 'money', 'en', 'Symbol(x)'],
    // Percent: two decimals and a percent sign.
    ['percent', 95.5, 'percent', 'zh-CN', '95.50%'],
    ['percent, whole', 100, 'percent', 'en', '100.00%'],
    ['percent written as text', '95%', 'percent', 'zh-CN', '95%'],
    // Answers in the reader's words.
    ['yes', 'yes', 'answer', 'zh-CN', '是'],
    ['no', 'no', 'answer', 'zh-CN', '否'],
    ['yes in English', 'yes', 'answer', 'en', 'yes'],
    ['conflicting', 'conflicting', 'answer', 'zh-CN', '多选冲突'],
    ['unanswered', 'unanswered', 'answer', 'zh-CN', '未作答'],
    ['ambiguous', 'ambiguous', 'answer', 'zh-CN', '无法辨认'],
    ['not an answer', 'maybe', 'answer', 'zh-CN', 'maybe'],
    ['a name of the prototype is no answer', 'toString', 'answer', 'zh-CN', 'toString'],
    ['a number as an answer', 1, 'answer', 'zh-CN', '1'],
    ['only text is an answer, not a list of it', ['yes'], 'answer', 'zh-CN', 'yes'],
    // Fields: the form's own words, in either locale (the model path is for developers: the finding's data keeps it).
    ['fields', ['staffing.actual', 'staffing.authorized'], 'fields', 'zh-CN', '实有人数、编制人数'],
    ['fields in English', ['staffing.actual', 'staffing.authorized'], 'fields', 'en', 'actual staff, authorized staff'],
    ['one field as text', 'staffing.actual', 'fields', 'zh-CN', '实有人数'],
    ['no field', [], 'fields', 'zh-CN', '无'],
    ['no field in English', [], 'fields', 'en', 'none'],
    ['a path without a label', ['no.such.path'], 'fields', 'zh-CN', 'no.such.path'],
    ['a path without a label in English', ['no.such.path'], 'fields', 'en', 'no.such.path'],
    // Lists.
    ['list', ['integrity/income-total', 'staffing/within-quota'], 'list', 'zh-CN', 'integrity/income-total、staffing/within-quota'],
    ['list in English', ['a', 'b'], 'list', 'en', 'a, b'],
    ['list of numbers', [1, 2], 'list', 'zh-CN', '1、2'],
    ['empty list', [], 'list', 'zh-CN', '无'],
    ['empty list in English', [], 'list', 'en', 'none'],
    ['list of one as text', 'single', 'list', 'zh-CN', 'single'],
    // No format (and formats shown as written: integer, number, date, text, grade).
    ['rows of a 自评表 by their count', [{ score: 1 }, { score: 2 }], undefined, 'zh-CN', '2 项'],
    ['rows in English', [{ score: 1 }, { score: 2 }], undefined, 'en', '2 rows'],
    ['a list with one record', [1, { a: 1 }], undefined, 'zh-CN', '2 项'],
    ['a list of values', [1, 2], undefined, 'zh-CN', '1、2'],
    ['a list of values in English', [1, 2], undefined, 'en', '1, 2'],
    ['a list holding null is no record', [null, 1], undefined, 'en', 'null, 1'],
    ['an empty list', [], 'number', 'zh-CN', ''],
    ['an object', { a: 1 }, undefined, 'zh-CN', '{"a":1}'],
    ['integer', 42, 'integer', 'zh-CN', '42'],
    ['number', 6.5, 'number', 'en', '6.5'],
    ['date', '2021-01-01', 'date', 'zh-CN', '2021-01-01'],
    ['grade', '优', 'grade', 'zh-CN', '优'],
    ['boolean', true, undefined, 'en', 'true'],
    ['zero is a figure', 0, undefined, 'zh-CN', '0'],
  ])('%s', (_name, value, format, locale, expected) => {
    expect(formatRaw(value, format, locale)).toBe(expected);
    expect(formatValue(format === undefined ? { value } : { value, format }, locale)).toBe(expected);
  });
});

describe('renderTemplate: placeholders filled from the data', () => {
  const data: Record<string, MessageValue> = {
    limit: { value: 10 },
    actual: { value: 267.47, format: 'money' },
    blank: { value: null, format: 'money' },
    missing: { value: undefined },
  };

  it.each<[string, Locale, string]>([
    ['no placeholder', 'zh-CN', 'no placeholder'],
    ['超过 {limit}', 'zh-CN', '超过 10'],
    ['{limit}', 'zh-CN', '10'],
    ['{limit}{actual}', 'zh-CN', '10267.47'],
    ['实有 {actual} 万元，上限 {limit}。', 'zh-CN', '实有 267.47 万元，上限 10。'],
    ['{blank} / {missing}', 'zh-CN', '（空） / （空）'],
    ['{blank}', 'en', '(blank)'],
    // Unknown placeholders stay visible (a pack test catches them), as do braces around no name.
    ['{nope} and {limit}', 'zh-CN', '{nope} and 10'],
    ['{toString}', 'zh-CN', '{toString}'],
    ['{} {not-a-name} {limit', 'zh-CN', '{} {not-a-name} {limit'],
  ])('%s (%s)', (template, locale, expected) => {
    expect(renderTemplate(template, data, locale)).toBe(expected);
  });
});

describe('format `fields`: a field of the previous year\'s form by its label, never its model path', () => {
  it.each<[Locale, string]>([
    ['zh-CN', '公务用车购置运行费、上年表的公务用车购置运行费'],
    ['en', "official vehicle cost, official vehicle cost in the previous year's form"],
  ])('%s', (locale, expected) => {
    const shown = formatRaw(['expenditure.vehicleCost', 'history.previous.expenditure.vehicleCost'], 'fields', locale);
    expect(shown).toBe(expected);
    expect(shown).not.toContain('history.');
  });
});

describe('format `rules`: rule ids shown by their titles (issue 15, lead\'s review: reviewers read titles)', () => {
  const TITLES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
    'revenue/no-diversion': { 'zh-CN': '无截留、坐支、转移非税收入', en: 'No retention, direct spending or diversion of revenue' },
    'integrity/income-total': { 'zh-CN': '年度收入合计等于各项收入之和', en: 'Total income equals the sum of its parts' },
  };
  const titles = (id: string, locale: Locale) => TITLES[id]?.[locale];
  const ids = ['integrity/income-total', 'revenue/no-diversion'];

  it.each<[Locale, unknown, string]>([
    // A title may hold 、 itself: titles are set apart by ；.
    ['zh-CN', ids, '年度收入合计等于各项收入之和；无截留、坐支、转移非税收入'],
    ['en', ids, 'Total income equals the sum of its parts; No retention, direct spending or diversion of revenue'],
    ['zh-CN', [], '无'],
    ['en', [], 'none'],
    // A rule the checker does not know is shown by its id, never dropped.
    ['zh-CN', ['other/unknown', 'revenue/no-diversion'], 'other/unknown；无截留、坐支、转移非税收入'],
    ['zh-CN', null, '（空）'],
  ])('%s %j', (locale, value, expected) => {
    expect(formatRaw(value, 'rules', locale, titles)).toBe(expected);
    expect(compileTemplate('错误级不通过：{errors}', ['errors'], ['rules'], titles)([value], locale)).toBe(`错误级不通过：${expected}`);
    expect(renderTemplate('{errors}', { errors: { value, format: 'rules' } }, locale, titles)).toBe(expected);
  });

  it('without titles, the ids', () => {
    expect(formatRaw(ids, 'rules', 'en')).toBe('integrity/income-total; revenue/no-diversion');
  });
});

describe('compileTemplate: the same text from parallel arrays', () => {
  it.each<[string, string[], (DataFormat | undefined)[], unknown[], string]>([
    ['no placeholder', [], [], [], 'no placeholder'],
    ['超过 {limit}', ['limit'], [undefined], [10], '超过 10'],
    ['{a}|{b}', ['a', 'b'], ['money', 'answer'], [5, 'yes'], '5.00|是'],
    ['{b}{a}', ['a', 'b'], [undefined, undefined], ['x', 'y'], 'yx'],
    ['{a} {nope}', ['a'], [undefined], [null], '（空） {nope}'],
    // A key given twice: the last one counts, as in a record built from the pairs.
    ['{a}', ['a', 'a'], [undefined, 'money'], [1, 2], '2.00'],
  ])('%s', (template, keys, formats, values, expected) => {
    expect(compileTemplate(template, keys, formats)(values, 'zh-CN')).toBe(expected);
  });

  it('renders what renderTemplate renders from the equivalent record', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'limit');
    const piece = fc.oneof(fc.constantFrom('超过 ', '万元', '{', '}', ' ', '{}'), key.map((k) => `{${k}}`));
    const format = fc.constantFrom<DataFormat | undefined>(undefined, 'money', 'percent', 'answer', 'list', 'fields');
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100), fc.constantFrom('yes', 'no', 'text'), fc.array(fc.constantFrom('a', 'staffing.actual'), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(fc.tuple(key, format, value), { maxLength: 4 }), fc.constantFrom<Locale>('zh-CN', 'en'), (pieces, entries, locale) => {
        const template = pieces.join('');
        const record: Record<string, MessageValue> = {};
        for (const [k, f, v] of entries) record[k] = f === undefined ? { value: v } : { value: v, format: f };
        const compiled = compileTemplate(template, entries.map(([k]) => k), entries.map(([, f]) => f));
        expect(compiled(entries.map(([, , v]) => v), locale)).toBe(renderTemplate(template, record, locale));
      }),
    );
  });
});

describe('resolveData and compileData: the values a message shows', () => {
  const facts = { staffing: { actual: null, authorized: 0, note: '' }, indicators: { staffingControlRate: 108 }, budget: { income: 267.47 } };

  it('reads each entry with its format, the blank fields among a list, and a scale', () => {
    const data: Record<string, DataRef> = {
      income: { ref: 'budget.income', format: 'money' },
      actual: { ref: 'staffing.actual' },
      blanks: { blankAmong: ['staffing.actual', 'staffing.authorized', 'staffing.note'] },
      points: { scale: 'indicators.staffingControlRate', points: [[100, 8], [116, 0]] },
      shown: { scale: 'indicators.staffingControlRate', points: [[100, 8], [116, 0]], format: 'number' },
    };
    // 0 is a figure, not a blank; '' and null are blanks. 108 % on [[100, 8], [116, 0]]: 8 − 8 × 8/16 = 4.
    expect(resolveData(data, facts)).toStrictEqual({
      income: { value: 267.47, format: 'money' },
      actual: { value: null },
      blanks: { value: ['staffing.actual', 'staffing.note'], format: 'fields' },
      points: { value: 4 },
      shown: { value: 4, format: 'number' },
    });
    const reads = new FactReads();
    const program = compileData(data, reads);
    expect(program.keys).toEqual(['income', 'actual', 'blanks', 'points', 'shown']);
    expect(program.formats).toEqual(['money', undefined, 'fields', undefined, 'number']);
    expect(program.read(reads.read(facts))).toEqual([267.47, null, ['staffing.actual', 'staffing.note'], 4, 4]);
    expect(renderTemplate('{blanks}为空', resolveData(data, facts), 'zh-CN')).toBe('实有人数、staffing.note为空');
  });

  it('a change rate over a prior value of 0 reads 不适用（上年为 0） in the message; a rate blank for another reason stays （空） (zeroBase)', () => {
    const data: Record<string, DataRef> = {
      overZero: { ref: 'rates.a', format: 'percent', zeroBase: 'prior.zero' },
      overBlank: { ref: 'rates.b', format: 'percent', zeroBase: 'prior.blank' },
      given: { ref: 'rates.c', format: 'percent', zeroBase: 'prior.zero' },
    };
    const reads = new FactReads();
    const program = compileData(data, reads);
    const facts = reads.read({ rates: { a: null, b: null, c: -12.5 }, prior: { zero: 0, blank: null } });
    const values = program.read(facts);
    program.markZeroBase(values, facts);
    const template = compileTemplate('{overZero} | {overBlank} | {given}', program.keys, program.formats);
    expect(template(values, 'zh-CN')).toBe('不适用（上年为 0） | （空） | -12.50%');
    expect(template(values, 'en')).toBe('n/a (0 the year before) | (blank) | -12.50%');
  });

  it('no data: nothing to show', () => {
    expect(resolveData(undefined, facts)).toStrictEqual({});
    const program = compileData(undefined, new FactReads());
    expect(program.keys).toEqual([]);
    expect(program.read([])).toEqual([]);
  });

  it('a path that is not there reads as undefined, shown as a blank', () => {
    expect(readRef(facts, 'staffing.actual')).toBeNull();
    expect(readRef(facts, 'budget.income')).toBe(267.47);
    expect(readRef(facts, 'budget.nothing')).toBeUndefined();
    expect(resolveData({ x: { ref: 'budget.nothing' } }, facts)).toStrictEqual({ x: { value: undefined } });
  });

  it('rawData gives the JSON values: undefined becomes null, every other value is kept', () => {
    expect(rawData({ a: { value: undefined }, b: { value: 0 }, c: { value: null }, d: { value: '' }, e: { value: [1], format: 'list' } })).toStrictEqual({ a: null, b: 0, c: null, d: '', e: [1] });
    expect(rawData({})).toStrictEqual({});
  });
});
