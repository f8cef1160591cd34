import { parse as parseYamlText } from 'yaml';
import { failure, type ImportResult } from '../diagnostics.js';
import { fromValue } from './from-value.js';

// In a module of its own so that the YAML parser loads only when a YAML file is read (see `importBuffer`).

/** Read the canonical model written as YAML (aliases capped, so no billion-laughs expansion). */
export function importYaml(text: string): ImportResult {
  let value: unknown;
  try {
    value = parseYamlText(text.replace(/^\uFEFF/, ''), { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    return failure('yaml', 'yaml-invalid', `不是有效的 YAML：${detail}`, `not valid YAML: ${detail}`);
  }
  return fromValue(value, 'yaml');
}
