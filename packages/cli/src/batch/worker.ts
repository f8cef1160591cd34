/**
 * Worker-thread entry of the batch pool (bundled by tsup as `dist/batch-worker.js`, run by piscina). Each
 * worker compiles the selected packs once and then checks the files it is handed, in order.
 */
import type { Checker, Locale } from '@jixiao/core';
import { loadChecker, type PackSelection } from '../packs.js';
import type { InputFile } from './collect.js';
import { checkFile, type FileOutcome, type ResultShape } from './check-file.js';

/** One unit of work: a few files and how to check them. */
export interface BatchTask {
  readonly files: readonly InputFile[];
  readonly locale: Locale;
  readonly selection: PackSelection;
  readonly shape: ResultShape;
}

let cached: { key: string; checker: Checker } | undefined;

/** Check a task's files; outcomes come back in the order of `task.files`. */
export default async function checkTask(task: BatchTask): Promise<FileOutcome[]> {
  const key = JSON.stringify(task.selection);
  if (cached?.key !== key) cached = { key, checker: loadChecker(task.selection).checker };
  const { checker } = cached;
  const out: FileOutcome[] = [];
  for (const file of task.files) out.push(await checkFile(file, task.locale, checker, task.shape));
  return out;
}
