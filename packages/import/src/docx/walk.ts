import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FORM_LIMITS } from '../text/limits.js';
import { CompatibilityScopes, MustUnderstandError, UNDERSTOOD_NAMESPACES } from './compatibility.js';
import { attr, isFilled, isHighlighted, isOn, isTiny, isWhite, localName, type Attributes } from './ooxml.js';
import { NO_HIDDEN_STYLES, NO_LOOK, styleLook, togglesHidden, type HiddenStyles, type StyleLook } from './styles.js';

/**
 * One line of text the .docx reader extracted, with where it sits in the document (an element origin: see
 * ../document/elements.ts). Text inside a table has its table, row and cell; `describeCell` writes them as
 * `table 1, row 3, cell 2`.
 */
export interface DocxLine {
  readonly text: string;
  /** 1-based paragraph in document order (table paragraphs included). */
  readonly paragraph: number;
  /** For text inside a table: the table (1-based, in document order), the row in it and the cell in the row. */
  readonly table?: number;
  readonly row?: number;
  readonly cell?: number;
}

/**
 * Text a paragraph holds in hidden runs (`w:vanish` set on the run): Word neither shows nor prints it, so it is not
 * read as the form's text; the reader reports it instead. `line` is the 1-based first line of its paragraph.
 */
export interface HiddenText {
  readonly line: number;
  readonly text: string;
}

/**
 * Text a run shows that a reader cannot see: white (`w:color` FFFFFF) with no shading behind it — of the run, its
 * paragraph, its cell or its table, set on the element itself or by its style — or smaller than 2 pt (`w:sz` under 4
 * half-points). Colour and size are the run's own, else the nearest of its character style, its paragraph's style,
 * its table's style and the document defaults (see `styles.ts`). A reviewer reading the form in Word sees a blank
 * there, so it is set aside as hidden text is, and reported with why.
 */
export interface UnseenText extends HiddenText {
  readonly why: 'white' | 'tiny';
}

/** Why WordprocessingML could not be walked; for `docx-too-complex`, the limit passed. */
export class XmlReadError extends Error {
  constructor(
    readonly code: 'docx-dtd-rejected' | 'docx-xml-invalid' | 'docx-too-complex' | 'docx-must-understand',
    message: string,
    readonly limit?: { readonly count: number; readonly of: 'elements' | 'depth' | 'lines' },
    /** For `docx-must-understand`: the namespace Word does not understand. */
    readonly namespace?: string,
  ) {
    super(message);
    this.name = 'XmlReadError';
  }
}

/**
 * Bounds of one walk, far beyond any real form (the seed's document part: 847 elements, nesting 9, 190 lines):
 * a document past one is refused as too complex while it is read, before it costs more.
 */
export interface WalkLimits {
  /** Most elements (all of them, read or skipped). */
  readonly maxElements: number;
  /** Deepest nesting of the elements the walker reads. */
  readonly maxDepth: number;
  /** Most lines of text. */
  readonly maxLines: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxElements: 200_000, maxDepth: 200, maxLines: FORM_LIMITS.maxLines };

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

/** Elements whose content is never text of the form: properties, deleted text, drawings, bookmarks, notes' marks. */
const SKIP = new Set(['del', 'moveFrom', 'pPr', 'rPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sectPr', 'sdtPr', 'sdtEndPr', 'drawing', 'pict', 'object', 'commentReference', 'footnoteReference', 'endnoteReference', 'proofErr', 'bookmarkStart', 'bookmarkEnd']);

/** A checkbox field's text: the EQ instruction itself, or ☑/□ for a legacy FORMCHECKBOX. */
function fieldText(instr: string, checkbox: boolean | undefined): string | undefined {
  if (/^\s*eq\s*\\o/i.test(instr)) return ` ${instr.trim()} `;
  if (/^\s*FORMCHECKBOX\b/i.test(instr)) return checkbox === true ? '☑' : '□';
  return undefined;
}

/** What a run holds, in order; played back when the run ends, once its font is known wherever `w:rPr` stood. */
type RunItem = { readonly text: string } | { readonly fixed: string } | { readonly instr: string } | { readonly sym: string | undefined; readonly font: string | undefined } | { readonly fldChar: string | undefined; readonly checkbox: boolean | undefined };

