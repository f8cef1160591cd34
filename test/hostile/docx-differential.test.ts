// The streaming .docx reading (saxes, packages/import/src/docx/walk.ts) against independent readings of the same
// form (issue 18, item 1): the tree walker it replaced (fast-xml-parser's tree, kept as a test-only reference),
// swapped in under the whole import, and the form's Word-text rendering. Same lines, same import result, same
// findings — over every rendered checkbox encoding and over real forms fuzzed element by element (paragraphs,
// runs, rows and cells dropped, repeated, moved; text replaced; checkbox constructs and junk inserted).
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { createChecker, type Evaluation, type Finding } from '@jixiao/core';
import { importDocx, importText, renderFormText, type ImportResult } from '@jixiao/import';
import { standardPacks } from '@jixiao/standard';
import { evaluationArb } from '@jixiao/testing';
import { DOCX_ENCODINGS, renderFormDocx } from '../../packages/import/scripts/render-docx.js';

/** Which walker the import uses: the streaming one (false) or the tree walker it replaced (true). */
const walker = vi.hoisted(() => ({ reference: false }));

vi.mock('../../packages/import/src/docx/walk.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../packages/import/src/docx/walk.js')>();
  const tree = await import('../../packages/import/src/docx/tree-walk.reference.js');
  const treeXml = await import('../../packages/import/src/docx/tree-xml.reference.js');
  return {
    ...real,
    // The import walks through walkDocument; the tree walker knows no hidden, unseen or ignored text (the forms here have none).
    walkDocument: (xml: string, limits?: Parameters<typeof real.walkDocument>[1], styles?: Parameters<typeof real.walkDocument>[2]) => {
      if (!walker.reference) return real.walkDocument(xml, limits, styles);
      try {
        return { lines: tree.referenceLines(xml), hidden: [], unseen: [], ignored: [] };
      } catch (error) {
        // The same failure, as the import knows it.
        if (error instanceof treeXml.XmlReadError) throw new real.XmlReadError(error.code, error.message);
        throw error;
      }
    },
  };
});

const checker = createChecker(standardPacks());

function both(bytes: Uint8Array): { stream: ImportResult; tree: ImportResult } {
  walker.reference = false;
  const stream = importDocx(bytes);
  walker.reference = true;
  try {
    return { stream, tree: importDocx(bytes) };
  } finally {
    walker.reference = false;
  }
}

/** Each rule's outcome, message and the values it read, for an import result as the CLI checks it. */
function findings(r: ImportResult): unknown {
  if (!r.ok) return r.diagnostics.map((d) => d.code);
  const checked = checker.checkEvaluationSync(r.evaluation, { locale: 'en', ...(r.fieldsNotOnForm === undefined ? {} : { fieldsNotOnForm: r.fieldsNotOnForm }) });
  return checked.findings.map((f: Finding) => ({ rule: f.ruleId, outcome: f.outcome, message: f.message, observed: f.observed }));
}

const documentXml = (files: Record<string, Uint8Array>): string => strFromU8(files['word/document.xml'] ?? new Uint8Array(0));

// ---- fuzzing a real form element by element (every edit keeps the XML well-formed) ----

const ELEMENTS = {
  paragraph: /<w:p[ >][\s\S]*?<\/w:p>/g,
  run: /<w:r>[\s\S]*?<\/w:r>/g,
  row: /<w:tr[ >][\s\S]*?<\/w:tr>/g,
  cell: /<w:tc[ >][\s\S]*?<\/w:tc>/g,
  text: /<w:t(?: [^>]*)?>[^<]*<\/w:t>/g,
} as const;
type ElementKind = keyof typeof ELEMENTS;

/**
 * Whole elements a form may gain: checkbox constructs in each encoding, labels, deleted text, junk. (No nested table:
 * the element spans are found by pattern, which cannot pair a row inside a row; walk.test.ts nests tables.)
 */
const INSERTS = [
  '<w:p><w:r><w:t>单位名称（盖章）</w:t></w:r></w:p>',
  '<w:p><w:r><w:t xml:space="preserve">是否超编：是</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr><w:t>R</w:t></w:r><w:r><w:t>否</w:t></w:r><w:r><w:sym w:font="Wingdings 2" w:char="F0A3"/></w:r></w:p>',
  '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> eq \\o\\ac(□,√)</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
  '<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt></w:p>',
  '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
  '<w:p><w:del><w:r><w:t>264.47</w:t></w:r></w:del><w:ins><w:r><w:t>999.99</w:t></w:r></w:ins></w:p>',
  '<w:p><w:proofErr/><w:bookmarkStart w:id="0"/><w:r><w:t>合计</w:t><w:tab/><w:t>12.5</w:t><w:br/><w:t>&amp;&lt;&#x41;</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>',
] as const;
const TEXTS = ['', ' ', '264.47', '26 4.47', '是', '否', '□', '☑', '√', 'R', '£', '（2020年度）', '合计', '&amp;', '&#xF052;', '万元', '甲乙丙'] as const;

