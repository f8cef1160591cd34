import type { Locale, LocalizedText } from '../i18n/locale.js';
import { localizePosition } from '../i18n/excerpt.js';
import { percentOf } from '../indicators/ratio.js';
import type { Evaluation } from '../model/evaluation.js';
import { FIELD_PATHS, type FieldPath } from '../model/labels.js';
import { isMoney, toSignedCents, fromCents } from '../model/money.js';
import { summarize, type Finding, type ResultSummary, type SourcePosition } from '../result/model.js';
import type { Checker, CompiledRule, CrossFormContext, Facts } from './checker.js';
import { joinForms, unitIdentity, type JoinDiagnostic, type UnitIdentity } from './identity.js';
import { PEER_MEASURES, peerStatistics, peerValues, standing, type PeerStanding } from './peers.js';
import { resolvePath } from './operators.js';
import { valueInForce } from './params.js';
import { candidatePairs, differingFigures, estimatedSimilarity, jaccardPercent, longestSharedPassage, minhash, MIN_NARRATIVE_CHARS, narrativeChars, shingleHashes, type SignedText } from './similarity.js';

/**
 * The cross-form pass: what a single form cannot show. Every form of a run leaves a compact {@link FormRecord}
 * (its unit, year, narrative signatures and ratios: no text, no figures) while the forms are checked one by one;
 * once every form is in, the forms are joined by unit and year, the batch facts computed (duplicates, similar
 * narratives, peer ratios) and the cross-form rules run on each form with its `history` and `batch` facts, the
 * forms read back one at a time through the caller's `load`. Memory is the records, not the forms.
 */

/** The narrative fields compared across units (the supervisor's opinion is left out: 同意 is everyone's). */
export const NARRATIVE_FIELDS = ['functions', 'achievements', 'problems', 'suggestions'] as const satisfies readonly FieldPath[];
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

/** What the cross-form pass keeps of one form while the run goes on. */
export interface FormRecord {
  readonly source: string;
  /** The unit name as written (for reports). */
  readonly unit: string | null;
  readonly identity: UnitIdentity;
  readonly fiscalYear: number | null;
  /** MinHash signatures of the narrative fields long enough to compare. */
  readonly narratives: readonly { readonly field: NarrativeField; readonly signature: Uint32Array }[];
  /** The peer measures (percent, or null). */
  readonly measures: Readonly<Record<string, number | null>>;
  /** A form given for history only (`--history`): joined with the others, never checked or compared itself. */
  readonly context: boolean;
}

/** What a caller gives back for a form when the pass needs it again (the form and where its fields were read). */
export interface LoadedForm {
  readonly evaluation: Evaluation;
  readonly positions?: Readonly<Record<string, SourcePosition>>;
}

