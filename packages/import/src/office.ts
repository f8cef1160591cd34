/**
 * Office formats that are read by converting them (LibreOffice, Node only) or with pdf.js: what a file is, by
 * content first and by extension where the content does not say (an OLE compound file is a .doc, .wps, .xls
 * or .et; the streams inside tell a word processor from a spreadsheet).
 */
import { contains } from './bytes.js';
import { binaryFormat } from './detect.js';

export type OfficeFormat = 'doc' | 'wps' | 'xls' | 'et' | 'odt' | 'ods' | 'rtf' | 'pdf';

/** Whether a format is a text document (converted to .docx) or a spreadsheet (converted to .xlsx). */
export function officeTarget(format: OfficeFormat): 'docx' | 'xlsx' | undefined {
  switch (format) {
    case 'doc':
    case 'wps':
    case 'odt':
    case 'rtf':
      return 'docx';
    case 'xls':
    case 'et':
    case 'ods':
      return 'xlsx';
    default:
      return undefined;
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);

/** UTF-16LE bytes of an OLE directory entry name. */
const utf16 = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
};
const WORD_STREAM = utf16('WordDocument');
const BOOK_STREAMS = [utf16('Workbook'), utf16('Book\0')];

const ext = (filename: string | undefined): string => (/\.([A-Za-z0-9]+)$/.exec(filename ?? '')?.[1] ?? '').toLowerCase();

/** The ODF `mimetype` entry of a zip (the first entry, stored uncompressed as the standard requires). */
function odfMimetype(bytes: Uint8Array): string | undefined {
  // Local header: name length at 26, extra length at 28, name at 30.
  if (!startsWith(bytes, ZIP)) return undefined;
  const nameLength = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  const extraLength = (bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8);
  const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
  if (name !== 'mimetype') return undefined;
  const start = 30 + nameLength + extraLength;
  const method = (bytes[8] ?? 0) | ((bytes[9] ?? 0) << 8);
  // The standard stores it uncompressed; a compressed one is not taken for ODF (it then fails as a .docx would).
  if (method !== 0) return undefined;
  const size = (bytes[18] ?? 0) | ((bytes[19] ?? 0) << 8) | ((bytes[20] ?? 0) << 16);
  return new TextDecoder().decode(bytes.subarray(start, start + Math.min(size, 100)));
}

/**
 * The office format `bytes` hold, if it is one read through conversion or pdf.js; undefined for .docx, text,
 * JSON, YAML, a password-protected Office 2007+ file (an OLE file holding an `EncryptedPackage`: the browser-safe
 * reader names it) and anything unknown.
 */
export function officeFormat(bytes: Uint8Array, filename?: string): OfficeFormat | undefined {
  const e = ext(filename);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, OLE)) {
    if (binaryFormat(bytes) === 'encrypted-ooxml') return undefined;
    if (contains(bytes, WORD_STREAM)) return e === 'wps' ? 'wps' : 'doc';
    if (BOOK_STREAMS.some((n) => contains(bytes, n))) return e === 'et' ? 'et' : 'xls';
    if (e === 'doc' || e === 'wps' || e === 'xls' || e === 'et') return e;
    return undefined;
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  const mime = odfMimetype(bytes);
  if (mime === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (mime === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  return undefined;
}

