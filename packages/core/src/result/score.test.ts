// Scoring packs (issue 15, pack kit: "scoring packs can declare a score so reports total it"): a pack's rules declare
// their full points and what a failure takes off (or a data entry giving the points), and the checker totals them
// per pack, exactly. Expected totals are worked out here from the form's figures in integer hundredths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { passingEvaluation } from '../pack/cases.js';
import { lintPack } from '../pack/lint.js';
import { packIssues } from '../pack/validate.js';
import type { Pack, Rule } from '../pack/schema.js';
import type { PackScore } from './model.js';

/** Full points and deductions in hundredths (0.01 … 50.00): any value a 评分表 prints. */
const hundredths = (min: number, max: number) => fc.integer({ min, max });

const base = { basis: [{ instrument: '示例评分表' }], severity: 'warning' as const, pass: { 'zh-CN': '通过', en: 'pass' } };

/**
 * A demo scoring pack over the staffing figures: `within-quota` (actual ≤ authorized; requires both) is worth
 * `quotaMax`, a failure takes `quotaDeduct` off; `declared` (the 是否超编 question answered: no deduction given, so a
 * failure loses every point) is worth `declaredMax`; `control` earns its `points` scale (8 at ≤ 100 %, 0 at 116 %).
 */
function demoPack(quotaMax: number, quotaDeduct: number, declaredMax: number, packMax?: number): Pack {
  const rules: Rule[] = [
    {
      ...base,
      id: 'demo/within-quota',
      title: { 'zh-CN': '不超编', en: 'within quota' },
      paths: ['staffing.actual', 'staffing.authorized'],
      requires: ['staffing.actual', 'staffing.authorized'],
      checks: [{ id: 'over', deduct: quotaDeduct, when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: { fact: 'staffing', path: 'authorized' } }] }, message: { 'zh-CN': '超编', en: 'over' } }],
      score: { max: quotaMax },
    },
    {
      ...base,
      id: 'demo/declared',
      title: { 'zh-CN': '已填是否超编', en: 'declared' },
      paths: ['staffingControl.overstaffed'],
      checks: [{ id: 'unanswered', when: { all: [{ fact: 'staffingControl', path: 'overstaffed', operator: 'answerIs', value: 'unanswered' }] }, message: { 'zh-CN': '未填', en: 'unanswered' } }],
      score: { max: declaredMax },
    },
    {
      ...base,
      id: 'demo/control',
      title: { 'zh-CN': '控制率得分', en: 'control score' },
      paths: ['staffing.actual', 'staffing.authorized'],
      checks: [{ id: 'above', when: { all: [{ fact: 'indicators', path: 'staffingControlRate', operator: 'greaterThan', value: 100 }] }, message: { 'zh-CN': '得 {points} 分', en: '{points}' } }],
      data: { points: { scale: 'indicators.staffingControlRate', points: [[100, 8], [116, 0]], format: 'number' } },
      score: { max: 8, points: 'points' },
    },
  ];
  return { meta: { name: 'demo', version: '0.1.0', title: { 'zh-CN': '示例评分', en: 'Demo score' }, ...(packMax === undefined ? {} : { score: { max: packMax } }) }, rules };
}

async function scoreOf(pack: Pack, staffing: { authorized: number | null; actual: number | null }, overstaffed: 'yes' | 'no' | 'unanswered'): Promise<PackScore | undefined> {
  const e = passingEvaluation();
  const result = await createChecker([pack]).checkEvaluation({ ...e, staffing, staffingControl: { ...e.staffingControl, overstaffed } });
  return result.scores?.[0];
}

