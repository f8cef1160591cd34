import { Inflate, inflateSync } from 'fflate';
import type * as NodeZlib from 'node:zlib';

/**
 * Inflate raw DEFLATE data (a zip entry's bytes) to at most `limit` bytes. Returns the bytes, or `undefined` as soon
 * as the output would pass `limit` (nothing larger is ever held); throws on damaged data.
 */
export type InflateRaw = (data: Uint8Array, limit: number) => Uint8Array | undefined;

/** Input fed to fflate per step: one step inflates at most ~1,032× its input before the size is checked. */
const FFLATE_STEP = 4 * 1024;

/**
 * Input inflated in one go into a buffer of the expected size (see fflateInflateRaw): a bomb that lies about its
 * size is decoded to at most ~16.5 MB (1,032× this; the bytes past the buffer's end dropped, ~50–250 ms of CPU)
 * before the streaming inflater takes over and stops within its first 4 MB.
 */
const ONE_GO_MAX_INPUT = 16 * 1024;

class TooLarge extends Error {}

/** fflate's streaming inflater, in steps of FFLATE_STEP input bytes, stopped as soon as its output passes `limit`. */
function fflateStream(data: Uint8Array, limit: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    // The last push says the input ends: a stream that has not ended by then throws ("unexpected EOF").
    for (let at = 0; at < data.length || at === 0; at += FFLATE_STEP) inflater.push(data.subarray(at, at + FFLATE_STEP), at + FFLATE_STEP >= data.length);
  } catch (error) {
    if (error instanceof TooLarge) return undefined;
    throw error;
  }
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * fflate: pure JS, for browsers. A zip entry is asked for at its declared size (`limit`, zip.ts), so an entry of
 * up to ONE_GO_MAX_INPUT bytes (every part of the seed form's .docx) is first inflated in one go into a buffer of one byte
 * more: one allocation, where the streaming inflater makes a 160 KB buffer and three more arrays per 4 KB step
 * (in Chromium's check workers those arrays were swept by the garbage collector form after form: bench/RESULTS.md,
 * fourteenth shift). Coming out at exactly `limit` bytes it is the entry; any other length, or an error, and the
 * streaming inflater decides, as before. Bytes after the end of the DEFLATE stream are then ignored, as Node's zlib
 * (the CLI's inflater) ignores them.
 */
export const fflateInflateRaw: InflateRaw = (data, limit) => {
  if (data.length <= ONE_GO_MAX_INPUT) {
    try {
      const out = inflateSync(data, { out: new Uint8Array(limit + 1) });
      if (out.length === limit) return out;
    } catch {
      // damaged, or larger than declared: the streaming inflater gives the reason
    }
  }
  return fflateStream(data, limit);
};

/**
 * Node's zlib, reached without a static import so that the package stays browser-safe (`process.getBuiltinModule`,
 * Node ≥ 20.16; absent in browsers). Native inflation is about five times faster than fflate's (~35 against
 * ~180 µs for the seed form's document part).
 */
const zlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:zlib') as typeof NodeZlib | undefined;

/**
 * Node's zlib (`inflateRawSync` with `maxOutputLength`), or undefined outside Node. The output buffer is sized to
 * `limit` (the size the zip headers declare, already capped by the reader) plus one byte, so that data which comes
 * out at the declared size fills one buffer and needs no second: zlib's default, 16 KB pieces joined at the end,
 * cost a .docx form's four parts ~115 µs of CPU against ~65 µs sized (1,000 bench forms, 6 rounds; bench/RESULTS.md,
 * fourteenth shift). Nothing more is held than before: the output was already allowed to reach `limit`.
 */
export const nodeInflateRaw: InflateRaw | undefined =
  zlib === undefined
    ? undefined
    : (data, limit) => {
        try {
          // zlib's smallest chunk is 64 bytes.
          const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit), chunkSize: Math.max(64, limit + 1) });
          if (out.length > limit) return undefined;
          return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
        } catch (error) {
          if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
          throw error;
        }
      };

/** Node's zlib where it runs in Node, fflate elsewhere. */
export const defaultInflateRaw: InflateRaw = nodeInflateRaw ?? fflateInflateRaw;
