/**
 * Office formats that are read by converting them (LibreOffice, Node only) or with pdf.js: what a file is, by
 * content first and by extension where the content does not say (an OLE compound file is a .doc, .wps, .xls
 * or .et; the streams inside tell a word processor from a spreadsheet).
 */
import { contains } from './bytes.js';
import { compoundStreamStart } from './compound.js';
import type { InflateRaw } from './docx/inflate.js';
import { METHOD_NAMES, partKey, readZipDirectory, readZipEntry, ZipReadError, type ZipLimits } from './docx/zip.js';
import { binaryFormat } from './detect.js';
import { failure, type ImportResult } from './diagnostics.js';

export type OfficeFormat = 'doc' | 'wps' | 'xls' | 'et' | 'odt' | 'ods' | 'rtf' | 'pdf';

/** Each format's name as a reviewer knows it, in zh-CN and English. */
export const FORMAT_NAMES: Readonly<Record<OfficeFormat, { readonly 'zh-CN': string; readonly en: string }>> = {
  doc: { 'zh-CN': 'Word 97-2003（.doc）', en: 'Word 97-2003 (.doc)' },
  wps: { 'zh-CN': 'WPS 文字（.wps）', en: 'WPS Writer (.wps)' },
  xls: { 'zh-CN': 'Excel 97-2003（.xls）', en: 'Excel 97-2003 (.xls)' },
  et: { 'zh-CN': 'WPS 表格（.et）', en: 'WPS Spreadsheets (.et)' },
  odt: { 'zh-CN': 'OpenDocument 文本（.odt）', en: 'OpenDocument text (.odt)' },
  ods: { 'zh-CN': 'OpenDocument 表格（.ods）', en: 'OpenDocument spreadsheet (.ods)' },
  rtf: { 'zh-CN': 'RTF', en: 'RTF' },
  pdf: { 'zh-CN': 'PDF', en: 'PDF' },
};

/**
 * A file saved with a password to open it: its own message and code (`password-protected`, as a PDF's), never "not
 * a form", "damaged" or a converter's time limit.
 */
export function passwordProtected(format: OfficeFormat): ImportResult {
  const name = FORMAT_NAMES[format];
  return failure(
    format,
    'password-protected',
    `这个 ${name['zh-CN']} 文件已加密（设有打开密码），无法读取。请取消密码后另存，提交未加密的文件。`,
    `This ${name.en} file is encrypted (it has a password to open) and cannot be read. Remove the password, save it again and submit the unencrypted file.`,
  );
}

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


/** The Word binary's FIB identifiers (Word 97-2003, Word 6/95) and its `fEncrypted` flag ([MS-DOC] 2.5.2 FibBase). */
const WORD_IDENTS = new Set([0xa5ec, 0xa5dc]);
const FIB_ENCRYPTED = 0x0100;
/** BIFF records ([MS-XLS] 2.3): a substream's BOF, the FilePass record of an encrypted workbook, EOF. */
const BIFF_BOFS = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const BIFF_FILEPASS = 0x002f;
const BIFF_EOF = 0x000a;
/** The globals substream's records before FilePass are a few: BOF, perhaps WriteProtect. Looked at: this much. */
const WORKBOOK_PREFIX = 4096;

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);

/** A Word 97-2003 (or WPS 文字) file whose FIB says it is encrypted. */
function encryptedWord(bytes: Uint8Array): boolean {
  const fib = compoundStreamStart(bytes, 'WordDocument', 12);
  return fib !== undefined && fib.length >= 12 && WORD_IDENTS.has(u16(fib, 0)) && (u16(fib, 10) & FIB_ENCRYPTED) !== 0;
}

/** An Excel 97-2003 (or WPS 表格) workbook whose globals substream holds a FilePass record (it is encrypted). */
function encryptedWorkbook(bytes: Uint8Array): boolean {
  const stream = compoundStreamStart(bytes, 'Workbook', WORKBOOK_PREFIX) ?? compoundStreamStart(bytes, 'Book', WORKBOOK_PREFIX);
  if (stream === undefined || !BIFF_BOFS.has(u16(stream, 0))) return false;
  for (let at = 0; at + 4 <= stream.length; at += 4 + u16(stream, at + 2)) {
    const type = u16(stream, at);
    if (type === BIFF_FILEPASS) return true;
    if (type === BIFF_EOF) return false;
  }
  return false;
}

