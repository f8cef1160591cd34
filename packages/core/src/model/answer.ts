/**
 * A checklist answer. `yes`/`no` are the resolved options (有/无 map to yes/no); the other three say why no
 * option could be taken (../shared/domain.md §2): nothing marked, more than one marked, or marks that cannot
 * be told apart.
 */
export const ANSWERS = ['yes', 'no', 'unanswered', 'conflicting', 'ambiguous'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Answers from which no option can be taken. */
export const UNRESOLVED_ANSWERS: readonly Answer[] = ['unanswered', 'conflicting', 'ambiguous'];

export function isResolvedAnswer(answer: Answer): answer is 'yes' | 'no' {
  return answer === 'yes' || answer === 'no';
}

/** How an answer was read from a submission (recorded by importers). */
export const ANSWER_RESOLUTIONS = ['explicit', 'inferred'] as const;
export type AnswerResolutionKind = (typeof ANSWER_RESOLUTIONS)[number];

/** 自评等级. */
export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

/** 公开方式 options. */
export const DISCLOSURE_CHANNELS = ['portal', 'internal', 'other'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];
