/** The flat (form, rule) table that CSV and XLSX share: one row per finding, columns named in the locale. */
import type { EvaluationResult, Locale } from '@jixiao/core';
import { WORDS, basisText, isWaived, observedText } from './common.js';

export const FINDING_COLUMNS = ['source', 'unit', 'fiscalYear', 'ruleId', 'title', 'outcome', 'severity', 'redFlag', 'message', 'observed', 'basis', 'waiver'] as const;
export type FindingColumn = (typeof FINDING_COLUMNS)[number];

const HEADERS: Record<Locale, Record<FindingColumn, string>> = {
  'zh-CN': { source: '来源', unit: '单位', fiscalYear: '年度', ruleId: '规则编号', title: '规则名称', outcome: '结果', severity: '严重程度', redFlag: '红旗', message: '说明', observed: '填报值', basis: '依据', waiver: '豁免' },
  en: { source: 'Source', unit: 'Unit', fiscalYear: 'Fiscal year', ruleId: 'Rule id', title: 'Title', outcome: 'Outcome', severity: 'Severity', redFlag: 'Red flag', message: 'Message', observed: 'Values', basis: 'Legal basis', waiver: 'Waiver' },
};

export function findingHeaders(locale: Locale): string[] {
  return FINDING_COLUMNS.map((c) => HEADERS[locale][c]);
}

export type Cell = string | number | null;

/** Rows in result order, findings in the checker's order. Outcomes and severities as localized words. */
export function findingRows(results: readonly EvaluationResult[], locale: Locale): Cell[][] {
  const w = WORDS[locale];
  const yes = locale === 'zh-CN' ? '是' : 'yes';
  const rows: Cell[][] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const row: Record<FindingColumn, Cell> = {
        source: r.source,
        unit: r.evaluation.unit,
        fiscalYear: r.evaluation.fiscalYear,
        ruleId: f.ruleId,
        title: f.title,
        outcome: isWaived(f) ? `${w.waived}·${w.fail}` : w[f.outcome],
        severity: w[f.severity],
        redFlag: f.redFlag ? yes : null,
        message: [f.message, ...(f.notes ?? []).map((n) => n.message)].join('\n'),
        observed: observedText(f, locale),
        basis: basisText(f.basis, locale),
        waiver: isWaived(f) ? w.waiverText(f.waiver) : null,
      };
      rows.push(FINDING_COLUMNS.map((c) => row[c]));
    }
  }
  return rows;
}

export const SUMMARY_COLUMNS = ['source', 'unit', 'fiscalYear', 'selfRating', 'total', 'errors', 'warnings', 'infos', 'waived', 'indeterminate', 'notApplicable', 'pass'] as const;
type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

const SUMMARY_HEADERS: Record<Locale, Record<SummaryColumn, string>> = {
  'zh-CN': { source: '来源', unit: '单位', fiscalYear: '年度', selfRating: '自评等级', total: '规则数', errors: '错误', warnings: '警告', infos: '提示', waived: '已豁免', indeterminate: '无法判断', notApplicable: '不适用', pass: '通过' },
  en: { source: 'Source', unit: 'Unit', fiscalYear: 'Fiscal year', selfRating: 'Self-rating', total: 'Rules', errors: 'Errors', warnings: 'Warnings', infos: 'Info', waived: 'Waived', indeterminate: 'Indeterminate', notApplicable: 'Not applicable', pass: 'Passed' },
};

export function summaryHeaders(locale: Locale): string[] {
  return SUMMARY_COLUMNS.map((c) => SUMMARY_HEADERS[locale][c]);
}

/** One row per form. */
export function summaryRows(results: readonly EvaluationResult[]): Cell[][] {
  return results.map((r) => {
    const s = r.summary;
    const row: Record<SummaryColumn, Cell> = {
      source: r.source,
      unit: r.evaluation.unit,
      fiscalYear: r.evaluation.fiscalYear,
      selfRating: r.evaluation.selfRating,
      total: s.total,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      waived: s.waived,
      indeterminate: s.indeterminate,
      notApplicable: s.notApplicable,
      pass: s.pass,
    };
    return SUMMARY_COLUMNS.map((c) => row[c]);
  });
}
