import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CrossFormReportSchema, ResultDocumentSchema, resultDocument, type CrossFormReport, type EvaluationResult } from '@jixiao/core';
import { manyResults } from '../../test/results.js';
import { FORMATTERS, WRITERS } from '../formats.js';
import { crossFormBlock } from './cross-form.js';
import { formatJson } from './json.js';
import { renderReport, reportEnd, type ReportEnd, type ReportWriter } from './report.js';
import type { FormatOptions, Formatter } from './types.js';

/** A cross-form section as the CLI passes it: one history failure with positions in both forms, one undecided finding. */
const CROSS: CrossFormReport = {
  summary: { total: 16, pass: 9, fail: 1, indeterminate: 1, notApplicable: 5, waived: 0, errors: 1, warnings: 0, infos: 0, redFlags: 1 },
  history: [{ source: 'b/2021.txt', previous: 'a/2020.txt' }],
  diagnostics: [{ code: 'previous-ambiguous', message: '同一单位 2019 年度有 2 份表（x.txt、y.txt）：无法确定哪一份是上年的表，跨年度核对未进行', sources: ['x.txt', 'y.txt'] }],
  findings: [
    {
      source: 'b/2021.txt',
      unit: '北塔区司法局',
      fiscalYear: 2021,
      ruleId: 'history/three-public-declined',
      title: '“三公经费比上年下降”由两年的表证实',
      outcome: 'fail',
      severity: 'error',
      redFlag: true,
      messageId: 'contradicts-previous-form',
      message: '勾选“是”（比上年下降），但本年三公经费 0.25 万元不低于 2020 年度表所填的 0.18 万元',
      data: {},
      positions: { 'expenditure.threePublic': { line: 55, column: 2 } },
      related: [{ source: 'a/2020.txt', unit: '北塔区司法局', fiscalYear: 2020, relation: 'previous-year', positions: { 'expenditure.threePublic': { line: 54, column: 2 } } }],
    },
    {
      source: 'b/2021.txt',
      unit: '北塔区司法局',
      fiscalYear: 2021,
      ruleId: 'history/vehicle-cost-declined',
      title: '“公务用车购置运行费比上年下降”由两年的表证实',
      outcome: 'indeterminate',
      redFlag: false,
      messageId: 'blank',
      message: '无法判断：公务用车购置运行费为空',
      data: {},
      related: [],
    },
  ],
};

const options: FormatOptions = { locale: 'zh-CN', toolVersion: '9.9.9', crossForm: CROSS };
const results: EvaluationResult[] = [];

/** A format's output as text (every format but xlsx writes text). */
async function output(format: Exclude<keyof typeof FORMATTERS, 'xlsx'>, withOptions: FormatOptions = options): Promise<string> {
  const formatter: Formatter = FORMATTERS[format];
  const out = await formatter(results, withOptions);
  return typeof out === 'string' ? out : new TextDecoder().decode(out);
}

