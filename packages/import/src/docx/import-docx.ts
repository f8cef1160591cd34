import { docxElements } from '../document/docx.js';
import { describeCell, type DocumentElements } from '../document/elements.js';
import { relocateDiagnostic, relocateRead } from '../document/relocate.js';
import { failure, setAsideExcerpt, type ImportDiagnostic, type ImportResult } from '../diagnostics.js';
import { readDocument } from '../template/read-document.js';
import { markUnreadable, MAX_CHARACTER_DIAGNOSTICS } from '../text/characters.js';
import { beyondForm, capDiagnostics, CELLS, ELEMENTS, FORM_LIMITS, LINES, tooComplex } from '../text/limits.js';
import type { ImportOptions } from '../text/import-text.js';
import { walkDocument, XmlReadError, type DocxLine, type HiddenText, type UnseenText } from './walk.js';
import { encryptedDocx } from './encrypted.js';
import type { InflateRaw } from './inflate.js';
import { mainDocumentName, PackageReadError, relationshipsPartName, stylesPartName } from './package.js';
import { hiddenStyles, MAX_STYLE_ELEMENTS, NO_HIDDEN_STYLES, StylesReadError, type HiddenStyles } from './styles.js';
import { DEFAULT_ZIP_LIMITS, METHOD_NAMES, partKey, readZipDirectory, readZipEntry, ZipReadError, type ZipLimits } from './zip.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Most bytes of the package relationships part (Word writes under 1 KB). */
const MAX_RELATIONSHIPS_BYTES = 64 * 1024;

/** Options of {@link importDocx}. */
export interface DocxImportOptions extends ImportOptions {
  /** Caps on entries and inflated size (defaults: 2,000 entries, 4 MB for word/document.xml). */
  readonly limits?: ZipLimits;
  /** The DEFLATE inflater (default: Node's zlib in Node, fflate elsewhere). */
  readonly inflate?: InflateRaw;
}

function zipFailure(error: ZipReadError, limits: ZipLimits): ImportResult {
  const mb = Math.round(limits.maxEntryBytes / 1024 / 1024);
  switch (error.code) {
    case 'docx-too-many-entries':
      return failure('docx', error.code, `这个 .docx 含有超过 ${limits.maxEntries} 个文件条目，疑为恶意构造，不予读取。`, `This .docx holds more than ${limits.maxEntries} entries and looks hostile; it is not read.`);
    case 'docx-too-large':
      return failure('docx', error.code, `这个 .docx 的 word/document.xml 超过 ${mb} MB，远大于一份表格（疑为压缩炸弹），不予读取。`, `word/document.xml in this .docx is larger than ${mb} MB, far beyond a form (a zip bomb?); it is not read.`);
    case 'docx-no-document':
      return error.entry === undefined || error.entry === 'word/document.xml'
        ? failure('docx', error.code, '这个 zip 文件里没有 word/document.xml，不是 Word 文档。', 'This zip file has no word/document.xml; it is not a Word document.')
        : failure('docx', error.code, `这个 .docx 的主文档“${error.entry}”不在文件里，不是完整的 Word 文档。`, `The main document part of this .docx, "${error.entry}", is missing; it is not a complete Word document.`);
    case 'docx-invalid-zip':
      return failure('docx', error.code, '这个文件不是有效的 .docx：zip 结构已损坏。', 'This file is not a valid .docx: its zip structure is damaged.');
    case 'docx-zip-hidden-data':
      return failure('docx', error.code, '这个 .docx 含有 zip 目录之外的数据（可能藏着 Word 不显示的另一份内容），不予读取。', 'This .docx holds data outside its zip directory (possibly content Word does not show); it is not read.');
    case 'docx-zip-duplicate-entry':
      return failure('docx', error.code, `这个 .docx 有两个名为“${error.entry ?? ''}”的条目，不同软件可能读到不同内容，不予读取。`, `This .docx has two entries named "${error.entry ?? ''}", which different programs may read differently; it is not read.`);
    case 'docx-zip-header-mismatch':
      return error.entry === undefined
        ? failure('docx', error.code, '这个 .docx 的 zip 结束记录前后矛盾（疑为篡改），不予读取。', 'The end records of this .docx contradict each other (tampering?); it is not read.')
        : failure('docx', error.code, `这个 .docx 中“${error.entry}”的文件头与 zip 目录不一致（疑为篡改），不予读取。`, `In this .docx the headers of "${error.entry}" disagree with its zip directory (tampering?); it is not read.`);
    case 'docx-encrypted':
      return encryptedDocx();
    case 'docx-unsupported-compression': {
      const name = error.method === undefined ? undefined : METHOD_NAMES[error.method];
      return failure(
        'docx',
        error.code,
        `这个 .docx 中“${error.entry ?? ''}”使用 ${name ?? `编号 ${String(error.method)} 的`} 压缩方法，Word 文档不会这样压缩，无法读取。`,
        `In this .docx "${error.entry ?? ''}" is compressed with ${name ?? `method ${String(error.method)}`}, which Word documents never use; it cannot be read.`,
      );
    }
  }
}