/** A form's record (computed where the form is read: a worker thread, for a batch). */
export function formRecord(evaluation: Evaluation, source: string, options: { readonly context?: boolean } = {}): FormRecord {
  const narratives: { field: NarrativeField; signature: Uint32Array }[] = [];
  for (const field of NARRATIVE_FIELDS) {
    const text = evaluation[field];
    if (text === null) continue;
    const chars = narrativeChars(text);
    if (Array.from(chars).length < MIN_NARRATIVE_CHARS) continue;
    narratives.push({ field, signature: minhash(shingleHashes(chars)) });
  }
  return {
    source,
    unit: evaluation.unit.name,
    identity: unitIdentity(evaluation.unit),
    fiscalYear: evaluation.fiscalYear,
    narratives,
    measures: peerValues(evaluation),
    context: options.context === true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The history fact

/** How a numeric field moved from the previous year's form to this one. */
export interface FieldChange {
  readonly current: number | null;
  readonly previous: number | null;
  /** current − previous (exact for amounts), null without both. */
  readonly difference: number | null;
  readonly absDifference: number | null;
  /** (current − previous) / previous in percent, 2 decimals; null without both or from 0. */
  readonly rate: number | null;
  readonly absRate: number | null;
}

/** Exact difference and rate of two values (amounts in hundredths, counts as integers, else as numbers). */
export function fieldChange(current: number | null, previous: number | null): FieldChange {
  if (current === null || previous === null) return { current, previous, difference: null, absDifference: null, rate: null, absRate: null };
  // Signed: a 预算调整数 (调减) or a score may be negative in either year.
  const exact = isMoney(Math.abs(current)) && isMoney(Math.abs(previous));
  const a = exact ? toSignedCents(current) : current;
  const b = exact ? toSignedCents(previous) : previous;
  const difference = exact ? fromCents(a - b) : current - previous;
  const rate = Number.isSafeInteger(a) && Number.isSafeInteger(b) ? percentOf(a - b, b) : null;
  return { current, previous, difference, absDifference: Math.abs(difference), rate, absRate: rate === null ? null : Math.abs(rate) };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    let next = at[key];
    if (next === undefined || next === null || typeof next !== 'object') at[key] = next = {};
    at = next as Record<string, unknown>;
  }
  at[keys.at(-1) ?? ''] = value;
}

/** `history.change`: for every numeric field of the model, how it moved (nested as the model is). */
export function historyChanges(current: Evaluation, previous: Evaluation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of FIELD_PATHS) {
    const a = resolvePath(current, path);
    const b = resolvePath(previous, path);
    if (typeof a !== 'number' && typeof b !== 'number') continue;
    setPath(out, path, fieldChange(typeof a === 'number' ? a : null, typeof b === 'number' ? b : null));
  }
  return out;
}

/** The facts of the previous form that a history rule sees under `history.previous` (no parameters, no findings). */
function previousFacts(checker: Checker, previous: Evaluation): Facts {
  const { params: _params, ...facts } = checker.facts(previous);
  return facts;
}

/** The `history` fact of a form whose previous-year form is `previous`. */
export function historyFact(checker: Checker, current: Evaluation, previous: Evaluation): Record<string, unknown> {
  return { previous: previousFacts(checker, previous), change: historyChanges(current, previous) };
}

// ---------------------------------------------------------------------------------------------------------------
// The batch fact

/** The form most like this one in another unit's form, by narrative. */
export interface NarrativeMatch {
  /** Jaccard similarity of the two texts' shingle sets, percent (2 decimals); 0 when no other text came close. */
  readonly similarity: number | null;
  readonly field: NarrativeField | null;
  readonly otherField: NarrativeField | null;
  readonly otherSource: string | null;
  readonly otherUnit: string | null;
  readonly otherFiscalYear: number | null;
  /** The longest passage the two texts share, as written in this form (capped), and its length in characters. */
  readonly passage: string | null;
  readonly passageLength: number | null;
  /**
   * The figures of the shared passage that differ between the two texts, `本表的 ≠ 另一表的` (`338.28 ≠ 412.50`), the
   * first {@link FIGURES_LISTED} (then `…`), and how many differ in all: the similarity does not see figures (a run
   * of digits is one character to it), so two texts 100 % similar may still state other figures.
   */
  readonly figureDifferences: readonly string[] | null;
  readonly figureDifferenceCount: number | null;
}

/** Differing figures a finding lists (the count is always complete). */
export const FIGURES_LISTED = 10;

/** Longest passage a report carries (characters; a longer one is cut and ends with `…`). */
export const PASSAGE_LIMIT = 120;

/**
 * The parameter bounding how many other copies of its unit-year a form's duplicate facts name (the batch pack's
 * `listedCopies`, in force for the form's fiscal year; config overrides apply). The rest are counted, never named,
 * so a unit-year submitted g times costs g × listedCopies in the report, not g². Without the parameter (the
 * batch pack's rule not loaded) every copy is named.
 */
export const LISTED_COPIES_PARAMETER = 'batch.listedCopies';

