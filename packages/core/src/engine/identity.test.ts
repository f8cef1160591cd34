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

describe('blank identities (issue 11, mutation)', () => {
  it.each([null, undefined, '', ' \u3000', '\u200b\u200d', '（盖章）'])('the name %j is unknown', (name) => {
    expect(normalizeUnitName(name)).toBeNull();
  });

  it.each([null, undefined, '', ' \u3000', '\u200b\ufeff'])('the code %j is unknown', (code) => {
    expect(normalizeUnitCode(code)).toBeNull();
  });

  it('a form without a code is joined by its name', () => {
    expect(unitIdentity({ name: '北塔区 司法局' })).toEqual({ code: null, name: '北塔区司法局' });
    expect(unitIdentity({ name: null, code: ' a1 ' })).toEqual({ code: 'A1', name: null });
  });
});

describe('what the join reports (issue 11, mutation)', () => {
  it('one code with two names: each form named, the names listed in both languages', () => {
    const j = joinForms([form('y.txt', '北塔区司法行政局', 2021, '501001'), form('x.txt', '北塔区司法局', 2020, '501001')]);
    expect(j.diagnostics).toEqual([
      {
        code: 'code-several-names',
        sources: ['x.txt', 'y.txt'],
        message: {
          'zh-CN': '预算编码 501001 对应多个单位名称（北塔区司法局、北塔区司法行政局）：未按单位关联，请核实编码或名称',
          en: 'budget code 501001 comes with several unit names (北塔区司法局, 北塔区司法行政局): not joined; check the code or the names',
        },
      },
    ]);
  });

  it('one name under two codes: the forms without a code named, the codes listed in both languages', () => {
    const j = joinForms([form('c.txt', '财政局', 2021), form('b.txt', '财政局', 2020, '2'), form('a.txt', '财政局', 2020, '1')]);
    expect(j.diagnostics).toEqual([
      {
        code: 'name-several-codes',
        sources: ['c.txt'],
        message: {
          'zh-CN': '单位名称“财政局”对应多个预算编码（1、2），而这些表未填预算编码：无法确定是哪个单位，未关联',
          en: 'unit name "财政局" comes with several budget codes (1, 2) and these forms state none: which unit they belong to is unknown, not joined',
        },
      },
    ]);
    expect(j.unitKey).toEqual([null, 'code:2', 'code:1']);
  });

  it('two forms for the year before: the year before, how many and which, in both languages', () => {
    const j = joinForms([form('2021.txt', '甲', 2021), form('b.txt', '甲', 2020), form('a.txt', '甲', 2020)]);
    expect(j.diagnostics).toEqual([
      {
        code: 'previous-ambiguous',
        sources: ['a.txt', 'b.txt'],
        message: {
          'zh-CN': '同一单位 2020 年度有 2 份表（a.txt、b.txt）：无法确定哪一份是上年的表，跨年度核对未进行',
          en: 'the unit has 2 forms for 2020 (a.txt, b.txt): which one is the previous year\'s is unknown, so no cross-year check was made',
        },
      },
    ]);
    expect(j.previousAmbiguous[0]).toEqual([2, 1]);
  });

  it('an ambiguous previous year is reported once per unit and year: two forms of 2021 over the same two of 2020', () => {
    const j = joinForms([form('a20', '甲', 2020), form('b20', '甲', 2020), form('a21', '甲', 2021), form('b21', '甲', 2021)]);
    expect(j.diagnostics.map((d) => [d.code, d.sources])).toEqual([['previous-ambiguous', ['a20', 'b20']]]);
    expect(j.previousAmbiguous[2]).toEqual([0, 1]);
    expect(j.previousAmbiguous[3]).toEqual([0, 1]);
    // The 2021 forms are two as well: a 2022 form of the unit would meet them, not these.
    expect(j.previous).toEqual([]);
  });

  it('each unit and year with an ambiguous previous year is reported, not only the first', () => {
    const j = joinForms([form('甲a', '甲', 2020), form('甲b', '甲', 2020), form('甲21', '甲', 2021), form('乙a', '乙', 2020), form('乙b', '乙', 2020), form('乙21', '乙', 2021)]);
    expect(j.diagnostics.map((d) => d.sources)).toEqual([
      ['乙a', '乙b'],
      ['甲a', '甲b'],
    ]);
  });

  it('forms of one file name (the workbench names a form by its file name alone): the same diagnostics in any input order', () => {
    // Two units' folders each hold a 自评表.docx: the diagnostics of one kind then share their first form's name, and
    // are listed by their budget code or unit name.
    const codes = [form('自评表.docx', '丙', 2020, '9'), form('自评表.docx', '丁', 2020, '9'), form('自评表.docx', '甲', 2020, '1'), form('自评表.docx', '乙', 2020, '1')];
    const names = [form('自评表.docx', '戊', 2020, '7'), form('自评表.docx', '戊', 2020, '8'), form('自评表.docx', '戊', 2021), form('自评表.docx', '己', 2020, '5'), form('自评表.docx', '己', 2020, '6'), form('自评表.docx', '己', 2021)];
    const expected = [
      'budget code 1 comes with several unit names (乙, 甲): not joined; check the code or the names',
      'budget code 9 comes with several unit names (丁, 丙): not joined; check the code or the names',
      'unit name "己" comes with several budget codes (5, 6) and these forms state none: which unit they belong to is unknown, not joined',
      'unit name "戊" comes with several budget codes (7, 8) and these forms state none: which unit they belong to is unknown, not joined',
    ];
    const view = (list: JoinInput[]) => joinForms(list).diagnostics.map((d) => d.message.en);
    expect(view([...codes, ...names])).toEqual(expected);
    expect(view([...codes, ...names].reverse())).toEqual(expected);
  });

  it('diagnostics are sorted by kind, then by their first form (code-unit order), whatever the input order', () => {
    const j = joinForms([
      form('p3', '丙', 2021),
      form('p2', '丙', 2020),
      form('p1', '丙', 2020),
      form('n2', '丁', 2020),
      form('n1', '丁', 2020, '7'),
      form('n0', '丁', 2020, '8'),
      form('k9', '戊', 2020, '9'),
      form('k8', '己', 2020, '9'),
      form('k5', '庚', 2020, '5'),
      form('k4', '辛', 2020, '5'),
    ]);
    expect(j.diagnostics.map((d) => [d.code, d.sources])).toEqual([
      ['code-several-names', ['k4', 'k5']],
      ['code-several-names', ['k8', 'k9']],
      ['name-several-codes', ['n2']],
      ['previous-ambiguous', ['p1', 'p2']],
    ]);
  });
});
