import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema, type ResultDocument } from '@jixiao/core';
import { baseEvaluation, evaluationArb, patchEvaluation } from '@jixiao/testing';
import { execute } from '../execute.js';
import type { CliIo } from '../io.js';
import { collectInputs, globMatcher } from './collect.js';
import { roomForChildren, worthAPool } from './run.js';
import { tempDir } from '../../../../test/setup/temp.js';
import { craftZip, seedDocumentWith, seedEntries } from '../../../../test/hostile/docx-craft.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');

/** A folder of forms: passing, failing, random, one broken, one unsupported, one link to a folder. */
function makeFolder(): string {
  const dir = tempDir('jixiao-batch-');
  mkdirSync(join(dir, 'forms/sub'), { recursive: true });
  const forms = fc.sample(evaluationArb(), { numRuns: 6, seed: 7 });
  forms.forEach((f, i) => { writeFileSync(join(dir, `forms/random-${String(i)}.json`), JSON.stringify(f)); });
  writeFileSync(join(dir, 'forms/pass.json'), JSON.stringify(baseEvaluation()));
  writeFileSync(join(dir, 'forms/sub/over.json'), JSON.stringify(patchEvaluation(baseEvaluation(), { staffing: { authorized: 10, actual: 12 } })));
  writeFileSync(join(dir, 'forms/sub/broken.json'), '{"fiscalYear": 2020,');
  writeFileSync(join(dir, 'forms/README.md'), 'not a form');
  symlinkSync(join(dir, 'forms/sub'), join(dir, 'forms/link-to-sub'));
  return dir;
}

function memoryIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  // ignoreBOM: a report's own byte order mark (CSV) is kept, as a file would keep it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return {
    stdout: (c) => out.push(typeof c === 'string' ? c : decoder.decode(c)),
    stderr: (c) => err.push(c),
    cwd,
    env: {},
    stdoutIsTTY: false,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('collecting inputs', () => {
  it('walks folders in path order and lists every file it will not check, with the reason', () => {
    const dir = makeFolder();
    const { skipped, files: found } = collectInputs(['forms'], dir, 'en');
    const files = found.map((f) => f.source);
    expect(files).toEqual([...files].sort());
    expect(found.every((f) => f.path.startsWith(dir))).toBe(true);
    expect(files).toContain('forms/pass.json');
    expect(files).toContain('forms/sub/broken.json'); // the importer says why it is unreadable
    expect(skipped).toEqual([
      { source: 'forms/README.md', reason: expect.stringMatching(/unsupported file type/) as unknown },
      { source: 'forms/link-to-sub', reason: 'symbolic link to a folder: not followed' },
    ]);
  });

  it('checks a file reached twice once, whatever the order of the arguments', () => {
    const dir = makeFolder();
    const a = collectInputs(['forms', 'forms/pass.json', './forms/sub/over.json'], dir, 'en');
    const b = collectInputs(['./forms/sub/over.json', 'forms/pass.json', 'forms'], dir, 'en');
    expect(b).toEqual(a);
    expect(a.files.filter((f) => f.source.endsWith('pass.json'))).toHaveLength(1);
  });

  it('matches globs below their fixed prefix and says when nothing matches', () => {
    const dir = makeFolder();
    expect(collectInputs(['forms/**/*.json'], dir, 'en').files.map((f) => f.source)).toContain('forms/sub/over.json');
    expect(collectInputs(['forms/*.json'], dir, 'en').files.map((f) => f.source)).not.toContain('forms/sub/over.json');
    expect(collectInputs(['forms/*.docx'], dir, 'en').skipped).toEqual([{ source: 'forms/*.docx', reason: 'no file matches' }]);
    expect(globMatcher('a/**/b?.json')('a/x/y/b1.json')).toBe(true);
    expect(globMatcher('a/**/b?.json')('a/b1.json')).toBe(true);
    expect(globMatcher('*.json')('x/y.json')).toBe(false);
    expect(globMatcher('[!a-c]*.json')('d1.json')).toBe(true);
    expect(globMatcher('[!a-c]*.json')('b1.json')).toBe(false);
    expect(globMatcher('2020-?/[st]*.docx')('2020-1/s.docx')).toBe(true);
    expect(globMatcher('**/*.txt')('a/b/c.txt')).toBe(true);
  });

  it('matches hostile patterns without backtracking (ten `**/` as a regular expression took 21 s; `*a` × 30 against 250 a never ends)', () => {
    const dir = tempDir('jixiao-glob-');
    let deep = join(dir, 'tree');
    for (let i = 0; i < 12; i++) deep = join(deep, `d${String(i)}`);
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'form.json'), '{}');
    const { files, skipped } = collectInputs([`tree/${'**/'.repeat(10)}nothing.json`, `tree/**/${'*a'.repeat(12)}*b.json`], dir, 'en');
    expect(files).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(['no file matches', 'no file matches']);
    expect(globMatcher(`${'*a'.repeat(30)}*b`)('a'.repeat(250))).toBe(false);
    expect(globMatcher(`${'**/'.repeat(40)}x`)(`${'d/'.repeat(200)}y`)).toBe(false);
  });

  it('agrees with a regular-expression reading of the glob on small inputs (property)', () => {
    // The oracle: each glob piece as a regular expression (exponential on hostile patterns, fine on these).
    const oracle = (glob: string) => {
      let re = '';
      const segments = glob.split('/');
      segments.forEach((seg, i) => {
        const last = i === segments.length - 1;
        if (seg === '**') re += last ? '[^/]+(?:/[^/]+)*' : '(?:[^/]+/)*';
        else re += seg.replace(/\*+/g, '*').split('').map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c)).join('') + (last ? '' : '/');
      });
      return new RegExp(`^${re}$`);
    };
    const segment = fc.oneof(fc.constant('**'), fc.stringMatching(/^[ab*?]{1,4}$/));
    const name = fc.stringMatching(/^[ab]{1,4}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(name, { minLength: 1, maxLength: 4 }), (segs, parts) => {
        const glob = segs.join('/');
        const path = parts.join('/');
        expect(globMatcher(glob)(path), `${glob} ~ ${path}`).toBe(oracle(glob).test(path));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('jixiao check on a folder (in process)', () => {
  it('gives byte-identical reports and summaries whatever the argument order, and one bad file does not stop it', async () => {
    const dir = makeFolder();
    const run = async (args: string[]) => {
      const io = memoryIo(dir);
      const code = await execute(['check', ...args, '--format', 'json', '--locale', 'en'], io);
      return { code, out: io.out(), err: io.err() };
    };
    const a = await run(['forms']);
    const b = await run(['forms/sub', 'forms/pass.json', 'forms']);
    expect(b).toEqual(a);
    expect(a.code).toBe(3); // something could not be read
    const doc = ResultDocumentSchema.parse(JSON.parse(a.out));
    expect(doc.results.map((r) => r.source)).toEqual([...doc.results.map((r) => r.source)].sort());
    expect(doc.results).toHaveLength(8);
    expect(a.err).toMatch(/Summary: 8 form\(s\) checked, 3 not read/);
    expect(a.err).toMatch(/forms\/sub\/broken\.json\n {4}line \d+, column \d+: not valid JSON/);
    expect(a.err).toMatch(/\n {2}forms\/pass\.json {2}\S+ 2020 {2}self-rating \S+(?: \(\w+\))? {2}errors 0 {2}warnings 0 {2}indeterminate \d+\n/);
  });

  it('streams each report with exactly the bytes the one-shot formatter gives for the same results', async () => {
    const dir = makeFolder();
    // With a waiver file (even an empty one) the CLI collects every result and calls the one-shot formatter.
    writeFileSync(join(dir, 'no-waivers.json'), '{"waivers": []}');
    const run = async (args: string[]) => {
      const io = memoryIo(dir);
      await execute(['check', ...args], io);
      return io.out();
    };
    for (const format of [['json'], ['json', '--pretty'], ['json', '--explain'], ['sarif'], ['text'], ['csv'], ['markdown'], ['junit'], ['html']]) {
      const streamed = await run(['forms', '--format', ...format]);
      expect(streamed, format.join(' ')).toBe(await run(['forms', '--format', ...format, '--waivers', 'no-waivers.json']));
      expect(await run(['forms/nothing-*.json', '--format', ...format]), format.join(' ')).toBe(await run(['forms/nothing-*.json', '--format', ...format, '--waivers', 'no-waivers.json']));
      if (format[0] === 'json') {
        // Parsed without the schema: a zod parse would rebuild objects in schema key order.
        const doc = JSON.parse(streamed) as ResultDocument;
        expect(ResultDocumentSchema.safeParse(doc).success).toBe(true);
        expect(doc.results.length).toBeGreaterThan(1);
        expect(doc.unread.map((u) => u.source)).toEqual(['forms/README.md', 'forms/link-to-sub', 'forms/sub/broken.json']);
        expect(streamed.trimEnd().includes('\n')).toBe(format.includes('--pretty'));
        expect(doc.results.some((r) => r.findings.some((f) => f.explanation !== undefined))).toBe(format.includes('--explain'));
      }
    }
  });

  it('writes the Excel workbook row by row with the same sheets and cells as the one-shot formatter', async () => {
    const dir = makeFolder();
    writeFileSync(join(dir, 'no-waivers.json'), '{"waivers": []}');
    const sheets = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, file));
      return wb.worksheets.map((s) => ({ name: s.name, rows: s.getSheetValues().map((row) => (Array.isArray(row) ? row.map((c) => (c === null || typeof c !== 'object' ? c : JSON.stringify(c))) : row)) }));
    };
    await execute(['check', 'forms', '--format', 'xlsx', '-o', 'streamed.xlsx'], memoryIo(dir));
    await execute(['check', 'forms', '--format', 'xlsx', '-o', 'whole.xlsx', '--waivers', 'no-waivers.json'], memoryIo(dir));
    const streamed = await sheets('streamed.xlsx');
    // The last sheet: the cross-form pass of a batch (history and batch rules).
    expect(streamed.map((s) => s.name)).toEqual(['汇总', '检查结果', '指标', '需复核', '未能检查的文件', '跨表核对']);
    expect(streamed).toEqual(await sheets('whole.xlsx'));
    expect(JSON.stringify(streamed.find((s) => s.name === '未能检查的文件')?.rows)).toContain('forms/sub/broken.json');
  });

  it('rejects a nonsensical --jobs', async () => {
    const io = memoryIo(makeFolder());
    expect(await execute(['check', 'forms', '--jobs', '0'], io)).toBe(2);
    expect(io.err()).toMatch(/--jobs/);
  });
});

