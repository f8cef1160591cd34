import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../model/evaluation.js';
import type { NestedCondition, Pack, Rule } from '../pack/schema.js';
import type { Finding } from '../result/model.js';
import { passingEvaluation } from '../pack/cases.js';
import { loadPackFromDir } from '../node/index.js';
import { createChecker, type CrossFormContext } from './checker.js';
import { estimatedSimilarity, minhash, narrativeChars, shingleHashes } from './similarity.js';
import { CrossFormRun, at, checkCrossForm, differingFields, fieldChange, formRecord, historyChanges, type LoadedForm } from './cross-form.js';

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
      const decisions = (list: readonly Finding[]) => list.map((f) => [f.ruleId, f.outcome, f.messageId, f.message, f.explanation]);
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

// From the first mutation run of cross-form.ts (30 Nov, sixth shift): what its survivors showed no test stating.
/** `n` Han characters, none repeated within 500: a narrative no other text here shares by chance. */
const han = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + offset + ((i * 37) % 500))).join('');
const quiet = (evaluation: Evaluation): Evaluation => ({ ...evaluation, functions: null, achievements: null, problems: null, suggestions: null });

describe('formRecord', () => {
  it('compares a narrative of at least MIN_NARRATIVE_CHARS (50) characters, not a shorter one', () => {
    const fields = (text: string) => formRecord({ ...quiet(form('甲', 2021)), achievements: text }, 'x').narratives.map((n) => n.field);
    expect(fields(han(50))).toEqual(['achievements']);
    expect(fields(han(49))).toEqual([]);
    // Characters, not UTF-16 units: 25 characters outside the BMP are 50 units, and too short.
    expect(fields(String.fromCodePoint(0x20000).repeat(25))).toEqual([]);
  });

  it('keeps the unit, the year and whether the form is given for history only', () => {
    const r = formRecord(form('甲区司法局', 2021), 'a.txt', { context: true });
    expect(r).toMatchObject({ source: 'a.txt', unit: '甲区司法局', fiscalYear: 2021, context: true });
    expect(formRecord(form('甲', 2021), 'a.txt').context).toBe(false);
  });
});

describe('fieldChange, beyond amounts', () => {
  it('figures that are not amounts of hundredths: their own difference, and no rate (it would not be exact)', () => {
    // 2.375 = 2.5 − 0.125 exactly in binary; as hundredths it would be 2.37 or 2.38.
    expect(fieldChange(2.5, 0.125)).toEqual({ current: 2.5, previous: 0.125, difference: 2.375, absDifference: 2.375, rate: null, absRate: null });
    expect(fieldChange(3, 0.125)).toMatchObject({ difference: 2.875, rate: null, absRate: null });
  });

  it('a fall: a negative difference and rate, their sizes positive; from 0 no rate, neither signed nor absolute', () => {
    expect(fieldChange(0.1, 0.4)).toEqual({ current: 0.1, previous: 0.4, difference: -0.3, absDifference: 0.3, rate: -75, absRate: 75 });
    // Signed amounts (a 预算调整数 may be 调减) and scores: exact, never an error (a RangeError stopped the whole pass).
    expect(fieldChange(-0.3, 0.1)).toEqual({ current: -0.3, previous: 0.1, difference: -0.4, absDifference: 0.4, rate: -400, absRate: 400 });
    expect(fieldChange(3, -5)).toEqual({ current: 3, previous: -5, difference: 8, absDifference: 8, rate: -160, absRate: 160 });
    expect(fieldChange(5, 0)).toEqual({ current: 5, previous: 0, difference: 5, absDifference: 5, rate: null, absRate: null });
  });
});

