/**
 * PDF: the example forms printed to PDF by LibreOffice (setup below) are read with pdf.js, lines and cells rebuilt
 * from text positions, checkbox glyphs as drawn; positions are page and line. Scans, damaged files and files
 * that take too long have their own messages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_FIELDS, parseEvaluation, type Evaluation } from '@jixiao/core';
import { renderFormDocx, type DocxEncoding } from '../scripts/render-docx.js';
import { importDocx } from '../src/docx/import-docx.js';
import { importBuffer } from '../src/node/import-node.js';
import { extractPdfText, importPdf } from '../src/node/pdf.js';
import { importPdfText } from '../src/pdf/import-pdf.js';
import { pageLines, pdfLines, symbolsWithoutTheirFont } from '../src/pdf/lines.js';
import { FORM_TEXT_STYLE_DEFAULT, renderFormText } from '../src/form/render.js';
import { onePagePdf, unembeddedFontsPdf } from '../../../test/hostile/pdf-craft.js';
import { Converter, libreOffice } from './libreoffice.js';

const EXAMPLE = new URL('../../../examples/beita-justice-2020/', import.meta.url);
const seed = parseEvaluation(JSON.parse(readFileSync(new URL('evaluation.json', EXAMPLE), 'utf8')));

describe('PDF lines from text positions', () => {
  /** A run of text in font `font` (pdf.js's id): ten units a character. */
  const item = (s: string, x: number, y: number, font = 'text') => ({ s, x, y, w: Array.from(s).length * 10, h: 10, f: 'sans-serif', font });

  it('a label and its value far apart on one baseline are two cells; a wrapped cell is joined; symbol-font codes in a symbol font are glyphs', () => {
    const lines = pageLines({
      number: 3,
      width: 595,
      height: 842,
      items: [
        item('部门职能概述', 80, 700),
        item('（一）承担全面依法治区重大问题的政策研究', 300, 700.4),
        item('协调有关方面', 300, 688),
        item('是否存在超编超配人员：是', 300, 676),
        item('\uf0a3', 420, 676, 'wingdings'),
        item('否', 450, 676),
        item('\uf052', 460, 676, 'wingdings'),
      ],
    });
    expect(lines).toEqual([
      { page: 3, line: 1, cells: ['部门职能概述', '（一）承担全面依法治区重大问题的政策研究协调有关方面'] },
      { page: 3, line: 2, cells: ['是否存在超编超配人员：是□ 否☑'] },
    ]);
  });

  it('options typed with spaces between them stay in their cell, however wide the gap; a figure after a box is a cell of its own', () => {
    const lines = pageLines({
      number: 1,
      width: 595,
      height: 842,
      items: [item('是否存在超编超配人员：', 80, 676), item('是', 230, 676), item('☑', 240, 676), item('否', 300, 676), item('□', 310, 676), item('是□', 80, 650), item('☑否', 140, 650), item('公开方式：网站□', 80, 624), item('264.47', 300, 624)],
    });
    expect(lines.map((l) => l.cells)).toEqual([['是否存在超编超配人员：', '是☑ 否□'], ['是□ ☑否'], ['公开方式：网站□', '264.47']]);
  });

  it('a line after an empty line starts a paragraph of its own; figures on either side of a wrap stay apart; no space before a CJK punctuation mark', () => {
    // The published 云南 2018 基础数据表 (examples/real/t1b-basic-data) as a PDF made by LibreOffice read `11.8612 9.84`
    // (the next paragraph glued to a full line) and `3 、公务接待` (which lost the 出国经费 row before it).
    const lines = pageLines({
      number: 1,
      width: 595,
      height: 842,
      items: [
        item('公务用车运行维护经费合计 11.86', 80, 700),
        item('12 9.84', 80, 688),
        item('公务用车运行维护经费合计 11.86', 80, 664),
        item('12 9.84', 80, 640),
        item('3 、公务接待', 80, 616),
        item('3', 80, 592),
        item('、公务接待（合计 ）', 93, 592),
      ],
    });
    expect(lines.map((l) => l.cells)).toEqual([['公务用车运行维护经费合计 11.86 12 9.84'], ['公务用车运行维护经费合计 11.86'], ['12 9.84'], ['3、公务接待'], ['3、公务接待（合计）']]);
  });

  it('a symbol-font code drawn in a font that also draws text is left as it is (the PDF was made without the symbol font)', () => {
    const page = { number: 1, width: 595, height: 842, items: [item('是否存在超编超配人员：是', 300, 676), item('\uf0a3', 420, 676), item('否', 450, 676), item('\uf0a3', 460, 676)] };
    expect(pageLines(page)).toEqual([{ page: 1, line: 1, cells: ['是否存在超编超配人员：是\uf0a3 否\uf0a3'] }]);
    expect(symbolsWithoutTheirFont([page])).toEqual({ count: 2, codes: ['U+F0A3'] });
    expect(symbolsWithoutTheirFont([{ ...page, items: page.items.map((i) => (i.s === '\uf0a3' ? { ...i, font: 'wingdings' } : i)) }])).toEqual({ count: 0, codes: [] });
  });
});

