import { Command, CommanderError } from 'commander';
import { CliError, EXIT, EXIT_HELP, processIo, type CliIo } from './io.js';
import { registerCheck } from './commands/check.js';
import { registerImport } from './commands/import.js';
import { registerServe } from './commands/serve.js';
import { registerPack } from './commands/pack.js';
import { registerRules } from './commands/rules.js';
import { registerTemplate } from './commands/template.js';
import { withConverterOptions } from './commands/converter.js';
import { terminalIo } from './terminal.js';
import { bilingualUsageError } from './usage-errors.js';
import { VERSION } from './version.js';

/** The commands that read submitted documents (and so may convert them with LibreOffice). */
const READING_COMMANDS: ReadonlySet<string> = new Set(['check', 'import', 'serve']);

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('jixiao')
    .description('jixiao（绩效）：部门整体支出绩效自评合规检查 / compliance checker for 部门整体支出绩效自评 forms')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => { io.stdout(s); }, writeErr: (s) => { io.stderr(s); }, outputError: (s, write) => { write(bilingualUsageError(s)); } })
    .showHelpAfterError()
    .addHelpText('after', `\n${EXIT_HELP}`);
  registerCheck(program, io, setExit);
  registerImport(program, io, setExit);
  registerRules(program, io, setExit);
  registerServe(program, io, setExit);
  registerPack(program, io, setExit);
  registerTemplate(program, io, setExit);
  // The LibreOffice options go to the commands that read documents, and to no other (issue 14).
  for (const command of program.commands) if (READING_COMMANDS.has(command.name())) withConverterOptions(command);
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
