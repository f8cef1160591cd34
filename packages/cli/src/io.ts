/** Everything the CLI touches of the outside world, so `execute` is testable in-process. */
export interface CliIo {
  readonly stdout: (chunk: string | Uint8Array) => void;
  readonly stderr: (chunk: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY,
  };
}

/** Exit codes (the CLI contract). */
export const EXIT = {
  /** No failing rule at error severity. */
  ok: 0,
  /** At least one failing rule at error severity. */
  failures: 1,
  /** Usage error, unreadable input, or internal error. */
  usage: 2,
} as const;

/** An error the user can act on: printed as one clear message, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