type Edit =
  | { readonly op: 'drop' | 'repeat'; readonly kind: ElementKind; readonly at: number }
  | { readonly op: 'move'; readonly kind: 'paragraph' | 'row'; readonly at: number; readonly to: number }
  | { readonly op: 'text'; readonly at: number; readonly text: string }
  | { readonly op: 'insert'; readonly at: number; readonly xml: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'repeat' as const), kind: fc.constantFrom<ElementKind>('paragraph', 'run', 'row', 'cell'), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), kind: fc.constantFrom('paragraph' as const, 'row' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom(...TEXTS) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), xml: fc.constantFrom(...INSERTS) }),
);

function spans(xml: string, kind: ElementKind): { start: number; end: number }[] {
  return [...xml.matchAll(ELEMENTS[kind])].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function applyEdit(xml: string, edit: Edit): string {
  const kind: ElementKind = edit.op === 'text' ? 'text' : edit.op === 'insert' ? 'paragraph' : edit.kind;
  const found = spans(xml, kind);
  const s = found[edit.at % Math.max(1, found.length)];
  if (s === undefined) return xml;
  const element = xml.slice(s.start, s.end);
  switch (edit.op) {
    case 'drop':
      return xml.slice(0, s.start) + xml.slice(s.end);
    case 'repeat':
      return xml.slice(0, s.end) + element + xml.slice(s.end);
    case 'text':
      return xml.slice(0, s.start) + element.replace(/>[^<]*</, `>${edit.text}<`) + xml.slice(s.end);
    case 'insert':
      return xml.slice(0, s.start) + edit.xml + xml.slice(s.start);
    case 'move': {
      const without = xml.slice(0, s.start) + xml.slice(s.end);
      const targets = spans(without, edit.kind);
      const t = targets[edit.to % Math.max(1, targets.length)];
      return t === undefined ? xml : without.slice(0, t.start) + element + without.slice(t.start);
    }
  }
}

const fuzzedArb = fc.record({ form: evaluationArb(), encoding: fc.constantFrom(...DOCX_ENCODINGS), edits: fc.array(editArb, { minLength: 1, maxLength: 6 }) });

async function fuzzed(form: Evaluation, encoding: (typeof DOCX_ENCODINGS)[number], edits: readonly Edit[]): Promise<Uint8Array> {
  const files = unzipSync(await renderFormDocx(form, encoding));
  // w14 is declared on the rendered document; the inserted content controls use it.
  files['word/document.xml'] = strToU8(edits.reduce(applyEdit, documentXml(files)));
  return zipSync(files);
}

describe('the streaming .docx walker against the tree walker it replaced, under the whole import', () => {
  it('property: every rendered form, in every checkbox encoding — the same import result and the same findings', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.constantFrom(...DOCX_ENCODINGS), async (form, encoding) => {
        const { stream, tree } = both(await renderFormDocx(form, encoding));
        expect(stream.ok).toBe(true);
        expect(stream).toEqual(tree);
        expect(findings(stream)).toEqual(findings(tree));
      }),
      { numRuns: 40 },
    );
  });

  it('property: real forms fuzzed element by element — the same import result (read or refused) and the same findings', async () => {
    let read = 0;
    let differentFromForm = 0;
    await fc.assert(
      fc.asyncProperty(fuzzedArb, async ({ form, encoding, edits }) => {
        const bytes = await fuzzed(form, encoding, edits);
        const { stream, tree } = both(bytes);
        // Every edit keeps the XML well-formed: a refusal here would be the walker's, not the fuzzer's.
        expect(stream.ok || stream.diagnostics.map((d) => d.code)).not.toContain('docx-xml-invalid');
        expect(stream).toEqual(tree);
        expect(findings(stream)).toEqual(findings(tree));
        if (stream.ok) {
          read++;
          if (JSON.stringify(findings(stream)) !== JSON.stringify(findings(importDocx(await renderFormDocx(form, encoding))))) differentFromForm++;
        }
      }),
      { numRuns: 60 },
    );
    // The fuzzing reaches the reader and changes what it reads, not only what it refuses.
    expect(read).toBeGreaterThan(15);
    expect(differentFromForm).toBeGreaterThan(5);
  });

  it('the tree walker is swapped in for real (a document only it mis-reads tells them apart)', () => {
    // The tree walker kept fast-xml-parser's leniency: an undeclared entity is text to it, an error to saxes.
    const { stream, tree } = both(zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>') }));
    expect(stream.ok ? 'read' : stream.diagnostics.map((d) => d.code)).toEqual(['docx-xml-invalid']);
    expect(tree.ok ? 'read' : tree.diagnostics.map((d) => d.code)).not.toEqual(['docx-xml-invalid']);
  });
});

describe('the .docx reading against the text export of the same form', () => {
  it('property: any form in any checkbox encoding gives the findings its Word-text rendering gives', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.constantFrom(...DOCX_ENCODINGS), async (form, encoding) => {
        const fromDocx = importDocx(await renderFormDocx(form, encoding));
        const fromText = importText(renderFormText(form));
        expect(fromDocx.ok && fromText.ok).toBe(true);
        expect(findings(fromDocx)).toEqual(findings(fromText));
      }),
      { numRuns: 40 },
    );
  });
});
