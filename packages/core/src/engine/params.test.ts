import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, minimalRule } from '@jixiao/testing';
import { loadPackFromDir } from '../node/index.js';
import { validateRule } from '../pack/validate.js';
import { ConfigSchema, type Pack, type Parameter, type ParameterType, type Rule } from '../pack/schema.js';
import { createChecker } from './checker.js';
import { ParameterValueError, applyParameterOverrides, paramsFact, valueInForce, type ResolvedParameter } from './params.js';
import type { ParameterValue } from '../pack/schema.js';

const RULES = fileURLToPath(new URL('../../../../rules/', import.meta.url));
const packs: Pack[] = readdirSync(RULES).map((name) => loadPackFromDir(`${RULES}${name}`));
/** Every parameter the bundled packs declare, as `pack.name` with its definition. */
const declared: [string, Parameter][] = packs.flatMap((p) => p.rules.flatMap((r) => (r.parameters ?? []).map((d): [string, Parameter] => [`${p.meta.name}.${d.name}`, d])));

const notJsonNumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
/** Values that are, by construction, not of the type (never decided by the code under test). */
const illTyped: Record<ParameterType, fc.Arbitrary<unknown>> = {
  number: notJsonNumber,
  percent: fc.oneof(notJsonNumber, fc.constantFrom('10%', '100', '0.05')),
  integer: fc.oneof(notJsonNumber, fc.integer({ min: -1000, max: 1000 }).map((n) => n + 0.5)),
  // An amount of 万元 is a number ≥ 0 with at most two decimals.
  money: fc.oneof(
    notJsonNumber,
    fc.constantFrom('0.05', '10%', 'abc', '264.47'),
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => -n / 100),
    fc.integer({ min: 0, max: 1_000_000 }).filter((n) => n % 10 !== 0).map((n) => n / 1000),
  ),
  boolean: fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.constantFrom('true', 0, 1)),
  string: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant('')),
};
/** What the message must name for each type (the zh-CN title's first words, the example). */
const named: Record<ParameterType, { zh: string; en: string; example: string }> = {
  number: { zh: '数值', en: 'a number', example: '90' },
  integer: { zh: '整数', en: 'an integer', example: '20' },
  money: { zh: '金额', en: 'an amount in 万元', example: '0.05' },
  percent: { zh: '百分数', en: 'a percentage', example: '100' },
  boolean: { zh: '是/否', en: 'a boolean', example: 'true' },
  string: { zh: '文本', en: 'text', example: '"' },
};

