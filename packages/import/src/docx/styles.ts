import { SaxesParser } from 'saxes';
import { attr, isFilled, isHighlighted, isOn, isTiny, isWhite, localName, type Attributes } from './ooxml.js';

/**
 * Which styles toggle hidden text (`w:vanish` in a style's run properties, or in the style it is based on).
 * `w:vanish` is a toggle property (ECMA-376 Part 1, §17.7.3, and the `vanish` element): in a style it inverts the
 * state reached so far in the style hierarchy — document defaults, table style, paragraph style, character style —
 * and a `false` leaves it as it was; on a run itself (direct formatting) it is absolute. So a run whose paragraph
 * style and character style both say `vanish` is shown, as Word shows it. An object that names no style gets its
 * type's default style (`w:default="1"`), as in Word: a `Normal` style with `vanish` hides every paragraph that
 * names no style. Word neither shows nor prints hidden text.
 */
export interface HiddenStyles {
  /** Each character style id (`w:rStyle`) and whether it toggles hidden text. */
  readonly character: ReadonlyMap<string, boolean>;
  /** Each paragraph style id (`w:pStyle`) and whether it toggles hidden text. */
  readonly paragraph: ReadonlyMap<string, boolean>;
  /** Each table style id (`w:tblStyle`) and whether it toggles hidden text in its table. */
  readonly table: ReadonlyMap<string, boolean>;
  /** Each type's default style: what a paragraph, run or table that names no style (or an unknown one) gets. */
  readonly defaults: { readonly paragraph?: string; readonly character?: string; readonly table?: string };
  /** The document defaults (`w:docDefaults/w:rPrDefault`) hide text: the state the style hierarchy starts from. */
  readonly byDefault: boolean;
  /**
   * How each style draws text, by type, and the document defaults (`w:rPrDefault`) — read only from a part in which
   * some style or the defaults draw white, under 2 pt or paint a shading; else undefined.
   */
  readonly looks?: {
    readonly character: ReadonlyMap<string, StyleLook>;
    readonly paragraph: ReadonlyMap<string, StyleLook>;
    readonly table: ReadonlyMap<string, StyleLook>;
    readonly byDefault: StyleLook;
  };
}

/**
 * How a style draws the text it formats, with the styles it is based on (the nearest setting of each wins):
 * `w:color` white (true) or another colour (false), `w:sz` under 2 pt (true) or not (false), undefined where the
 * chain says nothing; `filled`: a shading somewhere in it (the run's `w:shd` or `w:highlight`, the paragraph's
 * `w:shd`, and any `w:shd` of a table style, its conditional formats' included — generous, as the walker is: a
 * shading read as painted only keeps white text read).
 */
export interface StyleLook {
  readonly white?: boolean;
  readonly tiny?: boolean;
  readonly filled: boolean;
}

export const NO_LOOK: StyleLook = { filled: false };

export const NO_HIDDEN_STYLES: HiddenStyles = { character: new Map(), paragraph: new Map(), table: new Map(), defaults: {}, byDefault: false };

/** Most elements read from a styles part (Word's default styles part: ~1,500). */
export const MAX_STYLE_ELEMENTS = 200_000;

/** Why a styles part could not be read. */
export class StylesReadError extends Error {
  constructor(
    readonly code: 'docx-dtd-rejected' | 'docx-xml-invalid' | 'docx-too-complex',
    message: string,
  ) {
    super(message);
    this.name = 'StylesReadError';
  }
}

interface Style {
  readonly type: string;
  /** `w:default="1"`: the style of its type that objects naming no style get. */
  readonly isDefault: boolean;
  readonly basedOn: string | undefined;
  /** The style's own `w:vanish`: on, off, or not set (then its base style decides). */
  readonly vanish: boolean | undefined;
  /** The style's own colour, size and shading (see {@link StyleLook}). */
  readonly look: { white?: boolean; tiny?: boolean; filled: boolean };
}

