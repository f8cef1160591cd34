import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_LIMIT, INDICATORS, resultDocument, type EvaluationResult, type ResultDocument } from '@jixiao/core';
import { evaluationArb } from '@jixiao/testing';
import { EXAMPLE_POSITIONS, REPO, cases, checker, exampleResult, manyResults, must } from '../../test/results.js';
import { citation } from './common.js';
import { formatJson } from './json.js';

// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(resolve(REPO, 'packages/core/schema/result.schema.json'), 'utf8')) as object);
const validateV1 = ajv.compile(JSON.parse(readFileSync(resolve(REPO, 'packages/core/schema/result.v1.schema.json'), 'utf8')) as object);
const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

function parse(text: string): ResultDocument {
  return JSON.parse(text) as ResultDocument;
}

/**
 * Everything a v1 report said of each finding, read back from a v2 report: the rule's metadata from the report's
 * rule list, the finding's own fields from the finding (this is the migration a v1 reader makes).
 */
function findingsReadBack(doc: ResultDocument) {
  const rules = new Map(doc.rules.map((r) => [r.id, r]));
  return doc.results.map((r) =>
    r.findings.map((f) => {
      const rule = must(rules.get(f.ruleId), f.ruleId);
      return {
        ruleId: f.ruleId,
        pack: rule.pack.name,
        title: rule.title,
        outcome: f.outcome,
        severity: f.severity ?? rule.severity,
        redFlag: rule.redFlag,
        messageId: `${f.ruleId}#${f.messageId}`,
        message: f.message,
        data: f.data,
        observed: Object.fromEntries(rule.paths.map((p, i) => [p, f.observed[i]])),
        basis: rule.basis.map((b) => citation(b, doc.locale)),
        notes: f.notes?.map((n) => `${f.ruleId}#${n.messageId} ${n.message}`),
        waiver: f.waiver,
      };
    }),
  );
}

/** The same, from the results in memory. */
function findingsInMemory(results: readonly EvaluationResult[], locale: 'zh-CN' | 'en') {
  return results.map((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      pack: f.pack,
      title: f.title,
      outcome: f.outcome,
      severity: f.severity,
      redFlag: f.redFlag,
      messageId: f.messageId,
      message: f.message,
      data: f.data,
      observed: Object.fromEntries(f.paths.map((p) => [p, f.observed[p] ?? null])),
      basis: f.basis.map((b) => citation(b, locale)),
      notes: f.notes?.map((n) => `${n.messageId} ${n.message}`),
      waiver: f.waiver,
    })),
  );
}