describe('parameter values are typed', () => {
  it('the bundled packs declare parameters of several types (the property below has something to bite on)', () => {
    expect(new Set(declared.map(([, d]) => d.type))).toEqual(new Set(['money', 'percent', 'integer', 'number', 'boolean']));
  });

  it('any ill-typed config value for any declared parameter is rejected when the checker is built, naming the parameter, the type and an example', () => {
    const arb = fc.constantFrom(...declared).chain(([id, d]) => fc.tuple(fc.constant(id), fc.constant(d), illTyped[d.type], fc.boolean()));
    fc.assert(
      fc.property(arb, ([id, d, value, dated]) => {
        if (value === null && d.nullable === true) return; // null means "not set" for a nullable parameter
        const setting = dated ? [{ from: '2000-01-01', value, basis: 'test' }] : value;
        if (typeof value === 'object' && value !== null) {
          // A list or an object where a value belongs: the config schema itself refuses it.
          expect(ConfigSchema.safeParse({ parameters: { [id]: setting } }).success).toBe(false);
          return;
        }
        let thrown: unknown;
        try {
          createChecker(packs, { parameters: { [id]: setting as number } });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ParameterValueError);
        const [issue] = (thrown as ParameterValueError).issues;
        expect(issue?.parameter).toBe(id);
        expect(issue?.path).toBe(dated ? `parameters.${id}.0.value` : `parameters.${id}`);
        expect(issue?.message['zh-CN']).toContain(id);
        expect(issue?.message['zh-CN']).toContain(named[d.type].zh);
        expect(issue?.message['zh-CN']).toContain(`例如 ${named[d.type].example}`);
        expect(issue?.message.en).toContain(named[d.type].en);
        expect(issue?.message.en).toContain(`e.g. ${named[d.type].example}`);
      }),
      { numRuns: 300 },
    );
  });

  it('any ill-typed value declared in a rule file is rejected when the rule is loaded', () => {
    const types = Object.keys(illTyped) as ParameterType[];
    const arb = fc.constantFrom(...types).chain((type) => fc.tuple(fc.constant(type), illTyped[type]));
    fc.assert(
      fc.property(arb, ([type, value]) => {
        // Built as plain data: the value is ill-typed on purpose (validateRule reads unknown input).
        const rule = { ...minimalRule('p/r'), parameters: [{ name: 'limit', title: { 'zh-CN': '上限', en: 'limit' }, type, values: [{ from: '2000-01-01', value, basis: 'test' }] }] };
        const { rule: ok, issues } = validateRule(rule, 'p', 'r.json');
        expect(ok).toBeUndefined();
        expect(issues.map((i) => i.path)).toContain('parameters.0.values.0.value');
      }),
      { numRuns: 200 },
    );
  });

  it('accepts well-typed values, and null only for a parameter declared nullable', () => {
    const checker = createChecker(packs, { parameters: { 'integrity.incomeTotalTolerance': 0.05, 'disclosure.deadlineDays': 30, 'procurement.executionThreshold': null, 'rating.excellentMin': 89.5 } });
    expect(checker.parameters.get('procurement.executionThreshold')?.values[0]?.value).toBeNull();
    expect(() => createChecker(packs, { parameters: { 'integrity.incomeTotalTolerance': null } })).toThrow(ParameterValueError);
    expect(() => createChecker(packs, { parameters: { 'procurement.executionThreshold': '80%' } })).toThrow(/procurement\.executionThreshold.*百分数.*或 null/);
  });

  it('the seed no longer passes its income total with a tolerance given as text ("0.05" used to read as a pass)', () => {
    const [integrity] = packs.filter((p) => p.meta.name === 'integrity') as [Pack];
    const rule = integrity.rules.find((r: Rule) => r.id === 'integrity/income-total');
    expect(rule?.parameters?.[0]?.type).toBe('money');
    expect(() => createChecker([integrity], { parameters: { 'integrity.incomeTotalTolerance': '0.05' } })).toThrow(ParameterValueError);
    const checker = createChecker([integrity], { parameters: { 'integrity.incomeTotalTolerance': 0.05 } });
    const form = { ...baseEvaluation(), income: { localBudget: 100, nonTax: 0, higherLevel: 0, other: 0, total: 103 } };
    expect(checker.checkEvaluationSync(form).findings.find((f) => f.ruleId === 'integrity/income-total')?.outcome).toBe('fail');
  });
});

