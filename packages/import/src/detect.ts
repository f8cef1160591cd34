import type { ImportKind } from './diagnostics.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Recognised binary formats that are not read (a legacy .doc, a PDF), for a precise message. */
export function binaryFormat(bytes: Uint8Array): 'doc' | 'pdf' | undefined {
  if (startsWith(bytes, OLE)) return 'doc';
  if (startsWith(bytes, PDF)) return 'pdf';
  return undefined;
}

/**
 * Decode bytes as text: a UTF-8/UTF-16 byte-order mark is honoured, UTF-8 is tried strictly, then GB18030 (text
 * saved by Chinese Windows tools). Returns undefined for binary data.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string | undefined;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decoder('utf-16le').decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decoder('utf-16be').decode(bytes.subarray(2));
    else text = decoder('utf-8').decode(bytes);
  } catch {
    try {
      text = decoder('gb18030').decode(bytes);
    } catch {
      return undefined;
    }
  }
  // Control characters other than tab/newline/carriage return/form feed mean binary data. (A surrogate pair
  // counts as one character and is never a control character, so counting code units gives the same count.)
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > Math.max(2, text.length / 100) ? undefined : text;
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

function extensionOf(filename: string | undefined): string {
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
export function detectAndDecode(bytes: Uint8Array, filename?: string): { readonly kind: ImportKind; readonly text?: string } {
  if (startsWith(bytes, ZIP)) return { kind: 'docx' };
  if (binaryFormat(bytes) !== undefined) return { kind: 'unknown' };
  const text = decodeText(bytes);
  if (text === undefined) return { kind: 'unknown' };
  const ext = extensionOf(filename);
  const head = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (head.startsWith('{') || (ext === 'json' && head.startsWith('['))) return { kind: 'json', text };
  if (ext === 'yaml' || ext === 'yml') return { kind: 'yaml', text };
  // (The multi-line regex scans the whole text: only run it when one of its words is there.)
  if (/^(?:---\s*\n|%YAML)/.test(head) || ((head.includes('modelVersion') || head.includes('fiscalYear')) && /^(?:modelVersion|fiscalYear)\s*:/m.test(head))) return { kind: 'yaml', text };
  if (ext === 'docx') return { kind: 'unknown' };
  return { kind: 'text', text };
}

/** The kind a MIME type names, if it names one. */
export function kindOfContentType(contentType: string | undefined): ImportKind | undefined {
  if (contentType === undefined) return undefined;
  const t = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (t === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (t === 'application/json') return 'json';
  if (t === 'application/yaml' || t === 'application/x-yaml' || t === 'text/yaml') return 'yaml';
  if (t === 'text/plain') return 'text';
  return undefined;
}

export { extensionOf };