describe('hostile and unreadable PDFs', () => {
  it('a PDF without a text layer is a scan that needs OCR, not “not a form”', async () => {
    const r = await importBuffer(onePagePdf('0 0 1 rg 10 10 100 100 re f'), { filename: 'scan.pdf' });
    expect(r.kind).toBe('pdf');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pdf-no-text']);
    expect(r.diagnostics[0]?.message['zh-CN']).toContain('扫描件，无文字层，需 OCR');
  });

  it('a damaged PDF is its own error', async () => {
    const r = await importBuffer(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'), { filename: 'broken.pdf' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('pdf-invalid');
  });

  it('reading is stopped at the time limit', async () => {
    const r = await importPdf(onePagePdf('BT /F1 12 Tf 72 720 Td (hello) Tj ET'), { timeoutMs: 1 });
    expect(r.diagnostics[0]?.code).toBe('pdf-timeout');
  });

  it('text that is not the form is not-a-form, with page and line positions nowhere needed', async () => {
    const r = await importBuffer(onePagePdf('BT /F1 12 Tf 72 720 Td (This is a restaurant menu, nothing else at all.) Tj ET'), { filename: 'menu.pdf' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('not-a-form');
  });
});

describe('text drawn outside the page: no viewer shows it, no printer prints it, so it is not read', () => {
  // pdf.js's text content leaves out every glyph drawn outside the page's view box (its crop box; see
  // compareWithLastPosition in pdfjs-dist's pdf.worker.mjs), so a figure placed beside the page never reaches the form
  // reader. This pins that behaviour of the pdf.js in use: an upgrade that changed it would fail here.
  it('the seed form with other figures drawn beside and above the page reads exactly as without them', async () => {
    const text = readFileSync(new URL('000_1f3a69e61e56d541.txt', EXAMPLE), 'utf8');
    const plain = await importBuffer(unembeddedFontsPdf(text), { filename: 'plain.pdf' });
    // On the first line's baseline, far left of the page, and above its top edge.
    const hostile = await importBuffer(unembeddedFontsPdf(text, {}, 'BT /F1 10 Tf 1 0 0 1 -3000 800 Tm (267.47) Tj 1 0 0 1 40 5000 Tm (264.47) Tj ET'), { filename: 'off-page.pdf' });
    if (!plain.ok || !hostile.ok) throw new Error('not read');
    expect(hostile.evaluation).toEqual(plain.evaluation);
    expect(hostile.diagnostics).toEqual(plain.diagnostics);
    // The same figures drawn on the page are read: the content itself is not what is left out.
    const onPage = await extractPdfText(unembeddedFontsPdf(text, {}, 'BT /F1 10 Tf 1 0 0 1 300 20 Tm (267.47) Tj ET'));
    expect('pages' in onPage && onPage.pages[0]?.items.some((i) => i.s === '267.47' && i.y === 20)).toBe(true);
  });
});

describe('fonts a PDF names without embedding them', () => {
  it('Chinese in STSong-Light (UniGB-UCS2-H: the Adobe-GB1 character maps) and figures in Helvetica (standard 14) read as the Word text they were laid out from', async () => {
    // The seed's Word text (its cells a line each), as iText and ReportLab write Chinese PDFs: no font embedded.
    const text = readFileSync(new URL('000_1f3a69e61e56d541.txt', EXAMPLE), 'utf8');
    const r = await importBuffer(unembeddedFontsPdf(text), { filename: 'cid.pdf' });
    const fromText = await importBuffer(new TextEncoder().encode(text), { filename: 'form.txt' });
    if (!r.ok || !fromText.ok) throw new Error(`not read: ${JSON.stringify(r.diagnostics[0] ?? fromText.diagnostics[0])}`);
    expect(r.kind).toBe('pdf');
    expect(r.evaluation.unit.name).toBe('北塔区司法局');
    expect([r.evaluation.income.total, r.evaluation.income.localBudget]).toEqual([264.47, 267.47]);
    // Every figure and answer as read from the text; the narratives too, but for where the page wrapped them; each
    // answer resolved the same way (the text's resolutions name its line, the PDF's places are page and line).
    const field = (e: Evaluation, k: string) => (e as unknown as Record<string, unknown>)[k];
    const WRAPPED = ['functions', 'achievements', 'problems', 'suggestions'];
    const squashed = (v: unknown) => JSON.stringify(v).replace(/\s|\\n/g, '');
    for (const k of Object.keys(fromText.evaluation)) {
      if (WRAPPED.includes(k)) expect(squashed(field(r.evaluation, k)), k).toBe(squashed(field(fromText.evaluation, k)));
      else if (k !== 'answerResolution') expect(field(r.evaluation, k), k).toEqual(field(fromText.evaluation, k));
    }
    const how = (e: Evaluation) => Object.entries(e.answerResolution ?? {}).map(([f, a]) => [f, a.how]);
    expect(how(r.evaluation)).toEqual(how(fromText.evaluation));
    expect(r.positions['income.total']).toMatchObject({ page: 1, excerpt: '264.47' });
  });
});

describe('ZapfDingbats check boxes (a PDF form\u2019s check box font, not embedded)', () => {
  /** The seed form as Word text with ☑ and □ for its boxes. */
  const glyphText = renderFormText(seed, { ...FORM_TEXT_STYLE_DEFAULT, checked: ['☑'], empty: ['□'] });
  const values = (r: Awaited<ReturnType<typeof importBuffer>>) => {
    if (!r.ok) throw new Error(`not read: ${JSON.stringify(r.diagnostics[0])}`);
    const { answerResolution: _a, functions: _f, achievements: _ac, problems: _p, suggestions: _s, ...rest } = r.evaluation;
    return rest;
  };

  it('the glyphs pdf-lib draws in ZapfDingbats read as those glyphs, the font named by pdf.js (zapf/make-zapf-dingbats.mjs)', async () => {
    const extracted = await extractPdfText(new Uint8Array(readFileSync(new URL('zapf/pdf-lib.pdf', import.meta.url))));
    if ('error' in extracted) throw new Error(extracted.error);
    expect([...new Set(extracted.pages.flatMap((p) => p.items.map((i) => i.f)))].sort()).toEqual(['Helvetica', 'ZapfDingbats']);
    // Before: the codes as ASCII, `345678lmnopqru`.
    expect(pdfLines(extracted.pages).map((l) => l.cells.join('').replace(/\s/g, ''))).toEqual(['ZapfDingbats', '✓✔✕✖✗✘●❍■❏❐❑❒◆']);
  });

  it('the seed form whose ticks are ZapfDingbats ✔ (code 4) beside boxes of its CJK font reads every answer as its text does (before: `否4`, no tick)', async () => {
    const pdf = await importBuffer(unembeddedFontsPdf(glyphText, { '☑': '4' }), { filename: 'form.pdf' });
    const text = await importBuffer(new TextEncoder().encode(glyphText), { filename: 'form.txt' });
    expect(values(pdf)).toEqual(values(text));
    if (!pdf.ok || !text.ok) return;
    for (const field of ANSWER_FIELDS) expect(pdf.evaluation.answerResolution?.[field]?.how, field).toBe(text.evaluation.answerResolution?.[field]?.how);
    expect(pdf.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(text.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code));
  });

  it('where the empty boxes draw nothing (a flattened PDF form\u2019s boxes that are off), a tick on the first option decides; one on a later option leaves the question undecided, never guessed', async () => {
    const r = await importBuffer(unembeddedFontsPdf(glyphText, { '☑': '4', '□': '' }), { filename: 'form.pdf' });
    if (!r.ok) throw new Error(`not read: ${JSON.stringify(r.diagnostics[0])}`);
    expect(r.evaluation.threePublic.managementRules).toBe('yes');
    expect(r.evaluation.staffingControl.overstaffed).toBe('ambiguous');
    expect(r.diagnostics.some((d) => d.code === 'pdf-mark-missing' && d.path === 'staffingControl.overstaffed')).toBe(true);
  });

  it('a cross (✘, code 8) is named as the glyph it is, never read as the digit 8; no answer is explicit from it', async () => {
    const r = await importBuffer(unembeddedFontsPdf(glyphText, { '☑': '8', '□': '' }), { filename: 'form.pdf' });
    const glyphs = r.diagnostics.filter((d) => d.code === 'unknown-glyph').map((d) => d.message.en);
    expect(glyphs.length).toBeGreaterThan(0);
    for (const m of glyphs) expect(m).toContain('✘');
    expect(JSON.stringify(r.diagnostics)).not.toMatch(/"8"|“8”/);
    if (!r.ok) throw new Error('not read');
    // A cross is no mark of domain.md §2: never an explicit answer; where the other box is empty, §2 infers (noted).
    for (const field of ANSWER_FIELDS) expect(r.evaluation.answerResolution?.[field]?.how ?? 'none', field).not.toBe('explicit');
    expect(r.evaluation.answerResolution?.['threePublic.managementRules']).toMatchObject({ how: 'inferred', raw: expect.stringContaining('✘') as unknown });
  });
});

const soffice = libreOffice();

describe.skipIf(soffice === undefined)('the example forms printed to PDF by LibreOffice', () => {
  let lo: Converter;
  const pdfs = new Map<DocxEncoding, string>();
  const originals = new Map<DocxEncoding, Uint8Array>();
  /** Encodings whose ticks LibreOffice draws without the Windows symbol fonts installed. */
  const DRAWN: readonly DocxEncoding[] = ['example', 'glyph', 'content-control', 'eq-complex'];
  /** Encodings whose ticks and boxes are Wingdings symbols: printed without the font, they cannot be told apart. */
  const SYMBOLS: readonly DocxEncoding[] = ['sym-wingdings', 'sym-wingdings2'];

  beforeAll(async () => {
    lo = new Converter(soffice ?? '');
    const files: string[] = [];
    for (const encoding of [...DRAWN, ...SYMBOLS]) {
      const bytes = await renderFormDocx(seed, encoding);
      originals.set(encoding, bytes);
      const file = join(lo.dir, `${encoding}.docx`);
      writeFileSync(file, bytes);
      files.push(file);
    }
    for (const [i, pdf] of lo.convert(files, 'pdf').entries()) pdfs.set([...DRAWN, ...SYMBOLS][i] ?? 'example', pdf);
  }, 180_000);

  it('reads the same figures and answers as the .docx it was printed from; positions are page and line', async () => {
    for (const encoding of DRAWN) {
      const r = await importBuffer(new Uint8Array(readFileSync(pdfs.get(encoding) ?? '')), { filename: `${encoding}.pdf` });
      const original = importDocx(originals.get(encoding) ?? new Uint8Array());
      expect(r.ok && original.ok, encoding).toBe(true);
      if (!r.ok || !original.ok) continue;
      expect(r.kind).toBe('pdf');
      // Detected among the templates like the .docx: the same template, named in the result.
      expect(r.template?.id, encoding).toBe('t1-checklist');
      expect(r.template?.id).toBe(original.template?.id);
      // Prose is compared without line breaks: where a printed line wrapped cannot always be told from a new paragraph.
      const flat = (e: typeof r.evaluation) => {
        const { answerResolution: _a, functions, achievements, problems, suggestions, ...rest } = e;
        return { ...rest, prose: [functions, achievements, problems, suggestions].map((t) => (t ?? '').replace(/\s+/g, '')) };
      };
      expect(flat(r.evaluation), encoding).toEqual(flat(original.evaluation));
      expect(r.positions['income.total']).toMatchObject({ page: 1, excerpt: '264.47' });
      expect(r.positions['income.total']?.line).toBeGreaterThan(5);
      // The example's empty boxes are Wingdings 2 symbols, printed without the font: read as unknown marks beside
      // the ticked option (which decides the answer), each noted; the other encodings print without a warning.
      const warnings = new Set(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code));
      expect([...warnings], encoding).toEqual(encoding === 'example' ? ['pdf-symbol-font-missing', 'unknown-glyph'] : []);
    }
  }, 120_000);

  it('a line break or tab inside a text run reads as a space: no cell split, no later line renumbered', async () => {
    const extracted = await extractPdfText(new Uint8Array(readFileSync(pdfs.get('glyph') ?? '')));
    if ('error' in extracted) throw new Error(extracted.error);
    const original = importPdfText(extracted);
    // The unit's name run (an early line) carries a line break and a tab, as a hostile or odd PDF's text may.
    const name = seed.unit.name ?? '北塔区司法局';
    let hit = 0;
    const odd = { ...extracted, pages: extracted.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.s.includes(name) ? (hit++, { ...i, s: i.s.replace(name, `${name}\n\t`) }) : i)) })) };
    expect(hit).toBeGreaterThan(0);
    const r = importPdfText(odd);
    expect(original.ok && r.ok).toBe(true);
    if (!original.ok || !r.ok) return;
    expect(r.evaluation.unit.name?.trim()).toBe(name);
    expect(r.positions['income.total']).toEqual(original.positions['income.total']);
    expect(r.evaluation.income).toEqual(original.evaluation.income);
  }, 60_000);

  /** The answers of an evaluation, by field. */
  const answers = (e: Evaluation) => Object.fromEntries(ANSWER_FIELDS.map((f) => [f, (e as unknown as Record<string, Record<string, unknown>>)[f.split('.')[0] ?? '']?.[f.split('.')[1] ?? '']]));

  it('Wingdings ticks printed without the font: every question is ambiguous with the reason, never “nothing ticked”', async () => {
    for (const encoding of SYMBOLS) {
      const r = await importBuffer(new Uint8Array(readFileSync(pdfs.get(encoding) ?? '')), { filename: `${encoding}.pdf` });
      expect(r.ok, encoding).toBe(true);
      if (!r.ok) continue;
      // LibreOffice without Wingdings draws ☑ and □ alike, and its text layer gives both one code.
      expect(new Set(Object.values(answers(r.evaluation))), encoding).toEqual(new Set(['ambiguous']));
      expect(r.diagnostics[0]?.code, encoding).toBe('pdf-symbol-font-missing');
      expect(r.diagnostics[0]?.message['zh-CN']).toMatch(/勾选与空框无法区分/);
      expect(r.diagnostics.map((d) => d.code)).not.toContain('answer-unanswered');
    }
  }, 60_000);

  it('a tick that left no text beside its option: the question is ambiguous with the reason, never “nothing ticked”', async () => {
    const extracted = await extractPdfText(new Uint8Array(readFileSync(pdfs.get('glyph') ?? '')));
    if ('error' in extracted) throw new Error(extracted.error);
    // The same page with the ticks' text taken out, as a PDF whose tick glyph has no text equivalent has it.
    const noTicks = { ...extracted, pages: extracted.pages.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, s: i.s.replaceAll('☑', '') })) })) };
    const original = importPdfText(extracted);
    const r = importPdfText(noTicks);
    expect(original.ok && r.ok).toBe(true);
    if (!original.ok || !r.ok) return;
    const before = answers(original.evaluation);
    const after = answers(r.evaluation);
    const ticked = ANSWER_FIELDS.filter((f) => before[f] === 'yes' || before[f] === 'no');
    expect(ticked.length).toBeGreaterThan(15);
    for (const f of ticked) expect(after[f], f).toBe('ambiguous');
    const missing = r.diagnostics.filter((d) => d.code === 'pdf-mark-missing');
    expect(new Set(missing.map((d) => d.path))).toEqual(new Set(ticked));
    expect(missing.every((d) => d.severity === 'warning' && (d.page ?? 0) >= 1 && d.line !== undefined)).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('answer-unanswered');
  }, 60_000);
});

