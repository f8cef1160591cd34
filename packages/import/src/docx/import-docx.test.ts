import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evaluationArb } from '@jixiao/testing';
import type { Evaluation } from '@jixiao/core';
import { DOCX_ENCODINGS, renderFormDocx } from '../../scripts/render-docx.js';
import { renderFormText } from '../form/render.js';
import { importText } from '../text/import-text.js';
import { importDocx } from './import-docx.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../examples/beita-justice-2020/${name}`, import.meta.url));
const seedEvaluation = JSON.parse(readFileSync(example('evaluation.json'), 'utf8')) as Evaluation & { $schema?: string };
delete seedEvaluation.$schema;

/** Compare evaluations read from two different files: provenance (raw text, line) names positions in each file. */
function comparable(e: Evaluation): unknown {
  const { answerResolution, modelVersion: _v, ...rest } = e;
  return { ...rest, how: Object.fromEntries(Object.entries(answerResolution ?? {}).map(([k, r]) => [k, r.how])) };
}

function ok(bytes: Uint8Array) {
  const r = importDocx(bytes);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.diagnostics)}`);
  return r;
}

describe('importDocx: checkbox constructs written by the docx library', () => {
  const text = importText(renderFormText(seedEvaluation));
  if (!text.ok) throw new Error('text counterpart did not import');

  it.each(DOCX_ENCODINGS)('%s: imports to the same evaluation as its text counterpart', async (encoding) => {
    const r = ok(await renderFormDocx(seedEvaluation, encoding));
    expect(comparable(r.evaluation)).toEqual(comparable(text.evaluation));
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps paragraph and table cell for every field', async () => {
    const r = ok(await renderFormDocx(seedEvaluation, 'eq-complex'));
    expect(r.positions['income.total']).toMatchObject({ cell: expect.stringMatching(/^table 1, row \d+, cell 2$/) as unknown, excerpt: '264.47' });
    expect(r.positions['staffingControl.overstaffed']?.paragraph).toBeGreaterThan(3);
    expect(r.positions.fiscalYear).toEqual({ paragraph: 3, excerpt: '（2020年度）' });
  });

  it('reports an unknown symbol-font glyph with its paragraph', async () => {
    const e: Evaluation = { ...seedEvaluation, staffingControl: { overstaffed: 'ambiguous' } };
    const r = ok(await renderFormDocx(e, 'sym-wingdings2'));
    expect(r.evaluation.staffingControl.overstaffed).toBe('ambiguous');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-glyph', paragraph: expect.any(Number) as unknown, cell: expect.any(String) as unknown }));
  });

  it('property: any evaluation in any encoding reads back as its text rendering does', async () => {
    const safe = fc.string({ unit: fc.constantFrom(...Array.from('甲乙丙丁戊己庚辛壬癸ABC0123456789')), maxLength: 12 }).map((s) => (s === '' ? null : s));
    await fc.assert(
      fc.asyncProperty(evaluationArb({ extensions: false }), safe, fc.constantFrom(...DOCX_ENCODINGS), async (g, t, encoding) => {
        const e: Evaluation = { ...g, functions: t, achievements: t, problems: t, suggestions: null, disclosure: { ...g.disclosure, channels: g.disclosure.channels?.length === 0 ? null : g.disclosure.channels } };
        const fromText = importText(renderFormText(e));
        const fromDocx = importDocx(await renderFormDocx(e, encoding));
        expect(fromText.ok && fromDocx.ok).toBe(true);
        if (fromText.ok && fromDocx.ok) expect(comparable(fromDocx.evaluation)).toEqual(comparable(fromText.evaluation));
      }),
      { numRuns: 25 },
    );
  });
});

describe('importDocx: hidden text', () => {
  it('a figure with a hidden digit in front reads as Word shows it, and the hidden digit is a warning on its cell', async () => {
    const rendered = unzipSync(await renderFormDocx(seedEvaluation, 'eq-complex'));
    const xml = strFromU8(rendered['word/document.xml'] ?? new Uint8Array(0));
    const shown = '<w:r><w:t xml:space="preserve">264.47</w:t></w:r>';
    expect(xml.split(shown).length).toBe(2);
    const withHidden = zipSync({ ...rendered, 'word/document.xml': strToU8(xml.replace(shown, `<w:r><w:rPr><w:vanish/></w:rPr><w:t>1</w:t></w:r>${shown}`)) });
    const plain = ok(zipSync(rendered));
    const hidden = ok(withHidden);
    expect(hidden.evaluation.income.total).toEqual(plain.evaluation.income.total);
    expect(comparable(hidden.evaluation)).toEqual(comparable(plain.evaluation));
    const warnings = hidden.diagnostics.filter((d) => d.code === 'hidden-text');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', message: { 'zh-CN': '隐藏文字未读取（Word 中不显示、不打印）：「1」' } });
    expect(warnings[0]?.cell).toMatch(/^table \d+, row \d+, cell 2$/);
    expect(plain.diagnostics.filter((d) => d.code === 'hidden-text')).toEqual([]);
  });

  it('a digit in white on no shading before a figure reads as a reviewer sees the cell, and is a warning on its cell saying why', async () => {
    const rendered = unzipSync(await renderFormDocx(seedEvaluation, 'eq-complex'));
    const xml = strFromU8(rendered['word/document.xml'] ?? new Uint8Array(0));
    const shown = '<w:r><w:t xml:space="preserve">264.47</w:t></w:r>';
    const white = (rPr: string) => ok(zipSync({ ...rendered, 'word/document.xml': strToU8(xml.replace(shown, `<w:r><w:rPr>${rPr}</w:rPr><w:t>1</w:t></w:r>${shown}`)) }));
    const r = white('<w:color w:val="FFFFFF"/>');
    expect(r.evaluation.income.total).toBe(264.47);
    const warnings = r.diagnostics.filter((d) => d.code === 'unseen-text');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      message: { 'zh-CN': '白色文字未读取（无底色，Word 中看不见）：「1」', en: 'White text on no shading not read (not visible in Word): "1"' },
    });
    expect(warnings[0]?.cell).toMatch(/^table \d+, row \d+, cell 2$/);
    const tiny = white('<w:sz w:val="2"/>');
    expect(tiny.evaluation.income.total).toBe(264.47);
    expect(tiny.diagnostics.filter((d) => d.code === 'unseen-text').map((d) => d.message.en)).toEqual(['Text under 2 pt not read (not legible in Word): "1"']);
    // On a dark fill the white digit is seen, and read.
    expect(white('<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>').evaluation.income.total).toBe(1264.47);
  });

  it('text hidden by a character style is set aside too — the styles part Word uses, found through the document’s relationships', async () => {
    const rendered = unzipSync(await renderFormDocx(seedEvaluation, 'eq-complex'));
    const xml = strFromU8(rendered['word/document.xml'] ?? new Uint8Array(0));
    const shown = '<w:r><w:t xml:space="preserve">264.47</w:t></w:r>';
    const withStyledRun = strToU8(xml.replace(shown, `<w:r><w:rPr><w:rStyle w:val="JxQuiet"/></w:rPr><w:t>1</w:t></w:r>${shown}`));
    const rels = strFromU8(rendered['word/_rels/document.xml.rels'] ?? new Uint8Array(0));
    const stylesTarget = /Type="[^"]*\/styles" Target="([^"]+)"/.exec(rels)?.[1];
    expect(stylesTarget).toBe('styles.xml');
    const quiet = '<w:style w:type="character" w:styleId="JxQuiet"><w:name w:val="Quiet"/><w:rPr><w:vanish/></w:rPr></w:style>';
    const stylesXml = strFromU8(rendered['word/styles.xml'] ?? new Uint8Array(0)).replace('</w:styles>', `${quiet}</w:styles>`);
    const r = ok(zipSync({ ...rendered, 'word/document.xml': withStyledRun, 'word/styles.xml': strToU8(stylesXml) }));
    expect(r.evaluation.income.total).toBe(264.47);
    expect(r.diagnostics.filter((d) => d.code === 'hidden-text').map((d) => d.message['zh-CN'])).toEqual(['隐藏文字未读取（Word 中不显示、不打印）：「1」']);
    // The same style in a part no relationship names is not Word's styles part: the run is shown, and read.
    const decoy = ok(zipSync({ ...rendered, 'word/document.xml': withStyledRun, 'word/styles-unused.xml': strToU8(stylesXml) }));
    expect(decoy.evaluation.income.total).toBe(1264.47);
  });

  it('hidden text is what Word hides: a hiding paragraph style and a hiding character style cancel (vanish is a toggle)', async () => {
    const rendered = unzipSync(await renderFormDocx(seedEvaluation, 'eq-complex'));
    const xml = strFromU8(rendered['word/document.xml'] ?? new Uint8Array(0));
    const cell = '<w:p><w:r><w:t xml:space="preserve">264.47</w:t></w:r></w:p>';
    expect(xml.split(cell).length).toBe(2);
    // Word shows "1" (paragraph style and character style both toggle vanish: off again) and hides 264.47 (the
    // paragraph style alone): the cell reads 1, whatever figure the hidden run holds.
    const styled = cell.replace('<w:p>', '<w:p><w:pPr><w:pStyle w:val="JxPara"/></w:pPr><w:r><w:rPr><w:rStyle w:val="JxQuiet"/></w:rPr><w:t>1</w:t></w:r>');
    const quiet = '<w:style w:type="paragraph" w:styleId="JxPara"><w:name w:val="Para"/><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="JxQuiet"><w:name w:val="Quiet"/><w:rPr><w:vanish/></w:rPr></w:style>';
    const stylesXml = strFromU8(rendered['word/styles.xml'] ?? new Uint8Array(0)).replace('</w:styles>', `${quiet}</w:styles>`);
    const r = ok(zipSync({ ...rendered, 'word/document.xml': strToU8(xml.replace(cell, styled)), 'word/styles.xml': strToU8(stylesXml) }));
    expect(r.evaluation.income.total).toBe(1);
    expect(r.diagnostics.filter((d) => d.code === 'hidden-text').map((d) => d.message['zh-CN'])).toEqual(['隐藏文字未读取（Word 中不显示、不打印）：「264.47」']);
  });

  it('the default paragraph style (w:default) hiding text hides every paragraph that names no style: nothing of it is read', async () => {
    const rendered = unzipSync(await renderFormDocx(seedEvaluation, 'eq-complex'));
    const stylesXml = strFromU8(rendered['word/styles.xml'] ?? new Uint8Array(0));
    const normal = '<w:style w:type="paragraph" w:styleId="Normal" w:default="1">';
    expect(stylesXml.split(normal).length).toBe(2);
    const hiding = stylesXml.replace(normal, `${normal}<w:rPr><w:vanish/></w:rPr>`);
    const r = importDocx(zipSync({ ...rendered, 'word/styles.xml': strToU8(hiding) }));
    // Word shows an empty page: nothing of it is checked (read before, the hidden form was checked as if shown).
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['not-a-form']);
  });

  it('a styles part that is not well-formed XML is refused, naming it', async () => {
    const rendered = unzipSync(await renderFormDocx(seedEvaluation, 'eq-complex'));
    const r = importDocx(zipSync({ ...rendered, 'word/styles.xml': strToU8('<w:styles><w:style><w:rPr><w:vanish/></w:rPr></w:styles>') }));
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.message['zh-CN']])).toEqual([['docx-xml-invalid', '这个 .docx 的 word/styles.xml 不是格式正确的 XML，无法读取。']]);
  });
});

/** A minimal .docx around a body. */
function docxWith(bodyXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`),
    ...extra,
  });
}

