import { contains } from './bytes.js';
import type { ImportKind } from './diagnostics.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * Recognised binary formats that are not read, for a precise message: a legacy .doc, a PDF, or a password-protected
 * .docx — which Word saves as an OLE compound file holding an `EncryptedPackage` stream (MS-OFFCRYPTO 2.3.4.4),
 * not as a zip.
 */
export function binaryFormat(bytes: Uint8Array): 'doc' | 'encrypted-ooxml' | 'pdf' | undefined {
  if (startsWith(bytes, OLE)) return hasEncryptedPackage(bytes) ? 'encrypted-ooxml' : 'doc';
  if (startsWith(bytes, PDF)) return 'pdf';
  return undefined;
}

const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage\0').flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * Whether a compound file has a stream named `EncryptedPackage`. Directory entries are 128 bytes, in sectors of 512
 * or 4,096 bytes after a 512-byte header, so each starts at a multiple of 128; an entry is the UTF-16LE name, its
 * length in bytes (with the terminator) at +64 and the object type at +66 (2 = stream) ([MS-CFB] 2.6.1). Looking at
 * every such place (instead of following the sector chains) finds the entry wherever the directory lies.
 */
function hasEncryptedPackage(bytes: Uint8Array): boolean {
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 64] === ENCRYPTED_PACKAGE.length && bytes[at + 65] === 0 && bytes[at + 66] === 2 && ENCRYPTED_PACKAGE.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

/** Text decoded from a submission's bytes; `damaged` names the encoding when invalid sequences became U+FFFD. */
export interface DecodedText {
  readonly text: string;
  readonly damaged?: 'UTF-8' | 'UTF-16';
}

/**
 * Decode bytes as text: a UTF-8/UTF-16 byte-order mark is honoured, UTF-8 is tried strictly, then GB18030 (text
 * saved by Chinese Windows tools). UTF-8 with a few invalid sequences among many valid characters is damaged
 * UTF-8, not GB18030 (GB18030 read as UTF-8 fails on nearly every character): it is decoded with U+FFFD in their
 * place and marked `damaged`, so that the reader says where. Returns undefined for binary data.
 */
export function decodeSubmission(bytes: Uint8Array): DecodedText | undefined {
  let decoded: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = strictOrDamaged(bytes.subarray(2), 'utf-16le', 'UTF-16');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = strictOrDamaged(bytes.subarray(2), 'utf-16be', 'UTF-16');
  else {
    try {
      decoded = { text: decoder('utf-8').decode(bytes) };
    } catch {
      const loose = looseDecoder('utf-8').decode(bytes);
      let invalid = 0;
      let valid = 0;
      for (let i = 0; i < loose.length; i++) {
        const c = loose.charCodeAt(i);
        if (c === 0xfffd) invalid++;
        else if (c >= 0x80 && (c < 0xdc00 || c > 0xdfff)) valid++; // (a surrogate pair counts once)
      }
      if (valid > 4 * invalid) decoded = { text: loose, damaged: 'UTF-8' };
      else {
        try {
          decoded = { text: decoder('gb18030').decode(bytes) };
        } catch {
          return undefined;
        }
      }
    }
  }
  // Control characters other than tab/newline/carriage return/form feed mean binary data. (A surrogate pair
  // counts as one character and is never a control character, so counting code units gives the same count.)
  const { text } = decoded;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > Math.max(2, text.length / 100) ? undefined : decoded;
}

/** {@link decodeSubmission}'s text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  return decodeSubmission(bytes)?.text;
}

function strictOrDamaged(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: 'UTF-16'): DecodedText {
  try {
    return { text: decoder(encoding).decode(bytes) };
  } catch {
    return { text: looseDecoder(encoding).decode(bytes), damaged: name };
  }
}

/**
 * One strict decoder per encoding, made on first use and reused: a decode call without `stream` starts afresh,
 * also after a call that threw.
 */
const DECODERS = new Map<string, TextDecoder>();
function decoder(encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'): TextDecoder {
  let d = DECODERS.get(encoding);
  if (d === undefined) {
    d = new TextDecoder(encoding, { fatal: true });
    DECODERS.set(encoding, d);
  }
  return d;
}

