// Issue 15 (lead's review): a form whose unit or year is blank is worded one way in every report, as every blank field
// is (core's CORE_MESSAGES.blank) — （空） / (blank) for the value in a cell or after its label, 单位为空 / unit blank
// where the field is not named otherwise (a heading, the parentheses after a file name) — never （无）, 未填 or an
// empty cell. Results come from the real checker.
import { describe, expect, it } from 'vitest';
import type { CrossFormReportFinding, EvaluationResult, Locale } from '@jixiao/core';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { checker, loadWorkbook, must } from '../../test/results.js';
import { FORMATTERS } from '../formats.js';
import { crossFormBlock, crossFormFindingRow, crossFormRow } from './cross-form.js';
import { batchCells } from './rows.js';
import { digestBatch, formBrief } from '@jixiao/core';

const BLANK = { 'zh-CN': '（空）', en: '(blank)' } as const;
const OTHER_WORDINGS = /（无）|未填|\(none\)/;

/** A form with neither unit nor year, a form with a unit and no year, and a complete one (so there is a batch summary). */
async function blankForms(locale: Locale): Promise<EvaluationResult[]> {
  const c = checker();
  const base = baseEvaluation();
  return [
    await c.checkEvaluation(patchEvaluation(base, { unit: { name: null }, fiscalYear: null, selfRating: { grade: null } }), { source: 'forms/blank.json', locale }),
    await c.checkEvaluation(patchEvaluation(base, { unit: { name: '东湖区司法局' }, fiscalYear: null }), { source: 'forms/named.json', locale }),
    await c.checkEvaluation(patchEvaluation(base, { unit: { name: '西山区教育局' } }), { source: 'forms/full.json', locale }),
  ];
}

async function text(name: 'text' | 'markdown' | 'html' | 'csv', locale: Locale): Promise<string> {
  const out = FORMATTERS[name](await blankForms(locale), { locale, toolVersion: '0.1.0', rules: checker().rules });
  return typeof out === 'string' ? out : new TextDecoder().decode(out);
}

/** The lines or rows of a report that concern the blank form (its file name is on them). */
const aboutBlankForm = (out: string) => out.split('\n').filter((l) => l.includes('forms/blank.json'));

describe('a blank unit or year is worded one way in every format', () => {
  it.each(['zh-CN', 'en'] as const)('text (%s): the form heading and the summary row', async (locale) => {
    const out = await text('text', locale);
    expect(out).toContain(locale === 'zh-CN' ? `${BLANK[locale]}  年度: ${BLANK[locale]}  自评等级: ${BLANK[locale]}` : `${BLANK[locale]}  Year: ${BLANK[locale]}  Self-rating: ${BLANK[locale]}`);
    expect(out).not.toMatch(OTHER_WORDINGS);
  });

  it.each(['zh-CN', 'en'] as const)('markdown (%s): the heading names the blank field, the summary row says （空） / (blank)', async (locale) => {
    const out = await text('markdown', locale);
    expect(out).toContain(locale === 'zh-CN' ? '## 单位为空 年度为空' : '## unit blank year blank');
    expect(aboutBlankForm(out).some((l) => l.includes(`| ${BLANK[locale]} | ${BLANK[locale]} |`))).toBe(true);
    expect(out).not.toMatch(OTHER_WORDINGS);
  });

  it('html: the heading names the blank field, the summary cells say （空）', async () => {
    const out = await text('html', 'zh-CN');
    expect(out).toContain('<h2>单位为空 年度为空</h2>');
    expect(out).toMatch(/forms\/blank\.json<\/a><\/td><td>（空）<\/td><td[^>]*>（空）<\/td>/);
    expect(out).not.toMatch(OTHER_WORDINGS);
  });

  it('csv: every row of the blank form has （空） in the unit and year columns, never an empty cell', async () => {
    const rows = aboutBlankForm(await text('csv', 'zh-CN'));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.startsWith('forms/blank.json,（空）,（空）,')).toBe(true);
  });

  it('xlsx: the summary, findings, indicator and review sheets say （空） in the unit and year columns; a year stays a number', async () => {
    const out = await FORMATTERS.xlsx(await blankForms('zh-CN'), { locale: 'zh-CN', toolVersion: '0.1.0', rules: checker().rules });
    if (typeof out === 'string') throw new Error('bytes expected');
    const wb = await loadWorkbook(out);
    let seen = 0;
    wb.eachSheet((sheet) => {
      const header = (sheet.getRow(1).values as unknown[]).map(String);
      const unit = header.indexOf('单位');
      const year = header.indexOf('年度');
      if (unit < 0 || year < 0) return;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === 'forms/blank.json') {
          seen++;
          expect([sheet.name, row.getCell(unit).value, row.getCell(year).value]).toEqual([sheet.name, '（空）', '（空）']);
        }
        if (row.getCell(1).value === 'forms/full.json') expect(typeof row.getCell(year).value).toBe('number');
      });
    });
    expect(seen).toBeGreaterThan(3);
  });

  it.each(['zh-CN', 'en'] as const)('cross-form section (%s): the table row says （空） / (blank), the head names the blank field', (locale) => {
    const finding: CrossFormReportFinding = {
      source: 'forms/blank.json', unit: null, fiscalYear: null, ruleId: 'batch/duplicate-narrative', title: 't', outcome: 'fail', severity: 'warning', redFlag: false,
      messageId: 'm', message: 'm', data: {}, related: [{ source: 'forms/named.json', unit: '东湖区司法局', fiscalYear: null, relation: 'similar-narrative' }],
    };
    expect(crossFormRow(finding, locale).slice(0, 3)).toEqual(['forms/blank.json', BLANK[locale], BLANK[locale]]);
    expect(crossFormFindingRow(finding, locale).slice(0, 3)).toEqual(['forms/blank.json', BLANK[locale], BLANK[locale]]);
    const block = crossFormBlock(finding, locale);
    expect(block.head).toContain(locale === 'zh-CN' ? 'forms/blank.json（单位为空 年度为空）' : 'forms/blank.json (unit blank year blank)');
    expect(block.lines.join('\n')).toContain(locale === 'zh-CN' ? '东湖区司法局 年度为空' : '东湖区司法局 year blank');
  });

  it.each(['zh-CN', 'en'] as const)('the batch summary cells the web workbench shows (%s)', async (locale) => {
    const [blank] = await blankForms(locale);
    const cells = batchCells(must(digestBatch([formBrief(must(blank))]).forms[0]), locale);
    expect([cells.unit, cells.fiscalYear, cells.selfRating]).toEqual([BLANK[locale], BLANK[locale], BLANK[locale]]);
  });
});
