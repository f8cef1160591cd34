import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb, moneyArb } from '@jixiao/testing';
import {
  EvaluationSchema,
  FIELD_PATHS,
  INDICATOR_LABELS,
  IndicatorRowSchema,
  SECTION_PATHS,
  fieldName,
  fieldLabel,
  compareMoney,
  formatMoney,
  fromCents,
  isMoney,
  parseMoneyText,
  sumMoney,
  toCents,
  validateEvaluation,
} from '../src/index.js';
import { evaluationSchema, toValidationIssues } from '../src/model/validate.js';
import seed from '../../../examples/beita-justice-2020/evaluation.json' with { type: 'json' };

const view = new DataView(new ArrayBuffer(8));
/** The next double above / below a non-negative double. */
function nextUp(v: number): number {
  view.setFloat64(0, v);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}
function nextDown(v: number): number {
  if (v === 0) return 0;
  view.setFloat64(0, v);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

/** Leaf field paths of the zod model (objects are walked, everything else is a leaf). */
function leafPaths(shape: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (key === '$schema' || key === 'modelVersion' || key === 'answerResolution') continue;
    let s = schema as { def?: { type: string; innerType?: unknown; shape?: Record<string, unknown> } };
    while (s.def && (s.def.type === 'optional' || s.def.type === 'nullable')) s = s.def.innerType as typeof s;
    const path = prefix ? `${prefix}.${key}` : key;
    if (s.def?.type === 'object' && s.def.shape) out.push(...leafPaths(s.def.shape, path));
    else out.push(path);
  }
  return out;
}

/** Paths of the objects of the zod model (its sections: `unit`, `selfAssessment.budget`, …). */
function sectionPaths(shape: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    let s = schema as { def?: { type: string; innerType?: unknown; shape?: Record<string, unknown> } };
    while (s.def && (s.def.type === 'optional' || s.def.type === 'nullable')) s = s.def.innerType as typeof s;
    const path = prefix ? `${prefix}.${key}` : key;
    if (s.def?.type === 'object' && s.def.shape) out.push(path, ...sectionPaths(s.def.shape, path));
  }
  return out;
}