interface Field {
  instr: string;
  phase: 'instr' | 'result';
  suppress: boolean;
  checkbox: boolean | undefined;
  /** The field began in a hidden run: the mark it stands for is hidden too. */
  hidden: boolean;
}

/**
 * An open element and how its children are read. `visit`: a container the walker descends into (counted in the
 * depth); `p`, `tbl`: the same, with what their end does; `run` and its parts (`text`, `rPr`, `fldChar` with
 * `ffData`/`checkBox`); `sdt` and its parts (`sdtPr`, `checkbox`, `content`, whose children are visited).
 * The `seen…` flags keep the tree reading's "first child of that name" where it looked one up.
 */
type Frame =
  | { readonly kind: 'visit' }
  | { readonly kind: 'p'; readonly outer: string; readonly outerHidden: string; readonly outerUnseen: Unseen; readonly outerStyleHidden: boolean; readonly outerLook: StyleLook; readonly outerFilled: boolean; readonly paragraph: number }
  | { readonly kind: 'pPr' }
  | { readonly kind: 'tcPr' }
  | { readonly kind: 'tbl' }
  | { readonly kind: 'tblPr' }
  | { readonly kind: 'alternate'; chosen: boolean; readonly run?: RunFrame }
  | RunFrame
  | { readonly kind: 'runBranch'; readonly run: RunFrame }
  | { readonly kind: 'text'; readonly instr: boolean; text: string }
  | { readonly kind: 'rPr'; seenFonts: boolean; seenVanish: boolean; seenStyle: boolean }
  | { readonly kind: 'fldChar'; readonly type: string | undefined; seenFfData: boolean; checkbox: boolean | undefined }
  | { readonly kind: 'ffData'; seenCheckBox: boolean }
  | { readonly kind: 'checkBox'; seenChecked: boolean; seenDefault: boolean; checked: boolean | undefined; byDefault: boolean | undefined }
  | { readonly kind: 'sdt'; seenPr: boolean; seenContent: boolean; done: boolean; placeholder: boolean }
  | { readonly kind: 'sdtPr'; seenCheckbox: boolean; checkbox: boolean | undefined; placeholder: boolean }
  | { readonly kind: 'checkbox'; seenChecked: boolean; checked: boolean }
  | { readonly kind: 'content'; readonly placeholder: boolean };

/**
 * A run being read. `mc:AlternateContent` inside it (`alternate` with its `run`) reads the branch Word shows as the
 * run's own content (`runBranch`): Word writes an inserted symbol that way (`w16se:symEx` in the choice, the
 * character as text in the fallback).
 */
interface RunFrame {
  readonly kind: 'run';
  readonly items: RunItem[];
  seenRPr: boolean;
  font: string | undefined;
  vanish: boolean | undefined;
  style: string | undefined;
  look: RunLook;
}

/** The run a frame reads into: the run itself, or the run a branch of its `mc:AlternateContent` belongs to. */
function runOf(frame: Frame | undefined): RunFrame | undefined {
  return frame?.kind === 'run' ? frame : frame?.kind === 'runBranch' ? frame.run : undefined;
}

/**
 * What a run's own properties say of how it looks: white text (or another colour: false), under 2 pt (or another
 * size: false) — undefined where they say nothing, and the styles decide — and a shading or highlight behind it.
 */
interface RunLook {
  white: boolean | undefined;
  tiny: boolean | undefined;
  filled: boolean;
}

/** The current paragraph's unseen text (see {@link UnseenText}) and the first reason met. */
interface Unseen {
  readonly text: string;
  readonly why: UnseenText['why'] | undefined;
}

const NO_UNSEEN: Unseen = { text: '', why: undefined };

/** Characters of an ignored element's text kept for its report (which quotes 40). */
const MAX_IGNORED_TEXT = 1_000;

/**
 * Walks WordprocessingML as a stream of tags (saxes) in document order: paragraphs become lines, table cells are
 * named, EQ fields, symbol runs, content-control and legacy form checkboxes become marks the form reader
 * understands. No tree is built: what is held is one frame per open element, the current paragraph's text and
 * the lines — memory is bounded by the part's size and the limits, by construction.
 */
