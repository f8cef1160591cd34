import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseEvaluation, evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'batch/copied-narrative';

/** A narrative of the kind forms carry (long enough to compare). */
const ACHIEVEMENTS =
  '全年共办理法律援助案件312件，为困难群众挽回经济损失约460万元；开展普法宣传活动48场，覆盖群众2.3万人次；人民调解组织调处矛盾纠纷1,025件，调解成功率达98%，有力维护了社会和谐稳定。';
const OTHER =
  '本年度完成道路养护里程86公里，新建农村公路桥梁3座，公路优良路率提升至91%；组织汛期巡查120次，及时排除安全隐患37处，全年未发生重大交通安全责任事故，群众出行条件明显改善。';

testRule(pack, RULE, [
  {
    name: 'another unit copied the achievements, figures changed',
    patch: { achievements: ACHIEVEMENTS },
    batch: [{ unit: { name: '乙县司法局' }, achievements: ACHIEVEMENTS.replace('312', '287').replace('460', '395') }],
    outcome: 'fail',
    check: 'copied',
    severity: 'warning',
    message: '本表部门主要绩效与 乙县司法局（case.batch.1，2020 年度）的部门主要绩效文字相似度 100.00%（不计数字；不低于 70.00%）；共同段落（80 字）：“全年共办理法律援助案件312件',
  },
  { name: 'another unit wrote its own', patch: { achievements: ACHIEVEMENTS }, batch: [{ unit: { name: '乙县交通局' }, achievements: OTHER }], outcome: 'pass' },
  { name: 'the same unit’s other year is not copying', patch: { achievements: ACHIEVEMENTS }, batch: [{ fiscalYear: 2019, achievements: ACHIEVEMENTS }], outcome: 'pass' },
  { name: 'short texts are not compared', batch: [{ unit: { name: '乙县交通局' } }], outcome: 'not-applicable', check: 'not-applicable' },
  { name: 'a single form', patch: { achievements: ACHIEVEMENTS }, outcome: 'not-applicable', check: 'no-batch' },
  {
    name: 'English message',
    patch: { achievements: ACHIEVEMENTS },
    batch: [{ unit: { name: '乙县司法局' }, achievements: ACHIEVEMENTS }],
    locale: 'en',
    outcome: 'fail',
    check: 'copied',
    message: 'is 100.00% similar in wording (figures not compared; at least 70.00%) to the main achievements of 乙县司法局 (case.batch.1, 2020); shared passage (80 characters)',
  },
]);

