import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFormDocx } from '../scripts/render-docx.js';
import { detectKind, formatDiagnostic, importBuffer, importJson, importYaml } from './index.js';

const example = (name: string) => fileURLToPath(new URL(`../../../examples/beita-justice-2020/${name}`, import.meta.url));
const seedText = readFileSync(example('000_1f3a69e61e56d541.txt'));
const seedJson = readFileSync(example('evaluation.json'), 'utf8');

describe('detectKind', () => {
  it('tells the kinds apart by content, then extension', async () => {
    expect(detectKind(new Uint8Array(seedText))).toBe('text');
    expect(detectKind(new TextEncoder().encode(seedJson))).toBe('json');
    expect(detectKind(new TextEncoder().encode('fiscalYear: 2020\n'), 'x.txt')).toBe('yaml');
    expect(detectKind(new TextEncoder().encode('a: 1\n'), 'form.yml')).toBe('yaml');
    expect(detectKind(await renderFormDocx(JSON.parse(seedJson) as never, 'glyph'))).toBe('docx');
    expect(detectKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toBe('unknown');
    expect(detectKind(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9, 200, 201]))).toBe('unknown');
  });

  it('a .docx, .xlsx or PDF whose bytes are not one is damaged or misnamed, said so, not read as text (a .doc may be HTML: read)', async () => {
    const text = new TextEncoder().encode('单位名称 北塔区司法局 这是一段文字，不是 zip 也不是 PDF。');
    for (const [name, said] of [['form.docx', 'Word (.docx)'], ['form.XLSX', 'Excel (.xlsx)'], ['form.xlsm', 'Excel (.xlsm)'], ['form.pdf', 'PDF']] as const) {
      const r = await importBuffer(text, { filename: name });
      expect(r.ok, name).toBe(false);
      expect(r.diagnostics.map((d) => d.code), name).toEqual(['damaged-file']);
      expect(r.diagnostics[0]?.message['zh-CN']).toBe(`文件名是 ${said} 文件，但内容不是：文件已损坏，或扩展名有误。`);
    }
    for (const name of ['form.doc', 'form.txt', undefined]) {
      const r = await importBuffer(text, name === undefined ? {} : { filename: name });
      expect(r.diagnostics.map((d) => d.code), name).not.toContain('damaged-file');
    }
  });

  it('reads UTF-16 text with a byte-order mark (Notepad "Unicode")', async () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText.toString('utf8'), 'utf16le')]));
    const r = await importBuffer(utf16, { filename: 'form.txt' });
    expect(r.ok && r.kind).toBe('text');
    expect(r.ok && r.evaluation.income.total).toBe(264.47);
  });
});

describe('importJson / importYaml', () => {
  it('read the canonical model', () => {
    const j = importJson(seedJson);
    expect(j.ok).toBe(true);
    expect(importYaml(seedJson).ok).toBe(true);
  });

  it('map schema errors to field paths, worded with the form label in Chinese', () => {
    const broken = JSON.parse(seedJson) as { income: { total: unknown } };
    broken.income.total = '264.47';
    const r = importJson(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ path: 'income.total', severity: 'error' }));
    // The message says what is wrong; whoever shows it names the field by its label (the path only when verbose).
    const [first] = r.diagnostics;
    expect(first?.message['zh-CN']).toContain('类型错误');
    expect(first === undefined ? '' : formatDiagnostic(first)).toContain('年度收入合计: 类型错误');
  });

  it('refuse YAML alias bombs and invalid syntax with one diagnostic', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
    expect(importYaml(bomb).ok).toBe(false);
    const bad = importYaml('a: [1, 2');
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0]?.code).toBe('yaml-invalid');
  });
});

describe('importBuffer', () => {
  it('reads every kind', async () => {
    expect((await importBuffer(new Uint8Array(seedText))).ok).toBe(true);
    expect((await importBuffer(new TextEncoder().encode(seedJson), { filename: 'e.json' })).kind).toBe('json');
    expect((await importBuffer(new Uint8Array(readFileSync(example('form.docx'))))).kind).toBe('docx');
  });

  it('names a legacy .doc and a PDF precisely', async () => {
    expect((await importBuffer(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).diagnostics[0]?.code).toBe('unsupported-format');
    expect((await importBuffer(new TextEncoder().encode('%PDF-1.7\n'))).diagnostics[0]?.code).toBe('unsupported-format');
  });

  it('a file only LibreOffice reads is named with why it is not read here; an encrypted one as password-protected, as the CLI names it', async () => {
    // Real files written by LibreOffice (test/hostile/encrypted/README: locked ones with a password, plain ones without).
    const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../test/hostile/encrypted/${name}`, import.meta.url))));
    for (const [name, kind] of [['locked.doc', 'doc'], ['locked.odt', 'odt'], ['locked.ods', 'ods']] as const) {
      const r = await importBuffer(fixture(name), { filename: name });
      expect([r.kind, ...r.diagnostics.map((d) => d.code)], name).toEqual([kind, 'password-protected']);
      expect(r.diagnostics[0]?.message['zh-CN'], name).toMatch(/已加密（设有打开密码）/);
    }
    // The same .doc named .wps is a WPS file, and says so.
    expect((await importBuffer(fixture('locked.doc'), { filename: 'form.wps' })).diagnostics[0]?.message['zh-CN']).toMatch(/^这个 WPS 文字（\.wps） 文件已加密/);
    // A workbook with a FilePass record may open without a password (the CLI tries): the message says both cases.
    const xls = await importBuffer(fixture('locked.xls'), { filename: 'locked.xls' });
    expect(xls.diagnostics.map((d) => d.code)).toEqual(['password-protected']);
    expect(xls.diagnostics[0]?.message.en).toMatch(/encrypted.*default password/);
    for (const [name, kind, target] of [['plain.doc', 'doc', '.docx'], ['plain.xls', 'xls', '.xlsx']] as const) {
      const r = await importBuffer(fixture(name), { filename: name });
      expect([r.kind, ...r.diagnostics.map((d) => d.code)], name).toEqual([kind, 'unsupported-format']);
      expect(r.diagnostics[0]?.message['zh-CN'], name).toContain(`须经 LibreOffice 转换才能读取`);
      expect(r.diagnostics[0]?.message['zh-CN'], name).toContain(`另存为 ${target}`);
    }
  });

  it('fuzz: arbitrary bytes always resolve to an evaluation or diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(undefined, 'a.txt', 'a.docx', 'a.json', 'a.yaml'), async (bytes, filename) => {
        const r = await importBuffer(bytes, filename === undefined ? {} : { filename });
        expect(r.ok ? r.evaluation : r.diagnostics.length).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });
});
