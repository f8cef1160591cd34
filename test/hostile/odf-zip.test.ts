// An OpenDocument file (.odt, .ods) is a zip that LibreOffice reads with its own zip reader. It is checked through
// its central directory as a .docx and an .xlsx are (issue 11, item 1) before LibreOffice sees a byte: a part that
// exists only as a local header, two entries with one name, a local header that disagrees with its entry, bytes
// after the end record — each refused with one sentence (exit 3), never converted and checked on content the
// office program may or may not show. (.wps and .et are OLE compound files, not zips: a .wps that is a zip is read
// by the .docx reader, which refuses the same.) The real files are odf/form.odt and odf/form.ods, written by
// LibreOffice (odf/make-odf.mjs), re-written entry by entry with docx-craft.ts.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBuffer as importBrowser, type ImportResult } from '@jixiao/import';
import { importBuffer as importNode } from '@jixiao/import/node';
import { libreOffice } from '../../packages/import/test/libreoffice.js';
import { craftZip, type CraftEntry } from './docx-craft.js';
import { folders, jixiao, ROOT } from './cli-run.js';

const { tmp } = folders('jixiao-hostile-odf-');
const ODF = join(ROOT, 'test/hostile/odf');
const NO_SOFFICE = { soffice: '/nonexistent/soffice' };

/** A LibreOffice file's entries in its order; `mimetype` stored first, as ODF requires (the rest deflated). */
function entries(file: string): CraftEntry[] {
  return Object.entries(unzipSync(new Uint8Array(readFileSync(join(ODF, file))))).map(([name, data]) => (name === 'mimetype' ? { name, data, method: 0 } : { name, data }));
}

/** The file's content.xml with one figure changed: what a crafted file would hide. */
function hiddenContent(file: string): Uint8Array {
  const content = strFromU8(unzipSync(new Uint8Array(readFileSync(join(ODF, file))))['content.xml'] ?? new Uint8Array());
  const changed = file.endsWith('.odt') ? content.replace('264.47', '999.99') : content.replace('office:value="97.6"', 'office:value="100"');
  expect(changed).not.toBe(content);
  return strToU8(changed);
}

/** `list` with the entry named `name` replaced by what `replace` makes of it. */
function around(list: CraftEntry[], name: string, replace: (e: CraftEntry) => CraftEntry[]): CraftEntry[] {
  return list.flatMap((e) => (e.name === name ? replace(e) : [e]));
}

/** The crafted variants of a file, each with the code it must get (`undefined`: none, it goes on to LibreOffice). */
function variants(file: string): [string, Uint8Array, string | undefined][] {
  const base = entries(file);
  const hidden = hiddenContent(file);
  const content = (replace: (e: CraftEntry) => CraftEntry[]) => craftZip(around(base, 'content.xml', replace));
  return [
    ['re-written as it was (the control)', craftZip(base), undefined],
    ['with data descriptors (as streaming writers do; not on mimetype, which ODF keeps plain)', craftZip(base.map((e) => (e.name === 'mimetype' ? e : { ...e, descriptor: true as const }))), undefined],
    ['a hidden content.xml as a local header only, before the real one', content((e) => [{ name: 'content.xml', data: hidden, orphan: true }, e]), 'odf-zip-hidden-data'],
    ['a hidden content.xml as a local header only, after the real one', content((e) => [e, { name: 'content.xml', data: hidden, orphan: true }]), 'odf-zip-hidden-data'],
    ['the mimetype entry as a local header only (the directory lists the rest)', craftZip(base.map((e, i) => (i === 0 ? { ...e, orphan: true } : e))), 'odf-zip-hidden-data'],
    ['bytes after the end record', craftZip(base, { trailing: strToU8('PK\u0003\u0004 a local header after the end') }), 'odf-zip-hidden-data'],
    ['two content.xml entries, the hidden one first', content((e) => [{ name: 'content.xml', data: hidden }, e]), 'odf-zip-duplicate-entry'],
    ['two content.xml entries, the hidden one last', craftZip([...base, { name: 'content.xml', data: hidden }]), 'odf-zip-duplicate-entry'],
    ['two entries whose names differ in case only', craftZip([...base, { name: 'Content.xml', data: hidden }]), 'odf-zip-duplicate-entry'],
    ['a local header naming another part than its directory entry', content((e) => [{ ...e, local: { name: 'content2.xml' } }]), 'odf-zip-header-mismatch'],
    ['a local header with other sizes', content((e) => [{ ...e, local: { size: e.data.length + 1 } }]), 'odf-zip-header-mismatch'],
    ['a data descriptor that disagrees with the directory', content((e) => [{ ...e, descriptor: { crc: 1 } }]), 'odf-zip-header-mismatch'],
    ['an entry that inflates to less than both headers declare', content((e) => [{ ...e, local: { size: e.data.length + 100 }, central: { size: e.data.length + 100 } }]), 'odf-zip-header-mismatch'],
    ['an entry compressed with bzip2', content((e) => [{ ...e, method: 12 }]), 'odf-unsupported-compression'],
    ['an entry with the zip encryption flag', content((e) => [{ ...e, flags: 1 }]), 'password-protected'],
  ];
}

