import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULT_CONVERT_TIMEOUT_MS, MAX_CONVERT_TIMEOUT_S, MIN_CONVERT_TIMEOUT_S, parseConvertTimeoutSeconds } from '@jixiao/import/node';
import { CliError, EXIT, EXIT_HELP, processIo, type CliIo } from './io.js';
import { registerCheck } from './commands/check.js';
import { registerImport } from './commands/import.js';
import { registerServe } from './commands/serve.js';
import { registerPack } from './commands/pack.js';
import { registerRules } from './commands/rules.js';
import { registerTemplate } from './commands/template.js';
import { terminalIo } from './terminal.js';
import { VERSION } from './version.js';

/** `--convert-timeout`: seconds within the converter's bounds, else a usage error (exit 2) naming them. */
function parseConvertTimeout(value: string): number {
  const seconds = parseConvertTimeoutSeconds(value);
  if (seconds === undefined) {
    throw new InvalidArgumentError(`应为 ${String(MIN_CONVERT_TIMEOUT_S)} 到 ${String(MAX_CONVERT_TIMEOUT_S)} 之间的秒数 / must be a number of seconds from ${String(MIN_CONVERT_TIMEOUT_S)} to ${String(MAX_CONVERT_TIMEOUT_S)}`);
  }
  return seconds;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('jixiao')
    .description('jixiao（绩效）：部门整体支出绩效自评合规检查 / compliance checker for 部门整体支出绩效自评 forms')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => { io.stdout(s); }, writeErr: (s) => { io.stderr(s); } })
    .showHelpAfterError()
    .addHelpText('after', `\n${EXIT_HELP}`)
    // Global options (before or after the command), shown in the help of every command: they reach the readers of
    // check, import and serve.
    .configureHelp({ showGlobalOptions: true })
    .option('--soffice <path>', 'LibreOffice 的 soffice 路径，用于读取 .doc/.wps/.odt/.rtf/.xls/.et/.ods（默认在 PATH 中查找；也可设 JIXIAO_SOFFICE） / path to LibreOffice soffice, for .doc/.wps/.odt/.rtf/.xls/.et/.ods (default: found on PATH; or set JIXIAO_SOFFICE)')
    .option(
      '--convert-timeout <seconds>',
      `LibreOffice 转换每个文件的时限，${String(MIN_CONVERT_TIMEOUT_S)}–${String(MAX_CONVERT_TIMEOUT_S)} 秒（默认 ${String(DEFAULT_CONVERT_TIMEOUT_MS / 1000)}；也可设 JIXIAO_CONVERT_TIMEOUT） / time limit of one LibreOffice conversion, ${String(MIN_CONVERT_TIMEOUT_S)}–${String(MAX_CONVERT_TIMEOUT_S)} s (default ${String(DEFAULT_CONVERT_TIMEOUT_MS / 1000)}; or set JIXIAO_CONVERT_TIMEOUT)`,
      parseConvertTimeout,
    )
    .hook('preAction', (command) => {
      // Through the environment, so that the batch's worker threads and serve's reading threads (started later) see them too.
      const { soffice, convertTimeout } = command.opts<{ soffice?: string; convertTimeout?: number }>();
      if (soffice !== undefined) process.env.JIXIAO_SOFFICE = soffice;
      if (convertTimeout !== undefined) process.env.JIXIAO_CONVERT_TIMEOUT = String(convertTimeout);
    });
  registerCheck(program, io, setExit);
  registerImport(program, io, setExit);
  registerRules(program, io, setExit);
  registerServe(program, io, setExit);
  registerPack(program, io, setExit);
  registerTemplate(program, io, setExit);
  return program;
}

/**
 * Run the CLI with `argv` (without `node` and the script) and return the exit code. Never throws and never
 * exits: the bin does that. A user-facing error is one clear message; an unexpected one says it is internal.
 */
export async function execute(argv: readonly string[], outside: CliIo = processIo()): Promise<number> {
  // Standard error carries unit names, file names and messages from forms: never a raw control character.
  const io = terminalIo(outside, { stdout: false });
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      io.stderr(`jixiao: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`jixiao ${VERSION}: 内部错误 / internal error: ${detail}\n请将此信息连同输入文件报告给维护者 / please report this with the input file.\n`);
    return EXIT.usage;
  }
}
