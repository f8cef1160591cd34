/**
 * `npm run bench -- --stages [N]` (default 1,000): what one .docx form costs, stage by stage, in this process —
 * the bench's forms rendered as real .docx files (every checkbox encoding in turn, as (d) writes them), each stage
 * run over all N forms in turn, round after round (so every stage meets the same load), the CPU time of this
 * process (user + system, all threads: garbage collection and the JIT's background work included) a form, best and
 * median of the rounds after a warm-up round. The stages are the CLI's own functions:
 *
 * - zip: the zip directory, `_rels/.rels` and inflating `word/document.xml`;
 * - decode: its UTF-8 decoding (strict, as the reader does);
 * - tokenize: saxes alone on the part, every event handled by a no-op (the parser's share of the walk);
 * - walk: the XML walk (saxes and the walker) into lines;
 * - elements: the walker's lines as paragraphs and tables (`docxElements`);
 * - read: the template reader on the document's elements (detection, cells, the evaluation assembled and validated);
 * - importDocx: the whole .docx import (the above, control characters, elements, positions placed in the file);
 * - validate: the model's validation (zod) of an imported evaluation, alone (it is part of read);
 * - check: the checker on the imported form as the CLI calls it (positions, gaps, locale);
 * - report item: the form's part of the JSON report;
 * - cross-form: the form's record and the JSON the cross-form pass spools (what `checkFile` adds for it);
 * - loadInput: the CLI's reading of the file (stat, read, detect the format, import), no check;
 * - checkFile: the CLI's whole per-form work — stat, read the file, import, check, the report item, the record and
 *   JSON the cross-form pass keeps — what `--jobs 1` pays a form in the steady state (warm-up, the cross-form pass
 *   and writing the report out come on top).
 *
 * The load average before and after is printed beside the figures (the machine is shared). Never part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { SaxesParser } from 'saxes';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChecker, formGaps, formRecord, validateEvaluation, type EvaluationResult, type Pack } from '@jixiao/core';
import { loadPack } from '@jixiao/core/node';
import { WRITERS } from '@jixiao/adapters';
import { DOCX_ENCODINGS, renderFormDocx } from '../../packages/import/scripts/render-docx.js';
import { docxElements } from '../../packages/import/src/document/docx.js';
import { importDocx, partitionDocx } from '../../packages/import/src/docx/import-docx.js';
import { mainDocumentName } from '../../packages/import/src/docx/package.js';
import { documentLines } from '../../packages/import/src/docx/walk.js';
import { DEFAULT_ZIP_LIMITS, partKey, readZipDirectory, readZipEntry } from '../../packages/import/src/docx/zip.js';
import { readDocument } from '../../packages/import/src/template/read-document.js';
import { checkFile, type RenderOptions } from '../../packages/cli/src/batch/check-file.js';
import { crossFormJson } from '../../packages/cli/src/batch/cross-form.js';
import { loadInput } from '../../packages/cli/src/input.js';
import { makeForms } from './forms.js';

const ROOT = process.cwd();
const N = ((i) => (i === -1 || Number.isNaN(Number(process.argv[i + 1])) ? 1000 : Number(process.argv[i + 1])))(process.argv.indexOf('--stages'));
/** `--rounds N` (default 5): measured rounds after the warm-up. */
const ROUNDS = ((i) => (i === -1 || Number.isNaN(Number(process.argv[i + 1])) ? 5 : Number(process.argv[i + 1])))(process.argv.indexOf('--rounds'));
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

const preset = JSON.parse(readFileSync(join(ROOT, 'packages/cli/src/presets/standard.json'), 'utf8')) as { packs: { package: string }[] };
const checker = createChecker(preset.packs.map((p): Pack => loadPack(p.package, ROOT)));
const renderOptions: RenderOptions = { locale: 'zh-CN', toolVersion: 'bench', color: false, pretty: false, explain: false, checkDate: '2026-11-30' };
const writer = WRITERS.json({ ...renderOptions, rules: checker.rules, parameters: checker.parameters });

