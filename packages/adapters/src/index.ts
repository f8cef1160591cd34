/**
 * @jixiao/adapters: one pure formatter per output format, plus the HTTP adapter.
 */
import { formatJson } from './formatters/json.js';
import { formatText } from './formatters/text.js';
import type { Formatter } from './formatters/types.js';

export { formatJson, toResultDocument } from './formatters/json.js';
export { formatText } from './formatters/text.js';
export type { FormatOptions, Formatter } from './formatters/types.js';

/** Every output format by its `--format` name. */
export const FORMATTERS = {
  text: formatText,
  json: formatJson,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}
