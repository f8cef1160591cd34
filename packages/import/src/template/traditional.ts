import { TRADITIONAL_SIMPLIFIED } from '@jixiao/templates';
import type { BlockElement, DocumentElements, ParagraphElement } from '../document/elements.js';

/**
 * Text published in traditional characters (a mirror site converts a page: `項目支出績效自評表`) is read as the
 * simplified text it was converted from: each traditional character becomes its simplified form, one UTF-16 unit
 * for one, so every position stays where it was (a converter's pinyin notes are blanked, see PINYIN). Only characters never written in simplified text are mapped
 * (`@jixiao/templates` data/traditional-simplified.json), and only in a document written in them: a simplified
 * form quoting a traditional name keeps it as written.
 */

/** Traditional code unit → simplified code unit (0: not a traditional character). */
const SIMPLIFIED = new Uint16Array(0x10000);
for (let i = 0; i + 1 < TRADITIONAL_SIMPLIFIED.length; i += 2) SIMPLIFIED[TRADITIONAL_SIMPLIFIED.charCodeAt(i)] = TRADITIONAL_SIMPLIFIED.charCodeAt(i + 1);

/** Fewest traditional characters, and their least share of the CJK characters, that make a document traditional. */
const MIN_TRADITIONAL = 8;
const MIN_SHARE = 0.05;

/**
 * How many characters from the start tell (a converted page is converted throughout). Measured in process on the
 * seed form's text (6,160 characters; vitest, load 5–6, the same run's importText as reference): the check on the
 * whole text took 30 µs, 5 % of reading the form (603 µs); on its first 2,000, 14 µs, 2 % (649 µs).
 */
const SAMPLE = 2_000;

/** Are the texts (a document's lines) written in traditional characters? Judged on their first SAMPLE characters. */
export function isTraditional(texts: readonly string[]): boolean {
  let traditional = 0;
  let cjk = 0;
  let left = SAMPLE;
  for (const text of texts) {
    const end = Math.min(text.length, left);
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x3400) continue;
      if (c <= 0x9fff) cjk++;
      if (SIMPLIFIED[c] !== 0) traditional++;
    }
    left -= end;
    if (left === 0) break;
  }
  return traditional >= MIN_TRADITIONAL && traditional >= cjk * MIN_SHARE;
}

/** The text with each traditional character in its simplified form (same length). */
export function toSimplified(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const s = SIMPLIFIED[text.charCodeAt(i)] ?? 0;
    if (s === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(s);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A pinyin reading some converters put after a character they changed (`項(xiàng)目`): blanked out, space for
 * character, so positions stay and the label reads as one (labels are compared without white space).
 */
const PINYIN = /(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,8}\)/gu;

const paragraph = (p: ParagraphElement): ParagraphElement => ({ ...p, text: toSimplified(p.text).replace(PINYIN, (m) => ' '.repeat(m.length)) });

/** The document in simplified characters, when it is written in traditional ones (else undefined). */
export function simplifiedDocument(doc: DocumentElements, texts: readonly string[]): DocumentElements | undefined {
  if (!isTraditional(texts)) return undefined;
  const blocks = doc.blocks.map((b): BlockElement => (b.kind === 'paragraph' ? paragraph(b) : { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(paragraph) })) })) }));
  return { ...doc, blocks };
}
