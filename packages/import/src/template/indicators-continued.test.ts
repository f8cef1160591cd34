import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../docx/import-docx.js';
import { importText } from '../text/import-text.js';
import { importXlsx } from '../xlsx/import-xlsx.js';

/** The indicator list read on past a break in its table (indicators.ts, `continuedRows`). */

describe('an indicator table carried on after a break (a page, a paragraph, the next sheet): the rows after it are read', () => {
  const head = ['2021年度部门整体支出绩效自评表', '部门名称：某某县水利局', '年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |', '100 | 100 | 100 | 10 | 100% | 10 |'];
  const header = '一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因及改进措施 |';
  const first = ['产出 | 数量 | 灌区改造 | ≥2个 | 2个 | 50 | 50 | 无 |', '产出 | 质量 | 验收合格率 | 100% | 100% | 20 | 20 | 无 |'];
  const after = ['效益 | 社会 | 受益人口 | ≥5万人 | 2万人 | 20 | 20 | 无 |', '合计 | | | | | 90 | 90 | |'];
  const names = (r: ReturnType<typeof importText>) => (r.ok ? r.evaluation.selfAssessment?.indicators?.map((i) => i.name) : undefined);

  it('text broken by a page footer and header (a PDF, a web page): the rows and the 合计 row after the break', () => {
    const r = importText([...head, header, ...first, '第 1 页 共 2 页', '2021年度部门整体支出绩效自评表', ...after].join('\n'));
    expect(names(r)).toEqual(['灌区改造', '验收合格率', '受益人口']);
    expect(r.ok && r.evaluation.selfAssessment?.totalPoints).toBe(90);
    expect(r.ok && r.positions['selfAssessment.indicators.2.actual']).toMatchObject({ line: 10 });
    // The header printed again at the top of the next page is no indicator.
    const repeated = importText([...head, header, ...first, '第 1 页', header, ...after].join('\n'));
    expect(names(repeated)).toEqual(['灌区改造', '验收合格率', '受益人口']);
  });

  it('a Word table split in two by a paragraph', () => {
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const table = (lines: string[]) => `<w:tbl>${lines.map((l) => `<w:tr>${l.split('|').slice(0, -1).map((t) => cell(t.trim())).join('')}</w:tr>`).join('')}</w:tbl>`;
    const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const body = [para(head[0] ?? ''), para(head[1] ?? ''), table(head.slice(2)), table([header, ...first]), para(''), table(after)].join('');
    const r = importDocx(
      zipSync({
        '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
      }),
    );
    expect(names(r)).toEqual(['灌区改造', '验收合格率', '受益人口']);
  });

  it('the next worksheet, its header repeated', async () => {
    const book = new ExcelJS.Workbook();
    const one = book.addWorksheet('自评表');
    for (const line of [...head, header, ...first]) one.addRow(line.split('|').slice(0, -1).map((t) => t.trim()).map((t) => (t === '' ? null : t)));
    const two = book.addWorksheet('自评表（续）');
    for (const line of [header, ...after]) two.addRow(line.split('|').slice(0, -1).map((t) => t.trim()).map((t) => (t === '' ? null : t)));
    const r = await importXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(names(r)).toEqual(['灌区改造', '验收合格率', '受益人口']);
  });

  it('a table of another shape after the indicators is not taken for more of them', () => {
    const r = importText([...head, header, ...first, '', '填表人 | 张三 |', '联系电话 | 12345678 |'].join('\n'));
    expect(names(r)).toEqual(['灌区改造', '验收合格率']);
  });
});
