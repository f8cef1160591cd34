// Writes locked.docx and locked.xlsx of this folder: the example form and workbook under the password "jixiao", as
// Word and Excel store a file with "Encrypt with Password" (an OLE compound file holding EncryptionInfo and an
// agile-encrypted EncryptedPackage, [MS-OFFCRYPTO] 2.3.4.10). LibreOffice 7.4 cannot write these (see
// make-encrypted.mjs), so officecrypto-tool (npm, MIT; not a dependency of the project) writes them:
//   npm i --prefix /tmp/officecrypto -E officecrypto-tool@0.0.19
//   node test/hostile/encrypted/make-encrypted-ooxml.mjs /tmp/officecrypto
// Checked after writing: `msoffcrypto-tool -p jixiao locked.docx out.docx` (Debian python3-msoffcrypto-tool 5.0.0,
// an independent reader) gives back the example's bytes exactly, and refuses another password.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '../../../examples');
const prefix = process.argv[2];
if (prefix === undefined) throw new Error('usage: make-encrypted-ooxml.mjs <folder where officecrypto-tool is installed>');
const officeCrypto = createRequire(join(prefix, 'package.json'))('officecrypto-tool');
for (const [input, name] of [
  ['beita-justice-2020/form.docx', 'locked.docx'],
  ['t5-chongqing-2021/form.xlsx', 'locked.xlsx'],
]) {
  writeFileSync(join(here, name), officeCrypto.encrypt(readFileSync(join(examples, input)), { password: 'jixiao' }));
}
