import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance, factCatalogue, lookupFact } from './facts.js';
import { lintPack, positionOf, type SourceFile } from './lint.js';
import { FIELD_PATHS } from '../model/labels.js';

const manifest: SourceFile = {
  file: 'pack.json',
  text: JSON.stringify({ name: 'demo', version: '0.1.0', title: { 'zh-CN': '示例', en: 'Demo' } }, null, 2),
};

function ruleFile(name: string, when: unknown, extra: Record<string, unknown> = {}): SourceFile {
  const rule = {
    id: `demo/${name}`,
    title: { 'zh-CN': '示例', en: 'Demo' },
    severity: 'warning',
    basis: [{ instrument: '示例' }],
    paths: ['staffing.actual'],
    checks: [{ id: 'bad', when, message: { 'zh-CN': '不通过', en: 'fails' } }],
    pass: { 'zh-CN': '通过', en: 'passes' },
    ...extra,
  };
  return { file: `src/rules/${name}.json`, text: `${JSON.stringify(rule, null, 2)}\n` };
}

const leaf = (fact: string, path: string | undefined, operator: string, value: unknown) => ({ all: [{ fact, ...(path === undefined ? {} : { path }), operator, value }] });

describe('fact catalogue', () => {
  const catalogue = factCatalogue([]);

  it('knows every labelled form field with a kind', () => {
    for (const path of FIELD_PATHS) expect(catalogue.get(path), path).toBeDefined();
    expect(catalogue.get('staffing.actual')?.kind).toBe('integer');
    expect(catalogue.get('income.total')?.kind).toBe('money');
    expect(catalogue.get('staffingControl.overstaffed')?.kind).toBe('answer');
    expect(catalogue.get('disclosure.date')?.kind).toBe('date');
    expect(catalogue.get('disclosure.channels')?.kind).toBe('list');
    expect(catalogue.get('selfRating.grade')).toMatchObject({ kind: 'enum', values: ['优', '良', '中', '差'] });
    expect(catalogue.get('unit.classified')?.kind).toBe('boolean');
    expect(catalogue.has('answerResolution')).toBe(false);
  });

  it('knows derived facts and indicators with their kinds', () => {
    expect(catalogue.get('derived.incomeTotal.difference')?.kind).toBe('money');
    expect(catalogue.get('derived.incomeTotal.blankParts')?.kind).toBe('integer');
    expect(catalogue.get('derived.staffingExcess')?.kind).toBe('integer');
    expect(catalogue.get('derived.answers.unresolved')?.kind).toBe('list');
    expect(catalogue.get('indicators.staffingControlRate')?.kind).toBe('percent');
    expect(catalogue.get('indicators.threePublicChangeRate')?.kind).toBe('percent');
  });

  it('offers findings only when asked, with open outcome keys', () => {
    expect(lookupFact(catalogue, 'findings.redFlagCount')).toBeUndefined();
    const withFindings = factCatalogue([], true);
    expect(lookupFact(withFindings, 'findings.redFlagCount')?.kind).toBe('integer');
    expect(lookupFact(withFindings, 'findings.outcomes.staffing/within-quota')?.kind).toBe('enum');
    expect(lookupFact(withFindings, 'findings.outcomes.a.b')).toBeUndefined();
  });

  it('edit distance is a metric on small strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });

  it('suggests the field a one-letter typo meant, for every field', () => {
    const paths = [...catalogue.keys()].filter((p) => (p.split('.').at(-1) ?? '').length >= 6);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.nat(), (path, n) => {
        const i = path.lastIndexOf('.') + 2 + (n % (path.length - path.lastIndexOf('.') - 3));
        const typo = `${path.slice(0, i)}${path[i + 1] ?? ''}${path[i] ?? ''}${path.slice(i + 2)}`; // swap two letters
        if (typo === path) return;
        const s = closest(typo, catalogue.keys());
        expect(s === undefined ? Infinity : editDistance(typo, s)).toBeLessThanOrEqual(editDistance(typo, path));
      }),
    );
  });
});

describe('positionOf', () => {
  it('maps a JSON path to its line, or to the nearest existing ancestor', () => {
    const text = ruleFile('x', leaf('staffing', 'actaul', 'greaterThan', 1)).text;
    const line = text.split('\n').findIndex((l) => l.includes('"actaul"')) + 1;
    expect(positionOf(text, ['checks', 0, 'when', 'all', 0, 'path'])?.line).toBe(line);
    expect(positionOf(text, ['checks', 0, 'when', 'all', 0, 'nothing', 'here'])?.line).toBe(line - 2);
  });

  it('finds the line of any key of a generated JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.integer(), { minKeys: 1 }), (obj) => {
        const text = JSON.stringify(obj, null, 2);
        const keys = Object.keys(obj);
        for (const [i, k] of keys.entries()) expect(positionOf(text, [k])?.line).toBe(i + 2);
      }),
    );
  });
});

