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

/**
 * A password-protected Office 2007+ file (an OLE compound file holding an `EncryptedPackage`): nothing readable
 * says whether a document or a workbook is inside, so its name does (.xlsx/.xlsm: a workbook; else a document).
 */
export function encryptedOoxml(filename: string | undefined): ImportResult {
  return /\.xls[xm]$/i.test(filename ?? '') ? encryptedWorkbook() : encryptedDocx();
}