describe('historyChanges', () => {
  it('a negative 预算调整数 (调减) in either year is a change like any other', () => {
    const budget = (adjustment: number) => ({ initialBudget: 10, adjustment, annualBudget: 10 + adjustment, executed: 4, points: 10, rate: 80, score: 8 });
    const current = form('甲', 2021, { modelVersion: 2, selfAssessment: { budget: budget(-5) } });
    const previous = form('甲', 2020, { modelVersion: 2, selfAssessment: { budget: budget(3) } });
    const change = historyChanges(current, previous) as { selfAssessment?: { budget?: Record<string, unknown> } };
    // −5 − 3 = −8; −8 / 3 = −266.67 %.
    expect(change.selfAssessment?.budget?.adjustment).toEqual({ current: -5, previous: 3, difference: -8, absDifference: 8, rate: -266.67, absRate: 266.67 });
    const run = checkCrossForm(checker, [{ source: 'a.txt', evaluation: current }, { source: 'old.txt', evaluation: previous, context: true }]);
    expect(run.history).toEqual([{ source: 'a.txt', previous: 'old.txt' }]);
  });


  it('one entry per numeric field, nested as the model is; a field blank in one year has only the other side', () => {
    const current = form('甲', 2021, { staffing: { authorized: 22, actual: 21 } });
    const previous = form('甲', 2020, { staffing: { authorized: 20, actual: null } });
    const change = historyChanges(current, previous);
    expect(change.staffing).toEqual({
      authorized: { current: 22, previous: 20, difference: 2, absDifference: 2, rate: 10, absRate: 10 },
      actual: { current: 21, previous: null, difference: null, absDifference: null, rate: null, absRate: null },
    });
    // Text and answers are not figures: no entry for them.
    expect(Object.hasOwn(change, 'unit')).toBe(false);
    expect(Object.hasOwn(change, 'functions')).toBe(false);
    expect(Object.hasOwn(change, 'staffingControl')).toBe(false);
  });

  it('a row of an optional section the previous form lacks reads as blank there (null), never undefined', () => {
    const row = { priorYearActual: 1.2, budget: 1.5, actual: 1.4 };
    const current = form('甲', 2021, { costControl: { threePublic: row } });
    const previous = form('甲', 2020, { costControl: {} });
    const change = historyChanges(current, previous) as { costControl?: { threePublic?: Record<string, unknown> } };
    expect(change.costControl?.threePublic?.actual).toEqual({ current: 1.4, previous: null, difference: null, absDifference: null, rate: null, absRate: null });
    const back = historyChanges(previous, current) as typeof change;
    expect(back.costControl?.threePublic?.budget).toEqual({ current: null, previous: 1.5, difference: null, absDifference: null, rate: null, absRate: null });
  });
});

describe('the batch fact of a copied narrative', () => {
  const contexts = (text: string) => {
    const out = new Map<string, CrossFormContext>();
    checkCrossForm(checker, [
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), achievements: text } },
      { source: 'b.txt', evaluation: { ...quiet(form('乙', 2021)), achievements: text } },
    ], { onContext: (s, c) => out.set(s, c) });
    return out;
  };
  const narrative = (text: string) => (contexts(text).get('a.txt')?.batch as { narrative?: Record<string, unknown> } | null)?.narrative;

  it('quotes a shared passage of up to 120 characters whole', () => {
    expect(narrative(han(120))).toMatchObject({ similarity: 100, field: 'achievements', otherField: 'achievements', otherSource: 'b.txt', otherUnit: '乙', otherFiscalYear: 2021, passage: han(120), passageLength: 120 });
  });

  it('cuts a longer one at 120 characters (not UTF-16 units), ending it with …', () => {
    expect(narrative(han(121))).toMatchObject({ passage: `${han(120)}…`, passageLength: 121 });
    const astral = Array.from({ length: 130 }, (_, i) => String.fromCodePoint(0x20000 + ((i * 37) % 500))).join('');
    const cut = narrative(astral)?.passage as string;
    expect(Array.from(cut)).toHaveLength(121);
    expect(cut).toBe(`${Array.from(astral).slice(0, 120).join('')}…`);
  });
});

describe('the closest narrative of a form', () => {
  // MinHash estimates (64 hash functions) only propose candidates; the few best are measured exactly and the closest
  // measured text is the one named. Two edits of one text, found by search, whose estimates rank them the wrong way
  // round: b keeps 59.35 % of a's shingles but is estimated closer, c keeps 73.45 %.
  const a = han(200);
  const edited = (every: number, from: number) => Array.from(a).map((c, i) => (i >= from && (i - from) % every === 0 ? String.fromCodePoint(0x5800 + i) : c)).join('');
  const b = edited(20, 5);
  const c = edited(35, 4);

  it('is the one measured closest, not the one estimated closest', () => {
    const signature = (text: string) => minhash(shingleHashes(narrativeChars(text)));
    expect(estimatedSimilarity(signature(a), signature(b))).toBeGreaterThan(estimatedSimilarity(signature(a), signature(c)));
    const out = new Map<string, CrossFormContext>();
    checkCrossForm(checker, [
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), achievements: a } },
      { source: 'b.txt', evaluation: { ...quiet(form('乙', 2021)), achievements: b } },
      { source: 'c.txt', evaluation: { ...quiet(form('丙', 2021)), achievements: c } },
    ], { onContext: (s, x) => out.set(s, x) });
    const narrative = (out.get('a.txt')?.batch as { narrative?: Record<string, unknown> } | null)?.narrative;
    expect(narrative).toMatchObject({ similarity: 73.45, otherSource: 'c.txt', otherUnit: '丙' });
  });
});