describe('lintPack', () => {
  it('accepts a correct rule', () => {
    const r = lintPack({ manifest, rules: [ruleFile('ok', leaf('staffing', 'actual', 'greaterThan', { fact: 'staffing', path: 'authorized' }))] });
    expect(r.issues).toEqual([]);
    expect(r.pack?.rules).toHaveLength(1);
  });

  it('reports an unknown fact path with file, line and a suggestion', () => {
    const file = ruleFile('typo', leaf('staffing', 'actaul', 'greaterThan', 1));
    const r = lintPack({ manifest, rules: [file] });
    const line = file.text.split('\n').findIndex((l) => l.includes('"actaul"')) + 1;
    expect(r.issues).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'unknown-fact',
        file: 'src/rules/typo.json',
        line,
        path: 'checks.0.when.all.0.path',
        ruleId: 'demo/typo',
        suggestion: 'staffing.actual',
      }),
    ]);
    expect(r.issues[0]?.message.en).toContain('did you mean staffing.actual?');
  });

  it('reports a money operator on an answer and answerIs on a number', () => {
    const a = lintPack({ manifest, rules: [ruleFile('a', leaf('threePublic', 'declined', 'moneyGreaterThan', 0))] });
    expect(a.issues).toEqual([expect.objectContaining({ code: 'operator-type', path: 'checks.0.when.all.0.operator' })]);
    expect(a.issues[0]?.message['zh-CN']).toContain('勾选答案');
    const b = lintPack({ manifest, rules: [ruleFile('b', leaf('staffing', 'actual', 'answerIs', 'yes'))] });
    expect(b.issues).toEqual([expect.objectContaining({ code: 'operator-type', line: expect.any(Number) as number })]);
  });

  it('reports bad answer values, enum values, numeric comparisons with text and unknown operators', () => {
    const r = lintPack({
      manifest,
      rules: [
        ruleFile('c', { all: [
          { fact: 'threePublic', path: 'declined', operator: 'answerIs', value: 'yse' },
          { fact: 'selfRating', path: 'grade', operator: 'equal', value: 'A' },
          { fact: 'income', path: 'total', operator: 'greaterThan', value: '100' },
          { fact: 'income', path: 'total', operator: 'moneyGreaterThen', value: 100 },
          { fact: 'income', path: 'total', operator: 'moneyGreaterThan', value: { fact: 'staffingControl', path: 'overstaffed' } },
        ] }),
      ],
    });
    expect(r.issues.map((i) => [i.code, i.path, i.suggestion])).toEqual([
      ['value-type', 'checks.0.when.all.0.value', 'yes'],
      ['value-type', 'checks.0.when.all.1.value', undefined],
      ['value-type', 'checks.0.when.all.2.value', undefined],
      ['unknown-operator', 'checks.0.when.all.3.operator', 'moneyGreaterThan'],
      ['value-type', 'checks.0.when.all.4.value', undefined],
    ]);
  });

  it('checks paths, requires and data references too, and findings only with after', () => {
    const r = lintPack({
      manifest,
      rules: [
        ruleFile('d', leaf('findings', 'redFlagCount', 'greaterThan', 0), { requires: ['income.totl'], data: { x: { ref: 'indicators.staffingRate' } } }),
        ruleFile('e', leaf('findings', 'redFlagCount', 'greaterThan', 0), { after: ['*'] }),
      ],
    });
    expect(r.issues.map((i) => [i.ruleId, i.code, i.path, i.suggestion])).toEqual([
      ['demo/d', 'findings-without-after', 'checks.0.when.all.0.path', undefined],
      ['demo/d', 'unknown-fact', 'requires.0', 'income.total'],
      ['demo/d', 'unknown-fact', 'data.x.ref', 'indicators.staffingControlRate'],
    ]);
  });

  it('knows the pack parameters and warns on another pack parameter', () => {
    const parameters = [{ name: 'limit', title: { 'zh-CN': '上限', en: 'Limit' }, type: 'percent', values: [{ from: '2000-01-01', value: 100, basis: 'x' }] }];
    const r = lintPack({
      manifest,
      rules: [
        ruleFile('p', { all: [
          { fact: 'indicators', path: 'staffingControlRate', operator: 'greaterThan', value: { fact: 'params', path: 'demo.limit' } },
          { fact: 'indicators', path: 'staffingControlRate', operator: 'greaterThan', value: { fact: 'params', path: 'demo.limt' } },
          { fact: 'income', path: 'total', operator: 'moneyGreaterThan', value: { fact: 'params', path: 'integrity.incomeTotalTolerance' } },
        ] }, { parameters }),
      ],
    });
    expect(r.issues.map((i) => [i.level, i.code, i.suggestion])).toEqual([
      ['error', 'unknown-fact', 'params.demo.limit'],
      ['warning', 'foreign-param', undefined],
    ]);
  });

  it('reports schema errors, bad JSON and a wrong file name at their lines', () => {
    const bad = ruleFile('s', leaf('staffing', 'actual', 'greaterThan', 1), { severity: 'fatal' });
    const r = lintPack({ manifest, rules: [bad, { file: 'src/rules/j.json', text: '{\n  "id": \n}' }, { ...ruleFile('n', leaf('staffing', 'actual', 'greaterThan', 1)), file: 'src/rules/other.json' }] });
    expect(r.issues.map((i) => [i.file, i.code, i.path])).toEqual([
      ['src/rules/s.json', 'schema', 'severity'],
      ['src/rules/j.json', 'json', ''],
      ['src/rules/other.json', 'file-name', 'id'],
    ]);
    expect(r.issues[0]?.line).toBe(bad.text.split('\n').findIndex((l) => l.includes('"fatal"')) + 1);
  });
});
