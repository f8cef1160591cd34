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

/**
 * Exit codes (the CLI contract; documented in `jixiao --help` and the READMEs). When several apply, the highest
 * in this order wins: 2, then 3, then 1.
 */
export const EXIT = {
  /** Every input was read and checked; no failing rule at error severity (or `--exit-zero`). */
  ok: 0,
  /**
   * At least one failing rule at error severity (not waived); with `--fail-on warning|info`, at that severity or
   * above; or more warning-level failures than `--max-warnings`.
   */
  failures: 1,
  /** Usage or configuration error (bad option, config, pack, waiver file), or an internal error: nothing was checked as asked. */
  usage: 2,
  /**
   * Some input could not be read: a file that is missing, not a form or unreadable, or a form with an error-level
   * import diagnostic (a figure or answer that could not be read stays blank). The rest was checked and reported.
   */
  unreadable: 3,
} as const;

/** The exit codes as `jixiao --help` lists them. */
export const EXIT_HELP = `退出码 / exit codes:
  0  全部读取并检查，没有错误级不通过 / every input read and checked, no error-level failure
  1  至少一项错误级不通过（未豁免；--fail-on 可降至警告或提示级），或警告级不通过多于 --max-warnings / at least one error-level failure (not waived; --fail-on lowers the bar to warning or info), or more warning-level failures than --max-warnings
  2  用法、配置、规则包或豁免文件错误，没有可检查的文件，或内部错误 / usage, config, pack or waiver file error, nothing to check, or internal error
  3  有输入无法读取（文件缺失、不是自评表，或有错误级导入诊断），其余照常检查 / some input could not be read (missing, not a form, or an error-level import diagnostic); the rest was checked
  同时出现时取 2 > 3 > 1 / when several apply: 2 before 3 before 1
`;

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
