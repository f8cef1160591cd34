import type { ResultSummary, SourcePosition } from '../result/model.js';
import { localMessageId } from '../result/report.js';
import type { CrossFormFinding, CrossFormResult, RelatedForm } from './cross-form.js';

/**
 * The cross-form section of a report (the `crossForm` key of the JSON report, and what every other format shows
 * after the forms): the findings of the history and batch rules that need a reader (failures and undecided ones),
 * each on its form with the other forms it concerns and where the fields it compares stand in both, the forms
 * joined to their previous year, and the joins that could not be made.
 */
export interface CrossFormReport {
  /** Counts over every cross-form finding (passes and not-applicable ones included). */
  readonly summary: ResultSummary;
  /** Each checked form joined to the same unit's form for the year before. */
  readonly history: readonly { readonly source: string; readonly previous: string }[];
  /** Joins not made (a code with several names, a name with several codes, two forms for the previous year). */
  readonly diagnostics: readonly { readonly code: string; readonly message: string; readonly sources: readonly string[] }[];
  readonly findings: readonly CrossFormReportFinding[];
  /**
   * The notes that came with a pass or a rule that did not apply ("本年与上年三公经费均为 0"), one each, in the order
   * of the findings: what a reader must look at besides the findings, as a form's notes to review (请复核). Absent
   * when there are none. Added in report version 2 without a version change.
   */
  readonly reviewNotes?: readonly CrossFormReviewNote[];
}

/** A note of a cross-form finding a report does not list (a pass, a rule that did not apply). */
export interface CrossFormReviewNote {
  readonly source: string;
  readonly unit: string | null;
  readonly fiscalYear: number | null;
  readonly ruleId: string;
  readonly title: string;
  readonly outcome: 'pass' | 'not-applicable';
  /** The note's id within the rule (`nothing-spent`). */
  readonly messageId: string;
  readonly message: string;
}

/** A note of a listed finding, as a form's findings carry theirs in the report. */
export interface CrossFormReportNote {
  readonly messageId: string;
  readonly message: string;
}

export interface CrossFormReportFinding {
  readonly source: string;
  readonly unit: string | null;
  readonly fiscalYear: number | null;
  readonly ruleId: string;
  readonly title: string;
  readonly outcome: CrossFormFinding['outcome'];
  /** Only on a failure: the severity it failed with. */
  readonly severity?: CrossFormFinding['severity'];
  readonly redFlag: boolean;
  /** The message id within the rule (`copied`, `no-previous-form`, …). */
  readonly messageId: string;
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Where the fields the finding reads stand in this form. */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
  /** The other forms it concerns, with where the compared fields stand in each. */
  readonly related: readonly RelatedForm[];
  /**
   * How many more forms it concerns without naming them (a unit-year's copies past the batch pack's `listedCopies`
   * parameter); absent when `related` names them all. Added in report version 2 without a version change: absent,
   * it means what it meant before.
   */
  readonly unlistedRelated?: number;
  /** The notes the rule gave with the finding, shown with it (added without a version change: absent, none). */
  readonly notes?: readonly CrossFormReportNote[];
}

/** The report's view of a cross-form pass: what a reader must look at (failures first, then undecided). */
export function crossFormReport(result: CrossFormResult): CrossFormReport {
  const shown = result.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'indeterminate');
  const rank = (f: CrossFormFinding) => (f.outcome === 'fail' ? 0 : 1);
  const order = shown.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j);
  const reviewNotes: CrossFormReviewNote[] = [];
  for (const f of result.findings) {
    if (f.outcome !== 'pass' && f.outcome !== 'not-applicable') continue;
    for (const n of f.notes ?? []) reviewNotes.push({ source: f.source, unit: f.unit, fiscalYear: f.fiscalYear, ruleId: f.ruleId, title: f.title, outcome: f.outcome, messageId: localMessageId(f.ruleId, n.messageId), message: n.message });
  }
  return {
    summary: result.summary,
    history: result.history,
    diagnostics: result.diagnostics,
    findings: order.map(([f]) => ({
      source: f.source,
      unit: f.unit,
      fiscalYear: f.fiscalYear,
      ruleId: f.ruleId,
      title: f.title,
      outcome: f.outcome,
      ...(f.outcome === 'fail' ? { severity: f.severity } : {}),
      redFlag: f.redFlag,
      messageId: f.messageId.slice(f.messageId.indexOf('#') + 1),
      message: f.message,
      data: f.data,
      ...(f.positions === undefined ? {} : { positions: f.positions }),
      related: f.related,
      ...(f.unlistedRelated === undefined ? {} : { unlistedRelated: f.unlistedRelated }),
      ...(f.notes === undefined || f.notes.length === 0 ? {} : { notes: f.notes.map((n) => ({ messageId: localMessageId(f.ruleId, n.messageId), message: n.message })) }),
    })),
    ...(reviewNotes.length === 0 ? {} : { reviewNotes }),
  };
}
