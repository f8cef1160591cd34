// Bound the work, not only the bytes: each input that would cost a reader far more than a form does is refused
// with one sentence saying which limit it passed, before the expensive part runs. The costs these limits avoid, and
// what the worst inputs within them cost, are measured in test/hostile/README.md (tests assert the diagnostic only).
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBuffer, importDocx, importJson, importText, importYaml, type ImportResult } from '@jixiao/import';

const SEED_TEXT = readFileSync(new URL('../../examples/beita-justice-2020/000_1f3a69e61e56d541.txt', import.meta.url), 'utf8');
const SEED_JSON = readFileSync(new URL('../../examples/beita-justice-2020/evaluation.json', import.meta.url), 'utf8');

function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml) }, { level: 6 });
}

function refused(r: ImportResult, code: string, en: RegExp): void {
  expect(r.ok ? 'read' : r.diagnostics.map((d) => d.code)).toEqual([code]);
  expect(r.diagnostics[0]?.message.en).toMatch(en);
  expect(r.diagnostics[0]?.message['zh-CN']).toMatch(/不予读取。$/);
}

describe('Word text', () => {
  it('more than 20,000 lines (a 9 MB text of short lines took ~1.7 GB): too complex', () => {
    refused(importText(`单位名称\n${'a\n'.repeat(20_000)}`), 'too-complex', /more than 20,000 lines/);
    refused(importText(`单位名称\r${'a\r'.repeat(20_000)}`), 'too-complex', /more than 20,000 lines/);
    expect(importText(SEED_TEXT + '\n'.repeat(20_000 - 200)).ok).toBe(true);
  });

  it('more than 100,000 cells (tabs) in few lines: too complex', () => {
    refused(importText(`单位名称\n${`${'a\t'.repeat(99)}\n`.repeat(1_100)}`), 'too-complex', /more than 100,000 cells/);
  });

  it('keeps at most 200 diagnostics, the last one counting the rest', () => {
    // Ten copies of the form: every field of the nine later copies is a duplicate-field warning.
    const r = importText(SEED_TEXT.repeat(10));
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toHaveLength(200);
    expect(r.diagnostics[199]).toMatchObject({ code: 'too-many-diagnostics', severity: 'info' });
    expect(r.diagnostics[199]?.message.en).toMatch(/^\d+ more diagnostics are not listed\.$/);
  });
});

describe('.docx', () => {
  it('a document part declaring more than 4 MB (31 MB of whitespace in 40 KB took ~1.2 GB): too large, before inflating', () => {
    const r = importDocx(docx(`<w:p/>${' '.repeat(5 * 1024 * 1024)}`));
    refused(r, 'docx-too-large', /larger than 4 MB/);
  });

  it('more than 200,000 elements, nesting deeper than 200, more than 20,000 paragraphs or 100,000 cells: too complex', () => {
    refused(importDocx(docx('<w:bookmarkStart/>'.repeat(200_001))), 'docx-too-complex', /more than 200,000 XML elements/);
    refused(importDocx(docx(`${'<w:customXml>'.repeat(201)}${'</w:customXml>'.repeat(201)}`)), 'docx-too-complex', /more than 200 levels of nesting/);
    refused(importDocx(docx('<w:p/>'.repeat(20_001))), 'docx-too-complex', /more than 20,000 lines/);
    refused(importDocx(docx(`<w:p><w:r>${'<w:tab/>'.repeat(100_001)}</w:r></w:p>`)), 'docx-too-complex', /more than 100,000 cells/);
  });
});

describe('canonical JSON and YAML', () => {
  it('more than 4,000,000 characters (19 MB of [{},{},…] took ~700 MB): too large, before parsing', () => {
    refused(importJson(`[${'{},'.repeat(1_400_000)}{}]`), 'too-large', /longer than 4,000,000 characters/);
    refused(importYaml(`functions: "${'x'.repeat(4_000_000)}"`), 'too-large', /longer than 4,000,000 characters/);
  });

  it('YAML of more than 50,000 tokens (18 MB of list items took 36 s and 2.9 GB): too complex, counted by its own lexer', () => {
    refused(importYaml(`items: [${'1,'.repeat(30_000)}1]`), 'too-complex', /more than 50,000 YAML tokens/);
    refused(importYaml(`items:\n${'  - a\n'.repeat(30_000)}`), 'too-complex', /more than 50,000 YAML tokens/);
    expect(importYaml(SEED_JSON).ok).toBe(true);
  });

  it('the limits hold through importBuffer too', async () => {
    const r = await importBuffer(strToU8(`items:\n${'  - a\n'.repeat(30_000)}`), { filename: 'form.yaml' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['too-complex']);
  });
});
