import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_CONVERT_TIMEOUT_MS, MAX_CONVERT_TIMEOUT_S, MIN_CONVERT_TIMEOUT_S, parseConvertTimeoutSeconds } from '@jixiao/import/node';

/** `--convert-timeout`: seconds within the converter's bounds, else a usage error (exit 2) naming them. */
function parseConvertTimeout(value: string): number {
  const seconds = parseConvertTimeoutSeconds(value);
  if (seconds === undefined) {
    throw new InvalidArgumentError(`应为 ${String(MIN_CONVERT_TIMEOUT_S)} 到 ${String(MAX_CONVERT_TIMEOUT_S)} 之间的秒数 / must be a number of seconds from ${String(MIN_CONVERT_TIMEOUT_S)} to ${String(MAX_CONVERT_TIMEOUT_S)}`);
  }
  return seconds;
}

/**
 * `--soffice` and `--convert-timeout`, on the commands that read documents (check, import, serve) and on no other:
 * in `jixiao rules --help` they would mean nothing, and there they are unknown options (exit 2). They are passed on
 * through the environment, so that the batch's worker threads and serve's reading threads (started later) see them.
 */
export function withConverterOptions(command: Command): Command {
  return command
    .option('--soffice <path>', 'LibreOffice 的 soffice 路径，用于读取 .doc/.wps/.odt/.rtf/.xls/.et/.ods（默认在 PATH 中查找；也可设 JIXIAO_SOFFICE） / path to LibreOffice soffice, for .doc/.wps/.odt/.rtf/.xls/.et/.ods (default: found on PATH; or set JIXIAO_SOFFICE)')
    .option(
      '--convert-timeout <seconds>',
      `LibreOffice 转换每个文件的时限，${String(MIN_CONVERT_TIMEOUT_S)}–${String(MAX_CONVERT_TIMEOUT_S)} 秒（默认 ${String(DEFAULT_CONVERT_TIMEOUT_MS / 1000)}；也可设 JIXIAO_CONVERT_TIMEOUT） / time limit of one LibreOffice conversion, ${String(MIN_CONVERT_TIMEOUT_S)}–${String(MAX_CONVERT_TIMEOUT_S)} s (default ${String(DEFAULT_CONVERT_TIMEOUT_MS / 1000)}; or set JIXIAO_CONVERT_TIMEOUT)`,
      parseConvertTimeout,
    )
    .hook('preAction', (hooked) => {
      const { soffice, convertTimeout } = hooked.opts<{ soffice?: string; convertTimeout?: number }>();
      if (soffice !== undefined) process.env.JIXIAO_SOFFICE = soffice;
      if (convertTimeout !== undefined) process.env.JIXIAO_CONVERT_TIMEOUT = String(convertTimeout);
    });
}
