import type { Attributes } from './ooxml.js';

/** The Markup Compatibility namespace (ECMA-376 Part 3). */
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * The namespaces Word understands (ECMA-376 Part 3: the namespaces a consumer "understands"): WordprocessingML and
 * DrawingML themselves and Office's extensions (w14, w15, w16…, wps, wpg, wpc, wpi, wp14, a14). They decide which
 * `mc:Choice` Word shows (§10.2: one that requires any other namespace is skipped for the next choice or the
 * fallback), and which elements and attributes of an ignorable namespace Word reads (§10.1.1: those of a namespace
 * it does not understand are ignored). The reader does as Word does in both, so that it reads the text Word shows.
 */
export const UNDERSTOOD_NAMESPACES: ReadonlySet<string> = new Set([
  MC,
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'http://schemas.openxmlformats.org/drawingml/2006/main',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  'urn:schemas-microsoft-com:vml',
  'urn:schemas-microsoft-com:office:office',
  'urn:schemas-microsoft-com:office:word',
  'http://schemas.microsoft.com/office/word/2006/wordml',
  'http://schemas.microsoft.com/office/word/2010/wordml',
  'http://schemas.microsoft.com/office/word/2012/wordml',
  'http://schemas.microsoft.com/office/word/2015/wordml/symex',
  'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  'http://schemas.microsoft.com/office/word/2018/wordml',
  'http://schemas.microsoft.com/office/word/2018/wordml/cex',
  'http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash',
  'http://schemas.microsoft.com/office/word/2023/wordml/word16du',
  'http://schemas.microsoft.com/office/word/2024/wordml/sdtformatlock',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingInk',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  'http://schemas.microsoft.com/office/drawing/2010/main',
]);

/** The namespaces in force at an element: each prefix's (`''`: the default namespace's), and which are ignored. */
interface Scope {
  readonly bindings: ReadonlyMap<string, string>;
  /** Namespaces an `mc:Ignorable` in force declares ignorable. */
  readonly ignorable: ReadonlySet<string>;
  /** Prefixes bound to an ignorable namespace Word does not understand: their elements and attributes are ignored. */
  readonly ignored: ReadonlySet<string>;
  /**
   * Elements whose content is processed though they are ignored (`mc:ProcessContent` in force), by expanded name:
   * `namespace localName`, or `namespace *` for every element of the namespace.
   */
  readonly processContent: ReadonlySet<string>;
}

const EMPTY: Scope = { bindings: new Map(), ignorable: new Set(), ignored: new Set(), processContent: new Set() };

function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon);
}

/** An element's name as it starts at `at` in the XML (after its `<`): up to white space, `/` or `>`. */
const NAME = /[^\s/>]+/y;

/**
 * A namespace the part says a consumer must understand (`mc:MustUnderstand`, ECMA-376 Part 3) that Word does not:
 * Word refuses to open such a file, and so does the reader.
 */
export class MustUnderstandError extends Error {
  constructor(readonly namespace: string) {
    super(`the document must be understood in ${namespace}, which Word does not understand`);
    this.name = 'MustUnderstandError';
  }
}

/**
 * The names of the elements that may declare a namespace, `mc:Ignorable`, `mc:MustUnderstand` or `mc:ProcessContent`:
 * each `xmlns`, `Ignorable`, `MustUnderstand` or `ProcessContent` in the XML
 * taken for an attribute of the tag it stands in (`<` cannot occur inside a tag, so the nearest `<` before it opens
 * that tag). One found in text or a comment only adds a name to look at.
 */
function declaringNames(xml: string): { readonly names: Set<string>; readonly count: number } {
  const names = new Set<string>();
  let count = 0;
  for (const needle of NEEDLES) {
    for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) {
      count++;
      NAME.lastIndex = xml.lastIndexOf('<', at) + 1;
      const name = NAME.exec(xml)?.[0];
      if (name !== undefined) names.add(name);
    }
  }
  return { names, count };
}

/** What an attribute name declaring something holds: `xmlns`, `Ignorable`, `MustUnderstand`, `ProcessContent`. */
const NEEDLES = ['xmlns', 'Ignorable', 'MustUnderstand', 'ProcessContent'] as const;

/**
 * Namespace scopes for Markup Compatibility as a stream of tags goes by (saxes without namespace processing: names
 * keep their prefixes). {@link open} is told each element the reader looks at, {@link close} its end, in order; an
 * element it says is ignored is passed over whole by the reader (its content is not told). The attributes of an
 * element are looked at only when its name is one of those the XML shows declaring something (a form's root
 * alone, or the drawings' elements the reader passes over): on every other element the work is a look-up.
 *
 * An `mc:MustUnderstand` naming a namespace Word does not understand throws {@link MustUnderstandError}. An ignored
 * element that an `mc:ProcessContent` in force names ({@link processesContent}) is ignored, but its content is
 * processed as if it stood in the ignored element's parent (ECMA-376 Part 3, §10.1.2): the reader reads its children
 * as Word does.
 *
 * Not done: an element of a namespace neither understood nor ignorable (an error for Word; it is read as if
 * understood).
 */