describe('formatJson (report v2)', () => {
  it('is valid against the committed result schema for zero, one and many forms, in both locales, and is JSON.stringify of the document', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [label, results] of await cases(locale)) {
        const text = formatJson(results, { ...opts, locale });
        const doc = parse(text);
        expect(validate(doc), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(validateV1(doc), label).toBe(false);
        expect(doc).toMatchObject({ schemaVersion: 2, tool: { name: 'jixiao', version: '0.1.0' }, locale, unread: [] });
        expect(text).toBe(`${JSON.stringify(resultDocument(results, { ...opts, locale }))}\n`);
        expect(doc.results.map((r) => r.source)).toEqual(results.map((r) => r.source));
      }
    }
  });

  it('lists each rule once (metadata in the report locale only) and every finding refers to one of them', async () => {
    const many = await manyResults('en');
    const doc = parse(formatJson(many, { ...opts, locale: 'en', rules: checker().rules, parameters: checker().parameters }));
    const ids = doc.rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids).toEqual(checker().rules.map((r) => r.rule.id).sort());
    for (const f of doc.results.flatMap((r) => r.findings)) expect(ids).toContain(f.ruleId);
    // No rule metadata in a finding, and no Chinese in an English report's rule list beyond instrument names.
    for (const f of doc.results.flatMap((r) => r.findings)) for (const key of ['title', 'basis', 'pack', 'paths', 'redFlag']) expect(Object.keys(f)).not.toContain(key);
    const quota = must(doc.rules.find((r) => r.id === 'staffing/within-quota'));
    expect(quota).toMatchObject({ pack: { name: 'staffing', version: expect.any(String) as unknown }, title: 'Actual staff within the authorized quota', severity: 'warning' });
    for (const b of doc.rules.flatMap((r) => r.basis)) if (b.note !== undefined) expect(typeof b.note).toBe('string');
    expect(doc.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
  });

  it('loses nothing a v1 report said of a finding but the other locale, the explanation (unless explain) and excerpts past the cap', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [label, results] of await cases(locale)) {
        const doc = parse(formatJson(results, { ...opts, locale }));
        expect(findingsReadBack(doc), label).toEqual(findingsInMemory(results, locale));
        expect(doc.results.flatMap((r) => r.findings).some((f) => f.explanation !== undefined), label).toBe(false);
        const explained = parse(formatJson(results, { ...opts, locale, explain: true }));
        expect(explained.results.flatMap((r) => r.findings.map((f) => f.explanation)), label).toEqual(results.flatMap((r) => r.findings.map((f) => f.explanation)));
      }
    }
  });

  it('keeps the positions failed, undecided and noted findings point at, with excerpts capped and the position itself whole', async () => {
    const long = 'x'.repeat(EXCERPT_LIMIT + 40);
    const result = await exampleResult('zh-CN', { ...EXAMPLE_POSITIONS, 'income.total': { ...must(EXAMPLE_POSITIONS['income.total']), excerpt: long }, achievements: { line: 70, excerpt: '1、保障机关高效运转' } });
    const [item] = parse(formatJson([result], opts)).results;
    // income.localBudget is the first positioned field of the income rule; no rule of these packs reads achievements.
    expect(item?.positions?.['income.localBudget']).toEqual(EXAMPLE_POSITIONS['income.localBudget']);
    expect(item?.positions?.achievements).toBeUndefined();
    // Staffing passes (21 in post, 22 authorized): a pass says what it read in its message, the report gives no place.
    expect(result.findings.filter((f) => f.paths.includes('staffing.actual')).map((f) => f.outcome)).not.toContain('fail');
    expect(item?.positions?.['staffing.actual']).toBeUndefined();
    // A pass with a note to review keeps its place.
    const noted = { ...result, findings: result.findings.map((f) => (f.paths.includes('staffing.actual') ? { ...f, notes: [{ messageId: 'x#note', message: '请复核', data: {} }] } : f)) };
    expect(parse(formatJson([noted], opts)).results[0]?.positions?.['staffing.actual']).toEqual(EXAMPLE_POSITIONS['staffing.actual']);
    const capped = parse(formatJson([await exampleResult('zh-CN', { 'income.total': { line: 18, column: 5, endLine: 18, endColumn: 200, excerpt: long } })], opts)).results[0]?.positions?.['income.total'];
    expect(capped).toEqual({ line: 18, column: 5, endLine: 18, endColumn: 200, excerpt: `${'x'.repeat(EXCERPT_LIMIT)}…` });
  });

  it('carries import diagnostics and the inputs that were not read', async () => {
    const diagnostics = [{ code: 'unreadable-figure', severity: 'error', message: '年度收入合计无法识别：“二六四”', path: 'income.total', line: 18, column: 5 }] as const;
    const doc = parse(formatJson([{ ...(await exampleResult()), diagnostics }], { ...opts, unread: [{ source: 'forms/x.doc', reason: '不支持的文件类型' }] }));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.results[0]?.diagnostics).toEqual(diagnostics);
    expect(doc.unread).toEqual([{ source: 'forms/x.doc', reason: '不支持的文件类型' }]);
  });

  it('is one line by default and indented by two spaces with pretty, the same document either way', async () => {
    for (const [label, results] of await cases()) {
      const compact = formatJson(results, opts);
      const pretty = formatJson(results, { ...opts, pretty: true, unread: [{ source: 'a', reason: 'b' }] });
      expect(compact.endsWith('\n') && pretty.endsWith('\n'), label).toBe(true);
      expect(compact.trimEnd().includes('\n'), label).toBe(false);
      expect(pretty, label).toBe(`${JSON.stringify(resultDocument(results, { ...opts, unread: [{ source: 'a', reason: 'b' }] }), null, 2)}\n`);
    }
  });

  it('stays JSON.stringify of the document for any form, compact or indented', async () => {
    const c = checker();
    await fc.assert(
      fc.asyncProperty(fc.array(evaluationArb(), { maxLength: 3 }), fc.boolean(), async (forms, pretty) => {
        const results = await Promise.all(forms.map((e, i) => c.checkEvaluation(e, { source: `f${String(i)}.json` })));
        expect(formatJson(results, { ...opts, pretty })).toBe(`${JSON.stringify(resultDocument(results, opts), null, pretty ? 2 : undefined)}\n`);
      }),
      { numRuns: 20 },
    );
  });

  it('the schema is not vacuous: a finding with an unknown outcome is rejected', async () => {
    const doc = parse(formatJson([await exampleResult()], opts)) as unknown as { results: { findings: { outcome: string }[] }[] };
    must(doc.results[0]?.findings[0]).outcome = 'maybe';
    expect(validate(doc)).toBe(false);
  });
});
