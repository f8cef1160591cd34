import type { LocalizedText } from '../i18n/locale.js';
import { INDICATORS } from '../indicators/derive.js';
import { FIELD_LABELS, INDICATOR_LABELS, isFieldPath } from '../model/labels.js';
import { PEER_MEASURES } from '../engine/peers.js';
import type { FactCatalogue } from './facts.js';
import type { Pack } from './schema.js';

/**
 * What each fact path of the catalogue means, for `jixiao pack facts` and the rule schema a pack is scaffolded
 * with: the form's own labels for its fields, the indicators' labels and formulas, the parameters' titles as their
 * packs declare them, and the words below for the facts jixiao computes (`derived`, `findings`, `history`, `batch`).
 */

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** The computed facts, by path (without `derived.`, `findings.`, `batch.`), and generic leaf keys. */
const DERIVED: Readonly<Record<string, LocalizedText>> = {
  '': t('由表中数字计算的值（精确到分）', 'values computed from the form (exact)'),
  incomeTotal: t('年度收入合计与各项收入之和的核对', 'total income checked against the sum of its parts'),
  expenditureTotal: t('年度支出合计与基本支出、项目支出之和的核对', 'total expenditure checked against basic plus project'),
  incomeAvailable: t('可用收入：年度收入合计 + 上年结转（万元）', 'income available: total income + carry-over (万元)'),
  expenditureOverIncome: t('支出合计 − 可用收入（万元）', 'total expenditure − income available (万元)'),
  threePublicOverExpenditure: t('三公经费 − 支出合计（万元）', '"three public" − total expenditure (万元)'),
  threePublicChange: t('三公经费 本年 − 上年（万元）', '"three public" this year − prior year (万元)'),
  threePublicRateBasis: t('三公经费变动率所用的本年与上年数字（表中的，否则经费控制表的决算数）', 'the "three public" figures the change rate uses (the form\'s, else the cost control grid\'s final accounts)'),
  'threePublicRateBasis.current': t('变动率所用的本年三公经费（万元）', 'this year\'s "three public" figure the rate uses (万元)'),
  'threePublicRateBasis.prior': t('变动率所用的上年三公经费（万元）', 'the prior year\'s "three public" figure the rate uses (万元)'),
  vehicleCostChange: t('公务用车费 本年 − 上年（万元）', 'vehicle cost this year − prior year (万元)'),
  procurementOverPlan: t('政府采购 实际 − 计划（万元）', 'procurement actual − planned (万元)'),
  staffingExcess: t('实有人数 − 编制人数', 'actual staff − authorized staff'),
  disclosureDelayDays: t('批复至公开的天数', 'days from approval to publication'),
  disclosureYearOffset: t('公开日期的年份 − 年度', 'year of publication − fiscal year'),
  costControl: t('经费控制表（T1b）的计算', 'the cost control grid (T1b), computed'),
  'costControl.threePublicChange': t('三公经费 本年决算 − 上年决算（万元）', '"three public" final accounts this year − prior year (万元)'),
  'costControl.threePublicChangeRate': t('三公经费 本年决算较上年决算的变动率（%）', '"three public" change rate, final accounts (%)'),
  amountScale: t('最大金额与各金额中位数之比（疑似以元而非万元填写）', 'the largest amount against the median amount (written in 元 instead of 万元?)'),
  'amountScale.largestPath': t('最大金额所在字段', 'field of the largest amount'),
  'amountScale.largest': t('最大金额（万元）', 'largest amount (万元)'),
  'amountScale.median': t('大于零的金额的中位数（万元）', 'median of the amounts above zero (万元)'),
  'amountScale.ratio': t('最大金额 ÷ 中位数（取整）', 'largest ÷ median (whole)'),
  budgetBreakdown: t('自评表预算执行的分项（按支出性质、按收入性质）与合计的核对', 'the 自评表 budget execution broken down (by nature, by fund source) against its totals'),
  'budgetBreakdown.byNature': t('基本支出 + 项目支出 = 年度资金总额（年初预算数、全年预算数、全年执行数各栏）', 'basic + project = the total, in each column (initial, full-year budget, executed)'),
  'budgetBreakdown.fundSources': t('按收入性质分：各项资金之和 = 合计', 'by fund source: the sources sum to their total'),
  'budgetBreakdown.byNature.columns': t('有分项的栏数', 'columns broken down'),
  'budgetBreakdown.fundSources.columns': t('有分项的栏数（0 或 1）', 'columns broken down (0 or 1)'),
  'budgetBreakdown.byNature.mismatch': t('分项之和与合计不符的第一栏（合计的字段）', 'the first column whose parts miss its total (the total\'s field)'),
  'budgetBreakdown.fundSources.mismatch': t('分项之和与合计不符时，合计的字段', 'the total\'s field, when the parts miss it'),
  'budgetBreakdown.byNature.undecided': t('无法判断的栏（合计为空，或已填分项少于合计而有分项为空）', 'columns that cannot be decided (a blank total, or known parts short of it beside a blank)'),
  'budgetBreakdown.fundSources.undecided': t('无法判断时，合计的字段', 'the total\'s field, when it cannot be decided'),
  'budgetBreakdown.byNature.undecidedCount': t('无法判断的栏数', 'number of columns that cannot be decided'),
  'budgetBreakdown.fundSources.undecidedCount': t('无法判断的栏数', 'number of columns that cannot be decided'),
  scoring: t('自评表（T3/T4/T5）的计算', 'the 自评表 arithmetic (T3/T4/T5)'),
  'scoring.present': t('表中是否有自评表部分', 'whether the form has a 自评表 section'),
  'scoring.budget': t('预算执行率及其得分的重算', 'the budget execution rate and its score, recomputed'),
  'scoring.budget.present': t('自评表是否有预算执行一项', 'whether the 自评表 has the budget item'),
  'scoring.budget.rateBase': t('执行率的分母：全年预算数或年初预算数（参数）', 'the budget the rate is measured against (a parameter)'),
  'scoring.budget.rate': t('重算的执行率：执行数 ÷ 分母 × 100（%）', 'execution rate recomputed: executed ÷ base × 100 (%)'),
  'scoring.budget.rateDifference': t('所填执行率 − 重算值（百分点）', 'stated rate − recomputed (points)'),
  'scoring.budget.rateAbsDifference': t('|所填执行率 − 重算值|', '|stated rate − recomputed|'),
  'scoring.budget.rateUsed': t('计分所用的执行率：重算值，否则所填值', 'the rate scored: recomputed, else stated'),
  'scoring.budget.expectedScore': t('按本地公式应得的执行得分', 'the execution score the local formula gives'),
  'scoring.budget.scoreDifference': t('所填得分 − 应得分', 'stated score − expected'),
  'scoring.budget.scoreAbsDifference': t('|所填得分 − 应得分|', '|stated score − expected|'),
  'scoring.budget.adjustmentDifference': t('年初预算数 + 调整数 − 全年预算数', 'initial budget + adjustment − annual budget'),
  'scoring.budget.adjustmentAbsDifference': t('|年初预算数 + 调整数 − 全年预算数|', '|initial budget + adjustment − annual budget|'),
  'scoring.indicators': t('绩效指标行的核对', 'the indicator rows checked'),
  'scoring.indicators.count': t('指标行数', 'number of indicator rows'),
  'scoring.indicators.outOfRange': t('得分高于分值或低于 0 的行', 'rows scored above their points or below 0'),
  'scoring.indicators.missingReason': t('未完成目标却未写偏差原因的行', 'rows short of their target with no reason given'),
  'scoring.indicators.fullMarksShort': t('未完成目标却得满分的定量指标行', 'quantitative rows short of target scored full points'),
  'scoring.indicators.coefficientMismatch': t('得分 ≠ 分值 × 得分系数的行', 'rows whose score ≠ points × coefficient'),
  'scoring.indicators.coefficientRows': t('得分系数栏中的行数（已填或空白；0 表示没有该栏）', 'rows in a score coefficient column (filled or blank; 0: no such column)'),
  'scoring.points': t('分值之和', 'sum of the points'),
  'scoring.points.sum': t('预算执行与各指标行分值之和', 'Σ points of the budget item and every row'),
  'scoring.points.difference': t('分值之和 − 所填总分值', 'Σ points − the stated total points'),
  'scoring.points.absDifference': t('|分值之和 − 所填总分值|', '|Σ points − the stated total points|'),
  'scoring.scoreTotal': t('得分之和', 'sum of the scores'),
  'scoring.scoreTotal.sum': t('预算执行与各指标行得分之和（空白不计）', 'Σ scores of the budget item and every row (blanks left out)'),
  'scoring.scoreTotal.difference': t('所填总分 − 得分之和', 'the stated total score − Σ scores'),
  'scoring.scoreTotal.absDifference': t('|所填总分 − 得分之和|', '|the stated total score − Σ scores|'),
  'scoring.scoreTotal.tolerance': t('允许的舍入误差：每行舍入 × max(1, 行数 − 1)', 'rounding allowed: per row × max(1, rows − 1)'),
  'scoring.recomputed': t('按评分规则修正后的总分', 'the total with every correction of the scoring rules'),
  'scoring.recomputed.score': t('修正后的总分（所需得分有空白时为空）', 'the corrected total (blank when a score it needs is blank)'),
  'scoring.recomputed.executionDelta': t('预算执行：应得分 − 所填得分', 'budget item: expected − stated score'),
  'scoring.recomputed.withinPointsDelta': t('各行得分限于 [0, 分值] 的修正', 'correction holding each row to [0, points]'),
  'scoring.recomputed.fullMarksDelta': t('未完成目标却得满分的行的修正', 'correction of rows short of target scored full points'),
  answers: t('勾选题的答案', 'the checkbox answers'),
  'answers.unresolved': t('未能确定答案的勾选题', 'questions whose answer could not be told'),
  'answers.unresolvedCount': t('未能确定答案的勾选题数', 'number of questions whose answer could not be told'),
  'answers.inferred': t('答案为推断所得的勾选题', 'questions whose answer was inferred'),
  'answers.inferredCount': t('答案为推断所得的勾选题数', 'number of questions whose answer was inferred'),
};

