import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '@jixiao/adapters';
import type { CliIo } from '../io.js';
import { jsonReportWriter } from './json-stream.js';
import { tempDir } from '../../../../test/setup/temp.js';

const options = { locale: 'zh-CN', toolVersion: '0.0.0-test' } as const;
const utf8 = new TextEncoder();

/** Collects what the writer sends to stdout, keeping each chunk as it was handed over (the writer must not reuse it). */
function stdoutIo(): CliIo & { chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  return { chunks, stdout: (c) => chunks.push(typeof c === 'string' ? utf8.encode(c) : c), stderr: () => undefined, cwd: '.', env: {}, stdoutIsTTY: false };
}

/** What the report must be: the formatter's empty document with the items spliced into its results array. */
function expected(items: readonly string[], pretty: boolean): string {
  const empty = FORMATTERS.json([], { ...options, pretty });
  const at = empty.lastIndexOf('[]');
  if (items.length === 0) return empty;
  return pretty ? `${empty.slice(0, at)}[\n${items.join(',\n')}\n  ]${empty.slice(at + 2)}` : `${empty.slice(0, at)}[${items.join(',')}]${empty.slice(at + 2)}`;
}

// Items from a few bytes to more than the writer's 1 MiB buffer, ASCII and CJK, given as text or as UTF-8 bytes.
const itemArb = fc.tuple(fc.constantFrom('a', '审', '"x"', '€'), fc.integer({ min: 1, max: 600_000 }), fc.boolean()).map(([unit, n, asBytes]) => ({ text: JSON.stringify(unit.repeat(n)), asBytes }));

describe('the streamed JSON report', () => {
  it('has exactly the expected bytes on stdout and in a file, whatever the sizes and kinds of items', () => {
    const dir = tempDir('jixiao-stream-');
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 8 }), fc.boolean(), (items, pretty) => {
        const want = expected(items.map((i) => i.text), pretty);
        const io = stdoutIo();
        const file = join(dir, 'report.json');
        for (const target of [undefined, file]) {
          const w = jsonReportWriter({ ...options, pretty }, target, io);
          for (const i of items) w.item(i.asBytes ? utf8.encode(i.text) : i.text);
          w.end();
        }
        expect(Buffer.concat(io.chunks).toString('utf8')).toBe(want);
        expect(readFileSync(file, 'utf8')).toBe(want);
      }),
      { numRuns: 40 },
    );
  });
});
