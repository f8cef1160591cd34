import { describe, expect, it } from 'vitest';
import { hiddenStyles, StylesReadError } from './styles.js';
import { walkDocument } from './walk.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const stylesXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${body}</w:styles>`;
const style = (type: string, id: string, inner = '') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style>`;
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

const sets = (xml: string) => {
  const h = hiddenStyles(stylesXml(xml));
  return { character: [...h.character].sort(), paragraph: [...h.paragraph].sort(), byDefault: h.byDefault };
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
    ).toEqual({ character: ['FromHide', 'Hide'], paragraph: ['Deeper', 'Secret'], byDefault: false });
  });

  it('the document defaults hide every style that does not say otherwise; a cycle of bases ends at the defaults', () => {
    expect(sets(`<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>${style('paragraph', 'Normal')}${style('paragraph', 'Shown', '<w:rPr><w:vanish w:val="off"/></w:rPr>')}`)).toEqual({ character: [], paragraph: ['Normal'], byDefault: true });
    expect(sets(`${style('character', 'A', '<w:basedOn w:val="B"/>')}${style('character', 'B', '<w:basedOn w:val="A"/>')}${style('character', 'C', '<w:rPr><w:vanish/></w:rPr>')}`)).toEqual({ character: ['C'], paragraph: [], byDefault: false });
  });

  it('vanish outside a style’s run properties (paragraph-mark properties, another namespace’s element) hides nothing', () => {
    expect(sets(style('paragraph', 'Mark', '<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>'))).toEqual({ character: [], paragraph: [], byDefault: false });
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
    });
    // Without the styles the same document reads every run.
    expect(walkDocument(xml).lines.map((l) => l.text)).toEqual(['合计 1264.47', '实有人数 21', 'shown', '实有人数 25']);
  });
});
