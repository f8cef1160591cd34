import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../model/labels.js';
import { OUTCOMES, type ExplainedCondition, type Finding, type Outcome } from '../result/model.js';
import { findingAdjuster, formGaps } from './coverage.js';

const AUTHORIZED = 'staffing.authorized';
const ACTUAL = 'staffing.actual';
/** The one list of the model: the indicator table's rows. */
const INDICATORS = 'selfAssessment.indicators';
const condition = (fact: string, result: boolean): ExplainedCondition => ({ fact, operator: 'greaterThan', expected: 0, actual: 1, result });

function finding(outcome: Outcome, paths: string[], explanation?: ExplainedCondition[], observed: Record<string, unknown> = {}): Finding {
  return {
    ruleId: 'staffing/over-quota',
    pack: 'staffing',
    title: '超编',
    outcome,
    severity: 'error',
    redFlag: false,
    messageId: `staffing/over-quota#${outcome}`,
    message: '原消息',
    data: { kept: 1 },
    paths,
    observed,
    basis: [],
    ...(explanation ? { explanation } : {}),
  };
}

/** The adjuster for gaps that exist (the test fails if there is none). */
function adjusterFor(...args: Parameters<typeof findingAdjuster>): (f: Finding) => Finding {
  const adjust = findingAdjuster(...args);
  if (adjust === undefined) throw new Error('expected an adjuster');
  return adjust;
}

