import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../model/evaluation.js';
import { passingEvaluation } from '../pack/cases.js';
import { loadPackFromDir } from '../node/index.js';
import { createChecker, type CrossFormContext } from './checker.js';
import { CrossFormRun, checkCrossForm, differingFields, fieldChange, formRecord, type LoadedForm } from './cross-form.js';

const pack = (name: string) => loadPackFromDir(fileURLToPath(new URL(`../../../../rules/${name}`, import.meta.url)));
const checker = createChecker([pack('history'), pack('batch'), pack('staffing')]);

const NARRATIVE = '全年共办理法律援助案件312件，为困难群众挽回经济损失约460万元；开展普法宣传活动48场，覆盖群众2.3万人次；人民调解组织调处矛盾纠纷1,025件，调解成功率达98%。';

function form(unit: string, fiscalYear: number, patch: Partial<Evaluation> = {}): Evaluation {
  const base = passingEvaluation();
  return { ...base, unit: { name: unit }, fiscalYear, ...patch };
}

type Input = LoadedForm & { readonly source: string; readonly context?: boolean };

describe('checkCrossForm', () => {
  it('keeps the cross-form rules out of the single-form check', async () => {
    const result = await checker.checkEvaluation(form('甲', 2021));
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['staffing/declaration-consistent', 'staffing/within-quota']);
    expect(checker.hasCrossFormRules).toBe(true);
  });

  it('joins a history-only form, never checks it, and points at positions in both forms', () => {
    const forms: Input[] = [
      { source: 'a-2021.txt', evaluation: form('甲区司法局', 2021, { expenditure: { ...passingEvaluation().expenditure, threePublicPriorYear: 1.8 } }), positions: { 'expenditure.threePublicPriorYear': { line: 40 } } },
      { source: 'old/a-2020.txt', context: true, evaluation: form('甲区司法局（盖章）', 2020, { expenditure: { ...passingEvaluation().expenditure, threePublic: 2.4 } }), positions: { 'expenditure.threePublic': { line: 38 } } },
    ];
    const run = checkCrossForm(checker, forms);
    expect(run.history).toEqual([{ source: 'a-2021.txt', previous: 'old/a-2020.txt' }]);
    expect(run.findings.every((f) => f.source === 'a-2021.txt')).toBe(true);
    const f = run.findings.find((x) => x.ruleId === 'history/three-public-prior-year');
    expect(f).toMatchObject({
      outcome: 'fail',
      positions: { 'expenditure.threePublicPriorYear': { line: 40 } },
      related: [{ source: 'old/a-2020.txt', relation: 'previous-year', fiscalYear: 2020, positions: { 'expenditure.threePublic': { line: 38 } } }],
    });
  });

  it('an ambiguous previous year is reported and makes the history rules not applicable, with the reason', () => {
    const run = checkCrossForm(
      checker,
      [
        { source: 'c.txt', evaluation: form('甲', 2021) },
        { source: 'a.txt', evaluation: form('甲', 2020), context: true },
        { source: 'b.txt', evaluation: form('甲', 2020), context: true },
      ],
      { keepNotApplicable: true },
    );
    expect(run.diagnostics).toMatchObject([{ code: 'previous-ambiguous', sources: ['a.txt', 'b.txt'] }]);
    const f = run.findings.find((x) => x.ruleId === 'history/carry-over');
    expect(f?.outcome).toBe('not-applicable');
    expect(f?.message).toContain('同一单位上一年度有 2 份表（a.txt、b.txt）');
  });

  it('a batch of one form and no history: every cross-form rule is not applicable, none passes', () => {
    const run = checkCrossForm(checker, [{ source: 'x', evaluation: form('甲', 2021) }], { keepNotApplicable: true });
    expect(run.findings.length).toBeGreaterThan(0);
    expect(run.findings.every((f) => f.outcome === 'not-applicable')).toBe(true);
    expect(run.summary.pass).toBe(0);
  });

  it('copied narrative: both units, the similarity and the passage; positions in both forms', () => {
    const run = checkCrossForm(checker, [
      { source: 'a.txt', evaluation: form('甲县司法局', 2021, { achievements: NARRATIVE }), positions: { achievements: { line: 60 } } },
      { source: 'b.txt', evaluation: form('乙县司法局', 2021, { achievements: `我局${NARRATIVE}` }), positions: { achievements: { line: 61 } } },
    ]);
    const f = run.findings.find((x) => x.ruleId === 'batch/copied-narrative' && x.source === 'a.txt');
    expect(f).toMatchObject({ outcome: 'fail', positions: { achievements: { line: 60 } }, related: [{ source: 'b.txt', unit: '乙县司法局', relation: 'similar-narrative', positions: { achievements: { line: 61 } } }] });
    expect(f?.data).toMatchObject({ otherUnit: '乙县司法局' });
    expect(f?.message).toContain('共同段落');
  });

  it('results are identical whatever the order of the forms', () => {
    const units = ['甲', '乙', '丙', '丁', '戊', '己'];
    const formArb = fc.record({
      unit: fc.constantFrom(...units),
      year: fc.constantFrom(2020, 2021),
      actual: fc.integer({ min: 1, max: 60 }),
      copied: fc.boolean(),
      context: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(formArb, { minLength: 1, maxLength: 10 }), fc.infiniteStream(fc.nat()), (rows, rand) => {
        const forms: Input[] = rows.map((r, i) => ({
          source: `f${String(i).padStart(2, '0')}.txt`,
          context: r.context,
          evaluation: form(r.unit, r.year, { staffing: { authorized: 20, actual: r.actual }, achievements: r.copied ? NARRATIVE : `${r.unit}单位自己写的绩效`.repeat(8) }),
        }));
        const shuffled = forms.map((f) => [rand.next().value, f] as const).sort((a, b) => a[0] - b[0]).map(([, f]) => f);
        expect(JSON.stringify(checkCrossForm(checker, shuffled))).toBe(JSON.stringify(checkCrossForm(checker, forms)));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the cross-form rules on the fast path', () => {
  it('give the same findings as with explanations from json-rules-engine (async path)', async () => {
    const forms: Input[] = [
      { source: 'a.txt', evaluation: form('甲', 2021, { achievements: NARRATIVE, income: { ...passingEvaluation().income, carryOver: 3 } }) },
      { source: 'b.txt', evaluation: form('乙', 2021, { achievements: NARRATIVE, staffing: { authorized: 10, actual: 30 } }) },
      { source: 'c.txt', evaluation: form('甲', 2020, { budgetExecution: { ...passingEvaluation().budgetExecution, surplusAmount: 2 } }), context: true },
    ];
    const contexts = new Map<string, CrossFormContext>();
    const sync = checkCrossForm(checker, forms, { keepNotApplicable: true, onContext: (s, c) => contexts.set(s, c) });
    expect(contexts.size).toBe(2);
    for (const [source, context] of contexts) {
      const evaluation = forms.find((f) => f.source === source)?.evaluation ?? form('?', 0);
      const viaEngine = await checker.checkCrossForm(evaluation, context);
      const decisions = (list: readonly { ruleId: string; outcome: string; messageId: string; message: string }[]) => list.map((f) => [f.ruleId, f.outcome, f.messageId, f.message]);
      expect(decisions(viaEngine)).toEqual(decisions(sync.findings.filter((f) => f.source === source)));
    }
    expect(sync.findings.filter((f) => f.outcome === 'fail').map((f) => `${f.source} ${f.ruleId}`)).toEqual([
      'a.txt history/carry-over', // 3.00 carried over, 2.00 left in 2020
      'a.txt history/three-public-declined', // 是, yet 1.50 in both years
      'a.txt batch/copied-narrative',
      'b.txt batch/copied-narrative',
    ]);
  });
});

describe('fieldChange', () => {
  it('amounts exactly in hundredths; rate on the previous figure; null without both or from 0', () => {
    expect(fieldChange(0.3, 0.1)).toEqual({ current: 0.3, previous: 0.1, difference: 0.2, absDifference: 0.2, rate: 200, absRate: 200 });
    expect(fieldChange(22, 30)).toMatchObject({ difference: -8, rate: -26.67, absRate: 26.67 });
    expect(fieldChange(5, 0)).toMatchObject({ difference: 5, rate: null });
    expect(fieldChange(null, 3)).toMatchObject({ difference: null, rate: null });
  });
});

describe('many submissions of one unit and year', () => {
  it('reads each form a bounded number of times (not once per pair), and lists the fields that differ from some other copy', () => {
    // 150 copies of one form, three of them with another figure: more copies than the pass keeps in its cache.
    const copies: Input[] = Array.from({ length: 150 }, (_, i) => {
      const base = form('甲区司法局', 2021);
      const evaluation = i % 50 === 7 ? { ...base, staffing: { ...base.staffing, actual: 99 } } : base;
      return { source: `copy-${String(i).padStart(3, '0')}.txt`, evaluation, positions: { 'staffing.actual': { line: i + 1 } } };
    });
    const run = new CrossFormRun(checker);
    for (const f of copies) run.add(formRecord(f.evaluation, f.source));
    let reads = 0;
    const result = run.finish((i) => {
      reads++;
      return copies[i] as LoadedForm;
    });
    // Pairwise, 150 copies are 11,175 comparisons; by group, a few reads a form.
    expect(reads).toBeLessThanOrEqual(copies.length * 4);
    const duplicate = result.findings.filter((f) => f.ruleId === 'batch/duplicate-submission');
    expect(duplicate).toHaveLength(150);
    // The pairwise definition (differingFields, pair by pair) gives every copy the same fields: staffing.actual.
    const [head, ...rest] = copies;
    const pairwise = new Set(rest.flatMap((c) => (head === undefined ? [] : differingFields(head.evaluation, c.evaluation))));
    expect([...pairwise]).toEqual(['staffing.actual']);
    for (const f of duplicate) expect(f.data).toMatchObject({ differences: ['staffing.actual'] });
    // Each finding names the first 10 other copies (batch.listedCopies), each located at its own line of the
    // differing field, and counts the other 139.
    const first = duplicate[0];
    expect(first?.related.map((r) => r.source)).toEqual(['copy-001.txt', 'copy-002.txt', 'copy-003.txt', 'copy-004.txt', 'copy-005.txt', 'copy-006.txt', 'copy-007.txt', 'copy-008.txt', 'copy-009.txt', 'copy-010.txt']);
    expect(first?.related[0]).toMatchObject({ source: 'copy-001.txt', relation: 'same-unit-year', positions: { 'staffing.actual': { line: 2 } } });
    expect(first?.unlistedRelated).toBe(139);
    expect(first?.data).toMatchObject({ count: 149, listed: 10, unlisted: 139 });
    expect(first?.messageId).toBe('batch/duplicate-submission#submitted-many-times');
    expect(first?.message).toContain('另有 149 份表，列出前 10 份：copy-001.txt、');
    expect(first?.message).toContain('copy-010.txt，另有 139 份未列出');
    // The last copy names the first ten as well (source order, itself left out).
    const last = duplicate.at(-1);
    expect(last?.source).toBe('copy-149.txt');
    expect(last?.related.map((r) => r.source)).toEqual(['copy-000.txt', 'copy-001.txt', 'copy-002.txt', 'copy-003.txt', 'copy-004.txt', 'copy-005.txt', 'copy-006.txt', 'copy-007.txt', 'copy-008.txt', 'copy-009.txt']);
    expect(last?.related[9]).toMatchObject({ positions: { 'staffing.actual': { line: 10 } } });
  });

  it('names as many copies as batch.listedCopies says (config), and counts none apart when it names them all', () => {
    const copies: Input[] = Array.from({ length: 6 }, (_, i) => ({ source: `copy-${String(i)}.txt`, evaluation: form('甲区司法局', 2021) }));
    const named = (listedCopies: number) => {
      const run = checkCrossForm(createChecker([pack('batch')], { parameters: { 'batch.listedCopies': listedCopies } }), copies);
      return run.findings.filter((f) => f.ruleId === 'batch/duplicate-submission');
    };
    const all = named(5);
    expect(all).toHaveLength(6);
    for (const f of all) {
      expect(f.related).toHaveLength(5);
      expect(f.unlistedRelated).toBeUndefined();
      expect(f.messageId).toBe('batch/duplicate-submission#submitted-twice');
    }
    const two = named(2);
    expect(two[3]?.related.map((r) => r.source)).toEqual(['copy-0.txt', 'copy-1.txt']);
    expect(two[3]).toMatchObject({ unlistedRelated: 3, data: { count: 5, listed: 2, unlisted: 3, sources: ['copy-0.txt', 'copy-1.txt'] } });
    const none = named(0);
    expect(none[0]).toMatchObject({ related: [], unlistedRelated: 5, messageId: 'batch/duplicate-submission#submitted-many-times' });
  });
});
