// A child process's death never takes other forms with it (issue 11.3 with issue 18.4's process pool): a child that
// dies while checking a file (killed, out of memory) costs that file alone — reported unreadable with the reason —
// and the files it held but had not begun are checked in this process, with the outcomes one process gives. A child
// that cannot compile the packs is a configuration error before any outcome. Every child ends with the pool. Real
// child processes (child_process.fork) of the bundled child entry (built by test/setup/build-cli.ts), wrapped so
// that they die on cue.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { CliError } from '../io.js';
import { loadChecker } from '../packs.js';
import { collectInputs } from './collect.js';
import type { FileOutcome } from './check-file.js';
import { checkFiles, startPool } from './run.js';
import { CrossFormSpool } from './cross-form.js';
import { tempDir } from '../../../../test/setup/temp.js';

const DIST_CHILD = fileURLToPath(new URL('../../dist/batch-child.js', import.meta.url));
const dir = tempDir('jixiao-child-death-');
/** Where the children of the cues kill-after-last and kill-at-stop write a line as they die. */
const DEATHS = join(dir, 'deaths.log');
mkdirSync(join(dir, 'forms'));
// 40 forms: with --jobs 2 a chunk holds 3 files; this process takes files 0–2 first, the child's two lanes 3–5
// and 6–8 (see checkFiles). The child dies on form-04-crash, the middle of its first chunk.
for (let i = 0; i < 40; i++) {
  const form = i % 3 === 0 ? patchEvaluation(baseEvaluation(), { staffing: { authorized: 10, actual: 10 + i } }) : baseEvaluation();
  writeFileSync(join(dir, 'forms', `form-${String(i).padStart(2, '0')}${i === 4 ? '-crash' : ''}.json`), JSON.stringify(form));
}
writeFileSync(join(dir, 'forms', 'zz-broken.json'), '{"fiscalYear": 2020,');

type Cue = 'kill' | 'out-of-memory' | 'exit-on-start' | 'fail-on-start' | 'slow-start' | 'unwritten' | 'kill-unwritten' | 'kill-after-last' | 'kill-at-stop';

/**
 * The bundled child entry, made to die on cue: as it starts, or as it reads a file named *-crash* (kill,
 * out-of-memory: in the middle of checking it); or (slow-start) to say it is ready only 3 s after it is (a child
 * loading the bundle and compiling the packs on a busy machine); or (unwritten) never told that an outcome it sent
 * was written (a parent that has not read the channel yet); or (kill-unwritten) with every outcome it sends lost, as
 * if still unwritten when it is killed reading *-crash* (told they were written, so that a child that waits for the
 * write goes on too); or (kill-after-last) killed right after its last file — it has checked every file it was sent,
 * and no other comes within 300 ms — with that file's outcome still unwritten; or (kill-at-stop) killed as the batch
 * lets it go, every outcome read (after its last form, before the cross-form pass).
 */
