import { closeSync, openSync, writeSync } from 'node:fs';
import { FORMATTERS, type FormatOptions } from '@jixiao/adapters';
import type { CliIo } from '../io.js';

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
  const write = (chunk: string | Uint8Array) => {
    if (fd === undefined) io.stdout(chunk);
    else if (typeof chunk === 'string') writeSync(fd, chunk);
    else writeSync(fd, chunk);
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
      if (fd !== undefined) closeSync(fd);
    },
  };
}