class Walker {
  readonly lines: DocxLine[] = [];
  readonly hidden: HiddenText[] = [];
  readonly unseen: UnseenText[] = [];
  readonly ignored: HiddenText[] = [];
  private readonly frames: Frame[] = [{ kind: 'visit' }];
  /** Open elements inside a subtree being passed over (0: not passing over one). */
  private skip = 0;
  private depth = 0;
  private elements = 0;
  private paragraph = 0;
  private tableCount = 0;
  /**
   * The open tables, innermost last; `hides`: the table's style toggles hidden text; `look`: how its style draws text;
   * `filled`, `cellFilled`: a shading set on the table, on its current cell.
   */
  private readonly tables: { index: number; row: number; cell: number; hides: boolean; look: StyleLook; filled: boolean; cellFilled: boolean }[] = [];
  private readonly fields: Field[] = [];
  private buf = '';
  /** The current paragraph's hidden text. */
  private hiddenBuf = '';
  /** The current paragraph's unseen text. */
  private unseenBuf: Unseen = NO_UNSEEN;
  /** The current paragraph has a shading of its own (`w:pPr/w:shd`). */
  private paragraphFilled = false;
  /**
   * How many content controls showing their placeholder (`w:showingPlcHdr`) the walker is inside. Their text is the
   * template's prompt ("单击或点击此处输入文字。"), not the unit's answer: the control is empty, and reads blank. The
   * paragraphs and cells inside still count, so the positions after them stay as in the document.
   */
  private placeholderDepth = 0;
  /** Namespaces in force, and which are ignored (Markup Compatibility: `mc:Ignorable`). */
  private readonly compatibility: CompatibilityScopes;
  /** The text of an ignored element being passed over (undefined: not passing over one). */
  private ignoredText: string | undefined;
  /**
   * The open elements that are ignored but whose content is processed (`mc:ProcessContent`), each as the number of
   * frames open when it began: they push no frame, so their children are read as their parent's, and one ends when
   * an element ends with that many frames open.
   */
  private readonly processed: number[] = [];
  /** The current paragraph's style (named, or the default) toggles hidden text. */
  private paragraphStyleHidden = false;
  /** How the current paragraph's style (named, or the default) draws text. */
  private paragraphLook: StyleLook = NO_LOOK;

  constructor(
    xml: string,
    private readonly limits: WalkLimits,
    private readonly styles: HiddenStyles,
  ) {
    this.compatibility = new CompatibilityScopes(xml);
  }

