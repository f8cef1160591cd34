import type { EvaluationResult, Finding } from '@jixiao/core';
import type { FormatOptions } from './types.js';

const ORDER: Record<Finding['outcome'], number> = { fail: 0, indeterminate: 1, 'not-applicable': 2, pass: 3 };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const T = {
  'zh-CN': {
    fail: '不通过', indeterminate: '无法判断', 'not-applicable': '不适用', pass: '通过',
    error: '错误', warning: '警告', info: '提示',
    basis: '依据', indicators: '指标', passes: (n: number) => `通过 ${String(n)} 项`,
    summary: (s: EvaluationResult['summary']) => `共 ${String(s.total)} 项：不通过 ${String(s.fail)}（错误 ${String(s.errors)}，警告 ${String(s.warnings)}，提示 ${String(s.infos)}），无法判断 ${String(s.indeterminate)}，不适用 ${String(s.notApplicable)}，通过 ${String(s.pass)}`,
    unit: '单位', year: '年度', rating: '自评等级', none: '（无）',
  },
  en: {
    fail: 'FAIL', indeterminate: 'INDETERMINATE', 'not-applicable': 'N/A', pass: 'pass',
    error: 'error', warning: 'warning', info: 'info',
    basis: 'Basis', indicators: 'Indicators', passes: (n: number) => `${String(n)} passed`,
    summary: (s: EvaluationResult['summary']) => `${String(s.total)} rules: ${String(s.fail)} failed (${String(s.errors)} errors, ${String(s.warnings)} warnings, ${String(s.infos)} info), ${String(s.indeterminate)} indeterminate, ${String(s.notApplicable)} not applicable, ${String(s.pass)} passed`,
    unit: 'Unit', year: 'Year', rating: 'Self-rating', none: '(none)',
  },
} as const;

function basisText(f: Finding): string {
  return f.basis.map((b) => [b.instrument && `《${b.instrument}》`, b.number, b.article].filter(Boolean).join(' ')).join('；');
}

/** Terminal report: failures first with their figures and basis, then indeterminate, then a count of passes. */
export function formatText(results: readonly EvaluationResult[], options: FormatOptions): string {
  const t = T[options.locale];
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.source}`);
    out.push(`  ${t.unit}: ${r.evaluation.unit ?? t.none}  ${t.year}: ${r.evaluation.fiscalYear === null ? t.none : String(r.evaluation.fiscalYear)}  ${t.rating}: ${r.evaluation.selfRating ?? t.none}`);
    const sorted = [...r.findings].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const f of sorted) {
      if (f.outcome === 'pass' && !f.notes) continue;
      const tag = f.outcome === 'fail' ? `${t.fail}·${t[f.severity]}` : t[f.outcome];
      out.push(`  [${tag}] ${f.ruleId} ${f.title}`);
      out.push(`      ${f.message}`);
      for (const n of f.notes ?? []) out.push(`      ${n.message}`);
      if (f.outcome === 'fail') out.push(`      ${t.basis}: ${basisText(f)}`);
    }
    out.push(`  ${t.passes(r.summary.pass)}`);
    out.push(`  ${t.indicators}: ${r.indicators.map((i) => `${i.label} ${i.display}`).join('；')}`);
    out.push(`  ${t.summary(r.summary)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
