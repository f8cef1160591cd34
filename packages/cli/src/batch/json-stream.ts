import { closeSync, openSync, writeSync } from 'node:fs';
import { FORMATTERS, type FormatOptions } from '@jixiao/adapters';
import type { CliIo } from '../io.js';

const BUFFER_BYTES = 1 << 20;
const utf8 = new TextEncoder();

/** Writes the JSON report one result at a time. */
export interface JsonReportWriter {
  /** One result, as made by `jsonItem` (text, or its UTF-8 bytes). */
  readonly item: (json: string | Uint8Array) => void;
  readonly end: () => void;
}

/**
 * The JSON report, streamed: the same bytes as the json formatter gives for all results at once (a test holds
 * the two together, compact and indented), written as results arrive. The document's head and tail come from the
 * formatter itself (its output for no results), so only the layout of the `results` array is reproduced here.
 */
export function jsonReportWriter(options: FormatOptions, output: string | undefined, io: CliIo): JsonReportWriter {
  const empty = FORMATTERS.json([], options);
  if (typeof empty !== 'string') throw new Error('json formatter: expected text');
  const at = empty.lastIndexOf('[]');
  if (at === -1) throw new Error('json formatter: no results array');
  // Indented, `results` sits at depth 1 and its items at depth 2 (see `jsonItem`); compact, nothing goes between.
  const pretty = options.pretty === true;
  const head = `${empty.slice(0, at)}[${pretty ? '\n' : ''}`;
  const tail = `${pretty ? '\n  ' : ''}]${empty.slice(at + 2)}`;
  const separator = pretty ? ',\n' : ',';
  const fd = output === undefined ? undefined : openSync(output, 'w');
  const emit = (bytes: Uint8Array) => {
    if (fd === undefined) io.stdout(bytes);
    else for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
  };
  // Items are encoded into one buffer and written a mebibyte at a time (one system call per ~30 results
  // instead of one per result); an item larger than the buffer is written on its own.
  const buffer = new Uint8Array(BUFFER_BYTES);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    // What goes to stdout is copied: the stream may keep the chunk, and the buffer is reused.
    emit(fd === undefined ? buffer.slice(0, used) : buffer.subarray(0, used));
    used = 0;
  };
  const write = (chunk: string | Uint8Array) => {
    // A string takes at most three UTF-8 bytes per UTF-16 unit.
    const room = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
    if (used + room > buffer.length) flush();
    // (Bytes go out copied to stdout: they may sit in a worker's reply buffer, which is reused.)
    if (room > buffer.length) emit(typeof chunk === 'string' ? utf8.encode(chunk) : fd === undefined ? chunk.slice() : chunk);
    else if (typeof chunk === 'string') used += utf8.encodeInto(chunk, buffer.subarray(used)).written;
    else {
      buffer.set(chunk, used);
      used += chunk.length;
    }
  };
  let count = 0;
  return {
    item: (json) => {
      write(count === 0 ? head : separator);
      write(json);
      count++;
    },
    end: () => {
      write(count === 0 ? empty : tail);
      flush();
      if (fd !== undefined) closeSync(fd);
    },
  };
}
