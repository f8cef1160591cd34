// A waived failure is shown apart, with its reason, approver and expiry, and never as an open failure.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { applyWaivers, type EvaluationResult } from '@jixiao/core';
import { exampleResult } from '../../test/results.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

async function waivedSeed(): Promise<EvaluationResult> {
  const waiver = { rule: 'integrity/income-total', unit: '北塔区司法局', year: 2020, reason: '合计差额为上年结转，已核实', approver: '张审核', expires: '2030-12-31' };
  const { results } = applyWaivers([await exampleResult()], [{ waiver, source: 'waivers.yaml', index: 0 }], { today: '2026-01-01' });
  const [result] = results;
  if (!result) throw new Error('no result');
  return result;
}

describe('waived findings in reports', () => {
  it('text: listed after the open findings with the waiver, and counted as waived', async () => {
    const text = formatText([await waivedSeed()], opts);
    expect(text).not.toContain('[不通过·错误] integrity/income-total');
    expect(text).toContain('[已豁免·不通过·错误] integrity/income-total');
    expect(text).toContain('豁免理由：合计差额为上年结转，已核实；批准人：张审核；有效期至 2030-12-31');
    expect(text).toContain('已豁免 1');
  });

  it('markdown: carries the waiver', async () => {
    expect(formatMarkdown([await waivedSeed()], opts)).toContain('批准人：张审核');
  });

  it('SARIF: an accepted external suppression with the justification', async () => {
    const log = JSON.parse(formatSarif([await waivedSeed()], opts)) as { runs: { results: { ruleId: string; suppressions?: { kind: string; status: string; justification: string }[] }[] }[] };
    const r = log.runs[0]?.results.find((x) => x.ruleId === 'integrity/income-total');
    expect(r?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: '合计差额为上年结转，已核实 (张审核, 2030-12-31)' }]);
  });

  it('JUnit: a skipped test case, not a failure', async () => {
    const xml = formatJunit([await waivedSeed()], opts);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { '@_failures': string; '@_skipped': string } };
    expect(doc.testsuites['@_failures']).toBe('0');
    expect(Number(doc.testsuites['@_skipped'])).toBe(1);
  });
});
