// Checkbox marks and how one question resolves (../shared/domain.md §2), stated as examples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '../text/import-text.js';
import fc from 'fast-check';
import { describeMark, isUnknownGlyph, readEqField, readGlyph, resolveSingle, showMarks, type MarkState, type OptionRead } from './marks.js';

const option = (value: 'yes' | 'no', state: MarkState | undefined, start = 0): OptionRead<'yes' | 'no'> => ({
  word: value === 'yes' ? '是' : '否',
  value,
  start,
  mark: state === undefined ? undefined : { state, raw: state === 'checked' ? '☑' : state === 'empty' ? '□' : '(', start, end: start + 1 },
  markBefore: false,
});

describe('resolveSingle', () => {
  it.each<[string, string, string | undefined, [('yes' | 'no'), MarkState | undefined][]]>([
    ['one checked', 'explicit', 'yes', [['yes', 'checked'], ['no', 'empty']]],
    ['one checked, the other unreadable', 'explicit', 'no', [['yes', 'unknown'], ['no', 'checked']]],
    ['the same option ticked twice', 'explicit', 'yes', [['yes', 'checked'], ['no', 'empty'], ['yes', 'checked']]],
    ['the same option ticked twice, the other unreadable', 'explicit', 'no', [['no', 'checked'], ['yes', 'unknown'], ['no', 'checked']]],
    ['both options ticked', 'conflicting', undefined, [['yes', 'checked'], ['no', 'checked']]],
    ['both ticked, one of them twice', 'conflicting', undefined, [['yes', 'checked'], ['no', 'checked'], ['yes', 'checked']]],
    ['one unreadable, the rest empty', 'inferred', 'no', [['yes', 'empty'], ['no', 'unknown']]],
    ['one unreadable, the other without a box', 'inferred', 'no', [['yes', undefined], ['no', 'unknown']]],
    ['nothing marked', 'unanswered', undefined, [['yes', 'empty'], ['no', 'empty']]],
    ['no boxes at all', 'unanswered', undefined, [['yes', undefined], ['no', undefined]]],
    ['two unreadable', 'ambiguous', undefined, [['yes', 'unknown'], ['no', 'unknown']]],
  ])('%s → %s %s', (_, kind, value, marks) => {
    const r = resolveSingle(marks.map(([v, s], i) => option(v, s, i * 3)));
    expect(r.kind).toBe(kind);
    expect('value' in r ? r.value : undefined).toBe(value);
  });

  it('takes the first of the options ticked twice as the chosen one (its position is the answer’s)', () => {
    const options = [option('yes', 'checked', 0), option('no', 'empty', 3), option('yes', 'checked', 6)];
    const r = resolveSingle(options);
    expect(r.kind === 'explicit' && r.chosen).toBe(options[0]);
  });
});

describe('symbol-font letters (a lost Wingdings font)', () => {
  it.each<[string, MarkState, boolean]>([
    ['R', 'checked', false], // Wingdings 2 ☑
    ['T', 'checked', true], // Wingdings 2 ☒: checked, and noted as crossed
    ['P', 'checked', false], // Wingdings 2 ✓
    ['£', 'empty', false], // Wingdings 2 □
    ['þ', 'checked', false], // Wingdings ☑
    ['¨', 'empty', false], // Wingdings □
    ['☒', 'checked', true],
    ['☑', 'checked', false],
  ])('%s reads as %s (crossed: %s)', (ch, state, crossed) => {
    const m = readGlyph(ch, 0, false);
    expect(m?.state).toBe(state);
    expect(m?.crossed === true).toBe(crossed);
  });
});

describe('in a form (the seed, line 63: 是否存在超编超配人员)', () => {
  const seed = readFileSync(fileURLToPath(new URL('../../../../examples/beita-justice-2020/000_1f3a69e61e56d541.txt', import.meta.url)), 'utf8');
  const read = (options: string) => {
    const lines = seed.split('\n');
    lines[62] = `是否存在超编超配人员：${options}`;
    const r = importText(lines.join('\n'));
    if (!r.ok) throw new Error('import failed');
    return { value: r.evaluation.staffingControl.overstaffed, how: r.evaluation.answerResolution?.['staffingControl.overstaffed']?.how, codes: r.diagnostics.filter((d) => d.line === 63).map((d) => d.code) };
  };

  it('a row repeated by the extraction (是 ticked twice) is that answer, explicit, not conflicting', () => {
    expect(read('是☑ 否□ 是☑ 否□')).toMatchObject({ value: 'yes', how: 'explicit' });
    expect(read('是□ 否R 是□ 否R')).toMatchObject({ value: 'no', how: 'explicit' });
  });

  it('Wingdings 2 T (☒) is checked, with a crossed-box note; R (☑) is checked without one', () => {
    expect(read('是T 否£')).toEqual({ value: 'yes', how: 'explicit', codes: ['crossed-box'] });
    expect(read('是£ 否T')).toEqual({ value: 'no', how: 'explicit', codes: ['crossed-box'] });
    expect(read('是R 否£')).toEqual({ value: 'yes', how: 'explicit', codes: [] });
  });
});