describe('the default pool policy', () => {
  const files = (n: number, ext: string) => Array.from({ length: n }, (_, i) => ({ path: `/in/form-${String(i)}.${ext}`, source: `form-${String(i)}.${ext}` }));
  it('starts child processes only for batches large enough to repay them, by kind of file (mixed batches add up)', () => {
    expect(worthAPool(files(399, 'docx'))).toBe(false);
    expect(worthAPool(files(400, 'docx'))).toBe(true);
    expect(worthAPool(files(6_666, 'txt'))).toBe(false);
    expect(worthAPool(files(6_667, 'TXT'))).toBe(true);
    expect(worthAPool(files(7_999, 'json'))).toBe(false);
    expect(worthAPool(files(8_000, 'yaml'))).toBe(true);
    expect(worthAPool([...files(200, 'docx'), ...files(3_334, 'txt')])).toBe(true);
    expect(worthAPool([...files(200, 'docx'), ...files(3_332, 'txt')])).toBe(false);
  });

  it('starts them only while the machine has room: a load average below its cores', () => {
    expect(roomForChildren(0, 2)).toBe(true);
    expect(roomForChildren(1.9, 2)).toBe(true);
    expect(roomForChildren(2, 2)).toBe(false);
    expect(roomForChildren(7.5, 2)).toBe(false);
    expect(roomForChildren(7.5, 8)).toBe(true);
  });
});

