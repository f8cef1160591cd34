import type { Rule } from '@jixiao/core';

/**
 * A rule with only what the pack schema requires — one check, `staffing.actual` above 10 (超过 / over), a pass
 * message — for tests about the engine, packs and their loading rather than about a rule's meaning. `extra`
 * replaces or adds any property (`after`, `checks`, `data`, `parameters`, `severity`, …).
 */
export function minimalRule(id: string, extra: Partial<Rule> = {}): Rule {
  return {
    id,
    title: { 'zh-CN': '测试', en: 'test' },
    severity: 'warning',
    basis: [{ instrument: '测试' }],
    paths: ['staffing.actual'],
    checks: [{ id: 'over', when: { all: [{ fact: 'staffing', path: 'actual', operator: 'greaterThan', value: 10 }] }, message: { 'zh-CN': '超过', en: 'over' } }],
    pass: { 'zh-CN': '通过', en: 'ok' },
    ...extra,
  };
}
