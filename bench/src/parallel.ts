/**
 * What the host gives two busy processes, measured beside the CLI's own runs (`--halves`, `--parallel`,
 * `--crossover`): a fixed, deterministic CPU loop that does no I/O and shares nothing — SHA-256 over a buffer and
 * `JSON.parse`/`JSON.stringify` of one of the bench's forms, a fixed number of times — run as one process alone,
 * then as two processes started together. On an idle machine with two real cores, two of them finish in the time
 * of one (scaling 2.0×); what the CLI's `--jobs 2` or two processes on halves reach can be read against it: a
 * batch cannot scale better than independent loops do on the same host in the same minutes.
 *
 * The loop allocates (the JSON round trips), so V8's garbage collector works in it as it does in the CLI; it
 * compiles almost nothing (one small function), so the JIT's background threads stay idle. `cores` is the
 * process's CPU time over its wall time: one busy process alone uses ~1.0 core, plus what its background threads
 * take on the other core.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The loop, as run by `node -e` with the form's file and the number of rounds as arguments. */
const LOOP = `
const { createHash } = require('node:crypto');
const form = require('node:fs').readFileSync(process.argv[1], 'utf8');
const rounds = Number(process.argv[2]);
const buffer = Buffer.alloc(1 << 16, 7);
let digest = Buffer.alloc(32);
let length = 0;
for (let i = 0; i < rounds; i++) {
  digest = createHash('sha256').update(buffer).update(digest).digest();
  length += JSON.stringify(JSON.parse(form)).length;
}
if (length === 0) console.log(digest.toString('hex'));
`;

export interface LoopRun {
  /** Wall time until every process of the run ended, ms. */
  readonly ms: number;
  /** CPU time of all of them (user + system), s. */
  readonly cpu: number;
}

function loop(file: string, rounds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, '-e', LOOP, file, String(rounds)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve(Number(cpu?.[1] ?? 'NaN') + Number(cpu?.[2] ?? 'NaN'));
    });
  });
}

async function together(file: string, rounds: number, processes: number): Promise<LoopRun> {
  const t = performance.now();
  const cpus = await Promise.all(Array.from({ length: processes }, () => loop(file, rounds)));
  return { ms: performance.now() - t, cpu: cpus.reduce((a, b) => a + b, 0) };
}

export interface CpuReference {
  readonly one: LoopRun;
  readonly two: LoopRun;
  /** Work done a second by two at once over one alone (2.0 on two free cores). */
  readonly scaling: number;
  /** One process's CPU time over its wall time. */
  readonly coresOfOne: number;
}

/**
 * One loop alone, then two started together, each best of `runs` (taken in turn, so both meet the same load);
 * `form` is the JSON the loop round-trips, written to `dir`. About 1 s of CPU a process at 10,000 rounds (on this machine, idle).
 */
export async function cpuReference(dir: string, form: string, rounds = 10_000, runs = 3): Promise<CpuReference> {
  const file = join(dir, 'cpu-reference-form.json');
  writeFileSync(file, form);
  const ones: LoopRun[] = [];
  const twos: LoopRun[] = [];
  for (let i = 0; i < runs; i++) {
    ones.push(await together(file, rounds, 1));
    twos.push(await together(file, rounds, 2));
  }
  const quickest = (xs: readonly LoopRun[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const one = quickest(ones);
  const two = quickest(twos);
  return { one, two, scaling: (2 * one.ms) / two.ms, coresOfOne: one.cpu / (one.ms / 1000) };
}

/** The reference as printed beside the CLI's figures. */
export function describeReference(r: CpuReference): string {
  return `one process ${(r.one.ms / 1000).toFixed(2)} s (${r.one.cpu.toFixed(2)} s CPU, ${r.coresOfOne.toFixed(2)} cores), two at once ${(r.two.ms / 1000).toFixed(2)} s (${r.two.cpu.toFixed(2)} s CPU): scaling ${r.scaling.toFixed(2)}×`;
}
