import * as z from 'zod';
import { ANSWERS } from '../model/answer.js';
import { EvaluationSchema, type Evaluation } from '../model/evaluation.js';
import { INDICATORS, deriveFacts } from '../indicators/derive.js';
import { OUTCOMES } from '../result/model.js';
import { PARAMETER_TYPES, type Pack } from './schema.js';
import { NARRATIVE_FIELDS } from '../engine/cross-form.js';
import { PEER_MEASURES } from '../engine/peers.js';

/**
 * The catalogue of fact paths a rule condition can read, with their types: built from the zod evaluation
 * model (every group of the form), the derived facts (types read off a fully filled-in sample), the
 * indicators, the parameters the packs declare, and the `findings` fact of rules that run `after` others.
 * `pack validate` checks every condition against it.
 */

/** What kind of value sits at a fact path. */
export type FactKind = 'money' | 'integer' | 'number' | 'percent' | 'answer' | 'enum' | 'text' | 'date' | 'boolean' | 'list' | 'object';

export interface FactInfo {
  readonly kind: FactKind;
  /** May the value be blank (null)? */
  readonly nullable: boolean;
  /** Allowed values of an enum or of a list's items. */
  readonly values?: readonly string[];
  /** An object whose keys are not known in advance (e.g. `findings.outcomes.<rule id>`). */
  readonly openChildren?: FactInfo;
  /** Where the fact comes from, for messages. */
  readonly origin: 'form' | 'derived' | 'indicator' | 'param' | 'findings' | 'history' | 'batch';
}

/** Fact paths (`staffing.actual`, `derived.incomeTotal.difference`, `params.hunan.fullPoints`) → type. */
export type FactCatalogue = ReadonlyMap<string, FactInfo>;

/** The form's top-level fields the checker does not offer as facts. */
const HIDDEN = new Set(['$schema', 'modelVersion', 'answerResolution']);

type JsonSchemaNode = Record<string, unknown>;

function kindOfSchema(node: JsonSchemaNode): { info: Omit<FactInfo, 'origin'>; properties?: Record<string, JsonSchemaNode> } {
  let nullable = false;
  let n = node;
  const anyOf = node.anyOf;
  if (Array.isArray(anyOf)) {
    const parts = anyOf as JsonSchemaNode[];
    nullable = parts.some((p) => p.type === 'null');
    n = parts.find((p) => p.type !== 'null') ?? {};
  }
  let type = n.type;
  if (Array.isArray(type)) {
    const types = type as string[];
    nullable ||= types.includes('null');
    type = types.find((t) => t !== 'null');
  }
  const values = Array.isArray(n.enum) ? (n.enum as unknown[]).map(String) : undefined;
  if (values !== undefined) {
    const isAnswer = values.length === ANSWERS.length && ANSWERS.every((a) => values.includes(a));
    return { info: isAnswer ? { kind: 'answer', nullable, values } : { kind: 'enum', nullable, values } };
  }
  switch (type) {
    case 'integer':
      return { info: { kind: 'integer', nullable } };
    case 'number':
      // Percentages and scores are 2-decimal numbers too; their unit tells them from money.
      if (n['x-unit'] === '%') return { info: { kind: 'percent', nullable } };
      return { info: { kind: n.multipleOf === 0.01 && n['x-unit'] === undefined ? 'money' : 'number', nullable } };
    case 'boolean':
      return { info: { kind: 'boolean', nullable } };
    case 'string':
      return { info: { kind: n.format === 'date' ? 'date' : 'text', nullable } };
    case 'array': {
      const items = (n.items ?? {}) as JsonSchemaNode;
      const itemValues = Array.isArray(items.enum) ? (items.enum as unknown[]).map(String) : undefined;
      return { info: itemValues === undefined ? { kind: 'list', nullable } : { kind: 'list', nullable, values: itemValues } };
    }
    case 'object':
      return { info: { kind: 'object', nullable }, properties: (n.properties ?? {}) as Record<string, JsonSchemaNode> };
    default:
      return { info: { kind: 'text', nullable } };
  }
}

