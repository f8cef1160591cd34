import type { Locale } from '../i18n/locale.js';
import { FIELD_LABELS, isFieldPath } from '../model/labels.js';
import type { Finding } from '../result/model.js';

/** What the importer knows about fields beyond their values (see {@link findingAdjuster}). */
export interface FormGaps {
  /** Fields the submitted form's template has no place for. */
  readonly fieldsNotOnForm?: readonly string[] | undefined;
  /** Fields whose value was written but could not be read: path → the text as written. */
  readonly unreadable?: Readonly<Record<string, string>> | undefined;
}

/**
 * How each finding is corrected for what a blank means, applied as each rule is decided (so that a later rule
 * reading the `findings` fact, such as the self-rating check, sees the corrected outcome):
 * - a field the form does not carry (its template has no place for it: a figures-only 基础数据表 asks no 是/否
 *   questions) is not the unit's omission: a rule that reads only such fields is not applicable, and a failure
 *   whose deciding conditions all test such fields is indeterminate (a failure any field on the form decides
 *   stays a failure);
 * - a field whose value was written but could not be read (“2022年13月40日”) is unknown, not "not filled in": a
 *   failure or an undecided outcome of a rule that reads it is indeterminate, and its message quotes what was
 *   written.
 * Passes stand: a rule passes on what the form shows (blanks count as unknown in the rules themselves).
 */
export function findingAdjuster(gaps: FormGaps, locale: Locale): ((f: Finding) => Finding) | undefined {
  const notOnForm = new Set(gaps.fieldsNotOnForm ?? []);
  const unreadable = gaps.unreadable ?? {};
  const unreadablePaths = Object.keys(unreadable);
  if (notOnForm.size === 0 && unreadablePaths.length === 0) return undefined;
  const label = (p: string): string => (isFieldPath(p) ? FIELD_LABELS[p][locale] : p);
  const zh = locale === 'zh-CN';
  return (f) => {
    if (f.outcome === 'not-applicable' || f.paths.length === 0) return f;
    const unread = unreadablePaths.filter((p) => f.paths.includes(p));
    if (unread.length > 0 && (f.outcome === 'fail' || f.outcome === 'indeterminate')) {
      const shown = unread.map((p) => (zh ? `${label(p)}无法识别：“${unreadable[p] ?? ''}”` : `${label(p)} could not be read: "${unreadable[p] ?? ''}"`)).join(zh ? '；' : '; ');
      return {
        ...f,
        outcome: 'indeterminate',
        messageId: `${f.ruleId}#unreadable`,
        message: zh ? `无法判断：${shown}` : `Cannot tell: ${shown}`,
        data: { ...f.data, unreadable: unread },
      };
    }
    const absent = f.paths.filter((p) => notOnForm.has(p));
    if (absent.length === 0) return f;
    const shown = absent.map(label).join(zh ? '、' : ', ');
    if (absent.length === f.paths.length) {
      return {
        ...f,
        outcome: 'not-applicable',
        severity: 'info',
        messageId: `${f.ruleId}#not-on-form`,
        message: zh ? `所交表格没有这些栏目，不适用：${shown}` : `The form submitted has no place for these fields; not applicable: ${shown}`,
        data: { notOnForm: absent },
      };
    }
    if (f.outcome !== 'fail') return f;
    const deciding = (f.explanation ?? []).filter((c) => c.result);
    if (deciding.length === 0 || !deciding.every((c) => notOnForm.has(c.fact))) return f;
    return {
      ...f,
      outcome: 'indeterminate',
      messageId: `${f.ruleId}#not-on-form`,
      message: zh ? `无法判断：所交表格没有这些栏目：${shown}` : `Cannot tell: the form submitted has no place for: ${shown}`,
      data: { ...f.data, notOnForm: absent },
    };
  };
}

/** The {@link FormGaps} of an import result (or anything carrying them), with only the fields it has: spread into check options. */
export function formGaps(from: FormGaps): FormGaps {
  return {
    ...(from.fieldsNotOnForm === undefined ? {} : { fieldsNotOnForm: from.fieldsNotOnForm }),
    ...(from.unreadable === undefined ? {} : { unreadable: from.unreadable }),
  };
}