describe('a PDF longer than the pages read', () => {
  /** A page of lines, each a row of cells 150 units apart (a run of text a cell: ten units a character). */
  const page = (number: number, rows: string[][]) => ({
    number,
    width: 1400,
    height: 842,
    items: rows.flatMap((cells, i) => cells.map((s, j) => ({ s, x: 40 + 150 * j, y: 800 - 20 * i, w: Array.from(s).length * 10, h: 10, f: 'sans-serif', font: 'text' }))).filter((it) => it.s !== ''),
  });
  const rows = [
    ['2021年度部门整体支出绩效自评表'],
    ['部门名称', '某某县水利局'],
    ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['100', '100', '100', '10', '100%', '10'],
    ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分', '偏差原因'],
    ['产出', '数量', '灌区改造', '≥2个', '2个', '50', '50', '无'],
  ];

  it('marks an indicator list read from the first pages as not known whole (the rest may carry it on)', () => {
    const whole = importPdfText({ totalPages: 1, pages: [page(1, rows)] });
    if (!whole.ok) throw new Error(JSON.stringify(whole.diagnostics));
    expect(whole.evaluation.selfAssessment?.indicators?.map((i) => i.name)).toEqual(['灌区改造']);
    expect(whole.unreadable).toBeUndefined();
    const part = importPdfText({ totalPages: 300, pages: [page(1, rows)] });
    expect(part.ok && part.unreadable).toEqual({ 'selfAssessment.indicators': '第 1 页（共 300 页）' });
  });
});
