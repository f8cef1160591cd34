import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../model/labels.js';
import { OUTCOMES, type ExplainedCondition, type Finding, type Outcome } from '../result/model.js';
import { findingAdjuster, formGaps } from './coverage.js';

const AUTHORIZED = 'staffing.authorized';
const ACTUAL = 'staffing.actual';
const condition = (fact: string, result: boolean): ExplainedCondition => ({ fact, operator: 'greaterThan', expected: 0, actual: 1, result });

function finding(outcome: Outcome, paths: string[], explanation?: ExplainedCondition[]): Finding {
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
    observed: {},
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

  it('property: a finding is never turned into a pass or a failure, and a pass stays a pass unless no field it reads is on the form', () => {
    const paths = Object.keys(FIELD_LABELS).slice(0, 6);
    const arb = fc.record({
      outcome: fc.constantFrom(...OUTCOMES),
      paths: fc.subarray(paths),
      decided: fc.subarray(paths),
      notOnForm: fc.subarray(paths),
      unreadable: fc.subarray(paths),
      locale: fc.constantFrom('zh-CN' as const, 'en' as const),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const adjust = findingAdjuster({ fieldsNotOnForm: c.notOnForm, unreadable: Object.fromEntries(c.unreadable.map((p) => [p, '?'])) }, c.locale);
        const before = finding(c.outcome, c.paths, c.decided.map((p) => condition(p, true)));
        const after = adjust ? adjust(before) : before;
        if (after.outcome !== before.outcome) {
          expect(['indeterminate', 'not-applicable']).toContain(after.outcome);
          expect(before.outcome).not.toBe('not-applicable');
        }
        const allAbsent = c.paths.length > 0 && c.paths.every((p) => c.notOnForm.includes(p));
        const readsUnreadable = c.paths.some((p) => c.unreadable.includes(p));
        if (before.outcome === 'pass') expect(after.outcome).toBe(allAbsent ? 'not-applicable' : 'pass');
        if (before.outcome === 'fail' && readsUnreadable) expect(after.outcome).toBe('indeterminate');
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
