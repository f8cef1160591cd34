// `verbose` (jixiao check --verbose): a zh-CN report names each field with its model path beside its label, and each
// citation with how it was checked (the rule's basis[].verification); without it, neither appears.
import { describe, expect, it } from 'vitest';
import type { Locale } from '@jixiao/core';
import { FORMATTERS } from '../formats.js';
import { checker, exampleResult, workbookText } from '../../test/results.js';

/** The report of the seed (income total off: a failure with values and a verified citation), as the text a reader sees. */
async function report(name: 'text' | 'markdown' | 'html' | 'csv' | 'xlsx', locale: Locale, verbose: boolean): Promise<string> {
  const out = await FORMATTERS[name]([await exampleResult(locale)], { locale, toolVersion: '0.1.0', rules: checker().rules, verbose });
  if (typeof out === 'string') return name === 'html' ? out.replace(/<[^>]*>/g, '') : out;
  return workbookText(out);
}

describe('verbose reports', () => {
  it.each(['text', 'markdown', 'html', 'csv', 'xlsx'] as const)('%s: model paths and citation checks only when verbose', async (name) => {
    const plain = await report(name, 'zh-CN', false);
    expect(plain).toContain('年度收入合计');
    expect(plain).not.toContain('income.total');
    expect(plain).not.toContain('已核实');
    const verbose = await report(name, 'zh-CN', true);
    expect(verbose).toMatch(/年度收入合计（income\.total）|\| 年度收入合计 \| income\.total \|/);
    expect(verbose).toMatch(/〔已核实 \d{4}-\d{2}-\d{2}：/);
    const en = await report(name, 'en', true);
    expect(en).toMatch(/\[verified \d{4}-\d{2}-\d{2}: /);
    expect(await report(name, 'en', false)).not.toContain('verified');
  });
});
