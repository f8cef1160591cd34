// What a reader must not pass over in silence: a JSON key given twice, bytes that are not text, control characters
// and broken surrogates in a name, a figure with a space inside, and files it cannot open (encrypted, bzip2, LZMA).
// Each is an error with its place (line, path or paragraph), never a value read as if nothing happened.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { execute, type CliIo } from '@jixiao/cli';
import { importBuffer, importDocx, importJson, importText, importYaml, type ImportDiagnostic, type ImportResult } from '@jixiao/import';
import { craftCompoundFile, craftZip, seedEntries, type CraftEntry } from './docx-craft.js';

const EXAMPLE = new URL('../../examples/beita-justice-2020/', import.meta.url);
const SEED_TEXT = readFileSync(new URL('000_1f3a69e61e56d541.txt', EXAMPLE), 'utf8');
const SEED_JSON = readFileSync(new URL('evaluation.json', EXAMPLE), 'utf8');
/** Line 9 of the seed text is the unit name, `\t北塔区司法局`. */
const UNIT_LINE = 9;

const seedLines = () => SEED_TEXT.split('\n');
function textWithLine(n: number, line: string): string {
  const lines = seedLines();
  lines[n - 1] = line;
  return lines.join('\n');
}

function errorsOf(r: ImportResult): Pick<ImportDiagnostic, 'code' | 'line' | 'path'>[] {
  return r.diagnostics.filter((d) => d.severity === 'error').map(({ code, line, path }) => ({ code, ...(line === undefined ? {} : { line }), ...(path === undefined ? {} : { path }) }));
}

describe('a JSON form with a key given twice', () => {
  it('is refused with the key path and its line, whichever value comes last', () => {
    // The seed's income.localBudget (267.47) given again as 999.99: JSON.parse keeps the second.
    const twice = SEED_JSON.replace('"localBudget": 267.47,', '"localBudget": 267.47,\n    "localBudget": 999.99,');
    expect(twice).not.toBe(SEED_JSON);
    const line = twice.split('\n').findIndex((l) => l.includes('999.99')) + 1;
    const r = importJson(twice);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toEqual([{ code: 'json-duplicate-key', path: 'income.localBudget', line }]);
    expect(r.diagnostics[0]?.message['zh-CN']).toMatch(/income\.localBudget 在同一对象中出现了两次/);
  });

  it('at the top level and inside arrays alike; the same key in two different objects is fine', () => {
    const doc = JSON.parse(SEED_JSON) as Record<string, unknown>;
    const top = JSON.stringify(doc).replace(/^\{/, '{"fiscalYear":2019,');
    expect(errorsOf(importJson(top))).toEqual([{ code: 'json-duplicate-key', path: 'fiscalYear', line: 1 }]);
    expect(importJson(JSON.stringify(doc, null, 2)).ok).toBe(true);
  });

  it('is named first when the value that won does not fit the model either (the model would blame the value the writer did not mean)', () => {
    const twice = '{"unit": {"name": "北塔区司法局"},\n "unit": "北塔区司法局", "fiscalYear": 2020}';
    const r = importJson(twice);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]).toEqual({ code: 'json-duplicate-key', path: 'unit', line: 2 });
    // A rejected document nested deeper than a form is not scanned (the visitor recurses), and still refused.
    const deep = `{"unit": ${'['.repeat(5000)}${']'.repeat(5000)}, "unit": 1}`;
    expect(errorsOf(importJson(deep)).map((e) => e.code)).not.toContain('json-duplicate-key');
    expect(importJson(deep).ok).toBe(false);
  });
});

