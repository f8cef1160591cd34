import { validateEvaluation } from '@jixiao/core';
import { parse as parseYamlText } from 'yaml';
import { failure, type ImportKind, type ImportResult } from '../diagnostics.js';

function fromValue(value: unknown, kind: ImportKind): ImportResult {
  const result = validateEvaluation(value);
  if (result.ok) return { ok: true, kind, evaluation: result.value, diagnostics: [], positions: {} };
  return {
    ok: false,
    kind,
    diagnostics: result.issues.map((i) => ({
      code: `schema-${i.code}`,
      severity: 'error' as const,
      path: i.path,
      message: {
        'zh-CN': `${i.label === undefined ? i.path : `${i.path}（${i.label}）`}：${i.message['zh-CN']}`,
        en: `${i.path}: ${i.message.en}`,
      },
    })),
  };
}

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
