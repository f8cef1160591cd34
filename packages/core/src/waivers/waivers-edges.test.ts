// Waivers at their edges (example tables worked by hand): the expiry day itself, a unit name with spaces around
// it, failures only, a finding waived once, an expired waiver only where its rule ran, and the zh-CN texts.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine/checker.js';
import { loadPackFromDir } from '../node/index.js';
import { passingEvaluation } from '../pack/cases.js';
import type { EvaluationResult } from '../result/model.js';
import { parseWaiverFile, waiverRefs, type Waiver } from './waivers.js';
import { applyWaivers } from './apply.js';

const staffing = loadPackFromDir(fileURLToPath(new URL('../../../../rules/staffing', import.meta.url)));
const checker = createChecker([staffing]);

/** The staffing pack on a form of `unit`: 25 staff for 22 places fails within-quota (a warning). */
function check(unit: string, actual = 25): EvaluationResult {
  return checker.checkEvaluationSync({ ...passingEvaluation(), fiscalYear: 2020, unit: { name: unit }, staffing: { authorized: 22, actual }, staffingControl: { overstaffed: actual > 22 ? 'yes' : 'no' } });
}

const waiver = (w: Partial<Waiver> = {}): Waiver => ({ rule: 'staffing/within-quota', unit: '北塔区司法局', reason: '过渡期', approver: '绩效科', expires: '2021-06-30', ...w });
const quota = (r: EvaluationResult | undefined) => r?.findings.find((f) => f.ruleId === 'staffing/within-quota');

