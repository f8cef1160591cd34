import { SaxesParser } from 'saxes';
import { localName } from './ooxml.js';

/** The relationship types of the main document part: ECMA-376 transitional and strict (ISO/IEC 29500 strict). */
const OFFICE_DOCUMENT = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument']);

/** The relationship types of the styles part: transitional and strict. */
const STYLES = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', 'http://purl.oclc.org/ooxml/officeDocument/relationships/styles']);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Most elements read from a relationships part (Word writes three to a dozen relationships). */
const MAX_RELATIONSHIP_ELEMENTS = 1_000;

/** Why the main document part could not be found from the package relationships. */
export class PackageReadError extends Error {
  constructor(
    readonly code: 'docx-no-document' | 'docx-ambiguous-document' | 'docx-xml-invalid',
    message: string,
    readonly part?: string,
  ) {
    super(message);
    this.name = 'PackageReadError';
  }
}

/**
 * The zip item name of the main document part, as Word finds it: the target of the package's officeDocument
 * relationship in `_rels/.rels` (ECMA-376 Part 2, 9.3), resolved against the package root. Not necessarily
 * `word/document.xml`: a package whose relationship names another part shows that part in Word, and is read so.
 * Two officeDocument relationships, an external target or one that leaves the package are refused.
 */
export function mainDocumentName(relationships: Uint8Array): string {
  const targets = relationshipsOf(relationships, '_rels/.rels').filter((r) => OFFICE_DOCUMENT.has(r.type));
  if (targets.length > 1) throw new PackageReadError('docx-ambiguous-document', 'two officeDocument relationships');
  const [main] = targets;
  if (main?.target === undefined || main.external) throw new PackageReadError('docx-no-document', 'no officeDocument relationship to a part of the package');
  const name = resolvePartName(main.target);
  if (name === undefined) throw new PackageReadError('docx-no-document', `the officeDocument target ${main.target} leaves the package`, main.target);
  return name;
}

/** The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels` (ECMA-376 Part 2, 9.3.3). */
export function relationshipsPartName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The zip item name of the styles part of the main document `document`, as Word finds it: the target of the styles
 * relationship in the document's relationships part, resolved against the document's folder. `undefined` when
 * there is none, or it is external, ambiguous or leaves the package (Word then uses its built-in styles).
 */
export function stylesPartName(document: string, relationships: Uint8Array): string | undefined {
  const targets = relationshipsOf(relationships, relationshipsPartName(document)).filter((r) => STYLES.has(r.type));
  const [styles] = targets;
  if (targets.length !== 1 || styles?.target === undefined || styles.external) return undefined;
  const folder = document.slice(0, document.lastIndexOf('/') + 1);
  return resolvePartName(styles.target.startsWith('/') ? styles.target : folder + styles.target);
}

/** The relationships a relationships part declares (at most {@link MAX_RELATIONSHIP_ELEMENTS} elements read). */
function relationshipsOf(relationships: Uint8Array, part: string): { readonly type: string; readonly target: string | undefined; readonly external: boolean }[] {
  let relationshipsXml: string;
  try {
    relationshipsXml = UTF8.decode(relationships);
  } catch {
    throw new PackageReadError('docx-xml-invalid', `${part} is not valid UTF-8`, part);
  }
  const found: { type: string; target: string | undefined; external: boolean }[] = [];
  let elements = 0;
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new PackageReadError('docx-xml-invalid', `${part} declares a DTD`, part);
  });
  parser.on('opentag', (tag) => {
    if (++elements > MAX_RELATIONSHIP_ELEMENTS) throw new PackageReadError('docx-xml-invalid', `${part} has more than ${MAX_RELATIONSHIP_ELEMENTS} elements`, part);
    if (localName(tag.name) !== 'Relationship') return;
    const type = tag.attributes.Type;
    if (type !== undefined) found.push({ type, target: tag.attributes.Target, external: tag.attributes.TargetMode === 'External' });
  });
  try {
    parser.write(relationshipsXml).close();
  } catch (error) {
    if (error instanceof PackageReadError) throw error;
    throw new PackageReadError('docx-xml-invalid', `${part}: ${error instanceof Error ? error.message : String(error)}`, part);
  }
  return found;
}

/** A relationship target of the package root as a zip item name: `/word/document.xml`, `./word/document.xml` → `word/document.xml`. */
function resolvePartName(target: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return undefined;
    } else segments.push(segment);
  }
  return segments.length === 0 ? undefined : segments.join('/');
}
