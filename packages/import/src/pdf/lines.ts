import { symbolGlyph } from '../docx/walk.js';
import { CHECKED_GLYPHS, EMPTY_GLYPHS } from '../form/marks.js';

/**
 * One run of text pdf.js found on a page: its string, baseline origin (PDF units, y up), width, height, font (its
 * name where the PDF names a font it does not embed, `ZapfDingbats`; else a generic family, `sans-serif`).
 */
export interface PdfTextItem {
  readonly s: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly f: string;
  /** pdf.js's id of the font the run is drawn in (one per font of the document); `f` stands in where it is absent. */
  readonly font?: string;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
}

/** A rebuilt line: its cells (left to right) and where it is. */
export interface PdfLine {
  readonly page: number;
  /** 1-based line on its page. */
  readonly line: number;
  readonly cells: readonly string[];
}

const isSymbolCode = (code: number): boolean => code >= 0xf000 && code <= 0xf0ff;
const fontOf = (item: PdfTextItem): string => item.font ?? item.f;

/**
 * The fonts that draw ordinary text somewhere in the document. A symbol-font code (U+F0xx, Wingdings) drawn in
 * one of them was not drawn in a symbol font: the PDF was made where Wingdings was missing, a text font drew a
 * blank or a missing-glyph box in its place, and the text layer may give every such symbol the same code
 * (LibreOffice without the font writes ☑ and □ both as U+F0A8). Such a code says a symbol stood there, not which.
 */
function textFonts(pages: readonly PdfPage[]): Set<string> {
  const fonts = new Set<string>();
  for (const page of pages) {
    for (const item of page.items) {
      for (const ch of item.s) {
        if (!isSymbolCode(ch.codePointAt(0) ?? 0) && ch.trim() !== '') {
          fonts.add(fontOf(item));
          break;
        }
      }
    }
  }
  return fonts;
}

/**
 * Symbol-font codes drawn in a text font (see {@link textFonts}): how many, and which codes. They are left as
 * they are in the lines (private-use characters, which the form reader takes for marks it cannot read).
 */
export function symbolsWithoutTheirFont(pages: readonly PdfPage[]): { readonly count: number; readonly codes: readonly string[] } {
  const fonts = textFonts(pages);
  let count = 0;
  const codes = new Set<string>();
  for (const page of pages) {
    for (const item of page.items) {
      if (!fonts.has(fontOf(item))) continue;
      for (const ch of item.s) {
        const code = ch.codePointAt(0) ?? 0;
        if (!isSymbolCode(code)) continue;
        count++;
        codes.add(`U+${code.toString(16).toUpperCase()}`);
      }
    }
  }
  return { count, codes: [...codes].sort() };
}

/**
 * Private-use code points of the symbol fonts (F0xx) → the glyph drawn, whichever of the two fonts it was; left as
 * they are when `trusted` is false (drawn in a text font: see {@link textFonts}).
 */
function symbolText(s: string, font: string, trusted: boolean): string {
  if (!trusted) return s;
  const symbolFont = /wingdings\s*2/i.test(font) ? 'Wingdings 2' : /wingdings/i.test(font) ? 'Wingdings' : undefined;
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (symbolFont !== undefined) out += symbolGlyph(symbolFont, code);
    else if (isSymbolCode(code)) {
      // The font's name is not known here: its private-use code is looked up in both tables (they do not overlap).
      const w2 = symbolGlyph('Wingdings 2', code);
      out += w2 === ch ? symbolGlyph('Wingdings', code) : w2;
    } else out += ch;
  }
  return out;
}

/**
 * ZapfDingbats, one of PDF's standard 14 fonts and the check-box font of PDF forms (an AcroForm check box draws ✔
 * as its code `4`), has a built-in encoding of its own: without a ToUnicode map, pdf.js's text layer gives the code
 * as the letter it is in ASCII (`4`, `8`, `n`, `q`). Its check, cross, box and bullet codes → the glyph drawn: ISO
 * 32000-2 Annex D.6 (ZapfDingbats set and encoding: code → glyph name, `4` → a20) and Adobe's ZapfDingbats glyph
 * list (name → Unicode, a20 → U+2714); pdf.js keeps both (ZapfDingbatsEncoding, getDingbatsGlyphsUnicode), and
 * pdf-lib's encoder writes these codes for these glyphs (packages/import/test/zapf/). Its other codes (arrows, numbers in
 * circles, ornaments) are left as the letters they come as.
 */
