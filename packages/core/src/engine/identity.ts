import type { LocalizedText } from '../i18n/locale.js';

/**
 * Who submitted a form, as the cross-form checks join forms: by 预算编码 (`unit.code`) where the form states it,
 * else by the unit name normalised. One normaliser for each, so "北塔区司法局（盖章）", "北塔区 司法局" and
 * "北塔区司法局" are one unit, and nothing else is guessed: a join that could go two ways is reported
 * ({@link JoinDiagnostic}), never made.
 */

/**
 * A seal annotation in brackets after (or inside) a unit name: （盖章）, (公章), 【章】, （单位盖章）, （签字盖章）,
 * （盖单位公章）… — after NFKC, so full-width brackets are ASCII ones here. Only the words of a seal may stand
 * inside, so a name that holds other bracketed text (a district in brackets) keeps it.
 */
const SEAL = /[([【〔]\s*(?:[盖签公印字及和并、]|单位)*章\s*[)\]】〕]/gu;

/** Whitespace of any kind and invisible format characters (zero-width spaces, joiners, bidi marks). */
const INVISIBLE = /[\s\p{Cf}]+/gu;

/**
 * The unit name as the join compares it: NFKC (full-width letters, digits, brackets and spaces to their usual
 * forms), seal annotations removed, every space and invisible character removed. Null for a blank name.
 */
export function normalizeUnitName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const out = name.normalize('NFKC').replace(INVISIBLE, '').replace(SEAL, '');
  return out === '' ? null : out;
}

/** The 预算编码 as the join compares it: NFKC, no spaces or invisible characters, Latin letters upper-case. */
export function normalizeUnitCode(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const out = code.normalize('NFKC').replace(INVISIBLE, '').toUpperCase();
  return out === '' ? null : out;
}

/** A form's unit as the join sees it (both normalised; either may be unknown). */
export interface UnitIdentity {
  readonly code: string | null;
  readonly name: string | null;
}

export function unitIdentity(unit: { readonly name: string | null; readonly code?: string | null | undefined }): UnitIdentity {
  return { code: normalizeUnitCode(unit.code), name: normalizeUnitName(unit.name) };
}

/** One form as the join sees it. */
export interface JoinInput {
  readonly source: string;
  readonly identity: UnitIdentity;
  readonly fiscalYear: number | null;
}

/** Why two forms were not joined, or what the join found that a reviewer must see. */
export interface JoinDiagnostic {
  /**
   * `code-several-names`: one 预算编码 with different unit names (a renamed unit, or a wrong code: not joined);
   * `name-several-codes`: one unit name under different codes (two units of one name: forms with the name only are
   * not joined); `previous-ambiguous`: more than one form of the unit for the previous year (no history given).
   */
  readonly code: 'code-several-names' | 'name-several-codes' | 'previous-ambiguous';
  readonly message: LocalizedText;
  /** The forms concerned, in source order. */
  readonly sources: readonly string[];
}

/** What the join gives each form (by its index in the input). */
export interface Join {
  /** The unit each form was joined as (`code:…` or `name:…`), or null when it is not joined to any other. */
  readonly unitKey: readonly (string | null)[];
  /** The index of the form of the same unit for fiscal year − 1, when there is exactly one. */
  readonly previous: readonly (number | undefined)[];
  /** For a form whose previous year has several forms: their indexes (no previous is chosen). */
  readonly previousAmbiguous: readonly (readonly number[] | undefined)[];
  readonly diagnostics: readonly JoinDiagnostic[];
}

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Join forms by unit and fiscal year. A form with a code is its code's unit, unless the code comes with
 * different names in this set (reported, not joined); a form without a code is its name's unit — the code's
 * unit when exactly one code is stated with that name, not joined when several are (reported). The result does
 * not depend on the order of `forms` (diagnostics list sources in code-unit order).
 */
