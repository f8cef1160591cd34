// TEST-ONLY REFERENCE — the .docx walker as it was before it streamed (main at d9f571e): fast-xml-parser builds the
// whole tree (preserveOrder), then this walks it. walk.test.ts states that the streaming walker (walk.ts) gives the
// same lines on every document both read. Not exported from the package; fast-xml-parser is a dev dependency.
import { attr, childrenOf, parseXml, tagOf, textOf, type XmlNode } from './tree-xml.reference.js';

/** One line of text the .docx reader extracted, with where it sits in the document. */
export interface DocxLine {
  readonly text: string;
  /** 1-based paragraph in document order (table paragraphs included). */
  readonly paragraph: number;
  /** For text inside a table: its table, row and cell (1-based). */
  readonly table?: number;
  readonly row?: number;
  readonly cell?: number;
}

/**
 * Symbol fonts: code point (without the F0 private-use prefix) → the glyph it draws. Wingdings 2 R = ☑,
 * T = ☒, £ = □, P = ✓; Wingdings þ = ☑, ¨ = □, o = □, x = ☒, ü = ✓ (../shared/domain.md §2).
 */
const SYMBOL_FONTS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'wingdings 2': { 0x52: '☑', 0x54: '☒', 0xa3: '□', 0x50: '✓' },
  wingdings: { 0xfe: '☑', 0xa8: '□', 0x6f: '□', 0x78: '☒', 0xfc: '✓' },
};

