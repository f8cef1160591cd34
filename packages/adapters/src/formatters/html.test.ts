import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NASTY_UNIT, cases, exampleResult, manyResults } from '../../test/results.js';
import { escapeHtml, formatHtml } from './html.js';

const opts = { locale: 'zh-CN', toolVersion: '0.1.0' } as const;

describe('formatHtml', () => {
  it('is one self-contained zh-CN page: no scripts, no links to anything, a CSP that forbids requests, A4 print rules', async () => {
    for (const [label, results] of await cases()) {
      const html = formatHtml(results, opts);
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'), label).toBe(true);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|https?:\/\//i);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
      expect(html).toContain('@page { size: A4;');
      expect(html).toContain('@media print');
    }
  });

  it('shows each finding with its values, legal basis and source excerpt', async () => {
    const html = formatHtml([await exampleResult()], opts);
    expect(html).toContain('<span class="tag">不通过·错误</span>年度收入合计等于各项收入之和 <code>integrity/income-total</code>');
    // The form's label only: the model path is not even on hover (it is for --verbose).
    expect(html).toContain('<li>年度收入合计 <span class="value">264.47</span></li>');
    expect(html).not.toContain('income.total');
    expect(html).toContain('<strong>依据</strong>：《部门整体支出绩效自评基础数据表（表内勾稽关系）》');
    expect(html).toContain('第 14 行第 5 列（本级财政预算安排） <q class="excerpt" title="原文">&quot;localBudget&quot;: 267.47</q>');
    expect(html).not.toContain('class="summary-table"');
  });

  it('ends each form with a reviewer sign-off block, and gives the check date when known (a blank to fill in otherwise)', async () => {
    const blank = formatHtml([await exampleResult()], opts);
    expect(blank).toContain('检查日期：____年__月__日');
    expect(blank.match(/<div class="sign-off">/g)).toHaveLength(1);
    expect(blank).toContain('复核人（签字）：<span class="blank"></span>');
    const dated = formatHtml(await manyResults(), { ...opts, checkDate: '2026-11-30' });
    expect(dated.match(/<div class="sign-off">/g)).toHaveLength(4);
    expect(dated.match(/检查日期：2026-11-30/g)).toHaveLength(5);
    expect(dated).toContain('日期：2026-11-30</span>');
  });

  it('has a summary table for many forms and escapes hostile text', async () => {
    const html = formatHtml(await manyResults(), opts);
    expect(html).toContain('<table class="summary-table">');
    expect(html.match(/<section class="form"/g)).toHaveLength(4);
    // Each row of the summary links to its form's section, by the form's file (the same however it was written).
    const links = [...html.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    const ids = [...html.matchAll(/<section class="form" id="([^"]+)">/g)].map((m) => m[1]);
    expect([...links].sort()).toEqual([...ids].sort());
    expect(ids).toContain(escapeHtml(`form-${encodeURIComponent('forms/南湖区 财政局.json')}`));
    expect(html).toContain(escapeHtml(NASTY_UNIT));
    expect(html).not.toContain(NASTY_UNIT.slice(0, 4));
  });

  it('escapeHtml leaves no markup-significant character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
        expect(escapeHtml(s).replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
});