describe('showMarks: a line as Word shows it', () => {
  it.each([
    ['是 eq \\o\\ac(□,√)  否 eq \\o\\ac(□)', '是 ☑  否 □'],
    ['EQ \\o\\ac(□，✔) 是', '☑ 是'],
    ['eq \\o\\ac(□,☒)否', '☒否'],
    ['是 eq \\o(□,√) 否', '是 ☑ 否'],
    // An overlay no table knows stays as written, and so does the placeholder of a lost symbol.
    ['是 eq \\o\\ac(□,★) 否 (', '是 eq \\o\\ac(□,★) 否 ('],
    ['年度收入合计 264.47', '年度收入合计 264.47'],
  ])('%s → %s', (line, shown) => {
    expect(showMarks(line)).toBe(shown);
  });

  it('changes nothing but the field codes (property)', () => {
    const field = fc.constantFrom('eq \\o\\ac(□,√)', 'eq \\o\\ac(□)');
    const text = fc.string({ unit: fc.constantFrom('是', '否', ' ', '：', '1', 'q', 'e') });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, field)), text, (pieces, tail) => {
        const line = pieces.map(([t, f]) => t + f).join('') + tail;
        const expected = pieces.map(([t, f]) => t + (f.includes('√') ? '☑' : '□')).join('') + tail;
        expect(showMarks(line)).toBe(expected);
      }),
    );
  });
});

// Worked by hand: the mark objects a reader keeps (state, what was written, where it stands), and the notes.
describe('a mark as read: its state, text and place', () => {
  it.each([
    ['eq \\o\\ac(□,√)', { state: 'checked', raw: 'eq \\o\\ac(□,√)', start: 2, end: 15 }],
    ['eq \\o\\ac(□, √ )', { state: 'checked', raw: 'eq \\o\\ac(□, √ )', start: 2, end: 17 }], // spaces around the overlay
    ['eq \\o\\ac(□,√,)', { state: 'checked', raw: 'eq \\o\\ac(□,√,)', start: 2, end: 16 }], // an empty third part
    ['eq \\o\\ac(□,☒)', { state: 'checked', crossed: true, raw: 'eq \\o\\ac(□,☒)', start: 2, end: 15 }],
    ['eq \\o\\ac(□)', { state: 'empty', raw: 'eq \\o\\ac(□)', start: 2, end: 13 }],
    ['eq \\o\\ac(□,X)', { state: 'unknown', unknownGlyph: true, raw: 'eq \\o\\ac(□,X)', start: 2, end: 15 }],
  ])('是 %s', (field, mark) => {
    expect(readEqField(`是 ${field} 否`, 2)).toEqual(mark);
  });

  it('is no mark where no EQ field starts', () => {
    expect(readEqField('是 否', 0)).toBeUndefined();
    expect(readEqField('是 eq \\o\\ac(□,√)', 0)).toBeUndefined(); // the field starts at 2, not 0
  });

  it.each([
    ['☑', { state: 'checked', raw: '☑', start: 5, end: 6 }],
    ['☒', { state: 'checked', crossed: true, raw: '☒', start: 5, end: 6 }],
    ['□', { state: 'empty', raw: '□', start: 5, end: 6 }],
    ['\u{e000}', { state: 'unknown', unknownGlyph: true, raw: '\u{e000}', start: 5, end: 6 }],
  ])('the glyph %s', (ch, mark) => {
    expect(readGlyph(ch, 5, false)).toEqual(mark);
  });

  it.each([
    ['\u{e000}', true], // the first and last code points of the private-use area
    ['\u{f8ff}', true],
    ['\u{e7ff}', true],
    ['★', true], // another symbol no table knows
    ['☑', false],
    ['□', false],
    ['A', false],
    ['是', false],
    ['★A', false], // one character only
    ['A★', false],
    ['\u{dfff}', false],
    ['\u{f900}', false],
  ])('isUnknownGlyph(%s) is %s', (ch, unknown) => {
    expect(isUnknownGlyph(ch)).toBe(unknown);
  });

  it('describes each mark in a note, and says where it stands', () => {
    const option = (mark: Parameters<typeof describeMark>[0]['mark'], markBefore = false) => ({ word: '是', value: 'yes', start: 0, mark, markBefore });
    expect(describeMark(option(undefined))).toBe('无方框');
    expect(describeMark(option({ state: 'checked', raw: '☑', start: 0, end: 1 }))).toBe('勾选 ☑');
    expect(describeMark(option({ state: 'empty', raw: '□', start: 0, end: 1 }, true))).toBe('空框 □（标在选项前）');
    expect(describeMark(option({ state: 'unknown', raw: '(', start: 0, end: 1 }))).toBe('无法辨认的符号 “(”');
  });

  it('shows an EQ field in a note as the box Word draws (☑ □ ☒), not its field code; one no table knows as written', () => {
    const option = (raw: string) => ({ word: '是', value: 'yes', start: 0, mark: readEqField(raw, 0), markBefore: false });
    expect(describeMark(option('eq \\o\\ac(□)'))).toBe('空框 □');
    expect(describeMark(option('eq \\o\\ac(□,√)'))).toBe('勾选 ☑');
    expect(describeMark(option('eq \\o\\ac(□,☒)'))).toBe('勾选 ☒');
    expect(describeMark(option('eq \\o\\ac(□,★)'))).toBe('无法辨认的符号 “eq \\o\\ac(□,★)”');
  });
});
