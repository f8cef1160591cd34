import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb } from '@jixiao/testing';
import { readerFor, shippedTemplate } from '../template/registry.js';
import { YES_NO_WORDS } from './labels.js';
import { readForm as readWith, withoutTextMemo } from './read-form.js';
import { renderFormText, type FormTextStyle } from './render.js';

/**
 * The reader keeps what it works out from a cell's text (its kind, its labels, the marks of a question …) by
 * text, so that the labels every submission repeats are analysed once. A reading must be the same whether these
 * come from the memo (filled by earlier, unrelated readings) or are worked out afresh.
 */

const seed = readFileSync(fileURLToPath(new URL('../../../../examples/beita-justice-2020/000_1f3a69e61e56d541.txt', import.meta.url)), 'utf8');

const t1 = shippedTemplate('t1-checklist');
if (t1 === undefined) throw new Error('no t1-checklist template');
const reader = readerFor(t1);
const readForm = (lines: readonly string[]) => readWith(reader, lines);
const CHANNEL_WORDS = t1.choices.flatMap((c) => c.options);

/** Every label of the T1 template. */
const LABELS: readonly string[] = [
  ...t1.questions.flatMap((q) => q.labels),
  ...t1.fields.flatMap((c) => c.labels),
  ...t1.choices.flatMap((c) => c.labels),
  ...t1.blocks.flatMap((b) => b.labels),
  ...t1.headings.flatMap((h) => h.labels),
];

/** Labels as Word extraction mangles them: split in two, spaced out. */
const mangledLabel = fc.tuple(fc.constantFrom(...LABELS), fc.nat(20), fc.constantFrom('', ' ', '\u3000', '\t', '\n', '  ')).map(([label, cut, sep]) => {
  const at = cut % (label.length + 1);
  return `${label.slice(0, at)}${sep}${label.slice(at)}`;
});
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: mangledLabel },
  { weight: 3, arbitrary: fc.constantFrom('□', '☐', '☑', '■', '√', '✓', '✔', '☒', 'R', 'T', 'P', '£', 'þ', '¨', '(', ')', 'eq \\o\\ac(□,√)', 'EQ \\o\\ac(□，✓)', 'eq \\o\\ac(□)', 'eq \\o(□,?)', '\uF0A5', '★') },
  { weight: 3, arbitrary: fc.constantFrom(...YES_NO_WORDS.map((w) => w.word), ...CHANNEL_WORDS.map((w) => w.word)) },
  { weight: 3, arbitrary: fc.constantFrom('\t', ' ', '\u3000', '  ', '：', ':', '，', ',', '；', '。', '、', '“', '”', '"', '＂', '（', '）', '(', ')', '「', '」', '\n', '\r\n', '\r') },
  { weight: 3, arbitrary: fc.constantFrom('2020', '２０２０', '年度', '（2020年度）', '(２０１９ 年度)', '2020年度部门整体支出绩效', '264.47', '２６７．４７', '74.69万元', '约300', '1,234.5', '22人', '２２', '2020年 1 月17   日', '2020-02-30', '优', '良', '等级为“中”', '得分 92.5 分', '150分', '问题：', '建议：', '主管部门（盖章）：', '万元', '人') },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...Array.from('甲乙丙部门主要绩效是否有无合计收入支出其他ABCabc012 ')), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

const style: fc.Arbitrary<FormTextStyle> = fc.record({
  checked: fc.array(fc.constantFrom('eq \\o\\ac(□,√)', 'EQ \\o\\ac(□,✓)', 'eq \\o\\ac(□,☑)', '☑', '■', '√', '✓', '✔', 'R', 'P', 'þ', '☒', 'T'), { minLength: 1, maxLength: 5 }),
  empty: fc.array(fc.constantFrom('eq \\o\\ac(□)', '□', '☐', '£', '¨'), { minLength: 1, maxLength: 5 }),
  unknown: fc.constantFrom('(', '\uF0A5'),
  markBefore: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  inferred: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  colons: fc.array(fc.constantFrom('：', ':', ': ', '：   ', ''), { minLength: 1, maxLength: 3 }),
  gaps: fc.array(fc.constantFrom(' ', '    ', '\u3000', '', '\t'), { minLength: 1, maxLength: 3 }),
  labelVariant: fc.nat(5),
  fullWidthDigits: fc.boolean(),
});

/** A rendered form (or the seed) with some lines replaced, inserted, joined with the next or deleted. */
const formText = fc
  .tuple(
    fc.oneof(fc.tuple(evaluationArb(), style).map(([e, s]) => renderFormText(e, s)), fc.constant(seed)),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'join', 'delete'), line), { maxLength: 10 }),
  )
  .map(([text, edits]) => {
    const lines = text.split('\n');
    for (const [at, kind, content] of edits) {
      const i = at % (lines.length + 1);
      if (kind === 'replace') lines[i] = content;
      else if (kind === 'insert') lines.splice(i, 0, content);
      else if (kind === 'join') lines.splice(i, 2, `${lines[i] ?? ''}${content}${lines[i + 1] ?? ''}`);
      else lines.splice(i, 1);
    }
    return lines.join('\n');
  });

const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Read `lines` after `before` has filled the memo, read them again (every text now in it), and afresh without it. */
function expectSameReadings(before: readonly string[][], lines: string[]): void {
  for (const other of before) readForm(other);
  const warm = readForm(lines);
  const again = readForm(lines);
  const fresh = withoutTextMemo(() => readForm(lines));
  expect(warm).toEqual(fresh);
  expect(again).toEqual(fresh);
}

describe('readForm with and without its memo of cell facts', () => {
  it('reads the seed form identically', () => {
    expectSameReadings([], linesOf(seed));
  });

  it('reads the seed form identically after the memo overflowed (emptied) between readings, and from the facts that followed before', () => {
    const seedLines = linesOf(seed);
    const many = Array.from({ length: 9_000 }, (_, i) => `不相干的文本 ${String(i)}`);
    expectSameReadings([seedLines, many, seedLines, seedLines.slice().reverse(), many.slice(0, 100)], seedLines);
  });

  it('property: rendered forms in every style, with lines edited, inserted, joined and deleted', () => {
    fc.assert(
      fc.property(fc.array(formText, { maxLength: 2 }), formText, (before, text) => {
        expectSameReadings(before.map(linesOf), linesOf(text));
      }),
      { numRuns: 300 },
    );
  });

  it('property: texts made of label fragments, marks, figures and separators', () => {
    fc.assert(
      fc.property(fc.array(fc.array(line, { maxLength: 30 }), { maxLength: 3 }), fc.array(line, { maxLength: 30 }), (before, lines) => {
        expectSameReadings(before, lines);
      }),
      { numRuns: 1000 },
    );
  });
});
