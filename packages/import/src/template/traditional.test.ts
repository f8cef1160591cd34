import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importText } from '../text/import-text.js';
import { isTraditional, toSimplified } from './traditional.js';

describe('text in traditional characters', () => {
  it('maps each traditional character to its simplified form, one for one', () => {
    expect(toSimplified('項目支出績效自評表')).toBe('项目支出绩效自评表');
    expect(toSimplified('麗江市古城區自然資源局')).toBe('丽江市古城区自然资源局');
    // Simplified text and figures are left as they are.
    expect(toSimplified('部门整体支出绩效自评表 7.29 万元')).toBe('部门整体支出绩效自评表 7.29 万元');
  });

  it('keeps every position: the length never changes (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => toSimplified(s).length === s.length));
  });

  it('a simplified document is not taken for a traditional one, even quoting a traditional name', () => {
    expect(isTraditional(['部门整体支出绩效自评报告', '单位名称：某某局（原“某某局”，旧称“麗江”）', '编制人数 20 实有人数 18'])).toBe(false);
    expect(isTraditional(['項目支出績效自評表', '項目名稱 主管部門 實施單位'])).toBe(true);
  });

  it('a 项目支出 form in traditional characters, with a converter\'s pinyin notes, is refused as a 项目支出 form', () => {
    const r = importText(['| 2020年度項(xiàng)目支出績效自評表 |', '| 項(xiàng)目名稱 | 某某經(jīng)費(fèi) |', '| 主管部門 | 某某局 | 實(shí)施單位 | 某某區(qū)某某局 |', '| 項(xiàng)目資金 (萬元) | 年初預(yù)算數(shù) |'].join('\n'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('project-expenditure-form');
  });

  it('a self-evaluation in traditional characters is read, with a note; its figures as written', () => {
    const r = importText(['岳陽市2019年度部門(單位)整體支出 |', '績效評價自評報告 |', '部門(單位)名稱: 某某局 |', '預 算 編 碼: 123001 |', '一、部門(單位)基本概況 |', '人員編制 |', '30 |', '實有人數 |', '28 |'].join('\n'));
    if (!r.ok) throw new Error(r.diagnostics[0]?.message.en);
    expect(r.template?.id).toBe('t2-yueyang-report');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2019, unit: { name: '某某局', code: '123001' }, staffing: { authorized: 30, actual: 28 } });
    expect(r.diagnostics[0]).toMatchObject({ code: 'traditional-characters', severity: 'info' });
  });
});