describe('findingAdjuster: what a blank the form could not hold, or could not be read, does to a finding', () => {
  it('changes nothing when the form has no gaps (no adjuster at all)', () => {
    expect(findingAdjuster({}, 'zh-CN')).toBeUndefined();
    expect(findingAdjuster({ fieldsNotOnForm: [], unreadable: {} }, 'en')).toBeUndefined();
  });

  it('a field written but unreadable makes a failure indeterminate, quoting what was written, in either locale', () => {
    const zh = adjusterFor({ unreadable: { [ACTUAL]: '十二人' } }, 'zh-CN');
    const f = zh(finding('fail', [AUTHORIZED, ACTUAL]));
    expect(f).toMatchObject({ outcome: 'indeterminate', messageId: 'staffing/over-quota#unreadable', severity: 'error' });
    expect(f.message).toBe(`无法判断：${FIELD_LABELS[ACTUAL]['zh-CN']}无法识别：“十二人”`);
    expect(f.data).toEqual({ kept: 1, unreadable: [ACTUAL] });
    const both = adjusterFor({ unreadable: { [AUTHORIZED]: 'x', [ACTUAL]: '十二人' } }, 'zh-CN')(finding('fail', [AUTHORIZED, ACTUAL]));
    expect(both.message).toBe(`无法判断：${FIELD_LABELS[AUTHORIZED]['zh-CN']}无法识别：“x”；${FIELD_LABELS[ACTUAL]['zh-CN']}无法识别：“十二人”`);
    const en = adjusterFor({ unreadable: { [AUTHORIZED]: 'x', [ACTUAL]: '十二人' } }, 'en')(finding('indeterminate', [AUTHORIZED, ACTUAL]));
    expect(en.message).toBe(`Cannot tell: ${FIELD_LABELS[AUTHORIZED].en} could not be read: "x"; ${FIELD_LABELS[ACTUAL].en} could not be read: "十二人"`);
  });

  it('leaves a pass, a not-applicable, a rule reading no field, and a rule not reading the unreadable field as they are', () => {
    const adjust = adjusterFor({ unreadable: { [ACTUAL]: '？' } }, 'zh-CN');
    for (const f of [finding('pass', [ACTUAL]), finding('not-applicable', [ACTUAL]), finding('fail', []), finding('fail', [AUTHORIZED])]) expect(adjust(f)).toBe(f);
  });

  it('a list read in part (a cut-off indicator table) makes a pass over it indeterminate, quoting where it stops and keeping the pass message', () => {
    const rows = { [INDICATORS]: [{ name: '培训次数' }] };
    const zh = adjusterFor({ unreadable: { [INDICATORS]: '效益 社会 覆盖率 ≥90%' } }, 'zh-CN');
    const pass = zh(finding('pass', [INDICATORS], undefined, rows));
    expect(pass).toMatchObject({ outcome: 'indeterminate', messageId: 'staffing/over-quota#unreadable', severity: 'error', data: { kept: 1, unreadable: [INDICATORS] } });
    expect(pass.message).toBe(`无法判断：${FIELD_LABELS[INDICATORS]['zh-CN']}表不完整，读到“效益 社会 覆盖率 ≥90%”为止；已读出的部分：原消息`);
    const en = adjusterFor({ unreadable: { [ACTUAL]: '十二人', [INDICATORS]: 'x 1' } }, 'en')(finding('fail', [ACTUAL, INDICATORS], undefined, rows));
    expect(en.message).toBe(`Cannot tell: ${FIELD_LABELS[ACTUAL].en} could not be read: "十二人"; the ${FIELD_LABELS[INDICATORS].en} table is incomplete (read up to "x 1"); of the part read: 原消息`);
    // The pass of a rule reading other fields, or reading an unreadable scalar (a blank never passes one), stands.
    const other = finding('pass', [AUTHORIZED], undefined, rows);
    expect(zh(other)).toBe(other);
    const scalar = finding('pass', [AUTHORIZED, ACTUAL]);
    expect(adjusterFor({ unreadable: { [ACTUAL]: '十二人' } }, 'zh-CN')(scalar)).toBe(scalar);
  });

  it('a failure pinned on a row read whole stands, with a note where the table stops; one pinned only on the cut row is indeterminate', () => {
    const rows = { [INDICATORS]: [{ name: '培训次数' }, { name: '满意度' }, { name: '覆盖率' }] };
    const failing = (rowIndexes: number[], count = rowIndexes.length): Finding => ({ ...finding('fail', [INDICATORS], undefined, rows), data: { count, rowIndexes } });
    const zh = adjusterFor({ unreadable: { [INDICATORS]: '效益 社会 覆盖率 ≥90%' } }, 'zh-CN');
    const first = zh(failing([0, 2]));
    expect(first).toMatchObject({ outcome: 'fail', messageId: 'staffing/over-quota#fail', data: { count: 2, rowIndexes: [0, 2], unreadable: [INDICATORS] } });
    expect(first.message).toBe(`原消息（${FIELD_LABELS[INDICATORS]['zh-CN']}表不完整，读到“效益 社会 覆盖率 ≥90%”为止：该行及其后未能检查）`);
    const en = adjusterFor({ unreadable: { [INDICATORS]: 'x 1' } }, 'en')(failing([1]));
    expect(en.message).toBe(`原消息 (the ${FIELD_LABELS[INDICATORS].en} table is incomplete (read up to "x 1"): that row and any after it could not be checked)`);
    // The last row read is where the file was cut: its blank reason or score may be past the cut.
    expect(zh(failing([2]))).toMatchObject({ outcome: 'indeterminate', messageId: 'staffing/over-quota#unreadable' });
    // An item counted outside the list (the budget execution item) decides the failure too.
    expect(zh(failing([2], 2)).outcome).toBe('fail');
    // A failure over the list's total (no rows listed), or with an unreadable field beside the list, is not decided by a row.
    expect(zh(finding('fail', [INDICATORS], undefined, rows)).outcome).toBe('indeterminate');
    const withScalar = adjusterFor({ unreadable: { [INDICATORS]: 'x', [ACTUAL]: '十二人' } }, 'zh-CN')({ ...failing([0]), paths: [INDICATORS, ACTUAL] });
    expect(withScalar.outcome).toBe('indeterminate');
  });

  it('property: over a list read in part, a failure stands exactly when a row other than the last read one (or an item outside the list) is listed', () => {
    const arb = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({ n: fc.constant(n), indexes: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }), outside: fc.nat(2) }),
    );
    fc.assert(
      fc.property(arb, ({ n, indexes, outside }) => {
        const observed = { [INDICATORS]: Array.from({ length: n }, (_, i) => ({ name: `r${String(i)}` })) };
        const before: Finding = { ...finding('fail', [INDICATORS], undefined, observed), data: { count: indexes.length + outside, rowIndexes: indexes } };
        const after = adjusterFor({ unreadable: { [INDICATORS]: 'cut' } }, 'zh-CN')(before);
        const wholeRowListed = indexes.some((i) => i !== n - 1) || outside > 0;
        expect(after.outcome).toBe(wholeRowListed ? 'fail' : 'indeterminate');
      }),
      { numRuns: 300 },
    );
  });

  it('a rule over an unread list is not applicable only if rows were read: "no indicators" is not what the form shows', () => {
    const zh = adjusterFor({ unreadable: { [INDICATORS]: '一级指标 三级指标 得分' } }, 'zh-CN');
    const na = (observed: Record<string, unknown>, suffix = 'not-applicable'): Finding => ({ ...finding('not-applicable', [INDICATORS], undefined, observed), messageId: `staffing/over-quota#${suffix}` });
    for (const observed of [{}, { [INDICATORS]: [] }, { [INDICATORS]: null }]) {
      const f = zh(na(observed));
      expect(f).toMatchObject({ outcome: 'indeterminate', messageId: 'staffing/over-quota#unreadable' });
      // The rule's "not applicable" reason is not kept: it speaks of a form without the table.
      expect(f.message).toBe(`无法判断：${FIELD_LABELS[INDICATORS]['zh-CN']}表不完整，读到“一级指标 三级指标 得分”为止`);
    }
    // Rows read (none of them has what the rule looks at), a rule not in force that year, a cross-form rule with no
    // previous form: their not-applicable stands.
    for (const f of [na({ [INDICATORS]: [{ name: 'a' }] }), na({}, 'not-in-force'), na({}, 'no-previous-form')]) expect(zh(f)).toBe(f);
  });

  it('a rule reading only fields the form has no place for is not applicable, at info severity, naming them', () => {
    const adjust = adjusterFor({ fieldsNotOnForm: [AUTHORIZED, ACTUAL] }, 'zh-CN');
    for (const outcome of ['pass', 'fail', 'indeterminate'] as const) {
      const f = adjust(finding(outcome, [AUTHORIZED, ACTUAL]));
      expect(f).toMatchObject({ outcome: 'not-applicable', severity: 'info', messageId: 'staffing/over-quota#not-on-form', data: { notOnForm: [AUTHORIZED, ACTUAL] } });
      expect(f.message).toBe(`所交表格没有这些栏目，不适用：${FIELD_LABELS[AUTHORIZED]['zh-CN']}、${FIELD_LABELS[ACTUAL]['zh-CN']}`);
    }
    const en = adjusterFor({ fieldsNotOnForm: [AUTHORIZED, ACTUAL] }, 'en')(finding('fail', [AUTHORIZED, ACTUAL]));
    expect(en.message).toBe(`The form submitted has no place for these fields; not applicable: ${FIELD_LABELS[AUTHORIZED].en}, ${FIELD_LABELS[ACTUAL].en}`);
    // A rule already not applicable keeps its own reason.
    const already = finding('not-applicable', [ACTUAL]);
    expect(adjusterFor({ fieldsNotOnForm: [ACTUAL] }, 'zh-CN')(already)).toBe(already);
  });

  it('a failure decided only by fields not on the form is indeterminate; one a field on the form decides stays a failure', () => {
    const adjust = adjusterFor({ fieldsNotOnForm: [ACTUAL] }, 'zh-CN');
    const onlyAbsent = adjust(finding('fail', [AUTHORIZED, ACTUAL], [condition(ACTUAL, true), condition(AUTHORIZED, false)]));
    expect(onlyAbsent).toMatchObject({ outcome: 'indeterminate', messageId: 'staffing/over-quota#not-on-form', data: { kept: 1, notOnForm: [ACTUAL] } });
    expect(onlyAbsent.message).toBe(`无法判断：所交表格没有这些栏目：${FIELD_LABELS[ACTUAL]['zh-CN']}`);
    const en = adjusterFor({ fieldsNotOnForm: [ACTUAL] }, 'en')(finding('fail', [AUTHORIZED, ACTUAL], [condition(ACTUAL, true)]));
    expect(en.message).toBe(`Cannot tell: the form submitted has no place for: ${FIELD_LABELS[ACTUAL].en}`);
    const decidedOnForm = finding('fail', [AUTHORIZED, ACTUAL], [condition(ACTUAL, true), condition(AUTHORIZED, true)]);
    expect(adjust(decidedOnForm)).toBe(decidedOnForm);
    const unexplained = finding('fail', [AUTHORIZED, ACTUAL]);
    expect(adjust(unexplained)).toBe(unexplained);
    const pass = finding('pass', [AUTHORIZED, ACTUAL]);
    expect(adjust(pass)).toBe(pass);
  });

  it('a failure its rule explains by a field the form has no place for, which is not among the fields the rule reads, stays a failure', () => {
    const f = finding('fail', [AUTHORIZED], [condition(ACTUAL, true)]);
    expect(adjusterFor({ fieldsNotOnForm: [ACTUAL] }, 'zh-CN')(f)).toBe(f);
  });

  it('property: a finding is never turned into a pass or a failure; a pass stays a pass unless it reads a list read in part, or no field it reads is on the form', () => {
    const paths = [...Object.keys(FIELD_LABELS).slice(0, 6), INDICATORS];
    const arb = fc.record({
      outcome: fc.constantFrom(...OUTCOMES),
      paths: fc.subarray(paths),
      decided: fc.subarray(paths),
      notOnForm: fc.subarray(paths),
      unreadable: fc.subarray(paths),
      rowsRead: fc.boolean(),
      locale: fc.constantFrom('zh-CN' as const, 'en' as const),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const adjust = findingAdjuster({ fieldsNotOnForm: c.notOnForm, unreadable: Object.fromEntries(c.unreadable.map((p) => [p, `“${p}”`])) }, c.locale);
        const before = finding(c.outcome, c.paths, c.decided.map((p) => condition(p, true)), c.rowsRead ? { [INDICATORS]: [{ name: 'a' }] } : {});
        const after = adjust ? adjust(before) : before;
        if (after.outcome !== before.outcome) expect(['indeterminate', 'not-applicable']).toContain(after.outcome);
        const allAbsent = c.paths.length > 0 && c.paths.every((p) => c.notOnForm.includes(p));
        const unread = c.paths.filter((p) => c.unreadable.includes(p));
        const partList = unread.includes(INDICATORS);
        if (before.outcome === 'pass') expect(after.outcome).toBe(partList ? 'indeterminate' : allAbsent ? 'not-applicable' : 'pass');
        if (before.outcome === 'fail' && unread.length > 0) expect(after.outcome).toBe('indeterminate');
        if (before.outcome === 'not-applicable') expect(after.outcome).toBe(partList && !c.rowsRead ? 'indeterminate' : 'not-applicable');
        // Taken back for what could not be read: every such field is named with what was written.
        if (after.messageId.endsWith('#unreadable')) for (const p of unread) expect(after.message).toContain(`“${p}”`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formGaps', () => {
  it('keeps only the gaps an import result states', () => {
    expect(formGaps({})).toEqual({});
    expect(Object.keys(formGaps({ fieldsNotOnForm: [ACTUAL] }))).toEqual(['fieldsNotOnForm']);
    expect(formGaps({ fieldsNotOnForm: [ACTUAL], unreadable: { [ACTUAL]: 'x' } })).toEqual({ fieldsNotOnForm: [ACTUAL], unreadable: { [ACTUAL]: 'x' } });
    expect(Object.keys(formGaps({ unreadable: {} }))).toEqual(['unreadable']);
  });
});

describe('findingAdjuster: the edges the mutation run of coverage.ts found untested (eighth shift)', () => {
  const rows = { [INDICATORS]: [{ name: '培训次数' }, { name: '满意度' }, { name: '覆盖率' }] };
  const failing = (data: Record<string, unknown>, observed: Record<string, unknown> = rows, paths = [INDICATORS]): Finding => ({ ...finding('fail', paths, undefined, observed), data });
  const cut = adjusterFor({ unreadable: { [INDICATORS]: '效益 社会 覆盖率 ≥90%' } }, 'zh-CN');

  it('a table not found at all (no text) is "could not be read", both when undecided and in the note on a failure that stands', () => {
    const zh = adjusterFor({ unreadable: { [INDICATORS]: '' } }, 'zh-CN');
    const en = adjusterFor({ unreadable: { [INDICATORS]: '' } }, 'en');
    // "No indicators" is not what the form shows: not applicable is taken back, naming no text.
    const na: Finding = { ...finding('not-applicable', [INDICATORS], undefined, {}), messageId: 'staffing/over-quota#not-applicable' };
    expect(zh(na).message).toBe(`无法判断：${FIELD_LABELS[INDICATORS]['zh-CN']}表未能读出`);
    expect(en(na).message).toBe(`Cannot tell: the ${FIELD_LABELS[INDICATORS].en} table could not be read`);
    // The budget item out of range (counted, no row listed) stands: the note names no row, for none was read.
    const budget = failing({ count: 1, rowIndexes: [] }, {});
    expect(zh(budget)).toMatchObject({ outcome: 'fail', message: `原消息（${FIELD_LABELS[INDICATORS]['zh-CN']}表未能读出）` });
    expect(en(budget).message).toBe(`原消息 (the ${FIELD_LABELS[INDICATORS].en} table could not be read)`);
  });

  it('only whole row positions decide a failure: a position that is not a whole number, or below 0, or a count that is not a number, decides nothing', () => {
    expect(cut(failing({ count: 2, rowIndexes: [0, 0.5] })).outcome).toBe('indeterminate');
    expect(cut(failing({ count: 2, rowIndexes: [0, 'row 1'] })).outcome).toBe('indeterminate');
    expect(cut(failing({ count: 1, rowIndexes: [-1] })).outcome).toBe('indeterminate');
    expect(cut(failing({ count: '5', rowIndexes: [2] })).outcome).toBe('indeterminate');
    // The control: a whole row read listed.
    expect(cut(failing({ count: 1, rowIndexes: [0] })).outcome).toBe('fail');
  });

  it('only a failure stands: an undecided finding that lists whole rows still says where the table stops', () => {
    const undecided: Finding = { ...finding('indeterminate', [INDICATORS], undefined, rows), data: { count: 1, rowIndexes: [0] } };
    expect(cut(undecided)).toMatchObject({ outcome: 'indeterminate', messageId: 'staffing/over-quota#unreadable', message: `无法判断：${FIELD_LABELS[INDICATORS]['zh-CN']}表不完整，读到“效益 社会 覆盖率 ≥90%”为止；已读出的部分：原消息` });
  });

  it('a failure that does not read the list read in part is left as it is, rows listed or not', () => {
    const other = failing({ count: 1, rowIndexes: [0] }, { [AUTHORIZED]: 20 }, [AUTHORIZED]);
    expect(cut(other)).toBe(other);
  });

  it('over two lists read in part, a failure stands only when each has a whole row listed; the notes are joined', () => {
    const CHANNELS = 'disclosure.channels';
    const two = { [INDICATORS]: rows[INDICATORS], [CHANNELS]: ['portal', 'internal', 'other'] };
    const gaps = { unreadable: { [INDICATORS]: 'x 1', [CHANNELS]: '门户' } };
    const both = failing({ count: 1, rowIndexes: [0] }, two, [INDICATORS, CHANNELS]);
    expect(adjusterFor(gaps, 'zh-CN')(both).message).toBe(
      `原消息（${FIELD_LABELS[INDICATORS]['zh-CN']}表不完整，读到“x 1”为止：该行及其后未能检查；${FIELD_LABELS[CHANNELS]['zh-CN']}表不完整，读到“门户”为止：该行及其后未能检查）`,
    );
    expect(adjusterFor(gaps, 'en')(both).message).toBe(
      `原消息 (the ${FIELD_LABELS[INDICATORS].en} table is incomplete (read up to "x 1"): that row and any after it could not be checked; the ${FIELD_LABELS[CHANNELS].en} table is incomplete (read up to "门户"): that row and any after it could not be checked)`,
    );
    // Row 0 is the last (the only) row read of the second list: nothing there is read whole.
    const shortSecond = failing({ count: 1, rowIndexes: [0] }, { ...two, [CHANNELS]: ['portal'] }, [INDICATORS, CHANNELS]);
    expect(adjusterFor(gaps, 'zh-CN')(shortSecond).outcome).toBe('indeterminate');
    // Not applicable over two lists, one of them with no row read: "no rows" is not what the form shows.
    const na: Finding = { ...finding('not-applicable', [INDICATORS, CHANNELS], undefined, { ...two, [CHANNELS]: [] }), messageId: 'staffing/over-quota#not-applicable' };
    expect(adjusterFor(gaps, 'zh-CN')(na).outcome).toBe('indeterminate');
  });
});
