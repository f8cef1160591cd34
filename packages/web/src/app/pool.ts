/**
 * The check workers. Their code comes with the page as text (`worker.js` sets it) and starts from a blob URL:
 * a worker script fetched by URL is refused on a page opened from disk (file://), a blob is not, and the same
 * code then runs whether the page is served or opened from a folder. One worker per core, at most four.
 *
 * Every file dropped ends as one entry, whatever a worker does. A worker that dies (its `error` event: an error
 * thrown outside any handler) or falls silent while reading a file (no answer for {@link readLimitMs}) is stopped
 * and replaced: the file it said it was reading is listed as unreadable with the reason, and every other file it
 * held — those waiting their turn in it, and those it had checked (the form view, the exports and the cross-form
 * pass ask the worker that holds a form) — is checked again in a fresh worker.
 */
import { visibleText, type EvaluationResult, type FormBrief } from '@jixiao/core';
import type { BatchColumn, Cell } from '@jixiao/adapters';
import type { BlockView, CrossFormView, FormDetails, FormEntry, Setup, SetupIssue, SummaryColumn, WorkerRequest, WorkerResponse } from '../worker/protocol.js';
import type { PickedFile } from './files.js';
import { WORDS } from './i18n.js';
import { loadScript } from './script.js';

declare global {
  var JIXIAO_WORKER_SOURCE: string | undefined;
  var JIXIAO_XLSX_WORKER_SOURCE: string | undefined;
  var JIXIAO_PDF_WORKER_SOURCE: string | undefined;
  /** How long a worker may read one file before it is taken as hung (the browser tests shorten it); 60 s unless set. */
  var JIXIAO_READ_LIMIT_MS: number | undefined;
}

/** The workers started only when first needed: the script that holds each one's code, and what it sets. */
const READERS = {
  xlsx: { script: 'worker-xlsx.js', source: () => globalThis.JIXIAO_XLSX_WORKER_SOURCE },
  pdf: { script: 'worker-pdf.js', source: () => globalThis.JIXIAO_PDF_WORKER_SOURCE },
} as const;
type Reader = keyof typeof READERS;

function startWorker(source: string): Worker {
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { name: 'jixiao-check' });
}

/** The form as read for the form view, or why it cannot be shown. */
export interface DocumentAnswer {
  readonly blocks?: readonly BlockView[];
  /** The file was moved, renamed or changed since it was checked: the browser no longer reads it. */
  readonly moved?: boolean;
}

/** A totals row, by column. */
export type Totals = Readonly<Partial<Record<BatchColumn, Cell>>>;

/**
 * Files in flight per worker: enough to keep it busy while the page's own thread draws (a worker reads each file as
 * it arrives, while checking those before it), few enough for the progress bar to move steadily.
 */
const IN_FLIGHT = 8;

/**
 * A file is checked again after its worker died (it was not the one being read) this many times at most; then it is
 * listed as unreadable. A worker is replaced at most RESPAWNS_PER_WORKER times per worker of the pool (as the CLI's
 * children): a worker that dies as it starts must not be started again for ever.
 */
const MAX_DEATHS = 3;
const RESPAWNS_PER_WORKER = 3;

const readLimitMs = (): number => globalThis.JIXIAO_READ_LIMIT_MS ?? 60_000;

interface Slot {
  readonly worker: Worker;
  /** The forms sent to it and not answered for yet. */
  readonly inFlight: Set<number>;
  /** The form it said it is reading (`reading`) until it answers, and the timer that stops it if it never does. */
  reading?: number | undefined;
  timer?: number | undefined;
  dead: boolean;
  /** Set for the workbook and PDF readers. */
  readonly reader?: Reader;
}

export interface PoolEvents {
  readonly onEntry: (entry: FormEntry) => void;
  readonly onFailure: (message: string) => void;
  /**
   * A form already checked goes back to the queue (the worker holding it died): its entry is not the page's until
   * it comes back, so the count of checked files and the exports never include a form no worker holds.
   */
  readonly onAgain: (id: number) => void;
}

