// Writes the inputs measured in test/hostile/README.md ("bound the work, not only the bytes") into a folder:
//   node test/hostile/make-hostile-inputs.mjs /tmp/hostile
// Each is one file the CLI must read in ≤ 3 s and ≤ 400 MB on the project's 2-core machine, with a clear
// diagnostic. Not part of `npm test` (the files are large; the tests assert the diagnostics on smaller ones).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const out = process.argv[2];
if (out === undefined) throw new Error('usage: node test/hostile/make-hostile-inputs.mjs <folder>');
mkdirSync(out, { recursive: true });
const example = (name) => new URL(`../../examples/beita-justice-2020/${name}`, import.meta.url);
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const TAIL = '</w:body></w:document>';
const docx = (name, body) => writeFileSync(join(out, name), zipSync({ 'word/document.xml': strToU8(HEAD + body + TAIL) }, { level: 9 }));
const file = (name, text) => writeFileSync(join(out, name), text);

// Beyond the limits: refused before the costly part.
docx('whitespace.docx', `<w:p><w:r><w:t>单位名称</w:t></w:r></w:p>${' '.repeat(31 * 1024 * 1024)}`); // 32 KB → 31 MB
docx('elements.docx', '<w:p/>'.repeat(1_400_000)); // 13 KB → 8 MB of empty paragraphs
docx('paragraphs.docx', '<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(925_000)); // 92 KB → 30 MB
file('lines.txt', `单位名称\n${'a\n'.repeat(4.5 * 1024 * 1024)}`); // 9 MB of short lines
file('cells.txt', `单位名称\n${`${'a\t'.repeat(240)}\n`.repeat(19_999)}`); // 20,000 lines of 240 cells
file('big.yaml', `modelVersion: 1\nitems:\n${'  - a\n'.repeat(3_000_000)}`); // 18 MB of list items
file('big-string.yaml', `modelVersion: 1\nfunctions: "${'x'.repeat(18_000_000)}"\n`);
file('big-empty-objects.json', `[${Array(6_600_000).fill('{}').join(',')}]`); // 19 MB

// Within the limits, as costly as they allow.
docx('max-elements.docx', '<w:p/>'.repeat(650_000)); // 3.7 MB: stops at 20,000 lines
docx('max-lines-cells.docx', '<w:p><w:r><w:t>单位名称</w:t><w:tab/><w:t>单位名称</w:t><w:tab/><w:t>264.47</w:t><w:tab/><w:t>单位名称</w:t></w:r></w:p>'.repeat(19_990));
docx('one-long-line.docx', `<w:p><w:r><w:t>${'单位名称编制人数年度收入'.repeat(110_000)}</w:t></w:r></w:p>`);
docx('deep.docx', `${'<w:customXml>'.repeat(190)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:customXml>'.repeat(190)}`.repeat(400));
docx('attributes.docx', `<w:p ${Array.from({ length: 300_000 }, (_, i) => `a${String(i)}=""`).join(' ')}/>`);
docx('symbols.docx', `<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings 2"/></w:rPr><w:t>${'R£'.repeat(300)}</w:t></w:r></w:p>`.repeat(4_000));
file('max-text.txt', `单位名称\n${`${`${'单位名称编制人数'.repeat(10)}\t`.repeat(4)}\n`.repeat(19_990)}`); // 19 MB
file('one-long-line.txt', `单位名称\t${'编制人数年度收入'.repeat(800_000)}`);
file('max-empty-objects.json', `[${Array(1_333_000).fill('{}').join(',')}]`);
file('max-flow.yaml', `items: [${Array(1_333_000).fill('1').join(',')}]`);
file('max-string.yaml', `functions: "${'x'.repeat(3_999_000)}"\n`);

// The form itself followed by as much as the limits let through: every line read, every diagnostic made.
const seed = readFileSync(example('000_1f3a69e61e56d541.txt'), 'utf8');
file('form-junk.txt', seed + `单位名称\t编制人数\t264.47\t年度收入\t${'x'.repeat(200)}\n`.repeat(19_700));
const parts = unzipSync(new Uint8Array(readFileSync(example('form.docx'))));
const junk = `<w:p><w:r><w:t>单位名称</w:t><w:tab/><w:t>编制人数</w:t><w:tab/><w:t>264.47</w:t><w:tab/><w:t>年度收入${'x'.repeat(60)}</w:t></w:r></w:p>`.repeat(19_700);
parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('<w:sectPr', `${junk}<w:sectPr`));
writeFileSync(join(out, 'form-junk.docx'), zipSync(parts));
process.stdout.write(`written to ${out}\n`);