function packageFailure(error: PackageReadError): ImportResult {
  switch (error.code) {
    case 'docx-ambiguous-document':
      return failure('docx', error.code, '这个 .docx 声明了两个主文档，不同软件可能显示不同的一个，不予读取。', 'This .docx names two main documents, which different programs may show differently; it is not read.');
    case 'docx-no-document':
      return failure('docx', error.code, '这个 .docx 没有指向文件内部的主文档（_rels/.rels），不是完整的 Word 文档。', 'This .docx names no main document inside the file (_rels/.rels); it is not a complete Word document.');
    case 'docx-xml-invalid': {
      const part = error.part ?? '_rels/.rels';
      return failure('docx', error.code, `这个 .docx 的 ${part} 不是格式正确的 XML，无法读取。`, `${part} in this .docx is not well-formed XML and cannot be read.`);
    }
  }
}

function where(lines: readonly DocxLine[], line: number | undefined): { paragraph?: number; cell?: string } {
  const l = line === undefined ? undefined : lines[line - 1];
  if (l === undefined) return {};
  const cell = describeCell(l);
  return cell === undefined ? { paragraph: l.paragraph } : { paragraph: l.paragraph, cell };
}

/**
 * A .docx as elements (paragraphs and tables with paragraph and cell positions), or the failed import that says
 * why it cannot be read. Never throws.
 */
export function partitionDocx(bytes: Uint8Array, options: DocxImportOptions = {}): { readonly ok: true; readonly document: DocumentElements } | { readonly ok: false; readonly result: ImportResult } {
  const read = docxLines(bytes, options);
  return 'ok' in read ? { ok: false, result: read } : { ok: true, document: docxElements(read.lines) };
}

