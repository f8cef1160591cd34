import { existsSync } from 'node:fs';
import type { Piscina } from 'piscina';
import { fileURLToPath } from 'node:url';
import type { Checker, CheckWaivers, Locale, Template } from '@jixiao/core';
import { conversionSlots } from '@jixiao/import/node';
import type { PackSelection } from '../packs.js';
import type { InputFile } from './collect.js';
import { checkFile, type FileOutcome, type ResultShape } from './check-file.js';
import { unpackReply, type BatchTask, type WorkerReply } from './reply.js';

export interface BatchOptions {
  readonly locale: Locale;
  readonly selection: PackSelection;
  /** The checker compiled in this thread. */
  readonly checker: Checker;
  /** The form templates loaded in this thread (undefined: the shipped ones); workers load theirs from `selection`. */
  readonly templates?: readonly Template[] | undefined;
  readonly shape: ResultShape;
  /** Waivers (`--waivers`) and the day of the check, applied as each form is checked (here and in the workers). */
  readonly waivers?: CheckWaivers | undefined;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once per file, strictly in the order of `files` (out-of-order finishes wait their turn). */
  readonly onOutcome: (outcome: FileOutcome, index: number) => void;
}

/** Worker threads started for a batch (see {@link startWorkers}). */
export interface Workers {
  readonly pool: Piscina<BatchTask, WorkerReply>;
  readonly threads: number;
  /** Files per task. */
  readonly size: number;
  /**
   * Settles (with undefined) when the pool can no longer be trusted to run tasks: it reported an error outside any
   * task (a worker that died while starting, e.g. out of memory compiling a huge pack), or it has no worker left.
   */
  readonly broken: Promise<undefined>;
}

/** What the worker entry receives when it starts: the packs to compile before its first task. */
export interface WorkerStart {
  readonly selection: PackSelection;
  /** The limit on LibreOffice processes, shared by every thread of the batch (a SharedArrayBuffer). */
  readonly conversionSlots?: SharedArrayBuffer;
}

/**
 * A worker's old generation is capped: it holds one chunk of forms at a time, and a small heap makes V8 collect
 * early instead of letting each thread's garbage grow (10,000 forms must fit in 512 MB for the whole process).
 * The young generation keeps V8's default: capping it too (16 MB was tried) promotes each chunk's short-lived
 * results and made a worker ~25 % slower.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 128 };

/**
 * Unless `--jobs` is given, worker threads start only for batches with at least this much work for one thread,
 * estimated from the files' kinds ({@link estimatedMs}). Below it, on 2 cores, a second thread costs more than it
 * gains: its start-up (~0.2 s of loading the bundle and compiling the packs), the transfer of its results, and two
 * allocation-heavy threads plus their garbage collectors sharing the cores (each thread then runs ~1.3× slower).
 * Measured crossovers (bench/RESULTS.md): Word text ~7,000 files, canonical JSON 5,000–10,000, .docx ~400.
 */
export const POOL_WORK_MS = 2000;

/**
 * Estimated milliseconds one thread spends on a file of this kind, read, checked and written as JSON (CPU profiles of
 * the CLI on the bench's forms: .docx ~3 ms, weighted up because it gains most from a second thread; Word text
 * ~0.3 ms; canonical JSON or YAML ~0.25 ms).
 */
export function estimatedMs(path: string): number {
  // A file LibreOffice converts first (a process start, ~2 s, waited for, not computed: threads let several run).
  if (/\.(?:doc|wps|odt|rtf|xls|et|ods)$/i.test(path)) return 2000;
  if (/\.docx$/i.test(path)) return 5;
  if (/\.pdf$/i.test(path)) return 100;
  if (/\.txt$/i.test(path)) return 0.3;
  return 0.25;
}

/** Whether, by default, a batch is worth worker threads. */
export function worthAPool(files: readonly InputFile[]): boolean {
  let work = 0;
  for (const f of files) if ((work += estimatedMs(f.path)) >= POOL_WORK_MS) return true;
  return false;
}