/** Leaf keys shared by several computed groups (a sum check, a list of rows, a change, a peer comparison). */
const LEAVES: Readonly<Record<string, LocalizedText>> = {
  total: t('合计（如表所填）', 'the total as written'),
  partsSum: t('各分项之和', 'sum of the parts'),
  parts: t('分项数', 'number of parts'),
  blankParts: t('空白的分项数', 'number of blank parts'),
  difference: t('合计 − 各分项之和', 'total − sum of the parts'),
  absDifference: t('|合计 − 各分项之和|', '|total − sum of the parts|'),
  blank: t('空白的行数', 'number of blank rows'),
  rows: t('这些行的行号', 'the row numbers'),
  count: t('行数', 'how many'),
  undecided: t('无法判断的行数', 'rows that cannot be decided'),
  undecidedRows: t('无法判断的行（行号与名称）', 'the rows that cannot be decided (number and name)'),
  incomparable: t('目标值与完成值都已填写但无法比较的行数（只作提示）', 'rows whose target and actual are both written but cannot be compared (noted only)'),
  indexes: t('这些行在指标表中的位置（从 0 起；表只读出一部分时，据此判断不通过是否成立）', 'the rows\' 0-based positions in the indicator table (decides whether a failure stands when the table was read only in part)'),
};