/** The batch fact of one form. */
export interface BatchFacts {
  /** Forms checked in the run. */
  readonly size: number;
  /** Forms of the run with the same fiscal year (this one included). */
  readonly yearSize: number;
  /** Other forms of the run for the same unit and year. */
  readonly duplicates: {
    /** How many (all of them, named or not). */
    readonly count: number;
    /** The files of those named: the first {@link LISTED_COPIES_PARAMETER} of them in source order. */
    readonly sources: readonly string[];
    /** How many are named (`sources.length`) and how many are only counted. */
    readonly listed: number;
    readonly unlisted: number;
    /** Fields (paths) whose values differ between this form and any of the others. */
    readonly differences: readonly string[];
    readonly differenceCount: number;
  };
  readonly narrative: NarrativeMatch;
  /** This form's standing among the forms of its year, per peer measure. */
  readonly peers: Readonly<Record<string, PeerStanding>>;
}

const NO_MATCH: NarrativeMatch = { similarity: null, field: null, otherField: null, otherSource: null, otherUnit: null, otherFiscalYear: null, passage: null, passageLength: null, figureDifferences: null, figureDifferenceCount: null };

/** The fields of two forms whose values differ (the model's leaves, in model order). */
export function differingFields(a: Evaluation, b: Evaluation): string[] {
  const out: string[] = [];
  for (const path of FIELD_PATHS) if (JSON.stringify(resolvePath(a, path) ?? null) !== JSON.stringify(resolvePath(b, path) ?? null)) out.push(path);
  return out;
}

function capPassage(text: string): string {
  const points = Array.from(text);
  return points.length <= PASSAGE_LIMIT ? text : `${points.slice(0, PASSAGE_LIMIT).join('')}…`;
}

// ---------------------------------------------------------------------------------------------------------------
// The run

/** Another form a cross-form finding concerns, with where its fields were read. */
export interface RelatedForm {
  readonly source: string;
  readonly unit: string | null;
  readonly fiscalYear: number | null;
  /** `previous-year`: the unit's form for the year before; `same-unit-year`: another submission of the unit and year; `similar-narrative`: the other unit's form with a similar narrative. */
  readonly relation: 'previous-year' | 'same-unit-year' | 'similar-narrative';
  /** Source positions of the fields the finding compares in that form. */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
}

/** A finding of a cross-form rule: on one form, pointing at the others it concerns. */
export interface CrossFormFinding extends Finding {
  /** The form the finding is on. */
  readonly source: string;
  readonly unit: string | null;
  readonly fiscalYear: number | null;
  readonly related: readonly RelatedForm[];
  /** Source positions, in this form, of the fields the finding reads. */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
  /** How many more forms of the same relation the finding concerns without naming them (see {@link LISTED_COPIES_PARAMETER}); absent when none. */
  readonly unlistedRelated?: number;
}

/** A cross-form diagnostic in one locale (an ambiguous join). */
export interface CrossFormDiagnostic {
  readonly code: JoinDiagnostic['code'];
  readonly message: string;
  readonly sources: readonly string[];
}

/** How many forms each cross-form rule was checked on, by outcome. */
export interface CrossFormRuleCount {
  readonly ruleId: string;
  readonly pass: number;
  readonly fail: number;
  readonly indeterminate: number;
  readonly notApplicable: number;
}

/** What the cross-form pass found. */
export interface CrossFormResult {
  /**
   * The failures and undecided findings, and the passes and not-applicable findings that carry notes (a reader must
   * see those: 本年与上年三公经费均为 0); every finding with `keepNotApplicable`. By form (source order), then rule.
   */
  readonly findings: readonly CrossFormFinding[];
  readonly diagnostics: readonly CrossFormDiagnostic[];
  /** Counts over every finding, the not-applicable ones included. */
  readonly summary: ResultSummary;
  readonly rules: readonly CrossFormRuleCount[];
  /** Each checked form joined to its previous-year form (sources), in source order. */
  readonly history: readonly { readonly source: string; readonly previous: string }[];
}