function addSchemaFacts(out: Map<string, FactInfo>, prefix: string, properties: Record<string, JsonSchemaNode>): void {
  for (const [key, node] of Object.entries(properties)) {
    if (prefix === '' && HIDDEN.has(key)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const { info, properties: children } = kindOfSchema(node);
    out.set(path, { ...info, origin: 'form' });
    if (children) addSchemaFacts(out, path, children);
  }
}

/** A complete sample evaluation with every optional field filled in, so every derived value is known. */
function fullSample(): Evaluation {
  const yes = 'yes' as const;
  const no = 'no' as const;
  return {
    fiscalYear: 2020,
    unit: { name: 'sample', code: 'x', classified: false },
    staffing: { authorized: 10, actual: 9, leaderPostsAuthorized: 2, leaderPostsActual: 2 },
    functions: 'x',
    income: { localBudget: 1.5, nonTax: 1, higherLevel: 1, other: 1, total: 4.5, carryOver: 1 },
    expenditure: { basic: 1.5, project: 1, total: 2.5, threePublic: 1, threePublicPriorYear: 2, vehicleCost: 1, vehicleCostPriorYear: 2 },
    staffingControl: { overstaffed: no },
    threePublic: { managementRules: yes, receptionStandard: yes, vehicleCostDeclined: yes, declined: yes },
    nonTaxRevenue: { targetMet: yes, twoLineManagement: yes, diversion: no },
    procurement: { planMade: yes, required: 2, actual: 1.5 },
    budgetExecution: { supplemented: no, supplementAmount: 0, hasSurplus: no, surplusAmount: 0, initialBudget: 2 },
    disclosure: { published: yes, date: '2020-02-10', channels: ['portal'], approvalDate: '2020-02-01' },
    financialManagement: { rulesInPlace: yes, accountingOffice: yes, accountantsQualified: yes },
    fundManagement: { rulesInPlace: yes, approvalProcedure: yes, irregularUse: no },
    assetManagement: { rulesInPlace: yes, handlingCompliant: yes, titleClear: yes, recordsMatch: yes },
    duties: { keyTasksCompleted: yes },
    achievements: 'x',
    selfRating: { grade: '良', score: 85 },
    problems: 'x',
    suggestions: 'x',
    supervisorOpinion: 'x',
    selfAssessment: {
      // The rows by nature and the fund sources miss their totals, so that every breakdown value is a number.
      budget: {
        initialBudget: 100,
        adjustment: 10,
        annualBudget: 110,
        executed: 99,
        points: 10,
        rate: 90,
        score: 9,
        basic: { initialBudget: 60, annualBudget: 70, executed: 59 },
        project: { initialBudget: 40, annualBudget: 40, executed: 39 },
        fundSources: { total: 110, generalPublicBudget: 60, governmentFunds: 30, specialAccountNonTax: 10, other: 5 },
      },
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: 'x', nature: 'quantitative', unit: '次', target: '≥10', actual: '8', points: 45.5, score: 45.5, coefficient: 80, deviationReason: null, core: true },
        { name: 'y', target: '高', actual: '高', points: 44.5, score: 40.5 },
      ],
      totalPoints: 100,
    },
    costControl: {
      threePublic: { priorYearActual: 2, budget: 1.5, actual: 1 },
      vehicle: { priorYearActual: 1, budget: 1, actual: 0.5 },
      overseas: { priorYearActual: 0.5, budget: 0.25, actual: 0.25 },
      reception: { priorYearActual: 0.5, budget: 0.25, actual: 0.25 },
      publicFunds: { priorYearActual: 10, budget: 9, actual: 8 },
      procurement: { priorYearActual: 5, budget: 6, actual: 5.5 },
    },
  };
}