  open(tag: SaxesTagPlain): void {
    if (++this.elements > this.limits.maxElements) throw new XmlReadError('docx-too-complex', `more than ${this.limits.maxElements} elements`, { count: this.limits.maxElements, of: 'elements' });
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    const attributes = this.compatibility.passive ? tag.attributes : this.compatibility.open(tag.name, tag.attributes);
    if (attributes === undefined) {
      if (this.compatibility.processesContent(tag.name)) {
        // Ignored, but its content processed (mc:ProcessContent): what it holds is read as its parent's children.
        this.deeper();
        this.processed.push(this.frames.length);
        return;
      }
      // An element of an ignorable namespace Word does not understand: Word ignores it and what it holds.
      this.skip = 1;
      this.ignoredText = '';
      return;
    }
    if (attributes !== tag.attributes) tag = { ...tag, attributes };
    const name = localName(tag.name);
    const top = this.frames[this.frames.length - 1] ?? { kind: 'visit' };
    switch (top.kind) {
      case 'p':
        if (name === 'pPr') {
          this.frames.push({ kind: 'pPr' });
          return;
        }
        this.visit(name, tag.attributes);
        return;
      case 'pPr':
        if (name === 'pStyle') {
          const style = attr(tag.attributes, 'val');
          this.paragraphStyleHidden = togglesHidden(this.styles, 'paragraph', style);
          this.paragraphLook = styleLook(this.styles, 'paragraph', style);
        } else if (name === 'shd') this.paragraphFilled ||= isFilled(tag.attributes);
        this.skip = 1;
        return;
      case 'tcPr': {
        const table = this.tables[this.tables.length - 1];
        if (name === 'shd' && table !== undefined) table.cellFilled ||= isFilled(tag.attributes);
        this.skip = 1;
        return;
      }
      case 'tbl':
        if (name === 'tblPr') {
          this.frames.push({ kind: 'tblPr' });
          return;
        }
        this.visit(name, tag.attributes);
        return;
      case 'tblPr': {
        const table = this.tables[this.tables.length - 1];
        if (name === 'tblStyle' && table !== undefined) {
          table.hides = togglesHidden(this.styles, 'table', attr(tag.attributes, 'val'));
          table.look = styleLook(this.styles, 'table', attr(tag.attributes, 'val'));
        } else if (name === 'shd' && table !== undefined) table.filled ||= isFilled(tag.attributes);
        this.skip = 1;
        return;
      }
      case 'alternate':
        this.alternate(top, name, tag.attributes);
        return;
      case 'visit':
      case 'content':
        this.visit(name, tag.attributes);
        return;
      case 'run':
        this.runChild(top, name, tag.attributes);
        return;
      case 'runBranch':
        this.runChild(top.run, name, tag.attributes);
        return;
      case 'rPr': {
        const run = runOf(this.frames[this.frames.length - 2]);
        if (name === 'rFonts' && !top.seenFonts) {
          top.seenFonts = true;
          const font = attr(tag.attributes, 'ascii') ?? attr(tag.attributes, 'hAnsi') ?? attr(tag.attributes, 'cs');
          if (run !== undefined && font !== undefined && SYMBOL_FONTS[font.trim().toLowerCase()] !== undefined) run.font = font;
        } else if (name === 'vanish' && !top.seenVanish) {
          top.seenVanish = true;
          if (run !== undefined) run.vanish = isOn(tag.attributes);
        } else if (name === 'rStyle' && !top.seenStyle) {
          top.seenStyle = true;
          if (run !== undefined) run.style = attr(tag.attributes, 'val');
        } else if (run !== undefined) {
          if (name === 'color') run.look.white = isWhite(tag.attributes);
          else if (name === 'sz') run.look.tiny = isTiny(tag.attributes);
          else if (name === 'shd') run.look.filled ||= isFilled(tag.attributes);
          else if (name === 'highlight') run.look.filled ||= isHighlighted(tag.attributes);
        }
        this.skip = 1;
        return;
      }
      case 'fldChar':
        if (name === 'ffData' && !top.seenFfData) {
          top.seenFfData = true;
          this.frames.push({ kind: 'ffData', seenCheckBox: false });
        } else this.skip = 1;
        return;
      case 'ffData':
        if (name === 'checkBox' && !top.seenCheckBox) {
          top.seenCheckBox = true;
          this.frames.push({ kind: 'checkBox', seenChecked: false, seenDefault: false, checked: undefined, byDefault: undefined });
        } else this.skip = 1;
        return;
      case 'checkBox':
        if (name === 'checked' && !top.seenChecked) {
          top.seenChecked = true;
          top.checked = isOn(tag.attributes);
        } else if (name === 'default' && !top.seenDefault) {
          top.seenDefault = true;
          top.byDefault = isOn(tag.attributes);
        }
        this.skip = 1;
        return;
      case 'sdt':
        if (name === 'sdtPr' && !top.seenPr && !top.done) {
          top.seenPr = true;
          this.frames.push({ kind: 'sdtPr', seenCheckbox: false, checkbox: undefined, placeholder: false });
        } else if (name === 'sdtContent' && !top.seenContent && !top.done) {
          top.seenContent = true;
          this.frames.push({ kind: 'content', placeholder: top.placeholder });
          if (top.placeholder) this.placeholderDepth++;
        } else this.skip = 1;
        return;
      case 'sdtPr':
        if (name === 'checkbox' && !top.seenCheckbox) {
          top.seenCheckbox = true;
          this.frames.push({ kind: 'checkbox', seenChecked: false, checked: false });
          return;
        }
        if (name === 'showingPlcHdr') top.placeholder = isOn(tag.attributes);
        this.skip = 1;
        return;
      case 'checkbox':
        if (name === 'checked' && !top.seenChecked) {
          top.seenChecked = true;
          top.checked = isOn(tag.attributes);
        }
        this.skip = 1;
        return;
      case 'text':
        // An element inside w:t: only the text directly in w:t is text.
        this.skip = 1;
        return;
    }
  }