describe('applyWaivers at its edges', () => {
  it.each([
    ['2021-06-29', true],
    ['2021-06-30', true], // valid through its expiry day
    ['2021-07-01', false],
  ])('on %s a waiver expiring 2021-06-30 waives: %s', (today, waives) => {
    const { results, report } = applyWaivers([check('北塔区司法局')], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today });
    expect(quota(results[0])?.waiver !== undefined).toBe(waives);
    expect(report.expired).toHaveLength(waives ? 0 : 1);
    expect(report.applied.map((a) => a.count)).toEqual(waives ? [1] : []);
  });

  it('matches the unit as written on the form, spaces around it aside', () => {
    const { results } = applyWaivers([check('  北塔区司法局 ')], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2021-01-01' });
    expect(quota(results[0])?.waiver?.source).toBe('w.yaml');
    expect(results[0]?.summary).toMatchObject({ waived: 1 });
  });

  it('waives failures only: a rule that passed is left as it is and the waiver is unused', () => {
    const r = check('北塔区司法局', 21);
    const { results, report } = applyWaivers([r], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2021-01-01' });
    expect(results[0]?.findings).toEqual(r.findings);
    expect(results[0]?.summary).toEqual(r.summary);
    expect(report.unused).toHaveLength(1);
  });

  it('the first matching waiver takes a failure; a second one for it is unused; a waived finding is not waived again', () => {
    const refs = waiverRefs({ waivers: [waiver({ approver: '甲' }), waiver({ approver: '乙' })] }, 'w.yaml');
    const once = applyWaivers([check('北塔区司法局')], refs, { today: '2021-01-01' });
    expect(quota(once.results[0])?.waiver?.approver).toBe('甲');
    expect(once.report.applied.map((a) => [a.index, a.count])).toEqual([[0, 1]]);
    expect(once.report.unused.map((u) => u.index)).toEqual([1]);
    const twice = applyWaivers(once.results, waiverRefs({ waivers: [waiver({ approver: '丙' })] }, 'v.yaml'), { today: '2021-01-01' });
    expect(quota(twice.results[0])?.waiver).toEqual({ reason: '过渡期', approver: '甲', expires: '2021-06-30', source: 'w.yaml' });
    expect(twice.results[0]?.summary).toEqual(once.results[0]?.summary);
  });

  it('counts every failure a waiver takes, across forms', () => {
    const { report } = applyWaivers([check('北塔区司法局'), check('北塔区司法局', 30), check('双清区财政局')], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2021-01-01' });
    expect(report.applied.map((a) => a.count)).toEqual([2]);
  });

  it('an expired waiver adds its warning only to forms of its unit on which its rule ran', () => {
    const refs = waiverRefs({ waivers: [waiver(), waiver({ rule: 'budget/surplus-consistent' })] }, 'w.yaml');
    const { results } = applyWaivers([check('北塔区司法局'), check('双清区财政局')], refs, { today: '2022-01-01' });
    expect(results.map((r) => r.findings.filter((f) => f.ruleId === 'waiver/expired').map((f) => f.data.rule))).toEqual([['staffing/within-quota'], []]);
  });

  it('says in zh-CN (the default) that a waiver expired, and why one waived nothing', () => {
    const r = check('北塔区司法局');
    const expired = applyWaivers([r], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2022-01-01' }).results[0]?.findings.find((f) => f.ruleId === 'waiver/expired');
    expect(expired).toEqual({
      ruleId: 'waiver/expired',
      pack: 'waiver',
      title: '豁免已过期',
      outcome: 'fail',
      severity: 'warning',
      redFlag: false,
      messageId: 'waiver/expired#expired',
      message: '规则 staffing/within-quota 对本单位的豁免（批准人 绩效科）已于 2021-06-30 到期，该规则照常计入',
      data: { rule: 'staffing/within-quota', expires: '2021-06-30', approver: '绩效科', reason: '过渡期', source: 'w.yaml', index: 0 },
      paths: [],
      observed: {},
      basis: [{ instrument: '豁免文件 w.yaml' }],
    });
    const refs = waiverRefs({ waivers: [waiver({ unit: '双清区财政局', year: 2020 }), waiver({ unit: '双清区财政局' }), waiver({ rule: 'budget/surplus-consistent' })] }, 'w.yaml');
    const passed = applyWaivers([check('北塔区司法局', 21)], [...refs, ...waiverRefs({ waivers: [waiver()] }, 'w.yaml')], { today: '2021-01-01' });
    expect(passed.report.unused.map((u) => u.why['zh-CN'])).toEqual([
      '没有检查 双清区财政局 2020 年度的自评表',
      '没有检查 双清区财政局的自评表',
      '规则 budget/surplus-consistent 未加载',
      '规则 staffing/within-quota 对该单位未判为不通过',
    ]);
    const en = applyWaivers([r], waiverRefs({ waivers: [waiver()] }, 'w.yaml'), { today: '2022-01-01', locale: 'en' }).results[0]?.findings.find((f) => f.ruleId === 'waiver/expired');
    expect(en).toMatchObject({ title: 'Waiver expired', basis: [{ instrument: 'waiver file w.yaml' }] });
  });
});

describe('parseWaiverFile at its edges', () => {
  it('reports each bad field once, in both languages, at its line', () => {
    const yaml = 'waivers:\n  - rule: Staffing\n    unit: x\n    reason: y\n    approver: z\n    expires: 2021-13-01\n';
    const r = parseWaiverFile(yaml, 'w.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.level, i.code, i.file, i.path, i.line])).toEqual([
      ['error', 'schema', 'w.yaml', 'waivers.0.rule', 2],
      ['error', 'schema', 'w.yaml', 'waivers.0.expires', 6],
    ]);
    expect(r.issues[0]?.message).toEqual({ 'zh-CN': '规则 id 应为 pack/rule-name', en: 'rule id must be pack/rule-name' });
  });

  it.each([
    // A waiver with only its rule: each required field named, in Chinese and English, never zod's "Invalid input".
    {
      yaml: 'waivers:\n  - rule: staffing/within-quota\n',
      messages: [
        ['waivers.0.unit', '缺少必填字段“unit”', 'missing the required field "unit"'],
        ['waivers.0.reason', '缺少必填字段“reason”', 'missing the required field "reason"'],
        ['waivers.0.approver', '缺少必填字段“approver”', 'missing the required field "approver"'],
        ['waivers.0.expires', '缺少必填字段“expires”', 'missing the required field "expires"'],
      ],
    },
    {
      yaml: 'waivers:\n  - rule: staffing/within-quota\n    unit: 北塔区司法局\n    year: "2020"\n    reason: r\n    approver: a\n    expires: 2030-01-01\n    approvr: b\n',
      messages: [
        ['waivers.0.year', '类型错误：应为数字，实为文本 "2020"', 'wrong type: expected number, got string "2020"'],
        ['waivers.0', '未知字段：approvr', 'unknown field(s): approvr'],
      ],
    },
  ])('words each schema problem in both languages: $messages.0.1', ({ yaml, messages }) => {
    const r = parseWaiverFile(yaml, 'w.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.message['zh-CN'], i.message.en])).toEqual(messages);
  });

  it('refuses nesting deeper than a waiver file has, with its place', () => {
    const r = parseWaiverFile(`${'['.repeat(200)}${']'.repeat(200)}`, 'w.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ level: 'error', file: 'w.json', line: 1, path: '' })]);
  });

  // Issue 15 (lead's review): worded by the parser's error code in both languages, never the parser's English.
  it.each([
    ['a bad indent (an unclosed bracket)', 'waivers:\n  - rule: [\n', 3, 1, '不是有效的 YAML：缩进不正确，或方括号、花括号未闭合', 'not valid YAML: wrong indentation, or an unclosed bracket or brace'],
    ['a list item without its dash', 'waivers:\n  - rule: a/b\n    unit: 甲\n   reason: x\n', 4, 1, '不是有效的 YAML：缺少字符（如列表项前的“- ”、键后的“:”、结尾的引号或括号）', 'not valid YAML: a character is missing (such as "- " before a list item, ":" after a key, a closing quote or bracket)'],
    ['a key twice', 'waivers:\n  - rule: a/b\n    rule: c/d\n', 3, 5, '不是有效的 YAML：同一层级中有重复的键', 'not valid YAML: a key appears twice at the same level'],
    ['a tab indenting', 'waivers:\n\t- rule: a/b\n', 2, 1, '不是有效的 YAML：不能用制表符缩进，请改用空格', 'not valid YAML: tabs cannot indent; use spaces'],
  ])('%s: line and column, the kind in both languages', (_name, text, line, column, zh, en) => {
    const r = parseWaiverFile(text, 'w.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toEqual({ level: 'error', code: 'yaml', file: 'w.yaml', line, column, path: '', message: { 'zh-CN': zh, en } });
  });
});

describe('parseWaiverFile: a file named .json is held to JSON, and nesting is bounded', () => {
  const trailingComma = '{\n  "waivers": [],\n}\n';
  const at = (r: ReturnType<typeof parseWaiverFile>) => (r.ok ? 'read' : r.issues.map((i) => [i.code, i.file, i.line, i.column, i.path]));

  it('a trailing comma or a key written twice in a .json file is refused where it stands (line, column); YAML forgives the comma', () => {
    // The comma ends line 2, so the `}` on line 3, column 1 is where JSON stops; the second "waivers" is line 3, column 3.
    expect(at(parseWaiverFile(trailingComma, 'w.json'))).toEqual([['json', 'w.json', 3, 1, '']]);
    expect(at(parseWaiverFile('{\n  "waivers": [],\n  "waivers": []\n}\n', 'w.JSON'))).toEqual([['duplicate-key', 'w.JSON', 3, 3, '']]);
    expect(at(parseWaiverFile(trailingComma, 'w.yaml'))).toBe('read');
    expect(at(parseWaiverFile(trailingComma, 'w.json.yaml'))).toBe('read');
  });

  it('nesting deeper than 64 levels is refused at the 65th bracket', () => {
    // `a: ` is 3 columns, so the 65th `[` is column 68.
    expect(at(parseWaiverFile(`a: ${'['.repeat(300)}`, 'w.yaml'))).toEqual([['too-deep', 'w.yaml', 1, 68, '']]);
  });
});
