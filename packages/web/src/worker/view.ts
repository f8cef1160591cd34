/**
 * What the page shows of one checked form, worded in the worker by the same helpers the reports use: the
 * places of the file the reader took values from (with those values), the findings pointed at their place,
 * and the import diagnostics.
 */
import { fieldName, fieldValueText, localizeExcerpt, resolvePath, type Evaluation, type EvaluationResult, type Locale, type SourcePosition } from '@jixiao/core';
import { basisText, findingPosition, isWaived, observedEntries, outcomeLabel, packScoreText, parseCell, positionText, scoreCheckText, sortFindings } from '@jixiao/adapters';
import { formatDiagnostic, type ImportDiagnostic, type SourcePositions } from '@jixiao/import';
import type { DiagnosticView, FieldView, FindingView, PlaceView } from './protocol.js';

/** One key per place of the file: a table cell, else a paragraph, else a line (of its page, in a PDF). */
export function placeKey(p: SourcePosition): string | undefined {
  if (p.cell !== undefined) return `cell:${p.cell}`;
  if (p.paragraph !== undefined) return `paragraph:${String(p.paragraph)}`;
  if (p.line !== undefined) return p.page === undefined ? `line:${String(p.line)}` : `page:${String(p.page)}, line:${String(p.line)}`;
  return undefined;
}

/** Document order: page (a PDF), paragraph (a .docx) or line (text, PDF), then the cell's column. */
function order(p: SourcePosition): number {
  return ((p.page ?? 0) * 100_000 + (p.paragraph ?? p.line ?? 99_999)) * 1_000 + (p.column ?? 0);
}

function tableCell(cell: string | undefined): { table?: number; row?: number } {
  const place = cell === undefined ? undefined : parseCell(cell);
  return place?.kind === 'table' ? { table: place.table, row: place.row } : {};
}

/** The places values were read from, in document order, each with its fields. */
export function placesOf(evaluation: Evaluation, positions: SourcePositions, locale: Locale): PlaceView[] {
  const places = new Map<string, { position: SourcePosition; fields: FieldView[] }>();
  const inferred = evaluation.answerResolution ?? {};
  for (const [path, position] of Object.entries(positions)) {
    const key = placeKey(position);
    if (key === undefined) continue;
    const field: FieldView = {
      path,
      label: fieldName(path, locale),
      value: fieldValueText(path, resolvePath(evaluation, path) ?? null, locale),
      inferred: (inferred as Readonly<Record<string, { how: string } | undefined>>)[path]?.how === 'inferred',
    };
    const place = places.get(key);
    if (place === undefined) places.set(key, { position, fields: [field] });
    else place.fields.push(field);
  }
  return [...places]
    .sort(([, a], [, b]) => order(a.position) - order(b.position))
    .map(([key, { position, fields }]) => ({ key, where: positionText(position, locale), ...tableCell(position.cell), excerpt: localizeExcerpt(position.excerpt ?? '', locale), fields }));
}

/** The self-score recomputed and each scoring pack's total, as the reports word them (none for a form without either). */
export function scoresOf(result: EvaluationResult, locale: Locale): string[] {
  return [scoreCheckText(result.scoreCheck, locale), packScoreText(result.scores, locale)].filter((line) => line !== undefined);
}

/** Findings in report order (failures first), each with its place in the file and its item in a scoring pack's total. */
export function findingsOf(result: EvaluationResult, locale: Locale): FindingView[] {
  const index = new Map(result.findings.map((f, i) => [f, i]));
  const items = new Map((result.scores ?? []).flatMap((s) => s.items.map((item) => [item.ruleId, { points: item.points, max: item.max }] as const)));
  return sortFindings(result.findings).map((f) => {
    const at = findingPosition(result, f);
    const key = at === undefined ? undefined : placeKey(at.position);
    const places = [...new Set(f.paths.flatMap((path) => {
      const position = result.positions?.[path];
      const k = position === undefined ? undefined : placeKey(position);
      return k === undefined ? [] : [k];
    }))];
    return {
      index: index.get(f) ?? -1,
      ruleId: f.ruleId,
      checkId: f.messageId,
      title: f.title,
      outcome: f.outcome,
      severity: f.severity,
      waived: isWaived(f),
      redFlag: f.redFlag,
      label: outcomeLabel(f, locale),
      message: f.message,
      notes: (f.notes ?? []).map((n) => n.message),
      observed: observedEntries(f, locale).map(({ label, value }) => ({ label, value })),
      basis: basisText(f.basis, locale),
      ...(isWaived(f) ? { waiver: `${f.waiver.reason} · ${f.waiver.approver} · ${f.waiver.expires}` } : {}),
      ...(items.has(f.ruleId) ? { points: items.get(f.ruleId) } : {}),
      ...(key === undefined ? {} : { place: key }),
      places,
      ...(at === undefined ? {} : { where: positionText(at.position, locale) }),
    };
  });
}

export function diagnosticsOf(diagnostics: readonly ImportDiagnostic[], locale: Locale): DiagnosticView[] {
  return diagnostics.map((d) => {
    const key = placeKey(d);
    return { severity: d.severity, code: d.code, text: formatDiagnostic(d, locale), ...(key === undefined ? {} : { place: key }) };
  });
}
