// The dashboard's sorting and filtering over the batch summary's columns: numbers by value (a pack score by its
// points, "n" meaning at least n), text by what the cell says, blanks last both ways, severity and rule filters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchColumn } from '@jixiao/adapters';
import type { CheckedForm, SortKey, SummaryColumn } from '../worker/protocol.js';
import { totalsCells } from '../worker/summary.js';
import { attentionOrder, filterForms, filtering, isNumeric, mostFailed, sameItems, shownColumns, sortForms } from './table.js';

type Keys = Partial<Record<BatchColumn, SortKey>>;

let nextId = 0;
/** A form whose row has these sort keys, each cell the key as text (— for a blank) unless given. */
function form(file: string, keys: Keys, cells: Partial<Record<BatchColumn, string>> = {}, failed: readonly string[] = []): CheckedForm {
  const allKeys = { source: file, unit: null, fiscalYear: null, template: null, selfRating: null, suggestedGrade: null, packScore: null, errors: 0, warnings: 0, infos: 0, indeterminate: 0, redFlags: 0, waived: 0, ratingSupported: null, diagnostics: 0, ...keys } satisfies Record<BatchColumn, SortKey>;
  const allCells = Object.fromEntries(Object.entries(allKeys).map(([c, k]) => [c, cells[c as BatchColumn] ?? k ?? '—'])) as Record<BatchColumn, string | number>;
  return {
    id: nextId++,
    ok: true,
    kind: 'json',
    row: { file, unit: typeof allKeys.unit === 'string' ? allKeys.unit : null, columns: Object.keys(allKeys).filter((c) => c !== 'packScore' || keys.packScore !== undefined) as BatchColumn[], cells: allCells, keys: allKeys },
    brief: {
      source: file,
      unit: typeof allKeys.unit === 'string' ? allKeys.unit : null,
      fiscalYear: null,
      selfRating: null,
      rules: 10,
      passed: 10 - failed.length,
      notApplicable: 0,
      errors: Number(allKeys.errors),
      warnings: Number(allKeys.warnings),
      infos: Number(allKeys.infos),
      indeterminate: Number(allKeys.indeterminate),
      redFlags: Number(allKeys.redFlags),
      waived: Number(allKeys.waived),
      diagnostics: Number(allKeys.diagnostics),
      ratingSupported: null,
      failedRules: failed,
    },
    attention: failed,
  };
}

const files = (forms: readonly CheckedForm[]) => forms.map((f) => f.row.file);

