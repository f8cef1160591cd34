import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker, type EvaluationResult, type Locale } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { FORMATTERS } from '../formats.js';
import { baseEvaluation } from '@jixiao/testing';
import { REPO, checker, manyResults } from '../../test/results.js';

/** Four forms (the seed's failing income total has a position; one import diagnostic on a field) and a file not read. */
async function report(name: 'text' | 'markdown' | 'html' | 'csv', locale: Locale): Promise<string> {
  const [seed, ...rest] = await manyResults(locale);
  if (seed === undefined) throw new Error('no seed result');
  const diagnosed: EvaluationResult = { ...seed, diagnostics: [{ code: 'unreadable-figure', severity: 'error', message: locale === 'zh-CN' ? '无法识别' : 'cannot be read', path: 'income.other', line: 30, column: 2 }] };
  const out = FORMATTERS[name]([diagnosed, ...rest], { locale, toolVersion: '0.1.0', rules: checker().rules, unread: [{ source: 'forms/x.doc', reason: locale === 'zh-CN' ? '不支持的文件类型' : 'unsupported file type' }] });
  if (typeof out !== 'string') throw new Error('a text format gave bytes');
  return out;
}

// What the report itself writes around the figures: English punctuation in English, Chinese in Chinese.
describe('the punctuation a report writes follows its locale', () => {
  it('text', async () => {
    const en = await report('text', 'en');
    expect(en).toContain('Summary (4 form(s) checked, 1 not checked)');
    expect(en).toContain('Files not checked (1)');
    expect(en).toContain('Total (4 form(s) checked, 1 not checked)');
    const zh = await report('text', 'zh-CN');
    expect(zh).toContain('汇总（已检查 4 份，未能检查 1 份）');
    expect(zh).toContain('未能检查的文件（1）');
  });

  it('markdown', async () => {
    const en = await report('markdown', 'en');
    expect(en).toContain('## Summary (4 form(s) checked, 1 not checked)');
    expect(en).toContain('## Files not checked (1)');
    expect(en).toMatch(/^\*\*Location\*\*: examples\/beita-justice-2020\/evaluation\.json line 14, column 5$/m);
    expect(en).toMatch(/^\*\*Basis\*\*: \S/m);
    expect(en).toMatch(/^- Source: \S/m);
    expect(en).toContain('| other income: cannot be read |');
    expect(en).toMatch(/^\*\*\d+ passed\*\*: [^`;]+ \(`[^`]+`\); [^`;]+ \(`/m);
    const zh = await report('markdown', 'zh-CN');
    expect(zh).toContain('## 未能检查的文件（1）');
    expect(zh).toMatch(/^\*\*位置\*\*：examples/m);
    expect(zh).toMatch(/^\*\*通过 \d+ 项\*\*：[^`；]+ \(`[^`]+`\)；[^`；]+ \(`/m);
  });

  it('html', async () => {
    const en = await report('html', 'en');
    expect(en).toContain('<h2>Summary (4 form(s) checked, 1 not checked)</h2>');
    expect(en).toContain('<h2>Files not checked (1)</h2>');
    expect(en).toContain('<p class="location muted">Location: line 14, column 5 (local budget allocation)');
    expect(en).toContain('<strong>Basis</strong>: ');
    expect(en).toContain('Reviewer (signature): <span class="blank">');
    expect(en).toContain('<span>Source: examples/beita-justice-2020/evaluation.json</span>');
    expect(en).toContain('<td>other income: cannot be read <code>');
    expect(en).toMatch(/<p class="pass"><strong>\d+ passed<\/strong>: [^<、]+; /);
    const zh = await report('html', 'zh-CN');
    expect(zh).toContain('<h2>未能检查的文件（1）</h2>');
    expect(zh).toContain('<p class="location muted">位置：第 14 行第 5 列（本级财政预算安排）');
    expect(zh).toMatch(/<p class="pass"><strong>通过 \d+ 项<\/strong>：[^<]+；/);
  });

  it('html: the passed rules apart by ；, since a title holds 、 itself (资产管理、保存、处置合理规范 stays one title)', async () => {
    const management = createChecker([loadPackFromDir(resolve(REPO, 'rules/management'))]);
    const result = await management.checkEvaluation(baseEvaluation(), { source: 'forms/base.json', locale: 'zh-CN' });
    const zh = FORMATTERS.html([result], { locale: 'zh-CN', toolVersion: '0.1.0', rules: management.rules });
    expect(zh).toMatch(/(?:：|；)资产管理、保存、处置合理规范(?:；|<)/);
    expect(zh).not.toMatch(/资产管理、保存、处置合理规范、/);
  });

  it('csv (the import diagnostics and notes in the findings table)', async () => {
    const en = await report('csv', 'en');
    expect(en).toContain('Import diagnostics: other income');
    expect(en).not.toContain('Import diagnostics：');
    const zh = await report('csv', 'zh-CN');
    expect(zh).toContain('导入诊断：其他收入');
  });
});