function wrapper(cue: Cue): string {
  const file = join(dir, `${cue}.mjs`);
  const entry = JSON.stringify(pathToFileURL(DIST_CHILD).href);
  const die = cue === 'out-of-memory' ? `const held = []; for (;;) held.push(new Array(1e6).fill(Math.random()));` : `process.kill(process.pid, 'SIGKILL');`;
  // The child reads each form with fs.readFileSync: it dies as it reads the marked one (the import's own use of the
  // bundle's binding is updated by syncBuiltinESMExports).
  const onCrashRead = `import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\nconst read = fs.readFileSync;\nfs.readFileSync = function (path, ...rest) {\n  if (String(path).includes('-crash')) { ${die} }\n  return read.call(this, path, ...rest);\n};\nsyncBuiltinESMExports();\n`;
  // Each death of the two cues after a file, written down before it (so that a test sees that the child did die).
  const logDeath = `import { appendFileSync } from 'node:fs';\nconst died = () => appendFileSync(${JSON.stringify(DEATHS)}, '${cue}\\n');\n`;
  const source = {
    'exit-on-start': `process.exit(70);\n`,
    'fail-on-start': `process.on('message', (m) => { if (m.type === 'start') process.send({ type: 'failed', message: 'pack ./p: rules.json line 3: unknown operator' }); });\n`,
    'slow-start': `const send = process.send.bind(process);\nprocess.send = (m, ...rest) => (m.type === 'ready' ? (setTimeout(() => send(m, ...rest), 3000), true) : send(m, ...rest));\nawait import(${entry});\n`,
    unwritten: `const send = process.send.bind(process);\nprocess.send = (m, handle, options, written) => send(m, handle, options, m.type === 'outcome' ? undefined : written);\nawait import(${entry});\n`,
    'kill-unwritten': `${onCrashRead}const send = process.send.bind(process);\nprocess.send = (m, handle, options, written) => {\n  if (m.type !== 'outcome') return send(m, handle, options, written);\n  written?.();\n  return true;\n};\nawait import(${entry});\n`,
    // (Its own listener is added after the entry's: one added before the entry is loaded takes the first messages.)
    'kill-after-last': `${logDeath}let sent = 0;\nlet answered = 0;\nlet timer;\nlet last;\nconst send = process.send.bind(process);\nprocess.send = (m, handle, options, written) => {\n  if (m.type !== 'outcome' || ++answered < sent) return send(m, handle, options, written);\n  last = () => send(m, handle, options, written);\n  timer = setTimeout(() => { died(); process.kill(process.pid, 'SIGKILL'); }, 300);\n  return true;\n};\nawait import(${entry});\nprocess.on('message', (m) => {\n  if (m.type !== 'task') return;\n  sent += m.files.length;\n  clearTimeout(timer);\n  if (last !== undefined) { last(); last = undefined; }\n});\n`,
    'kill-at-stop': `${logDeath}process.on('disconnect', () => { died(); process.kill(process.pid, 'SIGKILL'); });\nawait import(${entry});\n`,
    kill: `${onCrashRead}await import(${entry});\n`,
    'out-of-memory': `${onCrashRead}await import(${entry});\n`,
  }[cue];
  writeFileSync(file, source);
  return file;
}

const selection = { packs: ['integrity', 'staffing'], cwd: dir };
const { files } = collectInputs(['forms'], dir, 'en');
const { checker } = loadChecker(selection);
const shape = { render: { format: 'json' as const, options: { locale: 'en' as const, toolVersion: 'test', color: false, pretty: false, explain: false } } };

/** Processes of this test whose command names a child entry (/proc: Linux). */
function runningChildren(): string[] {
  if (!existsSync('/proc/self/task')) return [];
  const pids = readdirSync('/proc/self/task').flatMap((t) => readFileSync(`/proc/self/task/${t}/children`, 'utf8').split(/\s+/).filter((p) => p !== ''));
  return pids.filter((pid) => {
    try {
      return /batch-child|\.mjs/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false; // ended meanwhile
    }
  });
}

/** Outcomes in file order, each form's report chunks as text (a child sends bytes, this process text). */
async function outcomes(entry?: string): Promise<unknown[]> {
  const children = entry === undefined ? undefined : startPool(files, 2, true, selection, 'en', entry);
  if (entry !== undefined) expect(children).toBeDefined();
  const out: FileOutcome[] = [];
  try {
    await checkFiles(files, { locale: 'en', selection, checker, shape, onOutcome: (o) => out.push(o) }, children);
  } finally {
    await children?.stop();
  }
  expect(runningChildren()).toEqual([]);
  const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder().decode(c));
  return out.map((o) => (o.ok && o.chunks !== undefined ? { ...o, chunks: o.chunks.map(text) } : o));
}

