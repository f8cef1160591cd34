import type { Locale } from '@jixiao/core';
import type { PackSelection } from '../packs.js';
import type { InputFile } from './collect.js';
import type { FileOutcome, ResultShape } from './check-file.js';

/** One unit of work for a worker thread: a few files and how to check them. */
export interface BatchTask {
  readonly files: readonly InputFile[];
  readonly locale: Locale;
  readonly selection: PackSelection;
  readonly shape: ResultShape;
  /** A buffer of an earlier reply, handed back for this one (transferred), so replies need no new memory. */
  readonly spare?: ArrayBuffer;
}

/**
 * A worker's answer for one task: the outcomes in file order, with every JSON report item moved into one byte
 * buffer (`bytes`, item i at `lengths[0] + … + lengths[i − 1]`). One buffer is transferred to the main thread,
 * not copied, and the main thread's heap never holds the worker's results as JavaScript objects.
 */
export interface WorkerReply {
  readonly outcomes: readonly FileOutcome[];
  /** Byte length of each outcome's JSON item (−1 when it has none). */
  readonly lengths: readonly number[];
  readonly bytes: Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * Gather a task's outcomes into a reply: their JSON items encoded straight into one buffer (sized for the worst
 * case, three bytes per UTF-16 unit, so there is no measuring pass and no joined copy of the text) — the `spare`
 * buffer handed back by the main thread when it is large enough.
 */
export function packReply(outcomes: readonly FileOutcome[], spare?: ArrayBuffer): WorkerReply {
  let room = 0;
  for (const o of outcomes) if (o.ok && o.json !== undefined) room += typeof o.json === 'string' ? o.json.length * 3 : o.json.length;
  const buffer = spare !== undefined && spare.byteLength >= room ? new Uint8Array(spare) : new Uint8Array(room);
  let at = 0;
  const lengths = outcomes.map((o) => {
    if (!o.ok || o.json === undefined) return -1;
    const start = at;
    if (typeof o.json === 'string') at += utf8.encodeInto(o.json, buffer.subarray(at)).written;
    else {
      buffer.set(o.json, at);
      at += o.json.length;
    }
    return at - start;
  });
  const light = outcomes.map((o) => {
    if (!o.ok || o.json === undefined) return o;
    const { json: _json, ...rest } = o;
    return rest;
  });
  return { outcomes: light, lengths, bytes: buffer.subarray(0, at) };
}

/** The outcomes of a reply, each with its JSON item again (a view into the reply's buffer). */
export function unpackReply(reply: WorkerReply): FileOutcome[] {
  let at = 0;
  return reply.outcomes.map((o, i) => {
    const length = reply.lengths[i] ?? -1;
    if (!o.ok || length === -1) return o;
    const json = reply.bytes.subarray(at, at + length);
    at += length;
    return { ...o, json };
  });
}