describe('evaluation model', () => {
  it('has a Chinese label for every field, and no label without a field', () => {
    expect(leafPaths(EvaluationSchema.shape).sort()).toEqual([...FIELD_PATHS].sort());
  });

  it('has a label for every section (object) of the model, and no section label without one', () => {
    expect(sectionPaths(EvaluationSchema.shape).sort()).toEqual([...SECTION_PATHS].sort());
  });

  it('names a whole section by its label, the model path only with verbose (a JSON form whose `unit` is a number)', () => {
    const r = validateEvaluation({ ...seed, unit: 5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ path: 'unit', label: '单位信息', code: 'invalid_type' })]);
    expect(fieldName('unit', 'zh-CN')).toBe('单位信息');
    expect(fieldName('unit', 'zh-CN', true)).toBe('单位信息（unit）');
    expect(fieldName('costControl.vehicle', 'en')).toBe('official vehicle purchase and running (cost control)');
  });

  it('accepts the hand-made seed transcription', () => {
    const r = validateEvaluation(seed);
    expect(r.ok).toBe(true);
  });

  it('names the field path and the form label for a wrong type', () => {
    const r = validateEvaluation({ ...seed, staffing: { ...seed.staffing, actual: '21人' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'staffing.actual', label: '实有人数', code: 'invalid_type' }),
    ]);
    // "Wrong type", with what was found — never "missing" for a field that is there.
    expect(r.issues[0]?.message).toEqual({ 'zh-CN': '类型错误：应为数字，实为文本 "21人"', en: 'wrong type: expected number, got string "21人"' });
  });

  it('rejects a third decimal and a negative amount', () => {
    for (const total of [264.475, -1]) {
      const r = validateEvaluation({ ...seed, income: { ...seed.income, total } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]?.path).toBe('income.total');
    }
  });

  it('reports a missing field (blank must be written as null) and an unknown key', () => {
    const { functions: _f, ...noFunctions } = seed;
    const missing = validateEvaluation(noFunctions);
    expect(missing.ok || missing.issues.map((i) => [i.path, i.code, i.message['zh-CN']])).toEqual([['functions', 'invalid_type', '缺少此字段（空白请填 null）']]);
    const unknown = validateEvaluation({ ...seed, staffing: { ...seed.staffing, actaul: 3 } });
    expect(unknown.ok || unknown.issues.map((i) => i.path)).toEqual(['staffing.actaul']);
  });

  it('does not let a __proto__ key through', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(seed).slice(1)}`) as unknown;
    expect(validateEvaluation(hostile).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts every generated evaluation (the shared arbitrary is schema-valid)', () => {
    fc.assert(fc.property(evaluationArb(), (e) => validateEvaluation(JSON.parse(JSON.stringify(e))).ok));
  });
});

/** Ways a form can fail the model (or not): each changes one thing of a valid form, with a value drawn for it. */
type Json = Record<string, unknown>;
const section = (e: Json, key: string): Json => ({ ...(e[key] as Json) });
const mutationArb: fc.Arbitrary<[string, (e: Json) => unknown]> = fc.oneof(
  fc.constant<[string, (e: Json) => unknown]>(['as it is', (e) => e]),
  fc.double({ min: -1e6, max: 1e6 }).map((v): [string, (e: Json) => unknown] => ['any double as income.total', (e) => ({ ...e, income: { ...section(e, 'income'), total: v } })]),
  fc.integer({ min: 1, max: 999_999 }).map((v): [string, (e: Json) => unknown] => ['a third decimal', (e) => ({ ...e, expenditure: { ...section(e, 'expenditure'), basic: v / 1000 } })]),
  fc.constantFrom(Number.NaN, Infinity, -0.01, '12.50', true).map((v): [string, (e: Json) => unknown] => ['no amount', (e) => ({ ...e, procurement: { ...section(e, 'procurement'), actual: v } })]),
  fc.oneof(fc.integer({ min: -5, max: 20_000_000 }), fc.double({ min: 0, max: 100, noNaN: true })).map((v): [string, (e: Json) => unknown] => ['a head count', (e) => ({ ...e, staffing: { ...section(e, 'staffing'), authorized: v } })]),
  fc.integer({ min: 1900, max: 2300 }).map((v): [string, (e: Json) => unknown] => ['a year', (e) => ({ ...e, fiscalYear: v })]),
  fc.constantFrom('yes', 'maybe', null, 1, 'YES').map((v): [string, (e: Json) => unknown] => ['an answer', (e) => ({ ...e, threePublic: { ...section(e, 'threePublic'), declined: v } })]),
  fc.constantFrom('2021-02-30', '2021-13-01', '2020-02-29', '2021-2-3', '').map((v): [string, (e: Json) => unknown] => ['a date', (e) => ({ ...e, disclosure: { ...section(e, 'disclosure'), date: v } })]),
  fc.array(fc.constantFrom('portal', 'internal', 'other', 'radio'), { maxLength: 4 }).map((v): [string, (e: Json) => unknown] => ['channels', (e) => ({ ...e, disclosure: { ...section(e, 'disclosure'), channels: v } })]),
  fc.constantFrom('extra', 'income', 'fiscalYear', 'answerResolution').map((k): [string, (e: Json) => unknown] => ['a key added or taken away', (e) => (k in e ? Object.fromEntries(Object.entries(e).filter(([key]) => key !== k)) : { ...e, [k]: 1 })]),
  fc.constant<[string, (e: Json) => unknown]>(['an unknown key in a section', (e) => ({ ...e, unit: { ...section(e, 'unit'), nmae: 'x' } })]),
  fc.constant<[string, (e: Json) => unknown]>(['a __proto__ key', (e) => JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(e).slice(1)}`) as unknown]),
  fc.string({ maxLength: 3 }).map((v): [string, (e: Json) => unknown] => ['a text for a number', (e) => ({ ...e, income: { ...section(e, 'income'), localBudget: v } })]),
);

