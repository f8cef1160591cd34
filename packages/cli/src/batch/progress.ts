import type { CliIo } from '../io.js';

/** A running progress bar. */
export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/**
 * A progress bar on standard error, only for a person watching: standard error (and standard output) must be a
 * terminal, and `CI` must not be set. Otherwise nothing (logs and pipes get the summary only). The progress bar
 * library is loaded only then.
 */
export async function startProgress(total: number, io: CliIo): Promise<Progress | undefined> {
  if (!io.stdoutIsTTY || !process.stderr.isTTY || (io.env.CI !== undefined && io.env.CI !== '') || total < 2) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'jixiao check [{bar}] {value}/{total} {percentage}% ETA {eta}s', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => { bar.update(done); }, stop: () => { bar.stop(); } };
}