const ZAPF_DINGBATS: Readonly<Record<string, string>> = {
  '3': '✓', // a19
  '4': '✔', // a20
  '5': '✕', // a21
  '6': '✖', // a22
  '7': '✗', // a23
  '8': '✘', // a24
  l: '●', // a71
  m: '❍', // a72
  n: '■', // a73
  o: '❏', // a74
  p: '❐', // a203
  q: '❑', // a75
  r: '❒', // a204
  u: '◆', // a78
};

/** Whether a text item's font is ZapfDingbats (by its name: `ZapfDingbats`, `Dingbats`, `ZapfDingbatsITC` …, as pdf.js tells it). */
const isZapfDingbats = (font: string): boolean => /dingbats/i.test(font);

/** A run drawn in ZapfDingbats: its check, cross and box codes as the glyphs drawn. */
const zapfDingbatsText = (s: string): string => Array.from(s, (ch) => ZAPF_DINGBATS[ch] ?? ch).join('');

/** A box as a PDF draws it, ticked or not (the form reader's glyphs), or a symbol-font code drawn without its font. */
const BOX = `[${[...CHECKED_GLYPHS, ...EMPTY_GLYPHS].join('').replace(/[\\\]^-]/g, '\\$&')}\\uf000-\\uf0ff]`;
const ENDS_IN_BOX = new RegExp(`${BOX}\\s*$`, 'u');
/** An option: a short word and its box (`否☑`, `无 □`), or a box and its word (`☑否`). */
const OPTION = new RegExp(`^(?:\\S{1,4}\\s?${BOX}|${BOX}\\s?\\S{1,4}(?:\\s|$))`, 'u');

/**
 * Options of one question typed with spaces between them (`是☑      否□`) leave a gap as wide as one between table
 * columns: a segment that is an option, after one that ends in a box, continues it (else the question's other
 * options would be a cell of their own, and its answer read from the first option alone).
 */
function joinSpacedOptions(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const last = out.at(-1);
    if (last !== undefined && ENDS_IN_BOX.test(last.text) && OPTION.test(s.text)) {
      last.text += ` ${s.text}`;
      last.right = s.right;
    } else out.push(s);
  }
  return out;
}

interface Segment {
  readonly x: number;
  right: number;
  text: string;
}

/**
 * Rebuild a page's lines from its text items: items whose baselines are within half a line height are one line,
 * ordered left to right; a gap wider than two characters starts a new cell (table columns), a smaller one is a
 * space. A line whose cells all start where a cell of the previous line started, when that cell ran to the right
 * edge its column reaches on the page, continues it (a wrapped table cell or paragraph) and is joined to it.
 */
function pageSegments(page: PdfPage, fontsOfText: ReadonlySet<string>): { lines: Segment[][]; wraps: (above: Segment, s: Segment) => boolean } {
  // Blank items are dropped: the gaps between the others say where words and cells part (a space item may span a
  // whole gap between two table columns).
  // A tab or line break inside a run reads as a space: the lines are read as Word's text export, where it would
  // split a cell or shift every later line's number.
  const items = page.items
    .filter((i) => i.s.trim() !== '')
    .map((i) => {
      const s = i.s.replace(/[\t\n\r]/g, ' ');
      return { ...i, s: isZapfDingbats(i.f) ? zapfDingbatsText(s) : symbolText(s, i.f, !fontsOfText.has(fontOf(i))) };
    });
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; h: number; items: typeof items }[] = [];
  for (const item of items) {
    const h = Math.max(item.h, 1);
    const row = rows.at(-1);
    if (row !== undefined && Math.abs(row.y - item.y) <= Math.max(row.h, h) / 2) row.items.push(item);
    else rows.push({ y: item.y, h, items: [item] });
  }
  const segmented: Segment[][] = rows.map((row) => {
    const sorted = [...row.items].sort((a, b) => a.x - b.x);
    const segs: Segment[] = [];
    for (const item of sorted) {
      const last = segs.at(-1);
      const em = Math.max(item.h, 1);
      const gap = last === undefined ? Infinity : item.x - last.right;
      if (last !== undefined && gap <= 2 * em) {
        last.text += gap > 0.25 * em ? ` ${item.s}` : item.s;
        last.right = Math.max(last.right, item.x + item.w);
      } else segs.push({ x: item.x, right: item.x + item.w, text: item.s });
    }
    for (const seg of segs) seg.text = tightenCjkPunctuation(seg.text);
    return joinSpacedOptions(segs);
  });
  // How far right text starting at or after a column's start reaches on this page: where that column's lines
  // wrap (a table cell's right edge, or the page's margin for text outside tables).
  const all = segmented.flat();
  const reach = (x: number) => all.reduce((r, s) => (s.x >= x - 2 ? Math.max(r, s.right) : r), 0);
  /**
   * A segment of the line below continues `above` when its first word would not have fitted after it: a short
   * word before a space (lines break at spaces, `否□` after `是☑    `), else one character (CJK breaks anywhere).
   */
  const wraps = (above: Segment, s: Segment): boolean => {
    const chars = Array.from(s.text);
    const perChar = (s.right - s.x) / Math.max(chars.length, 1);
    const word = Array.from(/^\S+/.exec(s.text)?.[0] ?? '').length;
    const first = perChar * (word <= 4 ? word : 1);
    return above.right + first > reach(above.x) - 0.5;
  };
  const lines: Segment[][] = [];
  for (const [i, segs] of segmented.entries()) {
    // A wrapped line follows at line spacing; one after an empty line (a wider gap) starts a paragraph of its own.
    const above = rows[i - 1];
    const row = rows[i];
    const near = above !== undefined && row !== undefined && above.y - row.y <= PARAGRAPH_GAP * Math.max(above.h, row.h);
    if (!(near && joinWrapped(lines.at(-1), segs, wraps))) lines.push(segs);
  }
  return { lines, wraps };
}

