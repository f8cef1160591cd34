// Writes zip archives byte by byte, so that a test can build the hostile ones no zip library would write: parts
// that exist only as a local header, two entries with one name, local headers that contradict the central
// directory, bytes after the end record. (APPNOTE.TXT 6.3: local header 4.3.7, central header 4.3.12, end record
// 4.3.16.) Used by the hostile .docx tests only.
import { readFileSync } from 'node:fs';
import { deflateSync, strFromU8, strToU8, unzipSync } from 'fflate';

/** The fields a header carries; a test overrides any of them in the local or the central copy. */
export interface HeaderFields {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export interface CraftEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflated (default), or any other method number (the data is then stored as given). */
  readonly method?: number;
  readonly flags?: number;
  /** Fields written into the local header instead of the true ones. */
  readonly local?: Partial<HeaderFields>;
  /** Fields written into the central directory instead of the true ones. */
  readonly central?: Partial<HeaderFields>;
  /** Written as a local header and data only: no central directory entry points at it. */
  readonly orphan?: boolean;
  /**
   * Sizes and CRC in a data descriptor after the data (flag bit 3, zeros in the local header), as streaming
   * writers do; `true`, or the fields to write there instead of the true ones.
   */
  readonly descriptor?: true | Partial<Pick<HeaderFields, 'crc' | 'compressedSize' | 'size'>>;
}

