import type { LocalizedText } from '../i18n/locale.js';
import { parameterValueProblem, type Config, type Parameter, type ParameterValue } from '../pack/schema.js';

/** A parameter as the engine knows it: `pack.name` with its dated values (config overrides applied). */
export interface ResolvedParameter {
  readonly id: string;
  readonly definition: Parameter;
  readonly values: readonly ParameterValue[];
  readonly overridden: boolean;
}

const ALWAYS = '0001-01-01';

/** A config's parameter value of the wrong type: which parameter, where in the config, and why. */
export interface ParameterValueIssue {
  /** `pack.name`. */
  readonly parameter: string;
  /** Path in the config: `parameters.integrity.incomeTotalTolerance` or `….1.value` for a dated value. */
  readonly path: string;
  readonly message: LocalizedText;
}

/** A config sets a parameter to a value of the wrong type (a configuration error, never a silent pass). */
export class ParameterValueError extends Error {
  readonly code = 'PARAMETER_TYPE';
  constructor(readonly issues: readonly ParameterValueIssue[]) {
    super(issues.map((i) => `${i.message['zh-CN']} / ${i.message.en}`).join('\n'));
    this.name = 'ParameterValueError';
  }
}

/**
 * Apply a config's parameter overrides: a plain value is in force always; a list replaces the dated values. Every
 * value must be of the parameter's declared type (see `PARAMETER_TYPES`): otherwise {@link ParameterValueError}.
 */
export function applyParameterOverrides(
  params: ReadonlyMap<string, Parameter>,
  overrides: Config['parameters'],
): Map<string, ResolvedParameter> {
  const out = new Map<string, ResolvedParameter>();
  const issues: ParameterValueIssue[] = [];
  for (const [id, definition] of params) {
    const o = overrides?.[id];
    if (o === undefined) {
      out.set(id, { id, definition, values: definition.values, overridden: false });
      continue;
    }
    const values = Array.isArray(o) ? o : [{ from: ALWAYS, value: o, basis: 'jixiao.config.json' }];
    for (const [i, v] of values.entries()) {
      const message = parameterValueProblem(id, definition.type, definition.nullable === true, v.value);
      if (message) issues.push({ parameter: id, path: `parameters.${id}${Array.isArray(o) ? `.${String(i)}.value` : ''}`, message });
    }
    out.set(id, { id, definition, values, overridden: true });
  }
  if (issues.length > 0) throw new ParameterValueError(issues);
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