const FINDINGS: Readonly<Record<string, LocalizedText>> = {
  '': t('此前运行的规则的结果（仅限声明 after 的规则）', 'outcomes of the rules that ran before (rules with "after" only)'),
  outcomes: t('各规则的结果，按规则 id', 'each rule\'s outcome, by rule id'),
  failedRules: t('不通过的规则（已豁免的除外）', 'rules that failed (waived ones excepted)'),
  errorFailures: t('错误级不通过的规则（已豁免的除外）', 'rules that failed at error (waived ones excepted)'),
  errorFailureCount: t('错误级不通过的规则数（已豁免的除外）', 'how many failed at error (waived ones excepted)'),
  redFlags: t('不通过的红旗规则（已豁免的除外）', 'red-flag rules that failed (waived ones excepted)'),
  redFlagCount: t('不通过的红旗规则数（已豁免的除外）', 'how many red-flag rules failed (waived ones excepted)'),
  waivedRules: t('不通过但已豁免的规则', 'rules that failed and were waived'),
  waivedCount: t('已豁免的规则数', 'how many were waived'),
  evaluatedCount: t('此前运行的规则数', 'how many rules ran before'),
};

const BATCH: Readonly<Record<string, LocalizedText>> = {
  '': t('本表在本次所有表中的情况（scope: batch 的规则）', 'this form among every form of the run (rules of scope batch)'),
  size: t('本次检查的表数', 'forms in the run'),
  yearSize: t('同一年度的表数', 'forms of the same fiscal year'),
  duplicates: t('同一单位同一年度重复提交', 'the same unit and year submitted more than once'),
  'duplicates.count': t('同一单位同一年度的其他表数（全部）', 'other forms of this unit and year (all of them)'),
  'duplicates.sources': t('列出的其他表的文件（按文件名排序的前 batch.listedCopies 份）', 'the files of the other forms named (the first batch.listedCopies by file name)'),
  'duplicates.listed': t('列出的其他表数', 'how many other forms are named'),
  'duplicates.unlisted': t('未列出的其他表数', 'how many other forms are counted but not named'),
  'duplicates.differences': t('它们之间不同的字段', 'the fields that differ between them'),
  'duplicates.differenceCount': t('不同字段数', 'how many fields differ'),
  narrative: t('与另一单位的表雷同的文字', 'text copied from another unit\'s form'),
  'narrative.similarity': t('相似度（%）', 'similarity (%)'),
  'narrative.field': t('本表的字段', 'the field of this form'),
  'narrative.otherField': t('另一表的字段', 'the field of the other form'),
  'narrative.otherSource': t('另一表的文件', 'the other form\'s file'),
  'narrative.otherUnit': t('另一表的单位', 'the other form\'s unit'),
  'narrative.otherFiscalYear': t('另一表的年度', 'the other form\'s fiscal year'),
  'narrative.passage': t('雷同的文字', 'the passage in common'),
  'narrative.passageLength': t('雷同文字的长度（字）', 'length of the passage (characters)'),
  'narrative.figureDifferences': t('雷同文字中与另一表不同的数字（本表 ≠ 另一表，最多列出 10 处）', 'the figures of the passage that differ from the other form\'s (this ≠ other, at most 10 listed)'),
  'narrative.figureDifferenceCount': t('雷同文字中与另一表不同的数字个数（相似度不计数字）', 'how many figures of the passage differ from the other form\'s (similarity does not see figures)'),
  peers: t('与同年度其他单位的比较', 'compared with the other units of the year'),
};

