import { validateEvaluation } from '@jixiao/core';
import type { ImportKind, ImportResult } from '../diagnostics.js';

/** The evaluation read from a parsed JSON/YAML value, or its schema issues as diagnostics. */
export function fromValue(value: unknown, kind: ImportKind): ImportResult {
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
