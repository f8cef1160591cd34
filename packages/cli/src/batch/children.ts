import { fork, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { CheckWaivers, Locale } from '@jixiao/core';
import { conversionSlots } from '@jixiao/import/node';
import { CliError } from '../io.js';
import type { PackSelection } from '../packs.js';
import type { InputFile } from './collect.js';
import type { FileOutcome, ResultShape } from './check-file.js';

/** What the parent sends a child (see `child.ts`). */
export type ChildRequest =
  /** Compile these packs (before the first task). */
  | { readonly type: 'start'; readonly selection: PackSelection }
  /** How every form of the batch is checked and returned. */
  | { readonly type: 'batch'; readonly locale: Locale; readonly shape: ResultShape; readonly waivers?: CheckWaivers | undefined }
  /** Files to check, in this order. */
  | { readonly type: 'task'; readonly files: readonly InputFile[] }
  /** A LibreOffice slot the child asked for is its own (see `slot` below). */
  | { readonly type: 'slot' };

/**
 * What a child sends back: ready or not after `start`, then one outcome per file, in the order sent. Between them,
 * `slot` asks this process for one of the batch's LibreOffice slots (granted in turn) and `unslot` gives one back:
 * the limit on converters at once is kept here for every process of the batch.
 */
export type ChildReply =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'outcome'; readonly outcome: FileOutcome }
  | { readonly type: 'slot' }
  | { readonly type: 'unslot' };

/** How a chunk handed to a child ended. */
export type ChunkEnd =
  | { readonly ok: true }
  /**
   * The child died before its answers for the files from `from` on reached this process. `culprit`: the file it was
   * checking (its index in the chunk, `from` or later) and why it ended; the others were not begun, or were checked
   * but their answers never left the child.
   */
  | { readonly ok: false; readonly from: number; readonly culprit?: { readonly index: number; readonly reason: string } | undefined };

/**
 * The child's file descriptor for the byte it writes as it begins each file and the byte it writes once it has
 * checked it, before sending its outcome (see `child.ts`): a pipe of its own, not the IPC channel, so that the bytes
 * never wait behind the outcomes the child has sent and this process has not yet read. On a child's death, the bytes
 * counted say whether it was checking a file, and which: an odd count, the last file begun; an even count, none — it
 * died between two files (after its last one, say, with that file's outcome not yet written), and every file it had
 * not answered for is checked again here.
 */
export const PROGRESS_FD = 4;

/**
 * A child's old generation is capped: it holds a few chunks of forms at a time (a 2.5 MB .docx at most, bounded
 * by the readers), and a small heap makes V8 collect early instead of letting the child's garbage grow.
 */
export const CHILD_HEAP_MB = 256;

/** How often, in all, a child that died is replaced by a fresh one before its lanes are left to the others. */
const RESPAWNS_PER_CHILD = 3;

interface Held {
  readonly files: readonly InputFile[];
  received: number;
  readonly onOutcome: (index: number, outcome: FileOutcome) => void;
  readonly settle: (end: ChunkEnd) => void;
}

/** Keep the last few kilobytes a child wrote to standard error (the reason of a death: V8's out-of-memory line). */
function tail(text: string, add: string): string {
  const joined = text + add;
  return joined.length > 4096 ? joined.slice(-4096) : joined;
}

/** Why a child ended: out of memory (V8's last words on its standard error), a signal or an exit code. */
export function deathCause(code: number | null, signal: NodeJS.Signals | null, stderr: string, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (/heap out of memory|Reached heap limit/.test(stderr)) return zh ? `内存不足（上限 ${String(CHILD_HEAP_MB)} MB）` : `out of memory (limit ${String(CHILD_HEAP_MB)} MB)`;
  if (signal !== null) return zh ? `信号 ${signal}` : `signal ${signal}`;
  return zh ? `退出码 ${String(code)}` : `exit code ${String(code)}`;
}

/** One forked child: its chunks in flight, in the order it checks them. */
class Child {
  readonly proc: ChildProcess;
  readonly held: Held[] = [];
  /** Resolves when the child has compiled the packs; rejects (a CliError) when it could not, or ended first. */
  readonly ready: Promise<void>;
  private stderr = '';
  /** Called once the child has ended (see `ended`). */
  private readonly onEnd: (() => void)[] = [];
  /** LibreOffice slots this child holds (given back for it if it dies holding them). */
  private slots = 0;
  /** Bytes read from its {@link PROGRESS_FD} (two a file checked, one for a file begun and not finished), and files it has answered for. */
  private marks = 0;
  private answered = 0;
  alive = true;

