import { failure, type ImportResult } from './diagnostics.js';
import { importJson } from './canonical/import-canonical.js';
import { SIGNED_EXTENSIONS, binaryFormat, binaryKind, detectAndDecode, extensionOf, kindOfContentType, type BinaryKind } from './detect.js';
import type { DocxImportOptions } from './docx/import-docx.js';
import type { ZipLimits } from './docx/zip.js';
import { encryptedOoxml } from './docx/encrypted.js';
import { needsConverter, officeFormat } from './office.js';
import { invalidEncoding } from './text/characters.js';
import { importText } from './text/import-text.js';

/** Options of {@link importBuffer}. */
export interface BufferImportOptions extends DocxImportOptions {
  /** Caps for an Excel workbook's package (default: the .xlsx reader's). */
  readonly xlsxLimits?: ZipLimits;
  /** File name, for its extension (.docx, .json, .yaml, .yml, .txt). */
  readonly filename?: string;
  /** MIME type, when the bytes came over HTTP. Content wins where it is unambiguous (a zip, a `{`). */
  readonly contentType?: string;
}

/** Largest submission read (bytes). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Read a submission of any supported kind from its bytes: .docx, .xlsx/.xlsm, Word-extracted text, canonical JSON or YAML
 * (files that need LibreOffice, and PDFs, are named with the reason they are not read here: `@jixiao/import/node` reads them).
 * The kind is detected by content, then extension and content type. Never throws and never rejects.
 */
export async function importBuffer(bytes: Uint8Array, options: BufferImportOptions = {}): Promise<ImportResult> {
  await Promise.resolve();
  try {
    if (bytes.length === 0) return failure('unknown', 'empty-file', '文件是空的，不是部门整体支出绩效自评表。', 'The file is empty; it is not a 部门整体支出绩效自评 form.');
    if (bytes.length > MAX_INPUT_BYTES) {
      return failure('unknown', 'too-large', `文件超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，不予读取。`, `The file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB and is not read.`);
    }
    // A file only LibreOffice reads (.doc, .wps, .xls, .et, .odt, .ods, .rtf): why it is not read here, or that it is
    // password-protected (the Node entry converts them before it gets here).
    const office = officeFormat(bytes, options.filename);
    if (office !== undefined && office !== 'pdf') return needsConverter(bytes, office);
    const { kind: detected, text: decoded, damaged } = detectAndDecode(bytes, options.filename);
    const hinted = kindOfContentType(options.contentType);
    const kind = detected === 'text' && (hinted === 'yaml' || hinted === 'json') ? hinted : detected;
    switch (kind) {
      case 'docx': {
        // The .docx reader (zip and XML parsers) and the YAML parser load on first use: reading JSON or Word
        // text never pays for them (a bundler turns these into chunks loaded on demand).
        const { importDocx } = await import('./docx/import-docx.js');
        return importDocx(bytes, options);
      }
      case 'xlsx': {
        // exceljs and the workbook checks load on first use, like the .docx reader.
        const { importXlsx } = await import('./xlsx/import-xlsx.js');
        return await importXlsx(bytes, { templates: options.templates, inflate: options.inflate, limits: options.xlsxLimits });
      }
      case 'json':
      case 'yaml':
      case 'text': {
        const text = decoded ?? '';
        // Damaged bytes (U+FFFD in the text): a canonical file is refused, a Word text is read and each place named.
        const badBytes = damaged === undefined ? [] : invalidEncoding(text, damaged);
        if (kind !== 'text' && badBytes.length > 0) return { ok: false, kind, diagnostics: badBytes };
        if (kind === 'json') return importJson(text);
        if (kind === 'yaml') return (await import('./canonical/import-yaml.js')).importYaml(text);
        const result = importText(text, options);
        return result.ok && badBytes.length > 0 ? { ...result, diagnostics: [...badBytes, ...result.diagnostics] } : result;
      }
      default: {
        const binary = binaryFormat(bytes);
        if (binary === 'encrypted-ooxml') return encryptedOoxml(options.filename);
        if (binary === 'doc') return failure('unknown', 'unsupported-format', '这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再检查。', 'This is a legacy Word (.doc) file; save it as .docx in Word and check that.');
        if (binary === 'pdf') return failure('unknown', 'unsupported-format', '这是 PDF 文件：PDF 由命令行与服务器（@jixiao/import/node）读取；在此请提交 Word（.docx）文件或从中复制出的文本。', 'This is a PDF: PDFs are read by the command line and the server (@jixiao/import/node); here, submit the Word (.docx) file or text copied from it.');
        const named = SIGNED_EXTENSIONS[extensionOf(options.filename)];
        const what = binaryKind(bytes);
        if (named !== undefined && what === undefined) return failure('unknown', 'damaged-file', `文件名是 ${named} 文件，但内容不是：文件已损坏，或扩展名有误。`, `The name says ${named}, but the content is not one: the file is damaged or misnamed.`);
        // Bytes that are no text (they decoded to control characters) and no format read here.
        return binaryFile(bytes, what);
      }
    }
  } catch (error) {
    // Every reader returns its errors as data; anything else is a bug, still reported as data.
    const detail = error instanceof Error ? error.message : String(error);
    return failure('unknown', 'internal-error', `读取文件时发生内部错误：${detail}`, `internal error while reading the file: ${detail}`);
  }
}

/**
 * Why binary data is not read (`binary-file`): an image (a scan or photo of the form: it needs OCR), a program or an
 * archive by its signature, nothing but NUL bytes (a copy that never got its content), or else binary data of no
 * format read here — never "not a form", which says the text was read and the labels were not found.
 */
function binaryFile(bytes: Uint8Array, what: BinaryKind | undefined): ImportResult {
  const fail = (zh: string, en: string) => failure('unknown', 'binary-file', zh, en);
  switch (what?.type) {
    case 'image':
      return fail(`这是图片文件（${what.name}），不是文档：扫描件或照片没有可读的文字（需 OCR）。请提交原 Word（.docx）文件或从中复制出的文本。`, `This is an image (${what.name}), not a document: a scan or photo has no text to read (it needs OCR). Submit the original Word (.docx) file or text copied from it.`);
    case 'executable':
      return fail(`这是可执行程序（${what.name}），不是自评表，不予读取。`, `This is an executable program (${what.name}), not a form; it is not read.`);
    case 'archive':
      return fail(`这是压缩包（${what.name}），不是自评表：请解压后提交其中的文件。`, `This is a compressed archive (${what.name}), not a form: extract it and submit the files inside.`);
    case undefined:
      break;
  }
  if (onlyNulBytes(bytes)) return fail('文件内容全是零字节（NUL），没有任何文字：文件已损坏（如复制或下载未完成）。', 'The file holds nothing but zero bytes (NUL), no text at all: it is damaged (e.g. a copy or download that did not finish).');
  return fail(
    '这是二进制数据，既不是文本，也不是能读取的格式（Word、WPS、Excel、PDF、文本、JSON、YAML）：文件已损坏，或不是自评表。',
    'This is binary data: neither text nor a format that is read (Word, WPS, Excel, PDF, text, JSON, YAML); the file is damaged or not a form.',
  );
}

/** Whether every byte is 0 (a loop: a callback a byte took 0.2 s on 20 MB). */
function onlyNulBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0) return false;
  return true;
}
