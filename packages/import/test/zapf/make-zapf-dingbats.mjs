// Writes pdf-lib.pdf of this folder: the check, cross and box glyphs of ZapfDingbats (one of PDF's standard 14
// fonts, which PDF form writers use for check boxes) drawn by pdf-lib with its standard font, not embedded — the
// way a PDF form's check box or a PDF library's ✔ reaches a reviewer. pdf-lib (npm, MIT; not a dependency of the
// project) encodes each character through its own copy of Adobe's ZapfDingbats encoding, so the file states the
// codes independently of the table in packages/import/src/pdf/lines.ts:
//   npm i --prefix /tmp/pdflib -E pdf-lib@1.17.1
//   node packages/import/test/zapf/make-zapf-dingbats.mjs /tmp/pdflib
// Line 1 is a label in Helvetica; line 2 the glyphs, one run each, in ZapfDingbats. Dates are fixed so that the
// file is the same bytes every time.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const prefix = process.argv[2];
if (prefix === undefined) throw new Error('usage: make-zapf-dingbats.mjs <folder where pdf-lib is installed>');
const { PDFDocument, StandardFonts } = createRequire(join(prefix, 'package.json'))('pdf-lib');

export const GLYPHS = ['✓', '✔', '✕', '✖', '✗', '✘', '●', '❍', '■', '❏', '❐', '❑', '❒', '◆'];

const doc = await PDFDocument.create();
const when = new Date('2026-11-30T00:00:00Z');
doc.setCreationDate(when);
doc.setModificationDate(when);
doc.setProducer('pdf-lib 1.17.1 (packages/import/test/zapf/make-zapf-dingbats.mjs)');
const page = doc.addPage([595, 842]);
const helvetica = await doc.embedFont(StandardFonts.Helvetica);
const dingbats = await doc.embedFont(StandardFonts.ZapfDingbats);
page.drawText('ZapfDingbats', { x: 72, y: 760, size: 12, font: helvetica });
GLYPHS.forEach((glyph, i) => page.drawText(glyph, { x: 72 + i * 30, y: 730, size: 12, font: dingbats }));
writeFileSync(join(here, 'pdf-lib.pdf'), await doc.save({ useObjectStreams: false }));