describe('control characters, broken surrogates and bytes that are not text', () => {
  it('Word text: NUL or BEL in the unit name is an error with line and column, and never reaches the evaluation', () => {
    for (const bad of ['\u0000', '\u0007', '\u001b']) {
      const r = importText(textWithLine(UNIT_LINE, `\t北塔区${bad}司法局`));
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.evaluation.unit.name).toBe('北塔区\uFFFD司法局');
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([expect.objectContaining({ code: 'unreadable-character', line: UNIT_LINE, column: 5 })]);
    }
  });

  it('Word text given as a string with an unpaired surrogate: the same', () => {
    const r = importText(textWithLine(UNIT_LINE, '\t北塔区\ud800司法局'));
    expect(r.ok && r.evaluation.unit.name).toBe('北塔区\uFFFD司法局');
    expect(errorsOf(r)).toEqual([{ code: 'unreadable-character', line: UNIT_LINE }]);
  });

  it('Word text as bytes with an invalid UTF-8 sequence: read as UTF-8 with the place named, not as GB18030 mojibake', async () => {
    const bytes = strToU8(SEED_TEXT);
    const name = strToU8('北塔区司法局');
    const at = bytes.findIndex((_b, i) => name.every((n, j) => bytes[i + j] === n));
    bytes[at + 4] = 0xff; // inside 塔
    const r = await importBuffer(bytes, { filename: 'form.txt' });
    expect(r.ok && r.evaluation.unit.name).toMatch(/^北\uFFFD+区司法局$/);
    expect(errorsOf(r)).toEqual([{ code: 'invalid-encoding', line: UNIT_LINE }]);
    expect(r.diagnostics[0]?.message.en).toMatch(/not valid UTF-8/);
  });

  it('JSON: a NUL or an unpaired surrogate in a string (written as \\u escapes) is refused with path and line', () => {
    for (const escape of ['\\u0000', '\\ud800']) {
      const r = importJson(SEED_JSON.replace('"name": "北塔区司法局"', `"name": "北塔区${escape}司法局"`));
      expect(errorsOf(r)).toEqual([{ code: 'unreadable-character', path: 'unit.name', line: 6 }]);
    }
  });

  it('JSON as bytes with an invalid UTF-8 sequence is refused with the line', async () => {
    const bytes = strToU8(SEED_JSON);
    bytes[bytes.indexOf(0xe5)] = 0xff; // the first CJK character, in unit.name on line 6
    const r = await importBuffer(bytes, { filename: 'evaluation.json' });
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toEqual([{ code: 'invalid-encoding', line: 6 }]);
  });

  it('YAML: a NUL or an unpaired surrogate (as escapes) is refused with path and line', () => {
    const full = JSON.parse(SEED_JSON) as { unit: { name: string } };
    for (const escape of ['\\0', '\\ud800']) {
      const lines = JSON.stringify(full, null, 2).split('\n');
      const i = lines.findIndex((l) => l.includes('北塔区司法局'));
      lines[i] = `    "name": "北塔区${escape}司法局"`;
      // JSON is YAML; read it with the YAML reader.
      const r = importYaml(lines.join('\n'));
      expect(errorsOf(r)).toEqual([{ code: 'unreadable-character', path: 'unit.name', line: i + 1 }]);
    }
  });

  it('.docx: a control character drawn by a symbol run is an error with its paragraph; a reference to one, or bytes that are not UTF-8, refuse the part', () => {
    const withDocument = (f: (xml: string) => string | Uint8Array): CraftEntry[] =>
      seedEntries().map((e) => {
        if (e.name !== 'word/document.xml') return e;
        const out = f(strFromU8(e.data));
        return { ...e, data: typeof out === 'string' ? strToU8(out) : out };
      });
    const bel = importDocx(craftZip(withDocument((xml) => xml.replace('北塔区司法局', '北塔区</w:t><w:sym w:font="Arial" w:char="0007"/><w:t>司法局'))));
    expect(bel.ok && bel.evaluation.unit.name).toBe('北塔区\uFFFD司法局');
    expect(bel.diagnostics.filter((d) => d.severity === 'error')).toEqual([expect.objectContaining({ code: 'unreadable-character', paragraph: expect.any(Number) as unknown })]);
    // XML 1.0 allows no reference to a control character (Word refuses the file too).
    expect(errorsOf(importDocx(craftZip(withDocument((xml) => xml.replace('北塔区司法局', '北塔区&#7;司法局')))))).toEqual([{ code: 'docx-xml-invalid' }]);
    const broken = importDocx(
      craftZip(
        withDocument((xml) => {
          const bytes = strToU8(xml);
          bytes[strToU8(xml.slice(0, xml.indexOf('北塔区司法局'))).length + 1] = 0xff;
          return bytes;
        }),
      ),
    );
    expect(errorsOf(broken)).toEqual([{ code: 'docx-xml-invalid' }]);
    expect(broken.diagnostics[0]?.message.en).toMatch(/not valid UTF-8/);
  });
});