// The bundle (with its child entry) is built once for the whole run by test/setup/build-cli.ts.
describe('jixiao check with child processes (built CLI)', () => {
  it('stops its children and exits 2 with one message when the packs cannot be loaded (children start first)', () => {
    const dir = makeFolder();
    const r = spawnSync(process.execPath, [BIN, 'check', 'forms', '--jobs', '2', '--pack', './no-such-pack'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, timeout: 30_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-pack/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  // Thirteen runs of the built CLI, most with child processes: ~70 s when the 2 cores are shared (load 9).
  it('prints the same bytes with 1, 2 or 4 processes over good, broken and hostile files, with no progress bar outside a terminal', { timeout: 240_000 }, () => {
    const dir = hostileFolder();
    const run = (jobs: string, format: string[]) => {
      const r = spawnSync(process.execPath, [BIN, 'check', 'forms', '--jobs', jobs, '--format', ...format], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '' }, maxBuffer: 1 << 28 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    for (const format of [['json', '--pretty'], ['sarif'], ['text'], ['html']]) {
      const one = run('1', format);
      expect(one.code).toBe(3);
      expect(one.stderr).not.toMatch(/\r|ETA/);
      expect(run('2', format)).toEqual(one);
      expect(run('4', format)).toEqual(one);
    }
    // Every file is accounted for: the forms in the report, the others listed with their reason.
    const doc = JSON.parse(run('2', ['json']).stdout) as ResultDocument;
    expect([...doc.results.map((r) => r.source), ...doc.unread.map((u) => u.source)].sort()).toEqual(HOSTILE_FILES.map((f) => `forms/${f}`).sort());
    expect(doc.unread.map((u) => u.source)).toEqual(expect.arrayContaining(['forms/h-bomb.docx', 'forms/h-orphan.docx', 'forms/h-lines.txt', 'forms/h-broken.json']));
  });

  it('loses no other form when a child is killed mid-batch: the file it was checking is unreadable, with the reason', { timeout: 60_000 }, () => {
    const dir = tempDir('jixiao-batch-kill-');
    mkdirSync(join(dir, 'forms'));
    // Sixteen files or fewer make chunks of one: this process takes the first file, the child the next ones.
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, 'forms', `form-${String(i).padStart(2, '0')}${i === 1 ? '-crash' : ''}.json`), JSON.stringify(patchEvaluation(baseEvaluation(), { staffing: { authorized: 10, actual: 8 + i } })));
    const hook = join(dir, 'die-on-crash.cjs');
    // Loaded by every process of the run (NODE_OPTIONS); acts only in a forked child (one with an IPC channel), which
    // is killed as it reads the marked file (in the middle of checking it).
    writeFileSync(hook, `if (typeof process.send === 'function') {\n  const fs = require('node:fs');\n  const read = fs.readFileSync;\n  fs.readFileSync = function (path, ...rest) {\n    if (String(path).includes('-crash')) process.kill(process.pid, 'SIGKILL');\n    return read.call(this, path, ...rest);\n  };\n  require('node:module').syncBuiltinESMExports();\n}\n`);
    const run = (jobs: string) => {
      const r = spawnSync(process.execPath, [BIN, 'check', 'forms', '--jobs', jobs, '--format', 'json', '--locale', 'en'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1', NODE_OPTIONS: `--require=${hook}` } });
      return { code: r.status, doc: JSON.parse(r.stdout) as ResultDocument, stderr: r.stderr };
    };
    const one = run('1');
    const two = run('2');
    expect(one.code).toBe(1);
    expect(two.code).toBe(3);
    expect(two.doc.results).toEqual(one.doc.results.filter((r) => !r.source.includes('-crash')));
    expect(two.doc.unread).toEqual([{ source: 'forms/form-01-crash.json', reason: 'the child process checking this file ended unexpectedly (signal SIGKILL)' }]);
    expect(two.stderr).toMatch(/11 form\(s\) checked, 1 not read/);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)('leaves no child process behind when it is stopped with %s', { timeout: 90_000 }, async (signal) => {
    const dir = tempDir('jixiao-batch-signal-');
    mkdirSync(join(dir, 'forms'));
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, 'forms', `form-${String(i).padStart(2, '0')}.json`), JSON.stringify(baseEvaluation()));
    // The report goes to a pipe nobody reads: once it is full the CLI waits, its children alive, until the signal.
    // Its temporary folders (the forms' contents) go to a folder of the test's own, looked at after the signal.
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const cli = spawn(process.execPath, [BIN, 'check', 'forms', '--jobs', '3', '--format', 'json', '--pretty'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1', TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, how) => { resolve(how); }));
    const pid = String(cli.pid);
    const children = await until(() => {
      const found = childrenOf(pid);
      return found.length === 2 ? found : undefined;
    });
    expect(await until(() => (readdirSync(tmp).some((f) => f.startsWith('jixiao-cross-')) ? true : undefined))).toBe(true);
    cli.kill(signal);
    // Ended by the signal as before (SIGTERM and SIGINT are caught to remove the temporary folders, then raised again).
    expect(await exited).toBe(signal);
    cli.stdout.destroy();
    if (signal !== 'SIGKILL') expect(readdirSync(tmp)).toEqual([]);
    expect(await until(() => (children.every((c) => !existsSync(`/proc/${c}`) || readFileSync(`/proc/${c}/stat`, 'utf8').includes(') Z ')) ? true : undefined))).toBe(true);
  });
});

/** Child process ids of a process (Linux's /proc, as on this project's machines and CI). */
function childrenOf(pid: string): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/).filter((c) => c !== ''));
  } catch {
    return [];
  }
}

/** Poll `probe` every 50 ms until it gives a value; fail after 60 s (a generous bound: the machine may be loaded). */
async function until<T>(probe: () => T | undefined): Promise<T> {
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 50))) {
    const value = probe();
    if (value !== undefined) return value;
  }
  throw new Error('timed out waiting');
}

