// `npm run bench`: build the CLI bundle and the bench bundle, then run the benchmark (see bench/src/bench.ts).
// Options are passed through: `npm run bench -- --forms 5000 --big 10000`.
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npm', ['run', 'build', '--silent', '-w', '@jixiao/cli']);
run('npx', ['tsup', '--config', 'bench/tsup.config.ts', '--silent']);
run(process.execPath, ['bench/out/bench.js', ...process.argv.slice(2)]);
