// Writes the password-protected files of this folder (and plain.doc, plain.xls: the same forms without a password)
// with LibreOffice itself (issue 14, item 4):
//   node test/hostile/encrypted/make-encrypted.mjs [soffice]
// LibreOffice's --convert-to cannot set a password, so a Basic macro in a throwaway profile opens each example form
// and stores it with the filter and the password "jixiao" (the MediaDescriptor's Password property), as "Save with
// password" does. `velvet.xls` is stored with the password "VelvetSweatshop": Excel's default, which Excel and
// LibreOffice open without asking (a workbook "encrypted" only to protect its structure): it must still be read.
// Checked after writing: `msoffcrypto-tool -t` (Debian python3-msoffcrypto-tool) says the .doc and .xls are
// encrypted and decrypts them with "jixiao" only; the .odt and .ods manifests hold encryption-data.
// LibreOffice 7.4 cannot write an encrypted .docx/.xlsx (storing with EncryptionData fails with an I/O error;
// with Password alone it writes a plain zip), nor .wps/.et: those are crafted in the tests (docx-craft.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '../../../examples');
const soffice = process.argv[2] ?? 'soffice';
const work = mkdtempSync(join(tmpdir(), 'jixiao-encrypt-'));

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Encrypt(sIn As String, sOut As String, sFilter As String, sPassword As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = sFilter
  store(1).Name = &quot;Password&quot;
  store(1).Value = sPassword
  oDoc.storeToURL(ConvertToURL(sOut), store())
  oDoc.close(True)
End Sub
</script:module>
`;

try {
  const profile = join(work, 'profile');
  const run = (args) => spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], { encoding: 'utf8', timeout: 120_000 });
  // A first start lays out the profile (with its Standard Basic library); the macro then replaces Module1.
  run(['--terminate_after_init']);
  mkdirSync(join(profile, 'user/basic/Standard'), { recursive: true });
  writeFileSync(join(profile, 'user/basic/Standard/Module1.xba'), MODULE);
  const form = join(examples, 'beita-justice-2020/form.docx');
  const workbook = join(examples, 't5-chongqing-2021/form.xlsx');
  const files = [
    [form, 'locked.doc', 'MS Word 97', 'jixiao'],
    [form, 'locked.odt', 'writer8', 'jixiao'],
    [workbook, 'locked.xls', 'MS Excel 97', 'jixiao'],
    [workbook, 'locked.ods', 'calc8', 'jixiao'],
    [workbook, 'velvet.xls', 'MS Excel 97', 'VelvetSweatshop'],
  ];
  const quote = (s) => `"${s.replaceAll('"', '""')}"`;
  const r = run(files.map(([input, name, filter, password]) => `macro:///Standard.Module1.Encrypt(${[input, join(here, name), filter, password].map(quote).join(',')})`));
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  // The same forms without a password (the controls: nothing says they are encrypted).
  const plain = join(work, 'plain');
  run(['--convert-to', 'doc:MS Word 97', '--outdir', plain, form]);
  run(['--convert-to', 'xls:MS Excel 97', '--outdir', plain, workbook]);
  copyFileSync(join(plain, 'form.doc'), join(here, 'plain.doc'));
  copyFileSync(join(plain, 'form.xls'), join(here, 'plain.xls'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