describe('a figure with a space inside', () => {
  it('`26 4.47` is an unreadable figure on its line, not 264.47', () => {
    const lines = seedLines();
    const n = lines.findIndex((l) => l === '\t264.47') + 1;
    expect(n).toBe(30);
    const r = importText(textWithLine(n, '\t26 4.47'));
    expect(r.ok && r.evaluation.income.total).toBe(null);
    expect(errorsOf(r)).toEqual([expect.objectContaining({ code: 'unreadable-figure', line: n })]);
  });
});

describe('files that cannot be opened get their own message', () => {
  const seedWithDocument = (change: Partial<CraftEntry>) => craftZip(seedEntries().map((e) => (e.name === 'word/document.xml' ? { ...e, ...change } : e)));

  it('a password-protected .docx (an OLE compound file holding EncryptedPackage) is named as such, a legacy .doc still as .doc', async () => {
    const encrypted = await importBuffer(craftCompoundFile(['EncryptionInfo', 'EncryptedPackage']), { filename: 'form.docx' });
    expect(errorsOf(encrypted)).toEqual([{ code: 'docx-encrypted' }]);
    expect(encrypted.diagnostics[0]?.message['zh-CN']).toMatch(/已加密/);
    const doc = await importBuffer(craftCompoundFile(['WordDocument']), { filename: 'form.doc' });
    expect(errorsOf(doc)).toEqual([{ code: 'unsupported-format' }]);
    expect(doc.diagnostics[0]?.message.en).toMatch(/Word 97-2003 \(\.doc\)/);
  });

  it('a zip entry with the encryption flag', () => {
    expect(errorsOf(importDocx(seedWithDocument({ flags: 1 })))).toEqual([{ code: 'docx-encrypted' }]);
  });

  it.each([
    [12, 'bzip2'],
    [14, 'LZMA'],
    [93, 'Zstandard'],
    [17, 'method 17'],
  ])('a zip entry compressed with method %i names it (%s)', (method, name) => {
    const r = importDocx(seedWithDocument({ method }));
    expect(errorsOf(r)).toEqual([{ code: 'docx-unsupported-compression' }]);
    expect(r.diagnostics[0]?.message.en).toContain(`"word/document.xml" is compressed with ${name}`);
  });
});

describe('through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-input-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a JSON form with a key given twice and an encrypted .docx are each exit 3 (input not read) with their reason; the good form beside them is checked', async () => {
    writeFileSync(join(dir, 'twice.json'), SEED_JSON.replace('"localBudget": 267.47,', '"localBudget": 267.47,\n    "localBudget": 999.99,'));
    writeFileSync(join(dir, 'locked.docx'), craftCompoundFile(['EncryptionInfo', 'EncryptedPackage']));
    writeFileSync(join(dir, 'good.json'), SEED_JSON);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)), stderr: (c) => err.push(c), cwd: dir, env: {}, stdoutIsTTY: false };
    const code = await execute(['check', '.', '--format', 'json', '--locale', 'en', '--jobs', '1'], io);
    expect(code).toBe(3);
    expect(err.join('')).toMatch(/twice\.json[\s\S]*income\.localBudget appears twice/);
    expect(err.join('')).toMatch(/locked\.docx[\s\S]*encrypted/);
    expect((JSON.parse(out.join('')) as { results: { source: string }[] }).results.map((r) => r.source)).toEqual(['good.json']);
  });
});
