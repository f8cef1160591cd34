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
import { tempDir } from '../../../../test/setup/temp.js';

const DIST_CHILD = fileURLToPath(new URL('../../dist/batch-child.js', import.meta.url));
const dir = tempDir('jixiao-child-death-');
mkdirSync(join(dir, 'forms'));
// 40 forms: with --jobs 2 a chunk holds 3 files; this process takes files 0–2 first, the child's two lanes 3–5
// and 6–8 (see checkFiles). The child dies on form-04-crash, the middle of its first chunk.
for (let i = 0; i < 40; i++) {
  const form = i % 3 === 0 ? patchEvaluation(baseEvaluation(), { staffing: { authorized: 10, actual: 10 + i } }) : baseEvaluation();
  writeFileSync(join(dir, 'forms', `form-${String(i).padStart(2, '0')}${i === 4 ? '-crash' : ''}.json`), JSON.stringify(form));
}
writeFileSync(join(dir, 'forms', 'zz-broken.json'), '{"fiscalYear": 2020,');

type Cue = 'kill' | 'out-of-memory' | 'exit-on-start' | 'fail-on-start' | 'slow-start' | 'unwritten' | 'kill-unwritten';

/**
 * The bundled child entry, made to die on cue: as it starts, or as it answers for a file named *-crash*; or (slow-start)
 * to say it is ready only 3 s after it is (a child loading the bundle and compiling the packs on a busy machine); or
 * (unwritten) never told that an outcome it sent was written (a parent that has not read the channel yet); or
 * (kill-unwritten) with every outcome it sends lost, as if still unwritten when it is killed on *-crash* (told they
 * were written, so that a child that waits for the write goes on too).
 */
function wrapper(cue: Cue): string {
  const file = join(dir, `${cue}.mjs`);
  const entry = JSON.stringify(pathToFileURL(DIST_CHILD).href);
  const die = cue === 'kill' ? `process.kill(process.pid, 'SIGKILL');` : `const held = []; for (;;) held.push(new Array(1e6).fill(Math.random()));`;
  const source = {
    'exit-on-start': `process.exit(70);\n`,
    'fail-on-start': `process.on('message', (m) => { if (m.type === 'start') process.send({ type: 'failed', message: 'pack ./p: rules.json line 3: unknown operator' }); });\n`,
    'slow-start': `const send = process.send.bind(process);\nprocess.send = (m, ...rest) => (m.type === 'ready' ? (setTimeout(() => send(m, ...rest), 3000), true) : send(m, ...rest));\nawait import(${entry});\n`,
    unwritten: `const send = process.send.bind(process);\nprocess.send = (m, handle, options, written) => send(m, handle, options, m.type === 'outcome' ? undefined : written);\nawait import(${entry});\n`,
    'kill-unwritten': `const send = process.send.bind(process);\nprocess.send = (m, handle, options, written) => {\n  if (m.type !== 'outcome') return send(m, handle, options, written);\n  if (m.outcome.source.includes('-crash')) process.kill(process.pid, 'SIGKILL');\n  written?.();\n  return true;\n};\nawait import(${entry});\n`,
    kill: '',
    'out-of-memory': '',
  }[cue];
  writeFileSync(
    file,
    source !== ''
      ? source
      : `const send = process.send.bind(process);\nprocess.send = (m, ...rest) => {\n  if (m.type === 'outcome' && m.outcome.source.includes('-crash')) { ${die} }\n  return send(m, ...rest);\n};\nawait import(${entry});\n`,
  );
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
