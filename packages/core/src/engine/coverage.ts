import type { Locale } from '../i18n/locale.js';
import { FIELD_LABELS, isFieldPath } from '../model/labels.js';
import type { Finding } from '../result/model.js';

/**
 * Fields the submitted form does not carry (its template has no place for them: a figures-only 基础数据表 asks
 * no 是/否 questions, a narrative report has no 公开方式). A blank there is not the unit's omission, so a rule
 * must not pass or fail on it:
 * - a rule that reads only such fields is not applicable;
 * - a failure whose deciding conditions all test such fields is indeterminate (a failure any field on the form
 *   decides stays a failure).
 * Passes stand: a rule passes on what the form shows (blanks count as unknown in the rules themselves).
 */
export function applyFormCoverage(findings: Finding[], notOnForm: ReadonlySet<string>, locale: Locale): void {
  if (notOnForm.size === 0) return;
  const label = (p: string): string => (isFieldPath(p) ? FIELD_LABELS[p][locale] : p);
  findings.forEach((f, i) => {
    if (f.outcome === 'not-applicable' || f.paths.length === 0) return;
    const absent = f.paths.filter((p) => notOnForm.has(p));
    if (absent.length === 0) return;
    const shown = absent.map(label).join(locale === 'zh-CN' ? '、' : ', ');
    if (absent.length === f.paths.length) {
      findings[i] = {
        ...f,
        outcome: 'not-applicable',
        severity: 'info',
        messageId: `${f.ruleId}#not-on-form`,
        message: locale === 'zh-CN' ? `所交表格没有这些栏目，不适用：${shown}` : `The form submitted has no place for these fields; not applicable: ${shown}`,
        data: { notOnForm: absent },
      };
      return;
    }
    if (f.outcome !== 'fail') return;
    const deciding = (f.explanation ?? []).filter((c) => c.result);
    if (deciding.length === 0 || !deciding.every((c) => notOnForm.has(c.fact))) return;
    findings[i] = {
      ...f,
      outcome: 'indeterminate',
      messageId: `${f.ruleId}#not-on-form`,
      message: locale === 'zh-CN' ? `无法判断：所交表格没有这些栏目：${shown}` : `Cannot tell: the form submitted has no place for: ${shown}`,
      data: { ...f.data, notOnForm: absent },
    };
  });
}
