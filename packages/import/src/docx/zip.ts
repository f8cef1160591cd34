import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';

/** Limits applied before and while inflating a .docx (a zip bomb gets a clear error, fast). */
export interface ZipLimits {
  /** Most entries a .docx may have (Word writes a few dozen). */
  readonly maxEntries: number;
  /** Most bytes one XML part may inflate to. */
  readonly maxEntryBytes: number;
  /** Most bytes all entries may declare together. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

export type ZipErrorCode = 'docx-invalid-zip' | 'docx-too-many-entries' | 'docx-too-large' | 'docx-no-document';

/** Why a zip could not be read. */
export class ZipReadError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZipReadError';
  }
}

const CHUNK = 16 * 1024;

/**
 * Read one entry of a zip archive with limits. The central directory is listed first without inflating anything
 * (entry count and declared sizes are checked there); the entry is then inflated as a stream, chunk by chunk, and
 * abandoned as soon as its real size passes the cap, whatever the headers declared.
 */
export function readZipEntry(bytes: Uint8Array, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Uint8Array {
  let entries = 0;
  let total = 0;
  const listing = { found: false };
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        if (entries > limits.maxEntries) throw new ZipReadError('docx-too-many-entries', `more than ${limits.maxEntries} entries`);
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw new ZipReadError('docx-too-large', `declared size above ${limits.maxTotalBytes} bytes`);
        if (file.name === name) {
          listing.found = true;
          if (file.originalSize > limits.maxEntryBytes) throw new ZipReadError('docx-too-large', `${name} declares ${file.originalSize} bytes`);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ZipReadError) throw error;
    throw new ZipReadError('docx-invalid-zip', error instanceof Error ? error.message : String(error));
  }
  if (!listing.found) throw new ZipReadError('docx-no-document', `no ${name} in the archive`);

  const state: { chunks: Uint8Array[]; size: number; done: boolean; failure: ZipReadError | undefined } = { chunks: [], size: 0, done: false, failure: undefined };
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name !== name || state.done) return;
    file.ondata = (err, data, final) => {
      if (state.failure !== undefined) return;
      if (err !== null) {
        state.failure = new ZipReadError('docx-invalid-zip', err.message);
        return;
      }
      state.size += data.length;
      if (state.size > limits.maxEntryBytes) {
        state.failure = new ZipReadError('docx-too-large', `${name} inflates to more than ${limits.maxEntryBytes} bytes`);
        state.chunks = [];
        return;
      }
      state.chunks.push(data);
      if (final) state.done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !state.done && state.failure === undefined; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    state.failure ??= error instanceof ZipReadError ? error : new ZipReadError('docx-invalid-zip', error instanceof Error ? error.message : String(error));
  }
  if (state.failure !== undefined) throw state.failure;
  if (!state.done) throw new ZipReadError('docx-invalid-zip', `${name} could not be inflated`);
  const { chunks, size } = state;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
