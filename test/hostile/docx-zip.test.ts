// A .docx is read through its central directory, as Word and `unzip` read it. Anything a different zip reader
// could read differently — a part that exists only as a local header, two entries with one name, a local header
// that contradicts its directory entry, bytes after the end record — is refused with one sentence, never checked
// on content Word would not show.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execute, type CliIo } from '@jixiao/cli';
import { importDocx, type ImportResult } from '@jixiao/import';
import { craftZip, seedDocumentWith, seedEntries, type CraftEntry } from './docx-craft.js';

/** The seed form with another income total: what a hostile file hides from Word. */
const HIDDEN = seedDocumentWith('264.47', '999.99');

function withDocument(entries: CraftEntry[], replace: (doc: CraftEntry) => CraftEntry[]): CraftEntry[] {
  return entries.flatMap((e) => (e.name === 'word/document.xml' ? replace(e) : [e]));
}

function refused(r: ImportResult, code: string): void {
  // On failure, show what was read instead: the hidden figure is the point of these files.
  expect(r.ok ? { ok: true, incomeTotal: r.evaluation.income.total } : r.diagnostics.map((d) => d.code)).toEqual([code]);
  expect(r.diagnostics).toHaveLength(1);
  const [d] = r.diagnostics;
  expect(d?.severity).toBe('error');
  expect(d?.message['zh-CN']).toMatch(/。$/);
  expect(d?.message.en).toMatch(/\.$/);
}

describe('the crafted archives are real zips', () => {
  it('the seed re-written entry by entry reads as the seed does', () => {
    const r = importDocx(craftZip(seedEntries()));
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  });

  it('entries with data descriptors (flag bit 3, as streaming writers do) and an archive comment are read', () => {
    const r = importDocx(craftZip(seedEntries().map((e) => ({ ...e, descriptor: true as const })), { comment: new TextEncoder().encode('written by hand') }));
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  });

  it('a ZIP64 archive (extra fields, ZIP64 end record and locator), with and without data descriptors, is read', () => {
    expect(importDocx(craftZip(seedEntries(), { zip64: true })).ok).toBe(true);
    const r = importDocx(craftZip(seedEntries().map((e) => ({ ...e, descriptor: true as const })), { zip64: true }));
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  });

  it('a stored (uncompressed) document part is read', () => {
    const r = importDocx(craftZip(withDocument(seedEntries(), (doc) => [{ ...doc, method: 0 }])));
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  });
});

describe('parts Word would not show', () => {
  it('a word/document.xml that exists only as a local header, before the real one, is refused', () => {
    const bytes = craftZip([{ name: 'word/document.xml', data: HIDDEN, orphan: true }, ...seedEntries()]);
    refused(importDocx(bytes), 'docx-zip-hidden-data');
  });

  it('an orphan local header between two entries, or after the last one, is refused', () => {
    const entries = seedEntries();
    const orphan: CraftEntry = { name: 'word/document.xml', data: HIDDEN, orphan: true };
    refused(importDocx(craftZip([...entries.slice(0, 3), orphan, ...entries.slice(3)])), 'docx-zip-hidden-data');
    refused(importDocx(craftZip([...entries, orphan])), 'docx-zip-hidden-data');
  });

  it('bytes after the end of the central directory are refused: junk, or a second archive', () => {
    refused(importDocx(craftZip(seedEntries(), { trailing: new Uint8Array(64).fill(0x20) })), 'docx-zip-hidden-data');
    const second = craftZip([{ name: 'word/document.xml', data: HIDDEN }]);
    refused(importDocx(craftZip(seedEntries(), { trailing: second })), 'docx-zip-hidden-data');
  });

  it('an end record hidden in the archive comment is refused', () => {
    // A reader that takes the first end-record signature from the end would find a forged one in the comment.
    const forged = craftZip([]).slice(-22);
    refused(importDocx(craftZip(seedEntries(), { comment: forged })), 'docx-zip-hidden-data');
  });
});