describe('a scoring pack total', () => {
  it('is the sum of the items, exact to the hundredth: a pass earns max, a failure max − deduct (all without one), a scale its value', async () => {
    await fc.assert(
      fc.asyncProperty(
        hundredths(1, 5000),
        hundredths(0, 5000),
        hundredths(1, 5000),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom<'yes' | 'no' | 'unanswered'>('yes', 'no', 'unanswered'),
        async (quotaMax, deductRaw, declaredMax, authorized, actual, overstaffed) => {
          const quotaDeduct = Math.min(deductRaw, quotaMax);
          const s = await scoreOf(demoPack(quotaMax / 100, quotaDeduct / 100, declaredMax / 100), { authorized, actual }, overstaffed);
          // In hundredths: within-quota, declared, and the control scale (8 − 0.5 per point above 100 %, floor 0,
          // the rate to two decimals and the value rounded half up, as a 评分表 prints them).
          const quota = actual > authorized ? quotaMax - quotaDeduct : quotaMax;
          const declared = overstaffed === 'unanswered' ? 0 : declaredMax;
          const rate = Math.round((actual * 10000) / authorized); // the control rate in hundredths of a percent
          const control = rate <= 10000 ? 800 : rate >= 11600 ? 0 : Math.round(800 - ((rate - 10000) * 800) / 1600);
          const total = quota + declared + control;
          expect(s?.score).toBe(total / 100);
          expect(s?.earned).toBe(total / 100);
          expect(s?.max).toBe((quotaMax + declaredMax + 800) / 100);
          expect(s?.undecided).toBe(0);
          expect(s?.items.map((i) => i.points)).toEqual([quota / 100, declared / 100, control / 100]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adds hundredths without float drift (0.1 + 0.2 is 0.3)', async () => {
    // Float addition would give 0.30000000000000004 and 0.9999999999999999.
    const s = await scoreOf(demoPack(0.1, 0, 0.2), { authorized: 10, actual: 12 }, 'no');
    expect(s?.items.slice(0, 2).map((i) => i.points)).toEqual([0.1, 0.2]);
    expect(s?.earned).toBe(0.3); // the control item scores 0 at 120 %
    expect(s?.score).toBe(0.3);
  });

  it('is unknown while an item is undecided, and lies between earned and earned + undecided', async () => {
    const s = await scoreOf(demoPack(10, 4, 2), { authorized: 20, actual: null }, 'no');
    // within-quota needs the actual staff: undecided; the control rate cannot be worked out: its scale is blank.
    expect(s).toMatchObject({ score: null, earned: 2, undecided: 18, max: 20 });
    expect(s?.items).toEqual([
      { ruleId: 'demo/within-quota', points: null, max: 10 },
      { ruleId: 'demo/declared', points: 2, max: 2 },
      { ruleId: 'demo/control', points: null, max: 8 },
    ]);
  });

  it('keeps a waived failure at its points, and leaves out a rule that does not apply', async () => {
    const pack = demoPack(10, 4, 2);
    const e = { ...passingEvaluation(), staffing: { authorized: 20, actual: 21 }, unit: { name: '示例局' } };
    const checker = createChecker([pack]);
    const waiver = { rule: 'demo/within-quota', unit: '示例局', reason: 'r', approver: 'a', expires: '2099-12-31' };
    const waived = await checker.checkEvaluation(e, { waivers: { refs: [{ waiver, source: 'waivers.yaml', index: 0 }], today: '2026-11-30' } });
    expect(waived.findings.find((f) => f.ruleId === 'demo/within-quota')?.waiver).toBeDefined();
    expect(waived.scores?.[0]?.items[0]).toEqual({ ruleId: 'demo/within-quota', points: 6, max: 10 });

    const scoped: Pack = { ...pack, rules: pack.rules.map((r) => (r.id === 'demo/declared' ? { ...r, notApplicableWhen: { when: { all: [{ fact: 'fiscalYear', operator: 'lessThan', value: 2100 }] }, message: { 'zh-CN': '不适用', en: 'n/a' } } } : r)) };
    const s = (await createChecker([scoped]).checkEvaluation(e)).scores?.[0];
    expect(s).toMatchObject({ max: 18, notApplicable: 2 });
    expect(s?.items.map((i) => i.ruleId)).toEqual(['demo/within-quota', 'demo/control']);
  });

  it('names the pack and its score title; a checker without scoring packs gives no scores', async () => {
    const pack = demoPack(10, 4, 2);
    const titled: Pack = { ...pack, meta: { ...pack.meta, score: { title: { 'zh-CN': '评分合计', en: 'Total' } } } };
    const e = passingEvaluation();
    expect((await createChecker([titled]).checkEvaluation(e, { locale: 'en' })).scores?.[0]).toMatchObject({ pack: 'demo', title: 'Total' });
    expect((await createChecker([pack]).checkEvaluation(e)).scores?.[0]?.title).toBe('示例评分');
    const plain: Pack = { ...pack, rules: pack.rules.map(({ score: _s, checks, ...r }) => ({ ...r, checks: checks.map(({ deduct: _d, ...c }) => c) })) };
    expect((await createChecker([plain]).checkEvaluation(e)).scores).toBeUndefined();
  });
});

describe('a scoring pack declaration is checked', () => {
  const messages = (pack: Pack) => packIssues(pack).map((i) => `${i.path}: ${i.text?.['zh-CN'] ?? i.message}`);

  it('by pack validate: the rules add up to the pack full marks it states, exactly (file and line)', () => {
    const lint = (pack: Pack) => {
      const manifest = { file: 'pack.json', text: JSON.stringify({ ...pack.meta, rules: 'src/rules' }, null, 2) };
      const rules = pack.rules.map((r) => ({ file: `src/rules/${r.id.split('/')[1] ?? ''}.json`, text: JSON.stringify(r, null, 2) }));
      return lintPack({ manifest, rules }).issues.map((i) => `${i.file}:${String(i.line)} ${i.path}: ${i.message['zh-CN']}`);
    };
    // 10.1 + 0.2 + 8 is 18.299999999999997 in floating point: the sum is made in hundredths.
    expect(10.1 + 0.2 + 8).not.toBe(18.3);
    expect(lint(demoPack(10.1, 4, 0.2, 18.3))).toEqual([]);
    expect(lint(demoPack(10.1, 4, 0.2, 18.31))).toEqual(['pack.json:9 score.max: 总满分 18.31 与各规则满分之和 18.3 不符（demo/within-quota 10.1，demo/declared 0.2，demo/control 8）']);
  });

  it('deduct needs a max, is not given with points, and is at most the max; points names a data entry', () => {
    const pack = demoPack(10, 12, 2);
    const [quota, declared, control] = pack.rules as [Rule, Rule, Rule];
    const bad: Pack = {
      ...pack,
      rules: [
        quota,
        { ...declared, score: undefined, checks: declared.checks.map((c) => ({ ...c, deduct: 1 })) },
        { ...control, score: { max: 8, points: 'point' }, checks: control.checks.map((c) => ({ ...c, deduct: 1 })) },
      ],
    };
    expect(messages(bad)).toEqual([
      'checks.0.deduct: 扣分 12 超过本项满分 10',
      'checks.0.deduct: 规则没有声明 score（满分），deduct 无从扣起',
      'score.points: 得分项 “point” 在 data 中没有定义；是否应为 “points”？',
      'checks.0.deduct: 得分取自 data.point，deduct 不起作用；请删去其一',
    ]);
  });
});
