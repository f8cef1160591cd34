import { SaxesParser } from 'saxes';
import { attr, isOn, localName } from './ooxml.js';

/**
 * Which styles hide their text (`w:vanish` in a style's run properties, or in a style it is based on, or in the
 * document defaults): a run in such a character style, or in a paragraph of such a paragraph style, is hidden
 * unless its own `w:vanish` says otherwise. Word neither shows nor prints it.
 */
export interface HiddenStyles {
  /** Character style ids (`w:rStyle`) whose text is hidden. */
  readonly character: ReadonlySet<string>;
  /** Paragraph style ids (`w:pStyle`) whose text is hidden. */
  readonly paragraph: ReadonlySet<string>;
  /** The document defaults (`w:docDefaults/w:rPrDefault`) hide text. */
  readonly byDefault: boolean;
}

export const NO_HIDDEN_STYLES: HiddenStyles = { character: new Set(), paragraph: new Set(), byDefault: false };

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
  readonly basedOn: string | undefined;
  /** The style's own `w:vanish`: on, off, or not set (then its base style decides). */
  readonly vanish: boolean | undefined;
}

/**
 * The hidden styles of `word/styles.xml`. A part that never says `vanish` hides nothing and is not parsed (a
 * form's styles part is 20–60 KB, read for every .docx of a batch). A DTD, bad XML or a part past
 * {@link MAX_STYLE_ELEMENTS} throws {@link StylesReadError}.
 */
export function hiddenStyles(xml: string): HiddenStyles {
  if (!xml.includes('vanish')) return NO_HIDDEN_STYLES;
  const styles = new Map<string, Style>();
  let byDefault = false;
  // Where the parser is: the path of element local names from the root, and the style being read.
  const path: string[] = [];
  let current: { id: string | undefined; type: string; basedOn: string | undefined; vanish: boolean | undefined } | undefined;
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
      current = { id: attr(tag.attributes, 'styleId'), type: attr(tag.attributes, 'type') ?? 'paragraph', basedOn: undefined, vanish: undefined };
    } else if (current !== undefined && parent === 'styles/style' && name === 'basedOn') {
      current.basedOn = attr(tag.attributes, 'val');
    } else if (current !== undefined && parent === 'styles/style/rPr' && name === 'vanish' && current.vanish === undefined) {
      current.vanish = isOn(tag.attributes);
    } else if (parent === 'styles/docDefaults/rPrDefault/rPr' && name === 'vanish') {
      byDefault = isOn(tag.attributes);
    }
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
  /** A style hides its text if its own vanish says so, else as its base style does; the end of the chain (or a cycle in it) leaves it to the defaults. */
  const hides = (id: string): boolean => {
    const seen = new Set<string>();
    for (let style = styles.get(id); style !== undefined && !seen.has(id); style = styles.get(id)) {
      if (style.vanish !== undefined) return style.vanish;
      if (style.basedOn === undefined) break;
      seen.add(id);
      id = style.basedOn;
    }
    return byDefault;
  };
  const character = new Set<string>();
  const paragraph = new Set<string>();
  for (const [id, style] of styles) {
    if (!hides(id)) continue;
    if (style.type === 'character') character.add(id);
    else if (style.type === 'paragraph') paragraph.add(id);
  }
  return { character, paragraph, byDefault };
}
