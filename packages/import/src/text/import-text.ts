import type { Template } from '@jixiao/core';
import { failure, type ImportResult } from '../diagnostics.js';
import { partitionText } from '../document/text.js';
import { readDocument } from '../template/read-document.js';
import { markUnreadable } from './characters.js';
import { beyondForm, capDiagnostics, CELLS, FORM_LIMITS, LINES, tooComplex, tooLarge } from './limits.js';

/** Options shared by the importers. */
export interface ImportOptions {
  /** Name of the submission (file name), for messages. */
  readonly source?: string;
  /** The form templates to recognise the document among (default: the shipped ones, `@jixiao/templates`). */
  readonly templates?: readonly Template[];
}

/** Largest text accepted (characters). */
export const MAX_TEXT_CHARS = 10_000_000;

/**
 * Read the form from text as published: extracted from Word (tabs, blank lines, labels split across lines,
 * full-width digits, every checkbox encoding of ../shared/domain.md §2), copied from a web page or a PDF. The
 * text is partitioned into elements and read with the template it is recognised as. Never throws: a text that
 * is not the form is `ok: false` with one diagnostic saying why.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return failure('text', 'empty-file', '文件是空的，不是部门整体支出绩效自评表。', 'The file is empty; it is not a 部门整体支出绩效自评 form.');
  if (body.length > MAX_TEXT_CHARS) return tooLarge('text', MAX_TEXT_CHARS);
  const beyond = beyondForm([body]);
  if (beyond !== undefined) return tooComplex('text', 'too-complex', beyond === 'lines' ? FORM_LIMITS.maxLines : FORM_LIMITS.maxCells, beyond === 'lines' ? LINES : CELLS);
  // Control characters and unpaired surrogates become U+FFFD before reading, each an error with its place.
  const { text: readable, diagnostics } = markUnreadable(body);
  const result = readDocument(partitionText(readable), 'text', { templates: options.templates });
  return result.ok ? { ...result, diagnostics: capDiagnostics([...diagnostics, ...result.diagnostics]) } : result;
}
