import { describe, expect, it } from 'vitest';
import { parseAmount, parseCount, parseValue, parseYear, toHalfWidth } from './values.js';

describe('parseAmount', () => {
  it('reads plain and written-out amounts', () => {
    expect(parseAmount('264.47')).toEqual({ ok: true, value: 264.47 });
    expect(parseAmount(' 0.05 ')).toEqual({ ok: true, value: 0.05 });
    expect(parseAmount('74.69万元')).toEqual({ ok: true, value: 74.69 });
    expect(parseAmount('１２.５')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmount('1.005')).toEqual({ ok: false });
    expect(parseAmount('99999999999999')).toEqual({ ok: false });
    expect(parseAmount('')).toEqual({ ok: true, value: null });
  });

  it('takes 万元 off the end only, with one full stop after it at most', () => {
    expect(parseAmount('74.69万元。')).toEqual({ ok: true, value: 74.69 });
    expect(parseAmount('74.69 万元.')).toEqual({ ok: true, value: 74.69 });
    expect(parseAmount('74.69万元。。')).toEqual({ ok: false });
    expect(parseAmount('万元74.69')).toEqual({ ok: false });
    expect(parseAmount('74.69万元整')).toEqual({ ok: false });
  });

  it('refuses a space inside a figure (core drops spaces: `26 4.47` would be 264.47) but not around it', () => {
    expect(parseAmount('26 4.47')).toEqual({ ok: false });
    expect(parseAmount('264.\u00a047')).toEqual({ ok: false });
    expect(parseAmount('２６\u30004.47')).toEqual({ ok: false });
    expect(parseAmount(' 264.47 万元 ')).toEqual({ ok: true, value: 264.47 });
  });
});

// Every reader of a field's value, by example: what is read, what is blank (null: unknown, never 0) and what is
// refused (ok: false, a diagnostic for the field). Expected values worked by hand.
const refused = { ok: false };
const blank = { ok: true, value: null };
const read = <T>(value: T) => ({ ok: true, value });

describe('parseValue: money', () => {
  it.each<[string, '万元' | '元' | undefined, unknown]>([
    ['264.47', undefined, read(264.47)],
    ['264.47万元。', undefined, read(264.47)],
    ['264.47；', undefined, read(264.47)],
    ['', undefined, blank],
    ['约300', undefined, refused],
    ['26 4.47', undefined, refused],
    // A field in 万元 with a figure ending in 万元, or a figure without 元 in a field without a unit: not converted.
    ['264.47万元', '元', read(264.47)],
    ['2644700', '万元', read(2644700)],
    // A unit of 元 with nothing written: blank, not 0.
    ['元', '元', blank],
    ['', '元', blank],
    ['约2644700元', undefined, refused],
    // Ending in 万元, even with a space or a full stop after it, the figure is in 万元 in a field of 元 too: 338.28,
    // not 338.28 元 converted to 0.03 万元.
    ['338.28万元 ', '元', read(338.28)],
    ['74.69万元.', '元', read(74.69)],
    ['74.69万元.', undefined, read(74.69)],
    // A run of punctuation after the figure is taken off; a comma inside it stays (it is no thousands separator
    // here): refused, never 2644.47.
    ['264.47；；', undefined, read(264.47)],
    ['26,44.47', undefined, refused],
    // 元 is taken off the end only: text before the figure is not a figure in 元.
    ['元2644700', '元', refused],
    // Spaces between the figure's unit and the punctuation after it are no part of it either: 264.47万元 ； in a field
    // of 元 is 264.47 万元, not 264.47 元 converted to 0.03 万元.
    ['264.47万元 ；', '元', read(264.47)],
    ['264.47万元 。', undefined, read(264.47)],
  ])('%j (unit %s) is %j', (raw, unit, expected) => {
    expect(parseValue('money', raw, unit)).toEqual(expected);
  });

  it.each<[string, '元' | undefined, number, string, string]>([
    // 2,644,700 元 = 264.47 万元 exactly.
    ['2644700元', undefined, 264.47, '金额“2644700元”以元填写，已换算为 264.47 万元', 'the amount "2644700元" is in 元; converted to 264.47 万元'],
    ['2644700 元。', undefined, 264.47, '金额“2644700 元。”以元填写，已换算为 264.47 万元', 'the amount "2644700 元。" is in 元; converted to 264.47 万元'],
    ['2644700', '元', 264.47, '金额“2644700”以元填写，已换算为 264.47 万元', 'the amount "2644700" is in 元; converted to 264.47 万元'],
    // 2,644,750 元 = 264.475 万元: half a hundredth, rounded up (away from zero).
    ['2644750元', undefined, 264.48, '金额“2644750元”以元填写，已换算为 264.48 万元（四舍五入到 0.01 万元）', 'the amount "2644750元" is in 元; converted to 264.48 万元 (rounded to 0.01 万元)'],
    // 2,644,749.99 元 = 264.474999 万元: down.
    ['2644749.99元', undefined, 264.47, '金额“2644749.99元”以元填写，已换算为 264.47 万元（四舍五入到 0.01 万元）', 'the amount "2644749.99元" is in 元; converted to 264.47 万元 (rounded to 0.01 万元)'],
    // 100 元 = 0.01 万元 exactly; 49 元 = 0.0049 万元, 0.00 once rounded (and said so).
    ['100元', undefined, 0.01, '金额“100元”以元填写，已换算为 0.01 万元', 'the amount "100元" is in 元; converted to 0.01 万元'],
    ['49元', undefined, 0, '金额“49元”以元填写，已换算为 0.00 万元（四舍五入到 0.01 万元）', 'the amount "49元" is in 元; converted to 0.00 万元 (rounded to 0.01 万元)'],
    ['50元', undefined, 0.01, '金额“50元”以元填写，已换算为 0.01 万元（四舍五入到 0.01 万元）', 'the amount "50元" is in 元; converted to 0.01 万元 (rounded to 0.01 万元)'],
    // The note quotes the figure as written, without the spaces around it; thousands separators are read.
    [' 2644700元 ', undefined, 264.47, '金额“2644700元”以元填写，已换算为 264.47 万元', 'the amount "2644700元" is in 元; converted to 264.47 万元'],
    ['2,644,700元', undefined, 264.47, '金额“2,644,700元”以元填写，已换算为 264.47 万元', 'the amount "2,644,700元" is in 元; converted to 264.47 万元'],
    // A space before the punctuation after 元: still a figure in 元 (it was refused).
    ['2644700元 ；', undefined, 264.47, '金额“2644700元 ；”以元填写，已换算为 264.47 万元', 'the amount "2644700元 ；" is in 元; converted to 264.47 万元'],
  ])('%j (unit %s) in 元 is %s 万元, with a note', (raw, unit, value, zh, en) => {
    expect(parseValue('money', raw, unit)).toEqual({ ok: true, value, note: { zh, en } });
  });
});

