/**
 * The converter's fresh profile tells LibreOffice that its version has been seen before, so that a conversion does
 * not start with LibreOffice's graphics self-test (GraphicsRenderTests: ~85 % of a small file's conversion, run
 * again by every fresh profile; see CONVERTER_PROFILE_SETTINGS). The self-test leaves its log in the profile, which
 * is how these tests see whether it ran. A control first: the same profile without `ooSetupLastVersion` runs it.
 *
 * LibreOffice is run here with the converter's arguments on a profile the test keeps (the converter removes its own).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONVERTER_PROFILE_SETTINGS } from '../src/node/soffice.js';
import { tempDir } from '../../../test/setup/temp.js';
import { libreOffice } from './libreoffice.js';

const FORM = fileURLToPath(new URL('../../../examples/beita-justice-2020/form.docx', import.meta.url));
const soffice = libreOffice();

/** Convert the example form to .docx as the converter does, on a new profile holding `settings`; what the profile and the output folder hold after. */
function convertOnNewProfile(settings: string): { converted: boolean; selfTestLog: boolean } {
  const work = tempDir('jixiao-profile-test-');
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), settings);
  const out = join(work, 'out');
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--nologo', '--nodefault', '--norestore', '--nolockcheck', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, FORM];
  const run = spawnSync(soffice ?? '', args, { env: { ...process.env, HOME: work, TMPDIR: work, SAL_USE_VCLPLUGIN: 'svp' }, timeout: 240_000, stdio: 'ignore' });
  expect(run.error).toBeUndefined();
  return { converted: existsSync(join(out, 'form.docx')), selfTestLog: existsSync(join(profile, 'user', 'GraphicsRenderTests.log')) };
}

describe.skipIf(soffice === undefined)("the converter's fresh profile", () => {
  it('without the version seen before, LibreOffice runs its graphics self-test first (the control)', () => {
    const withoutVersion = CONVERTER_PROFILE_SETTINGS.replace(/^<item oor:path="\/org\.openoffice\.Setup\/Product">.*ooSetupLastVersion.*\n/m, '');
    expect(withoutVersion).not.toContain('ooSetupLastVersion');
    expect(convertOnNewProfile(withoutVersion)).toEqual({ converted: true, selfTestLog: true });
  }, 300_000);

  it('converts without running the graphics self-test', () => {
    expect(convertOnNewProfile(CONVERTER_PROFILE_SETTINGS)).toEqual({ converted: true, selfTestLog: false });
  }, 300_000);
});