/** Files of {@link hostileFolder}, by name. */
const HOSTILE_FILES = [...Array.from({ length: 6 }, (_, i) => `random-${String(i)}.json`), 'pass.json', 'over.json', 'seed.txt', 'seed.docx', 'seed-b.docx', 'h-broken.json', 'h-bomb.docx', 'h-orphan.docx', 'h-lines.txt', 'h-not-a-zip.docx'];

/**
 * Forms in every kind the batch reads, good and bad: random and fixed canonical forms, the seed as Word text and as
 * .docx, and hostile files each refused with its reason — broken JSON, a .docx whose document part inflates past
 * the reader's cap, one whose document exists only as an orphan local header, a text of too many lines, a .docx
 * that is not a zip.
 */
function hostileFolder(): string {
  const dir = tempDir('jixiao-batch-hostile-');
  mkdirSync(join(dir, 'forms'));
  const put = (name: string, data: string | Uint8Array) => { writeFileSync(join(dir, 'forms', name), data); };
  fc.sample(evaluationArb(), { numRuns: 6, seed: 11 }).forEach((f, i) => { put(`random-${String(i)}.json`, JSON.stringify(f)); });
  put('pass.json', JSON.stringify(baseEvaluation()));
  put('over.json', JSON.stringify(patchEvaluation(baseEvaluation(), { staffing: { authorized: 10, actual: 12 } })));
  put('seed.txt', readFileSync(join(ROOT, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt')));
  put('seed.docx', readFileSync(join(ROOT, 'examples/beita-justice-2020/form.docx')));
  put('seed-b.docx', craftZip(seedEntries().map((e) => (e.name === 'word/document.xml' ? { ...e, data: seedDocumentWith('264.47', '364.47') } : e))));
  put('h-broken.json', '{"fiscalYear": 2020,');
  put('h-bomb.docx', craftZip(seedEntries().map((e) => (e.name === 'word/document.xml' ? { ...e, data: new TextEncoder().encode(`<w:document>${' '.repeat(5 * 1024 * 1024)}</w:document>`) } : e))));
  put('h-orphan.docx', craftZip([...seedEntries().filter((e) => e.name !== 'word/document.xml'), { name: 'word/document.xml', data: seedDocumentWith('264.47', '1.00'), orphan: true }]));
  put('h-lines.txt', `单位名称\n${'a\n'.repeat(20_001)}`);
  put('h-not-a-zip.docx', 'PK\u0003\u0004 not a zip');
  return dir;
}
