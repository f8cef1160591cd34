import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinForms, normalizeUnitCode, normalizeUnitName, unitIdentity, type JoinInput } from './identity.js';

const form = (source: string, name: string | null, fiscalYear: number | null, code?: string | null): JoinInput => ({ source, identity: unitIdentity({ name, code }), fiscalYear });

describe('normalizeUnitName', () => {
  it.each([
    ['北塔区司法局（盖章）', '北塔区司法局'],
    ['北塔区 司法局', '北塔区司法局'],
    ['北塔区\u3000司法局', '北塔区司法局'],
    ['北塔区司法局(公章)', '北塔区司法局'],
    ['北塔区司法局【单位盖章】', '北塔区司法局'],
    ['北塔区司法局（签字盖章）', '北塔区司法局'],
    ['ＡＢＣ局', 'ABC局'],
    ['北塔区\u200b司法局', '北塔区司法局'],
    ['某某（北塔）司法局', '某某(北塔)司法局'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUnitName(input)).toBe(expected);
  });

  it('blank and seal-only names are unknown', () => {
    expect(normalizeUnitName(null)).toBeNull();
    expect(normalizeUnitName('  （盖章） ')).toBeNull();
  });

  it('is idempotent and ignores any spacing inserted', () => {
    const name = fc.array(fc.constantFrom(...'北塔区司法局财政教育（）()AＢ1２'.split('')), { minLength: 1, maxLength: 20 }).map((c) => c.join(''));
    fc.assert(
      fc.property(name, fc.array(fc.nat(), { maxLength: 4 }), (n, at) => {
        const once = normalizeUnitName(n);
        expect(once === null ? null : normalizeUnitName(once)).toBe(once);
        let spaced = n;
        for (const i of at) spaced = `${spaced.slice(0, i % (spaced.length + 1))} \u3000${spaced.slice(i % (spaced.length + 1))}`;
        expect(normalizeUnitName(spaced)).toBe(once);
      }),
    );
  });

  it('codes: full-width digits, spaces and case do not matter', () => {
    expect(normalizeUnitCode(' ５０１ 00a ')).toBe('50100A');
  });
});

describe('joinForms', () => {
  it('joins by name across years and gives the previous year', () => {
    const j = joinForms([form('a2020', '北塔区司法局', 2020), form('a2021', '北塔区司法局（盖章）', 2021), form('b2021', '南塔区司法局', 2021)]);
    expect([0, 1, 2].map((i) => j.previous[i])).toEqual([undefined, 0, undefined]);
    expect(j.diagnostics).toEqual([]);
  });

  it('a code joins forms whose names differ, and a name-only form joins its one code', () => {
    const j = joinForms([form('x', '北塔区司法局', 2020, '501001'), form('y', '北塔区司法行政局', 2021, '501001'), form('z', '北塔区司法局', 2022)]);
    // one code with two names: not joined, reported.
    expect(j.unitKey).toEqual([null, null, null]);
    expect(j.diagnostics.map((d) => d.code)).toEqual(['code-several-names']);
    const k = joinForms([form('x', '北塔区司法局', 2020, '501001'), form('z', '北塔区司法局', 2021)]);
    expect(k.unitKey).toEqual(['code:501001', 'code:501001']);
    expect(k.previous[1]).toBe(0);
  });

  it('a name under two codes is not guessed for a form without a code', () => {
    const j = joinForms([form('a', '财政局', 2020, '1'), form('b', '财政局', 2020, '2'), form('c', '财政局', 2021)]);
    expect(j.unitKey[2]).toBeNull();
    expect(j.previous[2]).toBeUndefined();
    expect(j.diagnostics).toMatchObject([{ code: 'name-several-codes', sources: ['c'] }]);
  });

  it('two forms for the previous year: no previous, reported once', () => {
    const j = joinForms([form('a', '甲', 2020), form('b', '甲', 2020), form('c', '甲', 2021)]);
    expect(j.previous[2]).toBeUndefined();
    expect(j.previousAmbiguous[2]).toEqual([0, 1]);
    expect(j.diagnostics).toMatchObject([{ code: 'previous-ambiguous', sources: ['a', 'b'] }]);
  });

  it('a form without a name, or without a year, has no history', () => {
    const j = joinForms([form('a', null, 2020), form('b', null, 2021), form('c', '甲', null), form('d', '甲', 2021)]);
    expect([0, 1, 2, 3].map((i) => j.previous[i])).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('does not depend on the order of the forms', () => {
    const arb = fc.array(fc.tuple(fc.constantFrom('甲', '甲（盖章）', '乙', null), fc.constantFrom(2019, 2020, 2021), fc.constantFrom(undefined, '1', '2')), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(arb, fc.infiniteStream(fc.nat()), (rows, rand) => {
        const forms = rows.map(([n, y, c], i) => form(`f${String(i)}`, n, y, c));
        const shuffled = forms.map((f) => [rand.next().value, f] as const).sort((a, b) => a[0] - b[0]).map(([, f]) => f);
        const view = (list: JoinInput[]) => {
          const j = joinForms(list);
          const prev = Object.fromEntries(list.map((f, i) => [f.source, j.previous[i] === undefined ? null : list[j.previous[i] ?? 0]?.source]));
          return { prev, diagnostics: j.diagnostics };
        };
        expect(view(shuffled)).toEqual(view(forms));
      }),
    );
  });
});