/**
 * Whether a style of a type toggles hidden text: the style named, or the type's default style when none is named
 * or the name is not a style of that type (Word then formats the object with the default style).
 */
export function togglesHidden(styles: HiddenStyles, type: 'paragraph' | 'character' | 'table', id: string | undefined): boolean {
  const byId = styles[type];
  const named = id === undefined ? undefined : byId.get(id);
  if (named !== undefined) return named;
  const fallback = styles.defaults[type];
  return fallback === undefined ? false : (byId.get(fallback) ?? false);
}

/**
 * How a style of a type draws text ({@link StyleLook}): the style named, or the type's default style when none is
 * named or the name is not a style of that type.
 */
export function styleLook(styles: HiddenStyles, type: 'paragraph' | 'character' | 'table', id: string | undefined): StyleLook {
  const looks = styles.looks;
  if (looks === undefined) return NO_LOOK;
  const named = id === undefined ? undefined : looks[type].get(id);
  if (named !== undefined) return named;
  const fallback = styles.defaults[type];
  return fallback === undefined ? NO_LOOK : (looks[type].get(fallback) ?? NO_LOOK);
}

/** `<…sz …>` tags of a part, for {@link mayDrawUnseen}. */
const SIZE_TAGS = /\bsz\b([^>]*)>/g;
const VALUES = /\bval\s*=\s*(["'])([^"']*)\1/g;

/**
 * Whether a styles part could draw text a reader cannot see, judged on its text without parsing it: white (a value
 * FFFFFF in any case, a theme's background colour), a shading or highlight, a size under 4 half-points, or a
 * character reference (which could spell any of them). A part for which this is false has no looks to read.
 */
function mayDrawUnseen(xml: string): boolean {
  if (/ffffff|background1|light1|&#|shd|highlight/i.test(xml)) return true;
  for (const tag of xml.matchAll(SIZE_TAGS)) {
    for (const value of (tag[1] ?? '').matchAll(VALUES)) if (isTiny({ val: value[2] ?? '' })) return true;
  }
  return false;
}

/**
 * The hidden styles of `word/styles.xml`, and how its styles draw text. A part that never says `vanish` and could
 * draw nothing unseen ({@link mayDrawUnseen}) is not parsed (a form's styles part is 20–60 KB, read for every .docx
 * of a batch). A DTD, bad XML or a part past {@link MAX_STYLE_ELEMENTS} throws {@link StylesReadError}.
 */
export function hiddenStyles(xml: string): HiddenStyles {
  const readLooks = mayDrawUnseen(xml);
  if (!readLooks && !xml.includes('vanish')) return NO_HIDDEN_STYLES;
  const styles = new Map<string, Style>();
  let byDefault = false;
  const defaultLook: { white?: boolean; tiny?: boolean; filled: boolean } = { filled: false };
  // Where the parser is: the path of element local names from the root, and the style being read.
  const path: string[] = [];
  let current: { id: string | undefined; type: string; isDefault: boolean; basedOn: string | undefined; vanish: boolean | undefined; look: { white?: boolean; tiny?: boolean; filled: boolean } } | undefined;
  let elements = 0;
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new StylesReadError('docx-dtd-rejected', 'the styles part declares a DTD');
  });
  parser.on('opentag', (tag) => {
    if (++elements > MAX_STYLE_ELEMENTS) throw new StylesReadError('docx-too-complex', `the styles part has more than ${MAX_STYLE_ELEMENTS} elements`);
    const name = localName(tag.name);
    const parent = path.join('/');
    path.push(name);
    if (parent === 'styles' && name === 'style') {
      current = { id: attr(tag.attributes, 'styleId'), type: attr(tag.attributes, 'type') ?? 'paragraph', isDefault: ['1', 'true', 'on'].includes(attr(tag.attributes, 'default') ?? ''), basedOn: undefined, vanish: undefined, look: { filled: false } };
    } else if (current !== undefined && parent === 'styles/style' && name === 'basedOn') {
      current.basedOn = attr(tag.attributes, 'val');
    } else if (current !== undefined && parent === 'styles/style/rPr' && name === 'vanish' && current.vanish === undefined) {
      current.vanish = isOn(tag.attributes);
    } else if (parent === 'styles/docDefaults/rPrDefault/rPr' && name === 'vanish') {
      byDefault = isOn(tag.attributes);
    }
    if (!readLooks) return;
    if (current !== undefined && (parent === 'styles/style/rPr' || (parent === 'styles/style/pPr' && name === 'shd') || (current.type === 'table' && name === 'shd'))) drawn(current.look, name, tag.attributes);
    else if (parent === 'styles/docDefaults/rPrDefault/rPr') drawn(defaultLook, name, tag.attributes);
  });
  parser.on('closetag', () => {
    if (path.pop() === 'style' && path.length === 1 && current !== undefined) {
      // The first definition of an id is the one Word uses.
      if (current.id !== undefined && !styles.has(current.id)) styles.set(current.id, current);
      current = undefined;
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof StylesReadError) throw error;
    throw new StylesReadError('docx-xml-invalid', error instanceof Error ? error.message : String(error));
  }
  /**
   * A style toggles hidden text if its own vanish says so, else as its base style does: within one style's chain
   * of bases the nearest setting wins (a derived style's `vanish w:val="0"` shows again). The end of the chain, or
   * a cycle in it, toggles nothing.
   */
  const toggles = (id: string): boolean => {
    const seen = new Set<string>();
    for (let style = styles.get(id); style !== undefined && !seen.has(id); style = styles.get(id)) {
      if (style.vanish !== undefined) return style.vanish;
      if (style.basedOn === undefined) break;
      seen.add(id);
      id = style.basedOn;
    }
    return false;
  };
  /** How a style draws text with the styles it is based on: the nearest colour and size win; a shading anywhere counts. */
  const lookOf = (id: string): StyleLook => {
    const look: { white?: boolean; tiny?: boolean; filled: boolean } = { filled: false };
    const seen = new Set<string>();
    for (let style = styles.get(id); style !== undefined && !seen.has(id); style = styles.get(id)) {
      look.white ??= style.look.white;
      look.tiny ??= style.look.tiny;
      look.filled ||= style.look.filled;
      if (style.basedOn === undefined) break;
      seen.add(id);
      id = style.basedOn;
    }
    return look;
  };
  const byType = { character: new Map<string, boolean>(), paragraph: new Map<string, boolean>(), table: new Map<string, boolean>() };
  const looks = { character: new Map<string, StyleLook>(), paragraph: new Map<string, StyleLook>(), table: new Map<string, StyleLook>() };
  const defaults: { paragraph?: string; character?: string; table?: string } = {};
  let drawsUnseen = defaultLook.white === true || defaultLook.tiny === true || defaultLook.filled;
  for (const [id, style] of styles) {
    if (style.type !== 'character' && style.type !== 'paragraph' && style.type !== 'table') continue;
    // The first default of a type is the one Word uses.
    if (style.isDefault && defaults[style.type] === undefined) defaults[style.type] = id;
    byType[style.type].set(id, toggles(id));
    const look = lookOf(id);
    looks[style.type].set(id, look);
    drawsUnseen ||= look.white === true || look.tiny === true || look.filled;
  }
  return drawsUnseen ? { ...byType, defaults, byDefault, looks: { ...looks, byDefault: defaultLook } } : { ...byType, defaults, byDefault };
}

/** A run property of a style (or of the document defaults) that says how text is drawn, into its look. */
function drawn(look: { white?: boolean; tiny?: boolean; filled: boolean }, name: string, attributes: Attributes): void {
  if (name === 'color') look.white ??= isWhite(attributes);
  else if (name === 'sz') look.tiny ??= isTiny(attributes);
  else if (name === 'shd') look.filled ||= isFilled(attributes);
  else if (name === 'highlight') look.filled ||= isHighlighted(attributes);
}
