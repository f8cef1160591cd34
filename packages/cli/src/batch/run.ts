import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Checker, CheckWaivers, Locale, Template } from '@jixiao/core';
import type { PackSelection } from '../packs.js';
import type { InputFile } from './collect.js';
import { checkFile, type FileOutcome, type ResultShape } from './check-file.js';
import { Children } from './children.js';

export interface BatchOptions {
  readonly locale: Locale;
  readonly selection: PackSelection;
  /** The checker compiled in this process. */
  readonly checker: Checker;
  /** The form templates loaded in this process (undefined: the shipped ones); children load theirs from `selection`. */
  readonly templates?: readonly Template[] | undefined;
  readonly shape: ResultShape;
  /** Waivers (`--waivers`) and the day of the check, applied as each form is checked (here and in the children). */
  readonly waivers?: CheckWaivers | undefined;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once per file, strictly in the order of `files` (out-of-order finishes wait their turn). */
  readonly onOutcome: (outcome: FileOutcome, index: number) => void;
}

/**
 * The heap of a worker thread of `jixiao serve` (its reading threads): its old generation is capped, as it holds one
 * upload at a time, and a small heap makes V8 collect early instead of letting each thread's garbage grow. The
 * young generation keeps V8's default: capping it too (16 MB was tried) promoted short-lived results and made a
 * worker ~25 % slower.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 128 };

/**
 * Unless `--jobs` is given, child processes start only for batches with at least this much work for one process,
 * estimated from the files' kinds ({@link estimatedMs}), and only on a machine with {@link roomForChildren}. Below
 * it, on 2 cores, a child costs more than it gains: its start-up (loading the bundle and compiling the packs, ~0.8 s
 * of CPU), the JIT's warm-up (~0.9 s of CPU over its first few hundred .docx), the hand-over of its results, and
 * two allocation-heavy processes sharing the cores. The crossovers were measured for worker threads on a free
 * machine: Word text ~7,000 files, canonical JSON 5,000–10,000, .docx ~400. Re-measured for child processes
 * (`npm run bench -- --crossover`, bench/RESULTS.md "Sixth shift"), no free machine could be had: at load 7.5–8
 * (the host's own two-process scaling 0.88× in the same run) no batch of 10–1,000 .docx or 200–7,000 Word text
 * gained from a child beyond the run's noise (.docx 0.49× at 10 and 50, 0.64× at 200, 0.57× at 400, 1.02× at 1,000;
 * Word text 0.52–1.11×, where the default, with no child, ran 0.58–1.24× of `--jobs 1`), which is what
 * {@link roomForChildren} now prevents; with a core free, children paid at 1,000 .docx what threads did (1.17×
 * against 1.10×, fifth shift, load 1.7–2.4), so the thresholds measured for threads are kept.
 */
export const POOL_WORK_MS = 2000;

/**
 * Estimated milliseconds one process spends on a file of this kind, read, checked and written as JSON (CPU profiles
 * of the CLI on the bench's forms: .docx ~3 ms, weighted up because it gains most from a second process; Word text
 * ~0.3 ms; canonical JSON or YAML ~0.25 ms).
 */
export function estimatedMs(path: string): number {
  // A file LibreOffice converts first (a process start, ~2 s, waited for, not computed: children let several run).
  if (/\.(?:doc|wps|odt|rtf|xls|et|ods)$/i.test(path)) return 2000;
  if (/\.docx$/i.test(path)) return 5;
  if (/\.pdf$/i.test(path)) return 100;
  if (/\.txt$/i.test(path)) return 0.3;
  return 0.25;
}

/** Whether, by default, a batch is worth child processes. */
export function worthAPool(files: readonly InputFile[]): boolean {
  let work = 0;
  for (const f of files) if ((work += estimatedMs(f.path)) >= POOL_WORK_MS) return true;
  return false;
}

