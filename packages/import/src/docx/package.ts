import { SaxesParser } from 'saxes';

/** The relationship types of the main document part: ECMA-376 transitional and strict (ISO/IEC 29500 strict). */
const OFFICE_DOCUMENT = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument']);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Most elements read from the package relationships part (Word writes three or four relationships). */
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
  let relationshipsXml: string;
  try {
    relationshipsXml = UTF8.decode(relationships);
  } catch {
    throw new PackageReadError('docx-xml-invalid', '_rels/.rels is not valid UTF-8');
  }
  const targets: { target: string | undefined; external: boolean }[] = [];
  let elements = 0;
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new PackageReadError('docx-xml-invalid', '_rels/.rels declares a DTD');
  });
  parser.on('opentag', (tag) => {
    if (++elements > MAX_RELATIONSHIP_ELEMENTS) throw new PackageReadError('docx-xml-invalid', `_rels/.rels has more than ${MAX_RELATIONSHIP_ELEMENTS} elements`);
    const colon = tag.name.indexOf(':');
    if ((colon < 0 ? tag.name : tag.name.slice(colon + 1)) !== 'Relationship') return;
    const type = tag.attributes.Type;
    if (type === undefined || !OFFICE_DOCUMENT.has(type)) return;
    targets.push({ target: tag.attributes.Target, external: tag.attributes.TargetMode === 'External' });
  });
  try {
    parser.write(relationshipsXml).close();
  } catch (error) {
    if (error instanceof PackageReadError) throw error;
    throw new PackageReadError('docx-xml-invalid', `_rels/.rels: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (targets.length > 1) throw new PackageReadError('docx-ambiguous-document', 'two officeDocument relationships');
  const [main] = targets;
  if (main?.target === undefined || main.external) throw new PackageReadError('docx-no-document', 'no officeDocument relationship to a part of the package');
  const name = resolvePartName(main.target);
  if (name === undefined) throw new PackageReadError('docx-no-document', `the officeDocument target ${main.target} leaves the package`, main.target);
  return name;
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