  /** An element inside a container the walker descends into. */
  private visit(name: string, attributes: Attributes): void {
    if (name === 'tcPr') {
      this.frames.push({ kind: 'tcPr' });
      return;
    }
    if (SKIP.has(name)) {
      this.skip = 1;
      return;
    }
    if (++this.depth > this.limits.maxDepth) throw new XmlReadError('docx-too-complex', `elements nested deeper than ${this.limits.maxDepth}`, { count: this.limits.maxDepth, of: 'depth' });
    switch (name) {
      case 'p':
        this.frames.push({ kind: 'p', outer: this.buf, outerHidden: this.hiddenBuf, outerUnseen: this.unseenBuf, outerStyleHidden: this.paragraphStyleHidden, outerLook: this.paragraphLook, outerFilled: this.paragraphFilled, paragraph: ++this.paragraph });
        this.buf = '';
        this.hiddenBuf = '';
        this.unseenBuf = NO_UNSEEN;
        this.paragraphStyleHidden = togglesHidden(this.styles, 'paragraph', undefined);
        this.paragraphLook = styleLook(this.styles, 'paragraph', undefined);
        this.paragraphFilled = false;
        return;
      case 'tbl':
        this.tables.push({ index: ++this.tableCount, row: 0, cell: 0, hides: togglesHidden(this.styles, 'table', undefined), look: styleLook(this.styles, 'table', undefined), filled: false, cellFilled: false });
        this.frames.push({ kind: 'tbl' });
        return;
      case 'tr': {
        const t = this.tables[this.tables.length - 1];
        if (t !== undefined) {
          t.row++;
          t.cell = 0;
        }
        this.frames.push({ kind: 'visit' });
        return;
      }
      case 'tc': {
        const t = this.tables[this.tables.length - 1];
        if (t !== undefined) {
          t.cell++;
          t.cellFilled = false;
        }
        this.frames.push({ kind: 'visit' });
        return;
      }
      case 'r':
        this.frames.push({ kind: 'run', items: [], seenRPr: false, font: undefined, vanish: undefined, style: undefined, look: { white: undefined, tiny: undefined, filled: false } });
        return;
      case 'fldSimple': {
        const text = fieldText(attr(attributes, 'instr') ?? '', undefined);
        if (text === undefined) {
          this.frames.push({ kind: 'visit' });
          return;
        }
        // A checkbox field stands for itself: its result runs are not read.
        this.emit(text);
        this.depth--;
        this.skip = 1;
        return;
      }
      case 'sdt':
        this.frames.push({ kind: 'sdt', seenPr: false, seenContent: false, done: false, placeholder: false });
        return;
      case 'AlternateContent':
        this.frames.push({ kind: 'alternate', chosen: false });
        return;
      default:
        this.frames.push({ kind: 'visit' });
    }
  }

  /**
   * A child of `mc:AlternateContent`: the first `mc:Choice` whose required namespaces Word understands, else the
   * `mc:Fallback`, is read like any container; every other branch is skipped.
   */
  private alternate(frame: Extract<Frame, { kind: 'alternate' }>, name: string, attributes: Attributes): void {
    const understood = (requires: string) => {
      const prefixes = requires.split(/\s+/).filter((p) => p !== '');
      return prefixes.length > 0 && prefixes.every((p) => UNDERSTOOD_NAMESPACES.has(this.compatibility.namespaceOf(p) ?? ''));
    };
    const take = !frame.chosen && ((name === 'Choice' && understood(attr(attributes, 'Requires') ?? '')) || name === 'Fallback');
    if (!take) {
      this.skip = 1;
      return;
    }
    frame.chosen = true;
    if (frame.run === undefined) {
      this.visit(name, attributes);
      return;
    }
    this.deeper();
    this.frames.push({ kind: 'runBranch', run: frame.run });
  }

