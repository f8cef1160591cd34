/** @jixiao/cli: `execute(argv, io)` runs the command line and returns its exit code. */
export { execute } from './execute.js';
export { CliError, EXIT, EXIT_HELP, processIo } from './io.js';
export type { CliIo } from './io.js';