describe('a child process that dies', () => {
  it('checks with the bundled entry exactly as this process does', async () => {
    const alone = await outcomes();
    expect(alone).toHaveLength(41);
    expect(alone.filter((o) => (o as FileOutcome).ok)).toHaveLength(40);
    // Each form's part of the JSON report is compared, not only its row.
    for (const o of alone as FileOutcome[]) if (o.ok) expect(o.chunks?.join('')).toContain(o.source);
    expect(await outcomes(DIST_CHILD)).toEqual(alone);
  });

  it.each([
    ['killed', 'kill', /^the child process checking this file ended unexpectedly \(signal SIGKILL\)$/],
    ['out of its heap', 'out-of-memory', /^the child process checking this file ended unexpectedly \(out of memory \(limit \d+ MB\)\)$/],
  ] as const)('%s costs only the file it was checking: the others it held are checked here, as one process checks them', async (_how, cue, reason) => {
    const alone = await outcomes();
    const withDeath = await outcomes(wrapper(cue));
    expect(withDeath).toHaveLength(alone.length);
    withDeath.forEach((o, i) => {
      const source = (alone[i] as FileOutcome).source;
      if (source.includes('-crash')) expect(o).toEqual({ ok: false, source, reason: expect.stringMatching(reason) as unknown });
      else expect(o, source).toEqual(alone[i]);
    });
  }, 60_000);

  it('begins its next file without waiting for its last answer to be written (the parent reads the channel only between its own forms)', async () => {
    const alone = await outcomes();
    // Told of no write, a child that waited for one would never begin its second file, and the batch would hang.
    expect(await outcomes(wrapper('unwritten'))).toEqual(alone);
  }, 30_000);

  it('killed with answers sent but still unwritten costs only the file it was checking: the files it had answered for are checked again here', async () => {
    const alone = await outcomes();
    const withDeath = await outcomes(wrapper('kill-unwritten'));
    expect(withDeath).toHaveLength(alone.length);
    withDeath.forEach((o, i) => {
      const source = (alone[i] as FileOutcome).source;
      if (source.includes('-crash')) expect(o).toEqual({ ok: false, source, reason: 'the child process checking this file ended unexpectedly (signal SIGKILL)' });
      else expect(o, source).toEqual(alone[i]);
    });
  }, 60_000);

  it('is waited for only by the outcomes: this process checks its first files while the children start, and hands every outcome on in order once they are ready', async () => {
    const alone = await outcomes();
    const children = startPool(files, 2, true, selection, 'en', wrapper('slow-start'));
    const seen: string[] = [];
    const out: FileOutcome[] = [];
    try {
      await checkFiles(files, { locale: 'en', selection, checker, shape, onProgress: (done) => seen.push(`checked ${String(done)}`), onOutcome: (o) => { seen.push('outcome'); out.push(o); } }, children);
    } finally {
      await children?.stop();
    }
    // Files checked here before the first outcome is handed on (waiting for the children, this process checked none).
    expect(seen[0]).toMatch(/^checked [1-9]/);
    const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder().decode(c));
    expect(out.map((o) => (o.ok && o.chunks !== undefined ? { ...o, chunks: o.chunks.map(text) } : o))).toEqual(alone);
    expect(runningChildren()).toEqual([]);
  }, 60_000);

  it('while compiling the packs is a configuration error (exit 2) before any outcome, with the reason', async () => {
    for (const [cue, message] of [
      ['exit-on-start', /^a child process of the batch ended while loading the packs \(exit code 70\); try --jobs 1$/],
      ['fail-on-start', /^pack \.\/p: rules\.json line 3: unknown operator$/],
    ] as const) {
      const children = startPool(files, 3, true, selection, 'en', wrapper(cue));
      const out: FileOutcome[] = [];
      try {
        const error = await checkFiles(files, { locale: 'en', selection, checker, shape, onOutcome: (o) => out.push(o) }, children).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CliError);
        expect((error as CliError).exitCode).toBe(2);
        expect((error as CliError).message).toMatch(message);
      } finally {
        await children?.stop();
      }
      expect(out).toEqual([]);
      expect(runningChildren()).toEqual([]);
    }
  }, 60_000);
});