const dir = join(tmpdir(), `jixiao-bench-stages-${String(process.pid)}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const forms = makeForms(N);
const bytes: Uint8Array[] = [];
for (const [i, f] of forms.entries()) {
  const docx = await renderFormDocx(f, DOCX_ENCODINGS[i % DOCX_ENCODINGS.length]);
  writeFileSync(join(dir, `${String(i)}.docx`), docx);
  bytes.push(docx);
}

/** Each stage's input, made once by the stage before it. */
function documentPart(docx: Uint8Array): Uint8Array {
  const directory = readZipDirectory(docx, DEFAULT_ZIP_LIMITS);
  const rels = directory.get(partKey('_rels/.rels'));
  const name = rels === undefined ? 'word/document.xml' : mainDocumentName(readZipEntry(docx, rels, 64 * 1024));
  const entry = directory.get(partKey(name));
  if (entry === undefined) throw new Error(`no ${name}`);
  return readZipEntry(docx, entry, DEFAULT_ZIP_LIMITS.maxEntryBytes);
}
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const parts = bytes.map(documentPart);
const xmls = parts.map((p) => UTF8.decode(p));
const walked = xmls.map((x) => documentLines(x));
const documents = bytes.map((b) => {
  const p = partitionDocx(b);
  if (!p.ok) throw new Error('a bench form did not partition');
  return p.document;
});
const imported = bytes.map((b) => {
  const r = importDocx(b);
  if (!r.ok) throw new Error('a bench form was not read');
  return r;
});
const checkOptions = imported.map((r) => ({ source: 'form.docx', locale: 'zh-CN' as const, positions: r.positions, ...formGaps(r) }));
const results: EvaluationResult[] = imported.map((r, i) => checker.checkEvaluationSync(r.evaluation, checkOptions[i]));

let sink = 0;
const stages: Record<string, (i: number) => void | Promise<void>> = {
  zip: (i) => {
    sink += documentPart(bytes[i] ?? new Uint8Array()).length;
  },
  decode: (i) => {
    sink += UTF8.decode(parts[i]).length;
  },
  tokenize: (i) => {
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    parser.on('opentag', () => {
      sink++;
    });
    parser.on('closetag', () => {
      sink++;
    });
    parser.on('text', () => {
      sink++;
    });
    parser.write(xmls[i] ?? '').close();
  },
  walk: (i) => {
    sink += documentLines(xmls[i] ?? '').length;
  },
  elements: (i) => {
    sink += docxElements(walked[i] ?? []).blocks.length;
  },
  read: (i) => {
    const d = documents[i];
    if (d !== undefined && readDocument(d, 'docx').ok) sink++;
  },
  importDocx: (i) => {
    if (importDocx(bytes[i] ?? new Uint8Array()).ok) sink++;
  },
  validate: (i) => {
    if (validateEvaluation(imported[i]?.evaluation).ok) sink++;
  },
  check: (i) => {
    const r = imported[i];
    if (r !== undefined) sink += checker.checkEvaluationSync(r.evaluation, checkOptions[i]).findings.length;
  },
  'report item': (i) => {
    const r = results[i];
    if (r !== undefined) sink += writer.form(r).length;
  },
  'cross-form': (i) => {
    const r = imported[i];
    if (r !== undefined) sink += Object.keys(formRecord(r.evaluation, 'form.docx')).length + crossFormJson(r.evaluation, r.positions).length;
  },
  loadInput: async (i) => {
    if ((await loadInput(join(dir, `${String(i)}.docx`), 'zh-CN')).ok) sink++;
  },
  checkFile: async (i) => {
    const o = await checkFile({ path: join(dir, `${String(i)}.docx`), source: `${String(i)}.docx` }, 'zh-CN', checker, { render: { format: 'json', options: renderOptions }, crossForm: true });
    if (o.ok) sink++;
  },
};

/** `--only <stage>` (repeatable): run only those stages (e.g. `--only checkFile` under `node --cpu-prof`). */
const ONLY = process.argv.flatMap((a, i) => (a === '--only' ? [process.argv[i + 1] ?? ''] : []));
if (ONLY.length > 0) for (const name of Object.keys(stages)) if (!ONLY.includes(name)) Reflect.deleteProperty(stages, name);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const before = uptime();
const perForm: Record<string, number[]> = Object.fromEntries(Object.keys(stages).map((s) => [s, []]));
// Round 0 warms every stage up; rounds 1..ROUNDS are measured.
for (let round = 0; round <= ROUNDS; round++) {
  for (const [name, stage] of Object.entries(stages)) {
    const t = cpuMs();
    for (let i = 0; i < N; i++) await stage(i);
    if (round > 0) perForm[name]?.push((cpuMs() - t) / N);
  }
}
const after = uptime();
console.log(`jixiao bench --stages: ${String(N)} .docx forms, ${String(ROUNDS)} rounds after a warm-up, CPU ms a form (best / median); node ${process.version}`);
console.log(`load before: ${before}`);
const summary: Record<string, { best: number; median: number }> = {};
for (const [name, times] of Object.entries(perForm)) {
  const sorted = [...times].sort((a, b) => a - b);
  summary[name] = { best: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN };
  console.log(`  ${name.padEnd(12)} ${(sorted[0] ?? NaN).toFixed(3)} / ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(3)} ms`);
}
console.log(`load after: ${after}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(join(ROOT, 'bench/out/results-stages.json'), `${JSON.stringify({ forms: N, rounds: ROUNDS, node: process.version, before, after, msPerForm: summary, sink }, null, 2)}\n`);