describe('the other readers', () => {
  it.each<[Parameters<typeof parseValue>[0], string, unknown]>([
    ['count', '22', read(22)],
    ['count', '２２人', read(22)],
    ['count', '22 人。', read(22)],
    ['count', '22名', read(22)],
    ['count', '22个', read(22)],
    ['count', '', blank],
    ['count', '人', blank],
    ['count', '10000000', read(10_000_000)],
    ['count', '10000001', refused],
    ['count', '123456789', refused],
    ['count', '22.5', refused],
    ['count', '-1', refused],
    ['count', '约22', refused],
    ['count', '人22', refused],
    ['count', '名22', refused],
    // Spaces after the count or its punctuation are no part of it; a comma inside it is (22,5 is not 225).
    ['count', '22名 ', read(22)],
    ['count', '22人。 ', read(22)],
    ['count', '22；；', read(22)],
    ['count', '1,5', refused],
    // … nor spaces between 名/人 and the punctuation after it.
    ['count', '22名 ；', read(22)],
    ['count', '22人 。', read(22)],
    ['date', '2020年 1 月17   日', read('2020-01-17')],
    // Word's usual spacing: a space on each side of every figure.
    ['date', '2020 年 1 月 17 日', read('2020-01-17')],
    ['date', '2020-01-17', read('2020-01-17')],
    ['date', '2020.1.7。', read('2020-01-07')],
    ['date', '2020/12/31', read('2020-12-31')],
    ['date', '２０２０年１月１７日', read('2020-01-17')],
    ['date', '2020年1月17', read('2020-01-17')],
    ['date', '2020-2-29', read('2020-02-29')],
    ['date', '2019-2-29', refused],
    ['date', '2020-02-30', refused],
    ['date', '2020-13-01', refused],
    ['date', '20-01-17', refused],
    ['date', '2020年1月17日前', refused],
    ['date', '2020-01-17。.', read('2020-01-17')],
    ['date', '约2020-01-17', refused],
    ['date', '2020ab-01-17', refused],
    ['date', '年 月 日', blank],
    ['date', '', blank],
    ['date', '不详', refused],
    ['year', '2020', read(2020)],
    ['year', '2020年度', read(2020)],
    ['year', '２０２０年', read(2020)],
    ['year', '1949', read(1949)],
    ['year', '2200', read(2200)],
    ['year', '1948', refused],
    ['year', '2201', refused],
    ['year', '2020.5', refused],
    ['year', '', blank],
    ['year', '年度', blank],
    ['year', '二〇二〇', refused],
    ['year', ' 2020年度 ', read(2020)],
    ['year', '年2020', refused],
    // Four digits: not what JavaScript's Number also reads as 2020 or 2000.
    ['year', '0x7E4', refused],
    ['year', '2e3', refused],
    ['year', '+2020', refused],
    ['year', '2020.0', refused],
    ['score', '92', read(92)],
    ['score', '92.5分', read(92.5)],
    ['score', '92.5 分。', read(92.5)],
    ['score', '９２', read(92)],
    ['score', '100', read(100)],
    ['score', '100.01', refused],
    ['score', '92.555', refused],
    ['score', '92.55', read(92.55)],
    ['score', '92.5分。。', read(92.5)],
    ['score', '分92', refused],
    ['score', '1000', refused],
    ['score', '', blank],
    ['score', '分', blank],
    ['score', '优', refused],
    // Spaces after 分, before or after the punctuation, are no part of the score.
    ['score', '92.5分 ', read(92.5)],
    ['score', '92.5分 。', read(92.5)],
    ['percent', '76%', read(76)],
    ['percent', '76.45％', read(76.45)],
    ['percent', '100.00%', read(100)],
    ['percent', '76', read(76)],
    ['percent', '76 %；', read(76)],
    ['percent', '100000', read(100_000)],
    ['percent', '100000.01', refused],
    ['percent', '1000000', refused],
    ['percent', '76.456%', refused],
    ['percent', '-5%', refused],
    ['percent', '', blank],
    ['percent', '%', blank],
    ['percent', '约76%', refused],
    // Spaces and a run of punctuation after it are no part of it; a comma inside it, or % before it, is.
    ['percent', '76% ', read(76)],
    ['percent', '76 ；', read(76)],
    ['percent', '76%；；', read(76)],
    ['percent', '76,5%', refused],
    ['percent', '%76', refused],
    ['percent', '76% ；', read(76)],
    ['grade', '优', read('优')],
    ['grade', '优秀', read('优')],
    ['grade', '良好', read('良')],
    ['grade', '“中”', read('中')],
    ['grade', '等级为“良”', read('良')],
    ['grade', '等次：差', read('差')],
    ['grade', '自评等级是 优', read('优')],
    ['grade', '', blank],
    ['grade', 'A', refused],
    ['grade', '评为优', refused],
    ['grade', '  ', blank],
    // A word between 等级 and the grade is not skipped: 非优 and 不是优 are not 优.
    ['grade', '等级为非优', refused],
    ['grade', '等级不是优', refused],
  ])('%s %j is %j', (type, raw, expected) => {
    expect(parseValue(type, raw)).toEqual(expected);
  });

  it('reads full-width text as half-width, and leaves other text as it is', () => {
    expect(toHalfWidth('２０２０年１月，ＡＢ　ｃ％')).toBe('2020年1月,AB c%');
    expect(toHalfWidth('2020年1月')).toBe('2020年1月');
  });

  it('reads a year only as four digits from 1949 to 2200', () => {
    expect(parseYear('2020')).toBe(2020);
    expect(parseYear('１９４９')).toBe(1949);
    expect(parseYear('1948')).toBeUndefined();
    expect(parseYear('2201')).toBeUndefined();
    expect(parseYear('')).toBeUndefined();
    expect(parseYear(' 2020 ')).toBe(2020);
    expect(parseYear('2e3')).toBeUndefined();
    expect(parseYear('0x7E4')).toBeUndefined();
    expect(parseYear('20200')).toBeUndefined();
  });

  it('reads a cell with a long run of punctuation or spaces inside it in time linear in its length', () => {
    // 100,000 commas or spaces between a figure and a letter: refused, as any text with a letter after the figure.
    // Patterns anchored at the end (`/[，]+$/`, `/\s*%$/`) were retried from every comma or space of the run: 12 s
    // for the commas, 30 s for the spaces on this machine.
    for (const run of ['，'.repeat(100_000), ' '.repeat(100_000)]) {
      const started = performance.now();
      for (const type of ['money', 'count', 'date', 'score', 'percent'] as const) expect(parseValue(type, `1${run}x`)).toEqual(refused);
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });

  it('reads a head count with spaces after 人 as that count (the count reader on its own)', () => {
    expect(parseCount('22人 ')).toEqual({ ok: true, value: 22 });
    expect(parseCount(' ２２ 人 ')).toEqual({ ok: true, value: 22 });
  });
});
