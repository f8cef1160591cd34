// A run stopped while LibreOffice converts (issue 14 item 4, issue 11): LibreOffice runs in a process group of its
// own (so that its time limit can kill soffice's wrapper, oosplash and soffice.bin together), which a signal to the
// run never reaches. Before the conversion's watchdog, `kill` or Ctrl-C ended the run and left LibreOffice running
// (a hung one for ever) and its folder, holding the form, in the temp directory; SIGKILL too. Here a stand-in soffice
// that hangs in a grandchild (as soffice.bin hangs under oosplash) is stopped with each signal, with --jobs 1 (the
// conversion in the run itself) and --jobs 2 (in the batch's child processes); then a next run in the same temp
// directory, beside what a SIGKILL leaves, is not disturbed by it. LibreOffice's own temporary files (lu*.tmp, left in
// the temp directory whenever a conversion was stopped at its time limit) go into the conversion's folder.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folders, ROOT, SEED } from './cli-run.js';
import { craftCompoundFile } from './docx-craft.js';

const { tmp } = folders('jixiao-hostile-signals-');
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');

/** A folder with two .doc files (each converted), a good form, and a stand-in soffice that hangs in a grandchild, noting its id. */
function setup(): { dir: string; temp: string; soffice: string; sleepers: () => string[] } {
  const dir = tmp();
  const forms = join(dir, 'forms');
  const temp = join(dir, 'tmp');
  mkdirSync(forms);
  mkdirSync(temp);
  for (const name of ['a.doc', 'b.doc']) writeFileSync(join(forms, name), craftCompoundFile(['WordDocument']));
  copyFileSync(SEED, join(forms, 'good.json'));
  const marks = join(dir, 'sleepers');
  const soffice = join(dir, 'soffice');
  writeFileSync(soffice, `#!/bin/sh\nsleep 300 &\necho $! >> '${marks}'\nwait\n`);
  chmodSync(soffice, 0o755);
  const sleepers = () => (existsSync(marks) ? readFileSync(marks, 'utf8').split('\n').filter((l) => l !== '') : []);
  return { dir, temp, soffice, sleepers };
}