const PEER_KEYS: Readonly<Record<string, LocalizedText>> = {
  value: t('本表的值（%）', 'this form\'s value (%)'),
  median: t('同年度各表的中位数（%）', 'median of the year\'s forms (%)'),
  min: t('最小值（%）', 'lowest (%)'),
  max: t('最大值（%）', 'highest (%)'),
  count: t('参与比较的表数', 'forms compared'),
  mad: t('中位数绝对偏差', 'median absolute deviation'),
  robustZ: t('稳健 z 值（修正 z 分数）', 'robust z (modified z-score)'),
  absRobustZ: t('稳健 z 值的绝对值', 'absolute robust z'),
};

const CHANGE_KEYS: Readonly<Record<string, LocalizedText>> = {
  current: t('本年度的值', 'this year\'s value'),
  previous: t('上年度的值', 'the previous year\'s value'),
  difference: t('本年 − 上年', 'this year − previous'),
  absDifference: t('|本年 − 上年|', '|this year − previous|'),
  rate: t('变动率（%）', 'change rate (%)'),
  absRate: t('变动率的绝对值（%）', 'absolute change rate (%)'),
};

/** Groups of the form made of groups (their fields' labels name the grid's rows and columns). */
const FORM_GROUPS: Readonly<Record<string, LocalizedText>> = {
  costControl: t('经费控制表（T1b）：三公经费、公务用车、出国（境）、公务接待、公用经费、政府采购 × 上年决算、本年预算、本年决算', 'the cost control grid (T1b): "three public", vehicles, overseas, reception, public funds, procurement × prior-year final accounts, this year\'s budget, this year\'s final accounts'),
};