describe('the order of a run', () => {
  it('forms are taken in the code-unit order of their sources (B before a before b), whatever the order of adding', () => {
    const forms: Input[] = ['b.txt', 'B.txt', 'a.txt'].map((source, i) => ({ source, evaluation: form(`单位${String(i)}`, 2021) }));
    const run = checkCrossForm(checker, forms, { keepNotApplicable: true });
    expect([...new Set(run.findings.map((f) => f.source))]).toEqual(['B.txt', 'a.txt', 'b.txt']);
  });

  it('two forms of the same source keep the order they were added in', () => {
    const forms: Input[] = ['乙', '甲', '丙'].map((unit) => ({ source: 'same.txt', evaluation: form(unit, 2021) }));
    const run = checkCrossForm(checker, forms, { keepNotApplicable: true });
    expect([...new Set(run.findings.map((f) => f.unit))]).toEqual(['乙', '甲', '丙']);
  });

  it('`add` gives each record the index `load` is later asked for; `size` counts every record', () => {
    const run = new CrossFormRun(checker);
    expect(run.size).toBe(0);
    const forms = [form('甲', 2021), form('乙', 2021), form('甲', 2020)];
    expect(forms.map((e, i) => run.add(formRecord(e, `${String(i)}.txt`, { context: i === 2 })))).toEqual([0, 1, 2]);
    expect(run.size).toBe(3);
    const asked: number[] = [];
    run.finish((i) => {
      asked.push(i);
      return { evaluation: forms[i] ?? form('?', 0) };
    });
    expect([...new Set(asked)].sort()).toEqual([0, 1, 2]);
  });

  it('a run of up to 64 forms reads each form once, even when a neighbour needs it again', () => {
    // 30 units, each with its narrative copied by the next: every form is the other form of a narrative match.
    const forms: Input[] = Array.from({ length: 30 }, (_, i) => ({
      source: `f${String(i).padStart(2, '0')}.txt`,
      evaluation: { ...quiet(form(`单位${String(i)}`, 2021)), achievements: han(80, 100 * Math.floor(i / 2)) },
    }));
    const run = new CrossFormRun(checker);
    for (const f of forms) run.add(formRecord(f.evaluation, f.source));
    const reads = new Map<number, number>();
    const result = run.finish((i) => {
      reads.set(i, (reads.get(i) ?? 0) + 1);
      return forms[i] as LoadedForm;
    });
    expect(result.findings.filter((f) => f.ruleId === 'batch/copied-narrative')).toHaveLength(30);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    expect(reads.size).toBe(30);
  });
});

describe('at: the item at one of the pass’s own indexes', () => {
  it('is the item there, the first and the last; an index outside the list throws (never a blank read as a value)', () => {
    const list = ['a.txt', 'b.txt', ''];
    expect(at(list, 0)).toBe('a.txt');
    expect(at(list, 2)).toBe('');
    expect(() => at(list, 3)).toThrow(new RangeError('cross-form: no item at index 3 of 3'));
    expect(() => at(list, -1)).toThrow(RangeError);
    expect(() => at([], 0)).toThrow('cross-form: no item at index 0 of 0');
  });
});

describe('positions of the forms a finding points at', () => {
  it('only the fields the finding reads that the form has a position for (none: no positions at all)', () => {
    const text = han(80);
    const run = checkCrossForm(checker, [
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), achievements: text }, positions: { achievements: { line: 60 }, 'staffing.actual': { line: 9 } } },
      { source: 'b.txt', evaluation: { ...quiet(form('乙', 2021)), achievements: text }, positions: {} },
    ]);
    const onA = run.findings.find((f) => f.ruleId === 'batch/copied-narrative' && f.source === 'a.txt');
    expect(onA?.positions).toStrictEqual({ achievements: { line: 60 } });
    expect(onA?.related).toStrictEqual([{ source: 'b.txt', unit: '乙', fiscalYear: 2021, relation: 'similar-narrative' }]);
    const onB = run.findings.find((f) => f.ruleId === 'batch/copied-narrative' && f.source === 'b.txt');
    expect(onB && 'positions' in onB).toBe(false);
    expect(onB?.related).toStrictEqual([{ source: 'a.txt', unit: '甲', fiscalYear: 2021, relation: 'similar-narrative', positions: { achievements: { line: 60 } } }]);
  });
});

describe('two forms of one file name (the workbench names a form by its file name alone)', () => {
  it('a copied narrative points at the other form, never at the form itself', () => {
    const text = han(80);
    const run = checkCrossForm(checker, [
      { source: '自评表.docx', evaluation: { ...quiet(form('甲', 2021)), achievements: text }, positions: { achievements: { line: 60 } } },
      { source: '自评表.docx', evaluation: { ...quiet(form('乙', 2021)), achievements: text }, positions: { achievements: { line: 61 } } },
    ]);
    const copied = run.findings.filter((f) => f.ruleId === 'batch/copied-narrative');
    expect(copied.map((f) => [f.unit, f.data.otherUnit, f.related])).toStrictEqual([
      ['甲', '乙', [{ source: '自评表.docx', unit: '乙', fiscalYear: 2021, relation: 'similar-narrative', positions: { achievements: { line: 61 } } }]],
      ['乙', '甲', [{ source: '自评表.docx', unit: '甲', fiscalYear: 2021, relation: 'similar-narrative', positions: { achievements: { line: 60 } } }]],
    ]);
  });
});

