// `npm run bench`: build the CLI bundle and the bench bundle, then run the benchmark (see bench/src/bench.ts).
// Options are passed through: `npm run bench -- --forms 5000 --big 10000`.
// `npm run bench -- --web [--forms 1000]` runs the browser workbench's benchmark instead (bench/web/run.mjs);
// `npm run bench -- --xlsx [200]` the .xlsx reader against .docx in the same run (bench/src/xlsx.ts);
// `npm run bench -- --stages [1000]` what one .docx form costs, stage by stage, in process (bench/src/stages.ts);
// `npm run bench -- --crossover` where a child process starts to pay (batch sizes, --jobs 1 / 2 / default);
// `npm run bench -- --bundle` the library's browser bundle sizes (bench/bundle.mjs).
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const args = process.argv.slice(2);
if (args.includes('--bundle')) {
  run(process.execPath, ['bench/bundle.mjs']);
} else if (args.includes('--web')) {
  run(process.execPath, ['bench/web/run.mjs', ...args.filter((a) => a !== '--web')]);
} else {
  run('npm', ['run', 'build', '--silent', '-w', '@jixiao/cli']);
  run('npx', ['tsup', '--config', 'bench/tsup.config.ts', '--silent']);
  run(process.execPath, [args.includes('--xlsx') ? 'bench/out/xlsx.js' : args.includes('--stages') ? 'bench/out/stages.js' : 'bench/out/bench.js', ...args]);
}
