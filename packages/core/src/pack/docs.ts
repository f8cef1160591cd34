import type { CitationCheck, LegalBasis, Pack, Rule } from './schema.js';
import { ruleLeaves } from './validate.js';
import { contextRequirements, ruleScope } from '../engine/scope.js';
import { CORE_MESSAGES } from '../i18n/messages.js';

/** Header of every generated document. */
export const GENERATED_HEADER = '<!-- 由规则元数据生成，请勿手工编辑 / generated from rule metadata: do not edit -->';

function basisLine(b: LegalBasis): string {
  const parts = [`《${b.instrument}》`];
  if (b.number !== undefined) parts.push(b.number);
  if (b.article !== undefined) parts.push(b.article);
  if (b.effectiveFrom !== undefined) parts.push(`（${b.effectiveFrom} 起施行）`);
  if (b.note !== undefined) parts.push(`— ${b.note['zh-CN']} / ${b.note.en}`);
  if (b.verification !== undefined) parts.push(verificationText(b.verification));
  return parts.join(' ');
}

/** `〔已核实 2026-11-29：source〕 remark` — the citation check, as the docs show it. */
function verificationText(v: CitationCheck): string {
  const status = v.status === 'verified' ? '已核实 / verified' : '未核实 / not verified';
  const where = v.source === undefined ? '' : `: <${v.source}>`;
  const remark = v.remark === undefined ? '' : ` ${v.remark['zh-CN']} / ${v.remark.en}`;
  return `〔${status} ${v.checked}${where}〕${remark}`;
}

const SCOPE_TEXT = {
  history: '跨年度：对照同一单位上一年度的表（`history.previous`），无上年表时不适用 / across years: compared with the same unit\'s form for the previous year (`history.previous`); not applicable without one',
  batch: '同批次：对照本次检查的其他表（`batch`），只检查一份表时不适用 / across the batch: compared with the other forms of the run (`batch`); not applicable to a single form',
} as const;