/** The walker's lines of a .docx and the hidden, unseen and ignored text it set aside, or the failed import. */
function docxLines(bytes: Uint8Array, options: DocxImportOptions): { readonly lines: DocxLine[]; readonly hidden: readonly HiddenText[]; readonly unseen: readonly UnseenText[]; readonly ignored: readonly HiddenText[] } | ImportResult {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  let xmlBytes: Uint8Array;
  let styles: { readonly name: string; readonly bytes: Uint8Array } | undefined;
  try {
    const directory = readZipDirectory(bytes, limits);
    // The main document part is the one the package relationships name, as Word finds it; a package without
    // them (Word would not open it) is read at the conventional name.
    const relationships = directory.get(partKey('_rels/.rels'));
    const name = relationships === undefined ? 'word/document.xml' : mainDocumentName(readZipEntry(bytes, relationships, MAX_RELATIONSHIPS_BYTES, options.inflate));
    const document = directory.get(partKey(name));
    if (document === undefined) throw new ZipReadError('docx-no-document', `no ${name} in the archive`, name);
    xmlBytes = readZipEntry(bytes, document, limits.maxEntryBytes, options.inflate);
    // Its styles part, as Word finds it (through the document's relationships): a style may hide text.
    const documentRelationships = directory.get(partKey(relationshipsPartName(name)));
    const stylesName = documentRelationships === undefined ? undefined : stylesPartName(name, readZipEntry(bytes, documentRelationships, MAX_RELATIONSHIPS_BYTES, options.inflate));
    const stylesEntry = stylesName === undefined ? undefined : directory.get(partKey(stylesName));
    if (stylesName !== undefined && stylesEntry !== undefined) styles = { name: stylesName, bytes: readZipEntry(bytes, stylesEntry, limits.maxEntryBytes, options.inflate) };
  } catch (error) {
    if (error instanceof ZipReadError) return zipFailure(error, limits);
    if (error instanceof PackageReadError) return packageFailure(error);
    return failure('docx', 'docx-invalid-zip', '这个文件不是有效的 .docx。', 'This file is not a valid .docx.');
  }
  let xml: string;
  try {
    xml = UTF8.decode(xmlBytes);
  } catch {
    // Word refuses such a part as well; decoding it with replacement characters would read something else.
    return failure('docx', 'docx-xml-invalid', '这个 .docx 的 word/document.xml 含有无效的 UTF-8 字节，无法读取。', 'word/document.xml in this .docx holds bytes that are not valid UTF-8 and cannot be read.');
  }
  let hidden: HiddenStyles = NO_HIDDEN_STYLES;
  if (styles !== undefined) {
    try {
      hidden = hiddenStyles(UTF8.decode(styles.bytes));
    } catch (error) {
      if (error instanceof StylesReadError && error.code === 'docx-dtd-rejected') return failure('docx', error.code, `这个 .docx 的 ${styles.name} 含有 DTD 或实体声明，出于安全原因拒绝读取。`, `${styles.name} in this .docx declares a DTD or entities; it is refused for safety.`);
      if (error instanceof StylesReadError && error.code === 'docx-too-complex') return tooComplex('docx', 'docx-too-complex', MAX_STYLE_ELEMENTS, ELEMENTS);
      return failure('docx', 'docx-xml-invalid', `这个 .docx 的 ${styles.name} 不是格式正确的 XML，无法读取。`, `${styles.name} in this .docx is not well-formed XML and cannot be read.`);
    }
  }
  let walked: ReturnType<typeof walkDocument>;
  try {
    walked = walkDocument(xml, undefined, hidden);
  } catch (error) {
    if (error instanceof XmlReadError && error.code === 'docx-dtd-rejected') {
      return failure('docx', error.code, '这个 .docx 的 XML 含有 DTD 或实体声明，出于安全原因拒绝读取。', 'The XML in this .docx declares a DTD or entities; it is refused for safety.');
    }
    if (error instanceof XmlReadError && error.code === 'docx-must-understand') {
      const namespace = setAsideExcerpt(error.namespace ?? '');
      return failure('docx', error.code, `这个 .docx 要求读取者理解 Word 不认识的扩展（mc:MustUnderstand：${namespace}），Word 无法打开，不予读取。`, `This .docx requires an extension Word does not understand (mc:MustUnderstand: ${namespace}); Word cannot open it, and it is not read.`);
    }
    if (error instanceof XmlReadError && error.limit !== undefined) return tooComplex('docx', 'docx-too-complex', error.limit.count, XML_UNITS[error.limit.of]);
    return failure('docx', 'docx-xml-invalid', '这个 .docx 的 word/document.xml 不是格式正确的 XML，无法读取。', 'word/document.xml in this .docx is not well-formed XML and cannot be read.');
  }
  const beyond = beyondForm(walked.lines.map((l) => l.text));
  if (beyond !== undefined) return tooComplex('docx', 'docx-too-complex', beyond === 'lines' ? FORM_LIMITS.maxLines : FORM_LIMITS.maxCells, beyond === 'lines' ? LINES : CELLS);
  return walked;
}

/** Most hidden-text (and unseen-text, ignored-text) diagnostics a form gets, each, so they cannot crowd out the reader's own (the first 20 flag the form already). */
const MAX_HIDDEN_DIAGNOSTICS = 20;
/**
 * A warning for text Word does not show: a unit could hide a figure or a tick that contradicts the one a reviewer
 * sees, so it is neither read nor passed over in silence.
 */
