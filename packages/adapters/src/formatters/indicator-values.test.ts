// Issue 15, Chinese first: an indicator that cannot be computed reads 无法计算 in a zh-CN report a person reads (text,
// Markdown, HTML, the xlsx indicators sheet), N/A in English, its reason beside it; the JSON report keeps core's
// `display: "N/A"` (a public shape). Results come from the real checker.
import { describe, expect, it } from 'vitest';
import type { Locale } from '@jixiao/core';
import { FORMATTERS, type FormatName } from '../formats.js';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { checker, workbookText } from '../../test/results.js';

async function report(name: FormatName, locale: Locale): Promise<string> {
  const form = patchEvaluation(baseEvaluation(), { staffing: { authorized: null } });
  const results = [await checker().checkEvaluation(form, { source: 'forms/blank-staff.json', locale })];
  const out = await FORMATTERS[name](results, { locale, toolVersion: '0.1.0', rules: checker().rules });
  if (typeof out !== 'string') return workbookText(out);
  return name === 'html' ? out.replace(/<[^>]*>/g, ' ') : out;
}

describe('an indicator that cannot be computed', () => {
  it.each<[FormatName, RegExp]>([
    ['text', /在职人员控制率\s+无法计算（编制人数为空）/],
    ['markdown', /\| 在职人员控制率 \| 无法计算 \| 编制人数为空 \|/],
    ['html', /在职人员控制率\s+无法计算\s+编制人数为空/],
    ['xlsx', /在职人员控制率\s+无法计算\s+编制人数为空/],
  ])('reads 无法计算 in zh-CN %s, never N/A', async (name, shown) => {
    const out = await report(name, 'zh-CN');
    expect(out).toMatch(shown);
    expect(out).not.toContain('N/A');
  });

  it('reads N/A in English, and the JSON report keeps display "N/A"', async () => {
    expect(await report('text', 'en')).toMatch(/Staffing control rate\s+N\/A \(authorized staff is blank\)/);
    expect(await report('markdown', 'en')).toMatch(/\| [^|]+ \| N\/A \| [^|]+ \|/);
    expect(await report('json', 'zh-CN')).toContain('"display":"N/A"');
  });
});
