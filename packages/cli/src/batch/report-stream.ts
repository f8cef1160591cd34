import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportEnd, ReportWriter, SpoolFactory } from '@jixiao/adapters';
import type { CliIo } from '../io.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';

const BUFFER_BYTES = 1 << 20;
const utf8 = new TextEncoder();

/**
 * Bytes written through a one-mebibyte buffer: one system call per mebibyte instead of one per chunk. A chunk
 * larger than the buffer goes out on its own. `emit` may keep what it is given only if `copies` says it copies.
 */
class BufferedSink {
  /** A Buffer for its `write`, which encodes a string as UTF-8 about twice as fast as `TextEncoder.encodeInto` on Node 20. */
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  constructor(
    private readonly emit: (bytes: Uint8Array) => void,
    /** Whether what is emitted must be a copy (stdout may keep the chunk; the buffer is reused). */
    private readonly copies: boolean,
  ) {}

  /** Write a chunk (a string as UTF-8); returns how many bytes that is. */
  write(chunk: string | Uint8Array): number {
    if (chunk.length === 0) return 0;
    // A string takes at most three UTF-8 bytes per UTF-16 unit.
    const room = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
    if (this.used + room > this.buffer.length) this.flush();
    if (room > this.buffer.length) {
      // (Bytes may sit in a worker's reply buffer, which is reused: they go out copied where they may be kept.)
      const bytes = typeof chunk === 'string' ? utf8.encode(chunk) : this.copies ? chunk.slice() : chunk;
      this.emit(bytes);
      return bytes.length;
    }
    if (typeof chunk === 'string') {
      // There is room for the whole string (see `room`), so no character is cut; a lone surrogate becomes U+FFFD,
      // as with TextEncoder.
      const written = this.buffer.write(chunk, this.used, 'utf8');
      this.used += written;
      return written;
    }
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
    return chunk.length;
  }

