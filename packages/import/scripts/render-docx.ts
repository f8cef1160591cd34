/**
 * Render a canonical evaluation as a Word .docx laid out like the 部门整体支出绩效自评基础数据表, with the
 * checkboxes stored in one of the ways Word stores them. Written with the `docx` library; the constructs it does
 * not emit (complex EQ fields, legacy FORMCHECKBOX fields) are put in afterwards by replacing placeholder runs in
 * word/document.xml (unzipped and re-zipped with fflate) — the result is still a real .docx.
 *
 * Used by the tests (fixtures) and to render examples/beita-justice-2020/form.docx:
 *   JIXIAO_UPDATE=1 npx vitest run packages/import/src/docx/example.test.ts
 */
import { CheckBox, Document, Packer, Paragraph, SimpleField, SymbolRun, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { formatMoney, type AnswerField, type Evaluation } from '@jixiao/core';

/** How ticked and empty boxes are stored. `example` = EQ fields for ticked boxes, `w:sym` symbol runs elsewhere. */
export type DocxEncoding = 'eq-complex' | 'eq-simple' | 'sym-wingdings2' | 'sym-wingdings' | 'content-control' | 'form-checkbox' | 'glyph' | 'symbol-font-text' | 'example';

export const DOCX_ENCODINGS: readonly DocxEncoding[] = ['eq-complex', 'eq-simple', 'sym-wingdings2', 'sym-wingdings', 'content-control', 'form-checkbox', 'glyph', 'symbol-font-text', 'example'];

type BoxState = 'checked' | 'empty' | 'unknown';

function complexField(instrParts: readonly string[], result: string, ffData = ''): string {
  const instr = instrParts.map((p) => `<w:r><w:instrText xml:space="preserve">${p}</w:instrText></w:r>`).join('');
  return `<w:r><w:fldChar w:fldCharType="begin">${ffData}</w:fldChar></w:r>${instr}<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
}

class Marks {
  /** Raw XML for placeholder runs, by index. */
  readonly raw: string[] = [];

  constructor(private readonly encoding: DocxEncoding) {}

  private placeholder(xml: string): ParagraphChild {
    this.raw.push(xml);
    return new TextRun(`⟦MARK:${String(this.raw.length - 1)}⟧`);
  }

  box(state: BoxState): ParagraphChild {
    // An unreadable box: a symbol-font code no table knows (what a lost glyph looks like in the file).
    if (state === 'unknown') return new SymbolRun({ char: 'F028', symbolfont: 'Wingdings 2' });
    const on = state === 'checked';
    switch (this.encoding) {
      case 'eq-complex':
        return this.placeholder(complexField(on ? [' eq \\o\\ac(□', ',√)'] : [' eq \\o\\ac(□)'], on ? '☑' : '□'));
      case 'eq-simple':
        return new SimpleField(on ? 'eq \\o\\ac(□,√)' : 'eq \\o\\ac(□)', on ? '☑' : '□');
      case 'sym-wingdings2':
        return new SymbolRun({ char: on ? 'F052' : 'F0A3', symbolfont: 'Wingdings 2' });
      case 'sym-wingdings':
        return new SymbolRun({ char: on ? 'F0FE' : 'F0A8', symbolfont: 'Wingdings' });
      case 'content-control':
        return new CheckBox({ checked: on });
      case 'form-checkbox': {
        const ff = `<w:ffData><w:name w:val="Check"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>${on ? '<w:checked/>' : ''}</w:checkBox></w:ffData>`;
        return this.placeholder(complexField([' FORMCHECKBOX '], '', ff));
      }
      case 'glyph':
        return new TextRun(on ? '☑' : '□');
      case 'symbol-font-text':
        return new TextRun({ text: on ? 'R' : '£', font: 'Wingdings 2' });
      case 'example':
        return on ? this.placeholder(complexField([' eq \\o\\ac(□,√)'], '☑')) : new SymbolRun({ char: 'F0A3', symbolfont: 'Wingdings 2' });
    }
  }
}

const HAS_WORDS: ReadonlySet<AnswerField> = new Set(['nonTaxRevenue.diversion', 'fundManagement.approvalProcedure']);

const QUESTION_TEXT: Readonly<Record<AnswerField, string>> = {
  'staffingControl.overstaffed': '是否存在超编超配人员',
  'threePublic.managementRules': '是否制定“三公”经费管理办法',
  'threePublic.receptionStandard': '招待费用是否明确招待标准和招待人数',
  'threePublic.vehicleCostDeclined': '公务用车购置运行费是否比上年度下降',
  'threePublic.declined': '三公经费是否比上年度下降',
  'nonTaxRevenue.targetMet': '年度非税收入是否完成',
  'nonTaxRevenue.twoLineManagement': '是否实行收支两条线管理',
  'nonTaxRevenue.diversion': '有无截留、坐支、转移等现象',
  'procurement.planMade': '年度是否制定了政府采购计划',
  'budgetExecution.supplemented': '本年度是否追加了预算',
  'budgetExecution.hasSurplus': '本年度是否有结余',
  'disclosure.published': '预决算信息是否公开',
  'financialManagement.rulesInPlace': '是否制定财务管理、会计核算等制度',
  'financialManagement.accountingOffice': '会计机构是否按规定设置',
  'financialManagement.accountantsQualified': '会计人员是否持证上岗',
  'fundManagement.rulesInPlace': '是否制定资金管理办法',
  'fundManagement.approvalProcedure': '资金拨付有完整的审批程序',
  'fundManagement.irregularUse': '资金使用是否存在违规使用资金、乱发津补贴奖金现象',
  'assetManagement.rulesInPlace': '是否制定资产管理制度',
  'assetManagement.handlingCompliant': '资产管理、保存、处置是否合理规范',
  'assetManagement.titleClear': '资产是否产权清晰、两证齐全',
  'assetManagement.recordsMatch': '账、表、实、卡是否相符',
  'duties.keyTasksCompleted': '重点工作是否全部完成且质量达标',
};

function answerOf(e: Evaluation, field: AnswerField): string {
  const [group = '', key = ''] = field.split('.');
  const v = (e as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[key];
  return typeof v === 'string' ? v : 'unanswered';
}

function statesFor(answer: string): [BoxState, BoxState] {
  switch (answer) {
    case 'yes':
      return ['checked', 'empty'];
    case 'no':
      return ['empty', 'checked'];
    case 'conflicting':
      return ['checked', 'checked'];
    case 'ambiguous':
      return ['unknown', 'unknown'];
    default:
      return ['empty', 'empty'];
  }
}

const money = (v: number | null | undefined): string => (v === null || v === undefined ? '' : formatMoney(v).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1'));

/** Render `e` as a .docx with the given box encoding. */
export async function renderFormDocx(e: Evaluation, encoding: DocxEncoding = 'example'): Promise<Uint8Array> {
  const marks = new Marks(encoding);
  const p = (text: string | null | undefined): Paragraph => new Paragraph({ children: [new TextRun(text ?? '')] });
  const cell = (children: Paragraph[], columnSpan?: number): TableCell => new TableCell({ children: children.length === 0 ? [p('')] : children, ...(columnSpan === undefined ? {} : { columnSpan }) });
  const heading = (text: string): TableRow => new TableRow({ children: [cell([p(text)], 2)] });
  const pair = (label: string, value: Paragraph[] | string | null): TableRow =>
    new TableRow({ children: [cell([p(label)]), cell(typeof value === 'string' || value === null ? [p(value)] : value)] });
  const question = (field: AnswerField, tail: ParagraphChild[] = []): Paragraph => {
    const words = HAS_WORDS.has(field) ? ['有', '无'] : ['是', '否'];
    const states = statesFor(answerOf(e, field));
    return new Paragraph({
      children: [new TextRun(`${QUESTION_TEXT[field]}：`), new TextRun(words[0] ?? ''), marks.box(states[0]), new TextRun('    '), new TextRun(words[1] ?? ''), marks.box(states[1]), ...tail],
    });
  };
  const group = (title: string, paragraphs: Paragraph[]): TableRow => new TableRow({ children: [cell([p(title)]), cell(paragraphs)] });
  const channel = (c: 'portal' | 'internal' | 'other'): BoxState => (e.disclosure.channels?.includes(c) === true ? 'checked' : 'empty');
  const d = e.disclosure.date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.disclosure.date);
  const date = d === null ? '    年   月   日' : `${d[1] ?? ''}年 ${String(Number(d[2]))} 月${String(Number(d[3]))}   日`;
  const year = e.fiscalYear === null ? '    ' : String(e.fiscalYear);
  const score = e.selfRating.score === null || e.selfRating.score === undefined ? '' : `自评得分${String(e.selfRating.score)}分。`;

  const rows: TableRow[] = [
    heading('基本情况'),
    pair('单位名称（盖章）', e.unit.name),
    pair('编制人数', e.staffing.authorized === null ? null : String(e.staffing.authorized)),
    pair('实有人数', e.staffing.actual === null ? null : String(e.staffing.actual)),
    pair('部门职能概述', e.functions),
    heading('年度收入（万元）'),
    pair('区财政预算安排', money(e.income.localBudget)),
    pair('非税收入', money(e.income.nonTax)),
    pair('合计', money(e.income.total)),
    pair('中央省市安排资金', money(e.income.higherLevel)),
    pair('其他收入', money(e.income.other)),
    heading('年度支出（万元）'),
    pair('基本支出', money(e.expenditure.basic)),
    pair('项目支出', money(e.expenditure.project)),
    pair('合计', money(e.expenditure.total)),
    pair('其中三公经费支出', money(e.expenditure.threePublic)),
    heading('实施情况'),
    group('财政供养人员控制情况', [question('staffingControl.overstaffed')]),
    group('三公经费管理情况', [question('threePublic.managementRules'), question('threePublic.receptionStandard'), question('threePublic.vehicleCostDeclined'), question('threePublic.declined')]),
    group('非税收入完成情况', [question('nonTaxRevenue.targetMet'), question('nonTaxRevenue.twoLineManagement'), question('nonTaxRevenue.diversion')]),
    group('政府采购及金额', [question('procurement.planMade'), p(`应采购金额${money(e.procurement.required)}万元，实际采购金额${money(e.procurement.actual)}万元`)]),
    group('预算执行', [
      question('budgetExecution.supplemented', [new TextRun(`， 追加金额${money(e.budgetExecution.supplementAmount)}万元`)]),
      question('budgetExecution.hasSurplus', [new TextRun(`，结余金额${money(e.budgetExecution.surplusAmount)}万元`)]),
      question('disclosure.published'),
      p(`公开时间:${date}`),
      new Paragraph({
        children: [new TextRun('公开方式:门户网站'), marks.box(channel('portal')), new TextRun('     单位内部'), marks.box(channel('internal')), new TextRun('      其它'), marks.box(channel('other'))],
      }),
    ]),
    group('财务管理', [question('financialManagement.rulesInPlace'), question('financialManagement.accountingOffice'), question('financialManagement.accountantsQualified')]),
    group('资金管理', [question('fundManagement.rulesInPlace'), question('fundManagement.approvalProcedure'), question('fundManagement.irregularUse')]),
    group('资产管理', [question('assetManagement.rulesInPlace'), question('assetManagement.handlingCompliant'), question('assetManagement.titleClear'), question('assetManagement.recordsMatch')]),
    group('职责履行', [question('duties.keyTasksCompleted')]),
    pair('部门主要绩效', (e.achievements ?? '').split('\n').map((l) => p(l))),
    pair('自评结论', `${e.fiscalYear === null ? '' : String(e.fiscalYear)}年度部门整体支出绩效自评等级“${e.selfRating.grade ?? ''}”。${score}`),
    pair('问题与建议', `问题：${e.problems ?? ''}建议：${e.suggestions ?? ''}`),
    pair('主管部门意见', `主管部门（盖章）：${e.supervisorOpinion ?? ''}`),
  ];

  const doc = new Document({
    creator: 'jixiao',
    title: '部门整体支出绩效自评基础数据表',
    sections: [
      {
        children: [p('附件'), p('部门整体支出绩效自评基础数据表'), p(`（${year}年度）`), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })],
      },
    ],
  });
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc));
  if (marks.raw.length === 0) return packed;
  const files = unzipSync(packed);
  const xmlBytes = files['word/document.xml'];
  if (xmlBytes === undefined) throw new Error('docx wrote no word/document.xml');
  const xml = strFromU8(xmlBytes).replace(/<w:r>(?:(?!<\/w:r>).)*?⟦MARK:(\d+)⟧<\/w:t><\/w:r>/g, (_whole, n: string) => marks.raw[Number(n)] ?? '');
  if (xml.includes('⟦MARK:')) throw new Error('a placeholder run was not replaced');
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files, { level: 6 });
}
