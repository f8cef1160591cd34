// Waivers reach the batch's worker threads: a form checked in a worker is waived as one checked in this thread
// (the waivers travel with each task and apply as each rule is decided). Real piscina, the bundled worker entry
// (built by test/setup/build-cli.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { waiverRefs, type CheckWaivers } from '@jixiao/core';
import { loadChecker } from '../packs.js';
import { collectInputs } from './collect.js';
import type { FileOutcome } from './check-file.js';
import { checkFiles, startWorkers } from './run.js';
import { tempDir } from '../../../../test/setup/temp.js';

const DIST_WORKER = fileURLToPath(new URL('../../dist/batch-worker.js', import.meta.url));
const dir = tempDir('jixiao-waivers-workers-');
mkdirSync(join(dir, 'forms'));
const unit = '北塔区司法局';
// Twelve forms of one unit, 11 staff for 10 places: staffing/within-quota fails on each.
for (let i = 0; i < 12; i++) writeFileSync(join(dir, 'forms', `form-${String(i).padStart(2, '0')}.json`), JSON.stringify(patchEvaluation(baseEvaluation(), { unit: { name: unit }, staffing: { authorized: 10, actual: 11 } })));

const selection = { packs: ['staffing', 'rating'], cwd: dir };
const { files } = collectInputs(['forms'], dir, 'en');
const { checker } = loadChecker(selection);
const waivers: CheckWaivers = { refs: waiverRefs({ waivers: [{ rule: 'staffing/within-quota', unit, reason: '过渡期', approver: '绩效科', expires: '2999-12-31' }] }, 'w.yaml'), today: '2026-01-01' };

async function outcomes(threads: number): Promise<FileOutcome[]> {
  const workers = threads === 0 ? undefined : await startWorkers(files, threads, true, selection, DIST_WORKER);
  const out: FileOutcome[] = [];
  try {
    await checkFiles(files, { locale: 'en', selection, checker, waivers, shape: {}, onOutcome: (o) => out.push(o) }, workers);
  } finally {
    await workers?.pool.destroy();
  }
  return out;
}

describe('waivers in a batch', () => {
  it('are applied in the worker threads as in this thread', async () => {
    const here = await outcomes(0);
    expect(here.map((o) => o.ok && o.brief.waived)).toEqual(Array.from({ length: 12 }, () => 1));
    expect(await outcomes(3)).toEqual(here);
  }, 60_000);
});