export class CompatibilityScopes {
  private scope: Scope = EMPTY;
  /** The current scope ignores something. */
  private ignoring = false;
  /** Elements open (of those told). */
  private depth = 0;
  /** The depth of the element that declared the current scope (0: none). */
  private declaredAt = 0;
  /** The scopes outside the current one, each with the depth of the element that declared it. */
  private readonly outer: { readonly scope: Scope; readonly declaredAt: number }[] = [];
  private readonly declaring: ReadonlySet<string>;
  /** How many times the XML holds a word of {@link NEEDLES}. */
  private readonly needles: number;
  /**
   * Nothing but the document element declares anything, and its scope ignores nothing: every element after it is
   * read as it is, and the reader need not tell them (the usual form: a walk looks at every element).
   */
  passive = false;
  /**
   * Bit n set: some name in {@link declaring} has n characters (bit 31: 31 or more). Most elements are passed by
   * this test alone: the walk looks at every element, and a set look-up hashes each new name (~10 % of a form's walk).
   */
  private readonly lengths: number;

  /** `xml`: the part whose tags will be told. */
  constructor(xml: string) {
    const { names, count } = declaringNames(xml);
    this.declaring = names;
    this.needles = count;
    let lengths = 0;
    for (const name of this.declaring) lengths |= 1 << Math.min(name.length, 31);
    this.lengths = lengths;
  }

  /** The namespace a prefix names at the current element; undefined for a prefix declared nowhere. */
  namespaceOf(prefix: string): string | undefined {
    return this.scope.bindings.get(prefix);
  }

  /**
   * An element starts: undefined when it is ignored (the reader passes over it and its content, and still calls
   * {@link close} at its end), else its attributes without those of an ignored namespace.
   */
  open(name: string, attributes: Attributes): Attributes | undefined {
    this.depth++;
    if (((this.lengths >>> Math.min(name.length, 31)) & 1) === 1 && this.declaring.has(name)) {
      let declares = 0;
      for (const key in attributes) if (NEEDLES.some((needle) => key.includes(needle))) declares++;
      if (declares > 0) {
        this.outer.push({ scope: this.scope, declaredAt: this.declaredAt });
        this.scope = this.declared(attributes);
        this.ignoring = this.scope.ignored.size > 0;
        this.declaredAt = this.depth;
      }
      // The document element holds every word the XML has of them: nothing after it declares anything.
      this.passive = this.depth === 1 && declares === this.needles && !this.ignoring;
    }
    if (!this.ignoring) return attributes;
    const { ignored } = this.scope;
    if (ignored.has(prefixOf(name))) return undefined;
    let dropped = false;
    for (const key in attributes) dropped ||= ignored.has(prefixOf(key));
    return dropped ? Object.fromEntries(Object.entries(attributes).filter(([key]) => !ignored.has(prefixOf(key)))) : attributes;
  }

  /**
   * The element just opened, which {@link open} said is ignored, is one whose content is processed (`mc:ProcessContent`
   * in its scope names it by expanded name, or names every element of its namespace with `*`). Looked at only for an
   * ignored element.
   */
  processesContent(name: string): boolean {
    const { processContent } = this.scope;
    if (processContent.size === 0) return false;
    const colon = name.indexOf(':');
    const uri = this.scope.bindings.get(colon < 0 ? '' : name.slice(0, colon));
    return uri !== undefined && (processContent.has(`${uri} ${name.slice(colon + 1)}`) || processContent.has(`${uri} *`));
  }

  /** The element last opened ends. */
  close(): void {
    if (this.depth-- !== this.declaredAt) return;
    const outer = this.outer.pop() ?? { scope: EMPTY, declaredAt: 0 };
    this.scope = outer.scope;
    this.ignoring = outer.scope.ignored.size > 0;
    this.declaredAt = outer.declaredAt;
  }

  /**
   * The scope of an element that declares namespaces, `mc:Ignorable`, `mc:MustUnderstand` or `mc:ProcessContent`, within
   * the current one.
   */
  private declared(attributes: Attributes): Scope {
    const bindings = new Map(this.scope.bindings);
    for (const key in attributes) {
      const value = attributes[key] ?? '';
      if (key === 'xmlns') bindings.set('', value);
      else if (key.startsWith('xmlns:')) bindings.set(key.slice(6), value);
    }
    for (const key in attributes) {
      if (!key.endsWith(':MustUnderstand') || bindings.get(prefixOf(key)) !== MC) continue;
      for (const prefix of (attributes[key] ?? '').split(/\s+/)) {
        const uri = prefix === '' ? undefined : (bindings.get(prefix) ?? prefix);
        if (uri !== undefined && !UNDERSTOOD_NAMESPACES.has(uri)) throw new MustUnderstandError(uri);
      }
    }
    let ignorable = this.scope.ignorable;
    for (const key in attributes) {
      if (!key.endsWith(':Ignorable') || bindings.get(prefixOf(key)) !== MC) continue;
      const more = new Set(ignorable);
      for (const prefix of (attributes[key] ?? '').split(/\s+/)) {
        const uri = prefix === '' ? undefined : bindings.get(prefix);
        if (uri !== undefined) more.add(uri);
      }
      ignorable = more;
    }
    let processContent = this.scope.processContent;
    for (const key in attributes) {
      if (!key.endsWith(':ProcessContent') || bindings.get(prefixOf(key)) !== MC) continue;
      const more = new Set(processContent);
      for (const qualified of (attributes[key] ?? '').split(/\s+/)) {
        const colon = qualified.indexOf(':');
        // A name is qualified by a declared prefix; one without a prefix names an element of the default namespace.
        const uri = bindings.get(colon < 0 ? '' : qualified.slice(0, colon));
        if (qualified !== '' && uri !== undefined) more.add(`${uri} ${qualified.slice(colon + 1)}`);
      }
      processContent = more;
    }
    const ignored = new Set<string>();
    for (const [prefix, uri] of bindings) if (ignorable.has(uri) && !UNDERSTOOD_NAMESPACES.has(uri)) ignored.add(prefix);
    return { bindings, ignorable, ignored, processContent };
  }
}