/**
 * Whether the machine has room for another busy process: its 1-minute load average is below its number of cores
 * (as `make --load-average` asks before starting a job). On a busy machine a child does not get a core of its own
 * and only adds its start-up, warm-up and share of the cores: with the host's own two-process scaling at 0.88× (load
 * 7.5–8 on 2 cores), `--jobs 2` ran 0.49–0.64× as fast as `--jobs 1` on 10–400 .docx and 1.02× on 1,000, for
 * 1.2–2.0× the CPU; at load 1.7–2.4 it ran 1.17× on 1,000 (bench/RESULTS.md, "Sixth shift"). Windows reports a load
 * of 0: there the batch's size alone decides.
 */
export function roomForChildren(load: number = loadavg()[0] ?? 0, cores: number = availableParallelism()): boolean {
  return load < cores;
}

/**
 * A bundled entry (`dist/batch-child.js` for the batch's child processes, `dist/serve-reader.js` for serve's reading
 * threads: tsup entries next to the CLI bundle). Running from TypeScript sources (tests) there is none, and the
 * work is done in this process: the outcome is the same either way.
 */
export function workerFile(entry: 'batch-child' | 'serve-reader'): string | undefined {
  const file = fileURLToPath(new URL(`./${entry}.js`, import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(file) ? file : undefined;
}

/** Let queued events (the children's answers) run between two files checked in this process. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));


/**
 * Start the child processes a batch will use, if any: `jobs` = n > 1 means n processes that check, this one and
 * n − 1 children. Unless `jobs` was asked for, only batches {@link worthAPool} get children, and only when the
 * machine has {@link roomForChildren}. Called before this
 * process compiles its own checker, so the children load the bundle and compile the packs (on the other cores)
 * while this one does the same. Undefined when the batch runs in this process only. (`entry`: the child entry,
 * the bundled one by default.) The caller stops the children.
 */
export function startPool(files: readonly InputFile[], jobs: number, jobsExplicit: boolean, selection: PackSelection, locale: Locale, entry: string | undefined = workerFile('batch-child')): Children | undefined {
  if (entry === undefined || jobs < 2 || files.length < 2 || !(jobsExplicit || (worthAPool(files) && roomForChildren()))) return undefined;
  return new Children(Math.min(jobs - 1, files.length - 1), selection, entry, locale);
}

/**
 * Check files (already sorted) and hand each outcome to `onOutcome` in file order, whatever the number of
 * processes or the order in which they finish. With children (see {@link startPool}), every process — this one and
 * each child — takes chunks of files from one queue; each child answers file by file. This process already holds
 * the compiled checker and writes the report; on 2 cores, one child plus this process beats two children (a third
 * V8 heap for no extra core). Only the chunks in flight are kept here, so memory stays bounded whatever the number
 * of files. A child that dies (out of memory, a crash, killed) costs only the file it was checking, reported
 * unreadable with the reason; the other files it held are checked here, with the outcomes `--jobs 1` gives. A
 * child that cannot compile the packs is a configuration error (a CliError, thrown before any outcome).
 *
 * This process begins checking at once, while the children still load the bundle and compile the packs: waiting
 * for them left it idle for the children's start-up (0.5–0.9 s of 5,000 .docx at load 2–5, bench/RESULTS.md "Tenth
 * shift"). Its outcomes are handed to `onOutcome` only once every child is ready, so a child that cannot start
 * still stops the batch before any outcome.
 */
export async function checkFiles(files: readonly InputFile[], options: BatchOptions, children?: Children): Promise<void> {
  const { locale, shape } = options;
  let done = 0;
  if (children === undefined) {
    for (const [i, file] of files.entries()) {
      options.onOutcome(await checkFile(file, locale, options.checker, shape, options.templates, options.waivers), i);
      options.onProgress?.(++done, files.length);
    }
    return;
  }
  children.setBatch(shape, options.waivers);
  /** Whether every child compiled the packs (outcomes wait until then); the error if one could not. */
  let started = false;
  let failed: Error | undefined;
  // Chunks: several per process keep every process busy to the end; small enough for a lively progress bar.
  const processes = children.count + 1;
  const size = Math.max(1, Math.min(32, Math.ceil(files.length / (processes * 8))));
  /** Outcomes that wait for earlier files. */
  const waiting = new Map<number, FileOutcome>();
  let next = 0;
  /** Lanes waiting for the report to move on (see `take`). */
  const stalled: (() => void)[] = [];
  /** Hand on, in file order, every outcome whose earlier files are done (none before the children are ready). */
  const deliver = (index?: number, outcome?: FileOutcome) => {
    if (index !== undefined && outcome !== undefined) waiting.set(index, outcome);
    if (!started) return;
    const before = next;
    for (let w = waiting.get(next); w !== undefined; w = waiting.get(next)) {
      waiting.delete(next);
      options.onOutcome(w, next);
      next++;
    }
    if (next !== before) for (const wake of stalled.splice(0)) wake();
  };
  const ready = children.ready.then(
    () => {
      started = true;
      deliver();
    },
    (error: unknown) => {
      failed = error instanceof Error ? error : new Error(String(error));
      for (const wake of stalled.splice(0)) wake();
    },
  );
  const finished = (count: number) => {
    done += count;
    options.onProgress?.(done, files.length);
  };
  // Two chunks in flight per child, so a child never waits for this process to hand it the next one.
  const lanes = children.count * 2;
  // Outcomes wait here until every earlier file is done: a process stuck on one huge file must not let the others
  // run ahead without bound (their results would pile up), so no lane starts a chunk this far ahead of the report.
  const maxAhead = size * (lanes + 1) * 4;
  let cursor = 0;
  const take = async (): Promise<{ start: number; chunk: readonly InputFile[] } | undefined> => {
    while (failed === undefined && cursor < files.length && cursor - next >= maxAhead) await new Promise<void>((resolve) => stalled.push(resolve));
    if (failed !== undefined || cursor >= files.length) return undefined;
    const start = cursor;
    // Chunks shrink as the queue empties (a quarter of each process's share of what is left, at most `size`), so
    // that at the end no process sits idle while another still works through a whole chunk.
    cursor += Math.max(1, Math.min(size, Math.ceil((files.length - start) / (processes * 4))));
    return { start, chunk: files.slice(start, cursor) };
  };
  /** Check files in this process (the outcomes are the ones `--jobs 1` gives). */
  const checkHere = async (start: number, chunk: readonly InputFile[]) => {
    for (const [j, file] of chunk.entries()) {
      if (failed !== undefined) return;
      deliver(start + j, await checkFile(file, locale, options.checker, shape, options.templates, options.waivers));
      await yieldToEvents();
    }
  };
  const here = async () => {
    for (let t = await take(); t !== undefined; t = await take()) {
      await checkHere(t.start, t.chunk);
      finished(t.chunk.length);
    }
  };
  const away = async (slot: number) => {
    // A lane takes its first chunk at once, in turn with this process (the chunks' order is the same whenever the
    // children are ready), and hands it over once they are.
    for (let t = await take(); t !== undefined; t = await take()) {
      await ready;
      if (failed !== undefined) return;
      const { start, chunk } = t;
      const end = await children.run(slot, chunk, (j, outcome) => {
        deliver(start + j, outcome);
      });
      if (end === undefined) {
        // This lane's slot has no child left (it died too often): the chunk is checked here, and the lane ends.
        await checkHere(start, chunk);
        finished(chunk.length);
        return;
      }
      if (!end.ok) {
        // The child died. The file it was checking is the culprit, with the reason; the other files of the chunk
        // it had not answered for are checked here, so they get the outcomes `--jobs 1` gives.
        const { from, culprit } = end;
        const file = culprit === undefined ? undefined : chunk[culprit.index];
        if (culprit === undefined || file === undefined) await checkHere(start + from, chunk.slice(from));
        else {
          await checkHere(start + from, chunk.slice(from, culprit.index));
          deliver(start + culprit.index, { ok: false, source: file.source, reason: culprit.reason });
          await checkHere(start + culprit.index + 1, chunk.slice(culprit.index + 1));
        }
      }
      finished(chunk.length);
    }
  };
  await Promise.all([here(), ...Array.from({ length: lanes }, (_, i) => away(i % children.count))]);
  if (failed !== undefined) throw failed;
}