describe('which batch facts a run computes: those some cross-form rule reads, wherever it reads them', () => {
  // Two submissions of one unit and year: one copy each, and a narrative field named (`batch.narrative.field`, no
  // match within a unit) only when the narrative facts are computed.
  const copies = [
    { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), achievements: han(80) } },
    { source: 'b.txt', evaluation: { ...quiet(form('甲', 2021)), achievements: han(80) } },
  ];
  const count = { fact: 'batch', path: 'duplicates.count', operator: 'greaterThan', value: 0 };
  const always = { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: -1 }] };
  const message = { 'zh-CN': '有', en: 'yes' };
  const shown = { 'zh-CN': '{n}', en: '{n}' };
  const batchRule = (extra: Partial<Rule>): Pack => ({
    meta: { name: 'demo', version: '1.0.0', title: { 'zh-CN': '演示', en: 'demo' } },
    rules: [{ id: 'demo/reads', title: { 'zh-CN': '测试', en: 'test' }, severity: 'warning', basis: [{ instrument: '测试' }], scope: 'batch', paths: ['staffing.actual'], pass: { 'zh-CN': '通过', en: 'ok' }, checks: [], ...extra }],
  });
  it.each<[string, Partial<Rule>, Record<string, unknown>]>([
    ['a leaf of a check', { checks: [{ id: 'copied', when: { all: [count] }, message }] }, { outcome: 'fail', messageId: 'demo/reads#copied' }],
    ['under any and not', { checks: [{ id: 'copied', when: { any: [{ not: { ...count, operator: 'equal' } }] }, message }] }, { outcome: 'fail', messageId: 'demo/reads#copied' }],
    ['notApplicableWhen', { notApplicableWhen: { when: { all: [count] }, message }, checks: [{ id: 'x', when: always, message }] }, { outcome: 'not-applicable' }],
    ['indeterminateWhen', { indeterminateWhen: { when: { all: [count] }, message }, checks: [{ id: 'x', when: always, message }] }, { outcome: 'indeterminate' }],
    ['a note', { checks: [{ id: 'x', when: { not: always }, message }], notes: [{ id: 'copied', when: { all: [count] }, message }] }, { outcome: 'pass', notes: [{ messageId: 'demo/reads#copied' }] }],
    ['a data entry', { checks: [{ id: 'x', when: always, message: shown }], data: { n: { ref: 'batch.duplicates.count' } } }, { message: '1' }],
    ['a scale', { checks: [{ id: 'x', when: always, message: shown }], data: { n: { scale: 'batch.duplicates.count', points: [[0, 0], [1, 5]] } } }, { message: '5' }],
    ['blankAmong', { checks: [{ id: 'x', when: always, message: shown }], data: { n: { blankAmong: ['batch.narrative.field'] } } }, { message: '无' }],
    ['paths', { paths: ['batch.duplicates.count'], checks: [{ id: 'x', when: always, message }] }, { observed: { 'batch.duplicates.count': 1 } }],
    ['the whole group', { checks: [{ id: 'x', when: always, message: shown }], data: { n: { ref: 'batch.duplicates' } } }, { message: expect.stringContaining('"count":1,"sources":["b.txt"]') }],
  ])('%s', (_where, rule, expected) => {
    const run = checkCrossForm(createChecker([batchRule(rule)]), copies, { keepNotApplicable: true });
    expect(run.findings[0]).toMatchObject({ source: 'a.txt', ...expected });
  });

  it('a rule that reads the group whole and nothing else (no field, nothing under batch.duplicates)', () => {
    const whole = { fact: 'batch', path: 'duplicates', operator: 'notEqual', value: null };
    const rule = batchRule({ paths: ['batch.duplicates'], checks: [{ id: 'x', when: { all: [whole] }, message: shown }], data: { n: { ref: 'batch.duplicates' } } });
    const run = checkCrossForm(createChecker([rule]), copies);
    expect(run.findings[0]).toMatchObject({ source: 'a.txt', outcome: 'fail' });
    expect(run.findings[0]?.message).toContain('"count":1,"sources":["b.txt"]');
  });

  it('and none that no rule reads: copies alone, narratives alone, peers alone (what each form’s context holds)', () => {
    const batchOfEach = (when: NestedCondition) => {
      const seen: Record<string, unknown>[] = [];
      checkCrossForm(createChecker([batchRule({ checks: [{ id: 'x', when: { all: [when] }, message }] })]), copies, {
        onContext: (_source, context) => seen.push(context.batch ?? {}),
      });
      return seen;
    };
    const copiesOnly = batchOfEach(count);
    expect(copiesOnly.map((b) => b.duplicates)).toMatchObject([{ count: 1, sources: ['b.txt'] }, { count: 1, sources: ['a.txt'] }]);
    expect(copiesOnly.map((b) => b.peers)).toEqual([{}, {}]);
    expect(copiesOnly.map((b) => b.narrative)).toEqual([NO_NARRATIVE, NO_NARRATIVE]);
    const narrativesOnly = batchOfEach({ fact: 'batch', path: 'narrative.similarity', operator: 'greaterThan', value: 50 });
    expect(narrativesOnly.map((b) => b.duplicates)).toMatchObject([{ count: 0, sources: [] }, { count: 0, sources: [] }]);
    expect(narrativesOnly.map((b) => b.peers)).toEqual([{}, {}]);
    // Both forms are of one unit: no match, but the form's narrative (its only one, 成效) is named, with similarity 0.
    expect(narrativesOnly.map((b) => b.narrative)).toMatchObject([{ similarity: 0, field: 'achievements' }, { similarity: 0, field: 'achievements' }]);
    const peersOnly = batchOfEach({ fact: 'batch', path: 'peers.threePublicShare.count', operator: 'greaterThan', value: 0 });
    expect(peersOnly.map((b) => b.duplicates)).toMatchObject([{ count: 0 }, { count: 0 }]);
    expect(peersOnly.map((b) => b.narrative)).toEqual([NO_NARRATIVE, NO_NARRATIVE]);
    expect(peersOnly.map((b) => Object.keys(b.peers as object).length > 0)).toEqual([true, true]);
  });
});

