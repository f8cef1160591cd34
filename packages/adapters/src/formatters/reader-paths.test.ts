// Issue 15: a report a person reads names fields by the form's own labels, in English as in Chinese; the model's
// paths (`staffing.actual`) and the conditions that decided a finding (`derived.incomeTotal.absDifference
// moneyGreaterThan 0.03 (params.integrity.incomeTotalTolerance): 3 → true`) are a developer's, shown only with
// `--verbose`. The JSON report keeps its machine fields either way. Results come from the real checker.
import { describe, expect, it } from 'vitest';
import type { EvaluationResult, Locale } from '@jixiao/core';
import { FORMATTERS, type FormatName } from '../formats.js';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { checker, manyResults, workbookText } from '../../test/results.js';

/** A model path, as a finding's fields, the rules' facts and parameters are named in the model. */
const MODEL_PATH = /\b(?:unit|fiscalYear|staffing|income|expenditure|derived|params|indicators)\.[a-zA-Z]/;
const TRACE = /→ (?:true|false)|moneyGreaterThan|moneyEqual/;

/** What a reader sees of a report: text as written, HTML without its tags, every cell of a workbook, SARIF's messages. */
async function readerText(name: FormatName, results: readonly EvaluationResult[], locale: Locale, verbose: boolean): Promise<string> {
  const out = await FORMATTERS[name](results, { locale, toolVersion: '0.1.0', rules: checker().rules, verbose });
  if (typeof out !== 'string') return workbookText(out);
  if (name === 'html') return out.replace(/<[^>]*>/g, '');
  if (name === 'sarif') {
    const log = JSON.parse(out) as { runs: { results: { message: { text: string } }[] }[] };
    return log.runs.flatMap((run) => run.results.map((r) => r.message.text)).join('\n');
  }
  return out;
}

const READ: readonly FormatName[] = ['text', 'markdown', 'html', 'csv', 'xlsx', 'junit', 'sarif'];

describe('reports name fields by their labels, without model paths or condition traces', () => {
  it.each(READ.flatMap((name) => (['zh-CN', 'en'] as const).map((locale) => [name, locale] as const)))('%s, %s', async (name, locale) => {
    // The seed (income total off), an overstaffed unit, a form with a blank (required fields, undecided checks).
    const results = await manyResults(locale);
    const text = await readerText(name, results, locale, false);
    expect(text).toContain(locale === 'zh-CN' ? '编制人数' : 'authorized staff');
    expect(text).not.toMatch(MODEL_PATH);
    expect(text).not.toMatch(TRACE);
  });

  it('the English messages name blank fields by label alone ("Cannot decide: authorized staff blank")', async () => {
    const text = await readerText('text', await manyResults('en'), 'en', false);
    expect(text).toContain('Required fields are blank: authorized staff');
    expect(text).not.toContain('(staffing.authorized)');
  });

  it('JUnit: the failure body keeps the condition trace and the model paths for --verbose', async () => {
    const results = await manyResults('en');
    const verbose = await readerText('junit', results, 'en', true);
    expect(verbose).toContain('derived.incomeTotal.absDifference moneyGreaterThan 0.03 (params.integrity.incomeTotalTolerance): 3 → true');
    expect(verbose).toContain('total income (income.total) = 264.47');
    const plain = await readerText('junit', results, 'en', false);
    expect(plain).toContain('total income = 264.47');
  });

  it('the JSON report keeps its machine fields: the paths of the values read', async () => {
    expect(await readerText('json', await manyResults('en'), 'en', false)).toContain('"paths":["income.localBudget","income.nonTax","income.higherLevel","income.other","income.total"]');
  });
});

describe('a form without unit name or year is headed in words, not "(none) (none)"', () => {
  it.each<[FormatName, Locale, string]>([
    ['markdown', 'zh-CN', '## 单位为空 年度为空'],
    ['markdown', 'en', '## unit blank year blank'],
    ['html', 'en', '<h2>unit blank year blank</h2>'],
    ['junit', 'zh-CN', '<testsuite name="单位为空 年度为空 (forms/blank.json)"'],
    ['junit', 'en', '<testsuite name="unit blank year blank (forms/blank.json)"'],
  ])('%s, %s', async (name, locale, heading) => {
    const form = patchEvaluation(baseEvaluation(), { unit: { name: null }, fiscalYear: null });
    const named = patchEvaluation(baseEvaluation(), { unit: { name: '东湖区司法局' }, fiscalYear: null });
    const results = [await checker().checkEvaluation(form, { source: 'forms/blank.json', locale }), await checker().checkEvaluation(named, { source: 'forms/named.json', locale })];
    const out = await FORMATTERS[name](results, { locale, toolVersion: '0.1.0', rules: checker().rules });
    expect(out).toContain(heading);
    expect(out).toContain(locale === 'zh-CN' ? '东湖区司法局 年度为空' : '东湖区司法局 year blank');
    expect(out).not.toMatch(/\(none\) \(none\)|（无） （无）|（空） （空）|\(blank\) \(blank\)/);
  });
});