/** The most of an OpenDocument manifest read (LibreOffice writes a few KB). */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** An OpenDocument file saved with a password: its manifest gives the encryption of its parts ([ODF] 1.3 part 2, 4.8). */
function encryptedOpenDocument(bytes: Uint8Array): boolean {
  try {
    const manifest = readZipDirectory(bytes).get(partKey('META-INF/manifest.xml'));
    if (manifest === undefined) return false;
    return /<(?:[\w-]+:)?encryption-data[\s>/]/.test(new TextDecoder().decode(readZipEntry(bytes, manifest, MAX_MANIFEST_BYTES)));
  } catch {
    // Not a zip this reader accepts: LibreOffice says what it makes of it.
    return false;
  }
}

/**
 * Whether a file says it is encrypted (a password is needed to open it): a Word or Excel 97-2003 file (or its WPS
 * twin) by the flag in its main stream, an OpenDocument file by its manifest. An encrypted workbook may still open
 * without a password (Excel's default password "VelvetSweatshop", used to protect a workbook's structure): the
 * caller tries it before saying so. An encrypted Office 2007+ file never gets here (see {@link officeFormat}).
 */
export function encryptedOffice(bytes: Uint8Array, format: OfficeFormat): boolean {
  if (format === 'odt' || format === 'ods') return encryptedOpenDocument(bytes);
  if (!startsWith(bytes, OLE)) return false;
  if (format === 'doc' || format === 'wps') return encryptedWord(bytes);
  if (format === 'xls' || format === 'et') return encryptedWorkbook(bytes);
  return false;
}

/**
 * Caps on an OpenDocument package before LibreOffice opens it: LibreOffice writes a few dozen entries (the example
 * form's .odt: 15, content.xml 34 KB; the T5 workbook's .ods: 14); pictures may be larger than any XML part.
 */
export const ODF_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };

/**
 * Check an OpenDocument file (.odt, .ods) as the .docx and .xlsx readers check theirs, before LibreOffice sees a
 * byte (issue 11, item 1): through its central directory, refusing bytes no directory entry accounts for (a part
 * that exists only as a local header), two entries with one name, a local header that disagrees with its entry, and
 * an entry that does not inflate to its declared size (every entry is inflated, under {@link ODF_ZIP_LIMITS}).
 * Another zip reader — LibreOffice's own, with its repair of damaged packages — could read such a file otherwise
 * than the checker is told, so it is not converted. Undefined when the package may go on; else why it is refused.
 */
export function checkOpenDocumentZip(bytes: Uint8Array, format: 'odt' | 'ods', inflate?: InflateRaw): ImportResult | undefined {
  try {
    let total = 0;
    for (const entry of readZipDirectory(bytes, ODF_ZIP_LIMITS).values()) {
      total += readZipEntry(bytes, entry, ODF_ZIP_LIMITS.maxEntryBytes, inflate).length;
      if (total > ODF_ZIP_LIMITS.maxTotalBytes) throw new ZipReadError('docx-too-large', 'all entries together', entry.name);
    }
    return undefined;
  } catch (error) {
    if (error instanceof ZipReadError) return openDocumentZipFailure(error, format);
    throw error;
  }
}