describe('two entries with one name', () => {
  it('a second word/document.xml is refused, wherever it sits', () => {
    refused(importDocx(craftZip(withDocument(seedEntries(), (doc) => [doc, { name: doc.name, data: HIDDEN }]))), 'docx-zip-duplicate-entry');
    refused(importDocx(craftZip(withDocument(seedEntries(), (doc) => [{ name: doc.name, data: HIDDEN }, doc]))), 'docx-zip-duplicate-entry');
  });

  it('names that differ only in case are one part name (OPC compares them case-insensitively)', () => {
    refused(importDocx(craftZip(withDocument(seedEntries(), (doc) => [{ name: 'Word/Document.xml', data: HIDDEN }, doc]))), 'docx-zip-duplicate-entry');
  });
});

describe('a local header that contradicts its central directory entry', () => {
  it('names another part: the local header of a decoy entry says word/document.xml', () => {
    const decoy: CraftEntry = { name: 'customXml/item9.xml', data: HIDDEN, local: { name: 'word/document.xml' } };
    refused(importDocx(craftZip([decoy, ...seedEntries()])), 'docx-zip-header-mismatch');
  });

  it.each([
    ['uncompressed size', { size: 12 }],
    ['compressed size', { compressedSize: 12 }],
    ['compression method', { method: 0 }],
    ['CRC-32', { crc: 0x12345678 }],
    ['encryption flag', { flags: 1 }],
  ] as const)('disagrees on the %s', (_what, local) => {
    refused(importDocx(craftZip(withDocument(seedEntries(), (doc) => [{ ...doc, local }]))), 'docx-zip-header-mismatch');
  });

  it('a data descriptor that disagrees with the central directory', () => {
    refused(importDocx(craftZip(withDocument(seedEntries(), (doc) => [{ ...doc, descriptor: { crc: 1 } }]))), 'docx-zip-header-mismatch');
  });

  it('a document part that inflates to another size than both headers declare', () => {
    const doc = seedEntries().find((e) => e.name === 'word/document.xml');
    if (doc === undefined) throw new Error('no document');
    const lie = { size: doc.data.length - 100 };
    refused(importDocx(craftZip(withDocument(seedEntries(), (d) => [{ ...d, local: lie, central: lie }]))), 'docx-zip-header-mismatch');
  });
});

