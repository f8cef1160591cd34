import type { Evaluation, SourcePosition } from '@jixiao/core';
import type { ImportDiagnostic, ImportResult } from '../diagnostics.js';

/**
 * Where line `line` of the text a reader rebuilt stands in the file itself: paragraph and cell of a .docx, page
 * and line of a PDF (nothing when the line is unknown).
 */
export type Locate = (line: number | undefined) => Pick<SourcePosition, 'page' | 'line' | 'paragraph' | 'cell'>;

/** A diagnostic of the rebuilt text, placed in the file: its text line and column give way to `locate`'s position. */
export function relocateDiagnostic(d: ImportDiagnostic, locate: Locate): ImportDiagnostic {
  const { line, column: _column, ...rest } = d;
  return { ...rest, ...locate(line) };
}

/**
 * The evaluation and positions of a form read from text a reader rebuilt from a .docx or a PDF, placed in the file:
 * each position by `locate` (its excerpt kept), and each answer's resolution without the rebuilt text's line
 * number, which means nothing to a reader of the file (the answer's position carries where it is).
 */
export function relocateRead(result: Extract<ImportResult, { ok: true }>, locate: Locate): { evaluation: Evaluation; positions: Record<string, SourcePosition> } {
  const positions: Record<string, SourcePosition> = {};
  for (const [path, p] of Object.entries(result.positions)) {
    const at = locate(p.line);
    positions[path] = p.excerpt === undefined ? at : { ...at, excerpt: p.excerpt };
  }
  const evaluation = { ...result.evaluation };
  if (evaluation.answerResolution !== undefined) {
    evaluation.answerResolution = Object.fromEntries(
      Object.entries(evaluation.answerResolution).map(([field, r]) => {
        const { line: _line, ...rest } = r;
        return [field, rest];
      }),
    );
  }
  return { evaluation, positions };
}
