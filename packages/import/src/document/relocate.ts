import type { Evaluation, SourcePosition } from '@jixiao/core';
import type { ImportDiagnostic, ImportResult } from '../diagnostics.js';

/**
 * Where line `line` of the text a reader rebuilt stands in the file itself: paragraph and cell of a .docx, page
 * and line of a PDF (nothing when the line is unknown). A new object each call: {@link relocateRead} adds the
 * position's excerpt to it.
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
    // The excerpt is added to `locate`'s own new object rather than to a copy of it: copying each of a form's ~50
    // positions was half of this function's CPU (bench/RESULTS.md, fourteenth shift: ~130 against ~60 µs a form).
    const at: ReturnType<Locate> & { excerpt?: string } = locate(p.line);
    if (p.excerpt !== undefined) at.excerpt = p.excerpt;
    positions[path] = at;
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