export interface CrossFormOptions {
  readonly locale?: Locale;
  /**
   * Keep every finding, passes and not-applicable ones too (the rule tester reads them). By default only failures,
   * undecided findings and the others' that carry notes are kept (what a report shows); the summary and rule counts
   * cover them all.
   */
  readonly keepNotApplicable?: boolean;
  /** Called with each checked form's cross-form context (the case runner measures condition coverage on it). */
  readonly onContext?: (source: string, context: CrossFormContext) => void;
}

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Facts a rule reads, as `fact.path` strings (conditions, data, paths, requirements). */
function ruleReads(rule: CompiledRule['rule']): string[] {
  const out: string[] = [...rule.paths, ...(rule.requires ?? [])];
  const walk = (c: unknown): void => {
    if (c === null || typeof c !== 'object') return;
    const node = c as Record<string, unknown>;
    for (const key of ['all', 'any'] as const) if (Array.isArray(node[key])) for (const x of node[key] as unknown[]) walk(x);
    if (node.not !== undefined) walk(node.not);
    if (typeof node.fact === 'string') out.push(typeof node.path === 'string' ? `${node.fact}.${node.path}` : node.fact);
  };
  if (rule.notApplicableWhen) walk(rule.notApplicableWhen.when);
  if (rule.indeterminateWhen) walk(rule.indeterminateWhen.when);
  for (const c of rule.checks) walk(c.when);
  for (const n of rule.notes ?? []) walk(n.when);
  for (const d of Object.values(rule.data ?? {})) {
    if ('ref' in d) out.push(d.ref, ...(d.zeroBase === undefined ? [] : [d.zeroBase]));
    else if ('scale' in d) out.push(d.scale);
    else out.push(...d.blankAmong);
  }
  return out;
}

/** A small cache of forms read back, so a form needed by its neighbours is parsed once. */
class FormCache {
  private readonly entries = new Map<number, LoadedForm>();
  constructor(
    private readonly load: (index: number) => LoadedForm,
    private readonly size = 64,
  ) {}
  get(index: number): LoadedForm {
    const hit = this.entries.get(index);
    if (hit !== undefined) {
      this.entries.delete(index);
      this.entries.set(index, hit);
      return hit;
    }
    const form = this.load(index);
    this.entries.set(index, form);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value ?? index);
    return form;
  }
}

/** The positions of some fields in a form (those it has), their excerpts worded in `locale` (localizePosition). */
function positionsOf(form: LoadedForm, paths: Iterable<string>, locale: Locale): Record<string, SourcePosition> | undefined {
  if (form.positions === undefined) return undefined;
  let out: Record<string, SourcePosition> | undefined;
  for (const path of paths) {
    const p = form.positions[path];
    if (p === undefined) continue;
    out ??= {};
    out[path] = localizePosition(p, locale);
  }
  return out;
}

/**
 * The cross-form pass of one run. `add` each form's record as the forms are read (in any order); `finish` joins
 * them and runs the checker's cross-form rules on every checked form, reading forms back through `load` (by the
 * index `add` returned). The result is the same whatever the order of `add`: forms are taken in source order.
 */
export class CrossFormRun {
  private readonly records: FormRecord[] = [];

  constructor(private readonly checker: Checker) {}

  /** Keep one form's record; returns the index `load` will be asked for. */
  add(record: FormRecord): number {
    this.records.push(record);
    return this.records.length - 1;
  }

  /** How many forms were added (checked ones and history-only ones). */
  get size(): number {
    return this.records.length;
  }

