import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { REPO, cases, checker, exampleResult, infoResult, manyResults, must } from '../../test/results.js';
import { artifactUri, formatSarif } from './sarif.js';

// The official SARIF 2.1.0 schema (draft-04), kept as a fixture; test/fixtures/README.md names its source.
const schema = JSON.parse(readFileSync(resolve(REPO, 'packages/adapters/test/fixtures/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// ajv-draft-04 is CommonJS: under NodeNext its default export is the module object.
const Ajv = Ajv04.default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormatsModule.default(ajv);
const validate = ajv.compile(schema);
const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

function parse(text: string): Log {
  return JSON.parse(text) as Log;
}

describe('formatSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema for zero, one and many forms, in both locales', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [label, results] of await cases(locale)) {
        const log = parse(formatSarif(results, { ...opts, locale }));
        expect(validate(log), `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        expect(log.runs).toHaveLength(1);
        // A result per failure, undecided rule and finding with a note to review.
        expect(log.runs[0]?.results).toHaveLength(results.reduce((n, r) => n + r.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'indeterminate' || f.notes !== undefined).length, 0));
      }
    }
    // With the loaded rules as the catalogue too.
    const log = parse(formatSarif(await manyResults(), { ...opts, rules: checker().rules }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0]?.tool.driver.rules?.map((r) => r.id)).toEqual(checker().rules.map((r) => r.rule.id).sort());
  });

  it('the schema is not vacuous: a bad level is rejected', async () => {
    const log = parse(formatSarif([await exampleResult()], opts)) as unknown as { runs: { results: { level: string }[] }[] };
    must(log.runs[0]?.results[0]).level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('describes each rule: id, name, short and full description, help with the legal basis, default level', async () => {
    const log = parse(formatSarif(await manyResults(), opts));
    const rule = log.runs[0]?.tool.driver.rules?.find((r) => r.id === 'staffing/within-quota');
    expect(rule).toMatchObject({
      id: 'staffing/within-quota',
      name: 'within-quota',
      shortDescription: { text: '实有人数不超过编制人数' },
      defaultConfiguration: { level: 'warning' },
    });
    expect(rule?.fullDescription?.text).toBeTruthy();
    expect(rule?.help?.text).toContain('《地方各级人民政府机构设置和编制管理条例》 国务院令第486号');
  });

  it('locates a failure in the submitted file (line/column from the importer) and at the form field', async () => {
    const log = parse(formatSarif([await exampleResult()], opts));
    const run = must(log.runs[0]);
    const fail = run.results?.find((r) => r.ruleId === 'integrity/income-total');
    expect(fail).toMatchObject({ kind: 'fail', level: 'error', message: { text: expect.stringContaining('264.47') as unknown } });
    expect(run.tool.driver.rules?.[fail?.ruleIndex ?? -1]?.id).toBe('integrity/income-total');
    // The message's id within its rule, as in the JSON report; the values read are in the message.
    expect(fail?.properties).toEqual({ messageId: 'mismatch' });
    const loc = fail?.locations?.[0];
    // income.localBudget is the first of the rule's paths with a position.
    expect(loc?.physicalLocation?.artifactLocation).toEqual({ uri: 'examples/beita-justice-2020/evaluation.json' });
    expect(loc?.physicalLocation?.region).toEqual({ startLine: 14, startColumn: 5, endLine: 14, endColumn: 26, snippet: { text: '"localBudget": 267.47' } });
    expect(loc?.logicalLocations?.[0]).toEqual({ name: '本级财政预算安排', fullyQualifiedName: 'income.localBudget', kind: 'member' });
    // A .docx position (paragraph/cell) has no line: no region, the cell in the location's properties.
    const docx = parse(formatSarif([await exampleResult('zh-CN', { 'income.localBudget': { paragraph: 7, cell: 'table 1, row 3, cell 4', excerpt: '本级财政预算安排 267.47' } })], opts)).runs[0];
    const at = docx?.results?.find((r) => r.ruleId === 'integrity/income-total')?.locations?.[0];
    expect(at?.physicalLocation?.region).toBeUndefined();
    expect(at?.physicalLocation?.properties).toEqual({ paragraph: 7, cell: 'table 1, row 3, cell 4', excerpt: '本级财政预算安排 267.47' });
  });

  it('lists the rules once, each result pointing at its rule by ruleIndex, and each form once as an artifact with its unit, year and grade', async () => {
    const many = await manyResults();
    const text = formatSarif(many, { ...opts, rules: checker().rules });
    expect(text.trimEnd().includes('\n')).toBe(false);
    const run = must(parse(text).runs[0]);
    const rules = run.tool.driver.rules ?? [];
    for (const r of run.results ?? []) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    expect(run.artifacts?.map((a) => a.location?.uri)).toEqual(many.map((r) => artifactUri(r.source)));
    const s = must(many[1]).summary;
    expect(run.artifacts?.[1]?.properties).toEqual({ unit: '南湖区财政局', fiscalYear: 2020, selfRating: '良', rules: s.total, passed: s.pass, notApplicable: s.notApplicable });
    // Nothing of the rule is repeated in its results.
    expect(text.slice(text.indexOf('"results":'))).not.toContain('地方各级人民政府机构设置和编制管理条例');
    expect(text.slice(0, text.indexOf('"results":'))).toContain('地方各级人民政府机构设置和编制管理条例');
  });

  it('reports import diagnostics and unread inputs as tool execution notifications, located in their file', async () => {
    const diagnostics = [{ code: 'unreadable-figure', severity: 'error', message: '年度收入合计无法识别', path: 'income.total', line: 18, column: 5 }, { code: 'leftover-text', severity: 'info', message: '未对应任何栏目的文本', paragraph: 90, cell: 'table 1, row 2, cell 1' }] as const;
    const withDiagnostics = { ...(await exampleResult()), diagnostics };
    for (const unread of [[], [{ source: 'forms/坏.docx', reason: '不是 zip 文件' }]]) {
      const log = parse(formatSarif([withDiagnostics], { ...opts, unread }));
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const invocation = must(log.runs[0]?.invocations?.[0]);
      expect(invocation.executionSuccessful).toBe(unread.length === 0);
      const notes = invocation.toolExecutionNotifications ?? [];
      expect(notes.map((n) => [n.descriptor?.id, n.level, n.message.text])).toEqual([
        ['import/unreadable-figure', 'error', '年度收入合计无法识别'],
        ['import/leftover-text', 'note', '未对应任何栏目的文本'],
        ...unread.map((u) => ['unreadable-input', 'error', u.reason]),
      ]);
      expect(notes[0]?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'examples/beita-justice-2020/evaluation.json' }, region: { startLine: 18, startColumn: 5 } });
      expect(notes[1]?.locations?.[0]?.physicalLocation?.properties).toEqual({ paragraph: 90, cell: 'table 1, row 2, cell 1' });
      expect(log.runs[0]?.artifacts?.map((a) => a.location?.uri)).toEqual(['examples/beita-justice-2020/evaluation.json', ...unread.map((u) => artifactUri(u.source))]);
    }
  });

  it('puts review notes that came with a pass (answers inferred …) in the result message', async () => {
    const result = await exampleResult();
    const noted = { ...result, findings: result.findings.map((f) => (f.ruleId === 'staffing/within-quota' ? { ...f, notes: [{ messageId: 'x#n', message: '以下答案为推断所得，请复核', data: {} }] } : f)) };
    const r = parse(formatSarif([noted], opts)).runs[0]?.results?.find((x) => x.ruleId === 'staffing/within-quota');
    expect(r?.message.text).toMatch(/\n以下答案为推断所得，请复核$/);
  });

  it('lists failures and undecided rules, located, levels on failures only; passes only with a note to review, counted on the artifact', async () => {
    const many = await manyResults();
    const log = parse(formatSarif(many, opts));
    const run = must(log.runs[0]);
    for (const r of run.results ?? []) {
      if (r.kind === 'fail') expect(['error', 'warning', 'note']).toContain(r.level);
      else expect(r.level).toBeUndefined();
      expect(r.locations).toHaveLength(1);
    }
    // The seed's answers-resolved pass carries the inferred answers' note; no other pass is a result.
    const passes = (run.results ?? []).filter((r) => r.kind === 'pass').map((r) => r.ruleId);
    expect(new Set(passes)).toEqual(new Set(many.flatMap((m) => m.findings.filter((f) => f.outcome === 'pass' && f.notes !== undefined).map((f) => f.ruleId))));
    expect(run.results?.filter((r) => r.kind === 'fail' || r.kind === 'review')).toHaveLength(many.reduce((n, m) => n + m.summary.fail + m.summary.waived + m.summary.indeterminate, 0));
    expect(run.artifacts?.[0]?.properties).toMatchObject({ unit: '北塔区司法局', rules: many[0]?.summary.total, passed: many[0]?.summary.pass, notApplicable: many[0]?.summary.notApplicable });
  });

  it('gives each failure the level of its severity: error → error, warning → warning, info → note', async () => {
    const log = parse(formatSarif([await exampleResult(), await infoResult()], opts));
    // A failure is located in its form's file, an artifact that names the unit.
    const unitOf = (uri: string | undefined) => (log.runs[0]?.artifacts?.find((a) => a.location?.uri === uri)?.properties as { unit: string } | undefined)?.unit;
    const level = (ruleId: string, unit: string) => log.runs[0]?.results?.find((r) => r.ruleId === ruleId && unitOf(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri) === unit)?.level;
    expect(level('integrity/income-total', '北塔区司法局')).toBe('error');
    expect(level('staffing/within-quota', '南湖区财政局')).toBe('note');
    expect(level('staffing/declaration-consistent', '南湖区财政局')).toBe('error');
    const warning = parse(formatSarif(await manyResults(), opts)).runs[0]?.results?.find((r) => r.ruleId === 'staffing/within-quota' && r.kind === 'fail');
    expect(warning?.level).toBe('warning');
    // The catalogue's default level follows the configured severity.
    const rules = parse(formatSarif([await infoResult()], opts)).runs[0]?.tool.driver.rules;
    expect(rules?.find((r) => r.id === 'staffing/within-quota')?.defaultConfiguration?.level).toBe('note');
  });

  it('artifact URIs are valid URI references for any file name', () => {
    const uriAjv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormatsModule.default(uriAjv);
    const isUriRef = uriAjv.compile({ type: 'string', format: 'uri-reference' });
    expect(artifactUri('forms/南湖区 财政局.json')).toBe('forms/%E5%8D%97%E6%B9%96%E5%8C%BA%20%E8%B4%A2%E6%94%BF%E5%B1%80.json');
    expect(artifactUri('C:\\forms\\a b.json')).toBe('file:///C:/forms/a%20b.json');
    expect(artifactUri('/tmp/x#1.json')).toBe('file:///tmp/x%231.json');
    expect(isUriRef(artifactUri('a\uD800b'))).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const uri = artifactUri(name);
        expect(isUriRef(uri)).toBe(true);
        if (!/^[A-Za-z]:[\\/]/.test(name) && !name.replace(/\\/g, '/').startsWith('/')) expect(decodeURIComponent(uri)).toBe(name.replace(/\\/g, '/'));
      }),
    );
  });
});
