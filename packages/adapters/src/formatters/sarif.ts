import type { Log, Location, ReportingDescriptor, Result } from 'sarif';
import type { CompiledRule, EvaluationResult, Finding, Locale, Severity } from '@jixiao/core';
import { basisText, citation, findingPosition, labelOf, observedEntries } from './common.js';
import type { FormatOptions } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const KIND: Record<Finding['outcome'], Result.kind> = { fail: 'fail', indeterminate: 'review', 'not-applicable': 'notApplicable', pass: 'pass' };

/**
 * The submitted file as a SARIF artifact URI (a URI reference): relative paths stay relative with each segment
 * percent-encoded (so spaces and CJK names are valid), absolute paths become `file://` URIs.
 */
export function artifactUri(source: string): string {
  // encodeURIComponent throws on a lone surrogate: such a name cannot come from a file system, but never throw.
  const slashed = source.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/\\/g, '/');
  const encode = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${slashed.slice(0, 2)}${encode(slashed.slice(2))}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed);
}

interface RuleEntry {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly severity: Severity;
  readonly pack: string;
  readonly redFlag: boolean;
  readonly basis: Finding['basis'];
  readonly tags?: readonly string[];
}

function fromCompiled(c: CompiledRule, locale: Locale): RuleEntry {
  const { rule } = c;
  return {
    id: rule.id,
    title: rule.title[locale],
    ...(rule.description === undefined ? {} : { description: rule.description[locale] }),
    severity: c.severity,
    pack: c.pack.name,
    redFlag: rule.redFlag === true,
    basis: rule.basis,
    ...(rule.tags === undefined ? {} : { tags: rule.tags }),
  };
}

/** The catalogue: the loaded rules when given, else every rule seen in a finding; sorted by id. */
function catalogue(results: readonly EvaluationResult[], options: FormatOptions): RuleEntry[] {
  const byId = new Map<string, RuleEntry>();
  for (const c of options.rules ?? []) byId.set(c.rule.id, fromCompiled(c, options.locale));
  for (const r of results) {
    for (const f of r.findings) {
      if (byId.has(f.ruleId)) continue;
      // A failure mode may carry its own severity; the rule's default is the one of any non-failing finding.
      byId.set(f.ruleId, { id: f.ruleId, title: f.title, severity: f.severity, pack: f.pack, redFlag: f.redFlag, basis: f.basis });
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function descriptor(rule: RuleEntry, locale: Locale): ReportingDescriptor {
  const basis = basisText(rule.basis, locale);
  const lead = locale === 'zh-CN' ? '依据：' : 'Legal basis: ';
  return {
    id: rule.id,
    name: rule.id.slice(rule.id.indexOf('/') + 1),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description ?? rule.title },
    help: {
      text: `${lead}${basis}`,
      markdown: `**${locale === 'zh-CN' ? '依据' : 'Legal basis'}**\n\n${rule.basis.map((b) => `- ${citation(b, locale)}`).join('\n')}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { pack: rule.pack, redFlag: rule.redFlag, ...(rule.tags === undefined ? {} : { tags: [...rule.tags] }) },
  };
}

function locationOf(r: EvaluationResult, f: Finding, artifactIndex: number, locale: Locale): Location {
  const at = findingPosition(r, f);
  const fieldPath = at?.path ?? f.paths[0];
  const position = at?.position;
  const region =
    position?.line === undefined
      ? undefined
      : {
          startLine: position.line,
          ...(position.column === undefined ? {} : { startColumn: position.column }),
          ...(position.endLine === undefined ? {} : { endLine: position.endLine }),
          ...(position.endColumn === undefined ? {} : { endColumn: position.endColumn }),
          ...(position.excerpt === undefined ? {} : { snippet: { text: position.excerpt } }),
        };
  const docx = position === undefined ? {} : { ...(position.paragraph === undefined ? {} : { paragraph: position.paragraph }), ...(position.cell === undefined ? {} : { cell: position.cell }) };
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(r.source), index: artifactIndex },
      ...(region === undefined ? {} : { region }),
      ...(Object.keys(docx).length === 0 && (position?.excerpt === undefined || region !== undefined) ? {} : { properties: { ...docx, ...(region === undefined && position?.excerpt !== undefined ? { excerpt: position.excerpt } : {}) } }),
    },
    ...(fieldPath === undefined
      ? {}
      : { logicalLocations: [{ name: labelOf(fieldPath, locale), fullyQualifiedName: fieldPath, kind: 'member', properties: { label: labelOf(fieldPath, 'zh-CN') } }] }),
  };
}

/**
 * SARIF 2.1.0: one run; the rule catalogue in `tool.driver.rules` (id, name, short/full description, help with
 * the legal basis, default level); one result per finding — failures with their level, the other outcomes with
 * `kind` pass/review/notApplicable (SARIF requires level "none" for those) — each located in the submitted file
 * (line/column from the importer's source positions) and at the form field it is about.
 */
export function formatSarif(results: readonly EvaluationResult[], options: FormatOptions): string {
  const { locale } = options;
  const rules = catalogue(results, options);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: string[] = [];
  const artifactIndex = (source: string) => {
    const uri = artifactUri(source);
    const found = artifacts.indexOf(uri);
    if (found >= 0) return found;
    artifacts.push(uri);
    return artifacts.length - 1;
  };
  const sarifResults: Result[] = [];
  for (const r of results) {
    const index = artifactIndex(r.source);
    for (const f of r.findings) {
      sarifResults.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
        kind: KIND[f.outcome],
        level: f.outcome === 'fail' ? LEVEL[f.severity] : 'none',
        message: { text: f.message },
        locations: [locationOf(r, f, index, locale)],
        // A reviewer's waiver is an accepted external suppression (SARIF §3.35).
        ...(f.outcome === 'fail' && f.waiver !== undefined
          ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: `${f.waiver.reason} (${f.waiver.approver}, ${f.waiver.expires})` }] }
          : {}),
        properties: {
          outcome: f.outcome,
          severity: f.severity,
          redFlag: f.redFlag,
          messageId: f.messageId,
          unit: r.evaluation.unit,
          fiscalYear: r.evaluation.fiscalYear,
          observed: Object.fromEntries(observedEntries(f, locale).map((e) => [e.path, e.value])),
        },
      });
    }
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'jixiao', version: options.toolVersion, semanticVersion: options.toolVersion, language: locale, rules: rules.map((r) => descriptor(r, locale)) } },
        language: locale,
        columnKind: 'utf16CodeUnits',
        artifacts: artifacts.map((uri) => ({ location: { uri } })),
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
