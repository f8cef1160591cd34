import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { LegalBasis, Severity } from '../pack/schema.js';

export const OUTCOMES = ['pass', 'fail', 'indeterminate', 'not-applicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One leaf condition of a json-rules-engine result tree: what was compared, what it found. */
export interface ExplainedCondition {
  /** `staffing.actual` (fact plus path). */
  readonly fact: string;
  readonly operator: string;
  /** Expected value (a fact reference is shown resolved). */
  readonly expected: unknown;
  /** For an expected value that was a fact reference: which one. */
  readonly expectedFact?: string;
  readonly actual: unknown;
  readonly result: boolean;
}

export interface FindingNote {
  readonly messageId: string;
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The outcome of one rule applied to one evaluation. */
export interface Finding {
  readonly ruleId: string;
  readonly pack: string;
  readonly title: string;
  readonly outcome: Outcome;
  /** Severity in force for this rule (after config), or of the failure mode that fired. */
  readonly severity: Severity;
  readonly redFlag: boolean;
  /** Stable message id: `ruleId#pass`, `ruleId#check-id`, `ruleId#indeterminate`, … */
  readonly messageId: string;
  /** The message rendered in the requested locale. */
  readonly message: string;
  /** Values the message was rendered from (raw, not formatted). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Form fields this rule reads. */
  readonly paths: readonly string[];
  /** The value of each of those fields in this evaluation. */
  readonly observed: Readonly<Record<string, unknown>>;
  readonly basis: readonly LegalBasis[];
  /** For fail (and indeterminate): the conditions that decided it, from json-rules-engine's result tree. */
  readonly explanation?: readonly ExplainedCondition[];
  readonly notes?: readonly FindingNote[];
  /** Set when the rule threw for this evaluation: the outcome is indeterminate and this says why. */
  readonly internalError?: string;
  /** Set when a reviewer waived this failure (waiver file): counted as waived, not as a failure. */
  readonly waiver?: FindingWaiver;
  /**
   * Where the finding points in the submitted file (set when the evaluation was imported from one): the field it
   * is about and that field's place. Absent when that field has no place in the file — a finding about a field the
   * form leaves out has no location rather than another field's. See `findingPosition`.
   */
  readonly location?: FindingLocation;
}

/**
 * A finding's place in the submitted file: the file (the result's `source`), the field path, and the field's
 * position as the importer gave it (line/column of text, paragraph/cell of a .docx, `Sheet!B7` of a workbook,
 * page and line of a PDF), without the excerpt (that is in the result's `positions`).
 */
export interface FindingLocation extends Omit<SourcePosition, 'excerpt'> {
  readonly file: string;
  readonly path: string;
}

/** The waiver that covers a failing finding: who approved it, why, until when. */
export interface FindingWaiver {
  readonly reason: string;
  readonly approver: string;
  /** Last day the waiver is valid (YYYY-MM-DD). */
  readonly expires: string;
  /** Waiver file it came from. */
  readonly source?: string;
}

export interface Indicator {
  readonly id: string;
  readonly label: string;
  readonly formula: string;
  /** Percentage with two decimals (95.45 for 95.45%), or null when not computable. */
  readonly value: number | null;
  /** `95.45%` or `N/A`. */
  readonly display: string;
  /** Why it is N/A. */
  readonly reason?: string;
}

export interface ResultSummary {
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly indeterminate: number;
  readonly notApplicable: number;
  /** Failures a reviewer waived (not counted in fail, errors, warnings or infos). */
  readonly waived: number;
  /** Failures by severity. */
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Failures of red-flag rules (超编, 截留, 未公开 …), waived ones excepted. */
  readonly redFlags: number;
}

/**
 * Where a field came from in the submitted file: line/column in text (1-based), or paragraph/table cell in a
 * .docx. Importers fill these; SARIF and HTML reports point at them.
 */
export interface SourcePosition {
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** 1-based page of a PDF (`line` is then the line on that page). */
  readonly page?: number;
  /** 1-based paragraph index in a .docx body. */
  readonly paragraph?: number;
  /** Table cell in a .docx, e.g. `table 1, row 3, cell 2`. */
  readonly cell?: string;
  /** The source text the value was read from. */
  readonly excerpt?: string;
}

/**
 * Something the importer noticed while reading the form (a figure it could not read, a box ticked twice, text
 * left over), in the report's locale, with where it is in the file.
 */
export interface ResultDiagnostic {
  /** Stable code, e.g. `unreadable-figure`, `unknown-glyph`, `leftover-text`. */
  readonly code: string;
  /** `error`: a value could not be read (it stays blank); `warning`: read with doubt; `info`: noted. */
  readonly severity: Severity;
  readonly message: string;
  /** Field path the diagnostic is about. */
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  /** For a PDF: 1-based page (`line` is then the line on that page). */
  readonly page?: number;
  readonly paragraph?: number;
  readonly cell?: string;
}

/** A diagnostic with its message in every locale, as importers give it. */
export interface LocalizedDiagnostic extends Omit<ResultDiagnostic, 'message'> {
  readonly message: LocalizedText;
}

/** A diagnostic in one locale (only the fields a result carries: an importer's extras are left out). */
export function localizeDiagnostic(d: LocalizedDiagnostic, locale: Locale): ResultDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message[locale],
    ...(d.path === undefined ? {} : { path: d.path }),
    ...(d.line === undefined ? {} : { line: d.line }),
    ...(d.column === undefined ? {} : { column: d.column }),
    ...(d.page === undefined ? {} : { page: d.page }),
    ...(d.paragraph === undefined ? {} : { paragraph: d.paragraph }),
    ...(d.cell === undefined ? {} : { cell: d.cell }),
  };
}