describe('the value in force for a fiscal year', () => {
  const v = (from: string, value: number, until?: string): ParameterValue => ({ from, value, basis: 'test', ...(until ? { until } : {}) });

  it('is the latest value whose period covers 31 December of the year, both ends inclusive', () => {
    const values = [v('2021-01-01', 3), v('2015-01-01', 1), v('2018-12-31', 2, '2020-12-31')];
    expect(valueInForce(values, 2014)).toBeUndefined();
    expect(valueInForce(values, 2017)?.value).toBe(1);
    // from 2018-12-31: in force for 2018 (its 31 December), until 2020-12-31: still in force for 2020.
    expect(valueInForce(values, 2018)?.value).toBe(2);
    expect(valueInForce(values, 2020)?.value).toBe(2);
    expect(valueInForce(values, 2021)?.value).toBe(3);
  });

  it('without a fiscal year, is the latest value, whatever its end', () => {
    expect(valueInForce([v('2021-01-01', 3, '2021-06-30'), v('2015-01-01', 1), v('2018-01-01', 2)], null)?.value).toBe(3);
    expect(valueInForce([], null)).toBeUndefined();
  });

  it('property: the value found covers the year-end, and no value starting later covers it too', () => {
    const dated = fc.record({ from: fc.integer({ min: 2000, max: 2030 }), months: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), value: fc.integer() });
    fc.assert(
      fc.property(fc.array(dated, { maxLength: 6 }), fc.integer({ min: 1999, max: 2032 }), (specs, year) => {
        const values = specs.map((s) => v(`${String(s.from)}-03-01`, s.value, s.months === undefined ? undefined : `${String(s.from + Math.floor(s.months / 12))}-12-31`));
        const end = `${String(year)}-12-31`;
        const covering = values.filter((x) => x.from <= end && (x.until === undefined || x.until >= end));
        const found = valueInForce(values, year);
        if (covering.length === 0) expect(found).toBeUndefined();
        else {
          expect(covering).toContain(found);
          expect(covering.some((x) => found !== undefined && x.from > found.from)).toBe(false);
        }
      }),
    );
  });

  it('paramsFact gives each pack its parameters’ values in force, null where none is in force', () => {
    const definition: Parameter = { name: 'limit', type: 'number', title: { 'zh-CN': '限额', en: 'limit' }, values: [v('2020-01-01', 5)] };
    const params = new Map<string, ResolvedParameter>([
      ['demo.limit', { id: 'demo.limit', definition, values: definition.values, overridden: false }],
      ['demo.later', { id: 'demo.later', definition, values: [v('2030-01-01', 9)], overridden: false }],
      ['other.limit', { id: 'other.limit', definition, values: [v('2010-01-01', 7)], overridden: false }],
    ]);
    expect(paramsFact(params, 2022)).toEqual({ demo: { limit: 5, later: null }, other: { limit: 7 } });
  });
});

describe('config overrides', () => {
  const definition: Parameter = { name: 'limit', type: 'number', title: { 'zh-CN': '限额', en: 'limit' }, values: [{ from: '2020-01-01', value: 5, basis: '办法' }] };
  const params = new Map([
    ['demo.limit', definition],
    ['demo.other', definition],
  ]);

  it('a plain value is in force always, cited as the config; a list replaces the dated values; the rest keep their defaults', () => {
    const plain = applyParameterOverrides(params, { 'demo.limit': 8 });
    expect(plain.get('demo.limit')).toEqual({ id: 'demo.limit', definition, values: [{ from: '0001-01-01', value: 8, basis: 'jixiao.config.json' }], overridden: true });
    expect(plain.get('demo.other')).toEqual({ id: 'demo.other', definition, values: definition.values, overridden: false });
    const dated = [{ from: '2023-01-01', value: 9, basis: '新办法' }];
    expect(applyParameterOverrides(params, { 'demo.other': dated }).get('demo.other')).toMatchObject({ values: dated, overridden: true });
  });

  it('an ill-typed override is a ParameterValueError with a code, its name and both locales’ messages', () => {
    let thrown: unknown;
    try {
      applyParameterOverrides(params, { 'demo.limit': 'eight' as unknown as number });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ParameterValueError);
    const e = thrown as ParameterValueError;
    expect(e.code).toBe('PARAMETER_TYPE');
    expect(e.name).toBe('ParameterValueError');
    const [issue] = e.issues;
    expect(e.message).toBe(`${issue?.message['zh-CN'] ?? ''} / ${issue?.message.en ?? ''}`);
    expect(issue?.parameter).toBe('demo.limit');
    // Each ill-typed value is an issue of its own, one line each.
    expect(() => applyParameterOverrides(params, { 'demo.limit': 'eight' as unknown as number, 'demo.other': true as unknown as number })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/demo\.limit[^\n]*\n[^\n]*demo\.other/) as unknown }) as Error,
    );
  });
});