/**
 * Baselines further apart than this many text heights have an empty line between them: not a wrapped line (line
 * spacing is 1.0–1.5 heights; an empty line makes it twice that).
 */
const PARAGRAPH_GAP = 1.8;
const WORD_END = /[A-Za-z0-9]$/;
/**
 * A space before a CJK punctuation mark or after an opening one is the glyph's own white (its mark sits in one
 * side of its em box), which the gaps between items and pdf.js's space inference turn into a space: `3 、公务接待`
 * is `3、公务接待` (Chinese text sets no space there).
 */
const tightenCjkPunctuation = (text: string): string => text.replace(/ +(?=[、，。：；！？）】」』〕》])/gu, '').replace(/([（【「『〔《]) +/gu, '$1');
const WORD_START = /^[A-Za-z0-9]/;

/** Append `segs` to `prev` when every one of them continues the cell above it; false (nothing done) otherwise. */
function joinWrapped(prev: Segment[] | undefined, segs: readonly Segment[], wraps: (above: Segment, s: Segment) => boolean): boolean {
  if (prev === undefined) return false;
  const above = (s: Segment) => prev.find((p) => Math.abs(p.x - s.x) <= 2);
  if (!segs.every((s) => {
    const a = above(s);
    return a !== undefined && wraps(a, s);
  })) return false;
  for (const s of segs) {
    const a = above(s);
    if (a === undefined) continue;
    // Latin words and figures wrap at a space, which the text layer leaves out: `11.86` and `12` stay two figures
    // (CJK text wraps anywhere, and is joined as it is).
    a.text += WORD_END.test(a.text) && WORD_START.test(s.text) ? ` ${s.text}` : s.text;
    a.right = s.right;
  }
  return true;
}

/** One page's lines (see {@link pdfLines}). */
export function pageLines(page: PdfPage): PdfLine[] {
  return pdfLines([page]);
}

/**
 * Every page's lines, in reading order. A table cell that runs over a page break continues on the next page's
 * first line: it is joined to the cell above it by the same rule as within a page (its line is the earlier one).
 */
export function pdfLines(pages: readonly PdfPage[]): PdfLine[] {
  const out: PdfLine[] = [];
  const fontsOfText = textFonts(pages);
  let last: { page: number; segs: Segment[]; wraps: (above: Segment, s: Segment) => boolean } | undefined;
  for (const page of pages) {
    const { lines, wraps } = pageSegments(page, fontsOfText);
    let first = 0;
    if (last !== undefined && lines[0] !== undefined && joinWrapped(last.segs, lines[0], last.wraps)) {
      const done = out.at(-1);
      if (done !== undefined) out[out.length - 1] = { ...done, cells: last.segs.map((s) => s.text) };
      first = 1;
    }
    for (let i = first; i < lines.length; i++) out.push({ page: page.number, line: i + 1, cells: (lines[i] ?? []).map((s) => s.text) });
    const tail = lines.at(-1);
    last = tail === undefined || (first === 1 && lines.length === 1) ? last : { page: page.number, segs: tail, wraps };
  }
  return out;
}
