import { failure, type ImportResult } from '../diagnostics.js';

// In a module of its own (no zip or XML code): `importBuffer` gives this message for an encrypted compound file
// without loading the .docx reader.

/** The one sentence for a password-protected .docx, whether Word wrote it as an encrypted package or as a zip with encrypted entries. */
export function encryptedDocx(): ImportResult {
  return failure('docx', 'docx-encrypted', '这个 .docx 已加密（设有打开密码），请在 Word 中取消密码后另存再提交。', 'This .docx is encrypted (it has a password to open); remove the password in Word, save it and submit that.');
}

/** The same for an Excel 2007+ workbook (.xlsx/.xlsm), which Excel encrypts the same way. */
export function encryptedWorkbook(): ImportResult {
  return failure('xlsx', 'xlsx-encrypted', '这个 Excel 文件已加密（设有打开密码），请取消密码后另存再提交。', 'This Excel file is encrypted (it has a password to open); remove the password, save it and submit that.');
}

/** Names a spreadsheet is sent under (a workbook saved with a password and renamed .xls is still an encrypted .xlsx). */
const WORKBOOK_NAME = /\.(?:xlsx|xlsm|xls|et|ods)$/i;
/** Names a text document is sent under. */
const DOCUMENT_NAME = /\.(?:docx|docm|doc|wps|odt|rtf)$/i;

/**
 * A password-protected Office 2007+ file (an OLE compound file holding an `EncryptedPackage`): nothing readable
 * says whether a document or a workbook is inside, so its name does (a spreadsheet's extension: a workbook; a text
 * document's: a .docx); under any other name it is named an encrypted Office file, never "a .docx".
 */
export function encryptedOoxml(filename: string | undefined): ImportResult {
  if (WORKBOOK_NAME.test(filename ?? '')) return encryptedWorkbook();
  if (DOCUMENT_NAME.test(filename ?? '')) return encryptedDocx();
  return failure('unknown', 'password-protected', '这个 Office 文件已加密（设有打开密码），无法读取。请取消密码后另存，提交未加密的文件。', 'This Office file is encrypted (it has a password to open) and cannot be read. Remove the password, save it again and submit the unencrypted file.');
}
