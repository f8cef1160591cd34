import { availableParallelism } from 'node:os';

/**
 * A counting semaphore over a SharedArrayBuffer: the limit on LibreOffice processes running at once, shared by
 * every thread that holds the same buffer (the CLI's batch hands its buffer to its worker threads), so a batch
 * never starts more converters than the machine has cores, however many threads ask for one.
 *
 * Layout: `[0]` = slots in use, `[1]` = the limit.
 */
export class ConversionSlots {
  private readonly cells: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer);
  }

  /** A new buffer allowing `limit` conversions at once. */
  static create(limit: number): ConversionSlots {
    const slots = new ConversionSlots(new SharedArrayBuffer(8));
    Atomics.store(slots.cells, 1, Math.max(1, Math.floor(limit)));
    return slots;
  }

  /** The buffer to hand to other threads (`new ConversionSlots(buffer)` there shares the limit). */
  get buffer(): SharedArrayBuffer {
    return this.cells.buffer as SharedArrayBuffer;
  }

  get limit(): number {
    return Atomics.load(this.cells, 1);
  }

  get inUse(): number {
    return Atomics.load(this.cells, 0);
  }

  /** Wait for a free slot (asynchronously: the thread's event loop keeps running), then take it. */
  async acquire(): Promise<void> {
    for (;;) {
      const used = Atomics.load(this.cells, 0);
      if (used < this.limit) {
        if (Atomics.compareExchange(this.cells, 0, used, used + 1) === used) return;
        continue;
      }
      const wait = waitAsync(this.cells, 0, used);
      if (wait.async) await wait.value;
    }
  }

  release(): void {
    Atomics.sub(this.cells, 0, 1);
    Atomics.notify(this.cells, 0);
  }

  /** Run `task` holding a slot. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }
}

/**
 * The default limit: one LibreOffice process per core. A conversion is one soffice process, busy on one core for
 * its whole life (start-up included), while the thread that waits for it is idle; more processes than cores
 * would only make each slower.
 */
export function defaultConversionLimit(): number {
  return Math.max(1, availableParallelism());
}

/** `Atomics.waitAsync` (Node ≥ 16; typed from ES2024 on, after this project's `lib`). */
type WaitAsync = (array: Int32Array, index: number, value: number) => { async: boolean; value: Promise<unknown> | string };
const waitAsync: WaitAsync = (array, index, value) => (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync(array, index, value);

let shared: ConversionSlots | undefined;

/** The slots this thread uses: adopted with {@link useConversionSlots}, else made on first use with the default limit. */
export function conversionSlots(): ConversionSlots {
  shared ??= ConversionSlots.create(defaultConversionLimit());
  return shared;
}

/** Use these slots in this thread (a worker thread adopts its parent's buffer, so the limit is global). */
export function useConversionSlots(slots: ConversionSlots | SharedArrayBuffer): void {
  shared = slots instanceof ConversionSlots ? slots : new ConversionSlots(slots);
}
