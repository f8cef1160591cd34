import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenStyles, StylesReadError } from './styles.js';
import { walkDocument } from './walk.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const stylesXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${body}</w:styles>`;
const style = (type: string, id: string, inner = '') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style>`;
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

/** The style ids of each type that toggle hidden text. */
const sets = (xml: string) => {
  const h = hiddenStyles(stylesXml(xml));
  const on = (byId: ReadonlyMap<string, boolean>) => [...byId].filter(([, toggles]) => toggles).map(([id]) => id).sort();
  return { character: on(h.character), paragraph: on(h.paragraph), table: on(h.table), byDefault: h.byDefault };
};

describe('hiddenStyles', () => {
  it('a style hides by its own vanish, else as the style it is based on; its own vanish off shows again', () => {
    expect(
      sets(
        [
          style('character', 'Hide', '<w:rPr><w:vanish/></w:rPr>'),
          style('character', 'FromHide', '<w:basedOn w:val="Hide"/>'),
          style('character', 'ShowAgain', '<w:basedOn w:val="Hide"/><w:rPr><w:vanish w:val="0"/></w:rPr>'),
          style('paragraph', 'Normal'),
          style('paragraph', 'Secret', '<w:basedOn w:val="Normal"/><w:rPr><w:b/><w:vanish w:val="true"/></w:rPr>'),
          style('paragraph', 'Deeper', '<w:basedOn w:val="Secret"/>'),
          style('table', 'Grid', '<w:rPr><w:vanish/></w:rPr>'),
        ].join(''),
      ),
    ).toEqual({ character: ['FromHide', 'Hide'], paragraph: ['Deeper', 'Secret'], table: ['Grid'], byDefault: false });
  });

  it('the document defaults are the state the styles toggle, not a style’s own setting; a cycle of bases toggles nothing', () => {
    expect(sets(`<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>${style('paragraph', 'Normal')}${style('paragraph', 'Shown', '<w:rPr><w:vanish w:val="off"/></w:rPr>')}`)).toEqual({ character: [], paragraph: [], table: [], byDefault: true });
    expect(sets(`${style('character', 'A', '<w:basedOn w:val="B"/>')}${style('character', 'B', '<w:basedOn w:val="A"/>')}${style('character', 'C', '<w:rPr><w:vanish/></w:rPr>')}`)).toEqual({ character: ['C'], paragraph: [], table: [], byDefault: false });
  });

  it('each type’s first default style (w:default) is the one an object naming no style gets', () => {
    const h = hiddenStyles(stylesXml(`${style('paragraph', 'Body')}<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="paragraph" w:default="1" w:styleId="Second"/><w:style w:type="table" w:default="true" w:styleId="TableNormal"/>`));
    expect(h.defaults).toEqual({ paragraph: 'Normal', table: 'TableNormal' });
  });

  it('vanish outside a style’s run properties (paragraph-mark properties, another namespace’s element) hides nothing', () => {
    expect(sets(style('paragraph', 'Mark', '<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>'))).toEqual({ character: [], paragraph: [], table: [], byDefault: false });
  });

  it('refuses a DTD and bad XML in a part that mentions vanish', () => {
    const code = (xml: string) => {
      try {
        hiddenStyles(xml);
        return 'read';
      } catch (error) {
        return error instanceof StylesReadError ? error.code : 'other';
      }
    };
    expect(code(`<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "x">]><w:styles ${W}><w:style><w:rPr><w:vanish/></w:rPr></w:style></w:styles>`)).toBe('docx-dtd-rejected');
    expect(code(stylesXml('<w:style><w:rPr><w:vanish/></w:rPr>'))).toBe('docx-xml-invalid');
  });
});

describe('the walker with hidden styles', () => {
  const styles = hiddenStyles(stylesXml(`${style('character', 'H', '<w:rPr><w:vanish/></w:rPr>')}${style('paragraph', 'P', '<w:rPr><w:vanish/></w:rPr>')}`));

  it('a run in a hiding character style, and every run of a paragraph in a hiding paragraph style, is set aside', () => {
    const xml = doc(
      [
        '<w:p><w:r><w:t>合计 </w:t></w:r><w:r><w:rPr><w:rStyle w:val="H"/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>264.47</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pStyle w:val="P"/></w:pPr><w:r><w:t>实有人数 21</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pStyle w:val="P"/></w:pPr><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown</w:t></w:r></w:p>',
        '<w:p><w:r><w:t>实有人数 25</w:t></w:r></w:p>',
      ].join(''),
    );
    expect(walkDocument(xml, undefined, styles)).toEqual({
      lines: [
        { text: '合计 264.47', paragraph: 1 },
        { text: '', paragraph: 2 },
        { text: 'shown', paragraph: 3 },
        { text: '实有人数 25', paragraph: 4 },
      ],
      hidden: [
        { line: 1, text: '1' },
        { line: 2, text: '实有人数 21' },
      ],
      unseen: [],
      ignored: [],
    });
    // Without the styles the same document reads every run.
    expect(walkDocument(xml).lines.map((l) => l.text)).toEqual(['合计 1264.47', '实有人数 21', 'shown', '实有人数 25']);
  });
});

/**
 * `w:vanish` is a toggle property (ECMA-376 Part 1, §17.7.3): each style level that says it inverts the state reached
 * so far (document defaults → table style → paragraph style → character style); a run's own `w:vanish` is absolute.
 * Each row is a document Word shows as the right-hand side; the walker must read exactly the text Word shows.
 */
describe('hidden text as Word shows it: toggles across style levels and default styles', () => {
  const on = '<w:rPr><w:vanish/></w:rPr>';
  const defaults = `<w:docDefaults><w:rPrDefault>${on}</w:rPrDefault></w:docDefaults>`;
  const para = (text: string, pStyle?: string, rStyle?: string, direct = '') =>
    `<w:p>${pStyle === undefined ? '' : `<w:pPr><w:pStyle w:val="${pStyle}"/></w:pPr>`}<w:r>${rStyle === undefined && direct === '' ? '' : `<w:rPr>${rStyle === undefined ? '' : `<w:rStyle w:val="${rStyle}"/>`}${direct}</w:rPr>`}<w:t>${text}</w:t></w:r></w:p>`;
  const table = (inner: string, tblStyle?: string) => `<w:tbl>${tblStyle === undefined ? '' : `<w:tblPr><w:tblStyle w:val="${tblStyle}"/></w:tblPr>`}<w:tr><w:tc>${inner}</w:tc></w:tr></w:tbl>`;
  const shown = (stylesBody: string, body: string) => {
    const walked = walkDocument(doc(body), undefined, hiddenStyles(stylesXml(stylesBody)));
    return { shown: walked.lines.map((l) => l.text).filter((t) => t !== ''), hidden: walked.hidden.map((h) => h.text) };
  };
  const P = style('paragraph', 'P', on);
  const H = style('character', 'H', on);

  it.each([
    ['paragraph style and character style both hide: they cancel, the text is shown', P + H, para('实有人数 21', 'P', 'H'), { shown: ['实有人数 21'], hidden: [] }],
    ['paragraph style alone hides', P + H, para('实有人数 21', 'P'), { shown: [], hidden: ['实有人数 21'] }],
    ['character style alone hides', P + H, para('实有人数 21', undefined, 'H'), { shown: [], hidden: ['实有人数 21'] }],
    ['document defaults hide, a hiding paragraph style toggles them back: shown', defaults + P, para('实有人数 21', 'P'), { shown: ['实有人数 21'], hidden: [] }],
    ['document defaults hide a paragraph of a style that says nothing', defaults + style('paragraph', 'Q'), para('实有人数 21', 'Q'), { shown: [], hidden: ['实有人数 21'] }],
    ['a style’s vanish off leaves the state as it was (defaults hide)', defaults + style('paragraph', 'Q', '<w:rPr><w:vanish w:val="0"/></w:rPr>'), para('实有人数 21', 'Q'), { shown: [], hidden: ['实有人数 21'] }],
    ['a run’s own vanish off is absolute, whatever the styles', defaults + P + H, para('实有人数 21', 'P', 'H', '<w:vanish w:val="false"/>'), { shown: ['实有人数 21'], hidden: [] }],
    ['a run’s own vanish is absolute even where two styles cancel', P + H, para('实有人数 21', 'P', 'H', '<w:vanish/>'), { shown: [], hidden: ['实有人数 21'] }],
    ['the default paragraph style hides a paragraph that names no style', `<w:style w:type="paragraph" w:default="1" w:styleId="Normal">${on}</w:style>`, para('实有人数 21') + para('编制人数 20', 'Other'), { shown: [], hidden: ['实有人数 21', '编制人数 20'] }],
    ['the default character style hides a run that names no style', `<w:style w:type="character" w:default="1" w:styleId="DefaultFont">${on}</w:style>`, para('实有人数 21'), { shown: [], hidden: ['实有人数 21'] }],
    ['a table style hides the text of its cells, not the text around it', style('table', 'T', on), para('合计') + table(para('264.47'), 'T'), { shown: ['合计'], hidden: ['264.47'] }],
    ['a table style and a paragraph style in its cell cancel', style('table', 'T', on) + P, table(para('264.47', 'P'), 'T'), { shown: ['264.47'], hidden: [] }],
    ['the default table style hides a table that names none; a nested table of a showing style shows', `<w:style w:type="table" w:default="1" w:styleId="TableNormal">${on}</w:style>${style('table', 'Plain')}`, table(para('外') + table(para('内'), 'Plain')), { shown: ['内'], hidden: ['外'] }],
  ])('%s', (_name, stylesBody, body, expected) => {
    expect(shown(stylesBody, body)).toEqual(expected);
  });
});

/**
 * White text (no shading behind it) and text under 2 pt set by the styles: the colour and size a run is drawn in is
 * the nearest of its own formatting, its character style, its paragraph style, its table style and the document
 * defaults (ECMA-376 Part 1 §17.7.2; within each style, the nearest of its chain of bases). Each row: what a
 * reviewer sees of a cell "合计 " + run + "264.47", and what is set aside as unseen.
 */
describe('unseen text set by styles: white or under 2 pt through the style hierarchy', () => {
  const white = '<w:rPr><w:color w:val="FFFFFF"/></w:rPr>';
  const black = '<w:rPr><w:color w:val="000000"/></w:rPr>';
  const tiny = '<w:rPr><w:sz w:val="2"/></w:rPr>';
  const dark = '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>';
  const defaults = (rPr: string) => `<w:docDefaults><w:rPrDefault>${rPr}</w:rPrDefault></w:docDefaults>`;
  const cell = (opts: { pStyle?: string; rStyle?: string; direct?: string; tblStyle?: string } = {}) => {
    const pPr = opts.pStyle === undefined ? '' : `<w:pPr><w:pStyle w:val="${opts.pStyle}"/></w:pPr>`;
    const rPr = opts.rStyle === undefined && opts.direct === undefined ? '' : `<w:rPr>${opts.rStyle === undefined ? '' : `<w:rStyle w:val="${opts.rStyle}"/>`}${opts.direct ?? ''}</w:rPr>`;
    const p = `<w:p>${pPr}<w:r><w:t xml:space="preserve">合计 </w:t></w:r><w:r>${rPr}<w:t>1</w:t></w:r><w:r><w:t>264.47</w:t></w:r></w:p>`;
    return opts.tblStyle === undefined ? p : `<w:tbl><w:tblPr><w:tblStyle w:val="${opts.tblStyle}"/></w:tblPr><w:tr><w:tc>${p}</w:tc></w:tr></w:tbl>`;
  };
  const read = (stylesBody: string, body: string) => {
    const walked = walkDocument(doc(body), undefined, hiddenStyles(stylesXml(stylesBody)));
    return { lines: walked.lines.map((l) => l.text), unseen: walked.unseen.map((u) => `${u.why}:${u.text}`) };
  };
  const setAside = (why: string) => ({ lines: ['合计 264.47'], unseen: [`${why}:1`] });
  const shown = { lines: ['合计 1264.47'], unseen: [] };

  it.each<[string, string, string, { lines: string[]; unseen: string[] }]>([
    ['a character style in white', style('character', 'W', white), cell({ rStyle: 'W' }), setAside('white')],
    ['a character style based on one in white', style('character', 'W', white) + style('character', 'W2', '<w:basedOn w:val="W"/>'), cell({ rStyle: 'W2' }), setAside('white')],
    ['a character style under 2 pt', style('character', 'S', tiny), cell({ rStyle: 'S' }), setAside('tiny')],
    ['a paragraph style in white: its runs', style('paragraph', 'P', white), cell({ pStyle: 'P' }), { lines: [''], unseen: ['white:合计 1264.47'] }],
    ['the document defaults in white', defaults(white), cell(), { lines: [''], unseen: ['white:合计 1264.47'] }],
    ['the document defaults under 2 pt', defaults(tiny), cell(), { lines: [''], unseen: ['tiny:合计 1264.47'] }],
    ['the default paragraph style (w:default) in white, for a paragraph naming none', `<w:style w:type="paragraph" w:default="1" w:styleId="Normal">${white}</w:style>`, cell(), { lines: [''], unseen: ['white:合计 1264.47'] }],
    ['a table style in white: the text of its cells', style('table', 'T', white), cell({ tblStyle: 'T' }), { lines: [''], unseen: ['white:合计 1264.47'] }],
    ['the theme’s background colour in a character style', style('character', 'W', '<w:rPr><w:color w:val="FFFFFF" w:themeColor="background1"/></w:rPr>'), cell({ rStyle: 'W' }), setAside('white')],
    // Shown: a nearer level sets another colour or size, or something is painted behind.
    ['a character style in black over a paragraph style in white', style('paragraph', 'P', white) + style('character', 'B', black), cell({ pStyle: 'P', rStyle: 'B' }), { lines: ['1'], unseen: ['white:合计 264.47'] }],
    ['direct black over a character style in white', style('character', 'W', white), cell({ rStyle: 'W', direct: '<w:color w:val="000000"/>' }), shown],
    ['direct 12 pt over a tiny character style', style('character', 'S', tiny), cell({ rStyle: 'S', direct: '<w:sz w:val="24"/>' }), shown],
    ['a derived style in black over a white base', style('character', 'W', white) + style('character', 'B', `<w:basedOn w:val="W"/>${black}`), cell({ rStyle: 'B' }), shown],
    ['a white character style with its own shading', style('character', 'W', `<w:rPr><w:color w:val="FFFFFF"/>${dark}</w:rPr>`), cell({ rStyle: 'W' }), shown],
    ['a white character style in a paragraph whose style is shaded', style('character', 'W', white) + style('paragraph', 'Dark', `<w:pPr>${dark}</w:pPr>`), cell({ pStyle: 'Dark', rStyle: 'W' }), shown],
    ['a white character style in a table whose style paints cells (even only its header row)', style('character', 'W', white) + style('table', 'T', `<w:tblStylePr w:type="firstRow"><w:tcPr>${dark}</w:tcPr></w:tblStylePr>`), cell({ rStyle: 'W', tblStyle: 'T' }), shown],
    ['direct white on a table style’s fill (was set aside: only direct fills counted)', style('table', 'T', `<w:tblPr>${dark}</w:tblPr>`), cell({ direct: '<w:color w:val="FFFFFF"/>', tblStyle: 'T' }), shown],
    ['a style in white that the run does not use', style('character', 'W', white), cell(), shown],
    ['a cycle of bases colours nothing', style('character', 'A', '<w:basedOn w:val="B"/>') + style('character', 'B', '<w:basedOn w:val="A"/>'), cell({ rStyle: 'A' }), shown],
  ])('%s', (_name, stylesBody, body, expected) => {
    expect(read(stylesBody, body)).toEqual(expected);
  });

  it('property: whatever the styles and the run say, its text is read or reported — never lost, never both; read when no level is white or tiny', () => {
    const props = fc.constantFrom('', '<w:color w:val="FFFFFF"/>', '<w:color w:val="000000"/>', '<w:sz w:val="2"/>', '<w:sz w:val="24"/>', dark, '<w:highlight w:val="yellow"/>');
    const rPr = fc.array(props, { maxLength: 2 }).map((p) => p.join(''));
    fc.assert(
      fc.property(rPr, rPr, rPr, rPr, rPr, fc.boolean(), (direct, character, paragraph, table, byDefault, inTable) => {
        const stylesBody = defaults(`<w:rPr>${byDefault}</w:rPr>`) + style('character', 'C', `<w:rPr>${character}</w:rPr>`) + style('paragraph', 'P', `<w:rPr>${paragraph}</w:rPr>`) + style('table', 'T', `<w:rPr>${table}</w:rPr>`);
        const body = cell({ pStyle: 'P', rStyle: 'C', direct, ...(inTable ? { tblStyle: 'T' } : {}) });
        const { lines, unseen } = read(stylesBody, body);
        const seen = lines.join('').includes('1');
        const reported = unseen.some((u) => u.endsWith('1') || u.includes('1264'));
        expect(seen !== reported).toBe(true);
        const levels = [direct, character, paragraph, byDefault, ...(inTable ? [table] : [])].join('');
        if (!levels.includes('FFFFFF') && !levels.includes('w:val="2"')) expect(seen).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a styles part is read for its colours and sizes only when it could make text unseen; a character reference counts', () => {
    const h = (body: string) => hiddenStyles(stylesXml(body));
    // Nothing white, tiny or shaded: nothing to read (the part is not parsed).
    expect(h(style('character', 'B', black) + style('character', 'Big', '<w:rPr><w:sz w:val="48"/></w:rPr>'))).toEqual(hiddenStyles(''));
    // White written with character references, or in mixed case, is white.
    expect(read(style('character', 'W', '<w:rPr><w:color w:val="&#70;FFFFF"/></w:rPr>'), cell({ rStyle: 'W' }))).toEqual(setAside('white'));
    expect(read(style('character', 'W', '<w:rPr><w:color w:val="fFfFfF"/></w:rPr>'), cell({ rStyle: 'W' }))).toEqual(setAside('white'));
    // A size of 1.5 pt given with two val attributes: the last one is the one read, as for direct formatting.
    expect(read(style('character', 'S', '<w:rPr><w:sz x:val="30" w:val="3" xmlns:x="urn:x"/></w:rPr>'), cell({ rStyle: 'S' }))).toEqual(setAside('tiny'));
  });
});