  constructor(entry: string, start: Extract<ChildRequest, { type: 'start' }>, batch: Extract<ChildRequest, { type: 'batch' }> | undefined, locale: Locale) {
    // The parent's own V8 flags pass on (a profile, say), but not an inspector: its port is taken.
    const execArgv = [...process.execArgv.filter((a) => !a.startsWith('--inspect')), `--max-old-space-size=${String(CHILD_HEAP_MB)}`];
    this.proc = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc', 'pipe'] });
    const progress = this.proc.stdio[PROGRESS_FD] as Readable | null;
    progress?.on('data', (d: Buffer) => {
      this.marks += d.length;
    });
    this.proc.stderr?.setEncoding('utf8');
    this.proc.stderr?.on('data', (d: string) => {
      this.stderr = tail(this.stderr, d);
    });
    let readied: { resolve: () => void; reject: (e: Error) => void } | undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      readied = { resolve, reject };
    });
    // Whoever needs the child waits for `ready`; a child nobody waits for must not make an unhandled rejection.
    this.ready.catch(() => undefined);
    this.proc.on('message', (reply: ChildReply) => {
      if (reply.type === 'ready') readied?.resolve();
      else if (reply.type === 'failed') readied?.reject(new CliError(reply.message));
      else if (reply.type === 'slot') {
        void conversionSlots()
          .acquire()
          .then(() => {
            if (!this.alive) conversionSlots().release();
            else {
              this.slots++;
              this.send({ type: 'slot' });
            }
          });
      } else if (reply.type === 'unslot') {
        this.slots--;
        conversionSlots().release();
      } else {
        const chunk = this.held[0];
        if (chunk === undefined) return;
        this.answered++;
        chunk.onOutcome(chunk.received++, reply.outcome);
        if (chunk.received === chunk.files.length) {
          this.held.shift();
          chunk.settle({ ok: true });
        }
      }
    });
    // A child that cannot be started at all (no such entry) ends as one that died.
    this.proc.on('error', () => undefined);
    // The child has ended once it has exited, its channel is closed (every message it wrote has been read: the
    // channel's end comes after them) and its standard error and its pipe of progress marks are read. ('close' is not
    // emitted for a child whose channel this process closed.)
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let waiting = 2 + (this.proc.stderr === null ? 0 : 1) + (progress === null ? 0 : 1);
    const ended = () => {
      if (--waiting > 0) return;
      this.alive = false;
      const cause = deathCause(exit?.code ?? null, exit?.signal ?? null, this.stderr, locale);
      const zh = locale === 'zh-CN';
      readied?.reject(new CliError(zh ? `批量检查的子进程在加载规则包时结束（${cause}）；可改用 --jobs 1` : `a child process of the batch ended while loading the packs (${cause}); try --jobs 1`));
      const reason = zh ? `检查此文件的子进程意外结束（${cause}）` : `the child process checking this file ended unexpectedly (${cause})`;
      // The file it was checking, if it died in the middle of one: the last one it began. A child that died between
      // two files (one it had checked, its outcome not yet written) was checking none: no file is blamed, and every
      // one it had not answered for is checked again here. The held files are its files from `answered` on, in the
      // order sent and begun.
      const checking = this.marks % 2 === 1 ? Math.ceil(this.marks / 2) - 1 : -1;
      let file = this.answered;
      for (const chunk of this.held.splice(0)) {
        const index = checking < 0 ? -1 : checking - file + chunk.received;
        const culprit = index >= chunk.received && index < chunk.files.length ? { index, reason } : undefined;
        file += chunk.files.length - chunk.received;
        chunk.settle({ ok: false, from: chunk.received, ...(culprit === undefined ? {} : { culprit }) });
      }
      for (; this.slots > 0; this.slots--) conversionSlots().release();
      for (const done of this.onEnd.splice(0)) done();
    };
    this.proc.once('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      exit = { code, signal };
      ended();
    });
    this.proc.once('disconnect', ended);
    this.proc.stderr?.once('end', ended);
    progress?.once('end', ended);
    this.send(start);
    if (batch !== undefined) this.send(batch);
  }

  send(request: ChildRequest): void {
    if (this.alive && this.proc.connected) this.proc.send(request);
  }

  run(files: readonly InputFile[], onOutcome: Held['onOutcome']): Promise<ChunkEnd> {
    if (!this.alive) return Promise.resolve({ ok: false, from: 0 });
    return new Promise<ChunkEnd>((settle) => {
      this.held.push({ files, received: 0, onOutcome, settle });
      this.send({ type: 'task', files });
    });
  }

  /** Let the child go (it ends on 'disconnect'); kill it if it has not ended a few seconds later. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const closed = new Promise<void>((resolve) => this.onEnd.push(resolve));
    if (this.proc.connected) this.proc.disconnect();
    else this.proc.kill('SIGKILL');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await closed;
    clearTimeout(timer);
  }
}

/**
 * A pool of forked Node processes that check files for the batch: `count` children, each with its own V8 heap
 * (capped) and its own core. Each lane of {@link checkFiles} uses one slot's child (two lanes a child, so a child
 * never waits for its next chunk). A child that dies is replaced (up to {@link RESPAWNS_PER_CHILD} times a slot
 * on average) and never orphaned: the children end when the pool stops, or when this process ends (their IPC
 * channel closes, see `child.ts`).
 */
