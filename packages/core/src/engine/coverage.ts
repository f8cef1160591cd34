import * as z from 'zod';
import type { Locale } from '../i18n/locale.js';
import { EvaluationSchema } from '../model/evaluation.js';
import { FIELD_LABELS, isFieldPath } from '../model/labels.js';
import type { Finding } from '../result/model.js';

/** What the importer knows about fields beyond their values (see {@link findingAdjuster}). */
export interface FormGaps {
  /** Fields the submitted form's template has no place for. */
  readonly fieldsNotOnForm?: readonly string[] | undefined;
  /** Fields whose value was written but could not be read: path → the text as written. */
  readonly unreadable?: Readonly<Record<string, string>> | undefined;
}

/** The paths of the model's lists (an indicator table's rows), read off the schema: every field whose schema is an array. */
function listPathsOf(schema: z.ZodType, prefix: string, out: Set<string>): Set<string> {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  if (s instanceof z.ZodArray) out.add(prefix);
  else if (s instanceof z.ZodObject) {
    const shape: Readonly<Record<string, z.ZodType>> = s.shape;
    for (const [key, child] of Object.entries(shape)) listPathsOf(child, prefix === '' ? key : `${prefix}.${key}`, out);
  }
  return out;
}
const LIST_PATHS: ReadonlySet<string> = listPathsOf(EvaluationSchema, '', new Set());

/** Whether a rule's view of a list holds no row at all (the table's rows were not read). */
const noRows = (v: unknown): boolean => !Array.isArray(v) || v.length === 0;

/**
 * Whether a failure over lists read in part is decided by a row read whole: the rule lists the rows it failed as data
 * `rowIndexes` (0-based positions in the list), and one of them is not the list's last row (the row the file was cut
 * in, or the row after which it stops), or it counts an item outside the list (`count` above the rows listed: the
 * budget execution item). A rule that lists no rows (a total over the list) is never decided so.
 */
function failsOnWholeRows(f: Finding, lists: readonly string[]): boolean {
  const indexes = f.data.rowIndexes;
  if (!Array.isArray(indexes) || !indexes.every((i): i is number => Number.isInteger(i))) return false;
  const count = f.data.count;
  if (typeof count === 'number' && count > indexes.length) return true;
  return lists.every((p) => {
    const rows = f.observed[p];
    return Array.isArray(rows) && indexes.some((i) => i >= 0 && i < rows.length - 1);
  });
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
 *   written;
 * - a list written but read only in part (an indicator table whose last row was cut off, or whose rows could not
 *   be read under its header) is not whole: a rule over its rows that passes has looked at the rows read only, so
 *   its pass is indeterminate too, and so is its not-applicable when no row was read ("no indicators" is not
 *   what the form shows: a rule not in force that year stays not applicable); the message quotes where the table stops and keeps what the rule said of the rows read.
 * A failure a row read whole decides stands (a rule listing the rows it failed as data `rowIndexes`: 6 > 5 points in
 * row 1 is an error however the table ends), with a note that the rows after the cut were not checked.
 * Other passes stand: a rule passes on what the form shows (a blank scalar counts as unknown in the rules
 * themselves, so it never passes one).
 */
export function findingAdjuster(gaps: FormGaps, locale: Locale): ((f: Finding) => Finding) | undefined {
  const notOnForm = new Set(gaps.fieldsNotOnForm ?? []);
  const unreadable = gaps.unreadable ?? {};
  const unreadablePaths = Object.keys(unreadable);
  if (notOnForm.size === 0 && unreadablePaths.length === 0) return undefined;
  const label = (p: string): string => (isFieldPath(p) ? FIELD_LABELS[p][locale] : p);
  const zh = locale === 'zh-CN';
  /** What is missing of a list read in part: where its table stops, or that it was not read at all (no text). */
  const listGap = (p: string): string => {
    const written = unreadable[p] ?? '';
    if (written === '') return zh ? `${label(p)}表未能读出` : `the ${label(p)} table could not be read`;
    return zh ? `${label(p)}表不完整，读到“${written}”为止` : `the ${label(p)} table is incomplete (read up to "${written}")`;
  };
  return (f) => {
    if (f.paths.length === 0) return f;
    const unread = unreadablePaths.filter((p) => f.paths.includes(p));
    const partial = unread.filter((p) => LIST_PATHS.has(p));
    // The rule's own not-applicable (not its year out of force, nor a cross-form rule's missing context).
    const notApplicable = f.outcome === 'not-applicable' && f.messageId === `${f.ruleId}#not-applicable`;
    const undecided =
      f.outcome === 'fail' || f.outcome === 'indeterminate' || (partial.length > 0 && (f.outcome === 'pass' || (notApplicable && partial.some((p) => noRows(f.observed[p])))));
    if (f.outcome === 'fail' && partial.length > 0 && partial.length === unread.length && failsOnWholeRows(f, partial)) {
      // A row read whole breaks the rule: that stands whatever the rows not read say (the rows listed may include the cut one).
      const note = partial
        .map((p) => {
          const gap = listGap(p);
          if ((unreadable[p] ?? '') === '') return gap;
          return zh ? `${gap}：该行及其后未能检查` : `${gap}: that row and any after it could not be checked`;
        })
        .join(zh ? '；' : '; ');
      return { ...f, message: zh ? `${f.message}（${note}）` : `${f.message} (${note})`, data: { ...f.data, unreadable: unread } };
    }
    if (unread.length > 0 && undecided) {
      const shown = unread
        .map((p) => {
          if (LIST_PATHS.has(p)) return listGap(p);
          const written = unreadable[p] ?? '';
          return zh ? `${label(p)}无法识别：“${written}”` : `${label(p)} could not be read: "${written}"`;
        })
        .join(zh ? '；' : '; ');
      // What the rule said of the rows read stays in view (a failure among them, or why they raise nothing).
      const ofRowsRead = partial.length === 0 || f.outcome === 'not-applicable' ? '' : zh ? `；已读出的部分：${f.message}` : `; of the part read: ${f.message}`;
      return {
        ...f,
        outcome: 'indeterminate',
        messageId: `${f.ruleId}#unreadable`,
        message: zh ? `无法判断：${shown}${ofRowsRead}` : `Cannot tell: ${shown}${ofRowsRead}`,
        data: { ...f.data, unreadable: unread },
      };
    }
    if (f.outcome === 'not-applicable') return f;
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