  finish(load: (index: number) => LoadedForm, options: CrossFormOptions = {}): CrossFormResult {
    const locale = options.locale ?? 'zh-CN';
    // Source order (then order of adding, for two records of one source: the sort is stable): the result ignores
    // the order of `add`. Forms are named below by their position in `sorted`; `loadSorted` reads one back by the
    // index `add` gave it.
    const entries = this.records.map((record, index) => ({ record, index })).sort((a, b) => codeUnits(a.record.source, b.record.source));
    const sorted = entries.map((e) => e.record);
    const loadSorted = (k: number) => load(at(entries, k).index);
    const join = joinForms(sorted);
    const cache = new FormCache(loadSorted);
    const checked = sorted.map((r, k) => (r.context ? -1 : k)).filter((k) => k >= 0);
    const size = checked.length;
    const rules = this.checker.rules.filter((r) => r.scope !== 'form');
    const reads = new Set(rules.flatMap((r) => ruleReads(r.rule)));
    const reading = (prefix: string) => [...reads].some((p) => p === prefix || p.startsWith(`${prefix}.`));
    const wants = { narrative: reading('batch.narrative'), peers: reading('batch.peers'), duplicates: reading('batch.duplicates') };

    // Units: forms joined to one unit share a group; a form not joined is a unit of its own.
    const groupOf = sorted.map((_, k) => {
      return join.unitKey[k] ?? `\u0000${String(k)}`;
    });

    // Same unit and year among the checked forms: each checked form of a known unit and year → every checked form
    // of that unit and year (itself included, in source order). A form whose year is blank, or whose unit has
    // neither code nor name, has none: it is no copy of another.
    const membersOf = new Map<number, number[]>();
    const sameUnitYear = new Map<string, number[]>();
    for (const k of checked) {
      const key = join.unitKey[k];
      const year = at(sorted, k).fiscalYear;
      if (typeof key !== 'string' || year === null) continue;
      const id = `${key}\u0000${String(year)}`;
      let members = sameUnitYear.get(id);
      if (members === undefined) sameUnitYear.set(id, (members = []));
      members.push(k);
      membersOf.set(k, members);
    }
    const duplicatesOf = (k: number): number[] => (membersOf.get(k) ?? []).filter((j) => j !== k);
    // How many of them a form's facts name: the parameter in force for its year (a negative value names none).
    const listedCopies = this.checker.parameters.get(LISTED_COPIES_PARAMETER);
    const listedOf = (k: number): number => {
      if (listedCopies === undefined) return Infinity;
      const value = valueInForce(listedCopies.values, at(sorted, k).fiscalYear)?.value;
      return typeof value === 'number' ? Math.max(0, Math.floor(value)) : Infinity;
    };
    // The fields that differ among the submissions of one unit and year, and where each submission has them. The set
    // is the same for every member: a field differs from some other member exactly when the group holds two values of
    // it. So each group is read twice in all (values, then positions), not once per pair: 400 copies of one form took
    // 86 s by pairs (a cache of 64 forms thrashing, 80,000 comparisons), linear now.
    const duplicateGroups = new Map<readonly number[], { readonly differences: FieldPath[]; readonly positions: ReadonlyMap<number, Record<string, SourcePosition> | undefined> }>();
    const duplicateGroup = (k: number) => {
      const members = membersOf.get(k);
      if (members === undefined || members.length < 2) return undefined;
      const known = duplicateGroups.get(members);
      if (known !== undefined) return known;
      const seen = FIELD_PATHS.map((path) => ({ path, values: new Set<string>() }));
      for (const j of members) {
        const evaluation = loadSorted(j).evaluation;
        for (const s of seen) s.values.add(JSON.stringify(resolvePath(evaluation, s.path) ?? null));
      }
      const differences = seen.filter((s) => s.values.size > 1).map((s) => s.path);
      // Positions only of the members some finding names: each names the first `listedCopies` others (members are
      // in source order and share a year), so the first listedCopies + 1 members are all any finding names.
      const named = members.slice(0, listedOf(k) + 1);
      const positions = new Map(named.map((j) => [j, positionsOf(loadSorted(j), differences, locale)] as const));
      const group = { differences, positions };
      duplicateGroups.set(members, group);
      return group;
    };
    // The form each form's narrative match is with (its index) and that form's field, for the finding's related form:
    // not looked up by the source named in the fact, which two forms can share (the workbench names a form by its file
    // name alone).
    const narrativeOther = new Map<number, { readonly form: number; readonly field: NarrativeField }>();

    // Peers: per fiscal year, per measure, over the checked forms.
    const yearSize = new Map<number | null, number>();
    const peerStats = new Map<string, ReturnType<typeof peerStatistics>>();
    for (const k of checked) {
      const year = at(sorted, k).fiscalYear;
      yearSize.set(year, (yearSize.get(year) ?? 0) + 1);
    }
    if (wants.peers) {
      const valuesBy = new Map<string, number[]>();
      for (const k of checked) {
        const r = at(sorted, k);
        for (const m of PEER_MEASURES) {
          const v = r.measures[m.id];
          if (v === null || v === undefined) continue;
          const id = `${String(r.fiscalYear)}\u0000${m.id}`;
          const list = valuesBy.get(id);
          if (list === undefined) valuesBy.set(id, [v]);
          else list.push(v);
        }
      }
      for (const [id, values] of valuesBy) peerStats.set(id, peerStatistics(values));
    }

    // Narratives: candidate pairs of texts of different units, by LSH.
    const texts: (SignedText & { readonly form: number; readonly field: NarrativeField })[] = [];
    const groupIds = new Map<string, number>();
    if (wants.narrative) {
      for (const k of checked) {
        const r = at(sorted, k);
        const g = at(groupOf, k);
        let group = groupIds.get(g);
        if (group === undefined) groupIds.set(g, (group = groupIds.size));
        for (const n of r.narratives) texts.push({ id: texts.length, group, signature: n.signature, form: k, field: n.field });
      }
    }
    const candidates = candidatePairs(texts);
    const textsOf = new Map<number, number[]>();
    for (const t of texts) {
      const list = textsOf.get(t.form);
      if (list === undefined) textsOf.set(t.form, [t.id]);
      else list.push(t.id);
    }

    const narrativeOf = (k: number, form: LoadedForm): NarrativeMatch => {
      const mine = textsOf.get(k);
      if (mine === undefined) return NO_MATCH;
      // Candidates of every text of this form, best estimates first (ties in the order proposed: this form's texts,
      // then the others, each by id; the sort is stable); the few best measured exactly.
      const proposed: { mine: number; other: number; estimate: number }[] = [];
      for (const id of mine) {
        const a = at(texts, id);
        for (const other of candidates.get(id) ?? []) proposed.push({ mine: id, other, estimate: estimatedSimilarity(a.signature, at(texts, other).signature) });
      }
      if (proposed.length === 0) return { ...NO_MATCH, similarity: 0, field: at(texts, at(mine, 0)).field };
      proposed.sort((x, y) => y.estimate - x.estimate);
      const measured = proposed.slice(0, 3).map((p) => {
        const a = at(texts, p.mine);
        const b = at(texts, p.other);
        const text = form.evaluation[a.field] ?? '';
        const otherText = cache.get(b.form).evaluation[b.field] ?? '';
        return { similarity: jaccardPercent(shingleHashes(narrativeChars(text)), shingleHashes(narrativeChars(otherText))), a, b, text, otherText };
      });
      // The most similar; of equals, the first measured.
      const best = measured.reduce((x, y) => (y.similarity > x.similarity ? y : x));
      const other = at(sorted, best.b.form);
      narrativeOther.set(k, { form: best.b.form, field: best.b.field });
      const shared = longestSharedPassage(best.text, best.otherText);
      const figures = differingFigures(shared.passage, shared.otherPassage);
      return {
        similarity: best.similarity,
        field: best.a.field,
        otherField: best.b.field,
        otherSource: other.source,
        otherUnit: other.unit,
        otherFiscalYear: other.fiscalYear,
        passage: shared.length === 0 ? null : capPassage(shared.passage),
        passageLength: shared.length,
        figureDifferences: [...figures.slice(0, FIGURES_LISTED).map((f) => `${f.mine} ≠ ${f.theirs}`), ...(figures.length > FIGURES_LISTED ? ['…'] : [])],
        figureDifferenceCount: figures.length,
      };
    };

    const batchOf = (k: number, form: LoadedForm): BatchFacts => {
      const r = at(sorted, k);
      const dups = wants.duplicates ? duplicatesOf(k) : [];
      const listed = dups.slice(0, listedOf(k));
      const differences = (wants.duplicates ? duplicateGroup(k)?.differences : undefined) ?? [];
      const peers: Record<string, PeerStanding> = {};
      if (wants.peers) {
        for (const m of PEER_MEASURES) {
          const stats = peerStats.get(`${String(r.fiscalYear)}\u0000${m.id}`) ?? peerStatistics([]);
          peers[m.id] = standing(r.measures[m.id] ?? null, stats);
        }
      }
      return {
        size,
        yearSize: yearSize.get(r.fiscalYear) ?? 0,
        duplicates: {
          count: dups.length,
          sources: listed.map((j) => at(sorted, j).source),
          listed: listed.length,
          unlisted: dups.length - listed.length,
          differences,
          differenceCount: differences.length,
        },
        // No match when no rule reads the narrative facts: no text was then signed.
        narrative: narrativeOf(k, form),
        peers,
      };
    };

    const findings: CrossFormFinding[] = [];
    let summary = summarize([]);
    const counts = new Map(rules.map((r) => [r.rule.id, { ruleId: r.rule.id, pass: 0, fail: 0, indeterminate: 0, notApplicable: 0 }]));
    const history: { source: string; previous: string }[] = [];
    const scopeOf = new Map(rules.map((r) => [r.rule.id, r.scope]));
    const readsOf = new Map(rules.map((r) => [r.rule.id, ruleReads(r.rule)]));

    for (const k of checked) {
      const record = at(sorted, k);
      const form = cache.get(k);
      const p = join.previous[k];
      // The previous year's form: its position and the form read back.
      const previous = p === undefined ? undefined : { k: p, form: cache.get(p) };
      const ambiguous = join.previousAmbiguous[k];
      const context: CrossFormContext = {
        history: previous === undefined ? null : historyFact(this.checker, form.evaluation, previous.form.evaluation),
        ...(ambiguous === undefined
          ? {}
          : {
              historyMissing: {
                'zh-CN': `同一单位上一年度有 ${String(ambiguous.length)} 份表（${ambiguous.map((j) => at(sorted, j).source).join('、')}），无法确定对照哪一份`,
                en: `the unit has ${String(ambiguous.length)} forms for the previous year (${ambiguous.map((j) => at(sorted, j).source).join(', ')}), so which to compare with is unknown`,
              } satisfies LocalizedText,
            }),
        batch: size > 1 ? (batchOf(k, form) as unknown as Record<string, unknown>) : null,
      };
      if (previous !== undefined) history.push({ source: record.source, previous: at(sorted, previous.k).source });
      options.onContext?.(record.source, context);
      const batch = context.batch as BatchFacts | null;
      const formFindings = this.checker.checkCrossFormSync(form.evaluation, context, { source: record.source, locale });
      summary = addSummaries(summary, summarize(formFindings));
      for (const f of formFindings) {
        const count = counts.get(f.ruleId);
        if (count !== undefined) {
          if (f.outcome === 'pass') count.pass++;
          else if (f.outcome === 'fail') count.fail++;
          else if (f.outcome === 'indeterminate') count.indeterminate++;
          else count.notApplicable++;
        }
        if ((f.outcome === 'not-applicable' || f.outcome === 'pass') && options.keepNotApplicable !== true && (f.notes?.length ?? 0) === 0) continue;
        const ruleReadsList = readsOf.get(f.ruleId) ?? [];
        const related: RelatedForm[] = [];
        let unlistedRelated = 0;
        if (scopeOf.get(f.ruleId) === 'history' && previous !== undefined) {
          const prevPaths = ruleReadsList.filter((x) => x.startsWith('history.previous.')).map((x) => x.slice('history.previous.'.length));
          const changePaths = ruleReadsList.filter((x) => x.startsWith('history.change.')).map((x) => x.slice('history.change.'.length).replace(/\.(current|previous|difference|absDifference|rate|absRate)$/, ''));
          related.push(relatedForm(at(sorted, previous.k), 'previous-year', positionsOf(previous.form, [...prevPaths, ...changePaths], locale)));
        }
        if (ruleReadsList.some((x) => x.startsWith('batch.duplicates'))) {
          const group = duplicateGroup(k);
          const dups = duplicatesOf(k);
          const listed = dups.slice(0, listedOf(k));
          for (const j of listed) related.push(relatedForm(at(sorted, j), 'same-unit-year', group?.positions.get(j)));
          unlistedRelated += dups.length - listed.length;
        }
        const match = narrativeOther.get(k);
        if (match !== undefined && ruleReadsList.some((x) => x.startsWith('batch.narrative'))) related.push(relatedForm(at(sorted, match.form), 'similar-narrative', positionsOf(cache.get(match.form), [match.field], locale)));
        // The fields this form's findings name (a `history.`/`batch.` path is no field of a form: positionsOf finds none).
        const ownPaths = new Set<string>(f.paths);
        for (const x of ruleReadsList) if (x.startsWith('history.change.')) ownPaths.add(x.slice('history.change.'.length).replace(/\.(current|previous|difference|absDifference|rate|absRate)$/, ''));
        if (batch?.narrative.field != null && ruleReadsList.some((x) => x.startsWith('batch.narrative'))) ownPaths.add(batch.narrative.field);
        if (batch !== null && ruleReadsList.some((x) => x.startsWith('batch.duplicates'))) for (const d of batch.duplicates.differences) ownPaths.add(d);
        const positions = positionsOf(form, ownPaths, locale);
        findings.push({ ...f, source: record.source, unit: record.unit, fiscalYear: record.fiscalYear, related, ...(positions === undefined ? {} : { positions }), ...(unlistedRelated === 0 ? {} : { unlistedRelated }) });
      }
    }
    return {
      findings,
      diagnostics: join.diagnostics.map((d) => ({ code: d.code, message: d.message[locale], sources: d.sources })),
      summary,
      rules: [...counts.values()],
      history,
    };
  }
}