/** Names of derived values that are amounts in 万元 (the rest of the numbers are counts or days). */
const DERIVED_MONEY = /(?:^|\.)(?:total|partsSum|difference|absDifference|incomeAvailable|expenditureOverIncome|threePublicOverExpenditure|threePublicChange|vehicleCostChange|procurementOverPlan|threePublicRateBasis\.(?:current|prior))$/;

/** Percentages among the derived values (in percent, 2 decimals). */
const DERIVED_PERCENT = /\.(?:rate|rateDifference|rateAbsDifference|rateUsed|threePublicChangeRate)$/;
/** Counts among the 自评表 values; the other numbers there are points (scores), whatever the sample holds. */
const SCORING_COUNT = /\.(?:count|undecided|incomparable|blank)$/;
const SCORING_MONEY = /\.(?:rateBase|adjustmentDifference)$/;

function derivedNumberKind(path: string, value: number): FactKind {
  if (DERIVED_PERCENT.test(path)) return 'percent';
  if (path.startsWith('derived.scoring.')) return SCORING_COUNT.test(path) ? 'integer' : SCORING_MONEY.test(path) ? 'money' : 'number';
  if (DERIVED_MONEY.test(path)) return 'money';
  return Number.isInteger(value) ? 'integer' : 'number';
}

function addValueFacts(out: Map<string, FactInfo>, prefix: string, value: unknown): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    out.set(prefix, { kind: 'object', nullable: false, origin: 'derived' });
    for (const [k, v] of Object.entries(value)) addValueFacts(out, `${prefix}.${k}`, v);
    return;
  }
  let kind: FactKind = 'text';
  if (Array.isArray(value)) kind = 'list';
  else if (typeof value === 'number') kind = derivedNumberKind(prefix, value);
  else if (typeof value === 'boolean') kind = 'boolean';
  out.set(prefix, { kind, nullable: true, origin: 'derived' });
}

let formAndDerived: Map<string, FactInfo> | undefined;