/**
 * A bundled worker entry (`dist/batch-worker.js`, `dist/serve-reader.js`: tsup entries next to the CLI bundle).
 * Running from TypeScript sources (tests) there is none, and the work is done in this thread: the outcome is the
 * same either way.
 */
export function workerFile(entry: 'batch-worker' | 'serve-reader'): string | undefined {
  const file = fileURLToPath(new URL(`./${entry}.js`, import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(file) ? file : undefined;
}

/** Let queued events (worker results, task dispatch) run between two files checked in this thread. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Start the worker threads a batch will use, if any: `jobs` = n > 1 means n threads that check, this one and
 * n − 1 workers (piscina). Unless `jobs` was asked for, only batches {@link worthAPool} get workers. Called before
 * this thread compiles its own checker, so the workers load the bundle and compile the packs (on the other cores)
 * while this thread does the same. Undefined when the batch runs in this thread only. (`worker`: the worker entry,
 * the bundled one by default.)
 */
export async function startWorkers(files: readonly InputFile[], jobs: number, jobsExplicit: boolean, selection: PackSelection, worker: string | undefined = workerFile('batch-worker')): Promise<Workers | undefined> {
  if (worker === undefined || jobs < 2 || files.length < 2 || !(jobsExplicit || worthAPool(files))) return undefined;
  // Chunks: several per thread keep every thread busy to the end; small enough for a lively progress bar.
  const size = Math.max(1, Math.min(32, Math.ceil(files.length / (jobs * 8))));
  const threads = Math.min(jobs - 1, Math.ceil(files.length / size));
  const { Piscina } = await import('piscina');
  const workerData: WorkerStart = { selection, conversionSlots: conversionSlots().buffer };
  const pool = new Piscina<BatchTask, WorkerReply>({ filename: worker, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: WORKER_LIMITS, workerData });
  // Without a listener, an 'error' event (a worker that died outside a task) would end the process with no report.
  const broken = new Promise<undefined>((resolve) => {
    pool.on('error', () => {
      resolve(undefined);
    });
    // A worker that exits while starting is not replaced (piscina gives up on a pool whose workers fail to start):
    // with no worker left, queued tasks would wait forever.
    pool.on('workerDestroy', () => {
      setImmediate(() => {
        if (pool.threads.length === 0) resolve(undefined);
      });
    });
  });
  return { pool, threads, size, broken };
}

/**
 * Check files (already sorted) and hand each outcome to `onOutcome` in file order, whatever the number of threads
 * or the order in which they finish. With workers (see {@link startWorkers}), every thread — this one and each
 * worker — takes chunks of files from one queue. This thread already holds the compiled checker and writes the
 * report; on 2 cores, one worker plus this thread beats two workers (a third V8 isolate — its heap, the bundle,
 * the packs — for no extra core). Workers send results back as bytes, transferred, not copied. Only the chunks in
 * flight are kept here, so memory stays bounded whatever the number of files. A worker that dies (out of memory, a
 * crash) or a pool that cannot start costs no form: those chunks are checked again in this thread, so the outcomes
 * are the ones `--jobs 1` gives. The caller stops the workers.
 */
export async function checkFiles(files: readonly InputFile[], options: BatchOptions, workers?: Workers): Promise<void> {
  const { locale, shape } = options;
  let done = 0;
  if (workers === undefined) {
    for (const [i, file] of files.entries()) {
      options.onOutcome(await checkFile(file, locale, options.checker, shape, options.templates, options.waivers), i);
      options.onProgress?.(++done, files.length);
    }
    return;
  }
  const { pool, threads, size } = workers;
  /** Outcomes that wait for earlier files, each with what to call once it has been handed on. */
  const waiting = new Map<number, readonly [FileOutcome, (() => void) | undefined]>();
  let next = 0;
  /** Lanes waiting for the report to move on (see `take`). */
  const stalled: (() => void)[] = [];
  const deliver = (index: number, outcome: FileOutcome, handedOn?: () => void) => {
    waiting.set(index, [outcome, handedOn]);
    const before = next;
    for (let w = waiting.get(next); w !== undefined; w = waiting.get(next)) {
      waiting.delete(next);
      options.onOutcome(w[0], next);
      w[1]?.();
      next++;
    }
    if (next !== before) for (const wake of stalled.splice(0)) wake();
  };
  // Reply buffers whose items have all been handed on go back to the workers with their next tasks: a new
  // megabyte-sized buffer per chunk, outside the JavaScript heap, would make V8 run full collections here.
  const spares: ArrayBuffer[] = [];
  const finished = (count: number) => {
    done += count;
    options.onProgress?.(done, files.length);
  };
  // Outcomes wait here until every earlier file is done: a thread stuck on one huge file must not let the others
  // run ahead without bound (their results would pile up), so no lane starts a chunk this far ahead of the report.
  const maxAhead = size * (threads * 2 + 1) * 4;
  let cursor = 0;
  const take = async (): Promise<{ start: number; chunk: readonly InputFile[] } | undefined> => {
    while (cursor < files.length && cursor - next >= maxAhead) await new Promise<void>((resolve) => stalled.push(resolve));
    if (cursor >= files.length) return undefined;
    const start = cursor;
    cursor += size;
    return { start, chunk: files.slice(start, start + size) };
  };
  /** Check a chunk in this thread (the outcomes are the ones `--jobs 1` gives). */
  const checkHere = async (start: number, chunk: readonly InputFile[]) => {
    for (const [j, file] of chunk.entries()) {
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
  let poolBroken = false;
  // Tasks in flight, each waiting for its reply or for the pool to break. (One reaction on `broken`, not one per
  // task: a task's Promise.race on the never-settling `broken` left a reaction behind that held the task's reply,
  // every result of a batch, until the end — 1.7 GB of results at 20,000 forms for the xlsx report.)
  const onBreak = new Set<() => void>();
  void workers.broken.then(() => {
    poolBroken = true;
    for (const stop of onBreak) stop();
  });
  /** A chunk's reply from a worker; undefined when the worker died with it or the pool broke. */
  const inWorker = async (chunk: readonly InputFile[]): Promise<WorkerReply | undefined> => {
    if (poolBroken) return undefined;
    const spare = spares.pop();
    const task: BatchTask = { files: chunk, locale, selection: options.selection, shape, ...(options.waivers === undefined ? {} : { waivers: options.waivers }), ...(spare === undefined ? {} : { spare }) };
    const run = pool.run(task, spare === undefined ? {} : { transferList: [spare] });
    const stop: { call?: () => void } = {};
    const broke = new Promise<undefined>((resolve) => {
      stop.call = () => {
        resolve(undefined);
      };
      onBreak.add(stop.call);
    });
    try {
      return await Promise.race([run, broke]);
    } catch {
      return undefined;
    } finally {
      if (stop.call !== undefined) onBreak.delete(stop.call);
      // A task left behind by a broken pool is rejected when the pool is destroyed: nobody waits for it.
      run.catch(() => undefined);
    }
  };
  const away = async () => {
    for (let t = await take(); t !== undefined; t = await take()) {
      const { start, chunk } = t;
      const reply = await inWorker(chunk);
      if (reply === undefined) {
        // The worker died with this chunk (out of memory, a crash) or the pool could not start: its files are
        // checked again here, so one bad file costs no other form and the report is the one `--jobs 1` gives.
        await checkHere(start, chunk);
      } else {
        const items = unpackReply(reply);
        let left = items.length;
        const handedOn = () => {
          if (--left === 0 && reply.bytes.byteLength > 0) spares.push(reply.bytes.buffer as ArrayBuffer);
        };
        for (const [j, r] of items.entries()) deliver(start + j, r, handedOn);
      }
      finished(chunk.length);
    }
  };
  // Two tasks in flight per worker, so a worker never waits for this thread to hand it the next chunk.
  await Promise.all([here(), ...Array.from({ length: threads * 2 }, away)]);
}
