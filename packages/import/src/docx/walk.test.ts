import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evaluationArb } from '@jixiao/testing';
import { DOCX_ENCODINGS, renderFormDocx } from '../../scripts/render-docx.js';
import { referenceLines } from './tree-walk.reference.js';
import { DEFAULT_WALK_LIMITS, documentLines, walkDocument, XmlReadError, type WalkLimits } from './walk.js';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}</w:body></w:document>`;

/** An element: `name`, attributes (already escaped values), children. */
interface Node {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly children?: readonly (Node | string)[];
}

function render(n: Node | string): string {
  if (typeof n === 'string') return n;
  const attrs = Object.entries(n.attrs ?? {})
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  const kids = n.children ?? [];
  return kids.length === 0 ? `<${n.name}${attrs}/>` : `<${n.name}${attrs}>${kids.map(render).join('')}</${n.name}>`;
}

// Text as XML writes it: CJK, figures, glyphs and Wingdings letters, EQ syntax, entities and character references.
const textArb = fc
  .array(fc.constantFrom('单位名称', '264.47', ' ', '  ', '是', '否', '□', '☑', '√', 'R', '£', 'T', 'þ', '¨', 'x', 'eq \\o\\ac(□,√)', '(', ')', '&amp;', '&lt;', '&gt;', '&quot;', '&#x41;', '&#20013;', '&#xF052;', '\t', '\n', 'é', '😀'), { maxLength: 4 })
  .map((parts) => parts.join(''));
const onOff = fc.constantFrom<Record<string, string>>({}, { 'w:val': '1' }, { 'w:val': '0' }, { 'w:val': 'true' }, { 'w:val': 'false' }, { 'w:val': 'on' }, { 'w:val': 'off' });
const fontArb = fc.constantFrom('Wingdings', 'Wingdings 2', ' wingdings 2 ', 'Symbol', 'Arial', '宋体');
const instrArb = fc.constantFrom(' eq \\o\\ac(□', ',√)', ' eq \\o\\ac(□)', ' EQ \\o(□,√) ', ' FORMCHECKBOX ', ' PAGE ', ' MERGEFIELD x ');
const junk = (children: fc.Arbitrary<(Node | string)[]>) =>
  fc.record({ name: fc.constantFrom('w:proofErr', 'w:bookmarkStart', 'w:lastRenderedPageBreak', 'w:footnoteReference', 'w:unknown', 'w:smartTag', 'w:hyperlink', 'w:ins'), children });

/** A run's children: every kind the walker reads, properties anywhere in the run, and elements it passes over. */
const runChildArb: fc.Arbitrary<Node> = fc.oneof(
  textArb.map((t) => ({ name: 'w:t', attrs: { 'xml:space': 'preserve' }, children: t === '' ? [] : [t] })),
  fc.constantFrom<Node>({ name: 'w:tab' }, { name: 'w:br' }, { name: 'w:cr' }, { name: 'w:noBreakHyphen' }, { name: 'w:softHyphen' }),
  fc.record({ name: fc.constant('w:sym'), attrs: fc.record({ 'w:font': fontArb, 'w:char': fc.constantFrom('F052', 'F0A3', '00FE', 'F0FE', 'F0A8', '0054', 'F028', '221A', 'zz', '') }) }),
  fc.record({
    name: fc.constant('w:rPr'),
    children: fc.array(
      fc.oneof(
        fc.record({ name: fc.constant('w:rFonts'), attrs: fc.oneof(fontArb.map((f) => ({ 'w:ascii': f, 'w:hAnsi': f })), fontArb.map((f) => ({ 'w:hAnsi': f })), fontArb.map((f) => ({ 'w:cs': f, 'w:eastAsia': f }))) }),
        fc.constantFrom<Node>({ name: 'w:b' }, { name: 'w:sz', attrs: { 'w:val': '21' } }),
      ),
      { maxLength: 2 },
    ),
  }),
  instrArb.map((t) => ({ name: 'w:instrText', attrs: { 'xml:space': 'preserve' }, children: [t] })),
  fc.record({
    name: fc.constant('w:fldChar'),
    attrs: fc.constantFrom({ 'w:fldCharType': 'begin' }, { 'w:fldCharType': 'separate' }, { 'w:fldCharType': 'end' }),
    children: fc.option(
      fc.tuple(fc.option(onOff, { nil: undefined }), fc.option(onOff, { nil: undefined })).map(([def, checked]): Node[] => [
        { name: 'w:ffData', children: [{ name: 'w:name', attrs: { 'w:val': 'Check1' } }, { name: 'w:checkBox', children: [{ name: 'w:sizeAuto' }, ...(def === undefined ? [] : [{ name: 'w:default', attrs: def }]), ...(checked === undefined ? [] : [{ name: 'w:checked', attrs: checked }])] }] },
      ]),
      { nil: [] },
    ),
  }),
  fc.constantFrom<Node>({ name: 'w:t', children: [{ name: 'w:b', children: ['nested'] }, 'after'] }, { name: 'w:r', children: [{ name: 'w:t', children: ['run in a run'] }] }),
);

const runArb: fc.Arbitrary<Node> = fc.record({ name: fc.constantFrom('w:r', 'w:r', 'w:r', 'm:r'), children: fc.array(runChildArb, { maxLength: 5 }) });

const checkboxSdtPr = fc.tuple(onOff, fc.boolean()).map(([checked, withChecked]): Node => ({ name: 'w:sdtPr', children: [{ name: 'w:alias', attrs: { 'w:val': 'box' } }, { name: 'w14:checkbox', children: withChecked ? [{ name: 'w14:checked', attrs: checked.val === undefined ? {} : { 'w14:val': checked['w:val'] ?? '1' } }] : [] }] }));
const plainSdtPr: fc.Arbitrary<Node> = fc.constant({ name: 'w:sdtPr', children: [{ name: 'w:alias', attrs: { 'w:val': 'text' } }] });

const { block } = fc.letrec<{ block: Node; inline: Node; paragraph: Node }>((tie) => ({
  inline: fc.oneof(
    { weight: 6, arbitrary: runArb },
    { weight: 1, arbitrary: fc.record({ name: fc.constant('w:fldSimple'), attrs: instrArb.map((i) => ({ 'w:instr': i })), children: fc.array(runArb, { maxLength: 2 }) }) },
    // Content controls keep the schema's order: properties before content.
    { weight: 1, arbitrary: fc.tuple(fc.oneof(checkboxSdtPr, plainSdtPr), fc.array(runArb, { maxLength: 2 })).map(([pr, runs]): Node => ({ name: 'w:sdt', children: [pr, { name: 'w:sdtContent', children: runs }] })) },
    { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('w:del', 'w:moveFrom', 'w:ins', 'w:hyperlink', 'w:smartTag', 'w:customXml'), children: fc.array(runArb, { maxLength: 2 }) }) },
    { weight: 1, arbitrary: junk(fc.constant([])) },
  ),
  paragraph: fc.record({
    name: fc.constant('w:p'),
    children: fc.tuple(fc.option(fc.constant<Node>({ name: 'w:pPr', children: [{ name: 'w:jc', attrs: { 'w:val': 'center' } }, { name: 'w:rPr', children: [{ name: 'w:b' }] }] }), { nil: undefined }), fc.array(tie('inline'), { maxLength: 5 })).map(([pPr, kids]) => (pPr === undefined ? kids : [pPr, ...kids])),
  }),
  block: fc.oneof(
    { weight: 5, arbitrary: tie('paragraph') },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.array(fc.array(tie('block'), { maxLength: 2 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
        .map((rows): Node => ({ name: 'w:tbl', children: [{ name: 'w:tblPr' }, { name: 'w:tblGrid' }, ...rows.map((cells): Node => ({ name: 'w:tr', children: cells.map((blocks): Node => ({ name: 'w:tc', children: [{ name: 'w:tcPr' }, ...blocks] })) }))] })),
    },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(checkboxSdtPr, plainSdtPr), fc.array(tie('block'), { maxLength: 2 })).map(([pr, blocks]): Node => ({ name: 'w:sdt', children: [pr, { name: 'w:sdtContent', children: blocks }] })) },
    { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('w:customXml', 'w:del', 'm:oMathPara'), children: fc.array(tie('block'), { maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 2 }).map((kids): Node => ({ name: 'w:r', children: kids })) },
  ),
}));

const documentArb = fc.array(block, { maxLength: 12 }).map((blocks) => doc([...blocks.map(render), '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>'].join('\n')));

describe('the streaming walker reads the same lines as the tree walker it replaced', () => {
  it('property: every rendered form, in every checkbox encoding', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.constantFrom(...DOCX_ENCODINGS), async (e, encoding) => {
        const xml = strFromU8(unzipSync(await renderFormDocx(e, encoding))['word/document.xml'] ?? new Uint8Array(0));
        expect(xml.length).toBeGreaterThan(1000);
        expect(documentLines(xml)).toEqual(referenceLines(xml));
      }),
      { numRuns: 60 },
    );
  });

  it('property: generated WordprocessingML — fields across runs, symbol fonts, content controls, tables in tables, deleted text', () => {
    fc.assert(
      fc.property(documentArb, (xml) => {
        expect(documentLines(xml)).toEqual(referenceLines(xml));
      }),
      { numRuns: 1500 },
    );
  });

  it('the generated documents exercise what they should (not only empty lines)', () => {
    const samples = fc.sample(documentArb, { numRuns: 300, seed: 7 }).map((xml) => documentLines(xml).map((l) => l.text).join('\n'));
    const all = samples.join('\n');
    for (const produced of ['☑', '□', 'eq \\o\\ac(□,√)', '单位名称', '\t', '中', 'A']) expect(all).toContain(produced);
    expect(samples.filter((s) => s.trim() !== '').length).toBeGreaterThan(150);
  });
});

describe('documentLines', () => {
  it('reads properties placed after the text of their run, as the tree walker did', () => {
    const xml = doc('<w:p><w:r><w:t>R</w:t><w:rPr><w:rFonts w:ascii="Wingdings 2"/></w:rPr></w:r></w:p>');
    expect(documentLines(xml)).toEqual([{ text: '☑', paragraph: 1 }]);
    expect(referenceLines(xml)).toEqual([{ text: '☑', paragraph: 1 }]);
  });

  it('refuses a DTD as soon as it is met, and a reference to an undeclared entity', () => {
    const code = (xml: string) => {
      try {
        documentLines(xml);
        return 'read';
      } catch (error) {
        return error instanceof XmlReadError ? error.code : 'other';
      }
    };
    expect(code(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "x">]>${doc('<w:p><w:r><w:t>&a;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*>\n/, '')}`)).toBe('docx-dtd-rejected');
    expect(code(doc('<w:p><w:r><w:t>&a;</w:t></w:r></w:p>'))).toBe('docx-xml-invalid');
    expect(code(doc('<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>'))).toBe('docx-xml-invalid');
    expect(code(doc('<w:p>'))).toBe('docx-xml-invalid');
  });

  it.each<[string, Partial<WalkLimits>, string]>([
    ['elements', { maxElements: 50 }, doc('<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(20))],
    ['depth', { maxDepth: 20 }, doc(`${'<w:customXml>'.repeat(30)}<w:p/>${'</w:customXml>'.repeat(30)}`)],
    ['lines', { maxLines: 10 }, doc('<w:p/>'.repeat(11))],
  ])('stops at the %s limit with the limit it passed', (of, limits, xml) => {
    const all: WalkLimits = { maxElements: 1_000_000, maxDepth: 1_000, maxLines: 1_000_000, ...limits };
    expect(() => documentLines(xml, { ...all, ...Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, v * 1_000])) })).not.toThrow();
    try {
      documentLines(xml, all);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(XmlReadError);
      expect((error as XmlReadError).limit?.of).toBe(of);
    }
  });
});