/** Stop what a failed test left running (on the code before the watchdog: the stand-in's `sleep 300`). */
function stop(pids: readonly string[]): void {
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const conversions = (temp: string) => readdirSync(temp).filter((n) => n.startsWith('jixiao-soffice-'));
/** Whether a process has ended (gone, or a zombie nobody has reaped yet). */
const ended = (pid: string) => !existsSync(`/proc/${pid}`) || readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

describe('a run stopped while LibreOffice converts', () => {
  it.each([
    ['SIGTERM', '1'],
    ['SIGINT', '2'],
    ['SIGKILL', '1'],
    ['SIGKILL', '2'],
  ] as const)('with %s (--jobs %s) leaves no LibreOffice process and no conversion folder behind', { timeout: 150_000 }, async (signal, jobs) => {
    const { dir, temp, soffice, sleepers } = setup();
    const cli = spawn(process.execPath, [BIN, 'check', 'forms', '--jobs', jobs, '--soffice', soffice, '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', TMPDIR: temp }, stdio: ['ignore', 'ignore', 'ignore'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, how) => { resolve(how); }));
    try {
      await until(() => (sleepers().length > 0 && conversions(temp).length > 0 ? true : undefined));
      cli.kill(signal);
      expect(await exited).toBe(signal);
      // The watchdogs act once the run is gone (a conversion started as the run ended is noted too: re-read each time).
      expect(await until(() => (sleepers().every(ended) ? true : undefined))).toBe(true);
      expect(await until(() => (conversions(temp).length === 0 ? true : undefined))).toBe(true);
    } finally {
      stop(sleepers());
    }
  });

  it('LibreOffice’s own temporary files go into the conversion’s folder (it left a lu*.tmp folder in the temp directory at each time limit)', { timeout: 150_000 }, () => {
    const { dir, temp } = setup();
    const seen = join(dir, 'tmpdir-seen');
    const soffice = join(dir, 'soffice-tmpdir');
    writeFileSync(soffice, `#!/bin/sh\necho "$TMPDIR" >> '${seen}'\nexit 1\n`);
    chmodSync(soffice, 0o755);
    const r = spawnSync(process.execPath, [BIN, 'check', 'forms/a.doc', '--soffice', soffice, '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp }, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(3);
    const [given] = readFileSync(seen, 'utf8').trim().split('\n');
    expect([dirname(given ?? ''), basename(given ?? '')]).toEqual([temp, expect.stringMatching(/^jixiao-soffice-\w+$/)]);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a next run in the same temp directory is not disturbed by what a SIGKILL left there', { timeout: 150_000 }, async () => {
    const { dir, temp, soffice, sleepers } = setup();
    const cli = spawn(process.execPath, [BIN, 'check', 'forms', '--jobs', '2', '--soffice', soffice, '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', TMPDIR: temp }, stdio: ['ignore', 'ignore', 'ignore'] });
    const exited = new Promise((resolve) => cli.on('exit', resolve));
    await until(() => (sleepers().length > 0 ? true : undefined));
    cli.kill('SIGKILL');
    await exited;
    await until(() => (sleepers().every(ended) && conversions(temp).length === 0 ? true : undefined));
    // What a SIGKILL can leave (the run's own folders: it runs no code), and worse: look-alike folders holding junk.
    for (const name of ['jixiao-cross-AAAAAA', 'jixiao-soffice-BBBBBB', 'jixiao-report-CCCCCC']) {
      mkdirSync(join(temp, name, 'out'), { recursive: true });
      writeFileSync(join(temp, name, 'input.doc'), 'junk');
      writeFileSync(join(temp, name, 'out', 'input.docx'), 'junk');
    }
    const left = readdirSync(temp).sort();
    // A stand-in soffice that fails at once: the next run is not held up by it.
    const failing = join(dir, 'soffice-fails');
    writeFileSync(failing, '#!/bin/sh\nexit 1\n');
    chmodSync(failing, 0o755);
    const clean = join(dir, 'clean-tmp');
    mkdirSync(clean);
    const run = (tmpdir: string) => spawnSync(process.execPath, [BIN, 'check', 'forms', '--jobs', '2', '--soffice', failing, '--format', 'json', '--locale', 'en'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: tmpdir }, timeout: 120_000 });
    const after = run(temp);
    const reference = run(clean);
    expect(after.status, after.stderr).toBe(3);
    expect(after.stdout).toBe(reference.stdout);
    expect(after.stderr).toBe(reference.stderr);
    // Nothing of the killed run's is read or removed by the next; the next leaves nothing of its own.
    expect(readdirSync(temp).sort()).toEqual(left);
    expect(readdirSync(clean)).toEqual([]);
  });
});

/** Poll `probe` every 50 ms until it gives a value; fail after 60 s (a generous bound: the machine may be loaded). */
async function until<T>(probe: () => T | undefined): Promise<T> {
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 50))) {
    const value = probe();
    if (value !== undefined) return value;
  }
  throw new Error('timed out waiting');
}

describe('jixiao serve', () => {
  it('a request stopped at its read timeout leaves no LibreOffice process and no conversion folder (its worker thread is stopped; before, LibreOffice and the folder stayed)', { timeout: 150_000 }, async () => {
    const { dir, temp, soffice, sleepers } = setup();
    // The built CLI: its server reads uploads in worker threads, stopped at the read timeout. The timeout leaves the
    // thread time to start and spawn the stand-in on a loaded machine (at 2 s a slow start could time the request out
    // before any LibreOffice had started, and `sleepers()` would be empty): 15 s; the stand-in sleeps 300 s.
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--soffice', soffice, '--read-timeout', '15'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', TMPDIR: temp }, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      // It says where it listens on standard error.
      let said = '';
      server.stderr.on('data', (chunk: Buffer) => {
        said += chunk.toString('utf8');
      });
      const url = await until(() => /listening on (http:\/\/[\d.:]+)/.exec(said)?.[1]);
      const res = await fetch(`${url}/v1/check?format=json&filename=a.doc`, { method: 'POST', body: readFileSync(join(dir, 'forms/a.doc')) });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('read-timeout');
      expect(sleepers().length).toBeGreaterThan(0);
      expect(await until(() => (sleepers().every(ended) ? true : undefined))).toBe(true);
      expect(await until(() => (conversions(temp).length === 0 ? true : undefined))).toBe(true);
    } finally {
      server.kill('SIGKILL');
      stop(sleepers());
    }
  });
});