const outcome = (r: ImportResult) => (r.ok ? 'read' : r.diagnostics.map((d) => `${d.severity} ${d.code}`).join(', '));

describe.each(['form.odt', 'form.ods'])('%s crafted', (file) => {
  const kind = file.endsWith('.odt') ? 'odt' : 'ods';
  it.each(variants(file).map(([what, bytes, code]) => [what, code, bytes] as const))('%s: %s', async (_what, code, bytes) => {
    // LibreOffice is not installed here on purpose: a file that passes the checks reaches the converter (and is
    // converter-missing); a crafted one never does.
    const node = await importNode(bytes, { filename: `北塔区司法局.${kind}`, converter: NO_SOFFICE });
    expect([node.kind, outcome(node)]).toEqual([kind, `error ${code ?? 'converter-missing'}`]);
    const browser = await importBrowser(bytes, { filename: `北塔区司法局.${kind}` });
    expect([browser.kind, outcome(browser)]).toEqual([kind, `error ${code ?? 'unsupported-format'}`]);
    if (code === undefined || code === 'password-protected') return;
    const [d] = node.diagnostics;
    expect(d?.message['zh-CN']).toMatch(new RegExp(`^这个 OpenDocument ${kind === 'odt' ? '文本' : '表格'}（\\.${kind}） 文件.*。$`));
    expect(d?.message.en).toMatch(new RegExp(`OpenDocument ${kind === 'odt' ? 'text' : 'spreadsheet'} \\(\\.${kind}\\) file.*\\.$`));
    // The same sentence whatever the file is called: the content says it is OpenDocument.
    expect(outcome(await importNode(bytes, { filename: 'form.docx', converter: NO_SOFFICE }))).toBe(`error ${code}`);
  });
});

describe('the files LibreOffice wrote', () => {
  it('pass the checks, encrypted ones too (their manifest says so, their zip does not)', async () => {
    for (const file of ['odf/form.odt', 'odf/form.ods', 'encrypted/locked.odt', 'encrypted/locked.ods']) {
      const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/hostile', file)));
      const r = await importNode(bytes, { filename: file, converter: NO_SOFFICE });
      expect([file, outcome(r)]).toEqual([file, file.includes('locked') ? 'error password-protected' : 'error converter-missing']);
    }
  });
});

describe('in a CLI batch', () => {
  it('a crafted .odt is unread with its sentence (exit 3); the form beside it is checked', async () => {
    const dir = tmp();
    const crafted = variants('form.odt').find(([, , code]) => code === 'odf-zip-hidden-data')?.[1];
    writeFileSync(join(dir, 'crafted.odt'), crafted ?? new Uint8Array());
    copyFileSync(join(ROOT, 'examples/beita-justice-2020/evaluation.json'), join(dir, 'good.json'));
    const r = await jixiao(dir, ['check', '.', '--format', 'json', '--locale', 'en', '--jobs', '1', '--soffice', NO_SOFFICE.soffice]);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { results: { source: string }[]; unread: { source: string; reason: string }[] };
    expect(report.results.map((x) => x.source)).toEqual(['good.json']);
    expect(report.unread).toEqual([{ source: 'crafted.odt', reason: 'This OpenDocument text (.odt) file holds data outside its zip directory (possibly content the office program does not show); it is not read.' }]);
  }, 60_000);
});

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('with LibreOffice', () => {
  it('the re-written .odt (the control) is converted and read as the form it is: the crafting keeps what LibreOffice reads', async () => {
    const r = await importNode(craftZip(entries('form.odt')), { filename: 'form.odt', converter: { soffice: soffice ?? '' } });
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  }, 180_000);
});