/** The glyph a symbol run draws; an unknown code in a symbol font stays a private-use character (reported later). */
export function symbolGlyph(font: string | undefined, code: number): string {
  const table = SYMBOL_FONTS[(font ?? '').trim().toLowerCase()];
  const base = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  if (table !== undefined) return table[base] ?? String.fromCharCode(0xf000 + (base & 0xff));
  if (code >= 0xf000 && code <= 0xf0ff) return String.fromCharCode(code);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

const SKIP = new Set(['del', 'moveFrom', 'pPr', 'rPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sectPr', 'sdtPr', 'sdtEndPr', 'drawing', 'pict', 'object', 'commentReference', 'footnoteReference', 'endnoteReference', 'proofErr', 'bookmarkStart', 'bookmarkEnd']);

interface Field {
  instr: string;
  phase: 'instr' | 'result';
  suppress: boolean;
  checkbox: boolean | undefined;
}

/** A checkbox field's text: the EQ instruction itself, or ☑/□ for a legacy FORMCHECKBOX. */
function fieldText(instr: string, checkbox: boolean | undefined): string | undefined {
  if (/^\s*eq\s*\\o/i.test(instr)) return ` ${instr.trim()} `;
  if (/^\s*FORMCHECKBOX\b/i.test(instr)) return checkbox === true ? '☑' : '□';
  return undefined;
}

function isOn(node: XmlNode | undefined): boolean {
  if (node === undefined) return false;
  const v = attr(node, 'val');
  return v === undefined || v === '1' || v === 'true' || v === 'on';
}

function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** Legacy form checkbox state from `w:ffData/w:checkBox`: `w:checked` wins over `w:default`. */
function formCheckbox(fldChar: XmlNode): boolean | undefined {
  const ff = find(childrenOf(fldChar), 'ffData');
  const box = ff === undefined ? undefined : find(childrenOf(ff), 'checkBox');
  if (box === undefined) return undefined;
  const kids = childrenOf(box);
  const checked = find(kids, 'checked');
  if (checked !== undefined) return isOn(checked);
  const def = find(kids, 'default');
  return def === undefined ? false : isOn(def);
}

/** The symbol font of a run (`w:rFonts`), if any. */
function runSymbolFont(run: XmlNode): string | undefined {
  const rPr = find(childrenOf(run), 'rPr');
  const fonts = rPr === undefined ? undefined : find(childrenOf(rPr), 'rFonts');
  if (fonts === undefined) return undefined;
  const name = attr(fonts, 'ascii') ?? attr(fonts, 'hAnsi') ?? attr(fonts, 'cs');
  return name !== undefined && SYMBOL_FONTS[name.trim().toLowerCase()] !== undefined ? name : undefined;
}

class Walker {
  readonly lines: DocxLine[] = [];
  private paragraph = 0;
  private tableCount = 0;
  private readonly tables: { index: number; row: number; cell: number }[] = [];
  private readonly fields: Field[] = [];
  private buf = '';
  private depth = 0;

  visit(node: XmlNode): void {
    const tag = tagOf(node);
    if (tag === undefined || SKIP.has(tag)) return;
    if (++this.depth > 200) throw new Error('document nesting too deep');
    try {
      this.visitTag(tag, node);
    } finally {
      this.depth--;
    }
  }

  private visitTag(tag: string, node: XmlNode): void {
    switch (tag) {
      case 'p': {
        const outer = this.buf;
        this.paragraph++;
        this.buf = '';
        const paragraph = this.paragraph;
        this.children(node);
        this.endParagraph(paragraph);
        this.buf = outer;
        return;
      }
      case 'tbl':
        this.tables.push({ index: ++this.tableCount, row: 0, cell: 0 });
        this.children(node);
        this.tables.pop();
        return;
      case 'tr': {
        const t = this.tables[this.tables.length - 1];
        if (t !== undefined) {
          t.row++;
          t.cell = 0;
        }
        this.children(node);
        return;
      }
      case 'tc': {
        const t = this.tables[this.tables.length - 1];
        if (t !== undefined) t.cell++;
        this.children(node);
        return;
      }
      case 'r':
        this.run(node);
        return;
      case 'fldSimple': {
        const text = fieldText(attr(node, 'instr') ?? '', undefined);
        if (text !== undefined) this.emit(text);
        else this.children(node);
        return;
      }
      case 'sdt': {
        const kids = childrenOf(node);
        const pr = find(kids, 'sdtPr');
        const box = pr === undefined ? undefined : find(childrenOf(pr), 'checkbox');
        if (box !== undefined) {
          // A content-control checkbox: its state is w14:checked; the glyph inside is only its picture.
          this.emit(isOn(find(childrenOf(box), 'checked')) ? '☑' : '□');
          return;
        }
        const content = find(kids, 'sdtContent');
        if (content !== undefined) this.children(content);
        return;
      }
      default:
        this.children(node);
    }
  }

  private children(node: XmlNode): void {
    for (const c of childrenOf(node)) this.visit(c);
  }

  private run(run: XmlNode): void {
    const symbolFont = runSymbolFont(run);
    for (const c of childrenOf(run)) {
      switch (tagOf(c)) {
        case 't': {
          const text = textOf(c);
          this.emit(symbolFont === undefined ? text : Array.from(text).map((ch) => symbolGlyph(symbolFont, ch.codePointAt(0) ?? 0)).join(''));
          break;
        }
        case 'tab':
          this.emit('\t');
          break;
        case 'br':
        case 'cr':
          this.emit('\n');
          break;
        case 'noBreakHyphen':
          this.emit('-');
          break;
        case 'sym': {
          const code = parseInt(attr(c, 'char') ?? '', 16);
          this.emit(Number.isNaN(code) ? '\uFFFD' : symbolGlyph(attr(c, 'font'), code));
          break;
        }
        case 'instrText': {
          const f = this.fields[this.fields.length - 1];
          if (f?.phase === 'instr') f.instr += textOf(c);
          break;
        }
        case 'fldChar':
          this.fieldChar(c);
          break;
        default:
          break;
      }
    }
  }

  private fieldChar(node: XmlNode): void {
    const type = attr(node, 'fldCharType');
    if (type === 'begin') {
      this.fields.push({ instr: '', phase: 'instr', suppress: false, checkbox: formCheckbox(node) });
      return;
    }
    const f = this.fields[this.fields.length - 1];
    if (f === undefined) return;
    if (type === 'separate' && f.phase === 'instr') {
      const text = fieldText(f.instr, f.checkbox);
      f.phase = 'result';
      if (text !== undefined) {
        this.emit(text);
        f.suppress = true;
      }
    } else if (type === 'end') {
      this.fields.pop();
      if (f.phase === 'instr') {
        const text = fieldText(f.instr, f.checkbox);
        if (text !== undefined) this.emit(text);
      }
    }
  }

  private emit(text: string): void {
    if (this.fields.some((f) => f.phase === 'instr' || f.suppress)) return;
    this.buf += text;
  }

  private endParagraph(paragraph: number): void {
    const t = this.tables[this.tables.length - 1];
    for (const text of this.buf.split('\n')) this.lines.push({ text, paragraph, ...(t === undefined ? {} : { table: t.index, row: t.row, cell: t.cell }) });
  }
}

/** Walk `w:document/w:body` in order and produce lines of text, one per paragraph, marks rendered as text. */
export function documentLines(nodes: readonly XmlNode[]): DocxLine[] {
  const walker = new Walker();
  for (const n of nodes) walker.visit(n);
  return walker.lines;
}

/** The reference's lines of a document part (throws as it did: `XmlReadError`, or an Error past 200 levels). */
export function referenceLines(xml: string): DocxLine[] {
  return documentLines(parseXml(xml));
}