function hiddenTextDiagnostic(h: HiddenText): ImportDiagnostic {
  const quoted = setAsideExcerpt(h.text);
  return {
    code: 'hidden-text',
    severity: 'warning',
    message: {
      'zh-CN': `隐藏文字未读取（Word 中不显示、不打印）：「${quoted}」`,
      en: `Hidden text not read (Word neither shows nor prints it): "${quoted}"`,
    },
    line: h.line,
  };
}

/**
 * A warning for text a reader cannot see though Word draws it — white on no shading, or under 2 pt: a reviewer sees a
 * blank there, so it is not read either (the form is checked as it reads), and it is reported with why.
 */
function unseenTextDiagnostic(u: UnseenText): ImportDiagnostic {
  const quoted = setAsideExcerpt(u.text);
  const message =
    u.why === 'white'
      ? { 'zh-CN': `白色文字未读取（无底色，Word 中看不见）：「${quoted}」`, en: `White text on no shading not read (not visible in Word): "${quoted}"` }
      : { 'zh-CN': `极小字号文字未读取（小于 2 磅，Word 中看不清）：「${quoted}」`, en: `Text under 2 pt not read (not legible in Word): "${quoted}"` };
  return { code: 'unseen-text', severity: 'warning', message, line: u.line };
}

/**
 * A warning for text in an element Word ignores — of a namespace `mc:Ignorable` declares ignorable that Word does not
 * understand (ECMA-376 Part 3): Word neither shows nor prints it, so it is not read, and not passed over in silence.
 */
function ignoredTextDiagnostic(h: HiddenText): ImportDiagnostic {
  const quoted = setAsideExcerpt(h.text);
  return {
    code: 'ignored-text',
    severity: 'warning',
    message: {
      'zh-CN': `Word 忽略的标记中的文字未读取（声明为可忽略、Word 不认识的命名空间，Word 中不显示）：「${quoted}」`,
      en: `Text in markup Word ignores not read (an ignorable namespace Word does not understand; not shown in Word): "${quoted}"`,
    },
    line: h.line,
  };
}

const XML_UNITS = {
  elements: ELEMENTS,
  depth: { 'zh-CN': '层嵌套', en: 'levels of nesting' },
  lines: LINES,
} as const;

/**
 * Read the form from a Word .docx (WordprocessingML in a zip). The zip is read with caps on entries and inflated
 * size, the XML with DTDs and entities refused; the body is walked in order so EQ fields, symbol runs, content
 * controls and legacy form checkboxes become marks the form reader understands. Never throws.
 */
export function importDocx(bytes: Uint8Array, options: DocxImportOptions = {}): ImportResult {
  const walked = docxLines(bytes, options);
  if ('ok' in walked) return walked;
  const { lines } = walked;
  // Control characters (a `w:sym` of code 0007, a character reference) become U+FFFD, each an error with its paragraph.
  const unreadable: ImportDiagnostic[] = [];
  const marked = lines.map((l, i) => {
    const m = markUnreadable(l.text);
    for (const d of m.diagnostics) if (unreadable.length < MAX_CHARACTER_DIAGNOSTICS) unreadable.push({ ...d, line: i + 1 });
    return m.text === l.text ? l : { ...l, text: m.text };
  });
  // The reader names lines of the walker's output (the document's lines, in the same order): mapped below to
  // paragraph and cell.
  const read = readDocument(docxElements(marked), 'docx', { templates: options.templates });
  const hidden = [...walked.hidden.slice(0, MAX_HIDDEN_DIAGNOSTICS).map(hiddenTextDiagnostic), ...walked.unseen.slice(0, MAX_HIDDEN_DIAGNOSTICS).map(unseenTextDiagnostic), ...walked.ignored.slice(0, MAX_HIDDEN_DIAGNOSTICS).map(ignoredTextDiagnostic)];
  const result = read.ok && unreadable.length + hidden.length > 0 ? { ...read, diagnostics: [...unreadable, ...hidden, ...read.diagnostics] } : read;
  const locate = (line: number | undefined) => where(lines, line);
  const mapDiag = (d: ImportDiagnostic) => relocateDiagnostic(d, locate);
  if (!result.ok) return { ...result, diagnostics: result.diagnostics.map(mapDiag) };
  return { ...result, ...relocateRead(result, locate), diagnostics: capDiagnostics(result.diagnostics.map(mapDiag)) };
}