/** Decoders that put U+FFFD in place of what they cannot decode (for damaged text, which is then reported). */
const LOOSE_DECODERS = new Map<string, TextDecoder>();
function looseDecoder(encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): TextDecoder {
  let d = LOOSE_DECODERS.get(encoding);
  if (d === undefined) {
    d = new TextDecoder(encoding);
    LOOSE_DECODERS.set(encoding, d);
  }
  return d;
}

/**
 * Extensions whose files always start with a signature (a zip's, a PDF's): such a file whose bytes do not is damaged
 * or misnamed, never text to read. (Not .doc or .xls: units save HTML and RTF under those names, and those are read.)
 */
export const SIGNED_EXTENSIONS: Readonly<Record<string, string>> = { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', xlsm: 'Excel (.xlsm)', pdf: 'PDF' };

export function extensionOf(filename: string | undefined): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename ?? '');
  return (m?.[1] ?? '').toLowerCase();
}

/**
 * What kind of submission `bytes` holds: by content first (a zip is a .docx, `{` opens JSON), then by the file
 * name's extension (.yaml/.yml), else text. `unknown` for binary data that is none of these.
 */
export function detectKind(bytes: Uint8Array, filename?: string): ImportKind {
  return detectAndDecode(bytes, filename).kind;
}

/** {@link detectKind}, with the decoded text for a text kind (so that it is decoded once). */
export function detectAndDecode(bytes: Uint8Array, filename?: string): { readonly kind: ImportKind; readonly text?: string; readonly damaged?: DecodedText['damaged'] } {
  if (startsWith(bytes, ZIP)) return { kind: isWorkbook(bytes, extensionOf(filename)) ? 'xlsx' : 'docx' };
  if (binaryFormat(bytes) !== undefined) return { kind: 'unknown' };
  const decoded = decodeSubmission(bytes);
  if (decoded === undefined) return { kind: 'unknown' };
  const { text } = decoded;
  const ext = extensionOf(filename);
  const head = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  let kind: ImportKind = 'text';
  if (head.startsWith('{') || (ext === 'json' && head.startsWith('['))) kind = 'json';
  else if (ext === 'yaml' || ext === 'yml') kind = 'yaml';
  // (The multi-line regex scans the whole text: only run it when one of its words is there.)
  else if (/^(?:---\s*\n|%YAML)/.test(head) || ((head.includes('modelVersion') || head.includes('fiscalYear')) && /^(?:modelVersion|fiscalYear)\s*:/m.test(head))) kind = 'yaml';
  else if (ext in SIGNED_EXTENSIONS) return { kind: 'unknown' };
  return decoded.damaged === undefined ? { kind, text } : { kind, text, damaged: decoded.damaged };
}

const WORKBOOK = new TextEncoder().encode('xl/workbook.xml');
const WORD_DOCUMENT = new TextEncoder().encode('word/document.xml');

/**
 * Whether a zip is an Excel workbook rather than a Word document: its (uncompressed) entry names hold
 * `xl/workbook.xml` and not `word/document.xml`, or, where neither is named, the extension is .xlsx/.xlsm. The
 * chosen reader then checks the package properly (a damaged zip is refused by either).
 */
function isWorkbook(bytes: Uint8Array, ext: string): boolean {
  const workbook = contains(bytes, WORKBOOK);
  const word = contains(bytes, WORD_DOCUMENT);
  if (workbook !== word) return workbook;
  return ext === 'xlsx' || ext === 'xlsm';
}

/** The kind a MIME type names, if it names one. */
export function kindOfContentType(contentType: string | undefined): ImportKind | undefined {
  if (contentType === undefined) return undefined;
  const t = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (t === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (t === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' || t === 'application/vnd.ms-excel.sheet.macroenabled.12') return 'xlsx';
  if (t === 'application/json') return 'json';
  if (t === 'application/yaml' || t === 'application/x-yaml' || t === 'text/yaml') return 'yaml';
  if (t === 'text/plain') return 'text';
  return undefined;
}

