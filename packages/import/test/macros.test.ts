/**
 * Macros in a submitted document never run. A positive control first: an .odt whose "open document" event runs a
 * Basic macro that writes a marker file does write it when LibreOffice opens the document with macros allowed
 * (a throwaway profile at security level low). Then the same document, opened the same way under the converter's
 * profile, and converted by the converter itself, leaves no marker.
 *
 * The open event is dispatched after the document is loaded, possibly after LibreOffice has gone on to the next
 * file of its command line; so the negative run waits until both of its documents are open (their lock files
 * `.~lock.<name>#` exist) and three times as long as the macro took in the positive run. The conversion needs no
 * wait: soffice --convert-to exits when it is done.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBuffer } from '../src/node/import-node.js';
import { CONVERTER_PROFILE_SETTINGS } from '../src/node/soffice.js';
import { tempDir } from '../../../test/setup/temp.js';
import { libreOffice } from './libreoffice.js';

const ODT_MIME = 'application/vnd.oasis.opendocument.text';

/** An .odt with one paragraph and, when `macroMarker` is given, a Basic macro bound to its open event that writes that file. */
function odt(text: string, macroMarker?: string): Uint8Array {
  const basic = macroMarker !== undefined;
  const scripts = basic
    ? '<office:scripts><office:event-listeners><script:event-listener script:language="ooo:script" script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document" xlink:type="simple"/></office:event-listeners></office:scripts>'
    : '';
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dom="http://www.w3.org/2001/xml-events" xmlns:ooo="http://openoffice.org/2004/office" office:version="1.3">${scripts}<office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`;
  const entries = (names: readonly string[]) => names.map((n) => ` <manifest:file-entry manifest:full-path="${n}" manifest:media-type="text/xml"/>\n`).join('');
  const basicFiles = ['Basic/script-lc.xml', 'Basic/Standard/script-lb.xml', 'Basic/Standard/Module1.xml'];
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MIME}"/>
${entries(['content.xml', ...(basic ? basicFiles : [])])}</manifest:manifest>`;
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8(ODT_MIME), { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifest),
    'content.xml': strToU8(content),
  };
  if (basic) {
    files['Basic/script-lc.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink"><library:library library:name="Standard" library:link="false"/></library:libraries>`);
    files['Basic/Standard/script-lb.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"><library:element library:name="Module1"/></library:library>`);
    files['Basic/Standard/Module1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">Sub Main
  Dim n As Integer
  n = FreeFile
  Open &quot;${macroMarker}&quot; For Output As #n
  Print #n, &quot;the macro ran&quot;
  Close #n
End Sub
</script:module>`);
  }
  return zipSync(files);
}

/** A profile that lets document macros run without asking (security level low, macro execution on). */
const MACROS_ALLOWED = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open the macro document `name`.odt (its macro writes `name`.marker) and then a plain one in one headless
 * LibreOffice whose fresh profile holds `settings`. Returns how many milliseconds after the start the marker
 * appeared, or undefined when it had not appeared once both documents were open (their lock files written) and
 * `waitMs` had passed. The process group is killed at the end.
 */
async function openWithMacro(soffice: string, dir: string, name: string, settings: string, waitMs: number): Promise<number | undefined> {
  const profile = join(dir, `${name}-profile`);
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), settings);
  const marker = join(dir, `${name}.marker`);
  writeFileSync(join(dir, `${name}.odt`), odt('宏', marker));
  writeFileSync(join(dir, `${name}-after.odt`), odt('opened after the macro document'));
  const locks = [`.~lock.${name}.odt#`, `.~lock.${name}-after.odt#`].map((l) => join(dir, l));
  const started = Date.now();
  const child = spawn(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', join(dir, `${name}.odt`), join(dir, `${name}-after.odt`)], { detached: true, stdio: 'ignore', env: { ...process.env, HOME: dir, TMPDIR: dir, SAL_USE_VCLPLUGIN: 'svp' } });
  try {
    for (;;) {
      if (existsSync(marker)) return Date.now() - started;
      const opened = locks.every((l) => existsSync(l));
      if (opened && Date.now() - started > waitMs) return undefined;
      if (!opened && Date.now() - started > 150_000) throw new Error('LibreOffice did not open both documents within 150 s');
      await sleep(100);
    }
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }
}

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('macros in a submitted document', () => {
  it('run when LibreOffice allows them (the positive control), and never under the converter’s profile or in a conversion', async () => {
    const dir = tempDir('jixiao-macros-');
    // Positive control: macros allowed → the open event's macro writes its marker.
    const ranAfter = await openWithMacro(soffice ?? '', dir, 'allowed', MACROS_ALLOWED, 120_000);
    expect(ranAfter).toBeDefined();
    // The same document opened the same way under the converter's profile: no marker once both documents are open
    // and three times as long as the macro took to run above has passed (at least 15 s).
    expect(await openWithMacro(soffice ?? '', dir, 'converter-profile', CONVERTER_PROFILE_SETTINGS, Math.max(15_000, 3 * (ranAfter ?? 0)))).toBeUndefined();
    // And through the converter itself: converted (LibreOffice loaded and saved it; an .odt that is not a form), no marker.
    const marker = join(dir, 'converted.marker');
    const r = await importBuffer(odt('宏', marker), { filename: 'macro.odt' });
    expect(r.kind).toBe('odt');
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['not-a-form', 'converted']));
    expect(existsSync(marker)).toBe(false);
  }, 400_000);
});