export class CheckPool {
  private readonly slots: Slot[];
  private readonly queue: { id: number; picked: PickedFile }[] = [];
  /** The file of each form on the page (checked again if the worker holding it dies). */
  private readonly picked = new Map<number, PickedFile>();
  /** How many workers died holding each form (not while reading it). */
  private readonly deaths = new Map<number, number>();
  private respawns: number;
  private readonly waiting = new Map<Worker, ((response: WorkerResponse) => void)[]>();
  /** Which worker holds each form (it alone can show the form as read); a form not here was cleared (`forget`). */
  private readonly owner = new Map<number, Slot>();
  /** The workers that read workbooks (worker-xlsx.js, with exceljs) and PDFs (worker-pdf.js, with pdf.js), each started with the first such file. */
  private readonly readers = new Map<Reader, Promise<Slot>>();
  private started: Slot[] = [];
  /** The rules last given, for a worker started later. */
  private lastSetup: Setup | undefined;
  /** Cross-form passes asked for so far (each pass's channels are its own: an overtaken pass's forms are never another's). */
  private passes = 0;

  constructor(private readonly events: PoolEvents) {
    const source = globalThis.JIXIAO_WORKER_SOURCE;
    if (source === undefined) throw new Error('worker.js was not loaded');
    const size = Math.min(4, Math.max(1, navigator.hardwareConcurrency));
    this.respawns = size * RESPAWNS_PER_WORKER;
    this.slots = Array.from({ length: size }, () => this.listen(startWorker(source)));
  }

