import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrossFormRun, crossFormReport, formRecord, type Checker, type CrossFormReport, type FormRecord, type Locale, type LoadedForm, type Template } from '@jixiao/core';
import type { DiagnosticWording } from '@jixiao/import';
import { loadInput } from '../input.js';
import { Spool } from './report-stream.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';
import type { InputFile } from './collect.js';
import type { FileOutcome } from './check-file.js';

/**
 * The cross-form pass of `jixiao check` (history and batch rules). While the forms are checked — in this process or
 * a child process — each leaves its record (unit, year, narrative signatures, ratios) and the form itself as JSON; the
 * records stay in memory (a few hundred bytes each), the forms go to a temporary spool file and are read back one
 * at a time when the pass needs them. Forms given with `--history` are read here, joined, never checked.
 */
export class CrossFormSpool {
  private readonly run: CrossFormRun;
  private readonly dir = makeTempDir(tmpdir(), 'jixiao-cross-');
  /** The forms, written a mebibyte at a time (one system call each, not one per form). */
  private readonly spool = new Spool(join(this.dir, 'forms.jsonl'));
  private readonly spans: (readonly [number, number])[] = [];
  private at = 0;
  /** The spool's bytes read last (see `window`). */
  private readonly ahead = { bytes: Buffer.alloc(READ_AHEAD_BYTES), at: 0, length: 0 };

  constructor(checker: Checker) {
    this.run = new CrossFormRun(checker);
  }

  /** Keep one form: its record, and the form (`{ evaluation, positions }` as JSON, or its UTF-8 bytes) in the spool. */
  add(record: FormRecord, form: string | Uint8Array): void {
    const length = this.spool.sink.write(form);
    this.spans[this.run.add(record)] = [this.at, length];
    this.at += length;
  }

  /** Read the history-only forms (`--history`): each joined to the checked ones, or an outcome saying why not. */
  async addHistory(files: readonly InputFile[], checked: ReadonlySet<string>, locale: Locale, templates?: readonly Template[], wording: DiagnosticWording = {}): Promise<FileOutcome[]> {
    const unread: FileOutcome[] = [];
    for (const file of files) {
      if (checked.has(file.source)) continue; // checked already: it takes part as a form of the run
      const input = await loadInput(file.path, locale, templates, wording);
      if (!input.ok) {
        unread.push({ ok: false, source: file.source, reason: `${locale === 'zh-CN' ? '（--history 上年表）' : '(--history) '}${input.reason}` });
        continue;
      }
      this.add(formRecord(input.evaluation, file.source, { context: true }), crossFormJson(input.evaluation, input.positions));
    }
    return unread;
  }

  /** Join every form kept, run the cross-form rules on the checked ones, and give the report's section. */
  finish(locale: Locale): { report: CrossFormReport; errors: number } {
    this.spool.sink.flush();
    const result = this.run.finish((i) => this.load(i), { locale });
    return { report: crossFormReport(result), errors: result.summary.errors };
  }

  /**
   * A form read back: its evaluation parsed at once, its positions only when a finding asks for them (the pass
   * reads every form's evaluation, but the positions of only the few forms a cross-form finding is on or names).
   */
  private load(index: number): LoadedForm {
    const [start, length] = this.spans[index] ?? [0, 0];
    const bytes = this.window(start, length);
    const split = bytes.indexOf(NEWLINE);
    const evaluation = JSON.parse(bytes.toString('utf8', 0, split)) as LoadedForm['evaluation'];
    if (split + 1 === length) return { evaluation };
    // The positions are read from the spool again when asked for: holding the form's bytes instead kept them alive
    // in the pass's cache of recent forms long enough to reach the old generation (+40 MB peak at 5,000 .docx).
    const read = () => JSON.parse(this.read(start + split + 1, length - split - 1).toString('utf8')) as LoadedForm['positions'];
    let positions: LoadedForm['positions'];
    return {
      evaluation,
      get positions() {
        return (positions ??= read());
      },
    };
  }

  /**
   * The bytes of a span of the spool, valid until the next call. The pass asks for the forms mostly in the order
   * they were spooled (source order, as the batch checks them): reading on from the last span, a mebibyte is read
   * at once, not one system call a form; a span elsewhere (a form named out of order) is read alone.
   */
  private window(start: number, length: number): Buffer {
    const ahead = this.ahead;
    const end = ahead.at + ahead.length;
    if (start < ahead.at || start + length > end) {
      const want = start >= ahead.at && start <= end ? Math.max(length, READ_AHEAD_BYTES) : length;
      if (ahead.bytes.length < want) ahead.bytes = Buffer.alloc(want);
      ahead.at = start;
      ahead.length = 0;
      while (ahead.length < want) {
        const n = this.spool.read(ahead.bytes.subarray(ahead.length, want), start + ahead.length);
        if (n === 0) break;
        ahead.length += n;
      }
    }
    return ahead.bytes.subarray(start - ahead.at, start - ahead.at + length);
  }

  private read(start: number, length: number): Buffer {
    const bytes = Buffer.alloc(length);
    this.spool.read(bytes, start);
    return bytes;
  }

  close(): void {
    this.spool.close();
    removeTempDir(this.dir);
  }
}

/** How much of the spool the pass reads at once. */
const READ_AHEAD_BYTES = 1 << 20;

/** The byte between a spooled form's evaluation and its positions (compact JSON holds no raw newline). */
const NEWLINE = 0x0a;

/**
 * A form as the spool keeps it: its evaluation as JSON, a newline, and its positions as JSON (nothing after the
 * newline when it has none), so that the pass can parse the evaluation alone.
 */
export function crossFormJson(evaluation: LoadedForm['evaluation'], positions: LoadedForm['positions']): string {
  return `${JSON.stringify(evaluation)}\n${positions === undefined ? '' : JSON.stringify(positions)}`;
}
