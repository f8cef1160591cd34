import type * as z from 'zod';
import type { LocalizedText } from '../i18n/locale.js';
import { describeZodIssue } from '../model/validate.js';

/**
 * Schema problems of a pack's files (manifest, rule files, case files) and of waiver files in words a policy team acts on, in zh-CN
 * and English: a missing translation is named as such, a failing expectation without its `check` says what to
 * add, a missing field is named; the rest as the evaluation model words them (`类型错误：应为数字，实为文本 "x"`).
 */

const TEXT_OF: Readonly<Record<string, LocalizedText>> = {
  'zh-CN': { 'zh-CN': '中文（zh-CN）文本', en: 'the Chinese (zh-CN) text' },
  en: { 'zh-CN': '英文（en）译文', en: 'the English (en) translation' },
};

/** The value at a path of a parsed document (undefined when it is not there). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A case's expectation of a failure that does not name the failure mode (`{ outcome: fail }`). */
function failWithoutCheck(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as { outcome?: unknown }).outcome === 'fail' && (value as { check?: unknown }).check === undefined;
}

/** The message of one schema issue of a pack file whose parsed content is `root`. */
export function packSchemaMessage(issue: z.core.$ZodIssue, root: unknown): LocalizedText {
  const last = issue.path.at(-1);
  const value = valueAt(root, issue.path);
  const text = typeof last === 'string' ? TEXT_OF[last] : undefined;
  if (issue.code === 'invalid_type' && value === undefined) {
    if (text !== undefined) return { 'zh-CN': `缺少${text['zh-CN']}`, en: `missing ${text.en}` };
    return { 'zh-CN': `缺少必填字段“${String(last ?? '')}”`, en: `missing the required field "${String(last ?? '')}"` };
  }
  if (issue.code === 'too_small' && text !== undefined && value === '') return { 'zh-CN': `${text['zh-CN']}为空`, en: `${text.en} is empty` };
  if (issue.code === 'invalid_union' && issue.path.at(-2) === 'expect') {
    if (failWithoutCheck(value)) {
      return {
        'zh-CN': '期望不通过（fail）时须写明 check：触发的失败模式 id，例如 { outcome: fail, check: over-quota }',
        en: 'an expected failure must name its check (the failure mode that fires), e.g. { outcome: fail, check: over-quota }',
      };
    }
    return {
      'zh-CN': '期望应为 pass、indeterminate、not-applicable 之一，或 { outcome, check, severity, message }（outcome 为 fail 时须有 check）',
      en: 'an expectation is one of pass, indeterminate, not-applicable, or { outcome, check, severity, message } (check is required with outcome fail)',
    };
  }
  return describeZodIssue({ ...issue, input: value } as z.core.$ZodIssue);
}
