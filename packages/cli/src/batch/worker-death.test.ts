// A worker's death never takes other forms with it: a worker thread that dies with a chunk (out of memory, a crash)
// or a pool whose workers die while starting (a pack too large for a worker's heap) costs no form — those files are
// checked again in this thread, and every outcome is the one a single thread gives. Real piscina, real threads: the
// bundled worker entry (built by test/setup/build-cli.ts) wrapped so that it exits on cue.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { loadChecker } from '../packs.js';
import { collectInputs } from './collect.js';
import type { FileOutcome } from './check-file.js';
import { checkFiles, startWorkers } from './run.js';
import { tempDir } from '../../../../test/setup/temp.js';

const DIST_WORKER = fileURLToPath(new URL('../../dist/batch-worker.js', import.meta.url));
const dir = tempDir('jixiao-worker-death-');
mkdirSync(join(dir, 'forms'));
for (let i = 0; i < 12; i++) {
  const form = i % 3 === 0 ? patchEvaluation(baseEvaluation(), { staffing: { authorized: 10, actual: 10 + i } }) : baseEvaluation();
  writeFileSync(join(dir, 'forms', `${i === 5 ? 'crash' : 'form'}-${String(i).padStart(2, '0')}.json`), JSON.stringify(form));
}
writeFileSync(join(dir, 'forms', 'zz-broken.json'), '{"fiscalYear": 2020,');

/** The bundled worker entry, made to exit on cue: when it starts, or when a task holds a file named crash-*. */
function wrapper(name: string, when: 'start' | 'throw' | 'crash'): string {
  const file = join(dir, name);
  const entry = pathToFileURL(DIST_WORKER).href;
  writeFileSync(
    file,
    when === 'start'
      ? `process.exit(70);\nexport default async function () {}\n`
      : when === 'throw'
        ? `throw new Error('out of memory while compiling the packs');\n`
        : `import check from ${JSON.stringify(entry)};\nexport default async function (task) {\n  if (task.files.some((f) => f.source.includes('crash-'))) process.exit(70);\n  return check(task);\n}\n`,
  );
  return file;
}

const selection = { packs: ['integrity', 'staffing'], cwd: dir };
const { files } = collectInputs(['forms'], dir, 'en');
const { checker } = loadChecker(selection);

const shape = { render: { format: 'json' as const, options: { locale: 'en' as const, toolVersion: 'test', color: false, pretty: false, explain: false } } };

/** Outcomes in file order, each form's report chunks as text (a worker sends bytes, this thread text). */
async function outcomes(workerEntry?: string): Promise<unknown[]> {
  const workers = workerEntry === undefined ? undefined : await startWorkers(files, 3, true, selection, workerEntry);
  if (workerEntry !== undefined) expect(workers).toBeDefined();
  const out: FileOutcome[] = [];
  try {
    await checkFiles(files, { locale: 'en', selection, checker, shape, onOutcome: (o) => out.push(o) }, workers);
  } finally {
    await workers?.pool.destroy();
  }
  const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder().decode(c));
  return out.map((o) => (o.ok && o.chunks !== undefined ? { ...o, chunks: o.chunks.map(text) } : o));
}

describe('a worker that dies', () => {
  it('costs no form: the chunk it held is checked again in this thread, with the outcomes one thread gives', async () => {
    const alone = await outcomes();
    expect(alone).toHaveLength(13);
    expect(alone.filter((o) => (o as FileOutcome).ok)).toHaveLength(12);
    // Each form's part of the JSON report is compared, not only its row.
    for (const o of alone as FileOutcome[]) if (o.ok) expect(o.chunks?.join('')).toContain(o.source);
    const withDeath = await outcomes(wrapper('dies-on-crash.mjs', 'crash'));
    expect(withDeath).toEqual(alone);
    expect(JSON.stringify(withDeath)).not.toMatch(/internal error|worker/i);
  });

  it('costs no form when every worker dies while starting (the pool reports an error outside any task; it used to end the process with no report)', async () => {
    const alone = await outcomes();
    expect(await outcomes(wrapper('dies-on-start.mjs', 'start'))).toEqual(alone);
    // A worker that fails with an error while starting (as one out of memory does) makes the pool emit 'error'.
    expect(await outcomes(wrapper('throws-on-start.mjs', 'throw'))).toEqual(alone);
  });
});
