import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationArb } from '@jixiao/testing';
import type { Evaluation } from '@jixiao/core';
import { readerFor, shippedTemplate } from '../template/registry.js';
import { FORM_TEXT_STYLE_DEFAULT, renderFormText, type FormTextStyle } from '../form/render.js';
import { importText } from './import-text.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../examples/beita-justice-2020/${name}`, import.meta.url));
const seed = readFileSync(example('000_1f3a69e61e56d541.txt'), 'utf8');
const expected = JSON.parse(readFileSync(example('evaluation.json'), 'utf8')) as Record<string, unknown>;
// `$schema` is an editor hint in the hand-made file, not part of the submission.
delete expected.$schema;

function ok(text: string) {
  const r = importText(text);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.diagnostics)}`);
  return r;
}

describe('importText on the seed form', () => {
  it('reproduces the hand-checked evaluation.json exactly', () => {
    expect(ok(seed).evaluation).toEqual(expected);
  });

  it('keeps a source position for every field it read', () => {
    const r = ok(seed);
    expect(r.positions['income.total']).toMatchObject({ line: 30, column: 2, excerpt: '264.47' });
    expect(r.positions['staffingControl.overstaffed']).toMatchObject({ line: 63, column: 2 });
    expect(r.positions['procurement.actual']).toMatchObject({ line: 84, column: 20, excerpt: '5.67万元' });
    expect(r.positions['disclosure.date']).toMatchObject({ line: 94 });
    const t1 = shippedTemplate('t1-checklist');
    if (t1 === undefined) throw new Error('no t1-checklist template');
    for (const path of readerFor(t1).expected) expect(r.positions[path], path).toBeDefined();
  });

  it('reports the remark it could not place, with its line, and nothing else', () => {
    const r = ok(seed);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'leftover-text', severity: 'info', line: 90 })]);
  });

  it('reads the same form saved with Windows line ends and a byte-order mark', () => {
    expect(ok(`\uFEFF${seed.replace(/\n/g, '\r\n')}`).evaluation).toEqual(expected);
  });
});

/** Replace one line of the seed (1-based). */
function withLine(n: number, text: string): string {
  const lines = seed.split('\n');
  lines[n - 1] = text;
  return lines.join('\n');
}

describe('checkbox encodings (domain.md §2)', () => {
  const answer = (line: string) => {
    const r = ok(withLine(63, line));
    return { value: r.evaluation.staffingControl.overstaffed, how: r.evaluation.answerResolution?.['staffingControl.overstaffed'], diagnostics: r.diagnostics };
  };
  it.each([
    ['是 eq \\o\\ac(□,√)  否□', 'yes', 'explicit'],
    ['是 EQ \\o\\ac(□，✓) 否 eq \\o\\ac(□)', 'yes', 'explicit'],
    ['是□ 否 eq \\o\\ac(□,✔)', 'no', 'explicit'],
    ['是☐ 否☑', 'no', 'explicit'],
    ['是■ 否□', 'yes', 'explicit'],
    ['√是 □否', 'yes', 'explicit'],
    ['是£ 否R', 'no', 'explicit'],
    ['是þ 否¨', 'yes', 'explicit'],
    ['是P 否£', 'yes', 'explicit'],
    ['是( 否□', 'yes', 'inferred'],
    ['是□ (否', 'no', 'inferred'],
    ['是( 否 eq \\o\\ac(□,√)', 'no', 'explicit'],
    ['是☑ 否☑', 'conflicting', undefined],
    ['是□ 否□', 'unanswered', undefined],
    ['是( 否(', 'ambiguous', undefined],
    ['是 否', 'unanswered', undefined],
  ])('%s → %s', (line, value, how) => {
    const r = answer(`是否存在超编超配人员：${line}`);
    expect(r.value).toBe(value);
    expect(r.how?.how).toBe(how);
    if (how !== undefined) expect(r.how?.raw).toBe(`是否存在超编超配人员：${line}`);
  });

  it('reads ☒ as checked and notes it', () => {
    const r = answer('是否存在超编超配人员：是☒ 否□');
    expect(r.value).toBe('yes');
    expect(r.diagnostics.some((d) => d.code === 'crossed-box' && d.line === 63)).toBe(true);
  });

  it('reports an unknown glyph with its line and reads it as unknown', () => {
    const r = answer('是否存在超编超配人员：是\uF0A5 否□');
    expect(r.value).toBe('yes');
    expect(r.how?.how).toBe('inferred');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-glyph', line: 63 }));
  });

  it('records how an inferred answer was read', () => {
    const r = answer('是否存在超编超配人员：是 eq \\o\\ac(□) 否(');
    expect(r.how).toEqual({ how: 'inferred', raw: '是否存在超编超配人员：是 eq \\o\\ac(□) 否(', line: 63, note: '是：空框 □；否：无法辨认的符号 “(” → 取 否' });
  });

  it('reads several channels of 公开方式 and none as null', () => {
    expect(ok(withLine(95, '公开方式:门户网站☑ 单位内部☑ 其它□')).evaluation.disclosure.channels).toEqual(['portal', 'internal']);
    expect(ok(withLine(95, '公开方式:门户网站□ 单位内部□ 其他□')).evaluation.disclosure.channels).toBeNull();
    expect(ok(withLine(95, '公开方式:门户网站( 单位内部□ 其他□')).evaluation.disclosure.channels).toEqual(['portal']);
  });
});

describe('a lost symbol\'s placeholder `(` in an excerpt reads as it was read (issue 15.3, lead\'s review)', () => {
  it('the seed: 否☑（推断） where it is the inferred answer, □（推断） beside a tick; the answer\'s record keeps the raw text', () => {
    const r = ok(seed);
    const excerpt = (path: string) => r.positions[path]?.excerpt;
    expect(excerpt('staffingControl.overstaffed')).toBe('是否存在超编超配人员：   是 □     否☑（推断）');
    expect(excerpt('threePublic.managementRules')).toBe('是否制定“三公”经费管理办法：是 ☑     否□（推断）');
    expect(excerpt('threePublic.declined')).toBe('三公经费是否比上年度下降：是☑（推断）    否 □');
    // The mark before its option (`(否`), and one followed by the form's own remark in parentheses.
    expect(excerpt('procurement.planMade')).toBe('年度是否制定了政府采购计划：是 □    ☑（推断）否');
    expect(excerpt('budgetExecution.hasSurplus')).toBe('本年度是否有结余: 是 □   否☑（推断），结余金额0万元（项目资金）');
    expect(excerpt('budgetExecution.supplemented')).toBe('本年度是否追加了预算:是□（推断）  否 ☑， 追加金额0万元');
    expect(r.evaluation.answerResolution?.['staffingControl.overstaffed']?.raw).toBe('是否存在超编超配人员：   是 eq \\o\\ac(□)     否(');
    for (const [path, p] of Object.entries(r.positions)) expect(p.excerpt ?? '', path).not.toMatch(/[是否有无]\(|\((?:是|否)/);
  });

  it.each([
    ['是( 否(', '是（符号无法辨认） 否（符号无法辨认）'],
    ['是☑ 否☑ (', '是☑ 否☑ ('],
  ])('%s → %s (undecided; a `(` that is no option\'s mark stays as written)', (line, shown) => {
    expect(ok(withLine(63, `是否存在超编超配人员：${line}`)).positions['staffingControl.overstaffed']?.excerpt).toBe(`是否存在超编超配人员：${shown}`);
  });

  it('公开方式: the one unreadable channel is the one ticked; beside a tick it is empty', () => {
    expect(ok(withLine(95, '公开方式:门户网站( 单位内部□ 其他□')).positions['disclosure.channels']?.excerpt).toBe('公开方式:门户网站☑（推断） 单位内部□ 其他□');
    expect(ok(withLine(95, '公开方式:门户网站☑ 单位内部( 其他□')).positions['disclosure.channels']?.excerpt).toBe('公开方式:门户网站☑ 单位内部□（推断） 其他□');
  });
});

describe('figures, dates and labels', () => {
  it('reads full-width digits and 万元 suffixes', () => {
    const r = ok(withLine(26, '\t２６７．４７万元'));
    expect(r.evaluation.income.localBudget).toBe(267.47);
  });

  it.each(['约300', '3OO', '1.005'])('an unreadable figure (%s) is an error with its line, and the value stays null', (figure) => {
    const r = ok(withLine(26, `\t${figure}`));
    expect(r.evaluation.income.localBudget).toBeNull();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'unreadable-figure', severity: 'error', line: 26, path: 'income.localBudget' }));
  });

  it('reads label variants (县财政预算安排, 编制数, 在职人数)', () => {
    let text = withLine(25, '\t县财政预算安排');
    text = text.replace('\t编制人数', '\t编制数').replace('\t实有人数', '\t在职人数');
    const r = ok(text);
    expect(r.evaluation.income.localBudget).toBe(267.47);
    expect(r.evaluation.staffing).toEqual({ authorized: 22, actual: 21 });
  });

  it('reads a value on the label line after a colon', () => {
    const r = ok(seed.replace('\t编制人数\n\t22', '\t编制人数：２２人'));
    expect(r.evaluation.staffing.authorized).toBe(22);
  });

  it('reads dates in other spellings and reports an impossible one', () => {
    expect(ok(withLine(94, '公开时间：2020-1-17')).evaluation.disclosure.date).toBe('2020-01-17');
    const bad = ok(withLine(94, '公开时间：2020年2月30日'));
    expect(bad.evaluation.disclosure.date).toBeNull();
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ code: 'unreadable-date', line: 94 }));
  });

  it('reports a missing label and leaves the field blank', () => {
    const r = ok(withLine(78, ''));
    expect(r.evaluation.nonTaxRevenue.diversion).toBe('unanswered');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'missing-label', path: 'nonTaxRevenue.diversion' }));
  });

  it('reports text that matches no field', () => {
    const r = ok(withLine(72, '这一行不属于任何栏目'));
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'leftover-text', line: 72 }));
  });
});

describe('files that are not the form', () => {
  it.each([
    ['an empty file', ''],
    ['blank lines', '\n\t\n  \n'],
    ['a poem', '床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n'],
    ['English prose', 'The quick brown fox jumps over the lazy dog.'],
  ])('%s is not ok, with one clear sentence', (_name, text) => {
    const r = importText(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.severity).toBe('error');
    expect(r.diagnostics[0]?.message['zh-CN']).toMatch(/。$/);
  });
});

// --- properties -------------------------------------------------------------------------------------------

/** Text without newlines, tabs or anything that could read as a label or a mark. */
const SAFE = Array.from('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥ABCxyz0123456789，。、');
const safeText = fc.string({ unit: fc.constantFrom(...SAFE), minLength: 0, maxLength: 30 }).map((s) => s.trim());
const nullable = (arb: fc.Arbitrary<string>) => arb.map((s) => (s === '' ? null : s));

/** Evaluations the form can carry: no extension fields, text without labels, a channel list never empty. */
const formEvaluationArb: fc.Arbitrary<Evaluation> = fc
  .tuple(evaluationArb({ extensions: false }), nullable(safeText), fc.array(safeText.filter((s) => s !== ''), { maxLength: 4 }), nullable(safeText), nullable(safeText), nullable(safeText))
  .map(([e, functions, achievements, problems, suggestions, opinion]) => ({
    ...e,
    functions,
    achievements: achievements.length === 0 ? null : achievements.join('\n'),
    problems,
    suggestions,
    supervisorOpinion: opinion,
    disclosure: { ...e.disclosure, channels: e.disclosure.channels?.length === 0 ? null : e.disclosure.channels },
  }));

const styleArb: fc.Arbitrary<FormTextStyle> = fc.record({
  checked: fc.array(fc.constantFrom('eq \\o\\ac(□,√)', 'EQ \\o\\ac(□,✓)', 'eq \\o\\ac(□,☑)', 'eq \\o\\ac(□,■)', '☑', '■', '√', '✓', '✔', 'R', 'P', 'þ'), { minLength: 1, maxLength: 5 }),
  empty: fc.array(fc.constantFrom('eq \\o\\ac(□)', '□', '☐', '£', '¨'), { minLength: 1, maxLength: 5 }),
  unknown: fc.constant('('),
  markBefore: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  inferred: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  colons: fc.array(fc.constantFrom('：', ':', ': ', '：   ', ''), { minLength: 1, maxLength: 3 }),
  gaps: fc.array(fc.constantFrom(' ', '    ', '\u3000', ''), { minLength: 1, maxLength: 3 }),
  labelVariant: fc.nat(5),
  fullWidthDigits: fc.boolean(),
});

function withoutResolution(e: Evaluation): Evaluation {
  const { answerResolution: _r, modelVersion: _v, ...rest } = e;
  return rest;
}

describe('properties', () => {
  it('round trip: a rendered evaluation, in any encoding and spacing, imports back equal', () => {
    fc.assert(
      fc.property(formEvaluationArb, styleArb, (e, style) => {
        const r = importText(renderFormText(e, style));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(withoutResolution(r.evaluation)).toEqual(withoutResolution(e));
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('inferred answers are recorded as inferred, ticked ones as explicit', () => {
    fc.assert(
      fc.property(formEvaluationArb, fc.boolean(), (e, inferred) => {
        const r = importText(renderFormText(e, { ...styleDefault, inferred: [inferred] }));
        if (!r.ok) throw new Error('not ok');
        for (const [, res] of Object.entries(r.evaluation.answerResolution ?? {})) expect(res.how).toBe(inferred ? 'inferred' : 'explicit');
      }),
      { numRuns: 50 },
    );
  });

  it('fuzz: any string yields an evaluation or diagnostics, never a throw', () => {
    const lines = seed.split('\n');
    const mutated = fc.tuple(fc.array(fc.nat(lines.length - 1), { maxLength: 8 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 8 })).map(([idx, repl]) => {
      const copy = [...lines];
      idx.forEach((i, k) => {
        copy[i] = repl[k] ?? '';
      });
      return copy.join('\n');
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), mutated), (text) => {
        const r = importText(text);
        if (r.ok) expect(r.evaluation).toBeDefined();
        else expect(r.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

const styleDefault: FormTextStyle = { ...FORM_TEXT_STYLE_DEFAULT, checked: ['☑'], gaps: [' '] };

describe('values written but not readable', () => {
  it('are blank in the evaluation and listed with the text as written, for the checker', () => {
    const r = importText(seed.replace('2020年 1 月17   日', '2022年13月40日'));
    if (!r.ok) throw new Error('the seed does not import');
    expect(r.evaluation.disclosure.date).toBeNull();
    expect(r.unreadable).toEqual({ 'disclosure.date': '2022年13月40日' });
    expect(importText(seed).ok && importText(seed)).not.toHaveProperty('unreadable');
  });
});
