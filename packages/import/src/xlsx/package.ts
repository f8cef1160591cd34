import { failure, type ImportResult } from '../diagnostics.js';
import { mainDocumentName, PackageReadError } from '../docx/package.js';
import type { InflateRaw } from '../docx/inflate.js';
import { contains } from '../bytes.js';
import { ELEMENTS, tooComplex } from '../text/limits.js';
import { encryptedWorkbook } from '../docx/encrypted.js';
import { METHOD_NAMES, partKey, readZipDirectory, readZipEntry, ZipReadError, type ZipLimits } from '../docx/zip.js';

/**
 * An .xlsx/.xlsm package checked before any spreadsheet code sees it. exceljs opens a workbook with JSZip, which
 * trusts the file: it would inflate a zip bomb whole, and a zip with orphan local headers or two entries of one
 * name could show it other parts than Excel shows. So the bytes pass our own zip reader first (the .docx one:
 * every byte belongs to a listed entry, names unique, local and central headers agree, stored or deflated only),
 * then every entry is inflated under the size caps (its output held to the declared size), and every XML part is
 * refused if it declares a DTD (entity expansion). Only then are the same bytes given to exceljs.
 */

/** Caps for a workbook: a form's sheet XML is tens of KB; an embedded image may be a few MB. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 2_000, maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/**
 * The work exceljs is given, bounded by what it costs rather than by bytes (issue 11, item 2): the XML parts of a
 * workbook together (an example form's: 24 KB, ~900 elements). exceljs builds an object for every row, cell and
 * shared string: within the byte caps, ~1,000,000 empty rows took ~3 s of CPU and 515 MB, 60 sheets of empty rows
 * 12 s and 1.8 GB. A scoring book of ten sheets of 500 rows by 20 columns has ~120,000 elements.
 */
export const XLSX_WORK_LIMITS = { maxXmlBytes: 16 * 1024 * 1024, maxElements: 300_000 } as const;

/** Most bytes of the package relationships part. */
const MAX_RELATIONSHIPS_BYTES = 64 * 1024;

const DOCTYPE = new TextEncoder().encode('<!DOCTYPE');
const LT = 0x3c;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;

/** Start tags (and empty-element tags) in XML bytes: each `<` not opening an end tag, a declaration or a comment, counted up to `stop`. */
function startTags(bytes: Uint8Array, stop: number): number {
  let n = 0;
  for (let at = bytes.indexOf(LT); at >= 0 && n <= stop; at = bytes.indexOf(LT, at + 1)) {
    const next = bytes[at + 1];
    if (next !== SLASH && next !== QUESTION && next !== BANG) n++;
  }
  return n;
}

const ENTITY = new TextEncoder().encode('<!ENTITY');

/** What the checked package holds besides its workbook: whether it carries a VBA project (an .xlsm's macros, never run). */
export interface CheckedPackage {
  readonly macros: boolean;
}

function zipFailure(error: ZipReadError, limits: ZipLimits): ImportResult {
  const entry = error.entry ?? '';
  switch (error.code) {
    case 'docx-too-many-entries':
      return failure('xlsx', 'xlsx-too-many-entries', `这个 Excel 文件含有超过 ${limits.maxEntries} 个文件条目，疑为恶意构造，不予读取。`, `This Excel file holds more than ${limits.maxEntries} entries and looks hostile; it is not read.`);
    case 'docx-too-large':
      return failure('xlsx', 'xlsx-too-large', `这个 Excel 文件的“${entry || '条目'}”解压后过大（单个上限 ${limits.maxEntryBytes / 1024 / 1024} MB，合计 ${limits.maxTotalBytes / 1024 / 1024} MB；疑为压缩炸弹），不予读取。`, `"${entry || 'an entry'}" in this Excel file inflates beyond the caps (${limits.maxEntryBytes / 1024 / 1024} MB each, ${limits.maxTotalBytes / 1024 / 1024} MB in all; a zip bomb?); it is not read.`);
    case 'docx-zip-hidden-data':
      return failure('xlsx', 'xlsx-zip-hidden-data', '这个 Excel 文件含有 zip 目录之外的数据（可能藏着 Excel 不显示的另一份内容），不予读取。', 'This Excel file holds data outside its zip directory (possibly content Excel does not show); it is not read.');
    case 'docx-zip-duplicate-entry':
      return failure('xlsx', 'xlsx-zip-duplicate-entry', `这个 Excel 文件有两个名为“${entry}”的条目，不同软件可能读到不同内容，不予读取。`, `This Excel file has two entries named "${entry}", which different programs may read differently; it is not read.`);
    case 'docx-zip-header-mismatch':
      return failure('xlsx', 'xlsx-zip-header-mismatch', `这个 Excel 文件中“${entry}”的文件头与 zip 目录不一致（疑为篡改），不予读取。`, `In this Excel file the headers of "${entry}" disagree with its zip directory (tampering?); it is not read.`);
    case 'docx-encrypted':
      return encryptedWorkbook();
    case 'docx-unsupported-compression': {
      const name = error.method === undefined ? undefined : METHOD_NAMES[error.method];
      return failure('xlsx', 'xlsx-unsupported-compression', `这个 Excel 文件中“${entry}”使用 ${name ?? `编号 ${String(error.method)} 的`} 压缩方法，Excel 不会这样压缩，无法读取。`, `In this Excel file "${entry}" is compressed with ${name ?? `method ${String(error.method)}`}, which Excel never uses; it cannot be read.`);
    }
    case 'docx-no-document':
      return noWorkbook();
    case 'docx-invalid-zip':
      return failure('xlsx', 'xlsx-invalid-zip', '这个文件不是有效的 Excel（.xlsx）文件：zip 结构已损坏。', 'This file is not a valid Excel (.xlsx) file: its zip structure is damaged.');
  }
}