describe('importDocx: hostile files', () => {
  it('a zip bomb (a document.xml inflating past the cap) is refused with a clear error', () => {
    const huge = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const r = importDocx(zipSync({ 'word/document.xml': huge }, { level: 9 }));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('docx-too-large');
  });

  it('a zip bomb that lies about its size in the headers is stopped while inflating', () => {
    const bytes = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024).fill(0x20) }, { level: 9 });
    // Rewrite the uncompressed size (local header offset 22, central directory offset 24) to 1 KB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint32(22, 1024, true);
    const central = bytes.findLastIndex((_b, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
    expect(central).toBeGreaterThan(0);
    view.setUint32(central + 24, 1024, true);
    const r = importDocx(bytes);
    expect(r.ok).toBe(false);
    // Inflation stops at the declared size: the headers lie, whatever the real size.
    expect(r.diagnostics[0]?.code).toBe('docx-zip-header-mismatch');
  });

  it('billion-laughs entities are refused before parsing', () => {
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const bytes = zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0"?>${lol}<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`) });
    const r = importDocx(bytes);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('docx-dtd-rejected');
  });

  it('an archive with 10,000 entries is refused', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_000; i++) files[`word/media/x${String(i)}.bin`] = new Uint8Array(1);
    const r = importDocx(docxWith('<w:p/>', files));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('docx-too-many-entries');
  });

  it.each([
    ['random bytes that start like a zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])],
    ['a zip without word/document.xml', zipSync({ 'a.txt': strToU8('hello') })],
    ['malformed XML', zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') })],
    ['a Word file holding a poem', docxWith('<w:p><w:r><w:t>床前明月光，疑是地上霜。</w:t></w:r></w:p>')],
  ])('%s: not ok, one clear error', (_name, bytes) => {
    const r = importDocx(bytes);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.severity).toBe('error');
  });

  it('fuzz: arbitrary bytes, and damaged copies of a real .docx, never throw', async () => {
    const real = await renderFormDocx(seedEvaluation, 'eq-complex');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.array(fc.tuple(fc.nat(real.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((edits) => {
            const copy = real.slice();
            for (const [i, b] of edits) copy[i] = b;
            return copy;
          }),
        ),
        (bytes) => {
          const r = importDocx(bytes);
          expect(r.ok ? r.evaluation : r.diagnostics.length).toBeTruthy();
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** The example form's .docx (`examples/beita-justice-2020/form.docx`) with parts edited (each edit must change its part). */
function exampleDocxWith(parts: Readonly<Record<string, (xml: string) => string>>): Uint8Array {
  const entries = unzipSync(new Uint8Array(readFileSync(example('form.docx'))));
  for (const [name, edit] of Object.entries(parts)) {
    const xml = strFromU8(entries[name] ?? new Uint8Array(0));
    const edited = edit(xml);
    expect(edited).not.toBe(xml);
    entries[name] = strToU8(edited);
  }
  return zipSync(entries);
}

/** The example's 政府采购计划 question, its 否 box (an EQ field, ticked) replaced by `mark`. */
function procurementNoMarkAs(mark: string): (xml: string) => string {
  return (xml) => {
    const at = xml.indexOf('年度是否制定了政府采购计划');
    const field = /<w:r><w:fldChar w:fldCharType="begin"><\/w:fldChar><\/w:r>.*?<w:fldChar w:fldCharType="end"\/><\/w:r>/y;
    field.lastIndex = xml.indexOf('<w:r><w:fldChar w:fldCharType="begin">', at);
    const m = field.exec(xml);
    if (at < 0 || m === null) throw new Error('the example form changed: no 否 field after 政府采购计划');
    return xml.slice(0, m.index) + mark + xml.slice(m.index + m[0].length);
  };
}

describe('importDocx: a tick Word writes inside a run as mc:AlternateContent is read from the branch Word shows', () => {
  const alternate = (choice: string, fallback: string) => `<w:r><mc:AlternateContent>${choice}<mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent></w:r>`;

  it('Word’s inserted ☑ (w16se:symEx in the choice, ☑ as text in the fallback): 否 is ticked, read explicitly', () => {
    const plain = ok(new Uint8Array(readFileSync(example('form.docx'))));
    expect(plain.evaluation.procurement.planMade).toBe('no');
    const r = ok(exampleDocxWith({ 'word/document.xml': procurementNoMarkAs(alternate('<mc:Choice Requires="w16se"><w16se:symEx w16se:font="Segoe UI Symbol" w16se:char="2611"/></mc:Choice>', '<w:t>☑</w:t>')) }));
    expect(r.evaluation.procurement.planMade).toBe('no');
    expect(r.evaluation.answerResolution?.['procurement.planMade']?.how).toBe('explicit');
    expect(comparable(r.evaluation)).toEqual(comparable(plain.evaluation));
  });

  it('the choice decides, not the fallback: a choice Word shows empty over a fallback ticked leaves the question unanswered', () => {
    const r = ok(exampleDocxWith({ 'word/document.xml': procurementNoMarkAs(alternate('<mc:Choice Requires="w14"><w:sym w:font="Wingdings 2" w:char="F0A3"/></mc:Choice>', '<w:t>☑</w:t>')) }));
    expect(r.evaluation.procurement.planMade).toBe('unanswered');
  });
});

describe('importDocx: an element Word ignores (mc:Ignorable, a namespace it does not understand) is not read', () => {
  // The example form's root already says mc:Ignorable="w14 w15 wp14"; the edit declares one more namespace ignorable.
  const root = (xml: string) => xml.replace('mc:Ignorable="w14 w15 wp14"', 'mc:Ignorable="w14 w15 wp14 x99" xmlns:x99="urn:example:x99"');
  const shown = '<w:r><w:t xml:space="preserve">264.47</w:t></w:r>';

  it('a digit in an ignored element before a figure: the figure reads as Word shows it, the digit is a warning on its cell', () => {
    const r = ok(exampleDocxWith({ 'word/document.xml': (xml) => root(xml).replace(shown, `<x99:wrap><w:r><w:t>1</w:t></w:r></x99:wrap>${shown}`) }));
    expect(r.evaluation.income.total).toBe(264.47);
    const warnings = r.diagnostics.filter((d) => d.code === 'ignored-text');
    expect(warnings.map((d) => [d.severity, d.message['zh-CN'], d.message.en])).toEqual([
      ['warning', 'Word 忽略的标记中的文字未读取（声明为可忽略、Word 不认识的命名空间，Word 中不显示）：「1」', 'Text in markup Word ignores not read (an ignorable namespace Word does not understand; not shown in Word): "1"'],
    ]);
    expect(warnings[0]?.cell).toMatch(/^table \d+, row \d+, cell 2$/);
    // The same element in a namespace not declared ignorable is read (Word would refuse such a file).
    const declared = ok(exampleDocxWith({ 'word/document.xml': (xml) => xml.replace('mc:Ignorable="w14 w15 wp14"', 'mc:Ignorable="w14 w15 wp14" xmlns:x99="urn:example:x99"').replace(shown, `<x99:wrap><w:r><w:t>1</w:t></w:r></x99:wrap>${shown}`) }));
    expect(declared.evaluation.income.total).toBe(1264.47);
  });

  it('a document that says Word must understand a namespace it does not (mc:MustUnderstand) is refused, naming it', () => {
    const r = importDocx(exampleDocxWith({ 'word/document.xml': (xml) => xml.replace('mc:Ignorable="w14 w15 wp14"', 'mc:Ignorable="w14 w15 wp14" mc:MustUnderstand="x99" xmlns:x99="urn:example:x99"') }));
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message.en])).toEqual([['docx-must-understand', 'error', 'This .docx requires an extension Word does not understand (mc:MustUnderstand: urn:example:x99); Word cannot open it, and it is not read.']]);
  });

  it('a tick an ignored attribute would give is not given: x99:char beside w:char does not draw ☑', () => {
    const plain = ok(new Uint8Array(readFileSync(example('form.docx'))));
    const r = ok(exampleDocxWith({ 'word/document.xml': (xml) => root(xml).replace('<w:sym w:char="F0A3" w:font="Wingdings 2"/>', '<w:sym w:char="F0A3" x99:char="F052" w:font="Wingdings 2"/>') }));
    expect(comparable(r.evaluation)).toEqual(comparable(plain.evaluation));
  });
});

describe('importDocx: an ignored element whose content Word processes (mc:ProcessContent) is read as Word shows it', () => {
  // The example form's root declares x99 ignorable, and x99:wrap an element whose content is processed.
  const root = (xml: string) => xml.replace('mc:Ignorable="w14 w15 wp14"', 'mc:Ignorable="w14 w15 wp14 x99" mc:ProcessContent="x99:wrap" xmlns:x99="urn:example:x99"');
  const shown = '<w:r><w:t xml:space="preserve">264.47</w:t></w:r>';

  it('a figure’s leading digit in such a wrapper is part of the figure Word shows, and nothing is reported', () => {
    const r = ok(exampleDocxWith({ 'word/document.xml': (xml) => root(xml).replace(shown, `<x99:wrap><w:r><w:t>1</w:t></w:r></x99:wrap>${shown}`) }));
    expect(r.evaluation.income.total).toBe(1264.47);
    expect(r.diagnostics.filter((d) => d.code === 'ignored-text')).toEqual([]);
  });

  it('a tick in such a wrapper ticks its box: 否 read explicitly, as on the plain form', () => {
    const plain = ok(new Uint8Array(readFileSync(example('form.docx'))));
    const r = ok(exampleDocxWith({ 'word/document.xml': (xml) => procurementNoMarkAs('<x99:wrap><w:r><w:t>☑</w:t></w:r></x99:wrap>')(root(xml)) }));
    expect(r.evaluation.procurement.planMade).toBe('no');
    expect(r.evaluation.answerResolution?.['procurement.planMade']?.how).toBe('explicit');
    expect(comparable(r.evaluation)).toEqual(comparable(plain.evaluation));
    // Without the ProcessContent, Word ignores the wrapper with its tick: the question reads unanswered, with the warning.
    const ignored = ok(exampleDocxWith({ 'word/document.xml': (xml) => procurementNoMarkAs('<x99:wrap><w:r><w:t>☑</w:t></w:r></x99:wrap>')(root(xml).replace(' mc:ProcessContent="x99:wrap"', '')) }));
    expect(ignored.evaluation.procurement.planMade).not.toBe('no');
    expect(ignored.diagnostics.filter((d) => d.code === 'ignored-text').map((d) => d.message.en)).toEqual(['Text in markup Word ignores not read (an ignorable namespace Word does not understand; not shown in Word): "☑"']);
  });
});

describe('importDocx: white or tiny text set by the styles is set aside as direct formatting is', () => {
  const shown = '<w:r><w:t xml:space="preserve">264.47</w:t></w:r>';
  const styled = (rPr: string) =>
    exampleDocxWith({
      'word/document.xml': (xml) => xml.replace(shown, `<w:r><w:rPr><w:rStyle w:val="JxFaint"/></w:rPr><w:t>1</w:t></w:r>${shown}`),
      'word/styles.xml': (xml) => xml.replace('</w:styles>', `<w:style w:type="character" w:styleId="JxFaint"><w:name w:val="Faint"/><w:basedOn w:val="JxBase"/></w:style><w:style w:type="character" w:styleId="JxBase"><w:name w:val="Base"/><w:rPr>${rPr}</w:rPr></w:style></w:styles>`),
    });

  it.each([
    ['white', '<w:color w:val="FFFFFF"/>', 'White text on no shading not read (not visible in Word): "1"'],
    ['under 2 pt', '<w:sz w:val="2"/>', 'Text under 2 pt not read (not legible in Word): "1"'],
  ])('a digit in a character style based on one %s, before a figure: the figure reads as a reviewer sees it', (_name, rPr, message) => {
    const r = ok(styled(rPr));
    expect(r.evaluation.income.total).toBe(264.47);
    const warnings = r.diagnostics.filter((d) => d.code === 'unseen-text');
    expect(warnings.map((d) => d.message.en)).toEqual([message]);
    expect(warnings[0]?.cell).toMatch(/^table \d+, row \d+, cell 2$/);
  });

  it('the same style in black, or white on a shading its style paints, is read', () => {
    expect(ok(styled('<w:color w:val="000000"/>')).evaluation.income.total).toBe(1264.47);
    expect(ok(styled('<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>')).evaluation.income.total).toBe(1264.47);
  });
});
