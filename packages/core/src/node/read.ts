import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { LocalizedText } from '../i18n/locale.js';

/**
 * Reading a file a user names (a config, a waiver file, a pack's files, a case file) without trusting it: only a
 * regular file is read, and never more than a cap. `readFileSync` on `/dev/zero` reads until memory runs out
 * (`std::bad_alloc`), on a FIFO it waits for a writer forever, and on a folder it fails with EISDIR: each is a
 * clear reason here instead.
 */

/** Largest config, waiver, pack or case file read (they are hand-written data; a real one is a few KB). */
export const MAX_DATA_FILE_BYTES = 1_000_000;

export type BoundedReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: 'not-found' | 'not-a-file' | 'too-large' | 'unreadable' | 'not-utf8'; readonly reason: LocalizedText };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Read a regular file of at most `maxBytes` as UTF-8 text (a byte-order mark is dropped). Opened without
 * blocking, so a FIFO is seen for what it is; the size is checked on the open file and again while reading (a
 * file that grows past the cap is refused, not truncated). Never throws.
 */
export function readTextFileBounded(file: string, maxBytes: number = MAX_DATA_FILE_BYTES): BoundedReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused as not a regular file).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, code: 'not-found', reason: { 'zh-CN': '文件不存在', en: 'file not found' } };
    if (code === 'EISDIR') return notAFile('文件夹', 'a folder');
    return { ok: false, code: 'unreadable', reason: { 'zh-CN': `无法打开（${String(code)}）`, en: `cannot be opened (${String(code)})` } };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return notAFile('文件夹', 'a folder');
    if (!stat.isFile()) return notAFile('设备、管道或套接字', 'a device, a pipe or a socket');
    if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return tooLarge(length, maxBytes);
    try {
      return { ok: true, text: utf8.decode(buffer.subarray(0, length)) };
    } catch {
      return { ok: false, code: 'not-utf8', reason: { 'zh-CN': '不是 UTF-8 文本', en: 'not UTF-8 text' } };
    }
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
    return { ok: false, code: 'unreadable', reason: { 'zh-CN': `无法读取（${String(code)}）`, en: `cannot be read (${String(code)})` } };
  } finally {
    closeSync(fd);
  }
}

function notAFile(zh: string, en: string): BoundedReadResult {
  return { ok: false, code: 'not-a-file', reason: { 'zh-CN': `不是普通文件（是${zh}）`, en: `not a regular file (${en})` } };
}

function tooLarge(size: number, max: number): BoundedReadResult {
  return { ok: false, code: 'too-large', reason: { 'zh-CN': `文件过大（至少 ${String(size)} 字节，上限 ${String(max)}）`, en: `file too large (at least ${String(size)} bytes, limit ${String(max)})` } };
}

/** Whether `target` lies inside the folder `root` (both resolved; a `..` step anywhere is outside). */
export function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}