describe('the main document part, as Word finds it (the officeDocument relationship of _rels/.rels)', () => {
  const OFFICE_DOCUMENT = 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"';
  /** The seed with _rels/.rels (and [Content_Types].xml) edited, and more parts added. */
  function withRelationships(edit: (rels: string) => string, more: CraftEntry[] = [], types: (t: string) => string = (t) => t): Uint8Array {
    const text = new TextDecoder();
    const entries = seedEntries().map((e) => {
      if (e.name === '[Content_Types].xml') return { ...e, data: new TextEncoder().encode(types(text.decode(e.data))) };
      if (e.name !== '_rels/.rels') return e;
      const rels = text.decode(e.data);
      // The edit must change something: the seed names its main part as the tests expect.
      expect(rels).toContain(OFFICE_DOCUMENT);
      expect(edit(rels)).not.toBe(rels);
      return { ...e, data: new TextEncoder().encode(edit(rels)) };
    });
    return craftZip([...entries, ...more]);
  }
  const mainType = (part: string) => (t: string) => t.replace('</Types>', `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);

  it('a package whose relationship names another part is read from that part, which is what Word shows', () => {
    const bytes = withRelationships((rels) => rels.replace(OFFICE_DOCUMENT, OFFICE_DOCUMENT.replace('word/document.xml', 'word/shown.xml')), [{ name: 'word/shown.xml', data: HIDDEN }], mainType('word/shown.xml'));
    const r = importDocx(bytes);
    expect(r.ok && r.evaluation.income.total).toBe(999.99);
  });

  it('targets written as absolute, ./ or percent-encoded names, and the strict relationship type, name the same part', () => {
    for (const target of ['/word/document.xml', './word/document.xml', 'word/%64ocument.xml']) {
      expect(importDocx(withRelationships((rels) => rels.replace(OFFICE_DOCUMENT, OFFICE_DOCUMENT.replace('word/document.xml', target)))).ok).toBe(true);
    }
    const strict = withRelationships((rels) => rels.replace('http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'));
    expect(importDocx(strict).ok).toBe(true);
  });

  it('two main documents are refused, whichever comes first', () => {
    const second = `<Relationship Id="rId9" ${OFFICE_DOCUMENT.replace('word/document.xml', 'word/shown.xml')}/>`;
    refused(importDocx(withRelationships((rels) => rels.replace('</Relationships>', `${second}</Relationships>`), [{ name: 'word/shown.xml', data: HIDDEN }])), 'docx-ambiguous-document');
    refused(importDocx(withRelationships((rels) => rels.replace('<Relationship ', `${second}<Relationship `), [{ name: 'word/shown.xml', data: HIDDEN }])), 'docx-ambiguous-document');
  });

  it('a main document that is external, outside the package, missing, or not named at all is refused', () => {
    refused(importDocx(withRelationships((rels) => rels.replace(OFFICE_DOCUMENT, `${OFFICE_DOCUMENT.replace('word/document.xml', 'https://example.org/form.xml')} TargetMode="External"`))), 'docx-no-document');
    refused(importDocx(withRelationships((rels) => rels.replace(OFFICE_DOCUMENT, OFFICE_DOCUMENT.replace('word/document.xml', '../word/document.xml')))), 'docx-no-document');
    const missing = importDocx(withRelationships((rels) => rels.replace(OFFICE_DOCUMENT, OFFICE_DOCUMENT.replace('word/document.xml', 'word/gone.xml'))));
    refused(missing, 'docx-no-document');
    expect(missing.diagnostics[0]?.message.en).toContain('"word/gone.xml"');
    refused(importDocx(withRelationships((rels) => rels.replace(OFFICE_DOCUMENT, OFFICE_DOCUMENT.replace('officeDocument"', 'officeDocumentX"')))), 'docx-no-document');
  });

  it('files read one after another each name their own main part (nothing is carried over from the file before)', () => {
    const shown = withRelationships((rels) => rels.replace(OFFICE_DOCUMENT, OFFICE_DOCUMENT.replace('word/document.xml', 'word/shown.xml')), [{ name: 'word/shown.xml', data: HIDDEN }], mainType('word/shown.xml'));
    const seed = craftZip(seedEntries());
    const total = (r: ImportResult) => (r.ok ? r.evaluation.income.total : r.diagnostics.map((d) => d.code));
    expect([seed, shown, seed, shown].map((b) => total(importDocx(b)))).toEqual([264.47, 999.99, 264.47, 999.99]);
    refused(importDocx(withRelationships((rels) => rels.replace('</Relationships>', ''))), 'docx-xml-invalid');
    expect(total(importDocx(seed))).toBe(264.47);
  });

  it('relationships with a DTD, or not well-formed, are refused', () => {
    refused(importDocx(withRelationships((rels) => rels.replace('<Relationships', '<!DOCTYPE r [<!ENTITY e "x">]><Relationships'))), 'docx-xml-invalid');
    refused(importDocx(withRelationships((rels) => rels.replace('</Relationships>', ''))), 'docx-xml-invalid');
  });
});

describe('through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-docx-zip-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a hostile .docx is exit 3 (input not read) with one sentence naming the file, and the good form beside it is still checked', async () => {
    writeFileSync(join(dir, 'hidden.docx'), craftZip([{ name: 'word/document.xml', data: HIDDEN, orphan: true }, ...seedEntries()]));
    writeFileSync(join(dir, 'good.docx'), craftZip(seedEntries()));
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)), stderr: (c) => err.push(c), cwd: dir, env: {}, stdoutIsTTY: false };
    const code = await execute(['check', '.', '--format', 'json', '--locale', 'en', '--jobs', '1'], io);
    expect(code).toBe(3);
    expect(err.join('')).toMatch(/hidden\.docx[\s\S]*outside its zip directory/);
    const doc = JSON.parse(out.join('')) as { results: { source: string }[] };
    expect(doc.results.map((r) => r.source)).toEqual(['good.docx']);
  });
});
