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
        expect(log.runs[0]?.results).toHaveLength(results.reduce((n, r) => n + r.findings.length, 0));
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
    const loc = fail?.locations?.[0];
    // income.localBudget is the first of the rule's paths with a position.
    expect(loc?.physicalLocation?.artifactLocation).toEqual({ uri: 'examples/beita-justice-2020/evaluation.json', index: 0 });
    expect(loc?.physicalLocation?.region).toEqual({ startLine: 14, startColumn: 5, endLine: 14, endColumn: 26, snippet: { text: '"localBudget": 267.47' } });
    expect(loc?.logicalLocations?.[0]).toMatchObject({ name: '本级财政预算安排', fullyQualifiedName: 'income.localBudget', properties: { label: '本级财政预算安排' } });
    // A .docx position (paragraph/cell) has no line: no region, the cell in the location's properties.
    const docx = run.results?.find((r) => r.ruleId === 'staffing/within-quota')?.locations?.[0];
    expect(docx?.physicalLocation?.region).toBeUndefined();
    expect(docx?.physicalLocation?.properties).toMatchObject({ paragraph: 7, cell: 'table 1, row 3, cell 4', excerpt: '实有人数 21' });
  });

  it('gives passes and undecided rules level "none" with their kind, as SARIF requires', async () => {
    const log = parse(formatSarif(await manyResults(), opts));
    for (const r of log.runs[0]?.results ?? []) {
      if (r.kind === 'fail') expect(['error', 'warning', 'note']).toContain(r.level);
      else expect(r.level).toBe('none');
    }
    expect(new Set(log.runs[0]?.results?.map((r) => r.kind))).toEqual(new Set(['fail', 'pass', 'review']));
  });

  it('gives each failure the level of its severity: error → error, warning → warning, info → note', async () => {
    const log = parse(formatSarif([await exampleResult(), await infoResult()], opts));
    const level = (ruleId: string, unit: string) => log.runs[0]?.results?.find((r) => r.ruleId === ruleId && (r.properties as { unit: string }).unit === unit)?.level;
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
