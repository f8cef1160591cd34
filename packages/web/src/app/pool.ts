/**
 * The check workers. Their code comes with the page as text (`worker.js` sets it) and starts from a blob URL:
 * a worker script fetched by URL is refused on a page opened from disk (file://), a blob is not, and the same
 * code then runs whether the page is served or opened from a folder. One worker per core, at most four.
 */
import type { BlockView, FormEntry, Setup, SetupIssue, WorkerRequest, WorkerResponse } from '../worker/protocol.js';
import type { PickedFile } from './files.js';

declare global {
  var JIXIAO_WORKER_SOURCE: string | undefined;
}

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
  /** Which worker holds each form (it alone can show the form as read). */
  private readonly owner = new Map<number, Slot>();

  constructor(private readonly events: PoolEvents) {
    const source = globalThis.JIXIAO_WORKER_SOURCE;
    if (source === undefined) throw new Error('worker.js was not loaded');
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const size = Math.min(4, Math.max(1, navigator.hardwareConcurrency));
    this.slots = Array.from({ length: size }, () => ({ worker: new Worker(url, { name: 'jixiao-check' }), busy: 0 }));
    for (const slot of this.slots) {
      slot.worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
        this.receive(slot, event.data);
      });
      slot.worker.addEventListener('error', (event) => {
        this.events.onFailure(event.message);
      });
    }
  }

  private receive(slot: Slot, response: WorkerResponse): void {
    if (response.type === 'checked') {
      slot.busy--;
      this.events.onEntry(response.entry);
      this.pump();
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

  private ask(request: WorkerRequest): Promise<WorkerResponse[]> {
    return Promise.all(this.slots.map((slot) => this.askOne(slot, request)));
  }

  /** The form as read (paragraphs and tables), from the worker that read it; undefined for JSON and YAML. */
  async document(id: number): Promise<readonly BlockView[] | undefined> {
    const slot = this.owner.get(id);
    if (slot === undefined) return undefined;
    const answer = await this.askOne(slot, { type: 'document', id });
    return answer.type === 'document' ? answer.blocks : undefined;
  }

  /** Give every worker the rules; resolves with the number of active rules and the setup's issues. */
  async setup(setup: Setup): Promise<{ rules: number; issues: readonly SetupIssue[] }> {
    const [first] = await this.ask({ type: 'setup', setup });
    return first?.type === 'ready' ? { rules: first.rules, issues: first.issues } : { rules: 0, issues: [] };
  }

  /** Check every form read so far again (after a setup): resolves with their new entries. */
  async recheck(): Promise<FormEntry[]> {
    const answers = await this.ask({ type: 'recheck' });
    return answers.flatMap((a) => (a.type === 'rechecked' ? a.entries : []));
  }

  /** Queue files; each entry arrives through `onEntry`. */
  check(files: readonly { id: number; picked: PickedFile }[]): void {
    this.queue.push(...files);
    this.pump();
  }

  forget(): void {
    this.queue.length = 0;
    this.owner.clear();
    for (const slot of this.slots) this.send(slot, { type: 'forget' });
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
          this.send(slot, { type: 'check', id: next.id, name: next.picked.name, bytes }, [bytes]);
        },
        (error: unknown) => {
          slot.busy--;
          const reason = error instanceof Error ? error.message : String(error);
          this.events.onEntry({ id: next.id, ok: false, file: next.picked.name, kind: 'unknown', reasons: [reason] });
          this.pump();
        },
      );
    }
  }
}