function openDocumentZipFailure(error: ZipReadError, format: 'odt' | 'ods'): ImportResult {
  const { 'zh-CN': zh, en } = FORMAT_NAMES[format];
  const entry = error.entry ?? '';
  const mb = (bytes: number) => bytes / 1024 / 1024;
  switch (error.code) {
    case 'docx-too-many-entries':
      return failure(format, 'odf-too-many-entries', `这个 ${zh} 文件含有超过 ${ODF_ZIP_LIMITS.maxEntries} 个文件条目，疑为恶意构造，不予读取。`, `This ${en} file holds more than ${ODF_ZIP_LIMITS.maxEntries} entries and looks hostile; it is not read.`);
    case 'docx-too-large':
      return failure(
        format,
        'odf-too-large',
        `这个 ${zh} 文件的“${entry || '条目'}”解压后过大（单个上限 ${mb(ODF_ZIP_LIMITS.maxEntryBytes)} MB，合计 ${mb(ODF_ZIP_LIMITS.maxTotalBytes)} MB；疑为压缩炸弹），不予读取。`,
        `"${entry || 'an entry'}" in this ${en} file inflates beyond the caps (${mb(ODF_ZIP_LIMITS.maxEntryBytes)} MB each, ${mb(ODF_ZIP_LIMITS.maxTotalBytes)} MB in all; a zip bomb?); it is not read.`,
      );
    case 'docx-zip-hidden-data':
      return failure(format, 'odf-zip-hidden-data', `这个 ${zh} 文件含有 zip 目录之外的数据（可能藏着办公软件不显示的另一份内容），不予读取。`, `This ${en} file holds data outside its zip directory (possibly content the office program does not show); it is not read.`);
    case 'docx-zip-duplicate-entry':
      return failure(format, 'odf-zip-duplicate-entry', `这个 ${zh} 文件有两个名为“${entry}”的条目，不同软件可能读到不同内容，不予读取。`, `This ${en} file has two entries named "${entry}", which different programs may read differently; it is not read.`);
    case 'docx-zip-header-mismatch':
      return error.entry === undefined
        ? failure(format, 'odf-zip-header-mismatch', `这个 ${zh} 文件的 zip 结束记录前后矛盾（疑为篡改），不予读取。`, `The end records of this ${en} file contradict each other (tampering?); it is not read.`)
        : failure(format, 'odf-zip-header-mismatch', `这个 ${zh} 文件中“${entry}”的文件头与 zip 目录不一致（疑为篡改），不予读取。`, `In this ${en} file the headers of "${entry}" disagree with its zip directory (tampering?); it is not read.`);
    case 'docx-encrypted':
      return passwordProtected(format);
    case 'docx-unsupported-compression': {
      const method = error.method === undefined ? undefined : METHOD_NAMES[error.method];
      return failure(
        format,
        'odf-unsupported-compression',
        `这个 ${zh} 文件中“${entry}”使用 ${method ?? `编号 ${String(error.method)} 的`} 压缩方法，OpenDocument 文件不会这样压缩，无法读取。`,
        `In this ${en} file "${entry}" is compressed with ${method ?? `method ${String(error.method)}`}, which OpenDocument files never use; it cannot be read.`,
      );
    }
    case 'docx-invalid-zip':
    case 'docx-no-document':
      return failure(format, 'odf-invalid-zip', `这个 ${zh} 文件的 zip 结构已损坏，无法读取。`, `The zip structure of this ${en} file is damaged; it cannot be read.`);
  }
}

/** Whether an encrypted file of this format may open without a password (see {@link encryptedOffice}). */
export const mayOpenWithoutPassword = (format: OfficeFormat): boolean => format === 'xls' || format === 'et';

/**
 * Why a file that needs LibreOffice (a .doc, .wps, .xls, .et, .odt, .ods or .rtf) is not read where there is none (the
 * browser-safe reader, and so the workbench): password-protected when it says it is encrypted, else that it must be
 * converted, naming where it is read (the command line or `jixiao serve`) and how to make it readable here.
 */
export function needsConverter(bytes: Uint8Array, format: Exclude<OfficeFormat, 'pdf'>): ImportResult {
  // A crafted OpenDocument zip gets the sentence it gets where LibreOffice is at hand.
  const crafted = format === 'odt' || format === 'ods' ? checkOpenDocumentZip(bytes, format) : undefined;
  if (crafted !== undefined) return crafted;
  const name = FORMAT_NAMES[format];
  const text = officeTarget(format) === 'xlsx' ? '.xlsx' : '.docx';
  if (encryptedOffice(bytes, format)) {
    if (!mayOpenWithoutPassword(format)) return passwordProtected(format);
    return failure(
      format,
      'password-protected',
      `这个 ${name['zh-CN']} 文件已加密，在此无法读取：若设有打开密码，请取消密码后另存，提交未加密的文件；若只是用 Excel 的默认密码保护了工作簿结构，命令行 jixiao check（借助 LibreOffice）可以读取。`,
      `This ${name.en} file is encrypted and cannot be read here: if it has a password to open, remove it, save again and submit the unencrypted file; if only its structure is protected with Excel's default password, the command line (jixiao check, with LibreOffice) reads it.`,
    );
  }
  return failure(
    format,
    'unsupported-format',
    `这个 ${name['zh-CN']} 文件须经 LibreOffice 转换才能读取，在此（浏览器）无法读取。请用命令行 jixiao check 或 jixiao serve（装有 LibreOffice）检查，或在原软件中另存为 ${text} 后再提交。`,
    `This ${name.en} file must be converted by LibreOffice to be read, which cannot happen here (in the browser). Check it with the command line (jixiao check) or jixiao serve where LibreOffice is installed, or save it as ${text} in its program and submit that.`,
  );
}
