import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Checker, Locale } from '@jixiao/core';
import type { PackSelection } from '../packs.js';
import type { InputFile } from './collect.js';
import { checkFile, type FileOutcome, type ResultShape } from './check-file.js';
import type { BatchTask } from './worker.js';

export interface BatchOptions {
  readonly locale: Locale;
  /** Worker threads; 1 checks in this thread. */
  readonly jobs: number;
  /** Whether `jobs` was asked for: otherwise small batches stay in this thread (workers cost a start-up). */
  readonly jobsExplicit: boolean;
  readonly selection: PackSelection;
  /** The checker compiled in this thread (used when no worker runs). */
  readonly checker: Checker;
  readonly shape: ResultShape;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once per file, strictly in the order of `files` (out-of-order finishes wait their turn). */
  readonly onOutcome: (outcome: FileOutcome, index: number) => void;
}

/**
 * A worker's heap is kept small: it holds one chunk of forms at a time, and a small heap makes V8 collect early
 * instead of letting each thread's garbage grow (10,000 forms must fit in 512 MB for the whole process).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

/** Below this many files, and unless `--jobs` says otherwise, one thread is faster than starting a pool. */
export const POOL_THRESHOLD = 200;

/**
 * The bundled worker entry (`dist/batch-worker.js`, next to the CLI bundle). Running from TypeScript sources
 * (tests) there is none, and the batch runs in this thread: the outcome is the same either way.
 */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./batch-worker.js', import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(file) ? file : undefined;
}

/**
 * Check files (already sorted), spreading them over worker threads, and hand each outcome to `onOutcome` in
 * file order, whatever the number of workers or the order in which they finish. Nothing is kept here once
 * handed over, so memory stays bounded by what is in flight.
 */
export async function checkFiles(files: readonly InputFile[], options: BatchOptions): Promise<void> {
  const { locale, jobs, shape } = options;
  const worker = workerFile();
  const usePool = worker !== undefined && jobs > 1 && files.length > 1 && (options.jobsExplicit || files.length >= POOL_THRESHOLD);
  let done = 0;
  if (!usePool) {
    for (const [i, file] of files.entries()) {
      options.onOutcome(await checkFile(file, locale, options.checker, shape), i);
      options.onProgress?.(++done, files.length);
    }
    return;
  }
  const waiting = new Map<number, FileOutcome>();
  let next = 0;
  const deliver = (index: number, outcome: FileOutcome) => {
    waiting.set(index, outcome);
    for (let o = waiting.get(next); o !== undefined; o = waiting.get(next)) {
      waiting.delete(next);
      options.onOutcome(o, next);
      next++;
    }
  };
  const { Piscina } = await import('piscina');
  const pool = new Piscina<BatchTask, FileOutcome[]>({ filename: worker, minThreads: Math.min(jobs, files.length), maxThreads: jobs, idleTimeout: 1000, resourceLimits: WORKER_LIMITS });
  // Several chunks per worker keep them all busy to the end; chunks are small enough for a lively progress bar.
  const size = Math.max(1, Math.min(64, Math.ceil(files.length / (jobs * 8))));
  try {
    const tasks: Promise<void>[] = [];
    for (let start = 0; start < files.length; start += size) {
      const chunk = files.slice(start, start + size);
      tasks.push(
        pool.run({ files: chunk, locale, selection: options.selection, shape }).then(
          (results) => {
            for (const [j, r] of results.entries()) deliver(start + j, r);
            done += chunk.length;
            options.onProgress?.(done, files.length);
          },
          (error: unknown) => {
            // A worker that died (out of memory, a crash) loses only its chunk: each file says so.
            const detail = error instanceof Error ? error.message : String(error);
            for (const [j, file] of chunk.entries()) {
              deliver(start + j, { ok: false, source: file.source, reason: locale === 'zh-CN' ? `内部错误（工作线程）：${detail}` : `internal error (worker thread): ${detail}` });
            }
            done += chunk.length;
            options.onProgress?.(done, files.length);
          },
        ),
      );
    }
    await Promise.all(tasks);
  } finally {
    await pool.destroy();
  }
}
