import { SEVERITIES, type Severity } from '@jixiao/core';
import { CliError } from '../io.js';
import type { RuleFilter } from '../packs.js';

/** `--rule` and `--severity` as commander gives them (each repeatable, each value possibly comma-separated). */
export interface FilterFlags {
  rule?: string[];
  severity?: string[];
}

/** Commander's collector for a repeatable option whose values may also be comma-separated. */
export function collectList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

const isSeverity = (value: string): value is Severity => (SEVERITIES as readonly string[]).includes(value);

/** The rule filter of `--rule` / `--severity`, or none; an unknown severity is a usage error naming the allowed ones. */
export function ruleFilter(flags: FilterFlags): RuleFilter | undefined {
  const rules = flags.rule ?? [];
  const severities = flags.severity ?? [];
  for (const s of severities) {
    if (!isSeverity(s)) throw new CliError(`--severity 的值 ${JSON.stringify(s)} 无效，可选：${SEVERITIES.join('、')} / invalid --severity ${JSON.stringify(s)}; allowed: ${SEVERITIES.join(', ')}`);
  }
  if (rules.length === 0 && severities.length === 0) return undefined;
  return { ...(rules.length === 0 ? {} : { rules }), ...(severities.length === 0 ? {} : { severities: severities.filter(isSeverity) }) };
}
