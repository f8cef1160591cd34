import type { Config, Parameter, ParameterValue } from '../pack/schema.js';

/** A parameter as the engine knows it: `pack.name` with its dated values (config overrides applied). */
export interface ResolvedParameter {
  readonly id: string;
  readonly definition: Parameter;
  readonly values: readonly ParameterValue[];
  readonly overridden: boolean;
}

const ALWAYS = '0001-01-01';

/** Apply a config's parameter overrides: a plain value is in force always; a list replaces the dated values. */
export function applyParameterOverrides(
  params: ReadonlyMap<string, Parameter>,
  overrides: Config['parameters'],
): Map<string, ResolvedParameter> {
  const out = new Map<string, ResolvedParameter>();
  for (const [id, definition] of params) {
    const o = overrides?.[id];
    if (o === undefined) out.set(id, { id, definition, values: definition.values, overridden: false });
    else if (Array.isArray(o)) out.set(id, { id, definition, values: o, overridden: true });
    else out.set(id, { id, definition, values: [{ from: ALWAYS, value: o, basis: 'jixiao.config.json' }], overridden: true });
  }
  return out;
}

/**
 * The value in force for a fiscal year: the latest value whose period covers 31 December of that year (the
 * date the year's accounts close). Without a fiscal year, the latest value.
 */
export function valueInForce(values: readonly ParameterValue[], fiscalYear: number | null): ParameterValue | undefined {
  const sorted = [...values].sort((a, b) => a.from.localeCompare(b.from));
  if (fiscalYear === null) return sorted.at(-1);
  const day = `${String(fiscalYear).padStart(4, '0')}-12-31`;
  let found: ParameterValue | undefined;
  for (const v of sorted) if (v.from <= day && (v.until === undefined || v.until >= day)) found = v;
  return found;
}

/** `{ pack: { name: value } }` for the `params` fact. */
export function paramsFact(params: ReadonlyMap<string, ResolvedParameter>, fiscalYear: number | null): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const p of params.values()) {
    const [pack = '', name = ''] = p.id.split('.');
    out[pack] ??= {};
    out[pack][name] = valueInForce(p.values, fiscalYear)?.value ?? null;
  }
  return out;
}