function baseCatalogue(): Map<string, FactInfo> {
  if (formAndDerived) return formAndDerived;
  const out = new Map<string, FactInfo>();
  const json = z.toJSONSchema(EvaluationSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  addSchemaFacts(out, '', (json.properties ?? {}) as Record<string, JsonSchemaNode>);
  addValueFacts(out, 'derived', deriveFacts(fullSample()));
  out.set('indicators', { kind: 'object', nullable: false, origin: 'indicator' });
  for (const def of INDICATORS) out.set(`indicators.${def.id}`, { kind: 'percent', nullable: true, origin: 'indicator' });
  formAndDerived = out;
  return out;
}

const NUMERIC_KINDS: readonly FactKind[] = ['money', 'integer', 'number', 'percent'];

/**
 * Facts of the cross-form rules: `history.previous.*` (the previous-year form's facts: its fields, `derived`,
 * `indicators`), `history.change.<numeric field>.*` (how each figure moved) and `batch.*` (this form among the
 * others of the run). Only rules that require `history.previous`, or of `"scope": "batch"`, may read them.
 */
function addCrossFormFacts(out: Map<string, FactInfo>, base: ReadonlyMap<string, FactInfo>): void {
  out.set('history', { kind: 'object', nullable: true, origin: 'history' });
  out.set('history.previous', { kind: 'object', nullable: true, origin: 'history' });
  out.set('history.change', { kind: 'object', nullable: false, origin: 'history' });
  for (const [path, info] of base) {
    out.set(`history.previous.${path}`, { ...info, nullable: true, origin: 'history' });
    if (info.origin !== 'form' || !NUMERIC_KINDS.includes(info.kind)) continue;
    const at = `history.change.${path}`;
    out.set(at, { kind: 'object', nullable: true, origin: 'history' });
    const difference: FactKind = info.kind === 'money' || info.kind === 'integer' ? info.kind : 'number';
    for (const [key, kind] of [['current', info.kind], ['previous', info.kind], ['difference', difference], ['absDifference', difference], ['rate', 'percent'], ['absRate', 'percent']] as const) {
      out.set(`${at}.${key}`, { kind, nullable: true, origin: 'history' });
    }
  }
  const batch = (path: string, kind: FactKind, values?: readonly string[]) => out.set(path === '' ? 'batch' : `batch.${path}`, { kind, nullable: kind !== 'object', origin: 'batch', ...(values === undefined ? {} : { values }) });
  batch('', 'object');
  batch('size', 'integer');
  batch('yearSize', 'integer');
  batch('duplicates', 'object');
  batch('duplicates.count', 'integer');
  batch('duplicates.sources', 'list');
  batch('duplicates.listed', 'integer');
  batch('duplicates.unlisted', 'integer');
  batch('duplicates.differences', 'list');
  batch('duplicates.differenceCount', 'integer');
  batch('narrative', 'object');
  batch('narrative.similarity', 'percent');
  batch('narrative.field', 'enum', NARRATIVE_FIELDS);
  batch('narrative.otherField', 'enum', NARRATIVE_FIELDS);
  batch('narrative.otherSource', 'text');
  batch('narrative.otherUnit', 'text');
  batch('narrative.otherFiscalYear', 'integer');
  batch('narrative.passage', 'text');
  batch('narrative.passageLength', 'integer');
  batch('narrative.figureDifferences', 'list');
  batch('narrative.figureDifferenceCount', 'integer');
  batch('peers', 'object');
  for (const m of PEER_MEASURES) {
    batch(`peers.${m.id}`, 'object');
    for (const key of ['value', 'median', 'min', 'max'] as const) batch(`peers.${m.id}.${key}`, 'percent');
    batch(`peers.${m.id}.count`, 'integer');
    batch(`peers.${m.id}.mad`, 'number');
    batch(`peers.${m.id}.robustZ`, 'number');
    batch(`peers.${m.id}.absRobustZ`, 'number');
  }
}

/** Facts of the `findings` fact (rules with `after` only). */
function addFindingsFacts(out: Map<string, FactInfo>): void {
  const origin = 'findings' as const;
  out.set('findings', { kind: 'object', nullable: false, origin });
  out.set('findings.outcomes', { kind: 'object', nullable: false, origin, openChildren: { kind: 'enum', nullable: true, values: OUTCOMES, origin } });
  for (const list of ['failedRules', 'errorFailures', 'redFlags', 'waivedRules']) out.set(`findings.${list}`, { kind: 'list', nullable: false, origin });
  for (const n of ['evaluatedCount', 'errorFailureCount', 'redFlagCount', 'waivedCount']) out.set(`findings.${n}`, { kind: 'integer', nullable: false, origin });
}

/**
 * The fact catalogue for rules of `packs` (their declared parameters become `params.<pack>.<name>`).
 * `withFindings` adds the `findings` fact (offered only to rules with `after`).
 */
export function factCatalogue(packs: readonly Pick<Pack, 'meta' | 'rules'>[], withFindings = false): FactCatalogue {
  const out = new Map(baseCatalogue());
  out.set('params', { kind: 'object', nullable: false, origin: 'param' });
  for (const pack of packs) {
    out.set(`params.${pack.meta.name}`, { kind: 'object', nullable: false, origin: 'param' });
    for (const rule of pack.rules) {
      for (const p of rule.parameters ?? []) out.set(`params.${pack.meta.name}.${p.name}`, { kind: PARAMETER_TYPES[p.type].factKind, nullable: true, origin: 'param' });
    }
  }
  if (withFindings) addFindingsFacts(out);
  addCrossFormFacts(out, baseCatalogue());
  return out;
}

/** Look a path up in a catalogue, following open objects (`findings.outcomes.staffing/within-quota`). */
export function lookupFact(catalogue: FactCatalogue, path: string): FactInfo | undefined {
  const direct = catalogue.get(path);
  if (direct) return direct;
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = catalogue.get(parts.slice(0, i).join('.'));
    if (parent?.openChildren && i === parts.length - 1) return parent.openChildren;
    if (parent) return undefined;
  }
  return undefined;
}

export { closest, editDistance } from './closest.js';
