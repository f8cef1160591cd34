/**
 * Worker-thread entry of the batch pool (bundled by tsup as `dist/batch-worker.js`, run by piscina). Each
 * worker compiles the selected packs once and then checks the files it is handed, in order.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { Checker, Template } from '@jixiao/core';
import { useConversionSlots } from '@jixiao/import/node';
import { loadChecker } from '../packs.js';
import { checkFile, type FileOutcome } from './check-file.js';
import { packReply, type BatchTask } from './reply.js';
import type { WorkerStart } from './run.js';

export type { BatchTask } from './reply.js';

let cached: { key: string; checker: Checker; templates: readonly Template[] | undefined } | undefined;

/** Compile the packs named at start-up now, while the main thread is busy with its own start. */
function preload(start: unknown): void {
  const { selection, conversionSlots } = (start as Partial<WorkerStart> | undefined) ?? {};
  // LibreOffice processes are limited across all threads of the batch: this worker shares its parent's slots.
  if (conversionSlots !== undefined) useConversionSlots(conversionSlots);
  if (selection === undefined) return;
  try {
    const { checker, templates } = loadChecker(selection);
    cached = { key: JSON.stringify(selection), checker, templates };
  } catch {
    // The first task loads them again and reports the error for its files.
  }
}
preload(workerData);

/** Check a task's files; outcomes come back in the order of `task.files`, their JSON bytes transferred. */
export default async function checkTask(task: BatchTask): Promise<unknown> {
  const key = JSON.stringify(task.selection);
  if (cached?.key !== key) {
    const { checker, templates } = loadChecker(task.selection);
    cached = { key, checker, templates };
  }
  const { checker, templates } = cached;
  const out: FileOutcome[] = [];
  for (const file of task.files) out.push(await checkFile(file, task.locale, checker, task.shape, templates, task.waivers));
  const reply = packReply(out, task.spare);
  return move({
    get [transferableSymbol]() {
      return [reply.bytes.buffer];
    },
    get [valueSymbol]() {
      return reply;
    },
  });
}
