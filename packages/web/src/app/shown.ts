import { visibleLines } from '@jixiao/core';

/**
 * Text from outside (a file name, a form's cell, a value read, a message quoting one) as the page shows it: a control
 * character, a bidi override or a line separator as its `\\u202e`-style escape (`@jixiao/core`'s visibleLines, the
 * rule of the CLI's terminal output and of every report's reasons), never obeyed; a number as it is; a blank as —.
 */
export function asShown(value: string | number | null | undefined): string | number {
  return typeof value === 'string' ? visibleLines(value) : (value ?? '—');
}