// The cross-form pass (history and batch rules) runs in this process once every form is checked: `jixiao check`
// stops the children before it, so none can die during it. What a child's death can cost the pass is its forms:
// a death right after its last form, with that form's outcome still unwritten, or as the batch lets it go, must
// leave the pass every form, rechecked here where their outcomes were lost; the section is then byte for byte the
// one `--jobs 1` gives.
describe('a child process that dies after its last form, before the cross-form pass (issue 16)', () => {
  mkdirSync(join(dir, 'cross'));
  // 18 units over two years (each 2021 form has its 2020 one), two of them with one narrative, one unit-year twice,
  // the staff figures spread (peer outliers); c05-crash is unit 5's 2020 form.
  const copied = '全年共办理法律援助案件312件，为困难群众挽回经济损失约460万元；开展普法宣传活动48场，覆盖群众2.3万人次；人民调解组织调处矛盾纠纷1025件。';
  for (let i = 0; i < 36; i++) {
    const unit = i % 18;
    const form = patchEvaluation(baseEvaluation(), {
      unit: { name: `单位${String(unit)}` },
      fiscalYear: 2020 + Math.floor(i / 18),
      staffing: { authorized: 20, actual: 12 + ((i * 7) % 11) },
      achievements: unit === 3 || unit === 7 ? copied : `单位${String(unit)}全年办理案件${String(100 + i)}件，开展宣传活动${String(i)}场，第${String(i)}项工作按期完成。`,
    });
    writeFileSync(join(dir, 'cross', `c${String(i).padStart(2, '0')}${i === 5 ? '-crash' : ''}.json`), JSON.stringify(form));
  }
  writeFileSync(join(dir, 'cross', 'twice.json'), JSON.stringify(patchEvaluation(baseEvaluation(), { unit: { name: '单位1' }, fiscalYear: 2021 })));
  const crossSelection = { packs: ['integrity', 'staffing', 'history', 'batch'], cwd: dir };
  const crossFiles = collectInputs(['cross'], dir, 'en').files;
  const crossChecker = loadChecker(crossSelection).checker;
  const crossShape = { ...shape, crossForm: true };

  /** The batch's outcomes (report chunks and spooled forms as text) and its cross-form section as JSON. */
  async function crossRun(entry?: string, only = crossFiles): Promise<{ outcomes: unknown[]; section: string }> {
    const children = entry === undefined ? undefined : startPool(only, 2, true, crossSelection, 'en', entry);
    if (entry !== undefined) expect(children).toBeDefined();
    const spool = new CrossFormSpool(crossChecker);
    const out: FileOutcome[] = [];
    try {
      try {
        await checkFiles(only, { locale: 'en', selection: crossSelection, checker: crossChecker, shape: crossShape, onOutcome: (o) => {
          if (o.ok && o.crossForm !== undefined) spool.add(o.crossForm.record, o.crossForm.form);
          out.push(o);
        } }, children);
      } finally {
        await children?.stop();
      }
      // As `jixiao check` does: every child has ended before the pass.
      expect(runningChildren()).toEqual([]);
      const section = JSON.stringify(spool.finish('en').report);
      const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder().decode(c));
      const outcomes = out.map((o) => (o.ok ? { ...o, chunks: o.chunks?.map(text), crossForm: o.crossForm && { ...o.crossForm, form: text(o.crossForm.form) } } : o));
      return { outcomes, section };
    } finally {
      spool.close();
    }
  }

  const deaths = (cue: Cue) => (existsSync(DEATHS) ? readFileSync(DEATHS, 'utf8').split('\n').filter((l) => l === cue).length : 0);

  it('the batch has the cross-form findings a reviewer expects: joins, a copied narrative, a duplicate, peers', async () => {
    const alone = await crossRun();
    const section = JSON.parse(alone.section) as { history: unknown[]; findings: { ruleId: string; outcome: string }[] };
    expect(alone.outcomes).toHaveLength(37);
    // Each of the 18 units' 2021 forms joined to its 2020 one, and the second 2021 form of unit 1 too.
    expect(section.history).toHaveLength(19);
    for (const rule of ['batch/copied-narrative', 'batch/duplicate-submission', 'history/staffing-change']) expect(section.findings.some((f) => f.ruleId === rule && f.outcome === 'fail'), rule).toBe(true);
  }, 60_000);

  it.each([
    ['killed right after its last file, its outcome unwritten', 'kill-after-last'],
    ['killed as the batch lets it go', 'kill-at-stop'],
  ] as const)('%s: every file accounted for, its forms checked again here, the cross-form section byte for byte that of one process', async (_how, cue) => {
    const alone = await crossRun();
    const before = deaths(cue);
    const withDeath = await crossRun(wrapper(cue));
    expect(deaths(cue)).toBeGreaterThan(before);
    expect(withDeath.outcomes).toEqual(alone.outcomes);
    expect(withDeath.section).toBe(alone.section);
  }, 60_000);

  it('killed while checking a file: that file alone is lost, listed with the reason; the section is the one of the batch without it', async () => {
    const withDeath = await crossRun(wrapper('kill'));
    const without = await crossRun(undefined, crossFiles.filter((f) => !f.source.includes('-crash')));
    const crash = withDeath.outcomes.find((o) => (o as FileOutcome).source.includes('-crash'));
    expect(crash).toEqual({ ok: false, source: 'cross/c05-crash.json', reason: 'the child process checking this file ended unexpectedly (signal SIGKILL)' });
    expect(withDeath.outcomes.filter((o) => o !== crash)).toEqual(without.outcomes);
    expect(withDeath.section).toBe(without.section);
    // Unit 5's 2021 form lost its previous year with it.
    expect((JSON.parse(without.section) as { history: unknown[] }).history).toHaveLength(18);
  }, 60_000);
});
