import type { CheckWaivers, Locale } from '@jixiao/core';
import type { PackSelection } from '../packs.js';
import type { InputFile } from './collect.js';
import type { FileOutcome, ResultShape } from './check-file.js';

/** One unit of work for a worker thread: a few files and how to check them. */
export interface BatchTask {
  readonly files: readonly InputFile[];
  readonly locale: Locale;
  readonly selection: PackSelection;
  readonly shape: ResultShape;
  /** Waivers and the day of the check (`--waivers`), applied as each form is checked. */
  readonly waivers?: CheckWaivers;
  /** A buffer of an earlier reply, handed back for this one (transferred), so replies need no new memory. */
  readonly spare?: ArrayBuffer;
}

/**
 * A worker's answer for one task: the outcomes in file order, with every report chunk moved into one byte buffer
 * (`bytes`, the chunks one after another in outcome order; `lengths[i]` the byte length of each of outcome i's
 * chunks, or null when it has none). One buffer is transferred to the main thread, not copied, and the main
 * thread's heap never holds the worker's results as JavaScript objects.
 */
export interface WorkerReply {
  readonly outcomes: readonly FileOutcome[];
  readonly lengths: readonly (readonly number[] | null)[];
  readonly bytes: Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * Gather a task's outcomes into a reply: their report chunks encoded straight into one buffer (sized for the worst
 * case, three bytes per UTF-16 unit, so there is no measuring pass and no joined copy of the text) — the `spare`
 * buffer handed back by the main thread when it is large enough.
 */
export function packReply(outcomes: readonly FileOutcome[], spare?: ArrayBuffer): WorkerReply {
  let room = 0;
  for (const o of outcomes) if (o.ok) for (const c of o.chunks ?? []) room += typeof c === 'string' ? c.length * 3 : c.length;
  const buffer = spare !== undefined && spare.byteLength >= room ? new Uint8Array(spare) : new Uint8Array(room);
  let at = 0;
  const lengths = outcomes.map((o) => {
    if (!o.ok || o.chunks === undefined) return null;
    return o.chunks.map((c) => {
      const start = at;
      if (typeof c === 'string') at += utf8.encodeInto(c, buffer.subarray(at)).written;
      else {
        buffer.set(c, at);
        at += c.length;
      }
      return at - start;
    });
  });
  const light = outcomes.map((o) => {
    if (!o.ok || o.chunks === undefined) return o;
    const { chunks: _chunks, ...rest } = o;
    return rest;
  });
  return { outcomes: light, lengths, bytes: buffer.subarray(0, at) };
}

/** The outcomes of a reply, each with its report chunks again (views into the reply's buffer). */
export function unpackReply(reply: WorkerReply): FileOutcome[] {
  let at = 0;
  return reply.outcomes.map((o, i) => {
    const lengths = reply.lengths[i] ?? null;
    if (!o.ok || lengths === null) return o;
    const chunks = lengths.map((length) => {
      const chunk = reply.bytes.subarray(at, at + length);
      at += length;
      return chunk;
    });
    return { ...o, chunks };
  });
}