const NO_NARRATIVE = { similarity: null, field: null, otherField: null, otherSource: null, otherUnit: null, otherFiscalYear: null, passage: null, passageLength: null, figureDifferences: null, figureDifferenceCount: null };

// From the mutation run of cross-form.ts:341-639 (the pass itself, 30 Nov, sixth shift).
const demoPack = (rules: Rule[]): Pack => ({ meta: { name: 'demo', version: '1.0.0', title: { 'zh-CN': '演示', en: 'demo' } }, rules });
const plain = { 'zh-CN': '有', en: 'yes' };
const crossRule = (id: string, extra: Partial<Rule>): Rule => ({ id, title: { 'zh-CN': '测试', en: 'test' }, severity: 'warning', basis: [{ instrument: '测试' }], paths: ['staffing.actual'], pass: plain, checks: [], ...extra });
const copiesOver0 = { fact: 'batch', path: 'duplicates.count', operator: 'greaterThan', value: 0 };

describe('what a run counts', () => {
  it('each cross-form rule by outcome over the checked forms (form rules not listed); the summary adds up every form; only failures and undecided findings are kept', () => {
    const rule = crossRule('demo/copies', {
      scope: 'batch',
      notApplicableWhen: { when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: 100 }] }, message: plain },
      requires: ['staffing.actual'],
      checks: [{ id: 'copied', when: { all: [copiesOver0] }, message: plain }],
    });
    const checker = createChecker([pack('staffing'), demoPack([rule])]);
    const forms: Input[] = [
      { source: 'a.txt', evaluation: form('甲', 2021, { staffing: { authorized: 20, actual: 5 } }) }, // a copy of b: fail
      { source: 'b.txt', evaluation: form('甲', 2021, { staffing: { authorized: 20, actual: 5 } }) }, // fail
      { source: 'c.txt', evaluation: form('乙', 2021, { staffing: { authorized: 20, actual: null } }) }, // blank: indeterminate
      { source: 'd.txt', evaluation: form('丙', 2021, { staffing: { authorized: 20, actual: 500 } }) }, // not applicable
      { source: 'e.txt', evaluation: form('丁', 2021, { staffing: { authorized: 20, actual: 5 } }) }, // pass
      { source: 'g.txt', evaluation: form('己', 2021, { staffing: { authorized: 20, actual: 600 } }) }, // not applicable
      { source: 'f.txt', evaluation: form('甲', 2021), context: true }, // history only: not checked, not counted
    ];
    const run = checkCrossForm(checker, forms);
    expect(run.rules).toEqual([{ ruleId: 'demo/copies', pass: 1, fail: 2, indeterminate: 1, notApplicable: 2 }]);
    expect(run.summary).toEqual({ total: 6, pass: 1, fail: 2, indeterminate: 1, notApplicable: 2, waived: 0, errors: 0, warnings: 2, infos: 0, redFlags: 0 });
    expect(run.findings.map((f) => `${f.source} ${f.outcome}`)).toEqual(['a.txt fail', 'b.txt fail', 'c.txt indeterminate']);
    expect(checkCrossForm(checker, forms, { keepNotApplicable: true }).findings.map((f) => f.outcome)).toEqual(['fail', 'fail', 'indeterminate', 'not-applicable', 'pass', 'not-applicable']);
  });

  it('the batch counts the checked forms, per year too; history-only forms are not in it', () => {
    const seen = new Map<string, CrossFormContext>();
    checkCrossForm(checker, [
      { source: 'a.txt', evaluation: form('甲', 2021) },
      { source: 'b.txt', evaluation: form('乙', 2021) },
      { source: 'c.txt', evaluation: form('丙', 2020) },
      { source: 'old.txt', evaluation: form('甲', 2020), context: true },
    ], { onContext: (s, c) => seen.set(s, c) });
    expect([...seen.keys()]).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(seen.get('a.txt')?.batch).toMatchObject({ size: 3, yearSize: 2 });
    expect(seen.get('c.txt')?.batch).toMatchObject({ size: 3, yearSize: 1 });
  });

  it('lists under `history` only the forms joined to a previous-year form', () => {
    const run = checkCrossForm(checker, [
      { source: 'a.txt', evaluation: form('甲', 2021) },
      { source: 'b.txt', evaluation: form('乙', 2021) },
      { source: 'old.txt', evaluation: form('甲', 2020), context: true },
    ]);
    expect(run.history).toEqual([{ source: 'a.txt', previous: 'old.txt' }]);
  });

  it('says in English why an ambiguous previous year leaves the history rules not applicable', () => {
    const run = checkCrossForm(checker, [
      { source: 'c.txt', evaluation: form('甲', 2021) },
      { source: 'a.txt', evaluation: form('甲', 2020), context: true },
      { source: 'b.txt', evaluation: form('甲', 2020), context: true },
    ], { keepNotApplicable: true, locale: 'en' });
    expect(run.findings.find((x) => x.ruleId === 'history/carry-over')?.message).toContain('the unit has 2 forms for the previous year (a.txt, b.txt), so which to compare with is unknown');
    expect(run.diagnostics[0]?.message).toMatch(/^[\x20-\x7e]/);
  });
});

