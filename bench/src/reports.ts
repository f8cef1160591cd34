/**
 * (h) `npm run bench -- --reports N`: every report format for N forms through the built CLI, each run under GNU
 * time — peak resident memory of the largest process (GNU time's maximum) and of the CLI and its child processes
 * together (sampled), wall time, the report's bytes per form — and each report checked for what it must hold (every form, the one unreadable file); the SARIF log is
 * validated against the official SARIF 2.1.0 schema. The JSON report, which streamed first, is the reference
 * measured in the same run. Then the seed form's own figures: its JSON report item and its SARIF bytes, alone and
 * per form in a batch of 100 copies. `--report-formats xlsx,csv` measures only those (and the JSON reference).
 * The forms' units are a province's batch (each unit once a year, 1 % submitted twice); the adversarial case — the
 * same forms with hundreds of copies of each unit-year — is measured apart after them, every chosen format again.
 * `--report-sets duplicate-heavy` (or `realistic`) measures only that set (two shorter runs on a shared machine).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Ajv04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import { findingLocation, type Evaluation, type Finding, type SourcePosition } from '@jixiao/core';

const FORMATS = ['json', 'text', 'csv', 'markdown', 'junit', 'sarif', 'html', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSION: Record<Format, string> = { json: 'json', text: 'txt', csv: 'csv', markdown: 'md', junit: 'xml', sarif: 'sarif', html: 'html', xlsx: 'xlsx' };
/** The bound issue 18 sets for every format at 20,000 forms. */
const BOUND_MB = 512;

interface Run {
  readonly ms: number;
  /** The largest process's peak (GNU time: the CLI, or one of its child processes). */
  readonly mb: number;
  /** The peak of the CLI and its child processes together, sampled every 100 ms (at least `mb`). */
  readonly treeMb: number;
  readonly code: number | null;
  readonly stderr: string;
}

/** The processes started by `pid` (none once it has ended). */
function childrenOf(pid: string): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/).filter((c) => c !== ''));
  } catch {
    return [];
  }
}

function rssKb(pid: string): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * The CLI under GNU time, its process tree's resident memory summed every 100 ms meanwhile: a batch of JSON forms
 * large enough has a child process checking beside the CLI's own, and GNU time gives only the largest process.
 */
async function timed(bin: string, args: readonly string[], cwd: string): Promise<Run> {
  const t = performance.now();
  const time = spawn('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, bin, ...args], { cwd, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  time.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let treeKb = 0;
  const sampler = setInterval(() => {
    const tree = childrenOf(String(time.pid));
    for (const pid of tree) tree.push(...childrenOf(pid));
    treeKb = Math.max(treeKb, tree.reduce((kb, pid) => kb + rssKb(pid), 0));
  }, 100);
  const code = await new Promise<number | null>((resolve) => time.on('close', resolve));
  clearInterval(sampler);
  const mb = Math.round(Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 'NaN') / 1024);
  return { ms: performance.now() - t, mb, treeMb: Math.max(mb, Math.round(treeKb / 1024)), code, stderr };
}

/** How often `needle` occurs in a file, read in chunks (a report may be larger than a string can be). */
async function countIn(file: string, needle: string): Promise<number> {
  const bytes = Buffer.from(needle);
  let count = 0;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    const buf = Buffer.concat([carry, chunk as Buffer]);
    for (let at = buf.indexOf(bytes); at !== -1; at = buf.indexOf(bytes, at + bytes.length)) count++;
    // Keep the tail that could start a match split across chunks (a match inside it was counted already: cut past it).
    const keep = Math.min(bytes.length - 1, buf.length);
    const tail = buf.subarray(buf.length - keep);
    carry = tail.indexOf(bytes) === -1 ? Buffer.from(tail) : Buffer.alloc(0);
  }
  return count;
}

/** The distinct forms named at the start of a CSV row (every row of a form starts with its file name). */
async function csvSources(file: string): Promise<number> {
  const seen = new Set<string>();
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    const m = /^(form-\d+\.json),/.exec(line);
    if (m?.[1] !== undefined) seen.add(m[1]);
  }
  return seen.size;
}

/** The rows of the xlsx summary sheet (read with exceljs's streaming reader; the other sheets are skipped). */
async function xlsxSummaryRows(file: string): Promise<{ sheets: string[]; summaryRows: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  const sheets: string[] = [];
  let summaryRows = 0;
  for await (const sheet of reader) {
    const ws = sheet as unknown as AsyncIterable<unknown> & { name?: string };
    sheets.push(ws.name ?? '?');
    for await (const _row of ws) if (sheets.length === 1) summaryRows++;
  }
  return { sheets, summaryRows };
}