/** Two summaries added up. */
export function addSummaries(a: ResultSummary, b: ResultSummary): ResultSummary {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof ResultSummary)[]) out[key] = a[key] + b[key];
  return out;
}

function relatedForm(record: FormRecord, relation: RelatedForm['relation'], positions: Record<string, SourcePosition> | undefined): RelatedForm {
  return { source: record.source, unit: record.unit, fiscalYear: record.fiscalYear, relation, ...(positions === undefined ? {} : { positions }) };
}

/**
 * The item at an index the pass made itself (a position in its own lists), for lists that hold no `undefined`: an
 * index out of range is a bug of the pass, thrown, never read as a blank.
 */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`cross-form: no item at index ${String(index)} of ${String(list.length)}`);
  return item;
}

/**
 * The cross-form pass over forms already in memory (the library's and the browser's way; the CLI keeps records
 * and reads forms back from a spool): `forms` in any order, each with its source, and `context: true` for forms
 * given for history only.
 */
export function checkCrossForm(
  checker: Checker,
  forms: readonly (LoadedForm & { readonly source: string; readonly context?: boolean })[],
  options: CrossFormOptions = {},
): CrossFormResult {
  const run = new CrossFormRun(checker);
  for (const f of forms) run.add(formRecord(f.evaluation, f.source, { context: f.context === true }));
  return run.finish((i) => forms[i] as LoadedForm, options);
}
