import { failure, type ImportResult } from '../diagnostics.js';

// In a module of its own (no zip or XML code): `importBuffer` gives this message for an encrypted compound file
// without loading the .docx reader.

/** The one sentence for a password-protected .docx, whether Word wrote it as an encrypted package or as a zip with encrypted entries. */
export function encryptedDocx(): ImportResult {
  return failure('docx', 'docx-encrypted', '这个 .docx 已加密（设有打开密码），请在 Word 中取消密码后另存再提交。', 'This .docx is encrypted (it has a password to open); remove the password in Word, save it and submit that.');
}