/** How a rule adds to its pack's total: `满分 8 分，得分取自 {points} / 8 points, earned: {points}`, or the deductions. */
function scoreText(rule: Rule): string {
  const score = rule.score;
  if (score === undefined) return '';
  const max = String(score.max);
  if (score.points !== undefined) return `满分 ${max} 分，得分取自 \`{${score.points}}\` / ${max} points, earned: \`{${score.points}}\``;
  const off = rule.checks.map((c) => `\`${c.id}\` −${String(c.deduct ?? score.max)}`).join(', ');
  return `满分 ${max} 分；通过得满分，不通过扣分 / ${max} points; a pass earns them all, a failure loses: ${off}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One rule's documentation page (Markdown), generated from its metadata. */
export function renderRuleDoc(rule: Rule, pack: Pack['meta']): string {
  const lines = [GENERATED_HEADER, '', `# ${rule.id}`, '', `**${rule.title['zh-CN']}** / ${rule.title.en}`, ''];
  if (rule.description) lines.push(rule.description['zh-CN'], '', rule.description.en, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| 规则包 / pack | ${pack.name} ${pack.version} |`);
  lines.push(`| 默认严重程度 / default severity | ${rule.severity} |`);
  lines.push(`| 红旗事项 / red flag | ${rule.redFlag === true ? '是 / yes' : '否 / no'} |`);
  lines.push(`| 读取字段 / fields | ${rule.paths.map((p) => `\`${p}\``).join(', ')} |`);
  if (rule.requires?.length) lines.push(`| 必需值（为空则无法判断） / required values | ${rule.requires.map((p) => `\`${p}\``).join(', ')} |`);
  const scope = ruleScope(rule);
  if (scope !== 'form') lines.push(`| 跨表规则 / cross-form rule | ${SCOPE_TEXT[scope]} |`);
  if (rule.after?.length) lines.push(`| 在其后运行 / runs after | ${rule.after.map((p) => `\`${p}\``).join(', ')} |`);
  if (rule.effective) lines.push(`| 施行期间 / in force | ${rule.effective.from ?? '—'} … ${rule.effective.until ?? '—'} |`);
  if (rule.score) lines.push(`| 计分 / score | ${scoreText(rule)} |`);
  lines.push('', '## 依据 / Legal basis', '', ...rule.basis.map((b) => `- ${basisLine(b)}`), '');
  lines.push('## 结果 / Outcomes', '');
  if (contextRequirements(rule).includes('history.previous')) lines.push(`- **not-applicable** (\`no-previous-form\`): ${CORE_MESSAGES['zh-CN'].noPreviousForm.replace('{reason}', CORE_MESSAGES['zh-CN'].noPreviousFormReason)} / ${CORE_MESSAGES.en.noPreviousForm.replace('{reason}', CORE_MESSAGES.en.noPreviousFormReason)}`);
  if (contextRequirements(rule).includes('batch')) lines.push(`- **not-applicable** (\`no-batch\`): ${CORE_MESSAGES['zh-CN'].noBatch} / ${CORE_MESSAGES.en.noBatch}`);
  if (rule.notApplicableWhen) lines.push(`- **not-applicable**: ${rule.notApplicableWhen.message['zh-CN']} / ${rule.notApplicableWhen.message.en}`);
  if (rule.requires?.length) lines.push(`- **indeterminate**: 必需值为空 / a required value is blank`);
  if (rule.indeterminateWhen) lines.push(`- **indeterminate**: ${rule.indeterminateWhen.message['zh-CN']} / ${rule.indeterminateWhen.message.en}`);
  for (const c of rule.checks) lines.push(`- **fail** (\`${c.id}\`, ${c.severity ?? rule.severity}): ${c.message['zh-CN']} / ${c.message.en}`);
  lines.push(`- **pass**: ${rule.pass['zh-CN']} / ${rule.pass.en}`);
  for (const n of rule.notes ?? []) lines.push(`- 提示 / note (\`${n.id}\`): ${n.message['zh-CN']} / ${n.message.en}`);
  lines.push('');
  if (rule.parameters?.length) {
    lines.push('## 参数 / Parameters', '', '| 参数 / parameter | 类型 / type | 取值 / value | 起 / from | 止 / until | 依据 / basis |', '|---|---|---|---|---|---|');
    for (const p of rule.parameters) {
      for (const v of p.values) {
        lines.push(`| \`${pack.name}.${p.name}\` ${cell(p.title['zh-CN'])} | ${p.type}${p.unit ? ` (${p.unit})` : ''} | ${v.value === null ? '无 / none' : cell(String(v.value))} | ${v.from} | ${v.until ?? '—'} | ${cell(v.basis)} |`);
      }
    }
    lines.push('');
  }
  lines.push('## 条件 / Conditions', '', '```json');
  const conditions: Record<string, unknown> = {};
  if (rule.notApplicableWhen) conditions.notApplicableWhen = rule.notApplicableWhen.when;
  if (rule.indeterminateWhen) conditions.indeterminateWhen = rule.indeterminateWhen.when;
  for (const c of rule.checks) conditions[`checks.${c.id}`] = c.when;
  lines.push(JSON.stringify(conditions, null, 2), '```', '');
  const facts = [...new Set([...ruleLeaves(rule)].map(([leaf]) => (leaf.path ? `${leaf.fact}.${leaf.path}` : leaf.fact)))];
  lines.push(`读取的事实 / facts read: ${facts.map((f) => `\`${f}\``).join(', ')}`, '');
  return lines.join('\n');
}

/** The rule catalogue of several packs (Markdown): id, title, severity, basis, parameters. */
export function renderCatalogue(packs: readonly Pack[], docLink: (rule: Rule, pack: Pack['meta']) => string): string {
  const lines = [GENERATED_HEADER, '', '# 规则目录 / Rule catalogue', ''];
  const total = packs.reduce((n, p) => n + p.rules.length, 0);
  lines.push(`${String(packs.length)} 个规则包，${String(total)} 条规则 / ${String(packs.length)} packs, ${String(total)} rules.`, '');
  for (const pack of packs) {
    lines.push(`## ${pack.meta.name} — ${pack.meta.title['zh-CN']} / ${pack.meta.title.en}`, '');
    lines.push('| 规则 / rule | 标题 / title | 严重程度 / severity | 依据 / basis | 参数 / parameters |', '|---|---|---|---|---|');
    for (const rule of pack.rules) {
      const params = (rule.parameters ?? []).map((p) => {
        const latest = p.values.at(-1);
        return `\`${pack.meta.name}.${p.name}\` = ${latest?.value === null || latest === undefined ? '无' : String(latest.value)}`;
      });
      lines.push(
        `| [\`${rule.id}\`](${docLink(rule, pack.meta)}) | ${cell(rule.title['zh-CN'])} / ${cell(rule.title.en)} | ${rule.severity}${rule.redFlag === true ? ' 🚩' : ''} | ${cell(rule.basis.map((b) => `《${b.instrument}》${b.number ?? ''}`).join('；'))} | ${params.join('<br>') || '—'} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
