import { Command, CommanderError } from 'commander';
import { CliError, EXIT, processIo, type CliIo } from './io.js';
import { registerCheck } from './commands/check.js';
import { registerImport } from './commands/import.js';
import { registerServe } from './commands/serve.js';
import { registerPack } from './commands/pack.js';
import { VERSION } from './version.js';

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('jixiao')
    .description('jixiao（绩效）：部门整体支出绩效自评合规检查 / compliance checker for 部门整体支出绩效自评 forms')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => { io.stdout(s); }, writeErr: (s) => { io.stderr(s); } })
    .showHelpAfterError();
  registerCheck(program, io, setExit);
  registerImport(program, io, setExit);
  registerServe(program, io, setExit);
  registerPack(program, io, setExit);
  return program;
}

/**
 * Run the CLI with `argv` (without `node` and the script) and return the exit code. Never throws and never
 * exits: the bin does that. A user-facing error is one clear message; an unexpected one says it is internal.
 */
export async function execute(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
