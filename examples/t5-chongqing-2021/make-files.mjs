// Writes form.xlsx and form.docx: the 重庆 部门整体绩效自评表 of SOURCE.md as its preview publishes it (the same
// cells in both), one worksheet / one Word document laid out as the form is. Run from the repository root:
//   node examples/t5-chongqing-2021/make-files.mjs
// The files are committed; this script says exactly what is in them.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

const TITLE = '部门整体绩效自评表';
/** Blocks of the form: each a table of rows (cells as published; '' where the preview shows nothing). */
const INFO = [
  ['主管部门', '', '财政处室', '', '自评总分（分）', '97.6'],
  ['部门联系人', '（略）', '联系电话', '（略）', '', ''],
];
// 年初预算数, 全年（调整）预算数 and 全年执行数 are unreadable in the preview (`O`): left blank.
const BUDGET = [
  ['部门预算执行情况（万元）', '年初预算数', '全年（调整）预算数', '全年执行数', '执行率（%）', '执行率权重', '执行率得分（分）'],
  ['', '', '', '', '76%', '10', '7.6'],
];
const GOALS = [
  ['当年绩效目标', '年初绩效目标', '全年（调整）绩效目标', '全年目标实际完成情况'],
  [
    '',
    '无',
    '通过整合各级各类媒体、户外广告载体、宣传宣讲活动等，为建设成渝地区双城经济圈和西部（重庆）科学城营造良好氛围。保障融媒体中心正常人事基础/日常运转，有效承担西部（重庆）科学城新闻宣传管理，思想文化领域建设等工作。',
    '中心2021年较好地完成了履职任务，有效开展了西部（重庆）科学城新闻宣传管理/思想文化领域建设等工作，为建设成渝地区双城经济圈和西部（重庆）科学城营造了良好氛围。',
  ],
];
const HEADER = ['绩效指标', '指标名称', '计量单位', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数（%）', '指标权重（分）', '指标得分（分）', '是否核心指标'];
// The 19 rows the preview shows, in its order; it stops at the next row (公共服务…). 指标性质 is written once per
// group (a merged cell). Values the preview garbles (`到0次`, `第O份`) are left blank.
const ROWS = [
  ['财政供养人员控制率', '%', '定量指标', '100%', '', '92%', '100%', '2', '2', '否'],
  ['“三公”经费变动率', '%', '', '', '', '', '100%', '2', '2', '否'],
  ['基础信息完善', '%', '', '100%', '', '100%', '100%', '1', '1', '否'],
  ['预算完成率', '%', '', '70%', '', '76%', '100%', '2', '2', '是'],
  ['预算调整率', '%', '', '3%', '', '0', '100%', '2', '2', '否'],
  ['结转结余率', '%', '', '2%', '', '0', '100%', '2', '2', '是'],
  ['公用经费控制率', '%', '', '100%', '', '97%', '100%', '2', '2', '是'],
  ['“三公”经费控制率', '%', '', '', '', '', '100%', '2', '2', '否'],
  ['政府采购执行率', '%', '', '100%', '', '72.74%', '100%', '2', '2', '是'],
  ['管理制度健全性', '', '定性指标', '高', '', '高', '100%', '3', '3', '否'],
  ['资金使用合规性', '', '', '好', '', '好', '100%', '5', '5', '否'],
  ['预决算信息公开性', '', '', '高', '', '高', '100%', '1', '1', '否'],
  ['资产管理安全', '', '', '好', '', '好', '100%', '2', '2', '否'],
  ['固定资产利用率', '%', '定量指标', '90%', '', '100%', '100%', '2', '2', '否'],
  ['党性教育培训次数', '次', '', '26次', '', '12次', '100%', '5', '5', '是'],
  ['组织宣传活动次数', '次', '', '', '', '43次', '100%', '10', '10', '是'],
  ['制作宣传品数量', '份', '', '', '', '20份', '100%', '5', '5', '否'],
  ['播发稿件数量', '篇', '', '2200篇', '', '2859篇', '100%', '10', '10', '是'],
  ['业务保障能力提升', '%', '', '90%', '', '95%', '100%', '10', '10', '否'],
];
const INDICATORS = [HEADER, ...ROWS.map((r) => ['', ...r])];

async function workbook() {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao examples';
  book.created = book.modified = new Date('2022-03-01T00:00:00Z');
  const sheet = book.addWorksheet('部门整体绩效自评表');
  sheet.addRow([TITLE]);
  sheet.mergeCells('A1:K1');
  const block = (rows) => {
    const first = sheet.rowCount + 1;
    for (const r of rows) sheet.addRow(r.map((c) => (/^\d+(?:\.\d+)?$/.test(c) ? Number(c) : c === '' ? null : c)));
    return first;
  };
  block(INFO);
  const budget = block(BUDGET);
  sheet.mergeCells(`A${budget}:A${budget + 1}`);
  // The rate as Excel holds a percentage: 0.76 in a `0%` format (shown as 76%).
  const rate = sheet.getCell(`E${budget + 1}`);
  rate.value = 0.76;
  rate.numFmt = '0%';
  const goals = block(GOALS);
  sheet.mergeCells(`A${goals}:A${goals + 1}`);
  const first = block(INDICATORS);
  sheet.mergeCells(`A${first}:A${first + ROWS.length}`);
  // 指标性质 written once per group, as merged cells (定量 rows 1–9, 定性 10–13, 定量 14–19).
  for (const [from, to] of [[1, 9], [10, 13], [14, 19]]) sheet.mergeCells(`D${first + from}:D${first + to}`);
  // 执行率得分 as the form's formula, saved with its value (Excel saves both).
  sheet.getCell(`G${budget + 1}`).value = { formula: `E${budget + 1}*F${budget + 1}`, result: 7.6 };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function cell(text, merge) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })], ...(merge === undefined ? {} : { verticalMerge: merge }) });
}

async function document() {
  const table = (rows, merged = () => undefined) =>
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((r, i) => new TableRow({ children: r.map((c, j) => cell(c, merged(i, j))) })) });
  // A label down the left of a block is one vertically merged cell in Word: its continuation cells are empty.
  const leftMerged = (i, j) => (j === 0 ? (i === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined);
  const natureGroups = [[1, 9], [10, 13], [14, 19]];
  const indicatorMerge = (i, j) => {
    if (j === 0) return leftMerged(i, j);
    if (j !== 3 || i === 0) return undefined;
    const g = natureGroups.find(([a, b]) => i >= a && i <= b);
    return g === undefined ? undefined : i === g[0] ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE;
  };
  const doc = new Document({
    creator: 'jixiao examples',
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TITLE, bold: true })] }),
          table(INFO),
          table(BUDGET, leftMerged),
          table(GOALS, leftMerged),
          table(INDICATORS, indicatorMerge),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

writeFileSync(here('form.xlsx'), await workbook());
writeFileSync(here('form.docx'), await document());