  flush(): void {
    if (this.used === 0) return;
    // (A Buffer's `slice` is a view, not a copy: the copy is made as a new Uint8Array.)
    this.emit(this.copies ? new Uint8Array(this.buffer.subarray(0, this.used)) : this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

/**
 * Bytes held in a temporary file, written through a buffer (bounded memory whatever their size): a report's section
 * until the report's end, the forms of the cross-form pass (`cross-form.ts`). Read back only after `sink.flush()`.
 */
export class Spool {
  private readonly fd: number;
  readonly sink: BufferedSink;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+');
    this.sink = new BufferedSink((bytes) => {
      writeAll(this.fd, bytes);
    }, false);
  }

  /** Bytes from `at` into `into` (how many; 0 at the end). */
  read(into: Uint8Array, at: number): number {
    return readSync(this.fd, into, 0, into.length, at);
  }

  /** Everything written, read back a mebibyte at a time. */
  copyTo(out: BufferedSink): void {
    this.sink.flush();
    const chunk = new Uint8Array(BUFFER_BYTES);
    for (let at = 0, n = this.read(chunk, at); n > 0; at += n, n = this.read(chunk, at)) out.write(chunk.subarray(0, n));
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A report being written form by form (see `ReportWriter`). */
export interface ReportStream {
  /** One form's chunks (one per section), in batch order. */
  readonly form: (chunks: readonly (string | Uint8Array)[]) => void;
  /** Write the rest of the report (the summary, what could not be read, …) and close the output. */
  readonly end: (end: Omit<ReportEnd, 'emitted'>) => void;
  /** Remove the temporary files (and close the output) without finishing: after an error. */
  readonly abort: () => void;
}

/**
 * Write a report as forms arrive, to a file or to stdout: the same bytes as the one-shot formatter gives for all
 * results at once (a test holds the two together). Sections that come after the first — and the first too when
 * the report opens with a summary of the whole batch — are spooled to temporary files and copied into place at
 * the end (under `tmp`), so memory stays bounded whatever the number of forms.
 */
export function reportStream(writer: ReportWriter, output: string | undefined, io: CliIo, tmp = tmpdir()): ReportStream {
  const fd = output === undefined ? undefined : openSync(output, 'w');
  const out = new BufferedSink((bytes) => {
    if (fd === undefined) io.stdout(bytes);
    else writeAll(fd, bytes);
  }, fd === undefined);
  const spooled = Array.from({ length: writer.sections }, (_, s) => s > 0 || writer.headNeedsEnd);
  const dir = spooled.some(Boolean) ? makeTempDir(tmp, 'jixiao-report-') : undefined;
  const spools = spooled.map((held, s) => (held && dir !== undefined ? new Spool(join(dir, `section-${String(s)}`)) : undefined));
  const sinks = spools.map((spool) => spool?.sink ?? out);
  const emitted = spools.map(() => 0);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const spool of spools) spool?.close();
    if (dir !== undefined) removeTempDir(dir);
    if (fd !== undefined) closeSync(fd);
  };
  if (!writer.headNeedsEnd) out.write(writer.head(undefined));
  return {
    form: (chunks) => {
      chunks.forEach((chunk, s) => {
        const sink = sinks[s];
        if (chunk.length === 0 || sink === undefined) return;
        if ((emitted[s] ?? 0) > 0) sink.write(writer.separator);
        sink.write(chunk);
        emitted[s] = (emitted[s] ?? 0) + 1;
      });
    },
    end: (partial) => {
      const end: ReportEnd = { ...partial, emitted };
      try {
        if (writer.headNeedsEnd) out.write(writer.head(end));
        spools.forEach((spool, s) => {
          if (s > 0) for (const piece of writer.glueChunks?.(s, end) ?? [writer.glue(s, end)]) out.write(piece);
          spool?.copyTo(out);
        });
        for (const piece of writer.tailChunks?.(end) ?? [writer.tail(end)]) out.write(piece);
        out.flush();
      } finally {
        close();
      }
    },
    abort: close,
  };
}

const NEWLINE = 0x0a;

/** `a` then `b`, in a new array. */
function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Rows kept one JSON line each in a temporary file, read back a mebibyte at a time (see `RowSpool`). */
class RowFile<T> {
  private readonly spool: Spool;
  constructor(file: string) {
    this.spool = new Spool(file);
  }

  push(row: T): void {
    this.spool.sink.write(`${JSON.stringify(row)}\n`);
  }

  /**
   * The rows in order, each line decoded on its own as it is reached. (Decoding a mebibyte and splitting it kept the
   * whole chunk's text alive until its last row was written — across the sheet writer's waits, so long enough to
   * reach the old generation, where garbage waits for a full collection: the Excel report's heap grew while its
   * sheets were written, 20,000 forms peaking at 500 MB and more, 424 MB since.) UTF-8 never has a newline byte
   * inside a character, so lines are cut on bytes.
   */
  *rows(): Generator<T> {
    this.spool.sink.flush();
    const decoder = new TextDecoder();
    const chunk = new Uint8Array(BUFFER_BYTES);
    // The start of a line cut by the end of the chunk before (copied: the chunk is read into again).
    let head: Uint8Array = new Uint8Array(0);
    for (let at = 0, n = this.spool.read(chunk, at); n > 0; at += n, n = this.spool.read(chunk, at)) {
      const bytes = chunk.subarray(0, n);
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); end !== -1; start = end + 1, end = bytes.indexOf(NEWLINE, start)) {
        const line = head.length === 0 ? bytes.subarray(start, end) : joined(head, bytes.subarray(start, end));
        head = new Uint8Array(0);
        yield JSON.parse(decoder.decode(line)) as T;
      }
      head = joined(head, bytes.subarray(start));
    }
  }

  close(): void {
    this.spool.close();
  }
}

/** Temporary row files for a report written at the end (xlsx), removed by `close`. */
export function rowFiles(tmp = tmpdir()): { readonly spool: SpoolFactory; readonly close: () => void } {
  const dir = makeTempDir(tmp, 'jixiao-report-');
  const files: RowFile<unknown>[] = [];
  let count = 0;
  return {
    spool: <T>() => {
      const file = new RowFile<T>(join(dir, `rows-${String(count++)}.jsonl`));
      files.push(file);
      return { push: (row: T) => { file.push(row); }, rows: () => file.rows() };
    },
    close: () => {
      for (const f of files) f.close();
      removeTempDir(dir);
    },
  };
}