describe('the cross-form section in every format', () => {
  it('the fixture is a valid cross-form report', () => {
    expect(CrossFormReportSchema.safeParse(CROSS).success).toBe(true);
  });

  it.each(['text', 'markdown', 'html', 'csv', 'junit'] as const)('%s: the finding, both forms and the positions in both', async (format) => {
    const out = await output(format);
    expect(out).toContain('history/three-public-declined');
    expect(out).toContain('a/2020.txt');
    expect(out).toContain('不低于 2020 年度表所填的 0.18 万元');
    if (format !== 'junit') {
      expect(out).toContain('第 55 行');
      expect(out).toContain('第 54 行');
    }
    expect(out).toContain('history/vehicle-cost-declined');
  });

  it('json: a `crossForm` key the report schema accepts, equal to the section given', async () => {
    const doc = JSON.parse(await output('json')) as unknown;
    expect(ResultDocumentSchema.safeParse(doc).success).toBe(true);
    expect((doc as { crossForm: unknown }).crossForm).toEqual(CROSS);
  });

  it('json: the findings written one by one give the bytes JSON.stringify gives for the whole document, compact and indented', async () => {
    const forms = await manyResults();
    for (const crossForm of [CROSS, { ...CROSS, findings: [] }]) {
      for (const pretty of [false, true]) {
        const document = { ...resultDocument(forms, { ...options, unread: [] }), crossForm };
        expect(formatJson(forms, { ...options, crossForm, pretty }), `pretty ${String(pretty)}, ${String(crossForm.findings.length)} findings`).toBe(`${JSON.stringify(document, null, pretty ? 2 : undefined)}\n`);
      }
    }
  });

  it('sarif: a result located in the form, the previous form as a related location', async () => {
    const doc = JSON.parse(await output('sarif')) as { runs: { results: { ruleId: string; level?: string; locations: { physicalLocation: { region?: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    const [first] = doc.runs[0]?.results ?? [];
    expect(first).toMatchObject({ ruleId: 'history/three-public-declined', level: 'error', locations: [{ physicalLocation: { region: { startLine: 55 } } }] });
    expect(first?.relatedLocations?.[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'a/2020.txt' }, region: { startLine: 54 } });
  });

  it('xlsx: a sheet of its own', async () => {
    const bytes = await FORMATTERS.xlsx(results, options);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('跨表核对');
    expect(sheet?.getRow(2).getCell(4).value).toBe('history/three-public-declined');
    expect(sheet?.getRow(2).getCell(9).text).toContain('第 54 行');
  });

  describe('a finding that names some of the forms it concerns and counts the rest (batch.listedCopies)', () => {
    const duplicate: CrossFormReport['findings'][number] = {
      source: 'c/copy-3.txt',
      unit: '大祥区教育局',
      fiscalYear: 2021,
      ruleId: 'batch/duplicate-submission',
      title: '同一单位同一年度重复报送',
      outcome: 'fail',
      severity: 'warning',
      redFlag: false,
      messageId: 'submitted-many-times',
      message: '大祥区教育局 2021 年度另有 7 份表，列出前 2 份：c/copy-1.txt、c/copy-2.txt，另有 5 份未列出；与本表不同的字段：无',
      data: { count: 7, listed: 2, unlisted: 5 },
      related: [
        { source: 'c/copy-1.txt', unit: '大祥区教育局', fiscalYear: 2021, relation: 'same-unit-year' },
        { source: 'c/copy-2.txt', unit: '大祥区教育局', fiscalYear: 2021, relation: 'same-unit-year', positions: { 'staffing.actual': { line: 31 } } },
      ],
      unlistedRelated: 5,
    };
    const withCopies: FormatOptions = { ...options, crossForm: { ...CROSS, findings: [duplicate] } };

    it('the report schema accepts the count, and only a positive one', () => {
      expect(CrossFormReportSchema.safeParse(withCopies.crossForm).success).toBe(true);
      expect(CrossFormReportSchema.safeParse({ ...CROSS, findings: [{ ...duplicate, unlistedRelated: 0 }] }).success).toBe(false);
    });

    it.each(['text', 'markdown', 'html', 'csv', 'junit'] as const)('%s: the named forms, then how many more', async (format) => {
      const times = (out: string) => out.split('另有 5 份未列出').length - 1;
      const out = await output(format, withCopies);
      expect(out).toContain('c/copy-2.txt');
      // Said once more than the message says it: in the related forms' cell, line or list.
      const { unlistedRelated: _, ...named } = duplicate;
      expect(times(out)).toBe(times(await output(format, { ...options, crossForm: { ...CROSS, findings: [named] } })) + 1);
    });

    it('text in English', async () => {
      const out = await output('text', { ...withCopies, locale: 'en' });
      expect(out).toContain('and 5 more not named');
    });

    it('json and sarif carry the count', async () => {
      const doc = JSON.parse(await output('json', withCopies)) as { crossForm: { findings: { unlistedRelated?: number }[] } };
      expect(doc.crossForm.findings[0]?.unlistedRelated).toBe(5);
      const sarif = JSON.parse(await output('sarif', withCopies)) as { runs: { results: { ruleId: string; properties?: { unlistedRelated?: number }; relatedLocations?: unknown[] }[] }[] };
      const result = sarif.runs[0]?.results.find((r) => r.ruleId === 'batch/duplicate-submission');
      expect(result?.properties?.unlistedRelated).toBe(5);
      expect(result?.relatedLocations).toHaveLength(2);
    });

    it('xlsx: the related forms cell ends with the count', async () => {
      const bytes = await FORMATTERS.xlsx(results, withCopies);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      expect(wb.getWorksheet('跨表核对')?.getRow(2).getCell(8).text).toMatch(/c\/copy-2\.txt.*；另有 5 份未列出$/);
    });
  });

  describe('each finding shown as it is written (`showFinding`: the CLI\'s terminal sanitiser, one finding at a time)', () => {
    /** What a caller might show instead: visibly not the finding as given. */
    const show = (f: CrossFormReport['findings'][number]) => ({ ...f, source: `shown/${f.source}`, message: `«${f.message}»` });
    /** The document a streaming caller writes: the head, each form's chunks, then glue and tail in the writer's pieces. */
    const streamed = (writer: ReportWriter, forms: readonly EvaluationResult[], end: Omit<ReportEnd, 'emitted'>): string => {
      const sections: string[][] = Array.from({ length: writer.sections }, () => []);
      for (const r of forms) writer.form(r).forEach((chunk, s) => chunk !== '' && sections[s]?.push(chunk));
      const full: ReportEnd = { ...end, emitted: sections.map((c) => c.length) };
      const out = [writer.head(writer.headNeedsEnd ? full : undefined)];
      sections.forEach((chunks, s) => {
        if (s > 0) out.push(...(writer.glueChunks?.(s, full) ?? [writer.glue(s, full)]));
        out.push(chunks.join(writer.separator));
      });
      out.push(...(writer.tailChunks?.(full) ?? [writer.tail(full)]));
      return out.join('');
    };

    it.each(['text', 'markdown', 'html', 'csv', 'junit', 'sarif'] as const)('%s: the document of the findings shown beforehand, for no forms and for several', async (format) => {
      for (const forms of [[], await manyResults()]) {
        const shownBefore = renderReport(WRITERS[format], forms, { ...options, crossForm: { ...CROSS, findings: CROSS.findings.map(show) } });
        expect(shownBefore).toContain('shown/b/2021.txt');
        expect(shownBefore).toContain('«无法判断：公务用车购置运行费为空»');
        const end = { ...reportEnd(forms, [], []), crossForm: CROSS, showFinding: show };
        expect(streamed(WRITERS[format](options, forms), forms, end)).toBe(shownBefore);
      }
    });
  });

  it('a form whose unit or year is blank says which one after its file name, never a bracketed （空） inside the parentheses', () => {
    const [first] = CROSS.findings;
    if (first === undefined) throw new Error('fixture');
    const related = first.related[0];
    if (related === undefined) throw new Error('fixture');
    const blank = { ...first, unit: null, fiscalYear: null, related: [{ ...related, unit: null, fiscalYear: 2020 }] };
    const zh = crossFormBlock(blank, 'zh-CN');
    expect(zh.head).toBe('不通过 错误 history/three-public-declined b/2021.txt（单位为空 年度为空）');
    expect(zh.lines).toContain('上年表：a/2020.txt（单位为空 2020）');
    expect(crossFormBlock({ ...first, fiscalYear: null }, 'en').head).toBe('fail error history/three-public-declined b/2021.txt (北塔区司法局 year blank)');
  });

  describe('the notes history and batch rules give reach the reader, as a form\'s notes do (issue 15, lead\'s review)', () => {
    const [first, second] = CROSS.findings;
    if (first === undefined || second === undefined) throw new Error('fixture');
    const WITH_NOTE = '提示：本年 0 万元，另见附注';
    const PASS_NOTE = '提示：本年与 2020 年度三公经费均为 0（未开支），无增，也无可再减';
    const NOTED: CrossFormReport = {
      ...CROSS,
      findings: [{ ...first, notes: [{ messageId: 'see-remark', message: WITH_NOTE }] }, second],
      reviewNotes: [{ source: 'c/2021.txt', unit: '西湖区财政局', fiscalYear: 2021, ruleId: 'history/three-public-declined', title: '“三公经费比上年下降”由两年的表证实', outcome: 'pass', messageId: 'nothing-spent', message: PASS_NOTE }],
    };
    const noted: FormatOptions = { ...options, crossForm: NOTED };

    it('the fixture is a valid cross-form report, and the JSON report keeps it whole', async () => {
      expect(CrossFormReportSchema.safeParse(NOTED).success).toBe(true);
      const doc = JSON.parse(await output('json', noted)) as unknown;
      expect(ResultDocumentSchema.safeParse(doc).success).toBe(true);
      expect((doc as { crossForm: unknown }).crossForm).toEqual(NOTED);
    });

    it.each(['text', 'markdown', 'html', 'csv', 'junit', 'sarif'] as const)('%s: the note of a failure and the note of a pass, with its form and rule', async (format) => {
      const out = await output(format, noted);
      expect(out).toContain(WITH_NOTE);
      expect(out).toContain(PASS_NOTE);
      expect(out).toContain('c/2021.txt');
      if (format !== 'sarif') expect(out).toMatch(/请复核|三公经费比上年下降/);
      // Without the notes, neither is there.
      const plain = await output(format);
      expect(plain).not.toContain(WITH_NOTE);
      expect(plain).not.toContain(PASS_NOTE);
    });

    it('text: the note under its finding, the pass\'s note under 请复核 with its form', async () => {
      const out = await output('text', noted);
      expect(out).toMatch(new RegExp(`勾选“是”（比上年下降）[^\\n]*\\n\\s+${WITH_NOTE}`));
      expect(out).toContain(`请复核:\n    c/2021.txt（西湖区财政局 2021） “三公经费比上年下降”由两年的表证实：${PASS_NOTE}`);
    });

    it('junit: the pass\'s note is a passing case\'s output; the counts include it', async () => {
      const out = await output('junit', noted);
      expect(out).toContain(`<testcase name="history/three-public-declined c/2021.txt" classname="jixiao.history" time="0">\n      <system-out>c/2021.txt（西湖区财政局 2021） “三公经费比上年下降”由两年的表证实：${PASS_NOTE}</system-out>`);
      expect(out).toMatch(/<testsuite name="跨表核对（跨年度、同批次）" tests="3" failures="1" errors="0" skipped="1"/);
    });

    it('xlsx: a row after the findings, outcome 请复核', async () => {
      const bytes = await FORMATTERS.xlsx(results, noted);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      const sheet = wb.getWorksheet('跨表核对');
      expect(sheet?.getRow(2).getCell(7).text).toContain(WITH_NOTE);
      expect([4, 5, 7].map((c) => sheet?.getRow(4).getCell(c).text)).toEqual(['history/three-public-declined', '请复核', `“三公经费比上年下降”由两年的表证实：${PASS_NOTE}`]);
    });
  });

  it('no section without a cross-form pass', async () => {
    expect(await output('text', { locale: 'zh-CN', toolVersion: '9.9.9' })).not.toContain('跨表核对');
  });
});
