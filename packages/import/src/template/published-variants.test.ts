import { describe, expect, it } from 'vitest';
import { importText } from '../text/import-text.js';

/** Variants seen in real published documents (examples/real): each small text keeps the one trait under test. */

function read(text: string) {
  const r = importText(text);
  if (!r.ok) throw new Error(`not read: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return r;
}

describe('published variants', () => {
  it('a narrative report whose title names the unit before the year and says 机关整体支出 (南县)', () => {
    const r = read(['某某县财政局2020年度 机关整体支出绩效评价报告', '一、自评得分情况', '经评价，综合评分为97分。', '二、单位基本概况', '(二)人员编制情况'].join('\n'));
    expect(r.template?.id).toBe('t6-narrative-report');
    expect(r.evaluation).toMatchObject({ fiscalYear: 2020, unit: { name: '某某县财政局' }, selfRating: { score: 97 } });
    expect(r.provenance?.['unit.name']).toBe('prose');
    // A space between the unit and the year (寻甸).
    expect(read('中共某某县委员会办公室 2023年部门整体支出绩效自评报告\n二、部门概况').evaluation).toMatchObject({ fiscalYear: 2023, unit: { name: '中共某某县委员会办公室' } });
  });

  it('a headcount with retirees in its breakdown is no 编制 quota; a quota in the same report is still read (南县)', () => {
    const r = read(['某某县财政局2020年度 机关整体支出绩效评价报告', '(二)人员编制情况', '现有编制人员205人。其中,局机关在职113人、离休2人、退休75人。'].join('\n'));
    expect(r.evaluation.staffing.authorized).toBeNull();
    expect(r.diagnostics.find((d) => d.code === 'prose-figure-not-read')?.message['zh-CN']).toContain('“编制人员205人”不作为');
    const quota = read(['某某县财政局2020年度 机关整体支出绩效评价报告', '现有编制人员205人，其中退休75人；核定编制120名。'].join('\n'));
    expect(quota.evaluation.staffing.authorized).toBe(120);
    const plain = read(['某某县财政局2020年度 机关整体支出绩效评价报告', '核定编制25人。其中行政编制20人，事业编制5人。'].join('\n'));
    expect(plain.evaluation.staffing.authorized).toBe(25);
  });

  it('a narrative report whose title puts the year first, or says 关于 …的报告: the year, never 关于 for the unit', () => {
    const first = read(['2021年度某某县农业农村局部门整体支出绩效自评报告', '一、部门基本情况', '本单位核定编制20名，实有在职人员18人。', '经自评，综合得分91.5分，评价等次为优。'].join('\n'));
    expect(first.evaluation).toMatchObject({ fiscalYear: 2021, staffing: { authorized: 20, actual: 18 }, selfRating: { score: 91.5, grade: '优' } });
    const about = read(['某某县水利局关于2022年度部门整体支出绩效自评的报告', '一、部门概况', '二、部门收支情况'].join('\n'));
    expect(about.evaluation).toMatchObject({ fiscalYear: 2022, unit: { name: '某某县水利局' } });
    const plain = read(['关于2022年度部门整体支出绩效自评的报告', '一、部门概况', '二、部门收支情况'].join('\n'));
    expect(plain.evaluation).toMatchObject({ fiscalYear: 2022, unit: { name: null } });
  });

  it('a cover label 部门(单位)全称 whose value ends with a seal note (平泉)', () => {
    const r = read(['部门整体支出绩效评价自评报告', '(2023年度)', '部门(单位)全称:某某市人民检察院 (公章)', '一、部门基本情况'].join('\n'));
    expect(r.evaluation.unit.name).toBe('某某市人民检察院');
    expect(r.evaluation.fiscalYear).toBe(2023);
  });

  it('a 岳阳-style cover run together with its values (雨花)', () => {
    const r = read('1、某某区2022年度部门(单位)整体支出绩效评价自评报告部门(单位)名称某某区发展和改革局预算编码302001报告日期:2023年5月10日某某区财政局(制)');
    expect(r.template?.id).toBe('t2-yueyang-report');
    expect(r.evaluation.unit).toMatchObject({ name: '某某区发展和改革局', code: '302001' });
  });

  it('a 项目支出 self-evaluation written as a report is refused as a 项目支出 form (红河)', () => {
    const r = importText(['某某中心2024年度项目支出绩效单位自评报告', '一、基本情况', '(一)项目概况', '1.项目立项背景'].join('\n'));
    expect(r.diagnostics[0]?.code).toBe('project-expenditure-form');
  });

  it('a 部门决算 whose table of contents names the self-evaluation is no self-evaluation (双江)', () => {
    const r = importText(['某某县人力资源和社会保障局2023年度部门决算', '目录', '二、部门基本情况', '十三、2023年度部门整体支出绩效自评情况', '十四、2023年度部门整体支出绩效自评表', '十五、2023年度项目支出绩效自评表', '(一)部门整体支出绩效自评情况'].join('\n'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('not-a-form');
  });

  it('a budget rule that covers 部门整体支出 and speaks of 绩效评价 is no self-evaluation (乌拉特中旗)', () => {
    const r = importText(['某某旗旗级绩效评价管理办法', '第二条 本办法所称的绩效评价是指财政部门、预算部门及单位……进行客观、公正的测量、分析和评判。', '本办法所称的财政支出是指项目支出、专项资金和部门整体支出。'].join('\n'));
    expect(r.diagnostics[0]?.code).toBe('not-a-form');
  });

  it('a web page score sheet: a header row broken over lines, rows padded to the width, merged 一级/二级 cells left out (寿县)', () => {
    const text = [
      '2023年度部门整体支出绩效评价自评表',
      '单位 | ||||||',
      '一级 指标 |',
      '二级 指标 | 三级 指标 |',
      '指标分值 | 指标解释 | 评分标准 | 自评得分 |',
      '规划 (15分) |',
      '基础信息 (3分) | 基础信息 完整性 | 3 | 信息是否完整 | 真实、完整 | 3 |',
      '工作计划 (6分) | 计划完整性 | 3 | 是否完整 | 完整可行 | 2 | |',
      '计划明确性 | 3 | 是否明确 | 明确可操作 | 3 | ||',
      '执行 (35分) | 预算执行 (18分) | 预算执行率 | 5 | 执行数/预算数 | 按比例 | 4.5 |',
    ].join('\n');
    const r = read(text);
    expect(r.template?.id).toBe('t3-score-sheet');
    expect(r.evaluation.fiscalYear).toBe(2023);
    expect(r.evaluation.selfAssessment?.indicators?.map((i) => [i.level1, i.level2, i.name, i.points, i.score])).toEqual([
      ['规划 (15分)', '基础信息 (3分)', '基础信息 完整性', 3, 3],
      ['规划 (15分)', '工作计划 (6分)', '计划完整性', 3, 2],
      ['规划 (15分)', '工作计划 (6分)', '计划明确性', 3, 3],
      ['执行 (35分)', '预算执行 (18分)', '预算执行率', 5, 4.5],
    ]);
    expect(r.unreadable).toBeUndefined();
  });

  it('a web page score sheet cut off inside a row keeps the rows read and marks the list unknown (寿县 excerpt)', () => {
    const text = ['部门整体支出绩效评价得分表', '一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 自评得分 |', '规划 | 目标 | 合理性 | 4 | 合理 | 4 |', '执行 (35分) |', '预算执行 | 预算执行率 | 5 | 按比例'].join('\n');
    const r = read(text);
    expect(r.evaluation.selfAssessment?.indicators?.[0]).toMatchObject({ name: '合理性', points: 4, score: 4 });
    expect(r.diagnostics.map((d) => d.code)).toContain('indicator-table-cut-short');
    expect(Object.keys(r.unreadable ?? {})).toEqual(['selfAssessment.indicators']);
  });

  it('a web page budget block whose left cell is merged down: the value row stands one cell to the right (绥阳)', () => {
    const text = [
      '部门整体支出绩效自评表 | ||||||||',
      '部门(单位)名称 | 某某镇人民政府 | |||||||',
      '部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | ||',
      '年度资金总额: | 1172.55 | 1268.72 | 10 | 9.5 | 执行率*该指标分值 | |||',
      '年度总体目标 | 年初设定目标 | 年度总体目标完成情况 | ||||||',
      '绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值(A) | 全年实际值(B) | 分值 | 得分',
    ].join('\n');
    const r = read(text);
    expect(r.template?.id).toBe('t5-indicator-form');
    expect(r.evaluation.selfAssessment?.budget).toMatchObject({ initialBudget: 1172.55, executed: 1268.72, points: 10, score: 9.5 });
    // The indicator table's header is there, its rows are not: unknown, never an empty list that sums to 0.
    expect(r.diagnostics.map((d) => d.code)).toContain('indicator-rows-not-read');
    expect(Object.keys(r.unreadable ?? {})).toEqual(['selfAssessment.indicators']);
  });

  it('a 决算 publication whose contents list the self-evaluation report is no self-evaluation (随州)', () => {
    const r = importText(['某某县公安局2019年决算公开报告', '决算公开目录', '一、基本情况', '(二)人员情况', '九、整体支出绩效自评报告', '十、决算公开表(含汇总表)', '一、基本情况'].join('\n'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('not-a-form');
    // The same report with the self-evaluation in it is read.
    const within = read(['某某县公安局2019年决算公开报告', '九、整体支出绩效自评报告', '一、部门概况', '本单位核定编制20名，实有在职人员18人。', '经自评，综合得分91.5分。'].join('\n'));
    expect(within.evaluation).toMatchObject({ staffing: { authorized: 20, actual: 18 }, selfRating: { score: 91.5 } });
  });

  it('a score sheet whose columns ran together: 名称(分值 分) 得分, headings without a score, the total in prose over a line break (2017 得分表)', () => {
    const text = [
      '本部门对2017年整体支出开展绩效自评,自评得分',
      '90 分,存在的问题:一是预算不够准确.',
      '2017 年部门整体支出绩效评价得分表 一级指 标 二级指标 三级指标 得分 部门决 策(25 分) 目标任务(15 分) 相关性(5 分)',
      '5 明确性(5 分)',
      '4.5 预算编制(10 分) 测算依据(5 分)',
      '2 综合管 理(30 分) 资金管理(10 分) 资金使用合规性(10 分)',
      '10 总分 100 81.5',
    ].join('\n');
    const r = read(text);
    expect(r.template?.id).toBe('t3-score-sheet');
    expect(r.evaluation.fiscalYear).toBe(2017);
    expect(r.evaluation.selfRating.score).toBe(90);
    expect(r.positions['selfRating.score']).toMatchObject({ line: 2, column: 1 });
    expect(r.evaluation.selfAssessment?.indicators?.map((i) => [i.level1, i.level2, i.name, i.points, i.score])).toEqual([
      ['部门决策', '目标任务', '相关性', 5, 5],
      ['部门决策', '目标任务', '明确性', 5, 4.5],
      ['部门决策', '预算编制', '测算依据', 5, 2],
      ['综合管理', '资金管理', '资金使用合规性', 10, 10],
    ]);
    expect(r.positions['selfAssessment.indicators.1.score']).toMatchObject({ line: 5, column: 1 });
    expect(r.unreadable).toBeUndefined();
    // The total written as a row gives the total points and the claimed score (a labelled one comes first).
    const total = read(text.replace('自评得分', '自评情况').replace('10 总分 100 81.5', '10 总分(100 分) 81.5'));
    expect(total.evaluation.selfAssessment?.totalPoints).toBe(100);
    expect(total.evaluation.selfRating.score).toBe(81.5);
    // Cut off where the text no longer has that shape: the rows read are kept, the list is unknown as a whole.
    const cut = read(text.replace('10 总分 100 81.5', '10 中央专款分配合规........'));
    expect(cut.evaluation.selfAssessment?.indicators).toHaveLength(4);
    expect(Object.keys(cut.unreadable ?? {})).toEqual(['selfAssessment.indicators']);
  });

  it('a blank 部门整体支出绩效评价指标体系表 is recognised as a score sheet (taodocs)', () => {
    const r = importText('部门整体支出绩效评价指标体系表\n一级 二级\n指标 指标\n三级指标 指标解释\n指标说明 得分');
    expect(r.template?.id).toBe('t3-score-sheet');
  });

  it('another field\'s label between a label and its figure claims the figure; retirees in a clause of their own are no breakdown (茂名)', () => {
    const r = read(['2021 年某某市发展和改革局整体支出 绩效自评报告', '(二)设置机构及人员情况 我局实有编制数 63 人,2021 年末在职人数 57 人、离 退休人数 94 人。'].join('\n'));
    // 实有 (in post) does not take 实有编制数's figure: 编制数 stands between; the 94 retirees are the next clause's.
    expect(r.evaluation).toMatchObject({ fiscalYear: 2021, unit: { name: '某某市发展和改革局' }, staffing: { authorized: 63, actual: 57 } });
    // Without another label between, the label's own figure is read as before.
    expect(read(['某某局2021年度部门整体支出绩效自评报告', '实有人员20人，编制人数25人。'].join('\n')).evaluation.staffing).toEqual({ authorized: 25, actual: 20 });
  });

  it('totals as list items (1、收入:… 2、支出:…) and the year of 部门决算收支 in a report whose title has none (南县政协)', () => {
    const r = read(['部门整体支出绩效评价报告', '一、基本情况', '2021年部门决算收支完成情况。', '1、收入:792.22万元。同比上年度增加189.25万元。', '2、支出:799.12万元。其中:人员经费支出434.89万元,项目支出286.83万元。'].join('\n'));
    expect(r.evaluation).toMatchObject({ fiscalYear: 2021, income: { total: 792.22 }, expenditure: { total: 799.12, project: 286.83 } });
    expect(r.provenance?.['income.total']).toBe('prose');
    // A part that says 收入 (财政拨款收入) or 支出 in the middle of a sentence is no total; a total in 元 is converted.
    const parts = read(['部门整体支出绩效评价报告', '其中:财政拨款收入792.22万元。', '(一)本年收入:1234567.00元'].join('\n'));
    expect(parts.evaluation.income.total).toBe(123.46);
    expect(parts.evaluation.expenditure.total).toBeNull();
  });

  it('a score sheet whose header labels a page broke over lines (一级 / 指标, 自评 / 得分) is recognised as one (大英县总工会)', () => {
    const text = ['绩效指标', '指标分值', '指标解释', '计分标准', '自评', '得分', '一级', '指标', '二级', '指标', '三级', '指标', '目标制定', '10'].join('\n\n');
    const r = importText(text);
    expect(r.template?.id).toBe('t3-score-sheet');
    // The same words standing apart in running text make no header.
    expect(importText(['一级', '的', '指标'].join('\n')).template).toBeUndefined();
  });

  it('a web page table copied one cell at a time, each cell closed by a line |: rows cut by the header, merged cells left out placed (岳阳)', () => {
    const cells = [
      '一级指标', '二级指标', '三级指标', '评分标准', '分值', '自评得分', '扣分原因',
      '投 入\n(15分)', '预算配置\n(15分)', '财政供养人员\n控制率', '控制率≦100%,计5分', '5', '5', '',
      '“三公经费”\n变动率', '变动率≦0,计5分', '5', '4', '扣1分',
      '过 程\n(40分)', '预算执行\n(15分)', '预算调整率', '调整率=0,计3分', '3', '3', '',
      '预算管理\n(15分)', '管理制度\n健全性', '①已制定,1分', '3', '2', '',
      '预决算信息公开性', '①',
    ];
    const text = cells.map((c) => (c === '' ? '|' : `${c}\n|`)).join('\n').replace(/\n\|$/, '');
    const r = read(text);
    expect(r.template?.id).toBe('t3-score-sheet');
    expect(r.evaluation.selfAssessment?.indicators?.map((i) => [i.level1, i.level2, i.name, i.points, i.score])).toEqual([
      ['投 入\n(15分)', '预算配置\n(15分)', '财政供养人员\n控制率', 5, 5],
      ['投 入\n(15分)', '预算配置\n(15分)', '“三公经费”\n变动率', 5, 4],
      ['过 程\n(40分)', '预算执行\n(15分)', '预算调整率', 3, 3],
      ['过 程\n(40分)', '预算管理\n(15分)', '管理制度\n健全性', 3, 2],
      // The row the text ends in stays in the list with its figures unknown: no rule decides from the rows above it.
      ['过 程\n(40分)', '预算管理\n(15分)', '预决算信息公开性', null, null],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toContain('indicator-table-cut-short');
    expect(r.positions['selfAssessment.indicators.1.score']).toMatchObject({ line: 38, column: 1 });
  });

  it('a score sheet copied a cell a line with blank lines between, header and level cells broken over lines: each row its name, 分值, the text cells between, 得分 (大英县总工会)', () => {
    const header = ['部门整体支出绩效评价得分表', '绩效指标', '指标分值', '指标解释', '计分标准', '自评', '得分', '备注', '一级', '指标', '二级', '指标', '三级', '指标'];
    const rows = ['部门预', '算管理', '(80分)', '预算编制(30分)', '目标制定', '10', '评价绩效目标是否完整。', '完整的得10分。', '9', ' ', '目标实现', '10', '评价目标的实现程度。', '按实现程度计分。', '8', ' '];
    const sheet = (...lines: string[]): string => lines.join('\n\n');
    const cut = read(sheet(...header, ...rows));
    expect(cut.evaluation.selfAssessment?.indicators?.map((i) => [i.name, i.points, i.score])).toEqual([
      ['目标制定', 10, 9],
      ['目标实现', 10, 8],
    ]);
    expect(cut.positions['selfAssessment.indicators.1.score']).toMatchObject({ line: 57, column: 1 });
    // No 总分/合计 after the rows: the text ends inside the sheet, so the list is not whole.
    expect(cut.diagnostics.map((d) => d.code)).toContain('indicator-table-cut-short');
    // Ending at its total row, the sheet is whole, and the row gives the total points and the claimed total.
    const whole = read(sheet(...header, ...rows, '合计', '20', '—', '—', '17'));
    expect(whole.diagnostics.map((d) => d.code)).not.toContain('indicator-table-cut-short');
    expect(whole.evaluation.selfAssessment?.totalPoints).toBe(20);
    expect(whole.evaluation.selfRating.score).toBe(17);
    // A row whose 得分 is left out (a blank cell dropped with the blank lines) cannot be told from the next: the list ends there, cut short.
    const holed = read(sheet(...header, ...rows.slice(0, -2), '合计', '20', '—', '—', '17'));
    expect(holed.evaluation.selfAssessment?.indicators?.map((i) => i.name)).toEqual(['目标制定']);
    expect(holed.diagnostics.map((d) => d.code)).toContain('indicator-table-cut-short');
  });

  it('编制 stated by category side by side, with no total, is read as the categories\' sum, noted; a total stated beside its categories is read as stated (寻甸)', () => {
    const title = '某某县委办公室2023年部门整体支出绩效自评报告';
    const parts = read([title, '截至2023年12月31日，机关行政编制39名(含县委国安办编制)，事业编制5名(县委网络信息中心)。在职实有32人。'].join('\n'));
    expect(parts.evaluation.staffing).toMatchObject({ authorized: 44, actual: 32 });
    expect(parts.provenance?.['staffing.authorized']).toBe('prose');
    const summed = parts.diagnostics.filter((d) => d.code === 'prose-figures-summed');
    expect(summed.map((d) => d.message.en)).toEqual(['"行政编制39", "事业编制5": given by category with no total in the sentence; "authorized staff" is read as their sum, 44 (from running text, less certain than a table cell)']);
    expect(summed[0]?.message['zh-CN']).toBe('“行政编制39”“事业编制5”：按类别给出，句中没有合计，“编制人数”读作各类之和 44（从正文读出，置信度低于表格）');
    expect(summed[0]).toMatchObject({ line: 2, column: 17, path: 'staffing.authorized' });
    expect(parts.diagnostics.map((d) => d.code)).not.toContain('prose-figure-not-read');
    // Three categories, a colon or 为 before a figure, full-width digits: still the sum.
    expect(read([title, '行政编制：20名，事业编制为１２名，工勤编制3名。'].join('\n')).evaluation.staffing.authorized).toBe(35);
    // A total stated beside its categories is the quota (not the sum of what follows 其中), and so is a total stated
    // after them, in the sentence or a later one: the sum is read only where the report states none.
    expect(read([title, '核定编制44名，其中行政编制39名，事业编制5名。'].join('\n')).evaluation.staffing.authorized).toBe(44);
    for (const after of ['行政编制20名，事业编制5名，共计核定编制30名。', '行政编制20名，事业编制5名。\n全局核定编制30名(含工勤编制5名)。']) {
      const total = read([title, after].join('\n'));
      expect(total.evaluation.staffing.authorized, after).toBe(30);
      expect(total.diagnostics.map((d) => d.code), after).not.toContain('prose-figures-summed');
    }
    // One category alone is the unit's whole quota; another category in another sentence does not make it a part.
    expect(read([title, '机关行政编制12名。'].join('\n')).evaluation.staffing.authorized).toBe(12);
    expect(read([title, '机关行政编制12名。下属中心另有事业编制3名。'].join('\n')).evaluation.staffing.authorized).toBe(12);
  });

  it('编制 by category that are not side by side is no quota (blank, noted): a part after 其中 or in brackets, a category twice, a figure that is no count of posts', () => {
    const title = '某某县委办公室2023年部门整体支出绩效自评报告';
    const blank = (sentence: string): void => {
      const r = read([title, sentence, '在职实有32人。'].join('\n'));
      expect(r.evaluation.staffing, sentence).toMatchObject({ authorized: null, actual: 32 });
      expect(r.diagnostics.map((d) => d.code), sentence).toContain('prose-figure-not-read');
      expect(r.diagnostics.map((d) => d.code), sentence).not.toContain('prose-figures-summed');
    };
    blank('事业编制41名，其中工勤编制3名。'); // 工勤 is a part of the 41: 44 would count it twice
    blank('行政编制24名，事业编制41名，含工勤编制1名。');
    blank('事业编制41名(其中工勤编制3名)，行政编制24名。');
    blank('机关行政编制10名，派出机构行政编制5名，事业编制3名。'); // a category twice: which figures make the whole is not told
    blank('行政编制39名，工勤编制外聘人员3人。'); // 外聘人员 are no posts
    blank('行政编制39名，事业编制5个。'); // a figure without the rule's unit (人/名) is not added
  });

  it('a title with a space between 整体支出 and 绩效 gives the unit; a quota counted in posts (总编制…个) is read, a count of rooms is not (南县住建局)', () => {
    const r = read(['某某县住房和城乡建设局2018年度整体支出 绩效评价报告', '一、部门概况', '全局现有在职人员246人,离退休人员85人。行政事业总编制为249个,其中行政编13个。'].join('\n'));
    expect(r.evaluation).toMatchObject({ fiscalYear: 2018, unit: { name: '某某县住房和城乡建设局' }, staffing: { authorized: 249, actual: 246 } });
    expect(read(['某某县水利局2018年度整体支出绩效评价报告', '(二)人员编制情况：内设科室5个，在职人员20人。'].join('\n')).evaluation.staffing).toMatchObject({ authorized: null, actual: 20 });
  });

  it('a 自评表 preview that glues the budget row (`O76%107.6`): the rate, and the weight and score where they split one way only (重庆)', () => {
    const form = (row: string): string => `部门整体绩效自评表主管部门自评总分(分)97.6部门联系人年初预算数全年(调整)预算数全年执行数执行率(%)执行率权重执行率得分(分)${row}当年绩效目标`;
    const r = read(form('O76%107.6'));
    expect(r.evaluation.selfRating.score).toBe(97.6);
    expect(r.evaluation.selfAssessment?.budget).toMatchObject({ rate: 76, points: 10, score: 7.6 });
    // `115.5` is 11 and 5.5 or 1 and 15.5: neither is read, so no score of the form is (the form is refused). `1010.5`
    // splits one way only (a weight over 100 is none).
    const glued = importText(form('O76%115.5'));
    expect([glued.ok, glued.diagnostics[0]?.code]).toEqual([false, 'scoring-template-not-read']);
    expect(read(form('O95%1010.5')).evaluation.selfAssessment?.budget).toMatchObject({ rate: 95, points: 10, score: 10.5 });
  });

  it('a name masked by whoever republished the form (`****`, `＊＊＊`, `×××`) is blank with a warning, never a unit; the year of a masked title is read', () => {
    for (const mask of ['****', '＊＊＊', '×××']) {
      const r = read([`2024年度${mask}部门整体支出绩效自评报告`, `部门(单位)名称:${mask}`, '一、部门基本情况', '核定编制6名，实有在职6人。'].join('\n'));
      expect(r.evaluation, mask).toMatchObject({ fiscalYear: 2024, unit: { name: null }, staffing: { authorized: 6, actual: 6 } });
      expect(r.diagnostics.find((d) => d.code === 'masked-value')?.severity, mask).toBe('warning');
    }
    // A name with a star in it is still a name.
    expect(read(['2024年度某某县妇联部门整体支出绩效自评报告', '部门(单位)名称:某某县妇联*'].join('\n')).evaluation.unit.name).toBe('某某县妇联*');
  });
});
