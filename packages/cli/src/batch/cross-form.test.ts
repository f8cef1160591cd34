// The CLI's cross-form pass, forms spooled to a file and read back, against core's pass over the same forms held in
// memory (`checkCrossForm`): the same report. The forms are large enough that the spool is read back in several
// mebibyte windows, one form is larger than a window, and the copies of one unit and year stand far apart in source
// order, so that the pass also reads forms out of spool order (and their positions, which findings name).
import { describe, expect, it } from 'vitest';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { checkCrossForm, crossFormReport, formRecord, type LoadedForm } from '@jixiao/core';
import { loadChecker } from '../packs.js';
import { CrossFormSpool, crossFormJson } from './cross-form.js';
import { tempDir } from '../../../../test/setup/temp.js';

// The standard preset (a folder of its own: no configuration file is found).
const { checker } = loadChecker({ cwd: tempDir('jixiao-cross-spool-') });

/** Form `i` of `count`: forms i and i + count/2 are copies of one unit and year (differing in their narrative). */
function form(i: number, count: number): LoadedForm & { source: string } {
  const unit = i % (count / 2);
  // ~18 KB of UTF-8 a form; form 7 ~1.1 MB (two fields near the model's 200,000 characters, not narratives the pass compares), more than a window.
  const text = (repeat: number) => `${'示例绩效'.repeat(repeat)} 第 ${String(i)} 份`;
  const long = i === 7 ? { suggestions: text(47_000), supervisorOpinion: text(47_000) } : {};
  const evaluation = patchEvaluation(baseEvaluation(), { unit: { name: `单位${String(unit)}`, code: String(100000 + unit) }, achievements: text(1500), ...long });
  const positions = { 'unit.name': { paragraph: 2, excerpt: `单位${String(unit)}` }, achievements: { paragraph: 40, cell: 'table 1, row 3, cell 2' } };
  return { source: `forms/form-${String(i).padStart(3, '0')}.json`, evaluation, positions };
}

describe('CrossFormSpool', () => {
  it('reports what the pass over the same forms in memory reports', () => {
    const count = 60;
    const forms = Array.from({ length: count }, (_, i) => form(i, count));
    const spool = new CrossFormSpool(checker);
    try {
      for (const f of forms) spool.add(formRecord(f.evaluation, f.source), crossFormJson(f.evaluation, f.positions));
      const spooled = spool.finish('zh-CN').report;
      const inMemory = crossFormReport(checkCrossForm(checker, forms, { locale: 'zh-CN' }));
      expect(inMemory.findings.length).toBeGreaterThan(0);
      expect(spooled).toEqual(inMemory);
    } finally {
      spool.close();
    }
  });
});
