/**
 * The first bytes of one stream of an OLE compound file ([MS-CFB]): what a Word or Excel 97-2003 file (and WPS's
 * .wps/.et, which are the same formats) says about itself at the start of its main stream — whether it is
 * encrypted. Only the sector chains that lead there are followed, each bounded by the number of sectors the file
 * has (a chain that loops or points outside the file ends the read: undefined). Nothing else of the file is read;
 * the document itself is read by LibreOffice.
 */

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY = 128;
const STREAM = 2;

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;

interface Header {
  readonly sectorSize: number;
  readonly sectors: number;
  readonly fatSectors: readonly number[];
}

/** The header's sector size and the sectors that hold the FAT (from the header's DIFAT and the DIFAT chain). */
function readHeader(bytes: Uint8Array): Header | undefined {
  const shift = u16(bytes, 30);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const fatCount = u32(bytes, 44);
  if (fatCount > sectors) return undefined;
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, 76 + i * 4));
  let difat = u32(bytes, 68);
  for (let hops = 0; fatSectors.length < fatCount && difat < sectors; hops++) {
    if (hops > sectors) return undefined;
    const at = (difat + 1) * sectorSize;
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, at + i * 4));
    difat = u32(bytes, at + perSector * 4);
  }
  return { sectorSize, sectors, fatSectors };
}

/** The sector after `sector` in its chain (a FAT entry), or undefined past the FAT. */
function nextSector(bytes: Uint8Array, h: Header, sector: number): number | undefined {
  const perSector = h.sectorSize / 4;
  const fat = h.fatSectors[Math.floor(sector / perSector)];
  if (fat === undefined || fat >= h.sectors) return undefined;
  return u32(bytes, (fat + 1) * h.sectorSize + (sector % perSector) * 4);
}

/** The sectors of the chain starting at `start`, at most `max` of them; undefined when it loops or leaves the file. */
function chain(bytes: Uint8Array, h: Header, start: number, max: number): number[] | undefined {
  const out: number[] = [];
  let sector = start;
  while (sector !== END_OF_CHAIN && out.length < max) {
    if (sector >= h.sectors || out.length > h.sectors) return undefined;
    out.push(sector);
    const next = nextSector(bytes, h, sector);
    if (next === undefined || next === FREE_SECTOR) return undefined;
    sector = next;
  }
  return out;
}

interface Entry {
  readonly name: string;
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

function entryAt(bytes: Uint8Array, at: number): Entry {
  const nameBytes = Math.min(u16(bytes, at + 64), 64);
  let name = '';
  for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(u16(bytes, at + i));
  return { name, type: bytes[at + 66] ?? 0, start: u32(bytes, at + 116), size: u32(bytes, at + 120) };
}

/**
 * The first `length` bytes (fewer when the stream is shorter) of the stream named `name` (compared ignoring case,
 * as the format does) in a compound file, or undefined when the file has no such stream of at least 4,096 bytes or
 * is not a well-formed compound file on the way there.
 */
export function compoundStreamStart(bytes: Uint8Array, name: string, length: number): Uint8Array | undefined {
  const h = readHeader(bytes);
  if (h === undefined) return undefined;
  const perSector = h.sectorSize / DIRECTORY_ENTRY;
  const directory = chain(bytes, h, u32(bytes, 48), h.sectors);
  if (directory === undefined) return undefined;
  let found: Entry | undefined;
  const wanted = name.toUpperCase();
  for (const sector of directory) {
    for (let i = 0; i < perSector; i++) {
      const e = entryAt(bytes, (sector + 1) * h.sectorSize + i * DIRECTORY_ENTRY);
      if (e.type === STREAM && found === undefined && e.name.toUpperCase() === wanted) found = e;
    }
  }
  // A stream under the cutoff (4,096 bytes) lives in the mini stream; Word's and Excel's main streams are larger (they
  // pad them), so one found there is not what this looks for.
  if (found === undefined || found.size < u32(bytes, 56)) return undefined;
  const want = Math.min(length, found.size);
  const sectors = chain(bytes, h, found.start, Math.ceil(want / h.sectorSize));
  if (sectors === undefined || sectors.length * h.sectorSize < want) return undefined;
  const out = new Uint8Array(want);
  for (let i = 0; i * h.sectorSize < want; i++) {
    const at = ((sectors[i] ?? h.sectors) + 1) * h.sectorSize;
    const take = Math.min(h.sectorSize, want - i * h.sectorSize);
    if (at + take > bytes.length) return undefined;
    out.set(bytes.subarray(at, at + take), i * h.sectorSize);
  }
  return out;
}