/** The form template a result was read with: see {@link EvaluationResult.template}. */
export interface FormTemplate {
  readonly id: string;
  readonly score?: number;
  /** The template's title in the result's locale (`部门整体支出绩效自评基础数据表（勾选式）`). */
  readonly title?: string;
}

/**
 * A result's {@link FormTemplate} from what the importer matched (its id, detection score and localized title):
 * one place for the CLI, the HTTP API and the workbench to name the template in the result's locale.
 */
export function formTemplate(match: { readonly id: string; readonly score?: number; readonly title?: LocalizedText }, locale: Locale): FormTemplate {
  return { id: match.id, ...(match.score === undefined ? {} : { score: match.score }), ...(match.title === undefined ? {} : { title: match.title[locale] }) };
}

/** An input that was not checked (unreadable, not a form, not a supported file), and why. */
export interface UnreadInput {
  readonly source: string;
  readonly reason: string;
}

/**
 * The self-score beside the one the form's own figures give (forms with a 自评表): what the unit claims, the total
 * recomputed with every correction the scoring rules make and the grade it falls in by the bands in force, and
 * the rules whose failures moved it.
 */
export interface ScoreCheck {
  /** The unit's own grade and 自评总分. */
  readonly claimed: { readonly grade: string | null; readonly score: number | null };
  /** The recomputed total (null when a score it needs is blank) and its grade (null without bands: rating pack not loaded). */
  readonly recomputed: { readonly score: number | null; readonly grade: string | null };
  /** Each rule whose data gives a non-zero `scoreDelta`: how many points its recomputation moved the total by. */
  readonly movedBy: readonly { readonly ruleId: string; readonly delta: number }[];
}

/** One rule's item in its pack's score: the points it earned (null: unknown, the rule undecided) of its full points. */
export interface PackScoreItem {
  readonly ruleId: string;
  readonly points: number | null;
  readonly max: number;
}

/**
 * A scoring pack's total for one form (rules that declare `score`; see `result/score.ts`): exact to 2 decimals.
 * `score` is null while a rule is undecided: the total then lies between `earned` and `earned + undecided`.
 */
export interface PackScore {
  readonly pack: string;
  /** The total's name in the report's locale (the pack's `score.title`, else its title). */
  readonly title: string;
  readonly score: number | null;
  /** Points of the decided items. */
  readonly earned: number;
  /** Full points of the items that apply (decided or not). */
  readonly max: number;
  /** Full points of the undecided items. */
  readonly undecided: number;
  /** Full points of the items that do not apply to this form (outside `max`). */
  readonly notApplicable: number;
  /** Each item that applies, in rule order. */
  readonly items: readonly PackScoreItem[];
}

/** Everything jixiao says about one evaluation. */
export interface EvaluationResult {
  /** The file (or other source) the evaluation came from. */
  readonly source: string;
  readonly evaluation: {
    readonly unit: string | null;
    readonly fiscalYear: number | null;
    readonly selfRating: string | null;
  };
  readonly findings: readonly Finding[];
  readonly indicators: readonly Indicator[];
  readonly summary: ResultSummary;
  /** Source position of each field path (when the evaluation was imported from a file). */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
  /** What the importer noticed while reading the file (unreadable figures, ticks, left-over text). */
  readonly diagnostics?: readonly ResultDiagnostic[];
  /**
   * The form template the file was read as, its detection score (the weights of the signature's marks the file
   * showed) and its title in the result's locale, when the importer says so. Reports show the id in the batch
   * summary ("—" without it) and the title with the id and score in a form's header.
   */
  readonly template?: FormTemplate;
  /** The claimed self-score beside the recomputed one, for a form with a 自评表. */
  readonly scoreCheck?: ScoreCheck;
  /** The total of each scoring pack (packs whose rules declare `score`), when any is loaded. */
  readonly scores?: readonly PackScore[];
}

export function summarize(findings: readonly Finding[]): ResultSummary {
  let pass = 0, fail = 0, indeterminate = 0, notApplicable = 0, waived = 0, errors = 0, warnings = 0, infos = 0, redFlags = 0;
  for (const f of findings) {
    if (f.outcome === 'pass') pass++;
    else if (f.outcome === 'indeterminate') indeterminate++;
    else if (f.outcome === 'not-applicable') notApplicable++;
    else if (f.waiver !== undefined) waived++;
    else {
      fail++;
      if (f.redFlag) redFlags++;
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { total: findings.length, pass, fail, indeterminate, notApplicable, waived, errors, warnings, infos, redFlags };
}

export type { LocalizedText };
