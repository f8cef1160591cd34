import { failure, type ImportResult } from '../diagnostics.js';
import { readFormText } from '../form/read-form.js';
import { toEvaluation } from '../form/to-evaluation.js';
import { markUnreadable } from './characters.js';
import { beyondForm, capDiagnostics, CELLS, FORM_LIMITS, LINES, tooComplex, tooLarge } from './limits.js';

/** Options shared by the importers. */
export interface ImportOptions {
  /** Name of the submission (file name), for messages. */
  readonly source?: string;
}

/** Largest text accepted (characters). */
export const MAX_TEXT_CHARS = 10_000_000;

/**
 * Read the form from text extracted from Word (tabs, blank lines, labels split across lines, full-width digits,
 * every checkbox encoding of ../shared/domain.md §2). Never throws: a text that is not the form is `ok: false`
 * with one `not-a-form` diagnostic.
 */
export function importText(text: string, _options: ImportOptions = {}): ImportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return failure('text', 'empty-file', '文件是空的，不是部门整体支出绩效自评表。', 'The file is empty; it is not a 部门整体支出绩效自评 form.');
  if (body.length > MAX_TEXT_CHARS) return tooLarge('text', MAX_TEXT_CHARS);
  const beyond = beyondForm([body]);
  if (beyond !== undefined) return tooComplex('text', 'too-complex', beyond === 'lines' ? FORM_LIMITS.maxLines : FORM_LIMITS.maxCells, beyond === 'lines' ? LINES : CELLS);
  // Control characters and unpaired surrogates become U+FFFD before reading, each an error with its place.
  const { text: readable, diagnostics } = markUnreadable(body);
  const result = toEvaluation(readFormText(readable), 'text');
  return result.ok ? { ...result, diagnostics: capDiagnostics([...diagnostics, ...result.diagnostics]) } : result;
}