  private listen(worker: Worker, reader?: Reader): Slot {
    const slot: Slot = { worker, inFlight: new Set(), dead: false, ...(reader === undefined ? {} : { reader }) };
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      if (!slot.dead) this.receive(slot, event.data);
    });
    worker.addEventListener('error', (event) => {
      // Thrown outside any of its handlers: what it holds can no longer be trusted, nor can it be told to stop.
      this.bury(slot, this.words().workerDied(event.message === '' ? 'error' : event.message));
    });
    this.started.push(slot);
    return slot;
  }

  private words() {
    return WORDS[this.lastSetup?.locale ?? 'zh-CN'];
  }

  /** A form's file listed as unreadable with this reason (its worker died reading it, or too often). */
  private unreadable(id: number, reason: string): void {
    const picked = this.picked.get(id);
    this.owner.delete(id);
    if (picked !== undefined) this.events.onEntry({ id, ok: false, file: picked.name, kind: 'unknown', reasons: [reason] });
  }

  /** The worker has answered for a form (or given it back): no longer in flight, no longer being read. */
  private settle(slot: Slot, id: number): void {
    slot.inFlight.delete(id);
    if (slot.reading === id) this.stopWatch(slot);
  }

  private stopWatch(slot: Slot): void {
    window.clearTimeout(slot.timer);
    slot.reading = undefined;
    slot.timer = undefined;
  }

  /**
   * Stop a worker that died or fell silent, and start another in its place. The file it was reading is listed as
   * unreadable with `reason`; every other form it held goes back to the front of the queue (after MAX_DEATHS
   * deaths, listed as unreadable too). Requests waiting for its answer get a `failed` one.
   */
  private bury(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    const culprit = slot.reading;
    this.stopWatch(slot);
    slot.worker.terminate();
    this.started = this.started.filter((s) => s !== slot);
    const waiting = this.waiting.get(slot.worker) ?? [];
    this.waiting.delete(slot.worker);
    if (slot.reader !== undefined) this.readers.delete(slot.reader);
    else {
      const at = this.slots.indexOf(slot);
      const source = globalThis.JIXIAO_WORKER_SOURCE;
      if (this.respawns > 0 && source !== undefined) {
        this.respawns--;
        const fresh = this.listen(startWorker(source));
        if (this.lastSetup !== undefined) void this.askOne(fresh, { type: 'setup', setup: this.lastSetup });
        this.slots.splice(at, 1, fresh);
      } else this.slots.splice(at, 1);
    }
    // Back to the front of the queue in the order they were dropped (unshifted last first).
    const held = [...this.owner].filter(([, s]) => s === slot).map(([id]) => id);
    for (const id of held.sort((a, b) => b - a)) {
      if (id === culprit) this.unreadable(id, reason);
      else this.again(id, slot);
    }
    for (const resolve of waiting) resolve({ type: 'failed', message: reason });
    this.pump();
  }

  /** A form held by a worker that died (not the file it was reading): to be checked again, unless it has been too often. */
  private again(id: number, slot: Slot): void {
    const picked = this.picked.get(id);
    if (this.owner.get(id) !== slot || picked === undefined) return;
    this.owner.delete(id);
    const deaths = (this.deaths.get(id) ?? 0) + 1;
    this.deaths.set(id, deaths);
    if (deaths >= MAX_DEATHS) this.unreadable(id, this.words().workerDiedOften(deaths));
    else {
      this.events.onAgain(id);
      this.queue.unshift({ id, picked });
    }
  }

  /** The workbook or PDF reader, started (with the rules in force) the first time such a file comes back. */
  private readerSlot(reader: Reader): Promise<Slot> {
    let slot = this.readers.get(reader);
    if (slot === undefined) {
      slot = loadScript(READERS[reader].script, READERS[reader].source).then(
        (source) => {
          const started = this.listen(startWorker(source), reader);
          if (this.lastSetup !== undefined) void this.askOne(started, { type: 'setup', setup: this.lastSetup });
          return started;
        },
        (error: unknown) => {
          this.readers.delete(reader);
          throw error;
        },
      );
      this.readers.set(reader, slot);
    }
    return slot;
  }

  private receive(slot: Slot, response: WorkerResponse): void {
    if (response.type === 'reading') {
      // Watched until it answers: a worker that never does is stopped, and this file listed with the reason.
      this.stopWatch(slot);
      const limit = readLimitMs();
      slot.reading = response.id;
      slot.timer = window.setTimeout(() => {
        this.bury(slot, this.words().workerSilent(Math.round(limit / 1000)));
      }, limit);
      return;
    }
    if (response.type === 'checked') {
      this.settle(slot, response.entry.id);
      // A form of a batch cleared (forget) while it was being checked is not the page's any more.
      if (this.owner.get(response.entry.id) === slot) this.events.onEntry(response.entry);
      this.pump();
      return;
    }
    if (response.type === 'moved') {
      // The browser refused the file (moved, renamed or changed since the drop): listed with words that say so.
      this.settle(slot, response.id);
      if (this.owner.get(response.id) === slot) this.unreadable(response.id, this.words().fileMovedBeforeCheck);
      this.pump();
      return;
    }
    if (response.type === 'elsewhere') {
      // A workbook or a PDF: read by its reader; this worker takes the next file.
      const { id, name, reader: kind } = response;
      this.settle(slot, id);
      this.pump();
      if (this.owner.get(id) !== slot) return;
      this.readerSlot(kind).then(
        (reader) => {
          // Cleared meanwhile, or checked again elsewhere (this worker died since).
          const picked = this.picked.get(id);
          if (this.owner.get(id) !== slot || picked === undefined) return;
          this.owner.set(id, reader);
          if (reader.dead) {
            // Its reader died before the file reached it: the file goes round again (a fresh reader is started).
            this.again(id, reader);
            this.pump();
            return;
          }
          reader.inFlight.add(id);
          this.send(reader, { type: 'check', id, name, file: picked.file });
        },
        (error: unknown) => {
          if (this.owner.get(id) === slot) this.events.onEntry({ id, ok: false, file: name, kind, reasons: [error instanceof Error ? error.message : String(error)] });
        },
      );
      return;
    }
    if (response.type === 'rechecked') this.stopWatch(slot);
    if (response.type === 'failed') this.events.onFailure(response.message);
    const next = this.waiting.get(slot.worker)?.shift();
    next?.(response);
  }

  private send(slot: Slot, request: WorkerRequest, transfer: Transferable[] = []): void {
    slot.worker.postMessage(request, transfer);
  }

  private askOne(slot: Slot, request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerResponse> {
    return new Promise<WorkerResponse>((resolve) => {
      const list = this.waiting.get(slot.worker) ?? [];
      list.push(resolve);
      this.waiting.set(slot.worker, list);
      this.send(slot, request, transfer);
    });
  }

  /** Ask every worker started (the workbook and PDF readers too, once started). */
  private ask(request: WorkerRequest): Promise<WorkerResponse[]> {
    return Promise.all(this.started.map((slot) => this.askOne(slot, request)));
  }

  /**
   * The form as read (paragraphs and tables), from the worker that read it: `blocks` undefined for JSON and YAML;
   * `moved` when its file could not be read again (moved, renamed or changed since it was checked).
   */
  async document(id: number): Promise<DocumentAnswer> {
    const slot = this.owner.get(id);
    if (slot === undefined) return {};
    const answer = await this.askOne(slot, { type: 'document', id });
    if (answer.type !== 'document') return {};
    return { ...(answer.blocks === undefined ? {} : { blocks: answer.blocks }), ...(answer.moved === true ? { moved: true } : {}) };
  }

  /** A checked form's findings, places, scores and diagnostics, from the worker that holds it (undefined when none does). */
  async details(id: number): Promise<FormDetails | undefined> {
    const slot = this.owner.get(id);
    if (slot === undefined) return undefined;
    const answer = await this.askOne(slot, { type: 'details', id });
    return answer.type === 'details' ? answer.details : undefined;
  }

  /** Give every worker the rules; resolves with the number of active rules, the setup's issues, the columns and the rules' titles. */
  async setup(setup: Setup): Promise<{ rules: number; issues: readonly SetupIssue[]; columns: readonly SummaryColumn[]; titles: ReadonlyMap<string, string> }> {
    this.lastSetup = setup;
    const [first] = await this.ask({ type: 'setup', setup });
    return first?.type === 'ready' ? { rules: first.rules, issues: first.issues, columns: first.columns, titles: new Map(first.titles) } : { rules: 0, issues: [], columns: [], titles: new Map() };
  }

  /** Check every form read so far again (after a setup): resolves with their new entries. */
  async recheck(): Promise<FormEntry[]> {
    const answers = await this.ask({ type: 'recheck' });
    return answers.flatMap((a) => (a.type === 'rechecked' ? a.entries : []));
  }

  /**
   * The results of these forms (for an export), in this order, from the workers that hold them. A form none of them
   * answered for (its worker died while asked: it is being checked again) fails the export, named: an export is
   * never short of a form the page listed.
   */
  async results(ids: readonly number[]): Promise<EvaluationResult[]> {
    const answers = await this.ask({ type: 'results', ids });
    const byId = new Map(answers.flatMap((a) => (a.type === 'results' ? a.results.map((r) => [r.id, r.result] as const) : [])));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new Error(this.words().resultsMissing(missing.map((id) => visibleText(this.picked.get(id)?.name ?? `#${String(id)}`))));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The cross-form pass over every form read so far, run in the first worker: with the forms it read and those
   * gathered from every other worker (undefined when the rules in force have no cross-form rule).
   */
  async crossForm(): Promise<CrossFormView | undefined> {
    const [first] = this.slots;
    if (first === undefined) return undefined;
    const pass = ++this.passes;
    const others = this.started.filter((slot) => slot !== first);
    // A channel from each other worker to the first: their forms go there directly. Through the page they were
    // decoded and encoded again on its thread, in one long task (bench/RESULTS.md, fifteenth shift).
    const channels = others.map((slot) => ({ slot, channel: new MessageChannel() }));
    const ports = channels.map(({ channel }) => channel.port2);
    // Every worker makes the records of its forms at once: the first for itself, the others to send them.
    const [answers] = await Promise.all([Promise.all(channels.map(({ slot, channel }) => this.askOne(slot, { type: 'forms', port: channel.port1 }, [channel.port1]))), this.askOne(first, { type: 'records', pass, ports }, ports)]);
    // Only the forms of the workers that said they sent them are waited for: one that died meanwhile sends nothing
    // (its forms are being checked again; the pass after them counts them).
    const from = answers.flatMap((a, i) => (a.type === 'sent' ? [i] : []));
    const answer = await this.askOne(first, { type: 'cross', pass, from });
    return answer.type === 'cross' ? answer.view : undefined;
  }

  /** The summary's totals row of these forms, worded by the first worker. */
  async totals(briefs: readonly FormBrief[]): Promise<Totals> {
    const [first] = this.slots;
    if (first === undefined) return {};
    const answer = await this.askOne(first, { type: 'totals', briefs });
    return answer.type === 'totals' ? answer.cells : {};
  }

  /** Queue files; each entry arrives through `onEntry`. */
  check(files: readonly { id: number; picked: PickedFile }[]): void {
    for (const { id, picked } of files) this.picked.set(id, picked);
    this.queue.push(...files);
    this.pump();
  }

  forget(): void {
    this.queue.length = 0;
    this.owner.clear();
    this.picked.clear();
    this.deaths.clear();
    for (const slot of this.started) this.send(slot, { type: 'forget' });
  }

  private pump(): void {
    for (;;) {
      const [first, ...others] = this.slots;
      if (first === undefined) {
        // Every worker died as often as they may be replaced: the files left are listed, none silently dropped.
        for (const { id } of this.queue.splice(0)) this.unreadable(id, this.words().workerDiedOften(this.deaths.get(id) ?? 0));
        return;
      }
      const slot = others.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a), first);
      if (slot.inFlight.size >= IN_FLIGHT) return;
      const next = this.queue.shift();
      if (next === undefined) return;
      slot.inFlight.add(next.id);
      this.owner.set(next.id, slot);
      // The File itself (a handle, not its bytes): the worker reads it, off the page's thread.
      this.send(slot, { type: 'check', id: next.id, name: next.picked.name, file: next.picked.file });
    }
  }
}
