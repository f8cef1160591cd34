// Issue 15 ('Library and HTTP ergonomics', and item 2): `finding.location` — the file, the field a finding is about
// and its place — on the library's findings, in the JSON report (validated by the published JSON Schema) and in the
// HTTP response. A finding about a field the form leaves out has no location, never another field's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createServer, formatJson } from '@jixiao/adapters';
import { createChecker, findingPosition, type EvaluationResult, type Finding, type ResultDocument } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { importBuffer, importText } from '@jixiao/import';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_TEXT = readFileSync(join(ROOT, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt'), 'utf8');
const checker = createChecker(['integrity', 'staffing'].map((p) => loadPackFromDir(join(ROOT, 'rules', p))));

/**
 * The seed form as Word text without its 实有人数 row (label and value, lines 14–15): the form leaves staffing.actual
 * out, while 编制人数 (staffing.authorized, 22) stays on line 13 and 本级财政拨款 (income.localBudget, 267.47) moves
 * from line 26 to line 24.
 */
const WITHOUT_ACTUAL = SEED_TEXT.split('\n').filter((_, i) => i !== 13 && i !== 14).join('\n');

async function checkText(text: string, source: string): Promise<EvaluationResult> {
  const read = importText(text);
  if (!read.ok) throw new Error('the form should read');
  return checker.checkEvaluation(read.evaluation, { source, positions: read.positions });
}

const finding = (r: { readonly findings: readonly Finding[] }, id: string): Finding => {
  const f = r.findings.find((x) => x.ruleId === id);
  if (f === undefined) throw new Error(`no finding of ${id}`);
  return f;
};

describe('finding.location', () => {
  it('gives the file, the field and its line and column; a finding about a field the form leaves out has none', async () => {
    const result = await checkText(WITHOUT_ACTUAL, 'forms/beita.txt');
    // The seed's income total (264.47) is short of its parts: the failure points at the first of its fields.
    expect(finding(result, 'integrity/income-total').location).toEqual({ file: 'forms/beita.txt', path: 'income.localBudget', line: 24, column: 2 });
    // Both staffing rules require the actual staff, which the form does not give: undecided, about that field only.
    for (const id of ['staffing/within-quota', 'staffing/declaration-consistent']) {
      const f = finding(result, id);
      expect(f.outcome).toBe('indeterminate');
      expect(f.data.fields).toEqual(['staffing.actual']);
      // Not the place of 编制人数 (line 13), which the rule also reads but which is not what is missing.
      expect(f.location).toBeUndefined();
      expect(findingPosition(result, f)).toBeUndefined();
    }
    // A pass has its location in the library result too (the report gives places only where a reader looks).
    expect(finding(result, 'integrity/expenditure-total').location).toMatchObject({ file: 'forms/beita.txt', line: expect.any(Number) as number });
  });

  it('a blank field the form does give a place for is located there', async () => {
    // 实有人数 with its value left empty: the label is on line 14, the (empty) value cell on line 15.
    const blank = SEED_TEXT.split('\n').map((l, i) => (i === 14 ? '\t' : l)).join('\n');
    const result = await checkText(blank, 'b.txt');
    const f = finding(result, 'staffing/within-quota');
    expect(f.outcome).toBe('indeterminate');
    expect(f.location?.path).toBe('staffing.actual');
  });

  it('names the table cell of a .docx', async () => {
    const read = await importBuffer(new Uint8Array(readFileSync(join(ROOT, 'examples/beita-justice-2020/form.docx'))), { filename: 'form.docx' });
    if (!read.ok) throw new Error('the form should read');
    const result = await checker.checkEvaluation(read.evaluation, { source: 'form.docx', positions: read.positions });
    expect(finding(result, 'integrity/income-total').location).toMatchObject({ file: 'form.docx', path: 'income.localBudget', cell: expect.stringMatching(/table \d+, row \d+, cell \d+/) as string });
  });

  it('is in the JSON report on the findings a reader goes to the form for, valid against result.schema.json', async () => {
    const result = await checkText(WITHOUT_ACTUAL, 'forms/beita.txt');
    const doc = JSON.parse(formatJson([result], { locale: 'zh-CN', toolVersion: '0.0.0' })) as ResultDocument;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'packages/core/schema/result.schema.json'), 'utf8')) as object);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const item = doc.results[0];
    expect(finding({ findings: (item?.findings ?? []) as unknown as Finding[] }, 'integrity/income-total').location).toEqual({ file: 'forms/beita.txt', path: 'income.localBudget', line: 24, column: 2 });
    expect(item?.positions?.['income.localBudget']).toMatchObject({ line: 24, column: 2, excerpt: '267.47' });
    const quota = item?.findings.find((f) => f.ruleId === 'staffing/within-quota');
    expect(quota?.outcome).toBe('indeterminate');
    expect(quota).not.toHaveProperty('location');
    // A pass has no place in the report (as before: positions only where a reader looks).
    expect(item?.findings.find((f) => f.ruleId === 'integrity/expenditure-total')).not.toHaveProperty('location');
  });

  it('is in the HTTP response', async () => {
    const app = createServer({
      checker,
      version: '0.0.0',
      readSubmission: async (bytes, meta) => {
        const read = await importBuffer(bytes, meta.filename === undefined ? {} : { filename: meta.filename });
        return read.ok ? { ok: true, evaluation: read.evaluation, positions: read.positions, diagnostics: read.diagnostics } : { ok: false, reason: 'not a form' };
      },
    });
    try {
      const res = await app.inject({ method: 'POST', url: '/v1/check?filename=beita.txt', payload: WITHOUT_ACTUAL, headers: { 'content-type': 'text/plain' } });
      expect(res.statusCode).toBe(200);
      const doc = res.json<ResultDocument>();
      const findings = doc.results[0]?.findings ?? [];
      expect(findings.find((f) => f.ruleId === 'integrity/income-total')?.location).toEqual({ file: 'beita.txt', path: 'income.localBudget', line: 24, column: 2 });
      expect(findings.find((f) => f.ruleId === 'staffing/within-quota')).not.toHaveProperty('location');
    } finally {
      await app.close();
    }
  });
});
