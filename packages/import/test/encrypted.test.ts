/**
 * Password-protected files (issue 14): real ones, written by LibreOffice with a password
 * (test/hostile/encrypted/make-encrypted.mjs says how), are named as such — `password-protected`, never "not a
 * form", "damaged" or a converter's time limit — and, except a workbook (which may open without a password), before
 * any converter runs. The controls: the same forms saved without a password, and a workbook encrypted with Excel's
 * default password, which opens.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compoundStreamStart } from '../src/compound.js';
import { encryptedOffice, type OfficeFormat } from '../src/office.js';
import { importBuffer } from '../src/node/import-node.js';
import { tempDir } from '../../../test/setup/temp.js';
import { libreOffice } from './libreoffice.js';

const FIXTURES = fileURLToPath(new URL('../../../test/hostile/encrypted/', import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const hex = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : Buffer.from(bytes).toString('hex'));
const codes = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe('the start of a compound file’s stream', () => {
  it('is what olefile 0.46 (an independent reader) reads there', () => {
    // `olefile.OleFileIO(f).openstream(name).read(24).hex()`, run on these files.
    expect(hex(compoundStreamStart(fixture('locked.doc'), 'WordDocument', 24))).toBe('eca501014d2009040000f013bf0034000000003000000000');
    expect(hex(compoundStreamStart(fixture('plain.doc'), 'WordDocument', 24))).toBe('eca501014d2009040000f012bf0000000000003000000000');
    expect(hex(compoundStreamStart(fixture('locked.xls'), 'workbook', 24))).toBe('0908100000060500bb0dcc0700000000060000002f003600');
    expect(hex(compoundStreamStart(fixture('plain.xls'), 'Workbook', 24))).toBe('0908100000060500bb0dcc070000000006000000e1000200');
  });

  it('spans sectors, and stops at the stream’s end', () => {
    const whole = compoundStreamStart(fixture('locked.xls'), 'Workbook', 100_000);
    expect(whole?.length).toBe(6659); // olefile: get_size('Workbook')
    expect(hex(whole?.subarray(0, 24))).toBe('0908100000060500bb0dcc0700000000060000002f003600');
  });

  it('is undefined for a stream that is not there, a truncated file and a chain that loops, without hanging', () => {
    const doc = fixture('locked.doc');
    expect(compoundStreamStart(doc, 'Workbook', 16)).toBeUndefined();
    expect(compoundStreamStart(doc.subarray(0, 2048), 'WordDocument', 16)).toBeUndefined();
    // Every FAT entry pointing at sector 0: each chain loops on itself.
    const looped = doc.slice();
    const fat = (new DataView(looped.buffer).getUint32(76, true) + 1) * 512;
    for (let i = 0; i < 128; i++) new DataView(looped.buffer).setUint32(fat + i * 4, 0, true);
    expect(compoundStreamStart(looped, 'WordDocument', 16)).toBeUndefined();
    expect(encryptedOffice(looped, 'doc')).toBe(false);
  });
});

describe('what says a file is encrypted', () => {
  it.each([
    ['locked.doc', 'doc', true],
    ['locked.doc', 'wps', true],
    ['plain.doc', 'doc', false],
    ['locked.xls', 'xls', true],
    ['locked.xls', 'et', true],
    ['velvet.xls', 'xls', true],
    ['plain.xls', 'xls', false],
    ['locked.odt', 'odt', true],
    ['locked.ods', 'ods', true],
  ] as const)('%s as %s: %s', (name, format: OfficeFormat, encrypted) => {
    expect(encryptedOffice(fixture(name), format)).toBe(encrypted);
  });

  it('an OpenDocument file without a password is not', () => {
    // The .odt the macros test writes has no encryption-data; here the example's .docx stands in for "a zip with no manifest".
    expect(encryptedOffice(new Uint8Array(readFileSync(fileURLToPath(new URL('../../../examples/beita-justice-2020/form.docx', import.meta.url)))), 'odt')).toBe(false);
  });
});

describe('a password-protected file read by the Node reader', () => {
  const scratch = tempDir('jixiao-encrypted-');
  const fake = (name: string, body: string): string => {
    const file = join(scratch, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  const ran = join(scratch, 'ran');
  /** A stand-in soffice that notes it ran and fails as LibreOffice does on a file it cannot open. */
  const recorder = fake('soffice-record', `echo ran >> ${ran}\necho "Error: source file could not be loaded" >&2\nexit 1`);
  const runs = () => {
    try {
      return readFileSync(ran, 'utf8').trim().split('\n').length;
    } catch {
      return 0;
    }
  };

  it.each([
    ['locked.doc', 'form.doc', 'doc', 'Word 97-2003 (.doc)'],
    ['locked.doc', 'form.wps', 'wps', 'WPS Writer (.wps)'],
    ['locked.odt', 'form.odt', 'odt', 'OpenDocument text (.odt)'],
    ['locked.ods', 'form.ods', 'ods', 'OpenDocument spreadsheet (.ods)'],
  ])('%s named %s: password-protected, and no converter is started', async (name, filename, kind, what) => {
    const before = runs();
    const r = await importBuffer(fixture(name), { filename, converter: { soffice: recorder } });
    expect(r.ok).toBe(false);
    expect(r.kind).toBe(kind);
    expect(codes(r)).toEqual(['password-protected']);
    expect(r.diagnostics[0]?.message.en).toBe(`This ${what} file is encrypted (it has a password to open) and cannot be read. Remove the password, save it again and submit the unencrypted file.`);
    expect(r.diagnostics[0]?.message['zh-CN']).toMatch(/文件已加密（设有打开密码），无法读取。请取消密码后另存，提交未加密的文件。$/);
    expect(runs()).toBe(before);
  });

  it('an encrypted workbook is tried (it may open without a password); when the converter fails or hangs, it is password-protected', async () => {
    const before = runs();
    const failed = await importBuffer(fixture('locked.xls'), { filename: 'form.xls', converter: { soffice: recorder } });
    expect(codes(failed)).toEqual(['password-protected']);
    expect(runs()).toBe(before + 1);
    const hang = fake('soffice-hang', 'sleep 30 & wait');
    const stopped = await importBuffer(fixture('locked.xls'), { filename: 'form.et', converter: { soffice: hang, timeoutMs: 500 } });
    expect(stopped.kind).toBe('et');
    expect(codes(stopped)).toEqual(['password-protected']);
  }, 30_000);

  it('the controls: a workbook without a password whose conversion fails is a conversion failure; without LibreOffice an encrypted workbook says what to install', async () => {
    expect(codes(await importBuffer(fixture('plain.xls'), { filename: 'form.xls', converter: { soffice: recorder } }))).toEqual(['converter-failed']);
    expect(codes(await importBuffer(fixture('locked.xls'), { filename: 'form.xls', converter: { soffice: join(scratch, 'nowhere/soffice') } }))).toEqual(['converter-missing']);
  });

  it('an encrypted Office 2007+ workbook is named a workbook by its name (the encrypted package does not say)', async () => {
    const { craftCompoundFile } = await import('../../../test/hostile/docx-craft.js');
    const ole = craftCompoundFile(['EncryptionInfo', 'EncryptedPackage']);
    const book = await importBuffer(ole, { filename: 'form.xlsx' });
    expect([book.kind, ...codes(book)]).toEqual(['xlsx', 'xlsx-encrypted']);
    const doc = await importBuffer(ole, { filename: 'form.docx' });
    expect([doc.kind, ...codes(doc)]).toEqual(['docx', 'docx-encrypted']);
  });
});

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('password-protected workbooks through LibreOffice', () => {
  it('locked.xls is password-protected; velvet.xls (Excel’s default password) opens and is read', async () => {
    const locked = await importBuffer(fixture('locked.xls'), { filename: 'form.xls' });
    expect(codes(locked)).toEqual(['password-protected']);
    const velvet = await importBuffer(fixture('velvet.xls'), { filename: 'form.xls' });
    const plain = await importBuffer(fixture('plain.xls'), { filename: 'form.xls' });
    expect(velvet.ok).toBe(true);
    expect(velvet.kind).toBe('xls');
    expect(velvet.ok && plain.ok ? velvet.evaluation : undefined).toEqual(plain.ok ? plain.evaluation : 'plain.xls not read');
  }, 120_000);
});
