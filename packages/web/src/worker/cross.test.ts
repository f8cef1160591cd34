// The cross-form pass of the page knows each form by the page's id: two forms can share a file name (自评表.docx from
// two folders, one file dropped twice), and the run names a form by its source alone.
import { describe, expect, it } from 'vitest';
import { createChecker, formRecord, passingEvaluation, type Evaluation } from '@jixiao/core';
import { standardPacks } from '@jixiao/standard';
import { crossFormView } from './cross.js';
import type { HeldForm } from './protocol.js';

const NARRATIVE = '全年共办理法律援助案件312件，为困难群众挽回经济损失约460万元；开展普法宣传活动48场，覆盖群众2.3万人次；人民调解组织调处矛盾纠纷1,025件，调解成功率达98%。';
const checker = createChecker(standardPacks());

function held(id: number, source: string, unit: string, line: number): HeldForm {
  const evaluation: Evaluation = { ...passingEvaluation(), unit: { name: unit }, fiscalYear: 2021, achievements: NARRATIVE };
  return { id, source, evaluation, positions: { achievements: { line } }, record: formRecord(evaluation, source) };
}

describe('the cross-form view of forms sharing a file name', () => {
  it('puts each copied-narrative finding on its own form and points it at the other, by id; the names are the files’ names', () => {
    // Ids as the page gives them (not in the order of the list: the forms come from several workers).
    const forms = [held(7, '自评表.docx', '乙', 61), held(3, '自评表.docx', '甲', 60), held(5, 'other.docx', '丙', 62)];
    const view = crossFormView(checker, forms, 'zh-CN');
    const copied = view?.findings.filter((f) => f.ruleId === 'batch/copied-narrative') ?? [];
    const unitOf = new Map([[7, '乙'], [3, '甲'], [5, '丙']]);
    // Each finding is on the form of its unit (the report's unit cell), and names forms other than its own.
    expect(copied.map((f) => [unitOf.get(f.form), f.cells[1]])).toEqual([
      ['丙', '丙'],
      ['甲', '甲'],
      ['乙', '乙'],
    ]);
    for (const f of copied) {
      expect(f.related.length).toBeGreaterThan(0);
      for (const r of f.related) {
        expect(r.form).not.toBe(f.form);
        expect(r.text).toContain(`${r.source}（${unitOf.get(r.form) ?? ''}`);
      }
    }
    // The places of the other form are its own (甲's narrative at line 60, 乙's at 61).
    const onJia = copied.find((f) => f.form === 3);
    expect(onJia?.places).toEqual(['line:60']);
    // Whatever the run called the forms, the page and its exports see the files' names only.
    expect(view?.report.findings.map((f) => f.source)).toEqual(['other.docx', '自评表.docx', '自评表.docx']);
    expect(JSON.stringify(view)).not.toContain('\\u0000');
  });

  it('leaves distinct names as they are: the same view, ids aside, as forms of one name each', () => {
    const forms = [held(0, 'a.docx', '甲', 60), held(1, 'b.docx', '乙', 61)];
    const view = crossFormView(checker, forms, 'zh-CN');
    expect(view?.findings.map((f) => [f.form, f.source, f.related.map((r) => [r.form, r.source])])).toEqual([
      [0, 'a.docx', [[1, 'b.docx']]],
      [1, 'b.docx', [[0, 'a.docx']]],
    ]);
  });
});

describe('the notes of the cross-form rules (issue 15, lead\'s review)', () => {
  it('a unit that spent nothing on 三公 in either year: the pass\'s note is listed on its form, as the reports word it', () => {
    const form = (id: number, fiscalYear: number): HeldForm => {
      const base = passingEvaluation();
      const evaluation: Evaluation = { ...base, fiscalYear, threePublic: { ...base.threePublic, declined: 'yes' }, expenditure: { ...base.expenditure, threePublic: 0, threePublicPriorYear: null }, costControl: undefined };
      return { id, source: `${String(fiscalYear)}.json`, evaluation, positions: {}, record: formRecord(evaluation, `${String(fiscalYear)}.json`) };
    };
    const view = crossFormView(checker, [form(4, 2020), form(9, 2021)], 'zh-CN');
    expect(view?.notesHeading).toBe('请复核');
    const note = view?.notes.find((n) => n.text.includes('三公经费均为 0'));
    expect(note).toMatchObject({ form: 9, text: expect.stringContaining('2021.json（') as string });
    expect(view?.report.reviewNotes?.some((n) => n.ruleId === 'history/three-public-declined' && n.source === '2021.json')).toBe(true);
  });
});