function noWorkbook(): ImportResult {
  return failure('xlsx', 'xlsx-no-workbook', '这个 zip 文件里没有 Excel 工作簿（xl/workbook.xml），不是 Excel 文件。', 'This zip file holds no Excel workbook (xl/workbook.xml); it is not an Excel file.');
}

/**
 * Check an .xlsx/.xlsm package (see the module comment). Returns what it holds, or the failed import that says
 * why it is not read. Never throws.
 */
export function checkXlsxPackage(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS, inflate?: InflateRaw): CheckedPackage | ImportResult {
  try {
    const directory = readZipDirectory(bytes, limits);
    const relationships = directory.get(partKey('_rels/.rels'));
    const main = relationships === undefined ? 'xl/workbook.xml' : mainDocumentName(readZipEntry(bytes, relationships, MAX_RELATIONSHIPS_BYTES, inflate));
    // exceljs reads the workbook at its conventional name only: a package naming another part is not what Excel shows.
    if (partKey(main) !== 'xl/workbook.xml' || !directory.has('xl/workbook.xml')) return noWorkbook();
    let total = 0;
    let xml = 0;
    let elements = 0;
    for (const entry of directory.values()) {
      const data = readZipEntry(bytes, entry, limits.maxEntryBytes, inflate);
      total += data.length;
      if (total > limits.maxTotalBytes) throw new ZipReadError('docx-too-large', 'all entries together', entry.name);
      if (!/\.(?:xml|rels|vml)$/i.test(entry.name)) continue;
      if (contains(data, DOCTYPE) || contains(data, ENTITY)) {
        return failure('xlsx', 'xlsx-dtd-rejected', `这个 Excel 文件的“${entry.name}”含有 DTD 或实体声明，出于安全原因拒绝读取。`, `"${entry.name}" in this Excel file declares a DTD or entities; it is refused for safety.`);
      }
      xml += data.length;
      if (xml > XLSX_WORK_LIMITS.maxXmlBytes) {
        const mb = XLSX_WORK_LIMITS.maxXmlBytes / 1024 / 1024;
        return failure('xlsx', 'xlsx-too-large', `这个 Excel 文件的 XML 部分合计超过 ${mb} MB，远大于一份表格，不予读取。`, `The XML parts of this Excel file together exceed ${mb} MB, far beyond a form; it is not read.`);
      }
      elements += startTags(data, XLSX_WORK_LIMITS.maxElements - elements);
      if (elements > XLSX_WORK_LIMITS.maxElements) return tooComplex('xlsx', 'xlsx-too-complex', XLSX_WORK_LIMITS.maxElements, ELEMENTS);
    }
    return { macros: directory.has('xl/vbaproject.bin') };
  } catch (error) {
    if (error instanceof ZipReadError) return zipFailure(error, limits);
    if (error instanceof PackageReadError) return error.code === 'docx-xml-invalid' ? failure('xlsx', 'xlsx-xml-invalid', '这个 Excel 文件的 _rels/.rels 不是格式正确的 XML，无法读取。', '_rels/.rels in this Excel file is not well-formed XML and cannot be read.') : noWorkbook();
    return failure('xlsx', 'xlsx-invalid-zip', '这个文件不是有效的 Excel（.xlsx）文件。', 'This file is not a valid Excel (.xlsx) file.');
  }
}