describe('text a reader cannot see (white on no shading, under 2 pt): set aside and reported, not read', () => {
  // One table cell: the paragraph's runs "1" (formatted as the case says) then "264.47" (plain), with the shadings the
  // case gives its run, paragraph, cell and table.
  interface Look {
    readonly rPr?: string;
    readonly pPr?: string;
    readonly tcPr?: string;
    readonly tblPr?: string;
  }
  const cell = (look: Look) =>
    doc(
      `<w:tbl>${look.tblPr === undefined ? '' : `<w:tblPr>${look.tblPr}</w:tblPr>`}<w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc>` +
        `<w:tc>${look.tcPr === undefined ? '' : `<w:tcPr>${look.tcPr}</w:tcPr>`}<w:p>${look.pPr === undefined ? '' : `<w:pPr>${look.pPr}</w:pPr>`}` +
        `<w:r><w:rPr>${look.rPr ?? ''}</w:rPr><w:t>1</w:t></w:r><w:r><w:t>264.47</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
    );
  const white = '<w:color w:val="FFFFFF"/>';
  const dark = '<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>';
  it.each<[string, Look, 'white' | 'tiny' | undefined]>([
    ['white on nothing', { rPr: white }, 'white'],
    ['white written in lower case', { rPr: '<w:color w:val="ffffff"/>' }, 'white'],
    ['the theme’s background colour', { rPr: '<w:color w:val="FFFFFF" w:themeColor="background1"/>' }, 'white'],
    ['a theme text colour over a white value: the theme colour is drawn', { rPr: '<w:color w:val="FFFFFF" w:themeColor="text1"/>' }, undefined],
    ['black', { rPr: '<w:color w:val="000000"/>' }, undefined],
    ['white on a white or automatic fill is still white on nothing', { rPr: `${white}<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>`, pPr: '<w:shd w:val="clear" w:fill="auto"/>' }, 'white'],
    ['white on the run’s own dark fill', { rPr: white + dark }, undefined],
    ['white on a pattern (solid)', { rPr: `${white}<w:shd w:val="solid" w:color="000000" w:fill="auto"/>` }, undefined],
    ['white highlighted in black', { rPr: `${white}<w:highlight w:val="black"/>` }, undefined],
    ['white highlighted in white', { rPr: `${white}<w:highlight w:val="white"/>` }, 'white'],
    ['white on the paragraph’s dark fill', { rPr: white, pPr: dark }, undefined],
    ['white on the cell’s dark fill', { rPr: white, tcPr: dark }, undefined],
    ['white on the table’s dark fill', { rPr: white, tblPr: dark }, undefined],
    ['1 pt (w:sz 2 half-points)', { rPr: '<w:sz w:val="2"/>' }, 'tiny'],
    ['1.5 pt, even on a dark fill', { rPr: `<w:sz w:val="3"/>${dark}` }, 'tiny'],
    ['2 pt is small but drawn', { rPr: '<w:sz w:val="4"/>' }, undefined],
    ['10.5 pt', { rPr: '<w:sz w:val="21"/>' }, undefined],
  ])('%s', (_name, look, why) => {
    const { lines, hidden, unseen } = walkDocument(cell(look));
    expect(lines.map((l) => l.text)).toEqual(['合计', why === undefined ? '1264.47' : '264.47']);
    expect(hidden).toEqual([]);
    expect(unseen).toEqual(why === undefined ? [] : [{ line: 2, text: '1', why }]);
  });

  it('a cell’s fill is its own: white text in the next cell, unshaded, is set aside; spaces in white stay spaces', () => {
    const xml = doc(
      `<w:tbl><w:tr><w:tc><w:tcPr>${dark}</w:tcPr><w:p><w:r><w:rPr>${white}</w:rPr><w:t>合计</w:t></w:r></w:p></w:tc>` +
        `<w:tc><w:p><w:r><w:t>264.47</w:t></w:r><w:r><w:rPr>${white}</w:rPr><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>万元</w:t></w:r><w:r><w:rPr>${white}</w:rPr><w:t>（已核）</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
    );
    const { lines, unseen } = walkDocument(xml);
    expect(lines.map((l) => l.text)).toEqual(['合计', '264.47 万元']);
    expect(unseen).toEqual([{ line: 2, text: '（已核）', why: 'white' }]);
  });

  it('property: whatever a run looks like, its text is either read or reported — never lost, never both', () => {
    const rPr = fc.constantFrom('', white, '<w:color w:val="000000"/>', '<w:sz w:val="2"/>', '<w:sz w:val="24"/>', dark, '<w:highlight w:val="yellow"/>', '<w:b/>');
    const shading = fc.option(fc.constantFrom(dark, '<w:shd w:val="clear" w:fill="auto"/>'), { nil: undefined });
    fc.assert(
      fc.property(fc.array(rPr, { maxLength: 3 }), shading, shading, shading, (props, pPr, tcPr, tblPr) => {
        const { lines, unseen } = walkDocument(cell({ rPr: props.join(''), pPr, tcPr, tblPr }));
        const read = lines[1]?.text === '1264.47';
        expect(read || lines[1]?.text === '264.47').toBe(true);
        expect(unseen.length).toBe(read ? 0 : 1);
        // A run that is neither white nor tiny is always read.
        if (!props.includes(white) && !props.includes('<w:sz w:val="2"/>')) expect(read).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('hidden text (w:vanish): Word neither shows nor prints it, so it is set aside, not read', () => {
  // A run's visibility as a vanish property writes it: absent, on (no value, 1, true, on) or off (0, false, off).
  const vanishArb = fc.constantFrom<{ readonly xml: string; readonly hidden: boolean }>(
    { xml: '', hidden: false },
    { xml: '<w:vanish/>', hidden: true },
    { xml: '<w:vanish w:val="1"/>', hidden: true },
    { xml: '<w:vanish w:val="true"/>', hidden: true },
    { xml: '<w:vanish w:val="on"/>', hidden: true },
    { xml: '<w:vanish w:val="0"/>', hidden: false },
    { xml: '<w:vanish w:val="false"/>', hidden: false },
    { xml: '<w:vanish w:val="off"/>', hidden: false },
  );
  const runTextArb = fc.array(fc.constantFrom('收入', '264.47', '1', ' ', '☑', '□', '是', '否'), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
  const paragraphArb = fc.array(fc.tuple(runTextArb, vanishArb, fc.boolean()), { maxLength: 5 });

  it('property: a paragraph reads as its visible runs joined, and its hidden runs are reported with its line', () => {
    fc.assert(
      fc.property(fc.array(paragraphArb, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const xml = doc(
          paragraphs
            .map((runs) => `<w:p>${runs.map(([text, v, propsFirst]) => (propsFirst ? `<w:r><w:rPr><w:b/>${v.xml}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>` : `<w:r><w:t xml:space="preserve">${text}</w:t><w:rPr>${v.xml}</w:rPr></w:r>`)).join('')}</w:p>`)
            .join(''),
        );
        const { lines, hidden } = walkDocument(xml);
        expect(lines.map((l) => l.text)).toEqual(paragraphs.map((runs) => runs.filter(([, v]) => !v.hidden).map(([t]) => t).join('')));
        const expected = paragraphs.flatMap((runs, i) => {
          const text = runs.filter(([, v]) => v.hidden).map(([t]) => t).join('');
          return text.trim() === '' ? [] : [{ line: i + 1, text }];
        });
        expect(hidden).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a hidden figure in a table cell: the cell reads as shown, the hidden part is reported on its line', () => {
    const xml = doc('<w:p><w:r><w:t>表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>264.47</w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
    expect(walkDocument(xml)).toEqual({
      lines: [
        { text: '表', paragraph: 1 },
        { text: '合计', paragraph: 2, table: 1, row: 1, cell: 1 },
        { text: '264.47', paragraph: 3, table: 1, row: 1, cell: 2 },
      ],
      hidden: [{ line: 3, text: '1' }],
      unseen: [],
      ignored: [],
    });
  });

  it('a hidden checkbox field is not a tick, and the fields around hidden runs still open and close', () => {
    const field = (hidden: boolean) => `<w:r>${hidden ? '<w:rPr><w:vanish/></w:rPr>' : ''}<w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const xml = doc(`<w:p><w:r><w:t>是</w:t></w:r>${field(true)}<w:r><w:t>否</w:t></w:r>${field(false)}</w:p>`);
    expect(walkDocument(xml)).toEqual({ lines: [{ text: '是否☑', paragraph: 1 }], hidden: [{ line: 1, text: '☑' }], unseen: [], ignored: [] });
    // The same document read by the walker before hidden text was set aside: the hidden tick counted.
    expect(referenceLines(xml).map((l) => l.text)).toEqual(['是☑否☑']);
  });
});

/**
 * Markup Compatibility (ECMA-376 Part 3, §10.2): Word shows the first `mc:Choice` whose required namespaces it
 * understands, else the `mc:Fallback` — one branch, never both. Each row is a document and the text Word shows.
 */
describe('mc:AlternateContent: only the branch Word shows is read', () => {
  const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const alternate = (branches: string) => `<mc:AlternateContent ${MC}>${branches}</mc:AlternateContent>`;
  const choice = (requires: string, inner: string, declare = '') => `<mc:Choice Requires="${requires}"${declare}>${inner}</mc:Choice>`;
  const fallback = (inner: string) => `<mc:Fallback>${inner}</mc:Fallback>`;
  const lines = (body: string) => documentLines(doc(body)).map((l) => l.text);

  it.each([
    ['a choice Word understands (w14, declared on the document) is read, its fallback is not', alternate(choice('w14', para('267.47')) + fallback(para('264.47'))), ['267.47']],
    ['a choice that requires a namespace Word does not know is skipped for the fallback', alternate(choice('x', para('267.47'), ' xmlns:x="urn:example:unknown"') + fallback(para('264.47'))), ['264.47']],
    ['a choice whose prefix is declared nowhere is skipped for the fallback', alternate(choice('nowhere', para('267.47')) + fallback(para('264.47'))), ['264.47']],
    ['a choice that requires two namespaces is read only if Word knows both', alternate(choice('w14 x', para('267.47'), ' xmlns:x="urn:example:unknown"') + fallback(para('264.47'))), ['264.47']],
    ['the first understood choice wins over later ones', alternate(choice('x', para('1'), ' xmlns:x="urn:example:unknown"') + choice('w14', para('2')) + choice('w14', para('3')) + fallback(para('4'))), ['2']],
    ['a prefix declared on the AlternateContent element counts', `<mc:AlternateContent ${MC} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">${choice('wps', para('267.47'))}${fallback(para('264.47'))}</mc:AlternateContent>`, ['267.47']],
    ['no understood choice and no fallback: nothing', alternate(choice('x', para('267.47'), ' xmlns:x="urn:example:unknown"')), []],
    ['inside a paragraph: the runs of the branch shown join the paragraph', `<w:p><w:r><w:t xml:space="preserve">合计 </w:t></w:r>${alternate(choice('w14', '<w:r><w:t>267.47</w:t></w:r>') + fallback('<w:r><w:t>264.47</w:t></w:r>'))}</w:p>`, ['合计 267.47']],
  ])('%s', (_name, body, expected) => {
    expect(lines(body)).toEqual(expected);
  });

  // What Word 2016+ writes for a symbol it inserts (Insert › Symbol, an emoji, a ✔ typed from the keyboard): a
  // `w16se:symEx` in a choice inside the run, the character as text only in the fallback for older readers.
  const SE = ' xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"';
  const symEx = (font: string, char: string) => `<w16se:symEx w16se:font="${font}" w16se:char="${char}"/>`;
  const question = (mark: string) => `<w:p><w:r><w:t>是</w:t></w:r><w:r><w:t>□</w:t></w:r><w:r><w:t>否</w:t></w:r><w:r>${mark}</w:r></w:p>`;
  it.each([
    ['Word’s symEx ☑ (Segoe UI Symbol 2611) in the choice Word shows', alternate(choice('w16se', symEx('Segoe UI Symbol', '2611'), SE) + fallback('<w:t>☑</w:t>')), ['是□否☑']],
    ['symEx in a symbol font: Wingdings F0FE draws ☑', alternate(choice('w16se', symEx('Wingdings', 'F0FE'), SE) + fallback('<w:t>?</w:t>')), ['是□否☑']],
    ['symEx with the code in eight digits, as Word writes it for a symbol font', alternate(choice('w16se', symEx('Wingdings 2', '0000F052'), SE) + fallback('<w:t>?</w:t>')), ['是□否☑']],
    ['a w:sym in a w14 choice, ☑ as text in the fallback', alternate(choice('w14', '<w14:checkbox/><w:sym w:font="Wingdings 2" w:char="F052"/>') + fallback('<w:t>☑</w:t>')), ['是□否☑']],
    ['the choice ticks, the fallback does not: the choice is what Word shows', alternate(choice('w14', '<w:t>☑</w:t>') + fallback('<w:t>□</w:t>')), ['是□否☑']],
    ['a choice Word does not understand: the fallback’s tick', alternate(choice('x', '<w:t>□</w:t>', ' xmlns:x="urn:example:unknown"') + fallback('<w:t>☑</w:t>')), ['是□否☑']],
    ['one alternate inside another: the branch shown of the branch shown', alternate(choice('w14', alternate(choice('x', '<w:t>□</w:t>', ' xmlns:x="urn:example:unknown"') + fallback('<w:t>☑</w:t>'))) + fallback('<w:t>□</w:t>')), ['是□否☑']],
    ['text, tabs and breaks of the branch shown join the run in order', `<w:t>(</w:t>${alternate(choice('w14', '<w:t>☑</w:t><w:tab/><w:t>x</w:t>') + fallback('<w:t>□</w:t>'))}<w:t>)</w:t>`, ['是□否(☑\tx)']],
  ])('in a run: %s', (_name, mark, expected) => {
    expect(lines(question(mark))).toEqual(expected);
  });

  it('in a run: a hidden run’s alternate is hidden text, its run properties apply to the branch shown', () => {
    const ac = alternate(choice('w14', '<w:t>R</w:t>') + fallback('<w:t>□</w:t>'));
    expect(walkDocument(doc(question(`<w:rPr><w:vanish/></w:rPr>${ac}`)))).toEqual({ lines: [{ text: '是□否', paragraph: 1 }], hidden: [{ line: 1, text: 'R' }], unseen: [], ignored: [] });
    // The run's symbol font draws the choice's letter: Wingdings 2 R is ☑.
    expect(lines(question(`<w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr>${ac}`))).toEqual(['是□否☑']);
  });
});

/**
 * A content control that shows its placeholder (`w:showingPlcHdr`) is empty: its text is the template's prompt, not
 * the unit's answer. Cells and paragraphs inside it still count, so what follows keeps its place.
 */
describe('content controls showing their placeholder read blank', () => {
  const placeholder = (inner: string, on = '') => `<w:sdt><w:sdtPr><w:showingPlcHdr${on}/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
  const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
  const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;

  it('an inline control in a cell: the cell reads blank, the next cell keeps its number', () => {
    const body = `<w:tbl><w:tr>${cell(`<w:p>${run('单位名称')}</w:p>`)}${cell(`<w:p>${placeholder(run('单击或点击此处输入文字。'))}</w:p>`)}${cell(`<w:p>${run('264.47')}</w:p>`)}</w:tr></w:tbl>`;
    expect(documentLines(doc(body))).toEqual([
      { text: '单位名称', paragraph: 1, table: 1, row: 1, cell: 1 },
      { text: '', paragraph: 2, table: 1, row: 1, cell: 2 },
      { text: '264.47', paragraph: 3, table: 1, row: 1, cell: 3 },
    ]);
  });

  it('a control around a whole cell or paragraphs: they still count, their text reads blank', () => {
    const body = `<w:tbl><w:tr>${cell(`<w:p>${run('合计')}</w:p>`)}${placeholder(cell(`<w:p>${run('请输入金额')}</w:p>`))}${cell(`<w:p>${run('267.47')}</w:p>`)}</w:tr></w:tbl>${placeholder(`<w:p>${run('在此输入')}</w:p>`)}<w:p>${run('后文')}</w:p>`;
    expect(documentLines(doc(body)).map((l) => [l.text, l.paragraph, l.cell])).toEqual([
      ['合计', 1, 1],
      ['', 2, 2],
      ['267.47', 3, 3],
      ['', 4, undefined],
      ['后文', 5, undefined],
    ]);
  });

  it('showingPlcHdr off, or a control without it, reads its content; the placeholder ends with its control', () => {
    expect(documentLines(doc(`<w:p>${placeholder(run('264.47'), ' w:val="0"')}</w:p>`)).map((l) => l.text)).toEqual(['264.47']);
    expect(documentLines(doc(`<w:p><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${run('264.47')}</w:sdtContent></w:sdt></w:p>`)).map((l) => l.text)).toEqual(['264.47']);
    expect(documentLines(doc(`<w:p>${placeholder(run('提示'))}${run('264.47')}</w:p>`)).map((l) => l.text)).toEqual(['264.47']);
  });
});

/**
 * Markup Compatibility (ECMA-376 Part 3, §10.1.1): an element or attribute of a namespace `mc:Ignorable` declares
 * ignorable, which Word does not understand, is ignored by Word — the element with all it holds. Its text is set
 * aside and reported (`ignored`), never read: a hidden figure there must not change the form's figures.
 */
describe('mc:Ignorable: what Word ignores is not read, and its text is reported', () => {
  const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const X99 = 'xmlns:x99="urn:example:x99"';
  const docWith = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS} ${root}><w:body>${body}</w:body></w:document>`;
  const ignoring = (body: string) => docWith(`${MC} ${X99} mc:Ignorable="w14 x99"`, body);
  const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
  const cell = (inner: string) => `<w:p>${run('合计 ')}${inner}${run('264.47')}</w:p>`;
  const texts = (xml: string) => walkDocument(xml).lines.map((l) => l.text);

  it.each<[string, string, string[], { line: number; text: string }[]]>([
    ['a run wrapped in an ignored element', ignoring(cell(`<x99:wrap>${run('1')}</x99:wrap>`)), ['合计 264.47'], [{ line: 1, text: '1' }]],
    ['an ignored element holding text itself', ignoring(cell('<x99:note>1</x99:note>')), ['合计 264.47'], [{ line: 1, text: '1' }]],
    ['a paragraph wrapped in one: it is not a paragraph of the document either', ignoring(`<x99:block><w:p>${run('267.47')}</w:p></x99:block>${cell('')}`), ['合计 264.47'], [{ line: 1, text: '267.47' }]],
    ['the MC namespace under another prefix', docWith(`xmlns:compat="http://schemas.openxmlformats.org/markup-compatibility/2006" ${X99} compat:Ignorable="x99"`, cell(`<x99:wrap>${run('1')}</x99:wrap>`)), ['合计 264.47'], [{ line: 1, text: '1' }]],
    ['declared on the paragraph: ignored inside it', docWith('', `<w:p ${MC} ${X99} mc:Ignorable="x99">${run('合计 ')}<x99:wrap>${run('1')}</x99:wrap>${run('264.47')}</w:p>`), ['合计 264.47'], [{ line: 1, text: '1' }]],
    ['an element of the default namespace, bound to an ignored one', ignoring(cell(`<note xmlns="urn:example:x99">${run('1')}</note>`)), ['合计 264.47'], [{ line: 1, text: '1' }]],
    ['a paragraph that binds w to an ignored namespace is ignored whole', docWith(MC, `<w:p xmlns:w="urn:example:x99" mc:Ignorable="w">${run('267.47')}</w:p>${cell('')}`), ['合计 264.47'], [{ line: 1, text: '267.47' }]],
    ['white space alone is not reported', ignoring(cell('<x99:wrap>\n  </x99:wrap>')), ['合计 264.47'], []],
    // Not ignored: read as before.
    ['an ignorable namespace Word understands (w14) is read', ignoring(cell(`<w14:wrap>${run('1')}</w14:wrap>`)), ['合计 1264.47'], []],
    ['a namespace declared but not ignorable is read', docWith(`${MC} ${X99} mc:Ignorable="w14"`, cell(`<x99:wrap>${run('1')}</x99:wrap>`)), ['合计 1264.47'], []],
    ['a prefix ignorable only inside the paragraph that declares it: the next one reads it', docWith('', `<w:p ${MC} ${X99} mc:Ignorable="x99"/>${cell(`<x99:wrap ${X99}>${run('1')}</x99:wrap>`)}`), ['', '合计 1264.47'], []],
  ])('%s', (_name, xml, lines, ignored) => {
    const walked = walkDocument(xml);
    expect(walked.lines.map((l) => l.text)).toEqual(lines);
    expect(walked.ignored).toEqual(ignored);
  });

  it('property: a block wrapped in an ignored element reads as the document without it, and its text is reported', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), fc.nat(), (blocks, n) => {
        const i = n % blocks.length;
        const rendered = blocks.map(render);
        const wrapped = rendered.map((b, k) => (k === i ? `<x99:wrap>${b}</x99:wrap>` : b)).join('');
        const without = rendered.filter((_b, k) => k !== i).join('');
        const walked = walkDocument(ignoring(wrapped));
        expect(walked.lines).toEqual(walkDocument(ignoring(without)).lines);
        // Text of the block shows up in the report (as XML text, whitespace collapsed), never in the lines.
        const text = rendered[i]?.replace(/<[^>]*>/g, '') ?? '';
        expect(walked.ignored.length).toBe(text.trim() === '' ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });

  it('an attribute of an ignored namespace is not read: x99:val does not tick a box w14:val leaves empty, nor show hidden text', () => {
    const box = (checked: string) => `<w:p>${run('是')}<w:sdt><w:sdtPr><w14:checkbox><w14:checked ${checked}/></w14:checkbox></w:sdtPr><w:sdtContent>${run('☐')}</w:sdtContent></w:sdt></w:p>`;
    expect(texts(ignoring(box('w14:val="0" x99:val="1"')))).toEqual(['是□']);
    expect(texts(ignoring(box('w14:val="1" x99:val="0"')))).toEqual(['是☑']);
    expect(texts(ignoring(`<w:p><w:r><w:rPr><w:vanish w:val="1" x99:val="0"/></w:rPr><w:t>1</w:t></w:r>${run('264.47')}</w:p>`))).toEqual(['264.47']);
  });

  it('mc:MustUnderstand naming a namespace Word does not understand: refused as Word refuses to open it; one Word understands is read', () => {
    const code = (xml: string) => {
      try {
        return walkDocument(xml).lines.map((l) => l.text).join('|');
      } catch (error) {
        return error instanceof XmlReadError ? `${error.code} ${error.namespace ?? ''}` : 'other';
      }
    };
    expect(code(docWith(`${MC} ${X99} mc:MustUnderstand="x99"`, cell('')))).toBe('docx-must-understand urn:example:x99');
    expect(code(docWith('', `<w:p ${MC} ${X99} mc:MustUnderstand="w14 x99"/>`))).toBe('docx-must-understand urn:example:x99');
    expect(code(docWith(`${MC} mc:MustUnderstand="w14"`, cell('')))).toBe('合计 264.47');
    // An element passed over (deleted text) is never looked at, as Word does not show it.
    expect(code(docWith(MC, `<w:del><w:r ${X99} mc:MustUnderstand="x99"/></w:del>${cell('')}`))).toBe('合计 264.47');
  });

  it('what an ignored element holds counts toward the element limit, and its text is reported up to 1,000 characters', () => {
    const many = ignoring(cell(`<x99:wrap>${'<w:r><w:t>9</w:t></w:r>'.repeat(600)}</x99:wrap>`));
    expect(() => walkDocument(many, { ...DEFAULT_WALK_LIMITS, maxElements: 1_000 })).toThrow(XmlReadError);
    expect(walkDocument(many).ignored[0]?.text).toBe('9'.repeat(600));
    expect(walkDocument(ignoring(cell(`<x99:note>${'8'.repeat(5_000)}</x99:note>`))).ignored[0]?.text).toBe('8'.repeat(1_000));
  });
});

/**
 * Markup Compatibility (ECMA-376 Part 3, §10.1.2): an ignored element that an `mc:ProcessContent` in force names (by
 * expanded name, or every element of its namespace with `*`) is ignored, but its content is processed as if it stood
 * in the ignored element's parent — Word shows what it holds. The reader reads it there, and reports nothing.
 */
describe('mc:ProcessContent: what an ignored element holds is read where Word shows it', () => {
  const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const X99 = 'xmlns:x99="urn:example:x99"';
  const docWith = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS} ${root}><w:body>${body}</w:body></w:document>`;
  const processing = (names: string, body: string) => docWith(`${MC} ${X99} mc:Ignorable="w14 x99" mc:ProcessContent="${names}"`, body);
  const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
  const cell = (inner: string) => `<w:p>${run('合计 ')}${inner}${run('264.47')}</w:p>`;
  const read = (xml: string) => {
    const walked = walkDocument(xml);
    return { lines: walked.lines.map((l) => l.text), ignored: walked.ignored.map((i) => i.text) };
  };

  it.each<[string, string, { lines: string[]; ignored: string[] }]>([
    ['a run wrapped in a processed element is read in its place', processing('x99:wrap', cell(`<x99:wrap>${run('1')}</x99:wrap>`)), { lines: ['合计 1264.47'], ignored: [] }],
    ['every element of the namespace (x99:*)', processing('x99:*', cell(`<x99:wrap>${run('1')}</x99:wrap>`)), { lines: ['合计 1264.47'], ignored: [] }],
    ['named under another prefix bound to the same namespace (expanded names compare)', docWith(`${MC} ${X99} xmlns:y="urn:example:x99" mc:Ignorable="x99" mc:ProcessContent="y:wrap"`, cell(`<x99:wrap>${run('1')}</x99:wrap>`)), { lines: ['合计 1264.47'], ignored: [] }],
    ['a paragraph in a processed element is a paragraph of the document', processing('x99:block', `<x99:block><w:p>${run('267.47')}</w:p></x99:block>${cell('')}`), { lines: ['267.47', '合计 264.47'], ignored: [] }],
    ['inside a run: the text element it wraps is the run’s text', processing('x99:wrap', `<w:p>${run('合计 ')}<w:r><x99:wrap><w:t>1</w:t></x99:wrap><w:t>264.47</w:t></w:r></w:p>`), { lines: ['合计 1264.47'], ignored: [] }],
    ['processed inside processed', processing('x99:wrap x99:inner', cell(`<x99:wrap><x99:inner>${run('1')}</x99:inner></x99:wrap>`)), { lines: ['合计 1264.47'], ignored: [] }],
    ['an ignored element inside a processed one is still ignored, and reported', processing('x99:wrap', cell(`<x99:wrap>${run('1')}<x99:note>${run('9')}</x99:note></x99:wrap>`)), { lines: ['合计 1264.47'], ignored: ['9'] }],
    ['declared on the paragraph: processed inside it only', docWith('', `<w:p ${MC} ${X99} mc:Ignorable="x99" mc:ProcessContent="x99:wrap">${run('合计 ')}<x99:wrap>${run('1')}</x99:wrap>${run('264.47')}</w:p>`), { lines: ['合计 1264.47'], ignored: [] }],
    // Not processed: ignored with what it holds, as before.
    ['another element of the namespace than the one named', processing('x99:other', cell(`<x99:wrap>${run('1')}</x99:wrap>`)), { lines: ['合计 264.47'], ignored: ['1'] }],
    ['an empty ProcessContent is as none', processing('', cell(`<x99:wrap>${run('1')}</x99:wrap>`)), { lines: ['合计 264.47'], ignored: ['1'] }],
    ['a prefix declared nowhere names nothing', processing('zz:wrap', cell(`<x99:wrap>${run('1')}</x99:wrap>`)), { lines: ['合计 264.47'], ignored: ['1'] }],
  ])('%s', (_name, xml, expected) => {
    expect(read(xml)).toEqual(expected);
  });

  it('cells and rows in a processed element keep their table positions', () => {
    const xml = processing('x99:wrap', `<w:tbl><w:tr><w:tc><w:p>${run('合计')}</w:p></w:tc><x99:wrap><w:tc><w:p>${run('264.47')}</w:p></w:tc></x99:wrap></w:tr><x99:wrap><w:tr><w:tc><w:p>${run('☑')}</w:p></w:tc></w:tr></x99:wrap></w:tbl>`);
    expect(walkDocument(xml).lines).toEqual([
      { text: '合计', paragraph: 1, table: 1, row: 1, cell: 1 },
      { text: '264.47', paragraph: 2, table: 1, row: 1, cell: 2 },
      { text: '☑', paragraph: 3, table: 1, row: 2, cell: 1 },
    ]);
  });

  it('property: a block wrapped in a processed element reads as the document without the wrapper; nothing is set aside', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), fc.nat(), fc.constantFrom('x99:wrap', 'x99:*'), (blocks, n, names) => {
        const i = n % blocks.length;
        const rendered = blocks.map(render);
        const wrapped = rendered.map((b, k) => (k === i ? `<x99:wrap>${b}</x99:wrap>` : b)).join('');
        const walked = walkDocument(processing(names, wrapped));
        const plain = walkDocument(processing(names, rendered.join('')));
        expect(walked.lines).toEqual(plain.lines);
        expect(walked.ignored).toEqual([]);
        expect(walked.hidden).toEqual(plain.hidden);
      }),
      { numRuns: 300 },
    );
  });

  it('a processed element counts toward the depth limit', () => {
    const deep = processing('x99:wrap', `${'<x99:wrap>'.repeat(30)}<w:p/>${'</x99:wrap>'.repeat(30)}`);
    expect(() => walkDocument(deep, { ...DEFAULT_WALK_LIMITS, maxDepth: 20 })).toThrow(XmlReadError);
    expect(walkDocument(deep).lines).toEqual([{ text: '', paragraph: 1 }]);
  });
});
