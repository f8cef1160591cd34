// Waivers reach the batch's child processes: a form checked in a child is waived as one checked in this process
// (the waivers travel with the batch's settings and apply as each rule is decided). Real child processes, the
// bundled child entry (built by test/setup/build-cli.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { waiverRefs, type CheckWaivers } from '@jixiao/core';
import { loadChecker } from '../packs.js';
import { collectInputs } from './collect.js';
import type { FileOutcome } from './check-file.js';
import { checkFiles, startPool } from './run.js';
import { tempDir } from '../../../../test/setup/temp.js';

const DIST_CHILD = fileURLToPath(new URL('../../dist/batch-child.js', import.meta.url));
const dir = tempDir('jixiao-waivers-children-');
mkdirSync(join(dir, 'forms'));
const unit = '北塔区司法局';
// Twelve forms of one unit, 11 staff for 10 places: staffing/within-quota fails on each.
for (let i = 0; i < 12; i++) writeFileSync(join(dir, 'forms', `form-${String(i).padStart(2, '0')}.json`), JSON.stringify(patchEvaluation(baseEvaluation(), { unit: { name: unit }, staffing: { authorized: 10, actual: 11 } })));

const selection = { packs: ['staffing', 'rating'], cwd: dir };
const { files } = collectInputs(['forms'], dir, 'en');
const { checker } = loadChecker(selection);
const waivers: CheckWaivers = { refs: waiverRefs({ waivers: [{ rule: 'staffing/within-quota', unit, reason: '过渡期', approver: '绩效科', expires: '2999-12-31' }] }, 'w.yaml'), today: '2026-01-01' };

async function outcomes(jobs: number): Promise<FileOutcome[]> {
  const children = jobs === 1 ? undefined : startPool(files, jobs, true, selection, 'en', DIST_CHILD);
  const out: FileOutcome[] = [];
  try {
    await checkFiles(files, { locale: 'en', selection, checker, waivers, shape: {}, onOutcome: (o) => out.push(o) }, children);
  } finally {
    await children?.stop();
  }
  return out;
}

describe('waivers in a batch', () => {
  it('are applied in the child processes as in this process', async () => {
    const here = await outcomes(1);
    expect(here.map((o) => o.ok && o.brief.waived)).toEqual(Array.from({ length: 12 }, () => 1));
    expect(await outcomes(3)).toEqual(here);
  }, 60_000);
});
