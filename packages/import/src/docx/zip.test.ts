// Listing a zip's entries under the .docx limits (used for rule packs sent as .zip).
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listZipEntries, readZipEntry, ZipReadError } from './zip.js';

const archive = zipSync({ 'pack/pack.json': strToU8('{"name":"demo"}'), 'pack/src/rules/a.json': strToU8('{}') });

describe('listZipEntries', () => {
  it('names every entry without inflating, and each reads back', () => {
    expect(listZipEntries(archive)).toEqual(['pack/pack.json', 'pack/src/rules/a.json']);
    expect(new TextDecoder().decode(readZipEntry(archive, 'pack/pack.json'))).toBe('{"name":"demo"}');
  });

  it('refuses more entries, or more declared bytes, than the limits allow', () => {
    expect(() => listZipEntries(archive, { maxEntries: 1, maxEntryBytes: 1_000, maxTotalBytes: 1_000 })).toThrow(ZipReadError);
    expect(() => listZipEntries(archive, { maxEntries: 10, maxEntryBytes: 5, maxTotalBytes: 1_000 })).toThrow(/declares/);
    expect(() => listZipEntries(archive, { maxEntries: 10, maxEntryBytes: 1_000, maxTotalBytes: 16 })).toThrow(/declared size/);
  });

  it('says a file that is not a zip is not one', () => {
    expect(() => listZipEntries(strToU8('not a zip'))).toThrow(ZipReadError);
  });
});