// Issue 15: two narratives that differ only in their figures were reported "100 % similar" and nothing more, as if the
// same text. The similarity says figures are not compared, and the message lists the figures that differ.
describe(`${RULE}: figures the similarity does not see`, () => {
  const copied = (theirs: string, locale?: 'en') =>
    ruleFinding(pack, RULE, { ...baseEvaluation(), achievements: ACHIEVEMENTS }, { batch: [{ ...baseEvaluation(), unit: { name: '乙县司法局' }, achievements: theirs }], ...(locale === undefined ? {} : { locale }) });
  const changed = ACHIEVEMENTS.replace('312', '287').replace('460', '395');

  it('lists the figures that differ, this form\'s first', async () => {
    const f = await copied(changed);
    expect(f.outcome).toBe('fail');
    expect(f.message).toMatch(/文字相似度 100\.00%（不计数字；不低于 70\.00%）；共同段落（80 字）：“.*”；共同段落中本表与另一表不同的数字：312 ≠ 287、460 ≠ 395$/);
    expect(f.data).toMatchObject({ figures: ['312 ≠ 287', '460 ≠ 395'], figureCount: 2 });
    expect((await copied(changed, 'en')).message).toMatch(/; figures of the shared passage that differ \(this form ≠ the other\): 312 ≠ 287, 460 ≠ 395$/);
  });

  it('says "无" when the figures are the same, never a count of 0 with an empty list', async () => {
    const f = await copied(ACHIEVEMENTS);
    expect(f.outcome).toBe('fail');
    expect(f.message).toMatch(/；共同段落中本表与另一表不同的数字：无$/);
    expect(f.data).toMatchObject({ figures: [], figureCount: 0 });
    expect((await copied(ACHIEVEMENTS, 'en')).message).toMatch(/\(this form ≠ the other\): none$/);
  });

  it('lists ten figures and counts them all', async () => {
    const mine = Array.from({ length: 12 }, (_, i) => `第${String(i + 1)}项工作完成${String(100 + i)}件`).join('，');
    const theirs = Array.from({ length: 12 }, (_, i) => `第${String(i + 1)}项工作完成${String(200 + i)}件`).join('，');
    const f = await ruleFinding(pack, RULE, { ...baseEvaluation(), achievements: mine }, { batch: [{ ...baseEvaluation(), unit: { name: '乙县司法局' }, achievements: theirs }] });
    expect(f.message).toMatch(/不同的数字：100 ≠ 200、101 ≠ 201、102 ≠ 202、103 ≠ 203、104 ≠ 204、105 ≠ 205、106 ≠ 206、107 ≠ 207、108 ≠ 208、109 ≠ 209、…$/);
    expect(f.data.figureCount).toBe(12);
  });

  it('for any change of figures in a copied text: exactly the figures changed are counted', async () => {
    // The figures written as one run of digits (312, 48) are changed; 2.3 and 1,025 stay as they are, so the two
    // texts still read alike once each run of digits is one character.
    const parts = ACHIEVEMENTS.split(/(\d+(?:[.,]\d+)*)/);
    const figureAt = parts.flatMap((p, i) => (i % 2 === 1 && /^\d+$/.test(p) ? [i] : []));
    expect(figureAt).toHaveLength(4);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(99999), { minLength: figureAt.length, maxLength: figureAt.length }), async (values) => {
        const theirs = parts.map((p, i) => (figureAt.includes(i) ? String(values[figureAt.indexOf(i)]) : p)).join('');
        const differ = figureAt.filter((i, k) => (parts[i] ?? '') !== String(values[k]));
        const f = await copied(theirs);
        expect(f.outcome).toBe('fail');
        expect(f.data.figureCount).toBe(differ.length);
        expect((f.data.figures as string[]).map((x) => x.split(' ≠ ')[0])).toEqual(differ.map((i) => parts[i]));
        expect(f.message.endsWith('不同的数字：无')).toBe(differ.length === 0);
      }),
      { numRuns: 25 },
    );
  });
});

describe(`${RULE} properties`, () => {
  it('a passage copied word for word into another unit’s longer text is reported with that passage', async () => {
    const han = fc.constantFrom(...'本年度完成工作任务预算资金管理使用规范绩效目标全面实现群众满意度提升制度建设加强监督检查落实整改'.split(''));
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.array(han, { minLength: 120, maxLength: 200 }), async (e, chars) => {
        const text = chars.join('');
        const form = { ...e, unit: { name: '甲单位' }, fiscalYear: 2020, functions: null, problems: null, suggestions: null, achievements: text };
        const other = { ...baseEvaluation(), unit: { name: '乙单位' }, fiscalYear: 2020, achievements: text };
        const f = await ruleFinding(pack, RULE, form, { batch: [other] });
        expect(f.outcome).toBe('fail');
        expect(f.message).toContain('相似度 100.00%');
        expect(f.message).toContain(`共同段落（${String(chars.length)} 字）`);
      }),
      { numRuns: 25 },
    );
  });

  it('the threshold is a parameter: 100% flags only identical shingle sets', async () => {
    const f = await ruleFinding(pack, RULE, { ...baseEvaluation(), achievements: ACHIEVEMENTS }, {
      batch: [{ ...baseEvaluation(), unit: { name: '乙县司法局' }, achievements: `${ACHIEVEMENTS}另外，我们还加强了队伍建设。` }],
      config: { parameters: { 'batch.copySimilarity': 100 } },
    });
    expect(f.outcome).toBe('pass');
  });
});