  /** One more level of the elements the walker reads, within the depth limit. */
  private deeper(): void {
    if (++this.depth > this.limits.maxDepth) throw new XmlReadError('docx-too-complex', `elements nested deeper than ${this.limits.maxDepth}`, { count: this.limits.maxDepth, of: 'depth' });
  }

  private runChild(run: RunFrame, name: string, attributes: Attributes): void {
    switch (name) {
      case 'rPr':
        if (run.seenRPr) break;
        run.seenRPr = true;
        this.frames.push({ kind: 'rPr', seenFonts: false, seenVanish: false, seenStyle: false });
        return;
      case 't':
        this.frames.push({ kind: 'text', instr: false, text: '' });
        return;
      case 'instrText':
        this.frames.push({ kind: 'text', instr: true, text: '' });
        return;
      case 'tab':
        run.items.push({ fixed: '\t' });
        break;
      case 'br':
      case 'cr':
        run.items.push({ fixed: '\n' });
        break;
      case 'noBreakHyphen':
        run.items.push({ fixed: '-' });
        break;
      case 'sym':
      case 'symEx':
        run.items.push({ sym: attr(attributes, 'char'), font: attr(attributes, 'font') });
        break;
      case 'AlternateContent':
        this.deeper();
        this.frames.push({ kind: 'alternate', chosen: false, run });
        return;
      case 'fldChar':
        this.frames.push({ kind: 'fldChar', type: attr(attributes, 'fldCharType'), seenFfData: false, checkbox: undefined });
        return;
      default:
        break;
    }
    this.skip = 1;
  }