describe('the forms a finding points at, by the facts its rule reads', () => {
  it('a history rule: the previous-year form, located at the fields it compares, and those fields in this form', () => {
    // Its `paths` name the authorized staff only: the actual staff it compares is found in its condition.
    const rule = crossRule('demo/staff-change', {
      paths: ['staffing.authorized'],
      requires: ['history.previous'],
      checks: [{ id: 'moved', when: { all: [{ fact: 'history', path: 'change.staffing.actual.absRate', operator: 'greaterThan', value: 10 }] }, message: plain }],
    });
    const dup = crossRule('demo/dup', { scope: 'batch', checks: [{ id: 'copied', when: { all: [copiesOver0] }, message: plain }] });
    const checker = createChecker([demoPack([rule, dup])]);
    const run = checkCrossForm(checker, [
      { source: 'a.txt', evaluation: form('甲', 2021, { staffing: { authorized: 20, actual: 30 } }), positions: { 'staffing.actual': { line: 7 }, 'staffing.authorized': { line: 6 } } },
      { source: 'b.txt', evaluation: form('甲', 2021, { staffing: { authorized: 20, actual: 30 } }) },
      { source: 'old.txt', evaluation: form('甲', 2020, { staffing: { authorized: 20, actual: 15 } }), context: true, positions: { 'staffing.actual': { line: 8 }, 'staffing.authorized': { line: 5 }, 'income.total': { line: 2 } } },
    ]);
    const onA = run.findings.filter((f) => f.source === 'a.txt');
    expect(onA.map((f) => f.ruleId)).toEqual(['demo/staff-change', 'demo/dup']);
    expect(onA[0]?.related).toStrictEqual([{ source: 'old.txt', unit: '甲', fiscalYear: 2020, relation: 'previous-year', positions: { 'staffing.actual': { line: 8 } } }]);
    expect(onA[0]?.positions).toStrictEqual({ 'staffing.authorized': { line: 6 }, 'staffing.actual': { line: 7 } });
    // A batch rule points at the other copies only, never at the previous year's form.
    expect(onA[1]?.related).toStrictEqual([{ source: 'b.txt', unit: '甲', fiscalYear: 2021, relation: 'same-unit-year' }]);
  });

  // From the mutation run of cross-form.ts:471-639 (ninth shift): the suffix of a change (`.difference`, `.rate`, …) is
  // taken off the end of the path only — a field whose own name is one of them (执行率, `selfAssessment.budget.rate`)
  // keeps it.
  it('a history rule on a field named `rate` (the 执行率): located at that field in both forms', () => {
    const budget = (rate: number) => ({ initialBudget: 100, annualBudget: 100, executed: rate, points: 20, rate, score: null });
    const rule = crossRule('demo/rate-fell', {
      requires: ['history.previous'],
      checks: [{ id: 'fell', when: { all: [{ fact: 'history', path: 'change.selfAssessment.budget.rate.difference', operator: 'lessThan', value: -10 }] }, message: plain }],
    });
    const run = checkCrossForm(createChecker([demoPack([rule])]), [
      { source: 'a.txt', evaluation: form('甲', 2021, { selfAssessment: { budget: budget(60) } }), positions: { 'selfAssessment.budget.rate': { line: 12 }, 'staffing.actual': { line: 7 } } },
      { source: 'old.txt', evaluation: form('甲', 2020, { selfAssessment: { budget: budget(90) } }), context: true, positions: { 'selfAssessment.budget.rate': { line: 9 }, 'selfAssessment.budget.executed': { line: 8 } } },
    ]);
    expect(run.findings).toHaveLength(1);
    expect(run.findings[0]).toMatchObject({ source: 'a.txt', ruleId: 'demo/rate-fell', outcome: 'fail' });
    expect(run.findings[0]?.related).toStrictEqual([{ source: 'old.txt', unit: '甲', fiscalYear: 2020, relation: 'previous-year', positions: { 'selfAssessment.budget.rate': { line: 9 } } }]);
    expect(run.findings[0]?.positions).toStrictEqual({ 'staffing.actual': { line: 7 }, 'selfAssessment.budget.rate': { line: 12 } });
  });

  it('a duplicate rule points at the copies (not at a similar narrative) and a narrative rule at the similar text (not at the copies)', () => {
    const text = han(80);
    const run = checkCrossForm(checker, [
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), achievements: text }, positions: { achievements: { line: 60 }, 'staffing.actual': { line: 7 } } },
      { source: 'b.txt', evaluation: { ...quiet(form('甲', 2021, { staffing: { authorized: 22, actual: 9 } })), achievements: text } },
      { source: 'c.txt', evaluation: { ...quiet(form('乙', 2021)), achievements: text } },
    ]);
    const onA = (id: string) => run.findings.find((f) => f.source === 'a.txt' && f.ruleId === id);
    expect(onA('batch/duplicate-submission')?.related.map((r) => `${r.relation} ${r.source}`)).toEqual(['same-unit-year b.txt']);
    // The fields that differ between the copies are this form's fields of the finding; the narrative is not.
    expect(onA('batch/duplicate-submission')?.positions).toStrictEqual({ 'staffing.actual': { line: 7 } });
    expect(onA('batch/copied-narrative')?.related.map((r) => `${r.relation} ${r.source}`)).toEqual(['similar-narrative c.txt']);
    expect(onA('batch/copied-narrative')?.positions).toStrictEqual({ achievements: { line: 60 } });
  });
});

