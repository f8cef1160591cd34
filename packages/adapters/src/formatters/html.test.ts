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
    expect(html).toContain('<tr><td>年度收入合计</td><td><code>income.total</code></td><td class="num">264.47</td></tr>');
    expect(html).toContain('<strong>依据</strong>：《部门整体支出绩效自评基础数据表（表内勾稽关系）》');
    expect(html).toContain('<blockquote class="excerpt" title="原文">&quot;localBudget&quot;: 267.47</blockquote>');
    expect(html).not.toContain('class="summary-table"');
  });

  it('has a summary table for many forms and escapes hostile text', async () => {
    const html = formatHtml(await manyResults(), opts);
    expect(html).toContain('<table class="summary-table">');
    expect(html.match(/<section class="form"/g)).toHaveLength(4);
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