/** What each report must hold for `n` forms and one unreadable file: a sentence saying whether it does. */
async function verify(format: Format, file: string, n: number, root: string): Promise<string> {
  // The summary's heading and its totals row both say it.
  const totals = `已检查 ${String(n)} 份，未能检查 1 份`;
  const has = async (needle: string, times: number) => (await countIn(file, needle)) === times;
  const shows = async (needle: string) => (await countIn(file, needle)) > 0;
  switch (format) {
    case 'json': {
      // A result is its source followed by the evaluation (the cross-form section's findings name sources too).
      const ok = (await has('.json","evaluation":{', n)) && (await has('"unread":[{"source":"broken.json"', 1));
      return ok ? `${String(n)} results and the unread file` : 'MISSING results or the unread file';
    }
    case 'text':
    case 'markdown':
      return (await shows(totals)) && (await shows('broken.json')) ? `totals row "${totals}", the unread file listed` : 'MISSING the totals row or the unread file';
    case 'html': {
      const forms = await countIn(file, '<section class="form"');
      return forms === n && (await shows(totals)) && (await shows('broken.json')) ? `${String(forms)} form sections, totals row, the unread file` : `MISSING: ${String(forms)} form sections`;
    }
    case 'csv': {
      const sources = await csvSources(file);
      return sources === n && (await countIn(file, 'broken.json,')) === 1 ? `rows for ${String(sources)} forms and the unread file` : `MISSING: rows for ${String(sources)} forms`;
    }
    case 'junit': {
      // A suite per form, the unread files' suite and the cross-form section's (when it has findings).
      const suites = await countIn(file, '<testsuite ');
      const cross = await countIn(file, '<testsuite name="跨表核对');
      return suites === n + 1 + cross ? `${String(n)} form suites, the unread-files suite${cross === 1 ? ' and the cross-form suite' : ''}` : `MISSING: ${String(suites)} suites`;
    }
    case 'sarif': {
      const size = statSync(file).size;
      // V8 strings hold at most 2^29 - 24 UTF-16 units: a larger log is checked by counting instead.
      if (size > 500_000_000) return `not validated: ${String(size)} bytes is more than a string can hold`;
      const schema = JSON.parse(readFileSync(join(root, 'packages/adapters/test/fixtures/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
      const ajv = new Ajv04.default({ allErrors: false, strict: false, unicodeRegExp: false });
      addFormatsModule.default(ajv);
      const validate = ajv.compile(schema);
      const log = JSON.parse(readFileSync(file, 'utf8')) as { runs: { artifacts: unknown[]; invocations: { toolExecutionNotifications: { descriptor: { id: string } }[] }[] }[] };
      const valid = validate(log);
      const run = log.runs[0];
      const unread = run?.invocations[0]?.toolExecutionNotifications.filter((x) => x.descriptor.id === 'unreadable-input').length;
      return `${valid ? 'valid against the SARIF 2.1.0 schema' : `INVALID: ${JSON.stringify(validate.errors?.slice(0, 3))}`}, ${String(run?.artifacts.length)} artifacts, ${String(unread)} unread notification`;
    }
    case 'xlsx': {
      const { sheets, summaryRows } = await xlsxSummaryRows(file);
      // Header, a row per form, totals, then the most-failed rules below.
      return summaryRows >= n + 2 ? `sheets ${sheets.join(' / ')}; summary ${String(summaryRows)} rows` : `MISSING: summary ${String(summaryRows)} rows`;
    }
  }
}

/**
 * `--report-formats json,xlsx`: only these formats (the JSON reference is always measured first); default all.
 */
function chosenFormats(): readonly Format[] {
  const i = process.argv.indexOf('--report-formats');
  if (i === -1) return FORMATS;
  const asked = new Set((process.argv[i + 1] ?? '').split(','));
  return FORMATS.filter((f) => f === 'json' || asked.has(f));
}

/** The sets of forms `--report-sets` can choose (default both). */
const SETS = ['realistic', 'duplicate-heavy'] as const;
export type ReportSet = (typeof SETS)[number];

/** `--report-sets duplicate-heavy`: only these sets of forms; default both. */
export function chosenSets(): readonly ReportSet[] {
  const i = process.argv.indexOf('--report-sets');
  if (i === -1) return SETS;
  const asked = new Set((process.argv[i + 1] ?? '').split(','));
  const sets = SETS.filter((s) => asked.has(s));
  if (sets.length === 0) throw new Error(`--report-sets: one or both of ${SETS.join(', ')}`);
  return sets;
}

export interface ReportsFigures {
  readonly forms: number;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  /** The province's batch (absent when only the duplicate-heavy set was chosen). */
  /** `mb`: the largest process; `treeMb`: the CLI and its child processes together (what the bound is read against). */
  readonly formats?: Record<string, { mb: number; treeMb: number; seconds: number; bytesPerForm: number; withinBound: boolean; verified: string }>;
  /** The same measures on the duplicate-heavy forms (largest unit-year: `largestGroup` forms). */
  readonly duplicateHeavy?: { largestGroup: number; formats: Figures };
  readonly seed: {
    jsonItem: number;
    /** The item if every finding gave its `location` (passes and rules not applying too; issue 15), and without `file`. */
    jsonItemEveryLocation: number;
    jsonItemEveryLocationNoFile: number;
    json1: number;
    sarif1: number;
    json100PerForm: number;
    sarif100PerForm: number;
  };
}

/** The part of a JSON report the seed's figures read. */
interface SeedReport {
  readonly rules: readonly { readonly id: string; readonly paths: readonly string[] }[];
  readonly results: readonly { readonly source: string; readonly findings: readonly (Record<string, unknown> & Pick<Finding, 'ruleId' | 'outcome' | 'messageId' | 'data'>)[] }[];
}

/**
 * The seed's report item if every finding had its `location` (issue 15 asks for it; the report gives it on failures,
 * undecided rules and findings with a note): each other finding located by core's `findingLocation` from every
 * field's position (`jixiao import`), and the same without the location's `file` (the result's `source` already).
 */
function everyLocation(report: SeedReport, positions: Readonly<Record<string, SourcePosition>>): { jsonItemEveryLocation: number; jsonItemEveryLocationNoFile: number } {
  const paths = new Map(report.rules.map((r) => [r.id, r.paths]));
  const item = report.results[0];
  if (item === undefined) return { jsonItemEveryLocation: 0, jsonItemEveryLocationNoFile: 0 };
  // A report finding has what `findingLocation` reads of a finding but its rule's paths, which are in `rules`.
  const located = (f: SeedReport['results'][number]['findings'][number]) => findingLocation(item.source, positions, { ...f, paths: paths.get(f.ruleId) ?? [] } as unknown as Finding);
  const size = (withFile: boolean) =>
    Buffer.byteLength(JSON.stringify({ ...item, findings: item.findings.map((f) => {
      if (f.location !== undefined) return f;
      const at = located(f);
      if (at === undefined) return f;
      const { file: _file, ...rest } = at;
      return { ...f, location: withFile ? at : rest };
    }) }));
  return { jsonItemEveryLocation: size(true), jsonItemEveryLocationNoFile: size(false) };
}

/** The forms written to `dir/forms` (`form-000000.json`, …) with one broken file. */
function writeForms(forms: readonly Evaluation[], dir: string): void {
  rmSync(join(dir, 'forms'), { recursive: true, force: true });
  mkdirSync(join(dir, 'forms'), { recursive: true });
  forms.forEach((f, i) => {
    writeFileSync(join(dir, 'forms', `form-${String(i).padStart(6, '0')}.json`), JSON.stringify(f));
  });
  writeFileSync(join(dir, 'forms', 'broken.json'), '{"fiscalYear": 2020,');
}

/** Each format of `formats` for the forms in `dir/forms`, measured and checked, one line each under `label`. */
type Figures = NonNullable<ReportsFigures['formats']>;

async function measureFormats(formats: readonly Format[], dir: string, n: number, root: string, cli: string, label: string): Promise<Figures> {
  const figures: Figures = {};
  for (const format of formats) {
    const out = join(dir, `report.${EXTENSION[format]}`);
    // Run from inside the folder: sources are `form-000000.json`, as a bureau's own folder would give them.
    const r = await timed(cli, ['check', '.', '--format', format, '-o', out, '--today', '2026-11-29'], join(dir, 'forms'));
    const bytes = statSync(out, { throwIfNoEntry: false })?.size ?? 0;
    const verified = r.code === 1 || r.code === 3 ? await verify(format, out, n, root) : `CLI exit ${String(r.code)}: ${r.stderr.slice(-300)}`;
    figures[format] = { mb: r.mb, treeMb: r.treeMb, seconds: Math.round(r.ms / 100) / 10, bytesPerForm: Math.round(bytes / n), withinBound: r.treeMb <= BOUND_MB, verified };
    console.log(`(h)${label} ${format.padEnd(8)} peak ${String(r.mb).padStart(4)} MB largest process, ${String(r.treeMb).padStart(4)} MB with its child processes (${r.treeMb <= BOUND_MB ? 'within' : 'OVER'} ${String(BOUND_MB)} MB), ${(r.ms / 1000).toFixed(1)} s, ${String(Math.round(bytes / n))} bytes a form${format === 'json' ? ' (the reference)' : ''}; ${verified}`);
    rmSync(out, { force: true });
  }
  return figures;
}

/** The most forms of one unit and year (by name as written). */
function largestGroup(forms: readonly Evaluation[]): number {
  const sizes = new Map<string, number>();
  for (const f of forms) if (f.unit.name !== null && f.fiscalYear !== null) sizes.set(`${f.unit.name}|${String(f.fiscalYear)}`, (sizes.get(`${f.unit.name}|${String(f.fiscalYear)}`) ?? 0) + 1);
  return Math.max(0, ...sizes.values());
}

/**
 * (h) Every report format for `forms` (a province's batch), then for `heavy` (the same forms, hundreds of copies a
 * unit-year: the adversarial case), each when given, then the seed's report sizes (see the module comment).
 */
export async function reportsBench(n: number, root: string, cli: string, sets: { readonly forms?: readonly Evaluation[]; readonly heavy?: readonly Evaluation[] }): Promise<ReportsFigures> {
  const { forms, heavy } = sets;
  const dir = join(tmpdir(), `jixiao-bench-reports-${String(process.pid)}`);
  rmSync(dir, { recursive: true, force: true });
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  let figures: Figures | undefined;
  if (forms !== undefined) {
    writeForms(forms, dir);
    console.log(`(h) reports, ${String(n)} JSON forms (+1 broken; units of a province's batch, largest unit-year ${String(largestGroup(forms))} forms), default --jobs, load average ${loadBefore.join(' ')}`);
    figures = await measureFormats(chosenFormats(), dir, n, root, cli, '');
  }
  let duplicateHeavy: ReportsFigures['duplicateHeavy'];
  if (heavy !== undefined) {
    writeForms(heavy, dir);
    const largest = largestGroup(heavy);
    console.log(`(h) adversarial: the same ${String(heavy.length)} forms with their generated units (largest unit-year ${String(largest)} forms), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    duplicateHeavy = { largestGroup: largest, formats: await measureFormats(chosenFormats(), dir, heavy.length, root, cli, ' duplicate-heavy') };
  }
  const loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);

  // The seed form: one alone, and 100 copies in a batch (the rules listed once, shared by the 100).
  const seedDocx = join(root, 'examples/beita-justice-2020/form.docx');
  const seedDir = join(dir, 'seed');
  mkdirSync(join(seedDir, 'forms'), { recursive: true });
  copyFileSync(seedDocx, join(seedDir, 'form.docx'));
  for (let i = 0; i < 100; i++) copyFileSync(seedDocx, join(seedDir, 'forms', `form-${String(i).padStart(3, '0')}.docx`));
  const report = (args: string[]) => spawnSync(process.execPath, [cli, 'check', ...args], { cwd: seedDir, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const json1 = report(['form.docx', '--format', 'json']);
  const item = (JSON.parse(json1) as { results: unknown[] }).results[0];
  const seed = {
    jsonItem: Buffer.byteLength(JSON.stringify(item)),
    ...everyLocation(JSON.parse(json1) as SeedReport, (JSON.parse(spawnSync(process.execPath, [cli, 'import', 'form.docx', '--format', 'json'], { cwd: seedDir, encoding: 'utf8' }).stdout) as { positions: Record<string, SourcePosition> }).positions),
    json1: Buffer.byteLength(json1),
    sarif1: Buffer.byteLength(report(['form.docx', '--format', 'sarif'])),
    json100PerForm: Math.round(Buffer.byteLength(report(['forms', '--format', 'json'])) / 100),
    sarif100PerForm: Math.round(Buffer.byteLength(report(['forms', '--format', 'sarif'])) / 100),
  };
  console.log(`(h) the seed .docx: JSON report item ${String(seed.jsonItem)} bytes (${String(seed.jsonItemEveryLocation)} with a location on every finding, ${String(seed.jsonItemEveryLocationNoFile)} without its file; whole report for it alone ${String(seed.json1)}), SARIF alone ${String(seed.sarif1)}; per form in a batch of 100 copies: JSON ${String(seed.json100PerForm)}, SARIF ${String(seed.sarif100PerForm)} bytes`);
  console.log(`(h) load average before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}`);
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  return { forms: n, loadBefore, loadAfter, ...(figures === undefined ? {} : { formats: figures }), ...(duplicateHeavy === undefined ? {} : { duplicateHeavy }), seed };
}
