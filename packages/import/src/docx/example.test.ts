import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ANSWER_FIELDS, type Evaluation } from '@jixiao/core';
import { renderFormDocx } from '../../scripts/render-docx.js';
import { importText } from '../text/import-text.js';
import { importDocx } from './import-docx.js';

/**
 * examples/beita-justice-2020/form.docx is rendered from the canonical evaluation by scripts/render-docx.ts (ticked
 * boxes as EQ fields, the others as Wingdings 2 symbol runs). Regenerate with
 *   JIXIAO_UPDATE=1 npx vitest run packages/import/src/docx/example.test.ts
 */
const example = (name: string) => fileURLToPath(new URL(`../../../../examples/beita-justice-2020/${name}`, import.meta.url));

describe('examples/beita-justice-2020/form.docx', () => {
  const expected = JSON.parse(readFileSync(example('evaluation.json'), 'utf8')) as Evaluation & { $schema?: string };
  delete expected.$schema;

  it('is what the committed script renders from evaluation.json: the same word/document.xml (JIXIAO_UPDATE=1 rewrites it)', async () => {
    const rendered = await renderFormDocx(expected, 'example');
    if (process.env.JIXIAO_UPDATE === '1') writeFileSync(example('form.docx'), rendered);
    // The document part holds everything the reader reads; the zip's other parts carry the rendering time.
    const documentXml = (docx: Uint8Array) => {
      const part = unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
      if (part === undefined) throw new Error('no word/document.xml');
      return strFromU8(part);
    };
    const committed = documentXml(new Uint8Array(readFileSync(example('form.docx'))));
    expect(committed).toContain('北塔区司法局');
    expect(committed).toBe(documentXml(rendered));
  });

  it('imports to the evaluation of the seed text, every answer read from a stored tick', () => {
    const r = importDocx(new Uint8Array(readFileSync(example('form.docx'))));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { answerResolution, ...values } = r.evaluation;
    const { answerResolution: _e, ...expectedValues } = expected;
    expect(values).toEqual(expectedValues);
    expect(Object.keys(answerResolution ?? {})).toEqual([...ANSWER_FIELDS]);
    for (const res of Object.values(answerResolution ?? {})) expect(res.how).toBe('explicit');
    const text = importText(readFileSync(example('000_1f3a69e61e56d541.txt'), 'utf8'));
    expect(text.ok && text.evaluation.answerResolution !== undefined).toBe(true);
  });
});
