import { defaultInflateRaw, type InflateRaw } from './inflate.js';

/** Limits applied before and while inflating a .docx (a zip bomb gets a clear error, fast). */
export interface ZipLimits {
  /** Most entries a .docx may have (Word writes a few dozen). */
  readonly maxEntries: number;
  /** Most bytes one XML part may inflate to. */
  readonly maxEntryBytes: number;
  /** Most bytes all entries may declare together. */
  readonly maxTotalBytes: number;
}

/**
 * 4 MB for word/document.xml: the seed form's is 36 KB; Word's own markup (revision ids, run properties on every run)
 * makes a real one several times larger, still far below. What is read is bounded by this, not by the file's size.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxEntryBytes: 4 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

export type ZipErrorCode =
  | 'docx-invalid-zip'
  | 'docx-too-many-entries'
  | 'docx-too-large'
  | 'docx-no-document'
  | 'docx-zip-hidden-data'
  | 'docx-zip-duplicate-entry'
  | 'docx-zip-header-mismatch'
  | 'docx-encrypted'
  | 'docx-unsupported-compression';

/** Why a zip could not be read; `entry` names the entry concerned, `method` an unsupported compression method. */
export class ZipReadError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
    readonly entry?: string,
    readonly method?: number,
  ) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/** One entry of the central directory, checked against its local header. */
export interface ZipEntry {
  /** The name as stored (UTF-8 when flag bit 11 says so, else one character per byte). */
  readonly name: string;
  readonly method: number;
  readonly size: number;
  readonly compressedSize: number;
  /** Offset of the entry's compressed data in the archive. */
  readonly dataOffset: number;
}

/** The entries of an archive, by part name (OPC compares part names case-insensitively: ECMA-376 Part 2, 9.1.1.1). */
export type ZipDirectory = ReadonlyMap<string, ZipEntry>;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_DIRECTORY_ENCRYPTED = 0x2000;
/** The flags that change how an entry's bytes are read: local and central headers must agree on them. */
const FLAGS_COMPARED = FLAG_ENCRYPTED | FLAG_DESCRIPTOR | FLAG_STRONG_ENCRYPTION;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;
/** Compression methods of APPNOTE 4.4.5 a reader may meet in the wild (for the message). */
export const METHOD_NAMES: Readonly<Record<number, string>> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd' };
const METHOD_AES = 99;

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

/** The key an entry is found by: part names are equal when equal ignoring ASCII case. */
export function partKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** Fails unless `length` bytes from `at` lie inside the archive. */
  need(at: number, length: number, what: string): void {
    if (!Number.isSafeInteger(at) || at < 0 || at + length > this.bytes.length) throw new ZipReadError('docx-invalid-zip', `${what} lies outside the file`);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const v = this.view.getBigUint64(at, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipReadError('docx-invalid-zip', 'a 64-bit size or offset is out of range');
    return Number(v);
  }
}

/** The ZIP64 extended information extra field (id 1): its 8-byte values in order, if present. */
function zip64Values(r: Reader, extraAt: number, extraLength: number): number[] | undefined {
  for (let at = extraAt; at + 4 <= extraAt + extraLength; ) {
    const id = r.u16(at);
    const size = r.u16(at + 2);
    if (at + 4 + size > extraAt + extraLength) throw new ZipReadError('docx-invalid-zip', 'an extra field runs past its header');
    if (id === 1) return Array.from({ length: Math.floor(size / 8) }, (_, i) => r.u64(at + 4 + i * 8));
    at += 4 + size;
  }
  return undefined;
}

interface Located {
  /** Where the central directory starts and ends (the end record, or the ZIP64 end record, follows at once). */
  readonly directoryStart: number;
  readonly directoryEnd: number;
  readonly entries: number;
}

/**
 * Find the end of central directory record. It must end the file exactly (its comment included): bytes after it,
 * or a second end record inside the comment, are data no directory accounts for.
 */
