/**
 * Child-process entry of the batch pool (bundled by tsup as `dist/batch-child.js`, started with
 * `child_process.fork` by {@link startChildren}). A child compiles the selected packs once, says it is ready, then
 * checks the files of each task it is sent, in order, and sends each file's outcome back as soon as it has it (its
 * report chunks as UTF-8 bytes). Before it begins a file it writes one byte to {@link PROGRESS_FD}, and another once it
 * has checked it, so that the parent knows which file a child was on if it dies — or that it was on none, having
 * checked its last file — even when outcomes it had sent were still waiting to be written. A
 * child ends when its parent lets go of it or is gone (the IPC channel closes), so none outlives the batch.
 */
import { writeSync } from 'node:fs';
import type { Checker, Template } from '@jixiao/core';
import { ConversionSlots, useConversionSlots } from '@jixiao/import/node';
import { loadChecker } from '../packs.js';
import { checkFile, type FileOutcome } from './check-file.js';
import { PROGRESS_FD, type ChildReply, type ChildRequest } from './children.js';

const utf8 = new TextEncoder();
let loaded: { checker: Checker; templates: readonly Template[] | undefined } | undefined;
let batch: Extract<ChildRequest, { type: 'batch' }> | undefined;
const tasks: (readonly Extract<ChildRequest, { type: 'task' }>['files'][number][])[] = [];
let running = false;

/**
 * Send a reply; resolves once it is written to the channel. (The parent may be gone: the child then ends on
 * 'disconnect'.)
 */
function send(reply: ChildReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || process.send === undefined) resolve();
    else process.send(reply, undefined, undefined, () => { resolve(); });
  });
}

const ONE = new Uint8Array(1);

/**
 * Say that the next file is begun, or that it is checked: one byte on {@link PROGRESS_FD}, written at once (a
 * synchronous write to a pipe, never queued in this process), so that it has reached the parent even if this child
 * dies on the file, or right after it with the file's outcome still unwritten.
 */
function mark(): void {
  writeSync(PROGRESS_FD, ONE);
}

/** Let queued events run: the outcomes sent so far are written to the channel, the parent's requests read. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

const bytes = (text: string | Uint8Array) => (typeof text === 'string' ? utf8.encode(text) : text);

/**
 * The outcome as sent: report chunks and the spooled form as UTF-8 bytes (the parent writes them as they are; a
 * string holding Chinese would cross as UTF-16, the form's ~10 KB as ~16 KB), everything else as it is.
 */
function wire(outcome: FileOutcome): FileOutcome {
  if (!outcome.ok) return outcome;
  const { chunks, crossForm } = outcome;
  return { ...outcome, ...(chunks === undefined ? {} : { chunks: chunks.map(bytes) }), ...(crossForm === undefined ? {} : { crossForm: { ...crossForm, form: bytes(crossForm.form) } }) };
}

/**
 * LibreOffice slots held through the parent, which keeps the limit on converters at once for every process of the
 * batch (one per core in all): `acquire` asks it for one and waits for it, `release` gives it back.
 */
class ParentSlots extends ConversionSlots {
  private readonly waiting: (() => void)[] = [];
  constructor() {
    super(new SharedArrayBuffer(8));
  }

  override acquire(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      void send({ type: 'slot' });
    });
  }

  override release(): void {
    void send({ type: 'unslot' });
  }

  /** The parent granted the slot asked for first. */
  granted(): void {
    this.waiting.shift()?.();
  }
}
const slots = new ParentSlots();
useConversionSlots(slots);

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let files = tasks.shift(); files !== undefined; files = tasks.shift()) {
      if (loaded === undefined || batch === undefined) throw new Error('task before start and batch');
      for (const file of files) {
        mark();
        const outcome = await checkFile(file, batch.locale, loaded.checker, batch.shape, loaded.templates, batch.waivers);
        mark();
        // Not waited for: the next file is begun while the parent, busy with a form of its own, has not yet read
        // the channel (waiting for the write cost a child 7–10 % of its time, bench/RESULTS.md "Fifteenth shift").
        // What this child holds unwritten is bounded by the chunks it was given.
        void send({ type: 'outcome', outcome: wire(outcome) });
        await yieldToEvents();
      }
    }
  } finally {
    running = false;
  }
}

process.on('message', (message: ChildRequest) => {
  switch (message.type) {
    case 'start': {
      try {
        loaded = loadChecker(message.selection);
        void send({ type: 'ready' });
      } catch (error) {
        void send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
      break;
    }
    case 'batch':
      batch = message;
      break;
    case 'task':
      tasks.push(message.files);
      void drain();
      break;
    case 'slot':
      slots.granted();
      break;
  }
});
// The parent let go of this child, or ended (stopped, killed): nothing is left to do.
process.on('disconnect', () => {
  process.exit(0);
});