export class Children {
  /** Each slot's child, or the start of its replacement; undefined once the slot has none left. */
  private readonly slots: (Promise<Child | undefined> | undefined)[];
  /** Every child started, to stop those still running. */
  private readonly started: Child[] = [];
  private respawns: number;
  private batch: Extract<ChildRequest, { type: 'batch' }> | undefined;
  private readonly start: Extract<ChildRequest, { type: 'start' }>;
  /** Resolves when every child has compiled the packs; rejects (a CliError, exit 2) when one could not. */
  readonly ready: Promise<void>;

  constructor(
    readonly count: number,
    selection: PackSelection,
    private readonly entry: string,
    private readonly locale: Locale,
  ) {
    this.start = { type: 'start', selection };
    this.respawns = count * RESPAWNS_PER_CHILD;
    const first = Array.from({ length: count }, () => this.spawn());
    this.slots = first.map((c) => Promise.resolve(c));
    this.ready = Promise.all(first.map((c) => c.ready)).then(() => undefined);
    // Awaited by the batch before its first file; a failure before that is not an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private spawn(): Child {
    const child = new Child(this.entry, this.start, this.batch, this.locale);
    this.started.push(child);
    return child;
  }

  /** How each form of the batch is checked: sent to every child, and to any that replaces one. */
  setBatch(shape: ResultShape, waivers: CheckWaivers | undefined): void {
    this.batch = { type: 'batch', locale: this.locale, shape, ...(waivers === undefined ? {} : { waivers }) };
    for (const child of this.started) child.send(this.batch);
  }

  /** The live child of a slot: a fresh one if its child died and respawns are left; undefined when the slot is done. */
  private async child(slot: number): Promise<Child | undefined> {
    for (;;) {
      const pending = this.slots[slot];
      const current = await pending;
      if (current === undefined || current.alive) return current;
      // Another lane of this slot began the replacement while this one waited.
      if (this.slots[slot] !== pending) continue;
      if (this.respawns <= 0) {
        this.slots[slot] = undefined;
        return undefined;
      }
      this.respawns--;
      const fresh = this.spawn();
      const next = fresh.ready.then(
        () => fresh,
        () => undefined,
      );
      this.slots[slot] = next;
      return next;
    }
  }

  /**
   * Check a chunk in the child of `slot`, each outcome handed to `onOutcome` as it comes (with its index in the
   * chunk). Undefined when the slot has no child left (the caller checks the chunk elsewhere).
   */
  async run(slot: number, files: readonly InputFile[], onOutcome: (index: number, outcome: FileOutcome) => void): Promise<ChunkEnd | undefined> {
    const child = await this.child(slot);
    return child === undefined ? undefined : child.run(files, onOutcome);
  }

  /** Stop every child still running and wait for each to end. */
  async stop(): Promise<void> {
    await Promise.all(this.started.map((c) => c.stop()));
  }
}
