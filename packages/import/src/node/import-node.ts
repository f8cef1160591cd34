import { importBuffer as importBrowserSafe, MAX_INPUT_BYTES, type BufferImportOptions } from '../buffer.js';
import { failure, type ImportDiagnostic, type ImportKind, type ImportResult } from '../diagnostics.js';
import { checkOpenDocumentZip, encryptedOffice, FORMAT_NAMES, mayOpenWithoutPassword, officeFormat, officeTarget, passwordProtected, type OfficeFormat } from '../office.js';
import { importPdf, type PdfLimits } from './pdf.js';
import { convertWithSoffice, type ConverterOptions } from './soffice.js';

/** Options of the Node {@link importBuffer}: the browser-safe ones plus where LibreOffice is and its limits. */
export interface NodeImportOptions extends BufferImportOptions {
  readonly converter?: ConverterOptions;
  /** Limits on reading a PDF (time, heap, pages). */
  readonly pdf?: PdfLimits;
}

/**
 * The note that a file was converted. It names no time: a report is the same bytes whatever the machine's load and
 * however many threads checked the batch (the time is `ConversionResult.ms`, which the benchmark reads).
 */
function converted(format: OfficeFormat): ImportDiagnostic {
  return {
    code: 'converted',
    severity: 'info',
    message: {
      'zh-CN': `${FORMAT_NAMES[format]['zh-CN']} 文件经 LibreOffice 转换后读取；段落与单元格位置指转换所得的文档。`,
      en: `The ${format} file was read after conversion by LibreOffice; paragraph and cell positions refer to the converted document.`,
    },
  };
}

/** The result of reading the converted file, relabelled with the original's kind and noting the conversion. */
function relabel(result: ImportResult, kind: ImportKind, note: ImportDiagnostic): ImportResult {
  if (!result.ok) return { ...result, kind, diagnostics: [...result.diagnostics, note] };
  return { ...result, kind, diagnostics: [note, ...result.diagnostics] };
}

/**
 * Read a submission of any supported kind from its bytes, in Node: everything the browser-safe `importBuffer`
 * reads, plus .doc, .wps, .odt and .rtf (converted to .docx by LibreOffice, then read by the .docx reader) and
 * .xls, .et and .ods (converted to .xlsx), and PDF (pdf.js, in a worker thread with time and heap limits).
 * Password-protected files get their own message (`password-protected`; a .docx's is `docx-encrypted`). Never
 * throws and never rejects.
 */
export async function importBuffer(bytes: Uint8Array, options: NodeImportOptions = {}): Promise<ImportResult> {
  const format = bytes.length === 0 || bytes.length > MAX_INPUT_BYTES ? undefined : officeFormat(bytes, options.filename);
  if (format === undefined) return importBrowserSafe(bytes, options);
  if (format === 'pdf') return importPdf(bytes, options.pdf, options.templates);
  try {
    const target = officeTarget(format);
    if (target === undefined) return await importBrowserSafe(bytes, options);
    // An encrypted file is said to be one before LibreOffice is started (it cannot open it without the password);
    // a workbook that may open without one is tried first, and said to be encrypted only if it does not.
    // An OpenDocument file is a zip LibreOffice reads with its own reader: checked as a .docx is, before it sees it.
    const crafted = format === 'odt' || format === 'ods' ? checkOpenDocumentZip(bytes, format, options.inflate) : undefined;
    if (crafted !== undefined) return crafted;
    const encrypted = encryptedOffice(bytes, format);
    if (encrypted && !mayOpenWithoutPassword(format)) return passwordProtected(format);
    const conversion = await convertWithSoffice(bytes, format, target, options.converter);
    if (!conversion.ok) return encrypted && conversion.code !== 'converter-missing' ? passwordProtected(format) : failure(format, conversion.code, conversion.message['zh-CN'], conversion.message.en);
    const note = converted(format);
    if (target === 'docx') {
      // Loaded on first use, as the browser-safe entry does: reading text or JSON never pays for the .docx reader.
      const { importDocx } = await import('../docx/import-docx.js');
      return relabel(importDocx(conversion.bytes, options), format, note);
    }
    const { importXlsx } = await import('../xlsx/import-xlsx.js');
    return relabel(await importXlsx(conversion.bytes, { templates: options.templates, inflate: options.inflate, limits: options.xlsxLimits }), format, note);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(format, 'internal-error', `读取文件时发生内部错误：${detail}`, `internal error while reading the file: ${detail}`);
  }
}
