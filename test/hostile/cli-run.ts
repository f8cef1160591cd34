// Shared by the test/hostile/cli-*.test.ts files: the CLI run in this process, and fresh folders under one temp dir.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute, type CliIo } from '@jixiao/cli';
import { tempDir } from '../setup/temp.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED = join(ROOT, 'examples/beita-justice-2020/evaluation.json');

/** `jixiao …args` run in this process from `cwd`: exit code and both outputs as text. */
export async function jixiao(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const decoder = new TextDecoder();
  const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : decoder.decode(c)), stderr: (c) => err.push(c), cwd, env: {}, stdoutIsTTY: false };
  const code = await execute(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A maker of new empty folders inside one temp dir (removed after the test file). */
export function folders(prefix: string): { temp: string; tmp: () => string } {
  const temp = tempDir(prefix);
  let n = 0;
  return {
    temp,
    tmp: () => {
      const dir = join(temp, String(n++));
      mkdirSync(dir);
      return dir;
    },
  };
}
