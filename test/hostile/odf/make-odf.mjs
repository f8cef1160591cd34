// Writes form.odt and form.ods of this folder: the example form (examples/beita-justice-2020/form.docx) and the T5
// workbook (examples/t5-chongqing-2021/form.xlsx) saved as OpenDocument by LibreOffice itself, the way a bureau
// receives them. odf-zip.test.ts re-writes their entries byte by byte (docx-craft.ts) into the crafted archives.
//   node test/hostile/odf/make-odf.mjs [soffice]
// Made with LibreOffice 7.4.7.2 (Debian 12's libreoffice-writer-nogui / libreoffice-calc-nogui).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '../../../examples');
const soffice = process.argv[2] ?? 'soffice';
const work = mkdtempSync(join(tmpdir(), 'jixiao-odf-'));
try {
  for (const [input, filter, output] of [
    ['beita-justice-2020/form.docx', 'odt:writer8', 'form.odt'],
    ['t5-chongqing-2021/form.xlsx', 'ods:calc8', 'form.ods'],
  ]) {
    const run = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', work, join(examples, input)], { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) throw new Error(`soffice failed on ${input}: ${run.stderr}`);
    copyFileSync(join(work, output), join(here, output));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
