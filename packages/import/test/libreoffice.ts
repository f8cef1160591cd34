/**
 * Test fixtures made by LibreOffice itself: the example forms converted to .odt, .doc, .pdf and back to .docx, so
 * the readers are checked on what a bureau really receives. soffice is run here directly (one process per target
 * format, converting every file at once), not through the converter under test.
 *
 * Tests that need LibreOffice skip with a printed notice when it is not installed, and fail under `CI=true`
 * (.ci/run installs it): test/setup/system-tool.ts decides.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../../../test/setup/temp.js';
import { requireSystemTool } from '../../../test/setup/system-tool.js';
import { CONVERTER_PROFILE_SETTINGS, LIBREOFFICE_PACKAGES } from '../src/node/soffice.js';

/** The soffice the tests use, or undefined (then they skip with a notice, except under CI where that is an error). */
export function libreOffice(): string | undefined {
  return requireSystemTool('soffice', `apt-get install ${LIBREOFFICE_PACKAGES}`);
}

/** Filters by target extension (the same names a person would give `--convert-to`). */
const FILTERS: Record<string, string> = { odt: 'odt:writer8', doc: 'doc:MS Word 97', docx: 'docx:MS Word 2007 XML', pdf: 'pdf:writer_pdf_Export', xls: 'xls:MS Excel 97' };

/**
 * A scratch folder (removed when the test file ends) with its own LibreOffice profile; `convert` turns files into
 * another format. The profile starts with the converter's settings: without them every soffice run began with
 * LibreOffice's graphics self-test (~7 s of CPU a run; see CONVERTER_PROFILE_SETTINGS), reused profile or not.
 */
export class Converter {
  readonly dir = tempDir('jixiao-lo-fixtures-');
  private readonly profile = join(this.dir, 'profile');

  constructor(private readonly soffice: string) {
    mkdirSync(join(this.profile, 'user'), { recursive: true });
    writeFileSync(join(this.profile, 'user', 'registrymodifications.xcu'), CONVERTER_PROFILE_SETTINGS);
  }

  /**
   * Convert `files` to `format` in one soffice run, into the folder `subdir` (default: the format's name) of the
   * scratch folder; `filter` replaces the format's usual export filter (e.g. one carrying export options),
   * `infilter` names the import filter (e.g. `Text (encoded):UTF8`). Returns the new files' paths, in the order given.
   */
  convert(files: readonly string[], format: keyof typeof FILTERS, options: { readonly subdir?: string; readonly filter?: string; readonly infilter?: string } = {}): string[] {
    const out = join(this.dir, options.subdir ?? format);
    mkdirSync(out, { recursive: true });
    const filter = options.filter ?? FILTERS[format] ?? format;
    const infilter = options.infilter === undefined ? [] : [`--infilter=${options.infilter}`];
    const run = spawnSync(this.soffice, [`-env:UserInstallation=${pathToFileURL(this.profile).href}`, '--headless', '--norestore', ...infilter, '--convert-to', filter, '--outdir', out, ...files], { encoding: 'utf8', timeout: 120_000 });
    const made = files.map((f) => join(out, `${basename(f, extname(f))}.${format}`));
    const present = new Set(readdirSync(out).map((n) => join(out, n)));
    const lost = made.filter((f) => !present.has(f));
    if (lost.length > 0) throw new Error(`LibreOffice did not produce ${lost.join(', ')}: ${run.stderr}${run.stdout}`);
    return made;
  }
}