describe('narrative matches', () => {
  const contexts = (forms: Input[]) => {
    const out = new Map<string, { narrative: Record<string, unknown> }>();
    checkCrossForm(checker, forms, { onContext: (s, c) => out.set(s, c.batch as { narrative: Record<string, unknown> }) });
    return out;
  };
  it('a rule reading the narrative facts is located at the matched field of both forms, even when its paths do not name it', () => {
    const rule = crossRule('demo/similar', { scope: 'batch', checks: [{ id: 'similar', when: { all: [{ fact: 'batch', path: 'narrative.similarity', operator: 'greaterThan', value: 70 }] }, message: plain }] });
    const text = han(80);
    const run = checkCrossForm(createChecker([demoPack([rule])]), [
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), problems: text }, positions: { problems: { line: 70 }, 'staffing.actual': { line: 7 } } },
      { source: 'b.txt', evaluation: { ...quiet(form('乙', 2021)), problems: text }, positions: { problems: { line: 71 } } },
    ]);
    expect(run.findings[0]).toMatchObject({ source: 'a.txt', outcome: 'fail' });
    expect(run.findings[0]?.positions).toStrictEqual({ 'staffing.actual': { line: 7 }, problems: { line: 70 } });
    expect(run.findings[0]?.related).toStrictEqual([{ source: 'b.txt', unit: '乙', fiscalYear: 2021, relation: 'similar-narrative', positions: { problems: { line: 71 } } }]);
  });

  it('of many candidates, the most similar by estimate are measured (not the first by index)', () => {
    // Three units whose texts differ from a's in one 30-character stretch each, then one that copied it whole.
    const text = han(200);
    const edited = (at: number) => `${text.slice(0, at)}${han(30, 300)}${text.slice(at + 30)}`;
    const got = contexts(['甲', '乙', '丙', '丁', '戊'].map((unit, i) => ({ source: `${String(i)}.txt`, evaluation: { ...quiet(form(unit, 2021)), achievements: i === 0 || i === 4 ? text : edited(40 * i) } })));
    expect(got.get('0.txt')?.narrative).toMatchObject({ similarity: 100, otherSource: '4.txt' });
  });




  it('every narrative field of a form is compared, the first as well as the last', () => {
    const got = contexts([
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), functions: han(80), achievements: han(80, 200) } },
      { source: 'b.txt', evaluation: { ...quiet(form('乙', 2021)), suggestions: han(80) } },
    ]);
    expect(got.get('a.txt')?.narrative).toMatchObject({ similarity: 100, field: 'functions', otherField: 'suggestions', otherSource: 'b.txt' });
  });

  it('a form without a match names its own first narrative field, with similarity 0', () => {
    const got = contexts([
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), achievements: han(80) } },
      { source: 'b.txt', evaluation: { ...quiet(form('乙', 2021)), problems: han(80, 300) } },
    ]);
    expect(got.get('b.txt')?.narrative).toEqual({ similarity: 0, field: 'problems', otherField: null, otherSource: null, otherUnit: null, otherFiscalYear: null, passage: null, passageLength: null, figureDifferences: null, figureDifferenceCount: null });
  });

  it('among equally similar texts, the first in source order is named', () => {
    const text = han(80);
    const got = contexts(['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((source, i) => ({ source, evaluation: { ...quiet(form(`单位${String(i)}`, 2021)), achievements: text } })));
    expect([...got.values()].map((b) => b.narrative.otherSource)).toEqual(['b.txt', 'a.txt', 'a.txt', 'a.txt']);
  });

  it('forms without a unit name are each a unit of their own: a copied narrative between them is found', () => {
    const text = han(80);
    const got = contexts([
      { source: 'a.txt', evaluation: { ...quiet(form('甲', 2021)), unit: { name: null }, achievements: text } },
      { source: 'b.txt', evaluation: { ...quiet(form('甲', 2021)), unit: { name: null }, achievements: text } },
    ]);
    expect(got.get('a.txt')?.narrative).toMatchObject({ similarity: 100, otherSource: 'b.txt' });
  });
});