describe('the dashboard table', () => {
  it('shows the pack score column only when a form has a pack score', () => {
    const columns: SummaryColumn[] = [{ id: 'source', label: '文件' }, { id: 'packScore', label: '评分（规则包）' }, { id: 'errors', label: '错误' }];
    expect(shownColumns(columns, [form('a', {})]).map((c) => c.id)).toEqual(['source', 'errors']);
    expect(shownColumns(columns, [form('a', {}), form('b', { packScore: 8 }, { packScore: '8/16' })]).map((c) => c.id)).toEqual(['source', 'packScore', 'errors']);
  });

  it('filters a number column by "at least n" on its value (an undecided pack score is not at least anything), a text column by what it contains', () => {
    const forms = [form('a', { packScore: 8 }, { packScore: '8/16' }), form('b', { packScore: 12.5 }, { packScore: '12.5/16' }), form('c', { packScore: null }, { packScore: '?/16' }), form('d', { fiscalYear: '2020', unit: '北塔区司法局' })];
    expect(isNumeric('packScore', forms)).toBe(true);
    expect(files(filterForms(forms, { columns: { packScore: '10' } }))).toEqual(['b']);
    expect(files(filterForms(forms, { columns: { packScore: '16' } }))).toEqual([]);
    expect(files(filterForms(forms, { columns: { packScore: '8' } }))).toEqual(['a', 'b']);
    // Words in a number column match the cell's text (the undecided ones).
    expect(files(filterForms(forms, { columns: { packScore: '?' } }))).toEqual(['c']);
    // The year is text: 2020 is that year, not 2020 and after.
    expect(isNumeric('fiscalYear', forms)).toBe(false);
    expect(files(filterForms(forms, { columns: { fiscalYear: '202' } }))).toEqual(['d']);
    expect(files(filterForms(forms, { columns: { unit: '北塔', fiscalYear: ' ' } }))).toEqual(['d']);
  });

  it('filters by severity (import diagnostics and info among them) and by a rule that failed', () => {
    const forms = [form('clean', {}), form('diag', { diagnostics: 2 }), form('info', { infos: 1 }, {}, ['x/y']), form('bad', { errors: 1 }, {}, ['a/b'])];
    expect(files(filterForms(forms, { columns: {}, severity: 'diagnostics' }))).toEqual(['diag']);
    expect(files(filterForms(forms, { columns: {}, severity: 'infos' }))).toEqual(['info']);
    expect(files(filterForms(forms, { columns: {}, severity: 'clean' }))).toEqual(['clean', 'diag', 'info']);
    expect(files(filterForms(forms, { columns: {}, rule: 'a/b' }))).toEqual(['bad']);
  });

  it('starts in the CLI summary’s order, totals the forms shown as its totals row does, counts failed rules by unit', () => {
    const forms = [form('clean', { unit: '甲' }), form('warn', { unit: '乙', warnings: 2 }), form('b-err', { unit: '丙', errors: 1 }, {}, ['a/b']), form('a-err', { unit: '丙', errors: 2 }, {}, ['a/b', 'c/d'])];
    // Errors first (one unit: by file), then the warning, then the clean form.
    expect(files(attentionOrder(forms))).toEqual(['a-err', 'b-err', 'warn', 'clean']);
    const totals = totalsCells(forms.map((f) => f.brief), 'zh-CN');
    expect([totals.source, totals.errors, totals.warnings, totals.unit]).toEqual(['合计（已检查 4 份）', 3, 2, null]);
    // a/b failed in two forms of one unit; c/d in one.
    expect(mostFailed(forms, new Map([['a/b', '规则甲'], ['c/d', '规则乙']]))).toEqual([{ ruleId: 'a/b', title: '规则甲', units: 1, forms: 2 }, { ruleId: 'c/d', title: '规则乙', units: 1, forms: 1 }]);
  });

  it('sorts by a column’s value either way, blanks last both ways, ties by file (a property)', () => {
    const key = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 12 }), fc.boolean(), (points, descending) => {
        const forms = points.map((p, i) => form(`f${String(i).padStart(2, '0')}`, { packScore: p }));
        const sorted = sortForms(forms, { column: 'packScore', descending });
        expect(sorted).toHaveLength(forms.length);
        const values = sorted.map((f) => f.row.keys.packScore);
        const blanks = values.filter((v) => v === null).length;
        // Blanks at the end, whichever the direction.
        expect(values.slice(values.length - blanks).every((v) => v === null)).toBe(true);
        const numbers = values.slice(0, values.length - blanks) as number[];
        const sign = descending ? -1 : 1;
        numbers.forEach((n, i) => {
          if (i > 0) expect(sign * (n - (numbers[i - 1] ?? n))).toBeGreaterThanOrEqual(0);
        });
        // Equal values keep file order.
        sorted.forEach((f, i) => {
          const before = sorted[i - 1];
          if (before === undefined) return;
          if (before.row.keys.packScore === f.row.keys.packScore) expect(before.row.file < f.row.file).toBe(true);
        });
      }),
    );
  });
});

describe('sameItems (the dashboard keeps its totals row while the forms shown are the same)', () => {
  it('holds exactly when both lists have the same elements, by identity, in the same order', () => {
    const a = form('a.json', {});
    const b = form('b.json', {});
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([], [])).toBe(true);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a], [a, b])).toBe(false);
    // An equal form made again (a recheck with new rules) is another form.
    expect(sameItems([a], [{ ...a }])).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }), (x, y) => {
        const pool = [a, b, form('c.json', {}), form('d.json', {})];
        const pick = (ns: number[]) => ns.map((n) => pool[n]);
        expect(sameItems(pick(x), pick(y))).toBe(x.join() === y.join());
      }),
    );
  });
});

describe('filtering (the dashboard offers to clear its filters)', () => {
  it('is set by a column’s text, the severity or the rule, not by an emptied column', () => {
    expect(filtering({ columns: {} })).toBe(false);
    expect(filtering({ columns: { unit: '' } })).toBe(false);
    expect(filtering({ columns: { unit: '司法' } })).toBe(true);
    expect(filtering({ columns: {}, severity: 'errors' })).toBe(true);
    expect(filtering({ columns: {}, rule: 'integrity/income-total' })).toBe(true);
  });
});