describe('the compiled validation (zod compiles the model once a process has validated its first forms)', () => {
  it('is in force after the first forms of a process, and decides every form as the runtime parser does: same output, same issues', () => {
    for (let i = 0; i <= 100; i++) expect(validateEvaluation(seed).ok).toBe(true);
    // z.compile hands back the schema itself when it cannot compile: then this property would test nothing.
    expect(evaluationSchema()).not.toBe(EvaluationSchema);
    let refused = 0;
    fc.assert(
      fc.property(evaluationArb(), mutationArb, (e, [, mutate]) => {
        const input = mutate(JSON.parse(JSON.stringify(e)) as Json);
        const got = validateEvaluation(input);
        const want = EvaluationSchema.safeParse(input, { reportInput: true });
        expect(got.ok).toBe(want.success);
        if (got.ok && want.success) expect(JSON.stringify(got.value)).toBe(JSON.stringify(want.data));
        if (!got.ok && !want.success) {
          refused++;
          expect(got.issues).toEqual(toValidationIssues(want.error.issues));
        }
      }),
      { numRuns: 500 },
    );
    // The mutations do make forms the model refuses.
    expect(refused).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('model v2: the 自评表 and the 经费控制 grid', () => {
  const sheet = {
    budget: { initialBudget: 1172.55, adjustment: -20.5, annualBudget: 1152.05, executed: 875.56, points: 10, rate: 76, score: 7.6 },
    indicators: [{ level1: '产出指标', name: '党性教育培训次数', nature: 'quantitative', unit: '次', target: '26次', actual: '12次', points: 5, score: 5, coefficient: 100, core: true }],
    totalPoints: 100,
  };

  it('keeps version 1 and 2 documents valid as they are (nothing renamed or removed) and takes version 3', () => {
    expect(validateEvaluation({ ...seed, modelVersion: 1 }).ok).toBe(true);
    expect(validateEvaluation({ ...seed, modelVersion: 2, selfAssessment: sheet }).ok).toBe(true);
    const four = validateEvaluation({ ...seed, modelVersion: 4 });
    expect(four.ok || four.issues.map((i) => i.path)).toEqual(['modelVersion']);
  });

  it('model v3: the budget rows by nature and the fund sources, money exact, blanks unknown (null), a column absent', () => {
    // 绥阳县太白镇 2021 (no 全年预算数 column) and 衡山县贯塘乡 2023 (the special-account line blank).
    const v3 = {
      ...sheet.budget,
      basic: { initialBudget: 985.19, executed: 914.97 },
      project: { initialBudget: 187.36, annualBudget: null, executed: 353.75 },
      fundSources: { total: 2030.12, generalPublicBudget: 1325.68, governmentFunds: 118.82, specialAccountNonTax: null, other: 585.62 },
    };
    expect(validateEvaluation({ ...seed, modelVersion: 3, selfAssessment: { ...sheet, budget: v3 } }).ok).toBe(true);
    const thirdDecimal = validateEvaluation({ ...seed, selfAssessment: { ...sheet, budget: { ...v3, basic: { initialBudget: 985.195 } } } });
    expect(thirdDecimal.ok || thirdDecimal.issues.map((i) => i.path)).toEqual(['selfAssessment.budget.basic.initialBudget']);
    const noTotal = validateEvaluation({ ...seed, selfAssessment: { ...sheet, budget: { ...v3, fundSources: { other: 1 } } } });
    expect(noTotal.ok || noTotal.issues.map((i) => i.path)).toEqual(['selfAssessment.budget.fundSources.total']);
    const unknownRow = validateEvaluation({ ...seed, selfAssessment: { ...sheet, budget: { ...v3, otherSpending: { executed: 1 } } } });
    expect(unknownRow.ok).toBe(false);
  });

  it('has a label for every column of an indicator row, and names a row by number in messages', () => {
    expect(Object.keys(IndicatorRowSchema.shape).sort()).toEqual(Object.keys(INDICATOR_LABELS).sort());
    expect(fieldLabel('selfAssessment.indicators.2.score')).toBe('绩效指标第 3 行 得分');
    expect(fieldLabel('selfAssessment.indicators.0', 'en')).toBe('indicator row 1');
    expect(fieldLabel('costControl.threePublic.priorYearActual')).toBe('三公经费（上年决算）');
  });

  it('takes scores and percentages with two decimals at most; a negative 得分 is kept (a rule reports it), a negative rate is not', () => {
    const withRow = (row: Record<string, unknown>) => validateEvaluation({ ...seed, selfAssessment: { indicators: [{ ...sheet.indicators[0], ...row }] } });
    expect(withRow({ score: -2 }).ok).toBe(true);
    for (const bad of [{ score: 4.005 }, { points: 1001 }, { coefficient: -1 }, { coefficient: 99.999 }]) {
      const r = withRow(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.issues[0]?.path).toBe(`selfAssessment.indicators.0.${Object.keys(bad)[0] ?? ''}`);
    }
    const rate = validateEvaluation({ ...seed, selfAssessment: { budget: { ...sheet.budget, rate: 76.125 } } });
    expect(rate.ok || rate.issues.map((i) => [i.path, i.label])).toEqual([['selfAssessment.budget.rate', '预算执行率']]);
  });

  it('takes an adjustment that lowers the budget (调减) but no negative amount elsewhere', () => {
    expect(validateEvaluation({ ...seed, selfAssessment: { budget: { ...sheet.budget, adjustment: -0.01 } } }).ok).toBe(true);
    expect(validateEvaluation({ ...seed, selfAssessment: { budget: { ...sheet.budget, executed: -1 } } }).ok).toBe(false);
    expect(validateEvaluation({ ...seed, costControl: { threePublic: { priorYearActual: 3.5, budget: null, actual: -1 } } }).ok).toBe(false);
  });

  it('accepts every generated evaluation with the new sections', () => {
    fc.assert(fc.property(evaluationArb({ selfAssessment: true, costControl: true }), (e) => validateEvaluation(JSON.parse(JSON.stringify(e))).ok));
  });
});

describe('money is exact', () => {
  it('round-trips every 2-decimal amount through hundredths', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (c) => toCents(fromCents(c)) === c && isMoney(fromCents(c))));
  });

  it('isMoney is exactly "at most two decimals": arithmetic test agrees with the decimal text', () => {
    const decimal = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1e13 && /^\d+(?:\.\d{1,2})?$/.test(String(v));
    fc.assert(fc.property(fc.double({ min: 0, max: 1e13, noNaN: true }), (v) => isMoney(v) === decimal(v)));
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: -3, max: 3 }), (c, ulps) => {
      // Neighbours of every 2-decimal amount, a few ulps away: only the amount itself is money.
      let v = c / 100;
      for (let i = 0; i < Math.abs(ulps); i++) v = ulps > 0 ? nextUp(v) : nextDown(v);
      return isMoney(v) === decimal(v);
    }));
    for (const v of [0.1 + 0.2, 1.005, 264.475, 1e-7, -0, Number.NaN, Infinity, 1e13 + 0.01]) expect(isMoney(v)).toBe(decimal(v));
  });

  it('sums without float drift: 0.1 + 0.2 is 0.30', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(compareMoney(sumMoney([0.1, 0.2]), 0.3)).toBe(0);
  });

  it('a sum of amounts equals the amount of the summed hundredths', () => {
    fc.assert(
      fc.property(fc.array(moneyArb(), { maxLength: 8 }), (parts) => {
        const cents = parts.reduce((a, p) => a + Math.round(p * 100), 0);
        return compareMoney(sumMoney(parts), fromCents(cents)) === 0;
      }),
    );
  });

  it('reads amounts written in the form and refuses unreadable ones', () => {
    expect(parseMoneyText('74.69万元')).toBe(74.69);
    expect(parseMoneyText('２６７．４７')).toBe(267.47);
    expect(parseMoneyText('1,234.50')).toBe(1234.5);
    for (const bad of ['约300', '3OO', '1.005', '-3', '', '1e5']) expect(parseMoneyText(bad)).toBeUndefined();
  });

  it('property: a plain amount is read as the normalising path reads it (the shortcut changes nothing)', () => {
    // parseMoneyText as first written: every text normalised, then tested.
    const reference = (text: string): number | undefined => {
      const normalized = text
        .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
        .replace(/[．。]/g, '.')
        .replace(/[，,](?=\d{3}(?:\D|$))/g, '')
        .replace(/\s+/g, '')
        .replace(/万元$/, '');
      if (!/^\d+(?:\.\d{1,2})?$/.test(normalized)) return undefined;
      const value = Number(normalized);
      return isMoney(value) ? value : undefined;
    };
    const written = fc.array(fc.constantFrom(...Array.from('0123456789..,，．。１２ 万元约O'), '万元', '00000000000000'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(written, fc.double({ min: 0, max: 1e14, noNaN: true }).map(String), fc.integer({ min: 0, max: 2e13 }).map((n) => (n / 100).toFixed(2))), (text) => {
        expect(parseMoneyText(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('formats with two decimals', () => {
    expect(formatMoney(3)).toBe('3.00');
    expect(formatMoney(-3)).toBe('-3.00');
    expect(formatMoney(0.1)).toBe('0.10');
  });
});