describe('peers and copies', () => {
  it('a form with a blank measure is not one of the peers for that measure', () => {
    const seen = new Map<string, CrossFormContext>();
    const rates = [18, 19, 20, 19, 18];
    checkCrossForm(checker, [
      ...rates.map((actual, i) => ({ source: `${String(i)}.txt`, evaluation: form(`单位${String(i)}`, 2021, { staffing: { authorized: 20, actual } }) })),
      { source: 'blank.txt', evaluation: form('空', 2021, { staffing: { authorized: 20, actual: null } }) },
    ], { onContext: (s, c) => seen.set(s, c) });
    // 90, 95, 100, 95, 90 %: five values, median 95; the blank form is not a sixth at 0 %.
    expect(seen.get('0.txt')?.batch).toMatchObject({ peers: { staffingControlRate: { count: 5, median: 95 } } });
  });

  // From the mutation run of cross-form.ts:471-540 (ninth shift): the fallback `peerStatistics([])` (518) with a list
  // of one junk value survived.
  it('a year in which no form states a measure: no peers for it (count 0, no median), never one peer', () => {
    const seen = new Map<string, CrossFormContext>();
    checkCrossForm(checker, [
      { source: 'a.txt', evaluation: form('甲', 2021, { staffing: { authorized: 20, actual: null } }) },
      { source: 'b.txt', evaluation: form('乙', 2021, { staffing: { authorized: 20, actual: null } }) },
    ], { onContext: (s, c) => seen.set(s, c) });
    expect(seen.get('a.txt')?.batch).toMatchObject({ peers: { staffingControlRate: { value: null, count: 0, median: null, mad: null, min: null, max: null, robustZ: null, absRobustZ: null } } });
  });

  // From the mutation run of cross-form.ts:341-540 (eleventh shift): a form with no unit-year (`[]` → a junk entry,
  // 378) was given one copy, and batch/duplicate-submission failed it as submitted twice; a form without copies was
  // given one differing field (`?? []` → a junk entry, 514).
  it('a form whose year or unit is blank is no copy of another and has none, even beside another such form; a form without copies has no differing fields', () => {
    const seen = new Map<string, CrossFormContext>();
    const noUnit = (f: Evaluation): Evaluation => ({ ...f, unit: { name: null } });
    const run = checkCrossForm(checker, [
      { source: 'a.txt', evaluation: { ...form('甲', 2021), fiscalYear: null } },
      { source: 'b.txt', evaluation: { ...form('甲', 2021), fiscalYear: null } },
      { source: 'c.txt', evaluation: noUnit(form('乙', 2021)) },
      { source: 'd.txt', evaluation: noUnit(form('乙', 2021)) },
      { source: 'e.txt', evaluation: form('甲', 2021) },
    ], { onContext: (s, c) => seen.set(s, c) });
    for (const source of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) {
      expect(seen.get(source)?.batch, source).toMatchObject({ duplicates: { count: 0, sources: [], listed: 0, unlisted: 0, differences: [], differenceCount: 0 } });
    }
    expect(run.findings.filter((f) => f.ruleId === 'batch/duplicate-submission' && f.outcome === 'fail')).toEqual([]);
  });

  it('a year the listedCopies parameter has no value for names every copy', () => {
    const copies: Input[] = Array.from({ length: 12 }, (_, i) => ({ source: `copy-${String(i).padStart(2, '0')}.txt`, evaluation: form('甲区司法局', 1999) }));
    const dup = checkCrossForm(checker, copies).findings.filter((f) => f.ruleId === 'batch/duplicate-submission');
    expect(dup).toHaveLength(12);
    expect(dup[0]?.related).toHaveLength(11);
    expect(dup[0]?.unlistedRelated).toBeUndefined();
  });
});
