/**
 * Real published self-evaluations (examples/real/*, exactly as published) read through the whole pipeline. The
 * expected figures and outcomes in each expected.json were written by hand from the document (see its
 * SOURCE.md), not from the reader's output. Measured: the share of stated figures read right and of outcomes
 * determined right (each at least 80 %; a refused document's stated figures count as read wrong), every
 * self-evaluation recognised, the 项目支出 forms refused with their own message, and the files that are no
 * self-evaluation at all (部门决算 publications) refused as not-a-form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formGaps } from '@jixiao/core';
import { importText } from '@jixiao/import';
import { loadChecker } from '../packages/cli/src/packs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REAL = join(ROOT, 'examples/real');

interface Expected {
  readonly file: string;
  /** The template it is recognised as; null for a file that is no self-evaluation (a 部门决算 publication). */
  readonly template: string | null;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly outcomes?: Readonly<Record<string, string>>;
  readonly refused?: string;
}

const docs = readdirSync(REAL, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => {
    const expected = JSON.parse(readFileSync(join(REAL, d.name, 'expected.json'), 'utf8')) as Expected;
    return { name: d.name, expected, text: readFileSync(join(REAL, d.name, expected.file), 'utf8') };
  });

/** The seed form (T1): its stated figures, as examples/beita-justice-2020/evaluation.json holds them (hand-checked). */
const seed: { readonly name: string; readonly text: string; readonly expected: Expected } = {
  name: 'beita-justice-2020 (seed)',
  text: readFileSync(join(ROOT, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt'), 'utf8'),
  expected: {
    file: '000_1f3a69e61e56d541.txt',
    template: 't1-checklist',
    fields: { fiscalYear: 2020, 'unit.name': '北塔区司法局', 'staffing.authorized': 22, 'staffing.actual': 21, 'income.localBudget': 267.47, 'income.total': 264.47, 'expenditure.basic': 338.28, 'expenditure.total': 338.28, 'expenditure.threePublic': 0.18, 'procurement.required': 74.69, 'procurement.actual': 5.67, 'disclosure.date': '2020-01-17', 'selfRating.grade': '优' },
    outcomes: { 'integrity/income-total': 'fail', 'budget/expenditure-within-income': 'fail', 'procurement/plan-in-place': 'fail', 'staffing/within-quota': 'pass', 'revenue/non-tax-target-met': 'fail' },
  },
};

function get(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
}

/** Read one document: its template, and per stated figure and outcome whether it came out right. */
function measure(doc: { readonly name: string; readonly text: string; readonly expected: Expected }, checker: ReturnType<typeof loadChecker>['checker']) {
  const r = importText(doc.text);
  const figures: boolean[] = [];
  const outcomes: boolean[] = [];
  // A document refused (a scoring sheet whose columns ran together) reads none of the figures it states, and determines none of its outcomes.
  if (!r.ok) {
    figures.push(...Object.keys(doc.expected.fields ?? {}).map(() => false));
    outcomes.push(...Object.keys(doc.expected.outcomes ?? {}).map(() => false));
  }
  if (r.ok) {
    for (const [path, value] of Object.entries(doc.expected.fields ?? {})) figures.push(get(r.evaluation, path) === value);
    const result = checker.checkEvaluationSync(r.evaluation, { source: doc.name, ...formGaps(r) });
    for (const [ruleId, outcome] of Object.entries(doc.expected.outcomes ?? {})) outcomes.push(result.findings.find((f) => f.ruleId === ruleId)?.outcome === outcome);
  }
  return { r, figures, outcomes };
}

describe('real published documents (examples/real)', () => {
  const { checker } = loadChecker({ cwd: ROOT });
  const all = [seed, ...docs];

  it.each(all.map((d) => [d.name, d] as const))('%s: recognised as its template; refused or read', (_name, doc) => {
    const { r } = measure(doc, checker);
    expect(r.template?.id ?? null).toBe(doc.expected.template);
    if (doc.expected.refused !== undefined) {
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0]?.code).toBe(doc.expected.refused);
    } else expect(r.ok).toBe(true);
  });

  it('reads at least 80 % of the stated figures and determines at least 80 % of the outcomes right', () => {
    const measured = all.map((d) => measure(d, checker));
    const figures = measured.flatMap((m) => m.figures);
    const outcomes = measured.flatMap((m) => m.outcomes);
    const right = (xs: readonly boolean[]): number => xs.filter(Boolean).length;
    expect(figures.length).toBeGreaterThan(20);
    expect(right(figures) / figures.length, `${String(right(figures))}/${String(figures.length)} figures`).toBeGreaterThanOrEqual(0.8);
    expect(right(outcomes) / outcomes.length, `${String(right(outcomes))}/${String(outcomes.length)} outcomes`).toBeGreaterThanOrEqual(0.8);
  });

  it('the per-document tally in examples/real/README.md ("Measured") is what this measure gives', () => {
    const readme = readFileSync(join(REAL, 'README.md'), 'utf8');
    const measuredTable = readme.slice(readme.indexOf('## Measured'));
    // | `name/` (note) | template | result | recognised | figures stated | read right | outcomes stated | right | before |
    const stated = new Map<string, string[]>();
    for (const line of measuredTable.split('\n')) {
      const m = /^\| `([^`]+?)\/?`[^|]*\|(.*)\|$/.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) stated.set(m[1], m[2].split('|').slice(0, 7).map((c) => c.trim()));
    }
    const count = (xs: readonly boolean[]): string => String(xs.filter(Boolean).length);
    const totals = { figures: 0, read: 0, outcomes: 0, right: 0 };
    for (const doc of all) {
      const { r, figures, outcomes } = measure(doc, checker);
      const recognised = (r.template?.id ?? null) === doc.expected.template && (doc.expected.refused === undefined ? r.ok : r.diagnostics[0]?.code === doc.expected.refused);
      const result = r.ok ? 'read' : `refused: ${r.diagnostics[0]?.code ?? ''}`;
      expect(stated.get(doc.name.replace(' (seed)', '')), `${doc.name}: its row in examples/real/README.md ("Measured") is not what this measure gives; update it`).toEqual([r.template?.id ?? '—', result, recognised ? 'yes' : 'no', String(figures.length), count(figures), String(outcomes.length), count(outcomes)]);
      totals.figures += figures.length;
      totals.read += figures.filter(Boolean).length;
      totals.outcomes += outcomes.length;
      totals.right += outcomes.filter(Boolean).length;
    }
    expect(stated.size).toBe(all.length);
    const total = /^\| \*\*Total\*\*[^|]*\|[^|]*\|[^|]*\|[^|]*\| (\d+) \| \*\*(\d+) \(([\d.]+) %\)\*\* \| (\d+) \| \*\*(\d+) \(([\d.]+) %\)\*\* \|/m.exec(measuredTable);
    const pct = (n: number, of: number): string => ((n * 100) / of).toFixed(1);
    expect(total?.slice(1, 7)).toEqual([String(totals.figures), String(totals.read), pct(totals.read, totals.figures), String(totals.outcomes), String(totals.right), pct(totals.right, totals.outcomes)]);
  });

  it('no rule passes or fails on a field the form has no place for (T1b, T2: most of the model is blank)', () => {
    for (const doc of docs.filter((d) => d.expected.refused === undefined)) {
      const r = importText(doc.text);
      if (!r.ok) throw new Error(doc.name);
      const absent = new Set(r.fieldsNotOnForm ?? []);
      expect(absent.size, doc.name).toBeGreaterThan(10);
      const result = checker.checkEvaluationSync(r.evaluation, { source: doc.name, fieldsNotOnForm: [...absent] });
      for (const f of result.findings) {
        if (f.paths.every((p) => absent.has(p))) expect(f.outcome, f.ruleId).toBe('not-applicable');
        if (f.outcome === 'fail') expect((f.explanation ?? []).some((c) => c.result && !absent.has(c.fact)), f.ruleId).toBe(true);
      }
    }
  });

  it('T1b: the 经费控制 grid lands in costControl, and three-public/declined is decided from its figures', () => {
    const t1b = docs.find((d) => d.expected.template === 't1b-basic-data');
    const r = importText(t1b?.text ?? '');
    if (!r.ok) throw new Error('T1b not read');
    // 三公经费 2017年决算 29.08, 2018年预算 63.46, 2018年决算 44.29 (as printed in the document).
    expect(r.evaluation.costControl?.threePublic).toEqual({ priorYearActual: 29.08, budget: 63.46, actual: 44.29 });
    expect(r.provenance?.['costControl.threePublic.actual']).toBe('table');
    const result = checker.checkEvaluationSync(r.evaluation, { source: 't1b', ...formGaps(r) });
    const declined = result.findings.find((f) => f.ruleId === 'three-public/declined');
    expect(declined?.outcome).toBe('fail');
    expect(declined?.message).toContain('经费控制表中三公经费本年决算 44.29 万元不低于上年决算 29.08 万元');
    // The 三公经费变动率 indicator reads the same grid: (44.29 − 29.08) / 29.08 = 52.30 %, not "blank".
    expect(result.indicators.find((i) => i.id === 'threePublicChangeRate')).toMatchObject({ value: 52.3, display: '52.30%' });
  });

  it('T1b: nothing spent on 三公 in either year (衡山县贯塘乡 2023, 0 and 0 in the grid): the change rate cannot be computed because the prior year is 0, and says so', () => {
    const doc = docs.find((d) => d.name === 't1b-hengshan-guantang-2023');
    const r = importText(doc?.text ?? '');
    if (!r.ok) throw new Error('衡山 T1b not read');
    const result = checker.checkEvaluationSync(r.evaluation, { source: 'hengshan', ...formGaps(r) });
    expect(result.indicators.find((i) => i.id === 'threePublicChangeRate')).toMatchObject({ value: null, reason: '三公经费（上年决算）为 0，无法计算比率' });
  });

  it('refuses the 项目支出 form with its own message, in both languages', () => {
    const project = docs.find((d) => d.expected.template === 't7-project-expenditure');
    const r = importText(project?.text ?? '');
    expect(r.diagnostics[0]?.message['zh-CN']).toContain('这是项目支出绩效自评表，不是部门整体支出绩效自评');
    expect(r.diagnostics[0]?.message.en).toContain('not a 部门整体');
  });
});