function formMeaning(path: string, catalogue: FactCatalogue): LocalizedText | undefined {
  if (isFieldPath(path)) return FIELD_LABELS[path];
  if (Object.hasOwn(FORM_GROUPS, path)) return FORM_GROUPS[path];
  const row = /^selfAssessment\.indicators(?:\.(\w+))?$/.exec(path);
  if (row !== null) {
    const key = row[1];
    if (key === undefined) return t('绩效指标行（列表）', 'the indicator rows (a list)');
    return Object.hasOwn(INDICATOR_LABELS, key) ? INDICATOR_LABELS[key as keyof typeof INDICATOR_LABELS] : undefined;
  }
  // A group: the labels of its fields.
  const children = [...catalogue.keys()].filter((p) => p.startsWith(`${path}.`) && !p.slice(path.length + 1).includes('.') && isFieldPath(p)) as (keyof typeof FIELD_LABELS)[];
  if (children.length === 0) return undefined;
  const list = (locale: 'zh-CN' | 'en') => children.map((p) => FIELD_LABELS[p][locale]);
  return t(`表中一组：${list('zh-CN').join('、')}`, `a group of the form: ${list('en').join(', ')}`);
}

function derivedMeaning(rest: string): LocalizedText | undefined {
  return DERIVED[rest] ?? LEAVES[rest.split('.').at(-1) ?? ''];
}

function batchMeaning(rest: string): LocalizedText | undefined {
  if (Object.hasOwn(BATCH, rest)) return BATCH[rest];
  const peer = /^peers\.(\w+)(?:\.(\w+))?$/.exec(rest);
  if (peer === null) return undefined;
  const measure = PEER_MEASURES.find((m) => m.id === peer[1]);
  if (measure === undefined) return undefined;
  const key = peer[2];
  if (key === undefined) return t(`${measure.label['zh-CN']}（${measure.formula}）`, `${measure.label.en} (${measure.formula})`);
  const k = PEER_KEYS[key];
  return k === undefined ? undefined : t(`${measure.label['zh-CN']}：${k['zh-CN']}`, `${measure.label.en}: ${k.en}`);
}

/** What one fact path means (undefined for a path the catalogue has no words for). */
export function factMeaning(path: string, catalogue: FactCatalogue, packs: readonly Pick<Pack, 'meta' | 'rules'>[] = []): LocalizedText | undefined {
  const [head = '', ...tail] = path.split('.');
  const rest = tail.join('.');
  switch (head) {
    case 'derived':
      return derivedMeaning(rest);
    case 'findings':
      return FINDINGS[rest];
    case 'batch':
      return batchMeaning(rest);
    case 'indicators': {
      if (rest === '') return t('绩效指标（%）', 'the indicators (%)');
      const def = INDICATORS.find((d) => d.id === rest);
      return def === undefined ? undefined : t(`${def.label['zh-CN']}：${def.formula}（%）`, `${def.label.en}: ${def.formula} (%)`);
    }
    case 'params': {
      if (rest === '') return t('参数（按规则包）：当年度生效的值', 'parameters (by pack): the values in force for the year');
      const [packName, name] = tail;
      if (name === undefined) return t(`规则包 ${packName ?? ''} 的参数`, `parameters of pack ${packName ?? ''}`);
      const p = packs.find((x) => x.meta.name === packName)?.rules.flatMap((r) => r.parameters ?? []).find((x) => x.name === name);
      return p?.title;
    }
    case 'history': {
      if (rest === '') return t('同一单位上一年度的表（需 requires: history.previous）', 'the same unit\'s previous-year form (requires history.previous)');
      if (rest === 'previous') return t('上年度的表', 'the previous year\'s form');
      if (rest === 'change') return t('各数字较上年度的变化', 'how each figure moved from the previous year');
      const previous = /^previous\.(.+)$/.exec(rest);
      if (previous?.[1] !== undefined) {
        const m = factMeaning(previous[1], catalogue, packs);
        return m === undefined ? undefined : t(`上年度表的${m['zh-CN']}`, `previous year: ${m.en}`);
      }
      const change = /^change\.(.+?)(?:\.(current|previous|difference|absDifference|rate|absRate))?$/.exec(rest);
      if (change?.[1] === undefined) return undefined;
      const m = factMeaning(change[1], catalogue, packs);
      if (m === undefined) return undefined;
      const k = change[2] === undefined ? undefined : CHANGE_KEYS[change[2]];
      return k === undefined ? t(`${m['zh-CN']}的变化`, `change of ${m.en}`) : t(`${m['zh-CN']}：${k['zh-CN']}`, `${m.en}: ${k.en}`);
    }
    default:
      return formMeaning(path, catalogue);
  }
}
