import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb } from '@jixiao/testing';
import { FORMATTERS, type FormatName } from '../formats.js';
import { cases, checker, loadWorkbook } from '../../test/results.js';

const NAMES = Object.keys(FORMATTERS) as FormatName[];
const options = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

async function cellsOf(bytes: Uint8Array): Promise<string> {
  const wb = await loadWorkbook(bytes);
  const out: string[] = [];
  wb.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => out.push(cell.text));
    });
  });
  return out.join('\n');
}

describe('every formatter', () => {
  it('is registered under each format the issue asks for', () => {
    expect(NAMES.sort()).toEqual(['csv', 'html', 'json', 'junit', 'markdown', 'sarif', 'text', 'xlsx']);
  });

  for (const name of NAMES) {
    describe(name, () => {
      it('handles zero, one and many forms, and gives the same bytes for the same results', async () => {
        for (const [label, results] of await cases()) {
          const first = await FORMATTERS[name](results, options);
          const second = await FORMATTERS[name](structuredClone(results), options);
          expect(first, label).toEqual(second);
          const text = typeof first === 'string' ? first : await cellsOf(first);
          if (results.length === 0) continue;
          // Every unit name and every failing rule shows up (the nasty name is checked per format).
          for (const r of results) if (r.evaluation.unit !== null && /^[\p{Script=Han}]+$/u.test(r.evaluation.unit)) expect(text, `${label}: ${r.evaluation.unit}`).toContain(r.evaluation.unit);
          for (const f of results.flatMap((r) => r.findings).filter((x) => x.outcome === 'fail')) expect(text, `${label}: ${f.ruleId}`).toContain(f.ruleId);
        }
      });
    });
  }

  it('never throws and stays deterministic on any schema-valid form', async () => {
    const c = checker();
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.constantFrom(...NAMES), fc.constantFrom('zh-CN' as const, 'en' as const), async (e, name, locale) => {
        const r = await c.checkEvaluation(e, { source: 'form.json', locale });
        const a = await FORMATTERS[name]([r], { locale, toolVersion: '0.1.0' });
        const b = await FORMATTERS[name]([r], { locale, toolVersion: '0.1.0' });
        expect(a).toEqual(b);
      }),
      { numRuns: 60 },
    );
  });
});