  text(text: string): void {
    if (this.skip > 0) {
      if (this.ignoredText !== undefined && this.ignoredText.length < MAX_IGNORED_TEXT) this.ignoredText += text.slice(0, MAX_IGNORED_TEXT - this.ignoredText.length);
      return;
    }
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'text') top.text += text;
  }

  close(): void {
    if (this.skip > 0) {
      if (--this.skip === 0) {
        // The element that began the subtree passed over ends.
        if (!this.compatibility.passive) this.compatibility.close();
        if (this.ignoredText !== undefined) this.endIgnored(this.ignoredText);
      }
      return;
    }
    if (!this.compatibility.passive) this.compatibility.close();
    if (this.processed.length > 0 && this.processed[this.processed.length - 1] === this.frames.length) {
      this.processed.pop();
      this.depth--;
      return;
    }
    const frame = this.frames.pop();
    const parent = this.frames[this.frames.length - 1];
    switch (frame?.kind) {
      case 'visit':
      case 'sdt':
      case 'alternate':
      case 'runBranch':
        this.depth--;
        return;
      case 'p':
        this.endParagraph(frame.paragraph);
        this.buf = frame.outer;
        this.hiddenBuf = frame.outerHidden;
        this.unseenBuf = frame.outerUnseen;
        this.paragraphStyleHidden = frame.outerStyleHidden;
        this.paragraphLook = frame.outerLook;
        this.paragraphFilled = frame.outerFilled;
        this.depth--;
        return;
      case 'tbl':
        this.tables.pop();
        this.depth--;
        return;
      case 'run':
        this.playRun(frame);
        this.depth--;
        return;
      case 'text':
        runOf(parent)?.items.push(frame.instr ? { instr: frame.text } : { text: frame.text });
        return;
      case 'fldChar':
        runOf(parent)?.items.push({ fldChar: frame.type, checkbox: frame.checkbox });
        return;
      case 'checkBox': {
        // Legacy form checkbox state: w:checked wins over w:default.
        const field = this.frames[this.frames.length - 2];
        if (field?.kind === 'fldChar') field.checkbox = frame.checked ?? frame.byDefault ?? false;
        return;
      }
      case 'checkbox':
        if (parent?.kind === 'sdtPr') parent.checkbox = frame.checked;
        return;
      case 'sdtPr':
        if (frame.checkbox !== undefined && parent?.kind === 'sdt') {
          // A content-control checkbox: its state is w14:checked; the glyph inside is only its picture.
          this.emit(frame.checkbox ? '☑' : '□');
          parent.done = true;
        } else if (frame.placeholder && parent?.kind === 'sdt') parent.placeholder = true;
        return;
      case 'content':
        if (frame.placeholder) this.placeholderDepth--;
        return;
      case 'rPr':
      case 'pPr':
      case 'tcPr':
      case 'tblPr':
      case 'ffData':
      case undefined:
        return;
    }
  }

  /** The end of an element Word ignores: its text is reported. */
  private endIgnored(text: string): void {
    if (text.trim() !== '') this.ignored.push({ line: this.lines.length + 1, text: detached(text) });
    this.ignoredText = undefined;
  }

  /**
   * A run's items in order; a hidden run's text goes aside (its field characters still open and close fields). A run's
   * own `w:vanish` decides; without one, the document defaults' state toggled by each style level that says
   * `vanish` — its table's, its paragraph's and its own character style (see {@link HiddenStyles}).
   */
  private playRun(run: Extract<Frame, { kind: 'run' }>): void {
    const { font } = run;
    const tableHides = this.tables[this.tables.length - 1]?.hides ?? false;
    // Each style level that says `vanish` flips the state (`!==` on booleans is exclusive or).
    const byStyles = this.styles.byDefault !== tableHides !== this.paragraphStyleHidden !== togglesHidden(this.styles, 'character', run.style);
    const hidden = run.vanish ?? byStyles;
    const unseen = hidden ? undefined : this.unseenWhy(run);
    for (const item of run.items) {
      if ('text' in item) this.emit(font === undefined ? item.text : Array.from(item.text).map((ch) => symbolGlyph(font, ch.codePointAt(0) ?? 0)).join(''), hidden, unseen);
      else if ('fixed' in item) this.emit(item.fixed, hidden, unseen);
      else if ('instr' in item) {
        const f = this.fields[this.fields.length - 1];
        if (f?.phase === 'instr') f.instr += item.instr;
      } else if ('sym' in item) {
        const code = parseInt(item.sym ?? '', 16);
        this.emit(Number.isNaN(code) ? '\uFFFD' : symbolGlyph(item.font, code), hidden, unseen);
      } else this.fieldChar(item.fldChar, item.checkbox, hidden);
    }
  }

  /**
   * Why a shown run cannot be seen ({@link UnseenText}), if it cannot. Its colour and size are its own, else the
   * nearest its styles give — its character style, its paragraph's, its table's, the document defaults
   * (ECMA-376 Part 1 §17.7.2); a shading of any of them, or of its paragraph, cell or table, keeps white text seen.
   */
  private unseenWhy(run: RunFrame): UnseenText['why'] | undefined {
    let { white, tiny, filled } = run.look;
    const table = this.tables[this.tables.length - 1];
    filled ||= this.paragraphFilled || (table !== undefined && (table.filled || table.cellFilled));
    const looks = this.styles.looks;
    if (looks !== undefined) {
      for (const look of [styleLook(this.styles, 'character', run.style), this.paragraphLook, table?.look ?? NO_LOOK, looks.byDefault]) {
        white ??= look.white;
        tiny ??= look.tiny;
        filled ||= look.filled;
      }
    }
    if (tiny === true) return 'tiny';
    return white === true && !filled ? 'white' : undefined;
  }

  private fieldChar(type: string | undefined, checkbox: boolean | undefined, hidden: boolean): void {
    if (type === 'begin') {
      this.fields.push({ instr: '', phase: 'instr', suppress: false, checkbox, hidden });
      return;
    }
    const f = this.fields[this.fields.length - 1];
    if (f === undefined) return;
    if (type === 'separate' && f.phase === 'instr') {
      const text = fieldText(f.instr, f.checkbox);
      f.phase = 'result';
      if (text !== undefined) {
        this.emit(text, f.hidden);
        f.suppress = true;
      }
    } else if (type === 'end') {
      this.fields.pop();
      if (f.phase === 'instr') {
        const text = fieldText(f.instr, f.checkbox);
        if (text !== undefined) this.emit(text, f.hidden);
      }
    }
  }

  private emit(text: string, hidden = false, unseen?: UnseenText['why']): void {
    if (this.placeholderDepth > 0 || this.fields.some((f) => f.phase === 'instr' || f.suppress)) return;
    if (hidden) this.hiddenBuf += text;
    // White space is as invisible in white as in black: only what would draw something is set aside.
    else if (unseen !== undefined && text.trim() !== '') this.unseenBuf = { text: this.unseenBuf.text + text, why: this.unseenBuf.why ?? unseen };
    else this.buf += text;
  }

  private endParagraph(paragraph: number): void {
    const t = this.tables[this.tables.length - 1];
    if (this.hiddenBuf.trim() !== '') this.hidden.push({ line: this.lines.length + 1, text: detached(this.hiddenBuf) });
    const { text: unseen, why } = this.unseenBuf;
    if (why !== undefined && unseen.trim() !== '') this.unseen.push({ line: this.lines.length + 1, text: detached(unseen), why });
    for (const text of detached(this.buf).split('\n')) {
      if (this.lines.length >= this.limits.maxLines) throw new XmlReadError('docx-too-complex', `more than ${this.limits.maxLines} lines`, { count: this.limits.maxLines, of: 'lines' });
      this.lines.push(t === undefined ? { text, paragraph } : { text, paragraph, table: t.index, row: t.row, cell: t.cell });
    }
  }
}

