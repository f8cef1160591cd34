import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NASTY_UNIT, cases, exampleResult, manyResults, must } from '../../test/results.js';
import { formatJunit } from './junit.js';
import { xmlSafe } from './xml.js';

// htmlEntities decodes numeric references (&#10;); its replacement needs a decoder package we do not have.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name), parseAttributeValue: false, parseTagValue: false, trimValues: false, htmlEntities: true });
const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

interface Case { name: string; classname: string; failure?: { '#text': string; message: string; type: string }; skipped?: { message: string } }
interface Suite { name: string; tests: string; failures: string; skipped: string; properties: { property: { name: string; value: string }[] }; testcase?: Case[] }
interface Doc { testsuites: { tests: string; failures: string; skipped: string; testsuite?: Suite[] } }

function parse(xml: string): Doc {
  // Still shipped in fast-xml-parser 5 (deprecated for a separate package): a real well-formedness check.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Doc;
}

describe('formatJunit', () => {
  it('has one testsuite per form and one testcase per rule, with matching counts, for zero, one and many forms', async () => {
    // [tests, failures, skipped] worked out from test/results.ts: 7 rules a form; the seed fails 1, the overstaffed
    // unit 2, the one with blanks 1 (and 2 undecided), the clean one none.
    const totals: Record<string, [number, number, number]> = { 'zero forms': [0, 0, 0], 'one form': [8, 1, 0], 'many forms': [32, 4, 2] };
    for (const [label, results] of await cases()) {
      const xml = formatJunit(results, opts);
      const doc = parse(xml);
      // Nothing but whitespace stands between the suites (XML would allow text there; a JUnit reader shows it nowhere).
      const outside = xml.replace(/<testsuite[ >][\s\S]*?<\/testsuite>/g, '').replace(/<\?xml[^>]*\?>|<\/?testsuites[^>]*>/g, '');
      expect(outside.trim(), label).toBe('');
      const suites = doc.testsuites.testsuite ?? [];
      expect(suites, label).toHaveLength(results.length);
      const { tests, failures, skipped } = doc.testsuites;
      expect([tests, failures, skipped].map(Number), label).toEqual(totals[label]);
      suites.forEach((suite, i) => {
        const r = must(results[i]);
        expect(suite.testcase ?? []).toHaveLength(r.findings.length);
        expect(Number(suite.tests)).toBe(r.findings.length);
        expect((suite.testcase ?? []).filter((c) => c.failure !== undefined)).toHaveLength(r.summary.fail);
        expect(Number(suite.failures)).toBe(r.summary.fail);
        expect((suite.testcase ?? []).filter((c) => c.skipped !== undefined)).toHaveLength(r.summary.indeterminate + r.summary.notApplicable);
      });
    }
  });

  it('gives a failure its message, severity and details (values, basis, location)', async () => {
    const doc = parse(formatJunit([await exampleResult()], opts));
    const failure = doc.testsuites.testsuite?.[0]?.testcase?.find((c) => c.name.startsWith('integrity/income-total'))?.failure;
    expect(failure?.type).toBe('error');
    expect(failure?.message).toBe('收入合计 264.47 万元与各项之和 267.47 万元不符（合计 − 各项之和 = -3.00 万元）');
    expect(failure?.['#text']).toContain('年度收入合计 = 264.47');
    expect(failure?.['#text']).toContain('依据: 《部门整体支出绩效自评基础数据表（表内勾稽关系）》');
    expect(failure?.['#text']).toContain('第 14 行第 5 列 「"localBudget": 267.47」');
  });

  it('escapes CJK text and XML special characters so they read back unchanged', async () => {
    const results = await manyResults();
    const doc = parse(formatJunit(results, opts));
    const suite = doc.testsuites.testsuite?.find((s) => s.properties.property.some((p) => p.name === 'unit' && p.value === NASTY_UNIT));
    expect(suite?.name).toBe(`${NASTY_UNIT} 2020 (forms/blanks.json)`);
  });

  it('any unit name or message survives the round trip (minus what XML 1.0 cannot carry)', async () => {
    const base = await exampleResult();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), async (unit, message) => {
        const r = { ...base, evaluation: { ...base.evaluation, unit }, findings: base.findings.map((f) => ({ ...f, message })) };
        const doc = parse(formatJunit([r], opts));
        const suite = doc.testsuites.testsuite?.[0];
        expect(suite?.properties.property.find((p) => p.name === 'unit')?.value).toBe(xmlSafe(unit));
        expect(suite?.testcase?.find((c) => c.failure !== undefined)?.failure?.message).toBe(xmlSafe(message));
        await Promise.resolve();
      }),
    );
  });
});
