import { failure, type ImportResult } from '../diagnostics.js';
import { fromValue } from './from-value.js';

/** Read the canonical model written as JSON; zod issues become diagnostics with the field path and its Chinese label. */
export function importJson(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure('json', 'json-invalid', `不是有效的 JSON：${detail}`, `not valid JSON: ${detail}`);
  }
  return fromValue(value, 'json');
}
