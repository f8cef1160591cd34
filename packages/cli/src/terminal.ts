import type { ReportEnd } from '@jixiao/adapters';
import { visibleLines, visibleText, type UnreadInput } from '@jixiao/core';
import type { CliIo } from './io.js';

/**
 * Between what a form (or a pack, a waiver file, a file name) says and a terminal: `@jixiao/core`'s
 * {@link visibleText}, the one rule the reports and the workbench show such text by. A unit name with ESC
 * sequences could recolour or clear the screen, set the window title (OSC), ring the bell, hide text with CR,
 * reorder it with bidi overrides, or forge a report line with LF; printed through here, each such character shows
 * as a visible `\u001b`-style escape instead.
 */

/** A value from outside (a unit name, a file name, a message) for one line of terminal output: every control character shown, none obeyed, no line break. */
export const terminalText = visibleText;

/** Text laid out by this program (its own line breaks kept), with every other control character shown, none obeyed. */
export const terminalLines = visibleLines;

/** Every string of a value (a check result) through {@link terminalText}; numbers, booleans and null unchanged. */
function sanitizeDeep(value: unknown): unknown {
  if (typeof value === 'string') return terminalText(value);
  if (Array.isArray(value)) return value.map(sanitizeDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = sanitizeDeep(v);
    return out;
  }
  return value;
}

/** Is a report of this format read on a terminal (text, markdown), so that what it quotes must be shown, never obeyed? */
export function onTerminal(format: string): boolean {
  return format === 'text' || format === 'markdown';
}

/** A report's data (results, unread inputs) for a report read on a terminal (text, markdown): every string in it shown, never obeyed. */
export function terminalData<T>(data: T): T {
  return sanitizeDeep(data) as T;
}

/**
 * The inputs a report lists as not read, for a terminal: the file name on one line; the reason is text this program
 * laid out, a line per diagnostic (each line already shown as {@link visibleText} shows it when it was written), so
 * its line breaks stay line breaks instead of showing as `\u000a` between the diagnostics.
 */
export function terminalUnread(unread: readonly UnreadInput[]): UnreadInput[] {
  return unread.map((u) => ({ ...u, source: terminalText(u.source), reason: terminalLines(u.reason) }));
}

/**
 * The end of a streamed report read on a terminal: the summary, the sources and the cross-form section's preamble
 * through {@link terminalData} at once; the cross-form findings one at a time, as the writer reaches each
 * (`showFinding`), not copied all at once beside the section they copy (a large batch has tens of thousands).
 */
export function terminalEnd(end: Omit<ReportEnd, 'emitted'>): Omit<ReportEnd, 'emitted'> {
  const { crossForm, ...rest } = end;
  const shown = { ...terminalData(rest), digest: { ...terminalData(rest.digest), unread: terminalUnread(rest.digest.unread) } };
  if (crossForm === undefined) return shown;
  const { findings, ...section } = crossForm;
  return { ...shown, crossForm: { ...terminalData(section), findings }, showFinding: terminalData };
}

/** The CLI's outputs with {@link terminalLines} applied to standard error, and to standard output when `stdout` says so. */
export function terminalIo(io: CliIo, options: { stdout: boolean }): CliIo {
  return {
    ...io,
    stderr: (chunk) => {
      io.stderr(terminalLines(chunk));
    },
    stdout: options.stdout ? (chunk) => { io.stdout(typeof chunk === 'string' ? terminalLines(chunk) : chunk); } : io.stdout,
  };
}