export function joinForms(forms: readonly JoinInput[]): Join {
  const namesOfCode = new Map<string, Set<string>>();
  const codesOfName = new Map<string, Set<string>>();
  for (const { identity: { code, name } } of forms) {
    if (code === null || name === null) continue;
    let names = namesOfCode.get(code);
    if (names === undefined) namesOfCode.set(code, (names = new Set()));
    names.add(name);
    let codes = codesOfName.get(name);
    if (codes === undefined) codesOfName.set(name, (codes = new Set()));
    codes.add(code);
  }
  const diagnostics: JoinDiagnostic[] = [];
  const reportedCodes = new Map<string, string[]>();
  const reportedNames = new Map<string, string[]>();
  const unitKey = forms.map((form): string | null => {
    const { code, name } = form.identity;
    if (code !== null) {
      if ((namesOfCode.get(code)?.size ?? 0) > 1) {
        addTo(reportedCodes, code, form.source);
        return null;
      }
      return `code:${code}`;
    }
    if (name === null) return null;
    const codes = codesOfName.get(name);
    if (codes === undefined) return `name:${name}`;
    if (codes.size > 1) {
      addTo(reportedNames, name, form.source);
      return null;
    }
    const [only = ''] = codes;
    // The name's one code may itself be ambiguous (stated with other names too): then not joined either.
    return (namesOfCode.get(only)?.size ?? 0) > 1 ? null : `code:${only}`;
  });
  for (const [code, sources] of [...reportedCodes].sort(([a], [b]) => codeUnits(a, b))) {
    const names = [...(namesOfCode.get(code) ?? [])].sort(codeUnits);
    diagnostics.push({
      code: 'code-several-names',
      sources: sources.sort(codeUnits),
      message: {
        'zh-CN': `预算编码 ${code} 对应多个单位名称（${names.join('、')}）：未按单位关联，请核实编码或名称`,
        en: `budget code ${code} comes with several unit names (${names.join(', ')}): not joined; check the code or the names`,
      },
    });
  }
  for (const [name, sources] of [...reportedNames].sort(([a], [b]) => codeUnits(a, b))) {
    const codes = [...(codesOfName.get(name) ?? [])].sort(codeUnits);
    diagnostics.push({
      code: 'name-several-codes',
      sources: sources.sort(codeUnits),
      message: {
        'zh-CN': `单位名称“${name}”对应多个预算编码（${codes.join('、')}），而这些表未填预算编码：无法确定是哪个单位，未关联`,
        en: `unit name "${name}" comes with several budget codes (${codes.join(', ')}) and these forms state none: which unit they belong to is unknown, not joined`,
      },
    });
  }
  const byUnitYear = new Map<string, number[]>();
  forms.forEach((form, i) => {
    const key = unitKey[i];
    if (key !== null && key !== undefined && form.fiscalYear !== null) addTo(byUnitYear, `${key}\u0000${String(form.fiscalYear)}`, i);
  });
  const bySource = (a: number, b: number) => codeUnits(forms[a]?.source ?? '', forms[b]?.source ?? '');
  const previous: (number | undefined)[] = [];
  const previousAmbiguous: (readonly number[] | undefined)[] = [];
  const reportedPrevious = new Set<string>();
  forms.forEach((form, i) => {
    const key = unitKey[i];
    const found = key === null || key === undefined || form.fiscalYear === null ? undefined : byUnitYear.get(`${key}\u0000${String(form.fiscalYear - 1)}`);
    if (found === undefined) return;
    if (found.length === 1) {
      previous[i] = found[0];
      return;
    }
    const sorted = [...found].sort(bySource);
    previousAmbiguous[i] = sorted;
    const id = `${key ?? ''}\u0000${String(form.fiscalYear)}`;
    if (reportedPrevious.has(id)) return;
    reportedPrevious.add(id);
    const sources = sorted.map((j) => forms[j]?.source ?? '');
    const year = String((form.fiscalYear ?? 0) - 1);
    diagnostics.push({
      code: 'previous-ambiguous',
      sources,
      message: {
        'zh-CN': `同一单位 ${year} 年度有 ${String(sources.length)} 份表（${sources.join('、')}）：无法确定哪一份是上年的表，跨年度核对未进行`,
        en: `the unit has ${String(sources.length)} forms for ${year} (${sources.join(', ')}): which one is the previous year's is unknown, so no cross-year check was made`,
      },
    });
  });
  diagnostics.sort((a, b) => codeUnits(a.code, b.code) || codeUnits(a.sources[0] ?? '', b.sources[0] ?? ''));
  return { unitKey, previous, previousAmbiguous, diagnostics };
}
