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

/** What a binary file that is no document is, when its first bytes say: an image, a program or an archive. */
export interface BinaryKind {
  readonly type: 'image' | 'executable' | 'archive';
  /** The format's usual name (PNG, ELF …). */
  readonly name: string;
}

const latin1 = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Signatures ("magic numbers") of the binary files a reviewer's inbox holds besides forms; `at` where they start. */
const BINARY_SIGNATURES: readonly { readonly sig: readonly number[]; readonly at?: number; readonly kind: BinaryKind }[] = [
  { sig: [0x89, ...latin1('PNG\r\n\x1a\n')], kind: { type: 'image', name: 'PNG' } },
  { sig: [0xff, 0xd8, 0xff], kind: { type: 'image', name: 'JPEG' } },
  { sig: latin1('GIF8'), kind: { type: 'image', name: 'GIF' } },
  { sig: latin1('BM'), kind: { type: 'image', name: 'BMP' } },
  { sig: latin1('II*\0'), kind: { type: 'image', name: 'TIFF' } },
  { sig: latin1('MM\0*'), kind: { type: 'image', name: 'TIFF' } },
  { sig: latin1('WEBP'), at: 8, kind: { type: 'image', name: 'WebP' } },
  { sig: latin1('\x7fELF'), kind: { type: 'executable', name: 'ELF' } },
  { sig: latin1('MZ'), kind: { type: 'executable', name: 'Windows EXE/DLL' } },
  { sig: [0xfe, 0xed, 0xfa, 0xce], kind: { type: 'executable', name: 'Mach-O' } },
  { sig: [0xfe, 0xed, 0xfa, 0xcf], kind: { type: 'executable', name: 'Mach-O' } },
  { sig: [0xce, 0xfa, 0xed, 0xfe], kind: { type: 'executable', name: 'Mach-O' } },
  { sig: [0xcf, 0xfa, 0xed, 0xfe], kind: { type: 'executable', name: 'Mach-O' } },
  { sig: [0x1f, 0x8b], kind: { type: 'archive', name: 'gzip' } },
  { sig: latin1('Rar!\x1a\x07'), kind: { type: 'archive', name: 'RAR' } },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: { type: 'archive', name: '7z' } },
  { sig: [0xfd, ...latin1('7zXZ\0')], kind: { type: 'archive', name: 'xz' } },
  { sig: latin1('BZh'), kind: { type: 'archive', name: 'bzip2' } },
];

/**
 * What binary data is, by its first bytes, for a precise message: an image (a scan or photo of a form), a program,
 * an archive. Undefined where no signature matches (and for text: call it on bytes that did not decode as text;
 * `BM` or `MZ` also start words).
 */
export function binaryKind(bytes: Uint8Array): BinaryKind | undefined {
  return BINARY_SIGNATURES.find(({ sig, at = 0 }) => startsWith(bytes.subarray(at), sig))?.kind;
}

/** Text decoded from a submission's bytes; `damaged` names the encoding when invalid sequences became U+FFFD. */
export interface DecodedText {
  readonly text: string;
  readonly damaged?: 'UTF-8' | 'UTF-16';
}

/**
 * Decode bytes as text: a UTF-8/UTF-16 byte-order mark is honoured; UTF-16 without one is told by its NUL bytes (see
 * {@link utf16ByNulBytes}); UTF-8 is tried strictly, then GB18030 (text saved by Chinese Windows tools). UTF-8 with a
 * few invalid sequences among many valid characters is damaged UTF-8, not GB18030 (GB18030 read as UTF-8 fails on
 * nearly every character): it is decoded with U+FFFD in their place and marked `damaged`, so that the reader says
 * where. Returns undefined for binary data.
 */
export function decodeSubmission(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return textOrBinary(strictOrDamaged(bytes.subarray(2), 'utf-16le', 'UTF-16'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return textOrBinary(strictOrDamaged(bytes.subarray(2), 'utf-16be', 'UTF-16'));
  const utf16 = utf16ByNulBytes(bytes);
  // (Bytes with that pattern that are no UTF-16 text are read as they would be without it.)
  const asUtf16 = utf16 === undefined ? undefined : textOrBinary(strictOrDamaged(bytes, utf16, 'UTF-16'));
  if (asUtf16 !== undefined) return asUtf16;
  try {
    return textOrBinary({ text: decoder('utf-8').decode(bytes) });
  } catch {
    const loose = looseDecoder('utf-8').decode(bytes);
    let invalid = 0;
    let valid = 0;
    for (let i = 0; i < loose.length; i++) {
      const c = loose.charCodeAt(i);
      if (c === 0xfffd) invalid++;
      else if (c >= 0x80 && (c < 0xdc00 || c > 0xdfff)) valid++; // (a surrogate pair counts once)
    }
    if (valid > 4 * invalid) return textOrBinary({ text: loose, damaged: 'UTF-8' });
    try {
      return textOrBinary({ text: decoder('gb18030').decode(bytes) });
    } catch {
      return undefined;
    }
  }
}

/**
 * Control characters other than tab/newline/carriage return/form feed (and U+FFFD) past 1 % of the text, and more
 * than two, mean binary data: undefined then. (A surrogate pair counts as one character and is never a control
 * character, so counting code units gives the same count.)
 */
function textOrBinary(decoded: DecodedText): DecodedText | undefined {
  const { text } = decoded;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > Math.max(2, text.length / 100) ? undefined : decoded;
}

/**
 * UTF-16 without a byte-order mark (Notepad's "Unicode" saved by some tools, text copied out of other programs), by
 * its NUL bytes: every ASCII character of the form — digits, tabs, line breaks, Latin letters — is a NUL byte and
 * its own, the NUL after it in little-endian order and before it in big-endian; a CJK character rarely has one
 * (一 U+4E00 does, on the other side). So: at least 4 NULs on one side, more than four times as many as on the
 * other, and at least one for every hundred byte pairs (the seed form in UTF-16: 977 against 54 of 6,160). Text in
 * UTF-8 or GB18030 holds no NUL at all; binary data has them on both sides, or decodes to control characters.
 */
export function utf16ByNulBytes(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = Math.floor(bytes.length / 2);
  const side = (nuls: number, other: number) => nuls >= 4 && nuls > 4 * other && nuls * 100 >= pairs;
  if (side(odd, even)) return 'utf-16le';
  if (side(even, odd)) return 'utf-16be';
  return undefined;
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