export interface CraftOptions {
  /** Bytes written after the end of central directory record. */
  readonly trailing?: Uint8Array;
  /** Archive comment (in the end record). */
  readonly comment?: Uint8Array;
  /**
   * ZIP64 throughout, as some writers emit it for any size: sizes and offsets in ZIP64 extra fields (the 32-bit
   * fields hold 0xFFFFFFFF), a ZIP64 end record and its locator before the end record.
   */
  readonly zip64?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip stores it (ISO 3309). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Bytes {
  private readonly parts: number[] = [];
  get length(): number {
    return this.parts.length;
  }
  u16(v: number): this {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  u64(v: number): this {
    return this.u32(v % 2 ** 32).u32(Math.floor(v / 2 ** 32));
  }
  raw(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** A zip archive of `entries` in order, with each header exactly as the entry describes it. */
export function craftZip(entries: readonly CraftEntry[], options: CraftOptions = {}): Uint8Array {
  const z64 = options.zip64 === true;
  const out = new Bytes();
  const central = new Bytes();
  let count = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const stored = method === 8 ? deflateSync(e.data) : e.data;
    const truth: HeaderFields = { name: e.name, flags: (e.flags ?? 0) | (e.descriptor === undefined ? 0 : 8), method, crc: crc32(e.data), compressedSize: stored.length, size: e.data.length };
    const local = { ...truth, ...(e.descriptor === undefined ? {} : { crc: 0, compressedSize: 0, size: 0 }), ...e.local };
    const offset = out.length;
    const localName = strToU8(local.name);
    // ZIP64 local extra field (APPNOTE 4.5.3): both sizes.
    const localExtra = z64 ? new Bytes().u16(1).u16(16).u64(local.size).u64(local.compressedSize).done() : new Uint8Array(0);
    out.u32(0x04034b50).u16(z64 ? 45 : 20).u16(local.flags).u16(local.method).u16(0).u16(0x21).u32(local.crc);
    out.u32(z64 ? 0xffffffff : local.compressedSize).u32(z64 ? 0xffffffff : local.size).u16(localName.length).u16(localExtra.length).raw(localName).raw(localExtra).raw(stored);
    if (e.descriptor !== undefined) {
      const d = { ...truth, ...(e.descriptor === true ? {} : e.descriptor) };
      out.u32(0x08074b50).u32(d.crc);
      if (z64) out.u64(d.compressedSize).u64(d.size);
      else out.u32(d.compressedSize).u32(d.size);
    }
    if (e.orphan === true) continue;
    const c = { ...truth, ...e.central };
    const centralName = strToU8(c.name);
    const centralExtra = z64 ? new Bytes().u16(1).u16(24).u64(c.size).u64(c.compressedSize).u64(offset).done() : new Uint8Array(0);
    central.u32(0x02014b50).u16(z64 ? 45 : 20).u16(z64 ? 45 : 20).u16(c.flags).u16(c.method).u16(0).u16(0x21).u32(c.crc);
    central.u32(z64 ? 0xffffffff : c.compressedSize).u32(z64 ? 0xffffffff : c.size).u16(centralName.length).u16(centralExtra.length).u16(0).u16(0).u16(0).u32(0);
    central.u32(z64 ? 0xffffffff : offset).raw(centralName).raw(centralExtra);
    count++;
  }
  const cdOffset = out.length;
  const cd = central.done();
  out.raw(cd);
  if (z64) {
    const record = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cd.length).u64(cdOffset);
    out.u32(0x07064b50).u32(0).u64(record).u32(1);
  }
  const comment = options.comment ?? new Uint8Array(0);
  out.u32(0x06054b50).u16(0).u16(0).u16(z64 ? 0xffff : count).u16(z64 ? 0xffff : count).u32(z64 ? 0xffffffff : cd.length).u32(z64 ? 0xffffffff : cdOffset).u16(comment.length).raw(comment);
  if (options.trailing !== undefined) out.raw(options.trailing);
  return out.done();
}

const SEED_DOCX = new URL('../../examples/beita-justice-2020/form.docx', import.meta.url);

/** The entries of the seed form's .docx, in its order, ready to be re-crafted. */
export function seedEntries(): CraftEntry[] {
  return Object.entries(unzipSync(new Uint8Array(readFileSync(SEED_DOCX)))).map(([name, data]) => ({ name, data }));
}

/** The seed's word/document.xml with one figure changed: a document a hostile file would hide. */
export function seedDocumentWith(from: string, to: string): Uint8Array {
  const doc = seedEntries().find((e) => e.name === 'word/document.xml');
  if (doc === undefined) throw new Error('the seed .docx has no word/document.xml');
  const xml = strFromU8(doc.data);
  if (!xml.includes(from)) throw new Error(`the seed document does not contain ${from}`);
  return strToU8(xml.replace(from, to));
}

/**
 * A compound file (MS-CFB, version 3, 512-byte sectors) whose root holds empty streams of the given names: sector 0
 * is the FAT, sector 1 the directory. What Word writes for a password-protected .docx has `EncryptionInfo` and
 * `EncryptedPackage` streams (MS-OFFCRYPTO 2.3.4.4); a legacy .doc has `WordDocument`.
 */
export function craftCompoundFile(streams: readonly string[]): Uint8Array {
  if (streams.length > 3) throw new Error('one directory sector holds the root and three streams');
  const NONE = 0xffffffff;
  const END = 0xfffffffe;
  const header = new Bytes().raw(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).raw(new Uint8Array(16));
  header.u16(0x3e).u16(3).u16(0xfffe).u16(9).u16(6).raw(new Uint8Array(6)).u32(0).u32(1).u32(1).u32(0).u32(0x1000).u32(END).u32(0).u32(END).u32(0);
  header.u32(0); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.u32(NONE);
  const fat = new Bytes().u32(0xfffffffd).u32(END);
  for (let i = 2; i < 128; i++) fat.u32(NONE);
  const entry = (name: string, type: number, right: number, child: number) => {
    const units = new Bytes();
    for (const c of name) units.u16(c.charCodeAt(0));
    const nameBytes = units.u16(0).done();
    const e = new Bytes().raw(nameBytes).raw(new Uint8Array(64 - nameBytes.length)).u16(nameBytes.length);
    e.raw(Uint8Array.from([type, 1])).u32(NONE).u32(right).u32(child).raw(new Uint8Array(16 + 4 + 16)).u32(END).u32(0).u32(0);
    return e.done();
  };
  const directory = new Bytes().raw(entry('Root Entry', 5, NONE, streams.length > 0 ? 1 : NONE));
  streams.forEach((name, i) => directory.raw(entry(name, 2, i + 1 < streams.length ? i + 2 : NONE, NONE)));
  for (let i = streams.length + 1; i < 4; i++) directory.raw(new Uint8Array(128));
  return new Bytes().raw(header.done()).raw(fat.done()).raw(directory.done()).done();
}
