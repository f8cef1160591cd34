import { validateEvaluation } from '@jixiao/core';
import type { ImportKind, ImportResult } from '../diagnostics.js';

/** The path a validation issue about the document as a whole has. */
const ROOT = '(root)';

/**
 * The evaluation read from a parsed JSON/YAML value, or its schema issues as diagnostics. A diagnostic about a field
 * carries its path, and its message says only what is wrong: whoever shows it names the field (`formatDiagnostic`:
 * by its label, the model path with --verbose), so the message does not repeat the path.
 */
export function fromValue(value: unknown, kind: ImportKind): ImportResult {
  const result = validateEvaluation(value);
  if (result.ok) return { ok: true, kind, evaluation: result.value, diagnostics: [], positions: {} };
  return {
    ok: false,
    kind,
    diagnostics: result.issues.map((i) => ({
      code: `schema-${i.code}`,
      severity: 'error' as const,
      ...(i.path === ROOT ? {} : { path: i.path }),
      message: i.message,
    })),
  };
}