/**
 * `text` in memory of its own. saxes hands out text as slices of the part it parses, and V8 keeps a whole string
 * alive while any slice of it lives: the lines become a form's fields, which outlive the part (a batch of 5,000
 * .docx forms, `--jobs 1`, peaked at 335–343 MB without the copy and 163–182 MB with it, in two runs of the bench's
 * `--docx-only --reference`). Concatenating and slicing copies the characters.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * Walk `word/document.xml` (`w:document/w:body`) in order and produce lines of text, one per paragraph, marks
 * rendered as text. A document type declaration is refused as soon as it is met (no external entities, no entity
 * expansion: billion-laughs cannot start); only the predefined entities and character references are decoded, and
 * a reference to a character XML does not allow is an error. Text in hidden runs (`w:vanish`), which Word neither
 * shows nor prints, is not part of the lines. Throws {@link XmlReadError}; a document beyond `limits` is
 * `docx-too-complex`.
 */
export function documentLines(xml: string, limits: WalkLimits = DEFAULT_WALK_LIMITS, styles: HiddenStyles = NO_HIDDEN_STYLES): DocxLine[] {
  return walkDocument(xml, limits, styles).lines;
}

/**
 * {@link documentLines}, with the text it set aside by paragraph: of hidden runs (`w:vanish`, directly or by `styles`),
 * of runs shown in white on nothing or under 2 pt ({@link UnseenText}), and of elements Word ignores (`ignored`: of a
 * namespace `mc:Ignorable` declares ignorable that Word does not understand, ECMA-376 Part 3 §10.1.1 — unless an
 * `mc:ProcessContent` in force names the element, §10.1.2: then its content is read as Word reads it, in its place).
 */
export function walkDocument(xml: string, limits: WalkLimits = DEFAULT_WALK_LIMITS, styles: HiddenStyles = NO_HIDDEN_STYLES): { readonly lines: DocxLine[]; readonly hidden: HiddenText[]; readonly unseen: UnseenText[]; readonly ignored: HiddenText[] } {
  const walker = new Walker(xml, limits, styles);
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new XmlReadError('docx-dtd-rejected', 'the XML declares a DTD');
  });
  parser.on('opentag', (tag) => {
    walker.open(tag);
  });
  parser.on('closetag', () => {
    walker.close();
  });
  parser.on('text', (text) => {
    walker.text(text);
  });
  parser.on('cdata', (text) => {
    walker.text(text);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof XmlReadError) throw error;
    if (error instanceof MustUnderstandError) throw new XmlReadError('docx-must-understand', error.message, undefined, error.namespace);
    throw new XmlReadError('docx-xml-invalid', error instanceof Error ? error.message : String(error));
  }
  return { lines: walker.lines, hidden: walker.hidden, unseen: walker.unseen, ignored: walker.ignored };
}
