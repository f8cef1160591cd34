/**
 * The check workers. Their code comes with the page as text (`worker.js` sets it) and starts from a blob URL:
 * a worker script fetched by URL is refused on a page opened from disk (file://), a blob is not, and the same
 * code then runs whether the page is served or opened from a folder. One worker per core, at most four.
 */
import type { EvaluationResult, FormBrief } from '@jixiao/core';
import type { BatchColumn, Cell } from '@jixiao/adapters';
import type { BlockView, CrossFormView, FormDetails, FormEntry, Setup, SetupIssue, SummaryColumn, WorkerRequest, WorkerResponse } from '../worker/protocol.js';
import type { PickedFile } from './files.js';
import { loadScript } from './script.js';

declare global {
  var JIXIAO_WORKER_SOURCE: string | undefined;
  var JIXIAO_XLSX_WORKER_SOURCE: string | undefined;
  var JIXIAO_PDF_WORKER_SOURCE: string | undefined;
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

/** A totals row, by column. */
export type Totals = Readonly<Partial<Record<BatchColumn, Cell>>>;

/** Files in flight per worker: enough to keep it busy, few enough for the progress bar to move steadily. */
const IN_FLIGHT = 4;

interface Slot {
  readonly worker: Worker;
  busy: number;
}

export interface PoolEvents {
  readonly onEntry: (entry: FormEntry) => void;
  readonly onFailure: (message: string) => void;
}

export class CheckPool {
  private readonly slots: Slot[];
  private readonly queue: { id: number; picked: PickedFile }[] = [];
  private readonly waiting = new Map<Worker, ((response: WorkerResponse) => void)[]>();
  /** Which worker holds each form (it alone can show the form as read); a form not here was cleared (`forget`). */
  private readonly owner = new Map<number, Slot>();
  /** The workers that read workbooks (worker-xlsx.js, with exceljs) and PDFs (worker-pdf.js, with pdf.js), each started with the first such file. */
  private readonly readers = new Map<Reader, Promise<Slot>>();
  private started: Slot[] = [];
  /** The rules last given, for a worker started later. */
  private lastSetup: Setup | undefined;

  constructor(private readonly events: PoolEvents) {
    const source = globalThis.JIXIAO_WORKER_SOURCE;
    if (source === undefined) throw new Error('worker.js was not loaded');
    const size = Math.min(4, Math.max(1, navigator.hardwareConcurrency));
    this.slots = Array.from({ length: size }, () => this.listen(startWorker(source)));
  }

  private listen(worker: Worker): Slot {
    const slot: Slot = { worker, busy: 0 };
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      this.receive(slot, event.data);
    });
    worker.addEventListener('error', (event) => {
      this.events.onFailure(event.message);
    });
    this.started.push(slot);
    return slot;
  }

  /** The workbook or PDF reader, started (with the rules in force) the first time such a file comes back. */
  private readerSlot(reader: Reader): Promise<Slot> {
    let slot = this.readers.get(reader);
    if (slot === undefined) {
      slot = loadScript(READERS[reader].script, READERS[reader].source).then(
        (source) => {
          const started = this.listen(startWorker(source));
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
    if (response.type === 'checked') {
      if (this.slots.includes(slot)) slot.busy--;
      // A form of a batch cleared (forget) while it was being checked is not the page's any more.
      if (this.owner.has(response.entry.id)) this.events.onEntry(response.entry);
      this.pump();
      return;
    }
    if (response.type === 'elsewhere') {
      // A workbook or a PDF: read by its reader; this worker takes the next file.
      slot.busy--;
      this.pump();
      const { id, name, bytes, reader: kind } = response;
      if (!this.owner.has(id)) return;
      this.readerSlot(kind).then(
        (reader) => {
          if (!this.owner.has(id)) return;
          this.owner.set(id, reader);
          this.send(reader, { type: 'check', id, name, bytes }, [bytes]);
        },
        (error: unknown) => {
          if (this.owner.has(id)) this.events.onEntry({ id, ok: false, file: name, kind, reasons: [error instanceof Error ? error.message : String(error)] });
        },
      );
      return;
    }
    if (response.type === 'failed') {
      this.events.onFailure(response.message);
      return;
    }
    const next = this.waiting.get(slot.worker)?.shift();
    next?.(response);
  }

  private send(slot: Slot, request: WorkerRequest, transfer: Transferable[] = []): void {
    slot.worker.postMessage(request, transfer);
  }

  private askOne(slot: Slot, request: WorkerRequest): Promise<WorkerResponse> {
    return new Promise<WorkerResponse>((resolve) => {
      const list = this.waiting.get(slot.worker) ?? [];
      list.push(resolve);
      this.waiting.set(slot.worker, list);
      this.send(slot, request);
    });
  }

  /** Ask every worker started (the workbook and PDF readers too, once started). */
  private ask(request: WorkerRequest): Promise<WorkerResponse[]> {
    return Promise.all(this.started.map((slot) => this.askOne(slot, request)));
  }

  /** The form as read (paragraphs and tables), from the worker that read it; undefined for JSON and YAML. */
  async document(id: number): Promise<readonly BlockView[] | undefined> {
    const slot = this.owner.get(id);
    if (slot === undefined) return undefined;
    const answer = await this.askOne(slot, { type: 'document', id });
    return answer.type === 'document' ? answer.blocks : undefined;
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

  /** The results of these forms (for an export), in this order, from the workers that hold them. */
  async results(ids: readonly number[]): Promise<EvaluationResult[]> {
    const answers = await this.ask({ type: 'results', ids });
    const byId = new Map(answers.flatMap((a) => (a.type === 'results' ? a.results.map((r) => [r.id, r.result] as const) : [])));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The cross-form pass over every form read so far: the forms gathered from every worker, the pass run in the
   * first (undefined when the rules in force have no cross-form rule).
   */
  async crossForm(): Promise<CrossFormView | undefined> {
    const answers = await this.ask({ type: 'forms' });
    const forms = answers.flatMap((a) => (a.type === 'forms' ? a.forms : []));
    const [first] = this.slots;
    if (first === undefined) return undefined;
    const answer = await this.askOne(first, { type: 'cross', forms });
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
    this.queue.push(...files);
    this.pump();
  }

  forget(): void {
    this.queue.length = 0;
    this.owner.clear();
    for (const slot of this.started) this.send(slot, { type: 'forget' });
  }

  private pump(): void {
    for (;;) {
      const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= IN_FLIGHT) return;
      const next = this.queue.shift();
      if (next === undefined) return;
      slot.busy++;
      this.owner.set(next.id, slot);
      void next.picked.file.arrayBuffer().then(
        (bytes) => {
          // Cleared while its bytes were read: the worker must not hold it (the next cross-form pass would count it).
          if (this.owner.has(next.id)) this.send(slot, { type: 'check', id: next.id, name: next.picked.name, bytes }, [bytes]);
          else {
            slot.busy--;
            this.pump();
          }
        },
        (error: unknown) => {
          slot.busy--;
          const reason = error instanceof Error ? error.message : String(error);
          if (this.owner.has(next.id)) this.events.onEntry({ id: next.id, ok: false, file: next.picked.name, kind: 'unknown', reasons: [reason] });
          this.pump();
        },
      );
    }
  }
}