function locate(r: Reader): Located {
  const { length } = r.bytes;
  let end = -1;
  for (let at = length - 22; at >= Math.max(0, length - 22 - MAX16); at--) {
    if (r.u32(at) === SIG_END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipReadError('docx-invalid-zip', 'no end of central directory record');
  const commentEnd = end + 22 + r.u16(end + 20);
  if (commentEnd > length) throw new ZipReadError('docx-invalid-zip', 'the archive comment runs past the end of the file');
  if (commentEnd < length) throw new ZipReadError('docx-zip-hidden-data', `${length - commentEnd} bytes follow the end of the central directory`);
  if (r.u16(end + 4) !== 0 || r.u16(end + 6) !== 0) throw new ZipReadError('docx-invalid-zip', 'a multi-volume archive');
  let entries = r.u16(end + 10);
  let size = r.u32(end + 12);
  let start = r.u32(end + 16);
  let directoryEnd = end;
  if (r.u16(end + 8) !== entries) throw new ZipReadError('docx-invalid-zip', 'entry counts of the end record disagree');
  if (end >= 20 && r.u32(end - 20) === SIG_LOCATOR64) {
    // ZIP64 (APPNOTE 4.3.14–4.3.15): the locator sits just before the end record and points at the ZIP64 end
    // record, which must end where the locator starts. Its values replace the 16/32-bit ones, which must be
    // either equal or the 0xFFFF… placeholders.
    const record = r.u64(end - 12);
    r.need(record, 56, 'the ZIP64 end record');
    if (r.u32(record) !== SIG_END64 || record + 12 + r.u64(record + 4) !== end - 20) throw new ZipReadError('docx-zip-hidden-data', 'the ZIP64 end record is not where its locator says');
    if (r.u32(end - 16) !== 0 || r.u32(end - 4) > 1 || r.u32(record + 16) !== 0 || r.u32(record + 20) !== 0) throw new ZipReadError('docx-invalid-zip', 'a multi-volume archive');
    const entries64 = r.u64(record + 32);
    const size64 = r.u64(record + 40);
    const start64 = r.u64(record + 48);
    if (r.u64(record + 24) !== entries64) throw new ZipReadError('docx-invalid-zip', 'entry counts of the ZIP64 end record disagree');
    if ((entries !== MAX16 && entries !== entries64) || (size !== MAX32 && size !== size64) || (start !== MAX32 && start !== start64)) {
      throw new ZipReadError('docx-zip-header-mismatch', 'the end record and the ZIP64 end record disagree');
    }
    entries = entries64;
    size = size64;
    start = start64;
    directoryEnd = record;
  }
  if (start + size !== directoryEnd) {
    if (start + size > directoryEnd) throw new ZipReadError('docx-invalid-zip', 'the central directory overlaps its end record');
    throw new ZipReadError('docx-zip-hidden-data', 'bytes lie between the central directory and its end record');
  }
  return { directoryStart: start, directoryEnd, entries };
}

interface Central {
  readonly nameBytes: Uint8Array;
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly zip64: boolean;
}

const UTF8 = new TextDecoder('utf-8');

function decodeName(bytes: Uint8Array, flags: number): string {
  // Names without the UTF-8 flag are CP437; the part names a .docx needs are ASCII, where both agree.
  if (flags & FLAG_UTF8) return UTF8.decode(bytes);
  let name = '';
  for (const b of bytes) name += String.fromCharCode(b);
  return name;
}

function readCentral(r: Reader, at: number, end: number): { entry: Central; next: number } {
  if (at + 46 > end || r.u32(at) !== SIG_CENTRAL) throw new ZipReadError('docx-invalid-zip', 'a central directory header is damaged');
  const nameLength = r.u16(at + 28);
  const extraLength = r.u16(at + 30);
  const next = at + 46 + nameLength + extraLength + r.u16(at + 32);
  if (next > end) throw new ZipReadError('docx-invalid-zip', 'a central directory header runs past the directory');
  const flags = r.u16(at + 8);
  const nameBytes = r.bytes.subarray(at + 46, at + 46 + nameLength);
  let compressedSize = r.u32(at + 20);
  let size = r.u32(at + 24);
  let disk = r.u16(at + 34);
  let localOffset = r.u32(at + 42);
  const zip64 = size === MAX32 || compressedSize === MAX32 || localOffset === MAX32 || disk === MAX16;
  if (zip64) {
    const values = zip64Values(r, at + 46 + nameLength, extraLength) ?? [];
    const take = (): number => {
      const v = values.shift();
      if (v === undefined) throw new ZipReadError('docx-invalid-zip', 'a ZIP64 extra field is missing');
      return v;
    };
    if (size === MAX32) size = take();
    if (compressedSize === MAX32) compressedSize = take();
    if (localOffset === MAX32) localOffset = take();
    if (disk === MAX16) disk = take();
  }
  if (disk !== 0) throw new ZipReadError('docx-invalid-zip', 'a multi-volume archive');
  return { entry: { nameBytes, name: decodeName(nameBytes, flags), flags, method: r.u16(at + 10), crc: r.u32(at + 16), compressedSize, size, localOffset, zip64 }, next };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Check an entry's local header (and data descriptor) against its central directory entry; returns where its data
 * starts and where the entry ends.
 */
function checkLocal(r: Reader, c: Central, directoryStart: number): { dataOffset: number; end: number } {
  const at = c.localOffset;
  r.need(at, 30, `the local header of ${c.name}`);
  if (at + 30 > directoryStart || r.u32(at) !== SIG_LOCAL) throw new ZipReadError('docx-invalid-zip', `the local header of ${c.name} is damaged`);
  const mismatch = (what: string) => new ZipReadError('docx-zip-header-mismatch', `the local header of ${c.name} disagrees with the central directory on the ${what}`, c.name);
  const nameLength = r.u16(at + 26);
  const extraLength = r.u16(at + 28);
  r.need(at + 30, nameLength + extraLength, `the local header of ${c.name}`);
  if (!sameBytes(r.bytes.subarray(at + 30, at + 30 + nameLength), c.nameBytes)) throw mismatch('name');
  const flags = r.u16(at + 6);
  if ((flags & FLAGS_COMPARED) !== (c.flags & FLAGS_COMPARED)) throw mismatch('flags');
  if (r.u16(at + 8) !== c.method) throw mismatch('compression method');
  const dataOffset = at + 30 + nameLength + extraLength;
  const dataEnd = dataOffset + c.compressedSize;
  if (dataEnd > directoryStart) throw new ZipReadError('docx-invalid-zip', `the data of ${c.name} runs into the central directory`);
  let crc = r.u32(at + 14);
  let compressedSize = r.u32(at + 18);
  let size = r.u32(at + 22);
  let zip64 = c.zip64;
  if (size === MAX32 || compressedSize === MAX32) {
    // A local ZIP64 extra field holds both sizes (APPNOTE 4.5.3).
    const [size64, compressed64] = zip64Values(r, at + 30 + nameLength, extraLength) ?? [];
    if (size64 === undefined || compressed64 === undefined) throw new ZipReadError('docx-invalid-zip', `the local ZIP64 sizes of ${c.name} are missing`);
    size = size64;
    compressedSize = compressed64;
    zip64 = true;
  }
  if (!(flags & FLAG_DESCRIPTOR)) {
    if (crc !== c.crc) throw mismatch('CRC-32');
    if (compressedSize !== c.compressedSize) throw mismatch('compressed size');
    if (size !== c.size) throw mismatch('uncompressed size');
    return { dataOffset, end: dataEnd };
  }
  // Sizes and CRC follow the data (flag bit 3); the local header holds zeros, or the same values.
  if ((crc !== 0 && crc !== c.crc) || (compressedSize !== 0 && compressedSize !== c.compressedSize) || (size !== 0 && size !== c.size)) throw mismatch('sizes or CRC-32');
  let d = dataEnd;
  r.need(d, 4, `the data descriptor of ${c.name}`);
  if (r.u32(d) === SIG_DESCRIPTOR) d += 4;
  r.need(d, zip64 ? 20 : 12, `the data descriptor of ${c.name}`);
  crc = r.u32(d);
  compressedSize = zip64 ? r.u64(d + 4) : r.u32(d + 4);
  size = zip64 ? r.u64(d + 12) : r.u32(d + 8);
  const end = d + (zip64 ? 20 : 12);
  if (end > directoryStart) throw new ZipReadError('docx-invalid-zip', `the data descriptor of ${c.name} runs into the central directory`);
  if (crc !== c.crc || compressedSize !== c.compressedSize || size !== c.size) throw new ZipReadError('docx-zip-header-mismatch', `the data descriptor of ${c.name} disagrees with the central directory`, c.name);
  return { dataOffset, end };
}

/**
 * Read an archive's central directory the way Word and `unzip` do, and refuse anything another zip reader could
 * read differently: every byte of the file must belong to an entry the directory lists (no local header of its
 * own, no gap, no bytes after the end record), no two entries may share a part name, and every local header must
 * agree with its directory entry on name, flags, method, sizes and CRC. Encrypted entries and compression methods
 * other than stored and deflated are refused by name. Nothing is inflated here.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipDirectory {
  const r = new Reader(bytes);
  if (bytes.length < 22) throw new ZipReadError('docx-invalid-zip', 'too short for a zip archive');
  const { directoryStart, directoryEnd, entries } = locate(r);
  if (entries > limits.maxEntries) throw new ZipReadError('docx-too-many-entries', `more than ${limits.maxEntries} entries`);
  r.need(directoryStart, directoryEnd - directoryStart, 'the central directory');

  const centrals: Central[] = [];
  const keys = new Set<string>();
  let total = 0;
  let at = directoryStart;
  for (let i = 0; i < entries; i++) {
    const { entry, next } = readCentral(r, at, directoryEnd);
    at = next;
    const key = partKey(entry.name);
    if (keys.has(key)) throw new ZipReadError('docx-zip-duplicate-entry', `two entries are named ${entry.name}`, entry.name);
    if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_DIRECTORY_ENCRYPTED) || entry.method === METHOD_AES) throw new ZipReadError('docx-encrypted', `${entry.name} is encrypted`, entry.name);
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) throw new ZipReadError('docx-unsupported-compression', `${entry.name} uses compression method ${entry.method}`, entry.name, entry.method);
    total += entry.size;
    if (total > limits.maxTotalBytes) throw new ZipReadError('docx-too-large', `declared size above ${limits.maxTotalBytes} bytes`);
    keys.add(key);
    centrals.push(entry);
  }
  if (at !== directoryEnd) throw new ZipReadError('docx-zip-hidden-data', 'the central directory holds more than its entries');

  // Every byte before the directory belongs to exactly one listed entry, in order: a local header no entry
  // points at (an "orphan" part another reader would find by walking the file) leaves a gap.
  const located = centrals.map((c) => ({ c, ...checkLocal(r, c, directoryStart) })).sort((a, b) => a.c.localOffset - b.c.localOffset);
  const byName = new Map<string, ZipEntry>();
  let expected = 0;
  for (const { c, dataOffset, end } of located) {
    if (c.localOffset > expected) throw new ZipReadError('docx-zip-hidden-data', `${c.localOffset - expected} bytes before ${c.name} belong to no listed entry`);
    if (c.localOffset < expected) throw new ZipReadError('docx-invalid-zip', `${c.name} overlaps the entry before it`);
    expected = end;
    byName.set(partKey(c.name), { name: c.name, method: c.method, size: c.size, compressedSize: c.compressedSize, dataOffset });
  }
  if (expected !== directoryStart) throw new ZipReadError('docx-zip-hidden-data', `${directoryStart - expected} bytes before the central directory belong to no listed entry`);
  return byName;
}

/**
 * Inflate one entry, refusing it when its declared size is above `maxBytes`; the output is held to the declared
 * size as it is produced (a header that understates it is caught before anything larger is held) and must come
 * out at exactly that size.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, inflate: InflateRaw = defaultInflateRaw): Uint8Array {
  if (entry.size > maxBytes) throw new ZipReadError('docx-too-large', `${entry.name} declares ${entry.size} bytes`, entry.name);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array | undefined;
  if (entry.method === METHOD_STORED) out = data;
  else {
    try {
      out = inflate(data, entry.size);
    } catch (error) {
      throw new ZipReadError('docx-invalid-zip', `${entry.name} cannot be inflated: ${error instanceof Error ? error.message : String(error)}`, entry.name);
    }
  }
  if (out?.length !== entry.size) throw new ZipReadError('docx-zip-header-mismatch', `${entry.name} does not inflate to the size its headers declare`, entry.name);
  return out;
}
